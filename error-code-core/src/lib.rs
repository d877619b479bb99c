//! Runtime of [`error-code`](https://docs.rs/error-code): the traits the
//! derives implement, the static catalog types, and the const helpers the
//! generated code calls.
//!
//! Users depend on the `error-code` facade, which re-exports everything here
//! together with the derive macros.

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
mod catalog;
mod category;
#[doc(hidden)]
pub mod check;
mod code;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub mod context;
mod doc;
#[doc(hidden)]
pub mod doc_comment;
mod entries;
mod export;
mod frameworks;
#[cfg(feature = "axum")]
mod localize;
pub mod observe;
/// OpenAPI error responses (feature `utoipa`), built from a [`Catalog`].
#[cfg(feature = "utoipa")]
pub mod openapi;
#[doc(hidden)]
pub mod private;
mod probe;
mod snapshot;

pub use crate::body::{BodyError, JSON, PROBLEM_JSON, RemoteError, Reply};
pub use crate::catalog::{Catalog, CodeInfo};
pub use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
pub use crate::code::{ErrorCatalog, ErrorCode, Fieldless, FromCode};
pub use crate::doc::{Document, Language};
pub use crate::export::CatalogExport;
pub use crate::snapshot::{Change, SNAPSHOT_ENV, Snapshot, SnapshotError, SnapshotReport};
pub use http;
pub use http::StatusCode;

#[cfg(feature = "actix-web")]
pub use crate::frameworks::actix;
#[cfg(feature = "axum")]
pub use crate::frameworks::axum;
#[cfg(feature = "tonic")]
pub use crate::frameworks::tonic as grpc;
