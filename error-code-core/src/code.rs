use crate::catalog::{Catalog, CodeInfo};
use crate::category::CategoryInfo;
use crate::expansion::probe::Probed;
use crate::message::{Visit, render};
use crate::violations::Violations;
use http::StatusCode;
use std::borrow::Cow;
use std::time::Duration;

/// An error that has a stable numeric code, an HTTP status, a name and a
/// message.
///
/// Implemented by `#[derive(ErrorCode)]`, which writes [`info`](Self::info);
/// every other method reads the catalog entry `info` finds. The trait is object safe, so `&dyn ErrorCode` works; the
/// catalog and code lookups that need `Self` live in [`ErrorCatalog`] and
/// [`FromCode`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `ErrorCode`",
    label = "this type does not derive `ErrorCode`",
    note = "add #[derive(ErrorCode)] to `{Self}`; a #[code(transparent)] part may also be a `Box`, `Arc` or `Rc` of a derived type"
)]
pub trait ErrorCode {
    /// The static catalog entry of this value's code.
    fn info(&self) -> &'static CodeInfo;

    /// The numeric error code, e.g. `2001`.
    fn code(&self) -> u32 {
        self.info().code
    }

    /// The HTTP status the API answers with, always a client or server error.
    fn status(&self) -> StatusCode {
        self.info().status
    }

    /// The error's name in the catalog, by default the variant's identifier.
    fn name(&self) -> &'static str {
        self.info().name
    }

    /// The catalog message: `message = "…"`, else the variant's doc comment.
    fn message(&self) -> &'static str {
        self.info().message
    }

    /// The category the code belongs to, where the type declares one.
    fn category(&self) -> Option<&'static CategoryInfo> {
        self.info().category
    }

    /// The message in `locale`, found by RFC 4647 lookup among the code's
    /// translations, else the default message.
    fn message_for(&self, locale: &str) -> &'static str {
        self.info().message_for(locale)
    }

    /// The value's own detail for the `error` field of the body: its
    /// `Display`, where the type implements it (the derive detects that).
    /// The derive gives `None` for a unit variant whose thiserror
    /// `#[error("…")]` is its message, up to case and white space: its
    /// `Display` never says more, and the answer need not format it to find
    /// that out.
    fn detail(&self) -> Option<&dyn core::fmt::Display> {
        self.__probe().display
    }

    /// The value as a `std::error::Error`, where the type implements it
    /// (the derive detects that): what its `source()` chain is read from.
    fn as_std_error(&self) -> Option<&dyn std::error::Error> {
        self.__probe().error
    }

    /// Calls `visit` with the key and value of each param: the fields the
    /// code's messages name (`{name}`, `{0}`) and those marked `#[param]`,
    /// in field order. Nothing for a value without params.
    fn for_each_param(&self, visit: Visit<'_>) {
        let _ = visit;
    }

    /// How long the client should wait before retrying: the variant's
    /// `#[retry_after]` field, else the code's `retry_after = …`.
    fn retry_after(&self) -> Option<Duration> {
        self.info().retry_after()
    }

    /// The per-field problems the value carries, in its field marked
    /// `#[violations]`.
    fn violations(&self) -> Option<&Violations> {
        None
    }

    /// The catalog message in its own language, its placeholders filled
    /// with the value's params: `Pod web not found` for the template
    /// `Pod {name} not found`. Borrowed where the message has no braces.
    fn rendered_message(&self) -> Cow<'static, str>
    where
        Self: Sized,
    {
        render(self.message(), self.info().lang(), self)
    }

    /// What the derive found the type to implement: `Display`,
    /// `std::error::Error`. Not public API.
    #[doc(hidden)]
    fn __probe(&self) -> Probed<'_> {
        Probed::NOTHING
    }
}

/// Forwards every method through a pointer type.
macro_rules! forward {
    ($($ptr:ty),*) => {$(
        impl<E: ErrorCode + ?Sized> ErrorCode for $ptr {
            fn info(&self) -> &'static CodeInfo {
                (**self).info()
            }
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
            fn detail(&self) -> Option<&dyn core::fmt::Display> {
                (**self).detail()
            }
            fn as_std_error(&self) -> Option<&dyn std::error::Error> {
                (**self).as_std_error()
            }
            fn for_each_param(&self, visit: Visit<'_>) {
                (**self).for_each_param(visit)
            }
            fn retry_after(&self) -> Option<Duration> {
                (**self).retry_after()
            }
            fn violations(&self) -> Option<&Violations> {
                (**self).violations()
            }
        }
    )*};
}

forward!(&E, Box<E>, std::sync::Arc<E>, std::rc::Rc<E>);

/// A type whose every possible code is known at compile time.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `ErrorCode`",
    label = "this type does not derive `ErrorCode`",
    note = "add #[derive(ErrorCode)] to `{Self}`; a #[code(transparent)] part may also be a `Box`, `Arc` or `Rc` of a derived type"
)]
pub trait ErrorCatalog: FromCode {
    /// Every code the type can produce, sorted by code; for a composed error,
    /// the union of its parts.
    const CATALOG: Catalog;

    /// [`FromCode::from_code`], reached through this trait: a composed
    /// enum asks its parts through it alone, so that a part that does not
    /// derive is one error. Not public API.
    #[doc(hidden)]
    #[inline]
    fn __lookup(code: u32) -> Option<Self> {
        <Self as FromCode>::from_code(code)
    }

    /// [`FromCode::from_params`], as [`__lookup`](Self::__lookup).
    /// Not public API.
    #[doc(hidden)]
    #[inline]
    fn __lookup_params(
        code: u32,
        params: &serde_json::Map<String, serde_json::Value>,
    ) -> Option<Self> {
        <Self as FromCode>::from_params(code, params)
    }
}

/// Typed lookup from a code back to a value.
///
/// Derived for every type: codes of variants that carry fields give `None`,
/// as no value can be made from the code alone. The inherent
/// `Type::from_code`, which needs no import, compiles only for a [`Fieldless`]
/// type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `ErrorCode`",
    label = "this type does not derive `ErrorCode`",
    note = "add #[derive(ErrorCode)] to `{Self}`; a #[code(transparent)] part may also be a `Box`, `Arc` or `Rc` of a derived type"
)]
pub trait FromCode: Sized {
    /// The value with this code, or `None` for a code the type does not have.
    fn from_code(code: u32) -> Option<Self>;

    /// The value with this code, its fields read from `params` (as an
    /// answer carries them), where the type opts in with
    /// `#[error_code(from_params)]` and every field of the code's variant
    /// is a param; else [`from_code`](Self::from_code).
    fn from_params(code: u32, params: &serde_json::Map<String, serde_json::Value>) -> Option<Self> {
        let _ = params;
        Self::from_code(code)
    }
}

/// A param read back into a field: its JSON value, or the value its text
/// parses to (gRPC metadata holds text). Not public API.
#[doc(hidden)]
#[must_use]
pub fn param_value<T: serde::de::DeserializeOwned>(
    params: &serde_json::Map<String, serde_json::Value>,
    key: &str,
) -> Option<T> {
    // gRPC metadata holds a param's text (a number's JSON) and leaves out
    // a `null` one: an absent param is `null` (an `Option` is `None`).
    let Some(value) = params.get(key) else {
        return serde_json::from_value(serde_json::Value::Null).ok();
    };
    serde_json::from_value(value.clone())
        .ok()
        .or_else(|| match value {
            serde_json::Value::String(text) => serde_json::from_str(text).ok(),
            _ => None,
        })
}

/// A type whose every variant is fieldless, the variants of its
/// `#[code(transparent)]` parts too: `Type::from_code` finds a value for
/// every code of its catalog. Implemented by the derive.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has variants with fields (itself or through a part), so a code alone cannot build every value",
    label = "`from_code` needs every variant fieldless",
    note = "`error_code::FromCode::from_code` answers `None` for the codes of variants with fields; or make the variants fieldless"
)]
pub trait Fieldless: FromCode {}

/// Whether a part's catalog is fieldless, as a type: a composed enum is
/// [`Fieldless`] where `FieldlessIf<{ <Part as ErrorCatalog>::CATALOG.__is_fieldless() }>:
/// FieldlessPart<Part>` for each part. Read from the catalog instead of
/// asked of the part's `Fieldless`, so that enums composing each other are
/// one error (their catalogs' cycle), not one more per enum. Not public API.
#[doc(hidden)]
pub struct FieldlessIf<const FIELDLESS: bool>;

/// Implemented by [`FieldlessIf<true>`] alone. Not public API.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Part}` has variants with fields (itself or through a part), so a code alone cannot build every value",
    label = "`from_code` needs every variant fieldless",
    note = "`error_code::FromCode::from_code` answers `None` for the codes of variants with fields; or make the variants fieldless"
)]
pub trait FieldlessPart<Part: ?Sized> {}

impl<Part: ?Sized> FieldlessPart<Part> for FieldlessIf<true> {}

macro_rules! wrapped {
    ($($ptr:ident),*) => {$(
        /// A wrapped error has the catalog of the error it wraps, so
        /// `#[code(transparent)] Big(Box<BigError>)` composes like the bare type.
        impl<E: ErrorCatalog> ErrorCatalog for $ptr<E> {
            const CATALOG: Catalog = E::CATALOG;
        }

        impl<E: FromCode> FromCode for $ptr<E> {
            fn from_code(code: u32) -> Option<Self> {
                E::from_code(code).map($ptr::new)
            }
            fn from_params(code: u32, params: &serde_json::Map<String, serde_json::Value>) -> Option<Self> {
                E::from_params(code, params).map($ptr::new)
            }
        }

        impl<E: Fieldless> Fieldless for $ptr<E> {}
    )*};
}

use std::rc::Rc;
use std::sync::Arc;
wrapped!(Box, Arc, Rc);
