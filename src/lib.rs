#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub use error_code_core::{
    BodyError, Catalog, CatalogExport, CategoryInfo, Change, CodeInfo, Document, ErrorCatalog,
    ErrorCategory, ErrorCode, FromCode, JSON, Language, PROBLEM_JSON, RemoteError, Reply,
    ReservedRange, SNAPSHOT_ENV, Snapshot, SnapshotError, SnapshotReport, StatusCode, http,
};

/// Derives [`ErrorCode`], [`ErrorCatalog`], a code lookup and a static catalog
/// for an enum.
///
/// See the [crate documentation](crate) for the attributes.
pub use error_code_derive::ErrorCode;

/// Derives [`ErrorCategory`] for a fieldless enum that declares an API's code
/// space.
///
/// See the [crate documentation](crate) for the attributes.
pub use error_code_derive::ErrorCategory;

#[cfg(feature = "axum")]
pub use error_code_core::axum;

#[doc(hidden)]
pub mod __private {
    pub use error_code_core::private::*;
}
