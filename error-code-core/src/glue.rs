//! Small helpers the generated code calls: the status constants and the
//! detection of a `Display` impl.

use http::StatusCode;

/// Finds out whether a derived type implements `Display`, without requiring
/// it: `(&Probe(self)).__detail()` picks [`ViaDisplay`] where it applies and
/// [`NoDisplay`] otherwise (method resolution tries `&Probe` before
/// `&&Probe`).
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// The detail of a type that implements `Display`.
pub trait ViaDisplay<'a> {
    /// The value as its detail.
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display>;
}

impl<'a, T: core::fmt::Display> ViaDisplay<'a> for Probe<'a, T> {
    #[inline]
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display> {
        Some(self.0)
    }
}

/// No detail, for a type without `Display`.
pub trait NoDisplay<'a> {
    /// `None`.
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display>;
}

impl<'a, T: ?Sized> NoDisplay<'a> for &Probe<'a, T> {
    #[inline]
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display> {
        None
    }
}

/// The status with this number; the derive only passes 400..=599.
#[must_use]
pub const fn status(n: u16) -> StatusCode {
    match StatusCode::from_u16(n) {
        Ok(status) => status,
        Err(_) => panic!("invalid HTTP status"),
    }
}

/// The value as an error, for a type that implements `std::error::Error`.
pub trait ViaError<'a> {
    /// The value as an error.
    fn __error(&self) -> Option<&'a dyn std::error::Error>;
}

impl<'a, T: std::error::Error> ViaError<'a> for Probe<'a, T> {
    #[inline]
    fn __error(&self) -> Option<&'a dyn std::error::Error> {
        Some(self.0)
    }
}

/// `None`, for a type that is no `std::error::Error`.
pub trait NoError<'a> {
    /// `None`.
    fn __error(&self) -> Option<&'a dyn std::error::Error>;
}

impl<'a, T: ?Sized> NoError<'a> for &Probe<'a, T> {
    #[inline]
    fn __error(&self) -> Option<&'a dyn std::error::Error> {
        None
    }
}
