//! Derived errors are axum responses, through axum's own request handling.

#![cfg(feature = "axum")]

mod common;

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use common::{ApiError, PodError};
use error_code::ErrorCode;
use http::{Request, StatusCode};
use tower::ServiceExt as _;

#[derive(Debug, thiserror::Error, ErrorCode)]
enum HandlerError {
    /// 参数不合法
    #[error("limit must be a number")]
    #[code(1001, status = 400)]
    BadLimit,
    /// 获取 Pod 事件失败
    #[error("secret internal detail")]
    #[code(2002, status = 503)]
    Backend,
}

async fn pod() -> Result<&'static str, ApiError> {
    Err(ApiError::Pod(PodError::GetPodError))
}

async fn limit() -> Result<&'static str, HandlerError> {
    Err(HandlerError::BadLimit)
}

async fn backend() -> Result<&'static str, HandlerError> {
    Err(HandlerError::Backend)
}

async fn call(uri: &str) -> (StatusCode, String, String) {
    let app = Router::new()
        .route("/pod", get(pod))
        .route("/limit", get(limit))
        .route("/backend", get(backend));
    let response = app
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response.headers()[http::header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .unwrap();
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn handlers_return_derived_errors() {
    assert_eq!(
        call("/pod").await,
        (
            StatusCode::NOT_FOUND,
            "application/json".into(),
            r#"{"code":2001,"message":"获取 Pod 失败"}"#.into()
        )
    );
    let (status, _, body) = call("/limit").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        r#"{"code":1001,"message":"参数不合法","error":"limit must be a number"}"#
    );
    let (status, _, body) = call("/backend").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(!body.contains("secret"), "5xx detail is not sent: {body}");
}

/// A generic enum whose param's type is left unbounded compiles with every
/// feature on as with none: a feature only adds impls, here where the
/// param is a param (`Serialize`).
#[derive(Debug, error_code::ErrorCode)]
enum Unbounded<T> {
    /// got {0}
    #[code(1001, status = 400)]
    Got(T),
}

#[test]
fn features_only_add_impls_to_a_generic_enum() {
    use axum::response::IntoResponse;
    let response = Unbounded::Got(7_u8).into_response();
    assert_eq!(response.status(), 400);
    #[cfg(feature = "tonic")]
    {
        let status = tonic::Status::from(Unbounded::Got("x"));
        assert_eq!(status.message(), "got x");
    }
}
