//! Derived errors are actix-web responses, through actix-web's own request
//! handling.

#![cfg(feature = "actix-web")]

use actix_web::{App, HttpResponse, test, web};
use error_code::ErrorCode;

#[derive(Debug, thiserror::Error, ErrorCode)]
enum HandlerError {
    /// 获取 Pod 失败
    #[error("pod web not found")]
    #[code(2001, status = 404, message(en = "Failed to get the pod"))]
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

/// Params, violations and a retry delay, as axum sends them.
#[derive(Debug, thiserror::Error, ErrorCode)]
enum Rich {
    /// Invalid parameter
    #[error("invalid: {fields}")]
    #[code(1001, status = 400)]
    Invalid {
        #[violations]
        fields: error_code::Violations,
    },
    /// Slow down, {tenant}
    #[error("slow down")]
    #[code(1429, status = 429, retry_after = 30)]
    TooMany { tenant: String },
}

#[test]
fn violations_params_and_retry_through_actix() {
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .route(
                    "/invalid",
                    web::post().to(|| async {
                        let mut fields = error_code::Violations::new();
                        fields.add("spec.replicas", "must be at most 10");
                        fields.add("metadata.name", "must not be empty");
                        fields.add("spec.image", "must not be empty");
                        Err::<HttpResponse, _>(Rich::Invalid { fields })
                    }),
                )
                .route(
                    "/busy",
                    web::get().to(|| async {
                        Err::<HttpResponse, _>(Rich::TooMany {
                            tenant: "acme".into(),
                        })
                    }),
                ),
        )
        .await;
        let response =
            test::call_service(&app, test::TestRequest::post().uri("/invalid").to_request()).await;
        assert_eq!(response.status().as_u16(), 400);
        let body: serde_json::Value =
            serde_json::from_slice(&test::read_body(response).await).unwrap();
        let fields: Vec<&str> = body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["spec.replicas", "metadata.name", "spec.image"]);
        let response =
            test::call_service(&app, test::TestRequest::get().uri("/busy").to_request()).await;
        assert_eq!(response.status().as_u16(), 429);
        assert_eq!(response.headers().get("retry-after").unwrap(), "30");
        let body: serde_json::Value =
            serde_json::from_slice(&test::read_body(response).await).unwrap();
        assert_eq!(body["message"], "Slow down, acme");
        assert_eq!(body["params"], serde_json::json!({"tenant": "acme"}));
        assert_eq!(body["retry_after"], 30);
    });
}

/// Under `ErrorContext` a request that asks for problem+json gets it, as
/// axum's `ErrorLayer` answers: the same bytes as `Reply` in that context.
#[test]
fn an_accept_asking_for_problem_json_gets_it() {
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .wrap(error_code::actix::ErrorContext)
                .route("/pod", web::get().to(pod))
                .route("/backend", web::get().to(backend)),
        )
        .await;
        for (uri, error) in [
            ("/pod", HandlerError::PodNotFound),
            ("/backend", HandlerError::Backend),
        ] {
            for accept in [
                "application/problem+json",
                "application/json;q=0.5, application/problem+json",
                "application/json",
            ] {
                let request = test::TestRequest::get()
                    .uri(uri)
                    .insert_header(("accept", accept))
                    .insert_header(("x-request-id", "req-1"))
                    .to_request();
                let response = test::call_service(&app, request).await;
                let problem = accept.contains("problem");
                let want = error_code::Reply::new(&error).request_id("req-1");
                let want = if problem { want.problem("") } else { want };
                assert_eq!(
                    response.headers().get("content-type").unwrap(),
                    want.content_type(),
                    "{uri} {accept}"
                );
                let body = test::read_body(response).await;
                assert_eq!(
                    String::from_utf8_lossy(&body),
                    want.to_json(),
                    "{uri} {accept}"
                );
            }
        }
    });
}

/// Under `ErrorContext` a request's `Accept-Language` lines are one list
/// (RFC 9110), as axum's `ErrorLayer` reads them: `fr`, then `en`.
#[test]
fn every_accept_language_line_is_read() {
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .wrap(error_code::actix::ErrorContext)
                .route("/pod", web::get().to(pod)),
        )
        .await;
        let request = test::TestRequest::get()
            .uri("/pod")
            .append_header(("accept-language", "fr"))
            .append_header(("accept-language", "en;q=0.9"))
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.headers().get("content-language").unwrap(), "en");
        let body: serde_json::Value = test::read_body_json(response).await;
        assert_eq!(body["message"], "Failed to get the pod", "{body}");
    });
}

/// Under `ErrorContext` the answer names the headers it was chosen by, as
/// axum's `ErrorLayer` answers do.
#[test]
fn a_negotiated_answer_says_what_it_varies_by() {
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .wrap(error_code::actix::ErrorContext)
                .route("/pod", web::get().to(pod))
                .route("/backend", web::get().to(backend)),
        )
        .await;
        for (uri, vary) in [("/pod", "Accept, Accept-Language"), ("/backend", "Accept")] {
            let request = test::TestRequest::get().uri(uri).to_request();
            let response = test::call_service(&app, request).await;
            assert_eq!(response.headers().get("vary").unwrap(), vary, "{uri}");
        }
    });
}
