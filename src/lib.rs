//! Your Rust error enums as the single source of truth for your API's
//! numeric error codes.
//!
//! Add the dependency (this package is not on crates.io yet, and the
//! `error-code` crate there is an unrelated one: `cargo add error-code`
//! installs the wrong thing):
//!
//! ```toml
//! [dependencies]
//! error-code = { git = "https://github.com/error-code-rs/error-code", features = ["axum"] }
//! ```
//!
//! Derive [`ErrorCategory`] on the
//! enum that declares your code space and [`ErrorCode`] on your error
//! enums, and the compiler checks that every code lies in its category, in
//! no reserved range, is used once across the whole API and never reuses a
//! retired number. From the same enums you get lookups both ways, a static
//! catalog, HTTP answers with a stable JSON body ([`Reply`]), the error
//! document ([`Document`]), a JSON and TypeScript export
//! ([`CatalogExport`]), a contract test of the published codes
//! ([`Snapshot`]), and, behind features, axum, actix-web, tonic (gRPC),
//! utoipa (OpenAPI) and tracing integrations.
//!
//! ```
//! use error_code::{ErrorCategory, ErrorCode, Reply};
//!
//! #[derive(Debug, Clone, Copy, ErrorCategory)]
//! #[category(reserved = 6000..=8999)]
//! pub enum Category {
//!     /// Pod errors
//!     #[category(2000..=2999)]
//!     Pod,
//! }
//!
//! #[derive(Debug, ErrorCode)]
//! #[error_code(category = Category::Pod)]
//! pub enum PodError {
//!     /// Pod not found
//!     #[code(2001, status = 404)]
//!     GetPodError,
//! }
//!
//! assert_eq!(PodError::GetPodError.code(), 2001);
//! assert_eq!(PodError::from_code(2001).map(|e| e.code()), Some(2001));
//! assert_eq!(
//!     Reply::new(&PodError::GetPodError).to_json(),
//!     r#"{"code":2001,"message":"Pod not found"}"#
//! );
//! ```
//!
//! Every attribute, with examples: [`derive@ErrorCode`] and
//! [`derive@ErrorCategory`].
//!
//! | feature | gives | for |
//! |---|---|---|
//! | `axum` | `IntoResponse` for every derived error; `axum::ErrorLayer` | axum 0.8 |
//! | `actix-web` | `ResponseError` for every derived error with `Display`; `actix::ErrorContext` | actix-web 4 |
//! | `tonic` | `From<E> for tonic::Status` with Google's rich error details; `grpc` | tonic 0.14 |
//! | `utoipa` | `utoipa::IntoResponses` for every derived error; `openapi` (Rust 1.88) | utoipa 6 |
//! | `tracing` | one event per answer, the hidden 5xx detail in the log ([`observe`]) | tracing 0.1 |
//! | `metrics` | every answer counted as `api_errors_total` by code; `metrics` | metrics 0.24 |
//! | `validator` | `Violations::from(validator::ValidationErrors)` | validator 0.21 |
//! | `garde` | `Violations::from(garde::Report)` | garde 0.23 |
//! | `fluent` | `translations = "i18n/{lang}/errors.ftl"`: messages in Fluent files, plurals | Project Fluent's parser, ICU4X |
//! | `tools` (default) | [`Document`], [`CatalogExport`], [`Snapshot`]; with `axum`, `axum::error_index` | tests and build programs |

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use error_code_core::{
    BodyError, Catalog, CategoryInfo, CodeInfo, ErrorCatalog, ErrorCategory, ErrorCode, Fieldless,
    FromCode, JSON, PROBLEM_JSON, Param, RemoteError, Reply, ReservedRange, RetryAfter, StatusCode,
    Violation, ViolationReport, Violations, Visit, http,
};

#[cfg(feature = "tools")]
#[cfg_attr(docsrs, doc(cfg(feature = "tools")))]
pub use error_code_core::{
    CatalogExport, Change, Document, Language, SNAPSHOT_ENV, Snapshot, SnapshotError,
    SnapshotReport,
};

#[doc = include_str!("derive_error_code.md")]
pub use error_code_derive::ErrorCode;

#[doc = include_str!("derive_error_category.md")]
pub use error_code_derive::ErrorCategory;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use error_code_core::axum;

/// actix-web glue (feature `actix-web`): [`ErrorContext`](actix::ErrorContext)
/// gives error answers the request's language and id.
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix {
    pub use error_code_core::actix::{ErrorContext, ErrorContextService};
}

pub use error_code_core::observe;

/// OpenAPI error responses (feature `utoipa`, utoipa 6).
///
/// Every derived type implements `utoipa::IntoResponses`, so a handler lists
/// its error type among its responses; the functions here give the same
/// responses to code that builds a document by hand.
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod openapi {
    pub use error_code_core::openapi::{
        Errors, ErrorsMember, MESSAGES_EXTENSION, Only, Responses, problem_responses, responses,
    };
}

/// gRPC answers (feature `tonic`, tonic 0.14 and tonic-types 0.14).
///
/// Every derived type implements `From<E> for tonic::Status`, so a service
/// method returns `Err(PodError::GetPodError.into())` or uses `?`.
/// [`status`](crate::grpc::status) gives the same status,
/// [`GrpcReply`](crate::grpc::GrpcReply) one in the client's language or with
/// 5xx details, and
/// [`RemoteError::from_status`](crate::RemoteError::from_status) reads it
/// back on the client.
///
/// The gRPC code follows the HTTP status
/// ([`code_for_status`](crate::grpc::code_for_status) has the table), unless
/// the code says otherwise with `grpc = ALREADY_EXISTS`. The status carries a
/// `google.rpc.ErrorInfo`: `reason` is the name in UPPER_SNAKE_CASE
/// ([`reason`](crate::grpc::reason)), `domain` the enum's or its category
/// enum's `domain = "…"` ([`domain`](crate::grpc::domain) has the default),
/// and `metadata["code"]` the code. A 5xx detail stays in the process, as
/// over HTTP.
///
/// ```
/// use error_code::grpc::GrpcReply;
/// use error_code::{ErrorCode, RemoteError};
/// use tonic::Code;
/// use tonic_types::StatusExt;
///
/// #[derive(Debug, PartialEq, thiserror::Error, ErrorCode)]
/// #[error_code(domain = "pods.example.com", url = "https://errors.example.com/{code}")]
/// enum PodError {
///     /// 获取 Pod 失败
///     #[error("pod {0} not found")]
///     #[code(2001, status = 404, message(en = "Failed to get the pod"))]
///     GetPodError(String),
///     /// 获取 Pod 事件失败
///     #[error("event store at 10.0.0.7 unreachable")]
///     #[code(2002, status = 500)]
///     GetPodEventError,
///     /// Pod 已存在
///     #[error("pod exists")]
///     #[code(2003, status = 409, grpc = ALREADY_EXISTS)]
///     PodExists,
/// }
///
/// // What a service method returns.
/// let status = tonic::Status::from(PodError::GetPodError("web".into()));
/// assert_eq!(status.code(), Code::NotFound);
/// assert_eq!(status.message(), "获取 Pod 失败: pod web not found");
///
/// let details = status.get_error_details();
/// let info = details.error_info().expect("an ErrorInfo");
/// assert_eq!(info.reason, "GET_POD_ERROR");
/// assert_eq!(info.domain, "pods.example.com");
/// assert_eq!(info.metadata["code"], "2001");
/// assert_eq!(details.help().expect("a link").links[0].url, "https://errors.example.com/2001");
///
/// // The override, and a 5xx whose detail stays here.
/// assert_eq!(tonic::Status::from(PodError::PodExists).code(), Code::AlreadyExists);
/// let status = tonic::Status::from(PodError::GetPodEventError);
/// assert_eq!((status.code(), status.message()), (Code::Internal, "获取 Pod 事件失败"));
///
/// // In the client's language.
/// let status = GrpcReply::new(&PodError::GetPodError("web".into()))
///     .accept_language("en-US")
///     .into_status();
/// assert_eq!(status.message(), "Failed to get the pod: pod web not found");
/// let localized = status.get_error_details().localized_message().cloned().expect("a translation");
/// assert_eq!((localized.locale.as_str(), localized.message.as_str()), ("en", "Failed to get the pod"));
///
/// // On the client: the code and detail back, and the typed error.
/// let remote = RemoteError::from_status(&status).expect("an error-code status");
/// assert_eq!(remote.code, 2001);
/// assert_eq!(remote.message, "Failed to get the pod");
/// assert_eq!(remote.detail.as_deref(), Some("pod web not found"));
/// let remote = RemoteError::from_status(&PodError::PodExists.into()).expect("an error-code status");
/// assert_eq!(remote.typed::<PodError>(), Ok(PodError::PodExists));
/// ```
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub mod grpc {
    pub use error_code_core::grpc::*;
}

/// Errors counted by code (feature `metrics`): every answer increments
/// `api_errors_total{code, name, status, category}`; [`metrics::describe`]
/// registers every series of a catalog at zero.
#[cfg(feature = "metrics")]
#[cfg_attr(docsrs, doc(cfg(feature = "metrics")))]
pub mod metrics {
    pub use error_code_core::metrics::*;
}

#[doc(hidden)]
pub mod __private {
    pub use error_code_core::private::*;
}
