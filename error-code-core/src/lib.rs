//! Runtime of [`error-code`](https://docs.rs/error-code): the traits the
//! derives implement, the static catalog, the answers written from it, and
//! the framework glue.
//!
//! Users depend on the `error-code` facade, which re-exports everything here
//! together with the derive macros.

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The layers, in the order an error travels, each using only those
// before it: the catalog (its data and lookups, the template grammar, the
// language of a message and its plural rules); the traits with what a
// value carries (`code`, `message`: a param's text and a filled template,
// `violations`); the wire (what a server writes); the observer (the
// tracing event and the metrics of each answer, and `Reply::to_response`,
// the answer with its event); the client (what is read back); the
// frameworks; and the tools tests and build-time programs use (feature
// `tools`). `expansion` is what derived code calls, reached only through
// `__private`.
mod catalog;
mod category;
mod code;
pub mod grammar;
mod message;
mod negotiate;
mod plural;
mod violations;

mod wire;

pub mod observe;

mod client;

mod frameworks;

#[cfg(feature = "tools")]
mod tools;

#[doc(hidden)]
pub mod expansion;
#[doc(hidden)]
pub mod private;

pub use crate::catalog::{Catalog, CodeInfo};
pub use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
pub use crate::client::{BodyError, RemoteError};
pub use crate::code::{ErrorCatalog, ErrorCode, Fieldless, FromCode};
pub use crate::frameworks::validators::ViolationReport;
pub use crate::message::{Param, Visit};
#[cfg(feature = "tools")]
pub use crate::tools::{
    CatalogExport, Change, Document, Language, SNAPSHOT_ENV, Snapshot, SnapshotError,
    SnapshotReport,
};
pub use crate::violations::{RetryAfter, Violation, Violations};
pub use crate::wire::{JSON, PROBLEM_JSON, Reply};
pub use http;
pub use http::StatusCode;

#[cfg(feature = "actix-web")]
pub use crate::frameworks::actix;
#[cfg(feature = "axum")]
pub use crate::frameworks::axum;
#[cfg(feature = "tonic")]
pub use crate::frameworks::tonic as grpc;
#[cfg(feature = "metrics")]
pub use crate::observe::metrics;

/// OpenAPI error responses (feature `utoipa`), built from a [`Catalog`].
#[cfg(feature = "utoipa")]
pub use crate::frameworks::openapi;
