//! Items the derive-generated code calls. Not public API: no semver promise.
//! Only re-exports: the logic lives in named modules.

pub use crate::__framework_impls;
pub use crate::catalog::{Catalog, CodeInfo, Extras};
pub use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
pub use crate::code::{
    ErrorCatalog, ErrorCode, Fieldless, FieldlessIf, FieldlessPart, FromCode, param_value,
};
/// The params of a remote answer, as `FromCode::from_params` takes them.
pub type ParamMap = serde_json::Map<::std::string::String, serde_json::Value>;
pub use crate::expansion::check;
pub use crate::expansion::doc_comment;
pub use crate::expansion::entries::{
    categorized, entries, in_bounds, merge, qualify_reasons, relink, slot, total_len, union,
    union_len,
};
pub use crate::expansion::probe::{Neither, Probe, Probed, ViaDisplay, ViaError};
#[cfg(feature = "actix-web")]
pub use crate::frameworks::actix::{actix_response, actix_status};
#[cfg(feature = "axum")]
pub use crate::frameworks::axum::axum_response;
#[cfg(feature = "utoipa")]
pub use crate::frameworks::openapi::{
    Responses as OpenApiResponses, catalog_responses as openapi_responses,
};
#[cfg(feature = "tonic")]
pub use crate::frameworks::tonic::grpc_status;
pub use crate::message::{Param, Visit, render_message};
pub use crate::violations::{AsViolations, RetryAfter, Violations};
#[cfg(feature = "actix-web")]
pub use actix_web;
#[cfg(feature = "axum")]
pub use axum_core;
pub use http::StatusCode;
#[cfg(feature = "tonic")]
pub use tonic;
#[cfg(feature = "utoipa")]
pub use utoipa;
