//! Derived code is warning-free under the strictest lints a user may set
//! (checked by `cargo clippy --all-targets`).

#![deny(
    warnings,
    missing_docs,
    clippy::all,
    clippy::pedantic,
    unused_qualifications
)]
//! Crate docs, as `missing_docs` wants them.

use error_code::{ErrorCategory, ErrorCode};

/// Categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCategory)]
#[category(reserved = 3000..=3999)]
pub enum Category {
    /// Base
    #[category(1000..=1999)]
    Base,
    /// Pod
    #[category(2000..=2999)]
    Pod,
}

/// Base errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCode)]
#[error_code(category = Category::Base)]
pub enum BaseError {
    /// Same status as the next one.
    #[code(1001, status = 400)]
    A,
    /// Same status as the previous one.
    #[code(1002, status = 400)]
    B,
    /// Data.
    #[code(1003, status = 500)]
    C(u64),
}

/// Pod errors.
#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category, status = 404)]
pub enum PodError {
    /// Unit.
    #[code(2001)]
    A,
    /// Struct.
    #[code(2002)]
    B {
        /// The detail.
        detail: String,
    },
}

/// Fieldless, so `from_code` is derived.
#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category)]
pub enum PodErrorCodes {
    /// Unit.
    #[code(2001, status = 404)]
    A,
}

/// The API's error.
#[derive(Debug, ErrorCode)]
pub enum ApiError {
    /// Base.
    #[code(transparent)]
    Base(BaseError),
    /// Pod.
    #[code(transparent)]
    Pod {
        /// The inner error.
        inner: PodError,
    },
}

/// Generic.
#[derive(Debug, ErrorCode)]
pub enum Generic<T> {
    /// Carries a value.
    #[code(1, status = 500)]
    Carry(T),
}

#[test]
fn strict_lints_compile() {
    assert_eq!(ApiError::Base(BaseError::C(1)).code(), 1003);
    assert_eq!(Generic::Carry(1u8).code(), 1);
    assert!(PodErrorCodes::from_code(2001).is_some());
}

/// A deprecated error enum: its derived code uses it without a warning, as
/// thiserror's and serde's do.
#[deprecated = "use BaseError"]
#[derive(Debug, ErrorCode)]
pub enum OldError {
    /// Old.
    #[code(1101, status = 400)]
    Old,
    /// Old with data {n}.
    #[code(1102, status = 400)]
    OldWith {
        /// How many.
        n: u32,
    },
}

/// A deprecated category enum.
#[deprecated = "use Category"]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCategory)]
pub enum OldCategory {
    /// Old.
    #[category(5000..=5999)]
    Old,
}

/// An enum composing the deprecated one, which allows its use.
#[allow(deprecated)]
#[derive(Debug, ErrorCode)]
pub enum ComposesOld {
    /// The old errors.
    #[code(transparent)]
    Old(OldError),
}
