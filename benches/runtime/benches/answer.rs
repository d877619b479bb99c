//! `cargo bench -p error-code-bench --bench answer`: what a service pays per
//! error answer, derived against what a user writes by hand, side by side in
//! one run (samples interleaved):
//!
//! - an axum answer through `Router::oneshot` (body collected), and the
//!   `IntoResponse` alone: the derive's against thiserror + a hand-written
//!   `impl IntoResponse` with `(status, Json(json!({...})))`;
//! - the JSON body alone: `Reply::to_json` / `Reply::write_json` against
//!   `serde_json::json!` and a `#[derive(Serialize)]` struct;
//! - a `tonic::Status` with `ErrorInfo`: `Status::from(err)` against
//!   `ErrorDetails::with_error_info` + `Status::with_error_details`;
//! - the OpenAPI responses: `<E as IntoResponses>::responses()` against a
//!   hand-written `ResponsesBuilder` with the same content (JSON and
//!   problem+json, as the derived responses list both);
//!
//! With `--features tracing` the derived answers emit their event into a
//! subscriber that is enabled and writes to a sink, and a "hand + event"
//! column adds the same event to the hand-written answers.

#![allow(clippy::all, clippy::pedantic, missing_docs)]

use axum::Json;
use axum::body::Body;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Router, http::Request};
use error_code::Reply;
use http::StatusCode;
use http_body_util::BodyExt as _;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Instant;
use tonic::Status;
use tonic_types::{ErrorDetails, StatusExt as _};
use tower::ServiceExt as _;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{
    ContentBuilder, RefOr, ResponseBuilder, ResponsesBuilder, example::ExampleBuilder,
};

// ---------------------------------------------------------------- derived

#[derive(Debug, Clone, thiserror::Error, error_code::ErrorCode)]
#[error_code(domain = "pods.example.com")]
pub enum PodError {
    /// Failed to get the pod
    #[error("pod {0} not found")]
    #[code(2001, status = 404)]
    GetPod(String),
    /// The pod quota is exceeded
    #[error("The pod quota is exceeded")]
    #[code(2002, status = 429)]
    QuotaExceeded,
}

/// A message with params.
#[derive(Debug, Clone, error_code::ErrorCode)]
pub enum ParamError {
    /// Pod {name} not found in namespace {namespace}
    #[code(2003, status = 404)]
    NotFound { namespace: String, name: String },
}

// ----------------------------------------------------------- hand-written

#[derive(Debug, Clone, thiserror::Error)]
pub enum HandError {
    #[error("pod {0} not found")]
    GetPod(String),
    #[error("The pod quota is exceeded")]
    QuotaExceeded,
}

impl HandError {
    fn code(&self) -> u32 {
        match self {
            Self::GetPod(_) => 2001,
            Self::QuotaExceeded => 2002,
        }
    }
    fn status(&self) -> StatusCode {
        match self {
            Self::GetPod(_) => StatusCode::NOT_FOUND,
            Self::QuotaExceeded => StatusCode::TOO_MANY_REQUESTS,
        }
    }
    fn message(&self) -> &'static str {
        match self {
            Self::GetPod(_) => "Failed to get the pod",
            Self::QuotaExceeded => "The pod quota is exceeded",
        }
    }
    fn reason(&self) -> &'static str {
        match self {
            Self::GetPod(_) => "GET_POD",
            Self::QuotaExceeded => "QUOTA_EXCEEDED",
        }
    }
    fn grpc(&self) -> tonic::Code {
        match self {
            Self::GetPod(_) => tonic::Code::NotFound,
            Self::QuotaExceeded => tonic::Code::ResourceExhausted,
        }
    }
    /// The detail where it says more than the message.
    fn detail(&self) -> Option<String> {
        match self {
            Self::GetPod(_) => Some(self.to_string()),
            Self::QuotaExceeded => None,
        }
    }
}

impl IntoResponse for HandError {
    fn into_response(self) -> Response {
        (
            self.status(),
            Json(json!({
                "code": self.code(),
                "message": self.message(),
                "error": self.to_string(),
            })),
        )
            .into_response()
    }
}

impl From<HandError> for Status {
    fn from(e: HandError) -> Status {
        let mut metadata = HashMap::with_capacity(2);
        metadata.insert("code".to_owned(), e.code().to_string());
        let message = match e.detail() {
            Some(detail) => {
                let message = format!("{}: {detail}", e.message());
                metadata.insert("detail".to_owned(), detail);
                message
            }
            None => e.message().to_owned(),
        };
        Status::with_error_details(
            e.grpc(),
            message,
            ErrorDetails::with_error_info(e.reason(), "pods.example.com", metadata),
        )
    }
}

#[derive(serde::Serialize)]
struct HandBody {
    code: u32,
    message: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl HandBody {
    fn of(e: &HandError) -> Self {
        HandBody {
            code: e.code(),
            message: e.message(),
            error: e.detail(),
        }
    }
}

/// The hand-written answers with one event each, as the derive's with the
/// `tracing` feature: code, name, status, detail.
#[derive(Debug, Clone)]
pub struct Logged(HandError);

impl Logged {
    fn event(&self) {
        let e = &self.0;
        let (code, status) = (e.code(), e.status().as_u16());
        let name = e.reason();
        let detail = e.detail();
        tracing::info!(target: "api", code, name, status, detail, "{}", e.message());
    }
}

impl IntoResponse for Logged {
    fn into_response(self) -> Response {
        self.event();
        self.0.into_response()
    }
}

impl From<Logged> for Status {
    fn from(e: Logged) -> Status {
        e.event();
        Status::from(e.0)
    }
}

fn hand_responses() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
    fn schema(codes: &[u32], server: bool) -> ObjectBuilder {
        let string = |d: &str| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some(d))
        };
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(
                "code",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                    .description(Some("The error code."))
                    .enum_values(Some(codes.iter().copied())),
            )
            .property("message", string("The catalog message."))
            .property(
                "error",
                string(if server {
                    "The error's own detail, where the server opts in."
                } else {
                    "The error's own detail, where it says more than the message."
                }),
            )
            .property("request_id", string("The request's id."))
            .required("code")
            .required("message")
    }
    // What a request that asks for problem+json gets: RFC 9457's members.
    fn problem_schema(code: u32, status: u16) -> ObjectBuilder {
        let string = |d: &str| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some(d))
        };
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("type", string("A link to the code's documentation."))
            .property("title", string("The catalog message."))
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .description(Some("The HTTP status."))
                    .enum_values(Some([status])),
            )
            .property("detail", string("The error's own detail."))
            .property(
                "code",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                    .description(Some("The error code."))
                    .enum_values(Some([code])),
            )
            .required("type")
            .required("title")
            .required("status")
            .required("code")
    }
    let response = |description: &str, code: u32, name: &str, message: &str| {
        let status: u16 = if code == 2001 { 404 } else { 429 };
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(schema(&[code], false)))
                    .examples_from_iter([(
                        name,
                        ExampleBuilder::new()
                            .summary(message)
                            .value(Some(json!({"code": code, "message": message})))
                            .build(),
                    )])
                    .build(),
            )
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(problem_schema(code, status)))
                    .examples_from_iter([(
                        name,
                        ExampleBuilder::new()
                            .summary(message)
                            .value(Some(json!({
                                "type": "about:blank",
                                "title": message,
                                "status": status,
                                "code": code,
                            })))
                            .build(),
                    )])
                    .build(),
            )
            .build()
    };
    ResponsesBuilder::new()
        .response(
            "404",
            response(
                "Not Found: 2001 GetPod",
                2001,
                "GetPod",
                "Failed to get the pod",
            ),
        )
        .response(
            "429",
            response(
                "Too Many Requests: 2002 QuotaExceeded",
                2002,
                "QuotaExceeded",
                "The pod quota is exceeded",
            ),
        )
        .build()
        .responses
}

// --------------------------------------------------------------- harness

/// Runs a future that never waits (a router without I/O) to completion.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

const SAMPLES: usize = 21;

/// Median ns per call of each of `fs`, their samples interleaved so that
/// drift of the machine affects all alike.
fn measure(fs: &mut [&mut dyn FnMut() -> usize]) -> Vec<f64> {
    let reps: Vec<usize> = fs
        .iter_mut()
        .map(|f| {
            for _ in 0..100 {
                black_box(f());
            }
            let start = Instant::now();
            for _ in 0..100 {
                black_box(f());
            }
            let once = start.elapsed().as_nanos().max(1) as f64 / 100.0;
            ((3_000_000.0 / once) as usize).clamp(10, 1_000_000)
        })
        .collect();
    let mut samples = vec![Vec::with_capacity(SAMPLES); fs.len()];
    for _ in 0..SAMPLES {
        for (k, f) in fs.iter_mut().enumerate() {
            let start = Instant::now();
            for _ in 0..reps[k] {
                black_box(f());
            }
            samples[k].push(start.elapsed().as_nanos() as f64 / reps[k] as f64);
        }
    }
    samples
        .into_iter()
        .map(|mut s| {
            s.sort_by(|a, b| a.total_cmp(b));
            s[SAMPLES / 2]
        })
        .collect()
}

struct Row {
    path: &'static str,
    case: &'static str,
    derived: f64,
    hand: Vec<(&'static str, f64)>,
    logged: Option<f64>,
}

fn print(rows: &[Row]) {
    let tracing = cfg!(feature = "tracing");
    println!(
        "metrics feature: {}",
        if cfg!(feature = "metrics") {
            "on (no recorder installed)"
        } else {
            "off"
        }
    );
    println!(
        "tracing feature: {}",
        if tracing {
            "on (subscriber enabled, writing to a sink)"
        } else {
            "off"
        }
    );
    println!();
    if tracing {
        println!(
            "| path | case | derived ns | hand-written ns | hand + event ns | derived / hand | derived / hand + event |"
        );
        println!("|---|---|---:|---:|---:|---:|---:|");
    } else {
        println!("| path | case | derived ns | hand-written ns | derived / hand |");
        println!("|---|---|---:|---:|---:|");
    }
    for r in rows {
        let (best_name, best) = r
            .hand
            .iter()
            .copied()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or(("", f64::NAN));
        let hand = if r.hand.len() > 1 {
            r.hand
                .iter()
                .map(|(n, v)| format!("{v:.0} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            format!("{best:.0}")
        };
        let _ = best_name;
        match (tracing, r.logged) {
            (true, Some(l)) => println!(
                "| {} | {} | {:.0} | {} | {:.0} | {:.2}× | {:.2}× |",
                r.path,
                r.case,
                r.derived,
                hand,
                l,
                r.derived / best,
                r.derived / l
            ),
            (true, None) => println!(
                "| {} | {} | {:.0} | {} | – | {:.2}× | – |",
                r.path,
                r.case,
                r.derived,
                hand,
                r.derived / best
            ),
            (false, _) => println!(
                "| {} | {} | {:.0} | {} | {:.2}× |",
                r.path,
                r.case,
                r.derived,
                hand,
                r.derived / best
            ),
        }
    }
}

/// Whether `path` matches the filters given after `--`, if any.
fn wanted(path: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    filters.is_empty() || filters.iter().any(|f| path.contains(f.as_str()))
}

fn collect(response: Response) -> usize {
    block_on(response.into_body().collect())
        .map(|c| c.to_bytes().len())
        .unwrap_or(0)
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: stay quick.
    if !std::env::args().any(|a| a == "--bench") {
        println!("run with `cargo bench -p error-code-bench --bench answer`");
        return;
    }
    #[cfg(feature = "tracing")]
    tracing_subscriber::fmt()
        .with_writer(std::io::sink)
        .with_max_level(tracing::Level::INFO)
        .init();

    let derived_router = Router::new()
        .route(
            "/pod",
            get(|| async { Err::<(), _>(PodError::GetPod("web".to_owned())) }),
        )
        .route(
            "/quota",
            get(|| async { Err::<(), _>(PodError::QuotaExceeded) }),
        );
    let hand_router = Router::new()
        .route(
            "/pod",
            get(|| async { Err::<(), _>(HandError::GetPod("web".to_owned())) }),
        )
        .route(
            "/quota",
            get(|| async { Err::<(), _>(HandError::QuotaExceeded) }),
        );
    let logged_router = Router::new()
        .route(
            "/pod",
            get(|| async { Err::<(), _>(Logged(HandError::GetPod("web".to_owned()))) }),
        )
        .route(
            "/quota",
            get(|| async { Err::<(), _>(Logged(HandError::QuotaExceeded)) }),
        );
    let call = |router: &Router, uri: &'static str| {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = block_on(router.clone().oneshot(request)).unwrap();
        collect(response)
    };

    let cases: [(&str, &str, PodError, HandError); 2] = [
        (
            "404, detail",
            "/pod",
            PodError::GetPod("web".to_owned()),
            HandError::GetPod("web".to_owned()),
        ),
        (
            "429, unit",
            "/quota",
            PodError::QuotaExceeded,
            HandError::QuotaExceeded,
        ),
    ];

    // What each side answers, once, for the record.
    for (case, uri, d, h) in &cases {
        let body = |router: &Router| {
            let request = Request::get(*uri).body(Body::empty()).unwrap();
            let response = block_on(router.clone().oneshot(request)).unwrap();
            let status = response.status();
            let bytes = block_on(response.into_body().collect()).unwrap().to_bytes();
            format!("{status} {}", String::from_utf8_lossy(&bytes))
        };
        eprintln!("{case}: derived {}", body(&derived_router));
        eprintln!("{case}: hand    {}", body(&hand_router));
        let (ds, hs) = (Status::from(d.clone()), Status::from(h.clone()));
        eprintln!(
            "{case}: derived {:?} {:?} {:?}",
            ds.code(),
            ds.message(),
            ds.get_error_details().error_info()
        );
        eprintln!(
            "{case}: hand    {:?} {:?} {:?}",
            hs.code(),
            hs.message(),
            hs.get_error_details().error_info()
        );
    }

    let tracing = cfg!(feature = "tracing");
    let mut rows = Vec::new();
    for (case, uri, d, h) in &cases {
        let l = Logged(h.clone());
        // (a) axum through the router, and the conversion alone.
        let mut fs: Vec<&mut dyn FnMut() -> usize> = Vec::new();
        let mut fd = || call(&derived_router, uri);
        let mut fh = || call(&hand_router, uri);
        let mut fl = || call(&logged_router, uri);
        fs.push(&mut fd);
        fs.push(&mut fh);
        if tracing {
            fs.push(&mut fl);
        }
        if wanted("axum `Router::oneshot`, body collected") {
            let m = measure(&mut fs);
            rows.push(Row {
                path: "axum `Router::oneshot`, body collected",
                case,
                derived: m[0],
                hand: vec![("", m[1])],
                logged: m.get(2).copied(),
            });
        }

        let mut fd = || collect(d.clone().into_response());
        let mut fh = || collect(h.clone().into_response());
        let mut fl = || collect(l.clone().into_response());
        let mut fs: Vec<&mut dyn FnMut() -> usize> = vec![&mut fd, &mut fh];
        if tracing {
            fs.push(&mut fl);
        }
        if wanted("axum `into_response()` alone, body collected") {
            let m = measure(&mut fs);
            rows.push(Row {
                path: "axum `into_response()` alone, body collected",
                case,
                derived: m[0],
                hand: vec![("", m[1])],
                logged: m.get(2).copied(),
            });
        }

        // (b) the JSON body alone.
        let mut fd = || Reply::new(d).to_json().len();
        let mut fj = || {
            serde_json::to_string(&json!({
                "code": h.code(),
                "message": h.message(),
                "error": h.to_string(),
            }))
            .unwrap()
            .len()
        };
        let mut fs_ = || serde_json::to_string(&HandBody::of(h)).unwrap().len();
        if wanted("JSON body to a new `String`") {
            let m = measure(&mut [&mut fd, &mut fj, &mut fs_]);
            rows.push(Row {
                path: "JSON body to a new `String`",
                case,
                derived: m[0],
                hand: vec![("json!", m[1]), ("derive(Serialize)", m[2])],
                logged: None,
            });
        }

        let mut buf_d = Vec::with_capacity(256);
        let mut buf_h = Vec::with_capacity(256);
        let mut fd = || {
            buf_d.clear();
            Reply::new(d).write_json(&mut buf_d);
            buf_d.len()
        };
        let mut fs_ = || {
            buf_h.clear();
            serde_json::to_writer(&mut buf_h, &HandBody::of(h)).unwrap();
            buf_h.len()
        };
        if wanted("JSON body into a reused buffer") {
            let m = measure(&mut [&mut fd, &mut fs_]);
            rows.push(Row {
                path: "JSON body into a reused buffer",
                case,
                derived: m[0],
                hand: vec![("derive(Serialize)", m[1])],
                logged: None,
            });
        }

        // (c) a tonic status with ErrorInfo.
        let mut fd = || Status::from(d.clone()).message().len();
        let mut fh = || Status::from(h.clone()).message().len();
        let mut fl = || Status::from(l.clone()).message().len();
        let mut fs: Vec<&mut dyn FnMut() -> usize> = vec![&mut fd, &mut fh];
        if tracing {
            fs.push(&mut fl);
        }
        if wanted("tonic `Status` with `ErrorInfo`") {
            let m = measure(&mut fs);
            rows.push(Row {
                path: "tonic `Status` with `ErrorInfo`",
                case,
                derived: m[0],
                hand: vec![("", m[1])],
                logged: m.get(2).copied(),
            });
        }
    }

    // (e) a message with params, against `json!` with `format!`.
    let (namespace, name) = ("default".to_owned(), "web".to_owned());
    let with_params = ParamError::NotFound {
        namespace: namespace.clone(),
        name: name.clone(),
    };
    let mut fd = || Reply::new(&with_params).to_json().len();
    let mut fj = || {
        serde_json::to_string(&json!({
            "code": 2003,
            "message": format!("Pod {name} not found in namespace {namespace}"),
            "params": {"namespace": &namespace, "name": &name},
        }))
        .unwrap()
        .len()
    };
    if wanted("JSON body with params to a new `String`") {
        let m = measure(&mut [&mut fd, &mut fj]);
        rows.push(Row {
            path: "JSON body with params to a new `String`",
            case: "404, 2 params",
            derived: m[0],
            hand: vec![("json! + format!", m[1])],
            logged: None,
        });
    }
    let mut fd = || collect(with_params.clone().into_response());
    let mut fh = || {
        let body = json!({
            "code": 2003,
            "message": format!("Pod {name} not found in namespace {namespace}"),
            "params": {"namespace": &namespace, "name": &name},
        });
        collect((StatusCode::NOT_FOUND, Json(body)).into_response())
    };
    if wanted("axum answer with params, body collected") {
        let m = measure(&mut [&mut fd, &mut fh]);
        rows.push(Row {
            path: "axum answer with params, body collected",
            case: "404, 2 params",
            derived: m[0],
            hand: vec![("json! + format!", m[1])],
            logged: None,
        });
    }

    // (d) the OpenAPI responses.
    let mut fd = || <PodError as utoipa::IntoResponses>::responses().len();
    let mut fh = || hand_responses().len();
    if wanted("OpenAPI responses (2 codes, 2 statuses)") {
        let m = measure(&mut [&mut fd, &mut fh]);
        rows.push(Row {
            path: "OpenAPI responses (2 codes, 2 statuses)",
            case: "–",
            derived: m[0],
            hand: vec![("", m[1])],
            logged: None,
        });
    }

    print(&rows);
}
