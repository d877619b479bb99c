//! Runtime of [`error-code`](https://docs.rs/error-code): the traits the
//! derives implement, the static catalog types, and the const helpers the
//! generated code calls.
//!
//! Users depend on the `error-code` facade, which re-exports everything here
//! together with the derive macros.

#![deny(missing_docs)]

mod body;
mod catalog;
mod category;
#[doc(hidden)]
pub mod check;
mod code;
mod compose;
mod doc;
#[doc(hidden)]
pub mod doc_comment;
mod export;
mod frameworks;
mod glue;
#[cfg(feature = "axum")]
mod localize;
/// OpenAPI error responses (feature `utoipa`), built from a [`Catalog`].
#[cfg(feature = "utoipa")]
pub mod openapi;
#[doc(hidden)]
pub mod private;
mod snapshot;

pub use crate::body::{BodyError, JSON, PROBLEM_JSON, RemoteError, Reply};
pub use crate::catalog::{Catalog, CodeInfo};
pub use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
pub use crate::code::{ErrorCatalog, ErrorCode, FromCode};
pub use crate::doc::{Document, Language};
pub use crate::export::CatalogExport;
pub use crate::snapshot::{Change, SNAPSHOT_ENV, Snapshot, SnapshotError, SnapshotReport};
pub use http;
pub use http::StatusCode;

/// axum glue (feature `axum`): every derived error is an `IntoResponse`;
/// [`localize`](crate::axum::localize) answers in the request's language.
#[cfg(feature = "axum")]
pub mod axum {
    use axum_core::body::Body;
    use axum_core::response::Response;

    /// Re-renders an error answer made by a derived error's `IntoResponse`
    /// with the message in the language the request's `Accept-Language`
    /// prefers; any other response passes unchanged. `IntoResponse` cannot
    /// see the request, so a middleware calls this:
    ///
    /// ```ignore
    /// let app = router.layer(axum::middleware::from_fn(|request: Request, next: Next| async move {
    ///     let language = request.headers().get(http::header::ACCEPT_LANGUAGE).cloned();
    ///     error_code::axum::localize(language.as_ref(), next.run(request).await)
    /// }));
    /// ```
    #[must_use]
    pub fn localize(accept_language: Option<&http::HeaderValue>, response: Response) -> Response {
        let Some(language) = accept_language.and_then(|h| h.to_str().ok()) else {
            return response;
        };
        let Some(rendered) = response
            .extensions()
            .get::<crate::localize::Rendered>()
            .cloned()
        else {
            return response;
        };
        let (parts, _) = response.into_parts();
        let body = rendered.reply_in(language).into_body();
        Response::from_parts(parts, Body::from(body))
    }
}
