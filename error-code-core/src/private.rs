//! Items the derive-generated code calls. Not public API: no semver promise.
//! Only re-exports: the logic lives in named modules.

pub use crate::__framework_impls;
pub use crate::catalog::{Catalog, CodeInfo};
pub use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
pub use crate::check;
pub use crate::code::{ErrorCatalog, ErrorCode, Fieldless, FromCode};
pub use crate::doc_comment;
pub use crate::entries::{entries, in_bounds, merge, relink, slot, total_len, union, union_len};
#[cfg(feature = "actix-web")]
pub use crate::frameworks::actix::{actix_response, actix_status};
#[cfg(feature = "axum")]
pub use crate::frameworks::axum::axum_response;
#[cfg(feature = "tonic")]
pub use crate::frameworks::tonic::grpc_status;
#[cfg(feature = "utoipa")]
pub use crate::openapi::{Responses as OpenApiResponses, responses as openapi_responses};
pub use crate::probe::{Neither, Probe, Probed, ViaDisplay, ViaError};
#[cfg(feature = "actix-web")]
pub use actix_web;
#[cfg(feature = "axum")]
pub use axum_core;
pub use http::StatusCode;
#[cfg(feature = "tonic")]
pub use tonic;
#[cfg(feature = "utoipa")]
pub use utoipa;
