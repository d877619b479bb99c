use crate::catalog::{Catalog, CodeInfo};
use crate::category::CategoryInfo;
use http::StatusCode;

/// An error that has a stable numeric code, an HTTP status, a name and a
/// message.
///
/// Implemented by `#[derive(ErrorCode)]`. The trait is object safe, so
/// `&dyn ErrorCode` works; the catalog and code lookups that need `Self` live
/// in [`ErrorCatalog`] and [`FromCode`].
pub trait ErrorCode {
    /// The numeric error code, e.g. `2001`.
    fn code(&self) -> u32;

    /// The HTTP status the API answers with, always a client or server error.
    fn status(&self) -> StatusCode;

    /// The error's name in the catalog, by default the variant's identifier.
    fn name(&self) -> &'static str;

    /// The catalog message: `message = "…"`, else the variant's doc comment.
    fn message(&self) -> &'static str;

    /// The static catalog entry of this value's code.
    fn info(&self) -> &'static CodeInfo;

    /// The category the code belongs to, where the type declares one.
    fn category(&self) -> Option<&'static CategoryInfo> {
        self.info().category()
    }

    /// The message in `locale` (exact tag, then primary language), else the
    /// default message.
    fn message_for(&self, locale: &str) -> &'static str {
        self.info().message_for(locale)
    }

    /// The value's own detail for the `error` field of the body: its
    /// `Display`, where the type implements it (the derive detects that).
    /// The derive gives `None` for a unit variant whose thiserror
    /// `#[error("…")]` is its message word for word: its `Display` never
    /// says more, and the answer need not format it to find that out.
    fn detail(&self) -> Option<&dyn core::fmt::Display> {
        None
    }

    /// The value as a `std::error::Error`, where the type implements it
    /// (the derive detects that): what its `source()` chain is read from.
    fn as_std_error(&self) -> Option<&dyn std::error::Error> {
        None
    }
}

/// Forwards every method through a pointer type.
macro_rules! forward {
    ($($ptr:ty),*) => {$(
        impl<E: ErrorCode + ?Sized> ErrorCode for $ptr {
            fn code(&self) -> u32 {
                (**self).code()
            }
            fn status(&self) -> StatusCode {
                (**self).status()
            }
            fn name(&self) -> &'static str {
                (**self).name()
            }
            fn message(&self) -> &'static str {
                (**self).message()
            }
            fn info(&self) -> &'static CodeInfo {
                (**self).info()
            }
            fn detail(&self) -> Option<&dyn core::fmt::Display> {
                (**self).detail()
            }
            fn as_std_error(&self) -> Option<&dyn std::error::Error> {
                (**self).as_std_error()
            }
        }
    )*};
}

forward!(&E, Box<E>);

/// A boxed error has the catalog of the error it boxes, so
/// `#[code(transparent)] Big(Box<BigError>)` composes like the unboxed type.
impl<E: ErrorCatalog> ErrorCatalog for Box<E> {
    const CATALOG: Catalog = E::CATALOG;
}

impl<E: FromCode> FromCode for Box<E> {
    fn from_code(code: u32) -> Option<Self> {
        E::from_code(code).map(Box::new)
    }
}

/// A type whose every possible code is known at compile time.
pub trait ErrorCatalog {
    /// Every code the type can produce, sorted by code; for a composed error,
    /// the union of its parts.
    const CATALOG: Catalog;
}

/// Typed lookup from a code back to a value.
///
/// Derived for every type: codes of variants that carry fields give `None`,
/// as no value can be made from the code alone. The inherent
/// `Type::from_code` is emitted only where every variant the enum declares
/// is fieldless.
pub trait FromCode: Sized {
    /// The value with this code, or `None` for a code the type does not have.
    fn from_code(code: u32) -> Option<Self>;
}
