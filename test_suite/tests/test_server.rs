//! The example server on a loopback port, spoken to over real HTTP.

#![cfg(all(feature = "axum", feature = "utoipa"))]

#[allow(dead_code)]
#[path = "../../examples/server.rs"]
mod server;

use error_code::{ErrorCode, RemoteError};

struct Answer {
    status: u16,
    content_type: String,
    content_language: Option<String>,
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
    // A fixed request id keeps the bodies exact.
    let mut request = agent
        .get(format!("{base}{path}"))
        .header("x-request-id", "t-1");
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
    let content_language = response
        .headers()
        .get("content-language")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.body_mut().read_to_string().unwrap();
    Answer {
        status,
        content_type,
        content_language,
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
    assert_eq!(remote.message, "命名空间 default 中没有 Pod nope");
    assert_eq!(
        remote.param("namespace"),
        Some(&serde_json::json!("default"))
    );
    assert_eq!(remote.param("name"), Some(&serde_json::json!("nope")));
    assert_eq!(remote.detail, None, "the thiserror text is the message");
    assert_eq!(missing.content_language.as_deref(), Some("zh"));

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
        r#"{"code":1001,"message":"参数不合法","error":"limit \"ten\" is not a number","request_id":"t-1"}"#
    );

    let failing = get(&base, "/api/v1/namespaces/default/pods/web-0/events");
    assert_eq!(failing.status, 500);
    assert_eq!(
        failing.body,
        r#"{"code":2002,"message":"获取 Pod 事件失败","request_id":"t-1"}"#
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
        r#"{"code":2001,"message":"Pod nope not found in namespace default","params":{"namespace":"default","name":"nope"},"request_id":"t-1"}"#
    );
    assert_eq!(english.content_language.as_deref(), Some("en"));
    let english = get_in(
        &base,
        "/api/v1/namespaces/default/pods/web-0/events",
        Some("en"),
    );
    assert_eq!(
        english.body,
        r#"{"code":2002,"message":"Failed to get the pod's events","request_id":"t-1"}"#
    );
    let unknown = get_in(&base, "/api/v1/namespaces/default/pods/nope", Some("fr"));
    assert!(
        unknown.body.contains("命名空间 default 中没有 Pod nope"),
        "{}",
        unknown.body
    );
    // A Chinese browser's default list: the messages are Chinese (`lang`),
    // so it gets them, not the English translation it also accepts.
    let chinese = get_in(
        &base,
        "/api/v1/namespaces/default/pods/nope",
        Some("zh-CN,zh;q=0.9,en;q=0.8"),
    );
    assert_eq!(
        chinese.body,
        r#"{"code":2001,"message":"命名空间 default 中没有 Pod nope","params":{"namespace":"default","name":"nope"},"request_id":"t-1"}"#
    );
    let ok = get_in(&base, "/api/v1/namespaces/default/pods/web-0", Some("en"));
    assert_eq!(ok.status, 200, "other answers pass unchanged");
    // The error index explains a code in the language asked.
    let english = get_in(&base, "/errors/2002?lang=en", None);
    assert!(
        english
            .body
            .contains("The event store is unavailable for a while"),
        "{}",
        english.body
    );
    let chinese = get_in(&base, "/errors/2002", Some("zh-CN,zh;q=0.9"));
    assert!(
        chinese.body.contains("事件存储暂时不可用"),
        "{}",
        chinese.body
    );
}

/// The value of the `api_errors_total` series of `code` in a scrape.
fn count_of(scrape: &str, code: u32) -> Option<f64> {
    scrape
        .lines()
        .filter(|l| l.starts_with("api_errors_total{"))
        .find(|l| l.contains(&format!("code=\"{code}\"")))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

#[test]
fn metrics_count_every_answer_by_code() {
    let base = start();
    let before = count_of(&get(&base, "/metrics").body, 2001).unwrap_or(0.0);
    for _ in 0..3 {
        assert_eq!(
            get(&base, "/api/v1/namespaces/default/pods/nope").status,
            404
        );
    }
    let scrape = get(&base, "/metrics").body;
    let after = count_of(&scrape, 2001).expect("the 2001 series");
    assert!(after - before >= 3.0, "{before} -> {after}\n{scrape}");
    let line = scrape
        .lines()
        .find(|l| l.starts_with("api_errors_total{") && l.contains("code=\"2001\""))
        .unwrap();
    for label in [
        "name=\"PodNotFound\"",
        "status=\"404\"",
        "category=\"PodError\"",
    ] {
        assert!(line.contains(label), "{line}");
    }
    // Registered at zero: a code that never fired is a series all the same.
    assert!(count_of(&scrape, 2003).is_some(), "{scrape}");
    assert!(
        scrape.contains("# TYPE api_errors_total counter"),
        "{scrape}"
    );
}

fn post(base: &str, path: &str, content_type: &str, body: &str) -> Answer {
    post_in(base, path, content_type, body, "en")
}

fn post_in(base: &str, path: &str, content_type: &str, body: &str, language: &str) -> Answer {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .post(format!("{base}{path}"))
        .header("content-type", content_type)
        .header("accept-language", language)
        .send(body)
        .expect("the server answers");
    Answer {
        status: response.status().as_u16(),
        content_type: response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        content_language: response
            .headers()
            .get("content-language")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

#[test]
fn malformed_input_answers_1001_with_the_parsers_message_and_ids_are_echoed() {
    let base = start();
    let bad = post(
        &base,
        "/api/v1/namespaces/default/pods",
        "application/json",
        r#"{"name": 7"#,
    );
    assert_eq!(
        (bad.status, bad.content_type.as_str()),
        (400, "application/json")
    );
    let body: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
    assert_eq!(body["code"], 1001);
    assert!(body["error"].as_str().unwrap().contains("JSON"), "{body}");
    // The server made an id, and the body carries it.
    assert!(
        body["request_id"].as_str().unwrap().starts_with("req-"),
        "{body}"
    );
    // serde names the field it could not read.
    let wrong_type = post(
        &base,
        "/api/v1/namespaces/default/pods",
        "application/json",
        r#"{"name": "x", "replicas": "three"}"#,
    );
    assert_eq!(wrong_type.status, 400);
    let body: serde_json::Value = serde_json::from_str(&wrong_type.body).unwrap();
    assert_eq!(body["code"], 1001);
    assert_eq!(body["errors"][0]["field"], "replicas", "{body}");
    let missing = post(
        &base,
        "/api/v1/namespaces/default/pods",
        "application/json",
        r#"{"replicas": 3}"#,
    );
    let body: serde_json::Value = serde_json::from_str(&missing.body).unwrap();
    assert_eq!(body["errors"][0]["field"], "name", "{body}");
    // Three invalid fields: one violation each.
    let invalid = post(
        &base,
        "/api/v1/namespaces/default/pods",
        "application/json",
        r#"{"name": "", "replicas": 12, "image": ""}"#,
    );
    assert_eq!(invalid.status, 400, "{}", invalid.body);
    let remote = RemoteError::from_slice(invalid.body.as_bytes()).unwrap();
    assert_eq!(remote.code, 1001);
    let fields: Vec<(&str, &str)> = remote
        .violations()
        .iter()
        .map(|v| (v.field(), v.message()))
        .collect();
    assert_eq!(
        fields,
        [
            ("image", "must be 1 to 255 characters"),
            ("name", "must be 1 to 63 characters"),
            ("replicas", "must be at most 10"),
        ]
    );
    // A Chinese browser gets them in Chinese, with the rules' codes.
    let chinese = post_in(
        &base,
        "/api/v1/namespaces/default/pods",
        "application/json",
        r#"{"name": "", "replicas": 12, "image": ""}"#,
        "zh-CN,zh;q=0.9,en;q=0.8",
    );
    let body: serde_json::Value = serde_json::from_str(&chinese.body).unwrap();
    assert_eq!(
        body["errors"][1]["message"], "长度须在 1 到 63 个字符之间",
        "{body}"
    );
    assert_eq!(body["errors"][2]["message"], "不能大于 10", "{body}");
    assert_eq!(body["errors"][2]["code"], 1102, "{body}");
    let created = post(
        &base,
        "/api/v1/namespaces/default/pods",
        "application/json",
        r#"{"name": "new-0"}"#,
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let again = post(
        &base,
        "/api/v1/namespaces/default/pods",
        "application/json",
        r#"{"name": "new-0"}"#,
    );
    assert_eq!(again.status, 409);
}

/// The resident memory of this process, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4)
}

/// 20,000 requests over 64 connections, mixed routes and malformed bodies:
/// every answer right, no connection error, memory flat after warm-up.
#[test]
fn load_over_loopback() {
    const THREADS: usize = 64;
    const PER_THREAD: usize = 20_000 / THREADS + 1;
    let base = start();
    let run = |rounds: usize| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let base = base.clone();
                std::thread::spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .build()
                        .into();
                    for i in 0..rounds {
                        let (status, code, body) = match (t + i) % 4 {
                            0 => {
                                let mut r = agent
                                    .get(format!("{base}/api/v1/namespaces/default/pods/nope"))
                                    .call()
                                    .expect("answer");
                                (
                                    r.status().as_u16(),
                                    2001,
                                    r.body_mut().read_to_string().unwrap(),
                                )
                            }
                            1 => {
                                let mut r = agent
                                    .get(format!(
                                        "{base}/api/v1/namespaces/default/pods/web-0/events"
                                    ))
                                    .call()
                                    .expect("answer");
                                (
                                    r.status().as_u16(),
                                    2002,
                                    r.body_mut().read_to_string().unwrap(),
                                )
                            }
                            2 => {
                                let mut r = agent
                                    .post(format!("{base}/api/v1/namespaces/default/pods"))
                                    .header("content-type", "application/json")
                                    .send("{broken")
                                    .expect("answer");
                                (
                                    r.status().as_u16(),
                                    1001,
                                    r.body_mut().read_to_string().unwrap(),
                                )
                            }
                            _ => {
                                let mut r = agent
                                    .get(format!("{base}/api/v1/namespaces/default/pods/web-1"))
                                    .call()
                                    .expect("answer");
                                (
                                    r.status().as_u16(),
                                    0,
                                    r.body_mut().read_to_string().unwrap(),
                                )
                            }
                        };
                        let expected = match code {
                            2001 => 404,
                            2002 => 500,
                            1001 => 400,
                            _ => 200,
                        };
                        assert_eq!(status, expected, "{body}");
                        if code != 0 {
                            let remote =
                                RemoteError::from_slice(body.as_bytes()).expect("an error body");
                            assert_eq!(remote.code, code);
                            assert!(!body.contains("10.0.0.7"));
                        }
                    }
                })
            })
            .collect();
        for handle in handles {
            handle
                .join()
                .expect("no connection error, every answer right");
        }
    };
    run(PER_THREAD / 10);
    let warm = rss_kib();
    let started = std::time::Instant::now();
    run(PER_THREAD);
    let elapsed = started.elapsed();
    let end = rss_kib();
    println!(
        "load: {} requests over {THREADS} connections in {elapsed:?} ({:.0}/s); RSS {warm} KiB after warm-up, {end} KiB after",
        THREADS * PER_THREAD,
        (THREADS * PER_THREAD) as f64 / elapsed.as_secs_f64()
    );
    assert!(
        end < warm + 32 * 1024,
        "memory grew from {warm} KiB to {end} KiB"
    );
}
