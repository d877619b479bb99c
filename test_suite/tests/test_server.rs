//! The example server on a loopback port, spoken to over real HTTP.

#![cfg(all(feature = "axum", feature = "utoipa"))]

#[allow(dead_code)]
#[path = "../../examples/server.rs"]
mod server;

use error_code::{ErrorCode, RemoteError};

struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

fn start() -> String {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .worker_threads(1)
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        runtime.block_on(async {
            axum::serve(listener, server::app(server::Store::with_sample_pods())).await
        })
    });
    format!("http://{address}")
}

fn get(base: &str, path: &str) -> Answer {
    get_in(base, path, None)
}

fn get_in(base: &str, path: &str, language: Option<&str>) -> Answer {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(format!("{base}{path}"));
    if let Some(language) = language {
        request = request.header("accept-language", language);
    }
    let mut response = request.call().expect("the server answers");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response.body_mut().read_to_string().unwrap();
    Answer {
        status,
        content_type,
        body,
    }
}

#[test]
fn every_route_and_error_over_http() {
    let base = start();

    let ok = get(&base, "/api/v1/namespaces/default/pods/web-0");
    assert_eq!(
        (ok.status, ok.content_type.as_str()),
        (200, "application/json")
    );
    let pod: serde_json::Value = serde_json::from_str(&ok.body).unwrap();
    assert_eq!(pod["name"], "web-0");

    let missing = get(&base, "/api/v1/namespaces/default/pods/nope");
    assert_eq!(
        (missing.status, missing.content_type.as_str()),
        (404, "application/json")
    );
    let remote = RemoteError::from_slice(missing.body.as_bytes()).unwrap();
    assert_eq!(remote.code, 2001);
    assert_eq!(remote.message, "获取 Pod 失败");
    assert_eq!(
        remote.detail.as_deref(),
        Some("pod nope not found in namespace default")
    );

    let list = get(&base, "/api/v1/namespaces/default/pods?limit=2");
    assert_eq!(list.status, 200);
    assert_eq!(
        serde_json::from_str::<Vec<serde_json::Value>>(&list.body)
            .unwrap()
            .len(),
        2
    );

    let bad = get(&base, "/api/v1/namespaces/default/pods?limit=ten");
    assert_eq!(
        (bad.status, bad.content_type.as_str()),
        (400, "application/json")
    );
    assert_eq!(
        bad.body,
        r#"{"code":1001,"message":"参数不合法","error":"limit \"ten\" is not a number"}"#
    );

    let failing = get(&base, "/api/v1/namespaces/default/pods/web-0/events");
    assert_eq!(failing.status, 500);
    assert_eq!(
        failing.body,
        r#"{"code":2002,"message":"获取 Pod 事件失败"}"#
    );
    assert!(
        !failing.body.contains("10.0.0.7"),
        "no internal detail leaks"
    );
    let remote = RemoteError::from_slice(failing.body.as_bytes()).unwrap();
    assert_eq!(
        remote.code,
        server::ServerError::Events(std::io::Error::other("x")).code()
    );

    // The message follows Accept-Language; code, status and detail stay.
    let english = get_in(
        &base,
        "/api/v1/namespaces/default/pods/nope",
        Some("en-US,en;q=0.9,zh;q=0.1"),
    );
    assert_eq!(
        (english.status, english.content_type.as_str()),
        (404, "application/json")
    );
    assert_eq!(
        english.body,
        r#"{"code":2001,"message":"Failed to get the pod","error":"pod nope not found in namespace default"}"#
    );
    let english = get_in(
        &base,
        "/api/v1/namespaces/default/pods/web-0/events",
        Some("en"),
    );
    assert_eq!(
        english.body,
        r#"{"code":2002,"message":"Failed to get the pod's events"}"#
    );
    let unknown = get_in(&base, "/api/v1/namespaces/default/pods/nope", Some("fr"));
    assert!(unknown.body.contains("获取 Pod 失败"), "{}", unknown.body);
    let ok = get_in(&base, "/api/v1/namespaces/default/pods/web-0", Some("en"));
    assert_eq!(ok.status, 200, "other answers pass unchanged");
}
