//! An axum server for part of the seed document's API, over an in-memory
//! store. Every error it answers comes from a derived enum.
//!
//! ```sh
//! cargo run --example server --features axum
//! curl -i localhost:8080/api/v1/namespaces/default/pods/nope
//! ```
//!
//! It listens on `127.0.0.1:$PORT` (default 8080).

#[allow(dead_code)]
#[path = "k8s_api.rs"]
mod k8s_api;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use error_code::ErrorCode;
use k8s_api::Category;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// What the handlers answer when they fail; the codes come from the seed's
/// scheme, the details from `Display`.
#[derive(Debug, thiserror::Error, ErrorCode)]
#[error_code(scheme = Category)]
pub enum ServerError {
    /// 参数不合法
    #[error("limit {0:?} is not a number")]
    #[code(1001, status = 400, message(en = "Invalid parameter"))]
    InvalidLimit(String),
    /// 获取 Pod 失败
    #[error("pod {name} not found in namespace {namespace}")]
    #[code(2001, status = 404, message(en = "Failed to get the pod"))]
    PodNotFound { namespace: String, name: String },
    /// 获取 Pod 事件失败
    #[error("event store at 10.0.0.7:5432 unreachable: {0}")]
    #[code(2002, status = 500, message(en = "Failed to get the pod's events"))]
    Events(#[source] std::io::Error),
}

/// A pod as the API returns it.
#[derive(Debug, Clone, Serialize)]
pub struct Pod {
    pub namespace: String,
    pub name: String,
    pub phase: &'static str,
}

/// The in-memory store: pods by namespace and name.
#[derive(Debug, Default)]
pub struct Store {
    pods: BTreeMap<(String, String), Pod>,
}

impl Store {
    /// A store with a few pods.
    pub fn with_sample_pods() -> Self {
        let mut store = Store::default();
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
                .pods
                .insert((namespace.to_owned(), name.to_owned()), pod);
        }
        store
    }
}

type Shared = Arc<Store>;

async fn get_pod(
    State(store): State<Shared>,
    Path((namespace, name)): Path<(String, String)>,
) -> Result<Json<Pod>, ServerError> {
    store
        .pods
        .get(&(namespace.clone(), name.clone()))
        .cloned()
        .map(Json)
        .ok_or(ServerError::PodNotFound { namespace, name })
}

async fn list_pods(
    State(store): State<Shared>,
    Path(namespace): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Vec<Pod>>, ServerError> {
    let limit = match query.get("limit") {
        Some(raw) => raw
            .parse::<usize>()
            .map_err(|_| ServerError::InvalidLimit(raw.clone()))?,
        None => usize::MAX,
    };
    let pods = store
        .pods
        .values()
        .filter(|p| p.namespace == namespace)
        .take(limit)
        .cloned()
        .collect();
    Ok(Json(pods))
}

async fn pod_events(
    Path((_namespace, _name)): Path<(String, String)>,
) -> Result<Json<Vec<String>>, ServerError> {
    // The event backend of this example is always down.
    Err(ServerError::Events(std::io::Error::new(
        std::io::ErrorKind::ConnectionRefused,
        "connection refused",
    )))
}

/// Answers errors in the language the request prefers (`Accept-Language`).
async fn localize(request: Request, next: Next) -> Response {
    let language = request.headers().get(header::ACCEPT_LANGUAGE).cloned();
    error_code::axum::localize(language.as_ref(), next.run(request).await)
}

/// The API's routes over `store`.
pub fn app(store: Store) -> Router {
    Router::new()
        .route("/api/v1/namespaces/{namespace}/pods", get(list_pods))
        .route("/api/v1/namespaces/{namespace}/pods/{name}", get(get_pod))
        .route(
            "/api/v1/namespaces/{namespace}/pods/{name}/events",
            get(pod_events),
        )
        .layer(middleware::from_fn(localize))
        .with_state(Arc::new(store))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or(8080);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(Store::with_sample_pods())).await
}
