//! Operating it: one tracing event per answer (the hidden 5xx detail kept
//! in the log), request ids in bodies and events, extractor rejections in
//! the API's format, through axum's and actix-web's own request handling.

#![cfg(all(feature = "axum", feature = "actix-web", feature = "tracing"))]

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query};
use axum::routing::{get, post};
use error_code::{ErrorCode, Reply};
use http::{Request, StatusCode};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use tower::ServiceExt as _;
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt as _};

#[derive(Debug, thiserror::Error)]
#[error("connection to 10.0.0.7:5432 refused")]
struct DbError;

#[derive(Debug, thiserror::Error, ErrorCode)]
enum ApiError {
    /// 参数不合法
    #[error("{0}")]
    #[code(1001, status = 400, message(en = "Invalid parameter"))]
    ParamInvalid(String),
    /// 获取 Pod 失败
    #[error("pod web-9 not found")]
    #[code(2001, status = 404, message(en = "Pod not found"))]
    PodNotFound,
    /// 获取 Pod 事件失败
    #[error("password=hunter2 rejected by the event store")]
    #[code(2002, status = 500)]
    Events(#[source] DbError),
}

/// One captured event: its level and its fields as text.
#[derive(Debug, Clone)]
struct Captured {
    level: tracing::Level,
    target: String,
    fields: BTreeMap<String, String>,
}

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Captured>>>);

impl Capture {
    fn events(&self) -> Vec<Captured> {
        self.0.lock().unwrap().clone()
    }
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Capture {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        self.0.lock().unwrap().push(Captured {
            level: *event.metadata().level(),
            target: event.metadata().target().to_owned(),
            fields,
        });
    }
}

/// Runs `f` on a current-thread runtime with a capturing subscriber.
fn captured<T>(f: impl std::future::Future<Output = T>) -> (T, Vec<Captured>) {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    let out = tracing::subscriber::with_default(subscriber, || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(f)
    });
    (out, capture.events())
}

#[derive(Debug, serde::Deserialize)]
struct NewPod {
    #[allow(dead_code)]
    name: String,
}

#[derive(Debug, serde::Deserialize)]
struct Page {
    #[allow(dead_code)]
    limit: u32,
}

fn app() -> Router {
    Router::new()
        .route(
            "/pod",
            get(|| async { Err::<(), _>(ApiError::PodNotFound) }),
        )
        .route(
            "/events",
            get(|| async { Err::<(), _>(ApiError::Events(DbError)) }),
        )
        .route(
            "/pods",
            post(|axum::Json(_): axum::Json<NewPod>| async { "created" }),
        )
        .route("/page", get(|Query(_): Query<Page>| async { "page" }))
        .route("/pods/{n}", get(|Path(_): Path<u32>| async { "pod" }))
        .layer(
            error_code::axum::ErrorLayer::new().rejections(ApiError::ParamInvalid(String::new())),
        )
}

async fn send(request: Request<Body>) -> (StatusCode, serde_json::Value) {
    let response = app().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, body)
}

fn get_req(uri: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::empty()).unwrap()
}

#[test]
fn a_5xx_answer_logs_what_the_client_does_not_get() {
    let ((status, body), events) =
        captured(send(get_req("/events", &[("x-request-id", "req-42")])));
    assert_eq!(status, 500);
    assert_eq!(
        body,
        serde_json::json!({"code": 2002, "message": "获取 Pod 事件失败", "request_id": "req-42"})
    );
    assert!(!body.to_string().contains("hunter2"));
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &events[0];
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(event.target, "error_code");
    assert_eq!(event.fields["code"], "2002");
    assert_eq!(event.fields["name"], "Events");
    assert_eq!(event.fields["status"], "500");
    assert_eq!(event.fields["request_id"], "req-42");
    assert_eq!(
        event.fields["detail"],
        "password=hunter2 rejected by the event store"
    );
    assert_eq!(
        event.fields["source"],
        "connection to 10.0.0.7:5432 refused"
    );
}

#[test]
fn a_4xx_answer_is_an_info_event_and_a_request_without_an_id_gets_one() {
    let ((status, mut body), events) = captured(send(get_req(
        "/pod",
        &[("accept-language", "fr-CH, en;q=0.8")],
    )));
    assert_eq!(status, 404);
    let id = body["request_id"]
        .as_str()
        .expect("an id made by the layer")
        .to_owned();
    assert!(!id.is_empty());
    body.as_object_mut().unwrap().remove("request_id");
    assert_eq!(
        body,
        serde_json::json!({"code": 2001, "message": "Pod not found", "error": "pod web-9 not found"})
    );
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].level, tracing::Level::INFO);
    assert_eq!(events[0].fields["code"], "2001");
    assert_eq!(events[0].fields["request_id"], id);
    // The language of the message the client got.
    assert_eq!(events[0].fields["language"], "en");
}

/// The body, the event and the answer's header carry the same id, with
/// the `ErrorLayer` outside or inside tower-http's request-id layers.
#[test]
fn request_ids_survive_any_layer_order() {
    use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
    let routes = || {
        Router::new().route(
            "/pod",
            get(|| async { Err::<(), _>(ApiError::PodNotFound) }),
        )
    };
    let outside = routes()
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(error_code::axum::ErrorLayer::new());
    let inside = routes()
        .layer(error_code::axum::ErrorLayer::new())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid));
    let bare = routes().layer(error_code::axum::ErrorLayer::new());
    for (order, app) in [("outside", outside), ("inside", inside), ("alone", bare)] {
        for sent in [None, Some("client-7")] {
            let headers: Vec<(&str, &str)> = sent.iter().map(|id| ("x-request-id", *id)).collect();
            let (response, events) = captured(app.clone().oneshot(get_req("/pod", &headers)));
            let response = response.unwrap();
            let header = response.headers()["x-request-id"]
                .to_str()
                .unwrap()
                .to_owned();
            let bytes = captured(axum::body::to_bytes(response.into_body(), usize::MAX))
                .0
                .unwrap();
            let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(body["request_id"], header, "{order}, {sent:?}");
            assert_eq!(events[0].fields["request_id"], header, "{order}, {sent:?}");
            if let Some(sent) = sent {
                assert_eq!(header, sent, "{order}: the client's id is kept");
            } else {
                // Made by the layer or by tower-http: a version 4 UUID either way.
                let groups: Vec<usize> = header.split('-').map(str::len).collect();
                assert_eq!(groups, [8, 4, 4, 4, 12], "{order}: {header}");
                assert_eq!(&header[14..15], "4", "{order}: {header}");
                assert!(header.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()));
            }
        }
    }
}

/// The layer answers in problem+json, shows 5xx details where asked, and
/// answers unknown routes and methods in the API's format.
#[test]
fn the_layer_answers_problems_details_and_unmatched_routes() {
    let app = Router::new()
        .route(
            "/events",
            get(|| async { Err::<(), _>(ApiError::Events(DbError)) }),
        )
        .layer(
            error_code::axum::ErrorLayer::new()
                .problem("https://errors.example.com/")
                .expose_server_details(true)
                .unmatched(ApiError::PodNotFound, ApiError::ParamInvalid(String::new())),
        );
    let call = |request: Request<Body>| {
        let app = app.clone();
        captured(async move {
            let response = app.oneshot(request).await.unwrap();
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
            (
                parts,
                serde_json::from_slice::<serde_json::Value>(&bytes).unwrap(),
            )
        })
        .0
    };
    let (parts, body) = call(get_req("/events", &[]));
    assert_eq!(parts.status, 500);
    assert_eq!(parts.headers["content-type"], "application/problem+json");
    assert_eq!(body["type"], "https://errors.example.com/2002");
    assert_eq!(
        body["detail"],
        "password=hunter2 rejected by the event store"
    );
    let (parts, body) = call(get_req("/nowhere", &[]));
    assert_eq!(parts.status, 404);
    assert_eq!(body["code"], 2001);
    let post = Request::post("/events").body(Body::empty()).unwrap();
    let (parts, body) = call(post);
    assert_eq!(parts.status, 400);
    assert_eq!(body["code"], 1001);
    assert_eq!(parts.headers["allow"], "GET,HEAD");
}

#[test]
fn extractor_rejections_answer_in_the_api_format() {
    let json = |body: &str, content_type: Option<&str>| {
        let mut request = Request::post("/pods");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        request.body(Body::from(body.to_owned())).unwrap()
    };
    let cases = [
        (
            json("{not json", Some("application/json")),
            "Failed to parse the request body as JSON",
        ),
        (
            json(r#"{"name": 7}"#, Some("application/json")),
            "invalid type: integer `7`",
        ),
        (
            json(r#"{"name": "a"}"#, None),
            "Content-Type: application/json",
        ),
        (
            get_req("/page?limit=many", &[]),
            "Failed to deserialize query string",
        ),
        (
            get_req("/pods/abc", &[("x-request-id", "r-1")]),
            "Invalid URL",
        ),
    ];
    for (request, text) in cases {
        let ((status, body), events) = captured(send(request));
        assert_eq!(status, 400, "{body}");
        assert_eq!(body["code"], 1001, "{body}");
        assert_eq!(body["message"], "参数不合法");
        assert!(body["error"].as_str().unwrap().contains(text), "{body}");
        assert_eq!(events.len(), 1);
    }
    let ((_, body), _) = captured(send(get_req("/pods/abc", &[("x-request-id", "r-1")])));
    assert_eq!(body["request_id"], "r-1");
    // A successful request passes untouched.
    let ((status, body), events) =
        captured(send(json(r#"{"name": "a"}"#, Some("application/json"))));
    assert_eq!(
        (status, body),
        (StatusCode::OK, serde_json::Value::String("created".into()))
    );
    assert!(events.is_empty());
}

#[test]
fn reply_to_response_emits_one_event_and_to_json_none() {
    let ((), events) = captured(async {
        let _ = Reply::new(&ApiError::PodNotFound)
            .request_id("x")
            .to_response();
        let _ = Reply::new(&ApiError::PodNotFound).to_json();
    });
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].fields["request_id"], "x");
}

/// A type that writes its own `IntoResponse` while the `axum` feature is on.
#[derive(Debug, ErrorCode)]
#[error_code(into_response = false)]
enum OwnAnswer {
    /// Teapot
    #[code(4180, status = 418)]
    Teapot,
}

impl axum::response::IntoResponse for OwnAnswer {
    fn into_response(self) -> axum::response::Response {
        let mut response = Reply::new(&self).to_response().map(Body::from);
        response
            .headers_mut()
            .insert("x-own", http::HeaderValue::from_static("yes"));
        response
    }
}

#[test]
fn a_type_may_write_its_own_into_response() {
    let app = Router::new().route("/", get(|| async { Err::<(), _>(OwnAnswer::Teapot) }));
    let ((status, own), _) = captured(async {
        let response = app.oneshot(get_req("/", &[])).await.unwrap();
        (response.status(), response.headers().get("x-own").cloned())
    });
    assert_eq!(status, 418);
    assert_eq!(own.unwrap(), "yes");
}

#[test]
fn actix_answers_in_the_request_language_with_its_id() {
    use actix_web::{App, HttpResponse, test, web};
    async fn pod() -> Result<HttpResponse, ApiError> {
        Err(ApiError::PodNotFound)
    }
    async fn events() -> Result<HttpResponse, ApiError> {
        Err(ApiError::Events(DbError))
    }
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    tracing::subscriber::with_default(subscriber, || {
        actix_web::rt::System::new().block_on(async {
            let app = test::init_service(
                App::new()
                    .wrap(error_code::actix::ErrorContext)
                    .route("/pod", web::get().to(pod))
                    .route("/events", web::get().to(events)),
            )
            .await;
            let request = test::TestRequest::get()
                .uri("/pod")
                .insert_header(("accept-language", "en-US,en;q=0.9"))
                .insert_header(("x-request-id", "act-1"))
                .to_request();
            let response = test::call_service(&app, request).await;
            let language = response.headers().get("content-language").and_then(|l| l.to_str().ok());
            assert_eq!(language, Some("en"));
            let body: serde_json::Value = test::read_body_json(response).await;
            assert_eq!(
                body,
                serde_json::json!({"code": 2001, "message": "Pod not found", "error": "pod web-9 not found", "request_id": "act-1"})
            );
            let request = test::TestRequest::get().uri("/events").to_request();
            let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
            assert_eq!(body, serde_json::json!({"code": 2002, "message": "获取 Pod 事件失败"}));
        });
    });
    let events = capture.events();
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0].fields["request_id"], "act-1");
    assert_eq!(events[1].level, tracing::Level::ERROR);
    assert!(events[1].fields["detail"].contains("hunter2"));
}

#[test]
fn a_grpc_status_is_one_event_too() {
    let (status, events) = captured(async { tonic::Status::from(ApiError::Events(DbError)) });
    assert_eq!(status.code(), tonic::Code::Internal);
    assert!(!format!("{status:?}").contains("hunter2"));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].level, tracing::Level::ERROR);
    assert!(events[0].fields["detail"].contains("hunter2"));
}

/// An error whose `Display` panics.
#[derive(Debug, ErrorCode)]
enum Panicky {
    /// 参数不合法
    #[code(1001, status = 400)]
    Bad,
}

impl std::fmt::Display for Panicky {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        panic!("the Display of Panicky panics")
    }
}

#[test]
fn a_panic_in_display_is_logged_not_swallowed() {
    let (json, events) = captured(async { Reply::new(&Panicky::Bad).to_json() });
    assert_eq!(json, r#"{"code":1001,"message":"参数不合法"}"#);
    let panicked: Vec<&Captured> = events
        .iter()
        .filter(|e| {
            e.level == tracing::Level::ERROR
                && e.fields
                    .get("message")
                    .is_some_and(|m| m.contains("panicked"))
        })
        .collect();
    assert_eq!(panicked.len(), 1, "{events:?}");
}

/// A 5xx whose `Display` panics.
#[derive(Debug, ErrorCode)]
enum PanickyServer {
    /// 后端繁忙
    #[code(1503, status = 503)]
    Busy,
}

impl std::fmt::Display for PanickyServer {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        panic!("the Display of PanickyServer panics")
    }
}

/// However often an answer writes a `Display` that panics (its event, its
/// body), the answer is one event and one report of the panic.
#[test]
fn a_panic_in_display_is_reported_once_an_answer() {
    let is_report = |e: &Captured| {
        e.fields
            .get("message")
            .is_some_and(|m| m.contains("panicked"))
    };
    type Answer = Box<dyn Fn() + Send>;
    let answers: [(&str, Answer); 4] = [
        (
            "to_response 4xx",
            Box::new(|| drop(Reply::new(&Panicky::Bad).to_response())),
        ),
        (
            "to_response 5xx",
            Box::new(|| drop(Reply::new(&PanickyServer::Busy).to_response())),
        ),
        (
            "axum 5xx",
            Box::new(|| {
                drop(axum::response::IntoResponse::into_response(
                    PanickyServer::Busy,
                ))
            }),
        ),
        (
            "tonic 5xx",
            Box::new(|| drop(tonic::Status::from(PanickyServer::Busy))),
        ),
    ];
    for (name, answer) in answers {
        let ((), events) = captured(async move { answer() });
        let reports = events.iter().filter(|e| is_report(e)).count();
        assert_eq!(reports, 1, "{name}: {events:?}");
        assert_eq!(
            events.len(),
            2,
            "{name}: the answer's event and the report: {events:?}"
        );
    }
}

/// A param whose `Serialize` panics.
#[derive(Debug)]
struct PanickyParam;

impl serde::Serialize for PanickyParam {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        panic!("the Serialize of PanickyParam panics")
    }
}

/// An error with that param in its message.
#[derive(Debug, ErrorCode)]
enum WithPanickyParam {
    /// 参数 {p} 不合法
    #[code(1002, status = 400)]
    Bad { p: PanickyParam },
}

/// The body alone, however often it writes the param, reports its panic
/// once.
#[test]
fn a_body_alone_reports_a_panicking_param_once() {
    let (json, events) =
        captured(async { Reply::new(&WithPanickyParam::Bad { p: PanickyParam }).to_json() });
    assert!(json.contains("\"code\":1002"), "{json}");
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0].fields["message"].contains("panicked"),
        "{events:?}"
    );
}

/// The documented `localize` middleware re-renders without a second event.
#[test]
fn localize_keeps_one_event_per_answer() {
    use axum::extract::Request as AxumRequest;
    use axum::middleware::{Next, from_fn};
    let app = Router::new()
        .route(
            "/pod",
            get(|| async { Err::<(), _>(ApiError::PodNotFound) }),
        )
        .layer(from_fn(|request: AxumRequest, next: Next| async move {
            let language = request
                .headers()
                .get(http::header::ACCEPT_LANGUAGE)
                .cloned();
            error_code::axum::localize(language.as_ref(), next.run(request).await)
        }));
    let ((language, body), events) = captured(async move {
        let response = app
            .oneshot(get_req("/pod", &[("accept-language", "en")]))
            .await
            .unwrap();
        let language = response.headers().get("content-language").cloned();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (language, body)
    });
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["message"], "Pod not found");
    // The language said is the one of the re-rendered body.
    assert_eq!(language.as_ref().and_then(|l| l.to_str().ok()), Some("en"));
    assert_eq!(events.len(), 1, "{events:?}");
}

/// A rejection builds the API's error from its text, without a placeholder.
#[test]
fn rejections_build_the_error_from_the_text() {
    let app = Router::new()
        .route("/page", get(|Query(_): Query<Page>| async { "page" }))
        .layer(error_code::axum::ErrorLayer::new().rejections_with(ApiError::ParamInvalid));
    let ((status, body), events) = captured(async move {
        let response = app.oneshot(get_req("/page?limit=x", &[])).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (
            status,
            serde_json::from_slice::<serde_json::Value>(&bytes).unwrap(),
        )
    });
    assert_eq!(status, 400);
    assert_eq!(body["code"], 1001);
    assert!(body["error"].as_str().unwrap().contains("limit"), "{body}");
    assert_eq!(events.len(), 1);
}

/// What a rejection is answered with: a server error or a client one.
#[derive(Debug, ErrorCode)]
#[allow(dead_code)]
enum Unreadable {
    /// Could not read the request
    #[code(1501, status = 500)]
    Internal(String),
    /// Invalid request
    #[code(1001, status = 400)]
    Invalid(String),
}

/// serde's text names the field of a 4xx only: a rejection answered with
/// a 5xx keeps it in the log, as it keeps the detail.
#[test]
fn a_rejection_answered_with_a_5xx_sends_no_field_of_serdes() {
    let cases = [
        (
            error_code::axum::ErrorLayer::new().rejections_with(Unreadable::Internal),
            500,
        ),
        (
            error_code::axum::ErrorLayer::new().rejections_with(Unreadable::Invalid),
            400,
        ),
    ];
    for (layer, status) in cases {
        let app = Router::new()
            .route(
                "/pods",
                post(|axum::Json(_): axum::Json<NewPod>| async { "created" }),
            )
            .layer(layer);
        let ((answered, body), _) = captured(async move {
            let request = Request::post("/pods")
                .header("content-type", "application/json")
                .body(Body::from(r#"{"name": 7}"#))
                .unwrap();
            let response = app.oneshot(request).await.unwrap();
            let answered = response.status();
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            (answered, String::from_utf8(bytes.to_vec()).unwrap())
        });
        assert_eq!(answered, status, "{body}");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        if status == 500 {
            assert!(!body.contains("invalid type"), "{body}");
            assert_eq!(json.get("errors"), None, "{body}");
        } else {
            assert_eq!(json["errors"][0]["field"], "name", "{body}");
            // An error without a `Display` of its own sends the
            // rejection's text, as the README says.
            assert!(
                json["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("invalid type")),
                "{body}"
            );
        }
    }
}

/// A message with params: the event carries them and the rendered message.
#[derive(Debug, ErrorCode)]
enum WithParams {
    /// Pod {name} not found in {namespace}
    #[code(2101, status = 404)]
    NotFound { namespace: String, name: String },
}

#[test]
fn the_event_carries_the_params_and_the_rendered_message() {
    let ((), events) = captured(async {
        let e = WithParams::NotFound {
            namespace: "default".into(),
            name: "web".into(),
        };
        let _ = error_code::Reply::new(&e).to_response();
    });
    assert_eq!(events.len(), 1, "{events:?}");
    let fields = &events[0].fields;
    assert_eq!(fields["message"], "Pod web not found in default");
    let params: serde_json::Value = serde_json::from_str(&fields["params"]).unwrap();
    assert_eq!(
        params,
        serde_json::json!({"namespace": "default", "name": "web"})
    );
}

/// Violations and a retry delay: the event counts the one and says the other.
#[derive(Debug, ErrorCode)]
enum Crowded {
    /// Invalid
    #[code(1001, status = 400)]
    Invalid {
        #[violations]
        fields: error_code::Violations,
    },
    /// Busy
    #[code(1503, status = 503, retry_after = 7)]
    Busy,
    /// Slow down
    #[code(1429, status = 429)]
    Slow {
        #[retry_after]
        delay: std::time::Duration,
    },
}

#[test]
fn the_event_counts_violations_and_says_when_to_retry() {
    let ((), events) = captured(async {
        let mut fields = error_code::Violations::new();
        fields.add("a", "x");
        fields.add("b", "y");
        let _ = error_code::Reply::new(&Crowded::Invalid { fields }).to_response();
        let _ = error_code::Reply::new(&Crowded::Busy).to_response();
        let slow = Crowded::Slow {
            delay: std::time::Duration::from_millis(1500),
        };
        let response = error_code::Reply::new(&slow).to_response();
        assert_eq!(response.headers()["retry-after"], "2");
    });
    assert_eq!(events.len(), 3, "{events:?}");
    assert_eq!(events[0].fields["violations"], "2");
    assert!(!events[0].fields.contains_key("retry_after"));
    assert_eq!(events[1].fields["retry_after"], "7");
    // 1.5 s is 2 in the event as on every wire: rounded up.
    assert_eq!(events[2].fields["retry_after"], "2");
}

/// A 4xx whose `Display` fails part-way: the body sends no detail, and the
/// event logs none either (the text was never the client's). Recased, the
/// message is no detail in either.
#[derive(Debug, ErrorCode)]
enum Partial {
    /// Pod not found
    #[code(4041, status = 404)]
    Half,
    /// Pod not found
    #[code(4042, status = 404)]
    Recased,
}

impl std::fmt::Display for Partial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Partial::Half => {
                f.write_str("partial SECRET")?;
                Err(std::fmt::Error)
            }
            Partial::Recased => f.write_str("POD NOT FOUND"),
        }
    }
}

impl std::error::Error for Partial {}

#[test]
fn the_event_logs_the_detail_the_body_sends() {
    for error in [Partial::Half, Partial::Recased] {
        let (body, events) = captured(async { Reply::new(&error).to_response() });
        let body: serde_json::Value = serde_json::from_slice(body.body()).unwrap();
        assert!(body.get("error").is_none(), "{body}");
        assert_eq!(events.len(), 1);
        assert!(!events[0].fields.contains_key("detail"), "{:?}", events[0]);
    }
}

/// A source whose chain loops back on itself.
#[derive(Debug)]
struct Loop;

impl std::fmt::Display for Loop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("loop")
    }
}

impl std::error::Error for Loop {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&Loop)
    }
}

/// A source whose `source()` panics.
#[derive(Debug)]
struct SourcePanics;

impl std::fmt::Display for SourcePanics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("source panics")
    }
}

impl std::error::Error for SourcePanics {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        panic!("source() panics")
    }
}

/// A field whose `Display` fails after writing part of its text.
#[derive(Debug)]
struct Fails;

impl std::fmt::Display for Fails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("on db-primary.internal:5432")?;
        Err(std::fmt::Error)
    }
}

/// A panic payload whose `Drop` panics.
struct PanicOnDrop;

impl Drop for PanicOnDrop {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            panic!("payload dropped");
        }
    }
}

#[derive(Debug, thiserror::Error, ErrorCode)]
enum Hostile {
    /// Internal
    #[error("backend failed")]
    #[code(5001, status = 500)]
    Cycle(#[source] Loop),
    /// Internal
    #[error("backend failed")]
    #[code(5002, status = 500)]
    Panics(#[source] SourcePanics),
    /// Internal
    #[error("query {0} failed")]
    #[code(5003, status = 500)]
    Query(Fails),
}

#[derive(Debug, ErrorCode)]
enum DropsPanic {
    /// Bad input
    #[code(1001, status = 400)]
    Bad,
}

impl std::fmt::Display for DropsPanic {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::panic::panic_any(PanicOnDrop)
    }
}

/// An answer always finishes and never panics, whatever the sources do:
/// a chain that loops ends, a `source()` that panics ends it there, and a
/// panic whose payload panics again when dropped stays caught. A 5xx whose
/// `Display` fails logs what it wrote.
#[test]
fn hostile_sources_and_displays_end_the_answer_not_the_server() {
    let ((), events) = captured(async {
        for error in [
            Hostile::Cycle(Loop),
            Hostile::Panics(SourcePanics),
            Hostile::Query(Fails),
        ] {
            let response = Reply::new(&error).to_response();
            assert_eq!(response.status(), 500);
            assert!(!String::from_utf8_lossy(response.body()).contains("db-primary"));
        }
        let body = std::panic::catch_unwind(|| Reply::new(&DropsPanic::Bad).to_json());
        assert_eq!(
            body.ok().as_deref(),
            Some(r#"{"code":1001,"message":"Bad input"}"#)
        );
    });
    let answers: Vec<&Captured> = events
        .iter()
        .filter(|e| e.fields.contains_key("code"))
        .collect();
    assert_eq!(answers.len(), 3, "{events:?}");
    let source = &answers[0].fields["source"];
    assert!(source.starts_with("loop: loop: "), "{source}");
    assert!(source.ends_with(": …"), "{source}");
    assert_eq!(source.matches("loop").count(), 32, "{source}");
    assert_eq!(answers[1].fields["source"], "source panics");
    assert_eq!(
        answers[2].fields["detail"],
        "query on db-primary.internal:5432"
    );
}
