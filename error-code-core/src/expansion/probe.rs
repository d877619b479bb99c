//! What a derived type implements, found without requiring it: the
//! generated `__probe` calls `(&&&Probe(self)).__probe()`, and method
//! resolution picks the first impl that applies, the one that takes the
//! most references away first: [`ViaError`] (on `&&Probe`), [`ViaDisplay`]
//! (on `&Probe`), else [`Neither`] (on `Probe`).

use core::fmt::Display;
use std::error::Error;

/// The `Display` and `std::error::Error` views of a value, where it has them.
#[derive(Clone, Copy)]
pub struct Probed<'a> {
    /// The value's `Display`, the detail of its answers.
    pub display: Option<&'a dyn Display>,
    /// The value as an error, whose `source()` chain is logged.
    pub error: Option<&'a dyn Error>,
}

impl<'a> Probed<'a> {
    /// Neither view.
    pub const NOTHING: Self = Probed {
        display: None,
        error: None,
    };

    /// Each view of `self`, else `other`'s: a composed enum's own, else its
    /// part's.
    #[must_use]
    #[inline]
    pub fn or(self, other: Self) -> Self {
        Probed {
            display: self.display.or(other.display),
            error: self.error.or(other.error),
        }
    }
}

/// The value the derive probes.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// Both views, for a `std::error::Error`.
pub trait ViaError<'a> {
    /// Both views.
    fn __probe(&self) -> Probed<'a>;
}

impl<'a, T: Error> ViaError<'a> for &&Probe<'a, T> {
    #[inline]
    fn __probe(&self) -> Probed<'a> {
        Probed {
            display: Some(self.0),
            error: Some(self.0),
        }
    }
}

/// The `Display` view, for a type that is no error.
pub trait ViaDisplay<'a> {
    /// The `Display` view.
    fn __probe(&self) -> Probed<'a>;
}

impl<'a, T: Display> ViaDisplay<'a> for &Probe<'a, T> {
    #[inline]
    fn __probe(&self) -> Probed<'a> {
        Probed {
            display: Some(self.0),
            error: None,
        }
    }
}

/// Neither view.
pub trait Neither<'a> {
    /// Neither view.
    fn __probe(&self) -> Probed<'a>;
}

impl<'a, T: ?Sized> Neither<'a> for Probe<'a, T> {
    #[inline]
    fn __probe(&self) -> Probed<'a> {
        Probed::NOTHING
    }
}
