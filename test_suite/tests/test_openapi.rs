//! The example server's OpenAPI document: compared with the committed
//! golden file, and served by the server itself.

#![cfg(all(feature = "axum", feature = "utoipa"))]

#[allow(dead_code)]
#[path = "../../examples/server.rs"]
mod server;

use axum::body::Body;
use error_code::{ErrorCode, Reply, SNAPSHOT_ENV};
use std::path::Path;
use tower::ServiceExt;

const GOLDEN: &str = "tests/golden/openapi.json";

fn document() -> serde_json::Value {
    serde_json::to_value(server::openapi()).expect("the document serializes")
}

#[test]
fn the_document_matches_the_golden_file() {
    let text = serde_json::to_string_pretty(&server::openapi()).expect("serializes") + "\n";
    let golden = Path::new(GOLDEN);
    if std::env::var(SNAPSHOT_ENV).is_ok_and(|v| v == "overwrite") {
        std::fs::write(golden, &text).expect("the golden file is written");
        return;
    }
    let expected = std::fs::read_to_string(golden).unwrap_or_else(|e| {
        panic!(
            "{GOLDEN}: {e}; create it with `{SNAPSHOT_ENV}=overwrite cargo test -p error-code-test-suite --test test_openapi`"
        )
    });
    assert!(
        text == expected,
        "the example server's OpenAPI document differs from {GOLDEN}; if the change is intended, \
         rewrite it: `{SNAPSHOT_ENV}=overwrite cargo test -p error-code-test-suite --test test_openapi`\n\
         generated:\n{text}"
    );
}

#[test]
fn every_handler_documents_every_code_of_the_server_error() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    let errors = [
        server::ServerError::ParamInvalid {
            detail: "x".into(),
            fields: error_code::Violations::new(),
        },
        server::ServerError::PodNotFound {
            namespace: "default".into(),
            name: "nope".into(),
        },
        server::ServerError::Events(std::io::Error::other("down")),
    ];
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let responses = &item["get"]["responses"];
        for error in &errors {
            let status = error.status().as_u16().to_string();
            let content = &responses[&status]["content"]["application/json"];
            assert!(
                content["schema"]["properties"]["code"]["enum"]
                    .as_array()
                    .is_some_and(|codes| codes.contains(&error.code().into())),
                "{path}: {} under {status}",
                error.code()
            );
            // The body the server sends, less the detail.
            let mut body: serde_json::Value =
                serde_json::from_str(&Reply::new(error).to_json()).expect("JSON");
            body.as_object_mut().expect("object").remove("error");
            let mut example = content["examples"][error.name()]["value"].clone();
            // A code that lists field violations shows one made up.
            if error.info().carries_violations() {
                assert_eq!(example["errors"][0]["field"], "<field>", "{path}");
                example.as_object_mut().expect("object").remove("errors");
            }
            let example = &example;
            if !error.info().params().is_empty() {
                // The example's params are made up, under the same keys,
                // and its message is rendered with them.
                let keys = |v: &serde_json::Value| {
                    v["params"]
                        .as_object()
                        .map(|p| p.keys().cloned().collect::<Vec<_>>())
                };
                assert_eq!(keys(example), keys(&body), "{path}");
                assert_eq!(
                    example["message"], "命名空间 <namespace> 中没有 Pod <name>",
                    "{path}"
                );
                body["params"] = example["params"].clone();
                body["message"] = example["message"].clone();
            }
            assert_eq!(*example, body, "{path}");
        }
    }
}

async fn get(path: &str) -> (u16, String, String) {
    let app = server::app(server::Store::with_sample_pods());
    let request = http::Request::get(path)
        .body(Body::empty())
        .expect("request");
    let response = app.oneshot(request).await.expect("an answer");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    )
}

#[tokio::test]
async fn the_server_serves_its_document_and_a_page_to_read_it() {
    let (status, content_type, body) = get("/api-docs/openapi.json").await;
    assert_eq!((status, content_type.as_str()), (200, "application/json"));
    let served: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(served, document());

    let (status, content_type, body) = get("/api-docs").await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert!(body.contains("/api-docs/openapi.json"));
    assert!(
        !body.contains("http://") && !body.contains("https://"),
        "no assets from elsewhere"
    );
}
