//! Runtime of [`error-code`](https://docs.rs/error-code): the traits the
//! derives implement, the static catalog, the answers written from it, and
//! the framework glue.
//!
//! Users depend on the `error-code` facade, which re-exports everything here
//! together with the derive macros.

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The layers, in the order an error travels: the catalog (its data and
// lookups, the template grammar, the language of a message and its plural
// rules), the wire (what a server writes), the client (what is read back),
// the frameworks, the observer (the tracing event and the metrics of each
// answer), and the tools tests and build-time programs use (feature
// `tools`). Each uses only those before it, with two exceptions still to
// be undone: the traits (`code.rs`) name the wire's `Param`, `Visit` and
// `Violations` and render a message with the wire's renderer, and the
// wire's whole answers (`Reply::to_response`) and its panic guard call the
// observer. `expansion` is what derived code calls, reached only through
// `__private`.
mod catalog;
mod category;
mod code;
pub mod grammar;
mod negotiate;
mod plural;

mod wire;

mod client;

mod frameworks;
pub mod observe;

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
#[cfg(feature = "tools")]
pub use crate::tools::{
    CatalogExport, Change, Document, Language, SNAPSHOT_ENV, Snapshot, SnapshotError,
    SnapshotReport,
};
pub use crate::wire::{JSON, PROBLEM_JSON, Param, Reply, RetryAfter, Violation, Violations, Visit};
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
