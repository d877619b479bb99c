//! An axum server for part of the Kubernetes dashboard's API, over an in-memory
//! store. Every error it answers comes from a derived enum.
//!
//! ```sh
//! cargo run -p error-code-test-suite --example server
//! curl -i localhost:8080/api/v1/namespaces/default/pods/nope
//! curl localhost:8080/api-docs/openapi.json
//! ```
//!
//! Every error answer is counted by code: `curl localhost:8080/metrics`
//! (Prometheus' text format). The error index is at `/errors`: every code,
//! a page each (`/errors/2001`), in the reader's language.
//!
//! It listens on `127.0.0.1:$PORT` (default 8080). Its OpenAPI document,
//! generated from the handlers and `ServerError`, is at
//! `/api-docs/openapi.json`, and readable at `/api-docs`.
//!
//! One `ErrorLayer` gives every error answer the request's language and
//! id (`x-request-id`, given by the client or made here, and echoed), and
//! answers malformed input rejected by axum's extractors with code 1001.
//! Each error answer is one log line on stderr; a 5xx's detail is there
//! and not in the body:
//!
//! ```sh
//! curl -i -X POST localhost:8080/api/v1/namespaces/default/pods -H 'content-type: application/json' -d '{"name": 7}'
//! curl -i localhost:8080/api/v1/namespaces/default/pods/web-0/events -H 'x-request-id: abc-123'
//! ```

#[allow(dead_code)]
#[path = "k8s_api.rs"]
mod k8s_api;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, Request as HttpRequest, StatusCode};
use axum::response::Html;
use axum::routing::get;
use error_code::{ErrorCode, Violations};
use k8s_api::Category;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use utoipa::OpenApi;

/// What the handlers answer when they fail; the codes come from the dashboard's
/// scheme, the details from `Display`.
#[derive(Debug, thiserror::Error, ErrorCode)]
#[error_code(
    scheme = Category,
    url = "/errors/{code}",
    // English, with its explanations, as translators keep it.
    translations = "../examples/i18n/{lang}/server.ftl"
)]
pub enum ServerError {
    /// 参数不合法
    #[error("{detail}")]
    #[code(1001, status = 400)]
    ParamInvalid {
        detail: String,
        /// Which fields, and why: the body's `errors`.
        #[violations]
        fields: Violations,
    },
    // No doc comment: thiserror's text is the message, written once; its
    // placeholders make `namespace` and `name` the answer's params.
    #[error("命名空间 {namespace} 中已有 Pod {name}")]
    #[code(2003, status = 409)]
    PodExists { namespace: String, name: String },
    #[error("命名空间 {namespace} 中没有 Pod {name}")]
    #[code(2001, status = 404)]
    PodNotFound { namespace: String, name: String },
    /// 获取 Pod 事件失败
    ///
    /// 事件存储暂时不可用，与请求本身无关。稍后重试；若一直失败，
    /// 请用 `kubectl get events -n <namespace>` 直接查看事件。
    #[error("event store at 10.0.0.7:5432 unreachable: {0}")]
    #[code(2002, status = 500)]
    Events(#[source] std::io::Error),
}

/// A pod as the API returns it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Pod {
    pub namespace: String,
    pub name: String,
    pub phase: &'static str,
}

/// The rules a field of a request can break, in every language the API
/// speaks: a validator's rule (`length`, `range`) named as a code here
/// answers in the request's language, with the rule's params.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh")]
pub enum FieldError {
    /// 长度须在 {min} 到 {max} 个字符之间
    #[code(
        1101,
        status = 400,
        name = "length",
        message(en = "must be {min} to {max} characters")
    )]
    Length { min: u64, max: u64 },
    /// 不能大于 {max}
    #[code(
        1102,
        status = 400,
        name = "range",
        message(en = "must be at most {max}")
    )]
    Range { max: u64 },
}

/// A pod to create.
#[derive(Debug, Deserialize, utoipa::ToSchema, validator::Validate)]
pub struct NewPod {
    #[validate(length(min = 1, max = 63))]
    pub name: String,
    #[serde(default = "one")]
    #[validate(range(max = 10))]
    pub replicas: u32,
    #[serde(default = "nginx")]
    #[validate(length(min = 1, max = 255))]
    pub image: String,
}

fn one() -> u32 {
    1
}

fn nginx() -> String {
    "nginx".to_owned()
}

impl ServerError {
    /// A 1001 with the parser's text, for the `ErrorLayer`'s rejections.
    fn rejected(detail: String) -> Self {
        ServerError::ParamInvalid {
            detail,
            fields: Violations::new(),
        }
    }
}

/// The in-memory store: pods by namespace and name.
#[derive(Debug, Default)]
pub struct Store {
    pods: RwLock<BTreeMap<(String, String), Pod>>,
}

impl Store {
    /// A store with a few pods.
    pub fn with_sample_pods() -> Self {
        let store = Store::default();
        for (namespace, name, phase) in [
            ("default", "web-0", "Running"),
            ("default", "web-1", "Running"),
            ("default", "worker-0", "Pending"),
            ("kube-system", "dns-0", "Running"),
        ] {
            let pod = Pod {
                namespace: namespace.to_owned(),
                name: name.to_owned(),
                phase,
            };
            store
                .write()
                .insert((namespace.to_owned(), name.to_owned()), pod);
        }
        store
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<(String, String), Pod>> {
        self.pods
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<(String, String), Pod>> {
        self.pods
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

type Shared = Arc<Store>;

/// One pod.
#[utoipa::path(
    get,
    path = "/api/v1/namespaces/{namespace}/pods/{name}",
    params(
        ("namespace" = String, Path, description = "The namespace"),
        ("name" = String, Path, description = "The pod's name"),
    ),
    responses((status = 200, description = "The pod", body = Pod), ServerError)
)]
async fn get_pod(
    State(store): State<Shared>,
    Path((namespace, name)): Path<(String, String)>,
) -> Result<Json<Pod>, ServerError> {
    store
        .read()
        .get(&(namespace.clone(), name.clone()))
        .cloned()
        .map(Json)
        .ok_or(ServerError::PodNotFound { namespace, name })
}

/// The pods of a namespace.
#[utoipa::path(
    get,
    path = "/api/v1/namespaces/{namespace}/pods",
    params(
        ("namespace" = String, Path, description = "The namespace"),
        ("limit" = Option<usize>, Query, description = "At most this many pods"),
    ),
    responses((status = 200, description = "The pods", body = [Pod]), ServerError)
)]
async fn list_pods(
    State(store): State<Shared>,
    Path(namespace): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Vec<Pod>>, ServerError> {
    let limit = match query.get("limit") {
        Some(raw) => raw
            .parse::<usize>()
            .map_err(|_| ServerError::rejected(format!("limit {raw:?} is not a number")))?,
        None => usize::MAX,
    };
    let pods = store
        .read()
        .values()
        .filter(|p| p.namespace == namespace)
        .take(limit)
        .cloned()
        .collect();
    Ok(Json(pods))
}

/// The events of a pod.
#[utoipa::path(
    get,
    path = "/api/v1/namespaces/{namespace}/pods/{name}/events",
    params(
        ("namespace" = String, Path, description = "The namespace"),
        ("name" = String, Path, description = "The pod's name"),
    ),
    responses((status = 200, description = "The pod's events", body = [String]), ServerError)
)]
async fn pod_events(
    Path((_namespace, _name)): Path<(String, String)>,
) -> Result<Json<Vec<String>>, ServerError> {
    // The event backend of this example is always down.
    Err(ServerError::Events(std::io::Error::new(
        std::io::ErrorKind::ConnectionRefused,
        "connection refused",
    )))
}

/// Creates a pod; a malformed body answers 400 with code 1001 and the
/// parser's message, through the `ErrorLayer`, and an invalid one with one
/// violation per invalid field.
#[utoipa::path(
    post,
    path = "/api/v1/namespaces/{namespace}/pods",
    params(("namespace" = String, Path, description = "The namespace")),
    request_body = NewPod,
    responses((status = 201, description = "The pod, created", body = Pod), ServerError)
)]
async fn create_pod(
    State(store): State<Shared>,
    Path(namespace): Path<String>,
    Json(new): Json<NewPod>,
) -> Result<(StatusCode, Json<Pod>), ServerError> {
    // One violation per invalid field, in the body's `errors`, in the
    // request's language.
    validator::Validate::validate(&new).map_err(|report| ServerError::ParamInvalid {
        detail: String::new(),
        fields: Violations::from_report::<FieldError>(&report),
    })?;
    let key = (namespace.clone(), new.name.clone());
    let mut pods = store.write();
    if pods.contains_key(&key) {
        return Err(ServerError::PodExists {
            namespace,
            name: new.name,
        });
    }
    let pod = Pod {
        namespace,
        name: new.name,
        phase: "Pending",
    };
    pods.insert(key, pod.clone());
    Ok((StatusCode::CREATED, Json(pod)))
}

/// Request ids for requests that come without one: `req-1`, `req-2`, ….
#[derive(Debug, Clone, Default)]
struct Counter(Arc<AtomicU64>);

impl MakeRequestId for Counter {
    fn make_request_id<B>(&mut self, _: &HttpRequest<B>) -> Option<RequestId> {
        let n = self.0.fetch_add(1, Ordering::Relaxed) + 1;
        HeaderValue::from_str(&format!("req-{n}"))
            .ok()
            .map(RequestId::new)
    }
}

/// The API's OpenAPI document: the handlers, and under each the error
/// responses of `ServerError`, one per status with an example per code.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kubernetes dashboard API (error-code example)",
        version = "1.0.0",
        description = "Part of a Kubernetes dashboard's API; every error answer comes from a derived enum.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    paths(list_pods, create_pod, get_pod, pod_events)
)]
pub struct ApiDoc;

/// The API's OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// A page that reads `/api-docs/openapi.json` and lists every operation
/// with its responses and their examples; no assets from elsewhere.
const API_DOCS_PAGE: &str = r#"<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>API documentation</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
code, pre { font: 13px ui-monospace, monospace; background: #f4f4f4; }
pre { padding: .4rem .6rem; margin: .2rem 0 .6rem; white-space: pre-wrap; }
dt { font-weight: 600; margin-top: .6rem; }
</style>
<h1 id="title">API documentation</h1>
<p><a href="/api-docs/openapi.json">openapi.json</a></p>
<div id="doc">Loading…</div>
<script>
const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
fetch("/api-docs/openapi.json").then(r => r.json()).then(api => {
  document.getElementById("title").textContent = api.info.title + " " + api.info.version;
  const doc = document.getElementById("doc");
  doc.textContent = "";
  for (const [path, item] of Object.entries(api.paths)) {
    for (const [method, op] of Object.entries(item)) {
      doc.append(el("h2", method.toUpperCase() + " " + path));
      if (op.description || op.summary) doc.append(el("p", op.summary || op.description));
      const list = el("dl");
      for (const [status, response] of Object.entries(op.responses)) {
        list.append(el("dt", status + " " + response.description));
        for (const [type, content] of Object.entries(response.content || {})) {
          for (const [name, example] of Object.entries(content.examples || {})) {
            const dd = el("dd");
            dd.append(el("code", name), " " + (example.summary || "") + (example.description ? " (" + example.description + ")" : ""));
            dd.append(el("pre", JSON.stringify(example.value)));
            list.append(dd);
          }
        }
      }
      doc.append(list);
    }
  }
}).catch(e => { document.getElementById("doc").textContent = "Cannot load the document: " + e; });
</script>
</html>
"#;

async fn api_docs() -> Html<&'static str> {
    Html(API_DOCS_PAGE)
}

/// The Prometheus recorder every answer is counted in, installed once per
/// process, with every code of `ServerError` registered at zero.
fn prometheus() -> &'static metrics_exporter_prometheus::PrometheusHandle {
    static HANDLE: std::sync::OnceLock<metrics_exporter_prometheus::PrometheusHandle> =
        std::sync::OnceLock::new();
    HANDLE.get_or_init(|| {
        let handle = metrics_exporter_prometheus::PrometheusBuilder::new()
            .install_recorder()
            .expect("the first recorder of the process");
        error_code::metrics::describe::<ServerError>();
        handle
    })
}

/// The counters, in Prometheus' text format.
async fn metrics_text() -> String {
    prometheus().render()
}

/// The API's routes over `store`, and its documentation.
pub fn app(store: Store) -> Router {
    prometheus();
    Router::new()
        .route("/metrics", get(metrics_text))
        .route("/api-docs", get(api_docs))
        .route("/api-docs/openapi.json", get(openapi_json))
        .route(
            "/api/v1/namespaces/{namespace}/pods",
            get(list_pods).post(create_pod),
        )
        .route("/api/v1/namespaces/{namespace}/pods/{name}", get(get_pod))
        .route(
            "/api/v1/namespaces/{namespace}/pods/{name}/events",
            get(pod_events),
        )
        // Language and request id for every error answer; extractor
        // rejections answered as 1001.
        .with_state(Arc::new(store))
        // The error index: every code, a page each, in the reader's
        // language; the codes' `url` points there.
        .nest(
            "/errors",
            error_code::axum::error_index_with_scheme::<ServerError, Category>(),
        )
        .layer(error_code::axum::ErrorLayer::new().rejections_with(ServerError::rejected))
        // The request id: the client's, else a new one; echoed.
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(Counter::default()))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // One line per error answer on stderr (`RUST_LOG` filters, e.g.
    // `RUST_LOG=error_code=error`).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or(8080);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(Store::with_sample_pods())).await
}
