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

/// A rejection code with a retry delay, for the layer's rejections.
#[derive(Debug, error_code::ErrorCode)]
enum Throttled {
    /// 请求不合法
    #[code(1009, status = 400, retry_after = 9)]
    Malformed,
    /// 获取 Pod 失败
    #[code(2001, status = 404)]
    Missing,
}

#[derive(Debug, serde::Deserialize)]
struct Limit {
    #[allow(dead_code)]
    limit: u32,
}

fn throttled_app() -> Router {
    Router::new()
        .route(
            "/limit",
            axum::routing::post(|axum::Json(_): axum::Json<Limit>| async { "ok" }),
        )
        .route(
            "/missing",
            get(|| async { Err::<(), _>(Throttled::Missing) }),
        )
        .layer(error_code::axum::ErrorLayer::new().rejections(Throttled::Malformed))
}

async fn call_throttled(
    request: Request<Body>,
) -> (StatusCode, http::HeaderMap, serde_json::Value) {
    let response = throttled_app().oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, headers, serde_json::from_slice(&bytes).unwrap())
}

/// The rejection code's retry delay is sent whether serde names a field
/// or not.
#[tokio::test]
async fn a_rejection_keeps_its_codes_retry_delay() {
    for body in ["{", r#"{"limit": "x"}"#] {
        let request = Request::post("/limit")
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap();
        let (status, headers, json) = call_throttled(request).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(json["code"], 1009, "{body}");
        assert_eq!(json["retry_after"], 9, "{body}: {json}");
        assert_eq!(headers["retry-after"], "9", "{body}");
    }
}

/// Errors the layer is given with params: each answers with its params
/// filled into its message, in every language, as its own answer does.
#[derive(Debug, error_code::ErrorCode)]
enum Given {
    /// 字段 {field} 不合法
    #[code(1002, status = 400, message(en = "Field {field} invalid"))]
    FieldInvalid { field: String },
    /// 路径 {path} 不存在
    #[code(1003, status = 404, message(en = "No route {path}"))]
    NoRoute { path: &'static str },
}

#[tokio::test]
async fn a_given_error_answers_with_its_params() {
    let app = Router::new()
        .route(
            "/limit",
            axum::routing::post(|axum::Json(_): axum::Json<Limit>| async { "ok" }),
        )
        .layer(
            error_code::axum::ErrorLayer::new()
                .rejections(Given::FieldInvalid {
                    field: "limit".into(),
                })
                .unmatched(Given::NoRoute { path: "/" }, Given::NoRoute { path: "/" }),
        );
    let cases = [
        (Request::post("/limit"), "zh", "字段 limit 不合法", 1002),
        (Request::post("/limit"), "en", "Field limit invalid", 1002),
        (Request::get("/nowhere"), "zh", "路径 / 不存在", 1003),
        (Request::get("/nowhere"), "en", "No route /", 1003),
    ];
    for (request, language, message, code) in cases {
        let request = request
            .header("content-type", "application/json")
            .header("accept-language", language)
            .body(Body::from("{"))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["code"], code, "{json}");
        assert_eq!(json["message"], message, "{json}");
        let param = if code == 1002 { "field" } else { "path" };
        assert!(json["params"][param].is_string(), "{json}");
        // The rejection's text is the detail; an unmatched route has none.
        assert_eq!(json.get("error").is_some(), code == 1002, "{json}");
    }
    // A request's `Accept-Language` lines are one list (RFC 9110): `fr`,
    // then `en`; the second line was not read.
    let request = Request::get("/nowhere")
        .header("accept-language", "fr")
        .header("accept-language", "en;q=0.9")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.headers()["content-language"], "en");
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["message"], "No route /", "{json}");
}

/// `Accept: application/problem+json` gets problem+json though the layer
/// sets no default; plain JSON otherwise.
#[tokio::test]
async fn problem_json_when_the_request_asks() {
    let asked = Request::get("/missing")
        .header("accept", "application/problem+json")
        .body(Body::empty())
        .unwrap();
    let (status, headers, json) = call_throttled(asked).await;
    assert_eq!(status, 404);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(json["type"], "about:blank");
    assert_eq!(json["title"], "获取 Pod 失败");
    assert_eq!(json["status"], 404);
    let plain = Request::get("/missing")
        .header("accept", "application/json, text/plain;q=0.5")
        .body(Body::empty())
        .unwrap();
    let (_, headers, json) = call_throttled(plain).await;
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(json["code"], 2001);
    // The request's `Accept` lines are one list: the first line alone
    // decided. A wildcard weighs the type the client did not name.
    for lines in [
        &["application/json", "application/problem+json"][..],
        &["application/json;q=0.1", "*/*"][..],
        &["application/json;q=0.1, */*"][..],
    ] {
        let mut request = Request::get("/missing");
        for line in lines {
            request = request.header("accept", *line);
        }
        let (_, headers, _) = call_throttled(request.body(Body::empty()).unwrap()).await;
        assert_eq!(
            headers["content-type"], "application/problem+json",
            "{lines:?}"
        );
    }
}

/// An app whose answers an `ErrorLayer` makes (problem+json, 5xx details
/// sent, unknown routes answered), with `localize` outside it or not.
fn layered_app(localized: bool) -> Router {
    let app = Router::new()
        .route("/pod", get(pod))
        .route("/backend", get(backend))
        .route("/quota", get(quota))
        .layer(
            error_code::axum::ErrorLayer::new()
                .problem("https://api.example.com/errors/")
                .expose_server_details(true)
                .unmatched(HandlerError::BadLimit, HandlerError::BadLimit),
        );
    if !localized {
        return app;
    }
    app.layer(axum::middleware::from_fn(
        |request: axum::extract::Request, next: axum::middleware::Next| async move {
            let headers = request.headers().clone();
            error_code::axum::localize(&headers, next.run(request).await)
        },
    ))
}

/// `localize` renders an answer again in the context the layer made it
/// in: the request's id, the format asked for, the 5xx detail the layer
/// sends, the request's `Accept-Language` lines (one list, as the layer
/// reads them). Its body is the layer's, byte for byte, where the
/// languages are the same.
#[tokio::test]
async fn localize_keeps_the_layers_context() {
    for (uri, lines) in [
        ("/pod", &["en-US,en;q=0.9"][..]),
        ("/backend", &["en-US,en;q=0.9"][..]),
        ("/nowhere", &["en-US,en;q=0.9"][..]),
        ("/quota", &["en-US,en;q=0.9"][..]),
        ("/quota", &["fr", "en-US,en;q=0.9"][..]),
    ] {
        for accept in [
            None,
            Some("application/json"),
            Some("application/problem+json"),
        ] {
            let mut bodies = Vec::new();
            for localized in [false, true] {
                let mut request = Request::get(uri).header("x-request-id", "req-42");
                for line in lines {
                    request = request.header("accept-language", *line);
                }
                if let Some(accept) = accept {
                    request = request.header("accept", accept);
                }
                let response = layered_app(localized)
                    .oneshot(request.body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                let content_type = response.headers()["content-type"].clone();
                let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                    .await
                    .unwrap();
                bodies.push((content_type, bytes));
            }
            assert_eq!(bodies[0], bodies[1], "{uri} {lines:?} {accept:?}");
            let json: serde_json::Value = serde_json::from_slice(&bodies[1].1).unwrap();
            if uri == "/quota" {
                let title = if accept == Some("application/json") {
                    &json["message"]
                } else {
                    &json["title"]
                };
                assert_eq!(title, "Quota exceeded", "{lines:?} {accept:?}: {json}");
            }
            assert_eq!(json["request_id"], "req-42", "{uri} {accept:?}: {json}");
            if uri == "/backend" {
                let detail = if accept == Some("application/json") {
                    &json["error"]
                } else {
                    &json["detail"]
                };
                assert_eq!(detail, "secret internal detail", "{uri} {accept:?}: {json}");
            }
        }
    }
}

/// An error with a message in two languages.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh")]
enum Bilingual {
    /// 配额不足
    #[code(1429, status = 429, message(en = "Quota exceeded"))]
    Quota,
}

async fn quota() -> Result<&'static str, Bilingual> {
    Err(Bilingual::Quota)
}

/// An `Accept-Language` value with other than visible ASCII (a no-break
/// space after a q value: UTF-8, which `HeaderValue::to_str` refuses) is
/// read as `Reply::accept_language` reads its text, by the layer and by
/// `localize` alike.
#[tokio::test]
async fn a_language_value_beyond_ascii_is_read_as_its_text() {
    let text = "en, zh;q=0.5\u{a0}";
    let want = error_code::Reply::new(&Bilingual::Quota)
        .accept_language(text)
        .to_json();
    assert!(want.contains("Quota exceeded"), "{want}");
    let layer = Router::new()
        .route("/quota", get(quota))
        .layer(error_code::axum::ErrorLayer::new());
    let localized = Router::new()
        .route("/quota", get(quota))
        .layer(axum::middleware::from_fn(
            |request: axum::extract::Request, next: axum::middleware::Next| async move {
                let language = request
                    .headers()
                    .get(http::header::ACCEPT_LANGUAGE)
                    .cloned();
                error_code::axum::localize(language.as_ref(), next.run(request).await)
            },
        ));
    for app in [layer, localized] {
        let request = Request::get("/quota")
            .header(
                "accept-language",
                http::HeaderValue::from_bytes(text.as_bytes()).unwrap(),
            )
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.headers()["content-language"], "en");
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["message"], "Quota exceeded", "{json}");
    }
}

/// An answer a layer chose by the request's headers names them in `Vary`,
/// so that a shared cache (a 404 is cacheable) does not give one client's
/// language or format to another: `Accept` always, `Accept-Language`
/// where the code has translations. An answer no request chose has none.
#[tokio::test]
async fn a_negotiated_answer_says_what_it_varies_by() {
    let layered = || {
        Router::new()
            .route("/quota", get(quota))
            .route("/limit", get(limit))
            .layer(error_code::axum::ErrorLayer::new())
    };
    for (uri, vary) in [("/quota", "Accept, Accept-Language"), ("/limit", "Accept")] {
        for language in [None, Some("en")] {
            let mut request = Request::get(uri);
            if let Some(language) = language {
                request = request.header("accept-language", language);
            }
            let response = layered()
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(response.headers()["vary"], vary, "{uri} {language:?}");
        }
    }
    // Without a layer, nothing was chosen by the request.
    let plain = Router::new().route("/quota", get(quota));
    let response = plain
        .oneshot(Request::get("/quota").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert!(response.headers().get("vary").is_none());
    // A language chosen by hand varies by it.
    let reply = error_code::Reply::new(&Bilingual::Quota).accept_language("en");
    assert_eq!(reply.vary(), Some("Accept-Language"));
    assert_eq!(error_code::Reply::new(&Bilingual::Quota).vary(), None);
}

/// A body of nested objects and a map.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Deployment {
    name: String,
    id: Option<Checked>,
    spec: DeploymentSpec,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct DeploymentSpec {
    replicas: u32,
    labels: std::collections::BTreeMap<String, u32>,
    id: Option<Checked>,
}

/// A type whose own message holds `: ` and words serde's begin with, as
/// `uuid::Uuid`'s does.
#[derive(Debug)]
struct Checked;

impl<'de> serde::Deserialize<'de> for Checked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let _ = <String as serde::Deserialize>::deserialize(d)?;
        Err(serde::de::Error::custom(
            "parsing failed: invalid character: found `z` at 0",
        ))
    }
}

/// serde's field, however deep: a missing one is named under its object,
/// as a missing one at the root is named; a type's own message is kept
/// whole, and a map's key holding a space too.
#[tokio::test]
async fn a_json_rejection_names_the_field_however_deep() {
    let app = Router::new()
        .route(
            "/deploy",
            axum::routing::post(|axum::Json(_): axum::Json<Deployment>| async { "ok" }),
        )
        .layer(
            error_code::axum::ErrorLayer::new().rejections(Given::FieldInvalid {
                field: "body".into(),
            }),
        );
    let checked = "parsing failed: invalid character: found `z` at 0";
    let cases = [
        (
            r#"{"spec": {"replicas": 1, "labels": {}}}"#,
            "name",
            "missing field `name`",
        ),
        (
            r#"{"name": "x", "spec": {"labels": {}}}"#,
            "spec.replicas",
            "missing field `replicas`",
        ),
        (
            r#"{"name": "x", "spec": {"replicas": "3", "labels": {}}}"#,
            "spec.replicas",
            "invalid type: string \"3\", expected u32",
        ),
        (
            r#"{"name": "x", "spec": {"replicas": 1, "labels": {"my key": "x"}}}"#,
            "spec.labels.my key",
            "invalid type: string \"x\", expected u32",
        ),
        (r#"{"name": "x", "id": "zz"}"#, "id", checked),
        (
            r#"{"name": "x", "spec": {"replicas": 1, "labels": {}, "id": "zz"}}"#,
            "spec.id",
            checked,
        ),
    ];
    for (body, field, message) in cases {
        let request = Request::post("/deploy")
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), 400, "{body}");
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["errors"][0]["field"], field, "{body}: {json}");
        assert_eq!(json["errors"][0]["message"], message, "{body}: {json}");
    }
}
