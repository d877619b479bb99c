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

/// actix-web glue (feature `actix-web`): [`ErrorContext`](actix::ErrorContext)
/// gives error answers the request's language and id.
#[cfg(feature = "actix-web")]
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
pub mod openapi {
    use crate::ErrorCatalog;
    pub use error_code_core::openapi::{MESSAGES_EXTENSION, Responses};

    /// The error responses of `E` for the default JSON body: one per HTTP
    /// status `E` can answer (composed parts included), keyed `"404"`, with
    /// the body's schema inlined and one example per code, the exact body the
    /// server sends for it.
    ///
    /// ```
    /// use error_code::ErrorCode;
    /// use utoipa::OpenApi;
    ///
    /// #[derive(Debug, ErrorCode)]
    /// enum PodError {
    ///     /// 获取 Pod 失败
    ///     #[code(2001, status = 404)]
    ///     GetPodError,
    ///     /// 获取 Pod 事件失败
    ///     #[code(2002, status = 500)]
    ///     GetPodEventError,
    /// }
    ///
    /// let responses = error_code::openapi::responses::<PodError>();
    /// assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "500"]);
    /// let doc = serde_json::to_value(&responses["404"]).unwrap();
    /// assert_eq!(doc["description"], "Not Found: 2001 GetPodError");
    /// assert_eq!(
    ///     doc["content"]["application/json"]["examples"]["GetPodError"]["value"],
    ///     serde_json::json!({"code": 2001, "message": "获取 Pod 失败"})
    /// );
    ///
    /// // The same responses, listed in a handler's documentation.
    /// #[utoipa::path(get, path = "/pods/{name}", responses((status = 200, description = "The pod"), PodError))]
    /// async fn get_pod() {}
    ///
    /// #[derive(OpenApi)]
    /// #[openapi(paths(get_pod))]
    /// struct ApiDoc;
    ///
    /// let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
    /// assert!(doc["paths"]["/pods/{name}"]["get"]["responses"]["500"].is_object());
    /// ```
    #[must_use]
    pub fn responses<E: ErrorCatalog>() -> Responses {
        error_code_core::openapi::responses(E::CATALOG)
    }

    /// The error responses of `E` for RFC 9457 problem bodies
    /// (`application/problem+json`), as [`Reply::problem`](crate::Reply::problem)
    /// sends them with `type_base`; laid out as [`responses`].
    ///
    /// ```
    /// use error_code::ErrorCode;
    ///
    /// #[derive(Debug, ErrorCode)]
    /// enum PodError {
    ///     /// 获取 Pod 失败
    ///     #[code(2001, status = 404)]
    ///     GetPodError,
    /// }
    ///
    /// let responses = error_code::openapi::problem_responses::<PodError>("https://errors.example.com/");
    /// let doc = serde_json::to_value(&responses["404"]).unwrap();
    /// assert_eq!(
    ///     doc["content"]["application/problem+json"]["examples"]["GetPodError"]["value"]["type"],
    ///     "https://errors.example.com/2001"
    /// );
    /// ```
    #[must_use]
    pub fn problem_responses<E: ErrorCatalog>(type_base: &str) -> Responses {
        error_code_core::openapi::problem_responses(E::CATALOG, type_base)
    }
}

#[doc(hidden)]
pub mod __private {
    pub use error_code_core::private::*;
}
