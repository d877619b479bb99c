//! Derived errors are actix-web responses, through actix-web's own request
//! handling.

#![cfg(feature = "actix-web")]

use actix_web::{App, HttpResponse, test, web};
use error_code::ErrorCode;

#[derive(Debug, thiserror::Error, ErrorCode)]
enum HandlerError {
    /// 获取 Pod 失败
    #[error("pod web not found")]
    #[code(2001, status = 404)]
    PodNotFound,
    /// 获取 Pod 事件失败
    #[error("secret internal detail")]
    #[code(2002, status = 502)]
    Backend,
}

async fn pod() -> Result<HttpResponse, HandlerError> {
    Err(HandlerError::PodNotFound)
}

async fn backend() -> Result<HttpResponse, HandlerError> {
    Err(HandlerError::Backend)
}

#[test]
fn handlers_return_derived_errors() {
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .route("/pod", web::get().to(pod))
                .route("/backend", web::get().to(backend)),
        )
        .await;
        let response =
            test::call_service(&app, test::TestRequest::get().uri("/pod").to_request()).await;
        assert_eq!(response.status().as_u16(), 404);
        assert_eq!(
            response.headers().get("content-type").unwrap(),
            "application/json"
        );
        let body = test::read_body(response).await;
        assert_eq!(
            body,
            r#"{"code":2001,"message":"获取 Pod 失败","error":"pod web not found"}"#.as_bytes()
        );

        let response =
            test::call_service(&app, test::TestRequest::get().uri("/backend").to_request()).await;
        assert_eq!(response.status().as_u16(), 502);
        let body = test::read_body(response).await;
        assert_eq!(
            body,
            r#"{"code":2002,"message":"获取 Pod 事件失败"}"#.as_bytes()
        );
    });
}
