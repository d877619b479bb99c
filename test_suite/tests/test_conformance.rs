//! The conformance matrix: a corpus of error shapes (a unit; params of
//! every JSON type; 4xx and 5xx; a retry fixed and per value; violations;
//! parts composed through `Box` and `Arc`, three deep; a generic enum)
//! rendered through every output, compared field by field — code, status,
//! message per language, params, retry and violations — with the JSON
//! body as the reference: problem+json, axum's answer and its re-rendering
//! in another language (`localize`), actix-web's answer, the gRPC status
//! and what the gRPC client reads back, the JSON client, the catalog
//! export, the OpenAPI examples, the tracing event, the metrics labels,
//! the error index's JSON and the error document. The clients in
//! TypeScript, Go and Python have their own matrix over the same rule
//! (`test_clients`). A new output joins here.

#![cfg(all(feature = "axum", feature = "actix-web", feature = "tonic"))]

use error_code::grpc::GrpcReply;
use error_code::{CatalogExport, ErrorCode, RemoteError, Reply, Violation, Violations};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, Serialize)]
pub struct Spec {
    replicas: u32,
    labels: Vec<String>,
}

#[derive(Debug, thiserror::Error, ErrorCode)]
#[error_code(lang = "zh")]
pub enum Shapes {
    /// 单元
    #[error("单元")]
    #[code(1001, status = 400, message(en = "A unit"))]
    Unit,
    /// 参数 {text} {int} {float} {flag} {nothing} {list} {spec} {big}
    #[error("params")]
    #[code(
        1002,
        status = 422,
        message(en = "params {text} {int} {float} {flag} {nothing} {list} {spec} {big}")
    )]
    Params {
        text: String,
        int: i64,
        float: f32,
        flag: bool,
        nothing: Option<u8>,
        list: Vec<u16>,
        spec: Spec,
        big: i128,
    },
    /// 请求 {id} 的细节
    #[error("the detail of {id}")]
    #[code(1003, status = 409, message(en = "request {id} has a detail"))]
    WithDetail { id: u32 },
    /// 内部错误
    #[error("secret: database at 10.0.0.7 refused")]
    #[code(1004, status = 500, message(en = "Internal error"))]
    Internal,
    /// 稍后再试
    #[error("later")]
    #[code(1005, status = 503, retry_after = 30, message(en = "Try later"))]
    Fixed,
    /// 等待 {seconds} 秒
    #[error("wait")]
    #[code(1006, status = 429, message(en = "wait {seconds} s"))]
    PerValue {
        seconds: u64,
        #[retry_after]
        delay: Duration,
    },
    /// 记录 {id} 不存在
    // Reads as the English message, case and spaces aside: a detail in
    // Chinese, none in English, alike in every output.
    #[error("RECORD  {id} NOT FOUND")]
    #[code(1008, status = 404, message(en = "record {id} not found"))]
    Recased { id: u32 },
    /// 字段不合法
    #[error("invalid")]
    #[code(1007, status = 400, message(en = "Invalid fields"))]
    Invalid {
        #[violations]
        fields: Violations,
    },
}

#[derive(Debug, ErrorCode)]
pub enum Middle {
    #[code(transparent)]
    Boxed(Box<Shapes>),
}

#[derive(Debug, ErrorCode)]
pub enum Outer {
    #[code(transparent)]
    Shared(Arc<Middle>),
}

/// A generic enum whose param is its type parameter.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
pub enum Generic<T> {
    /// value {0}
    #[code(2001, status = 400, message(zh = "值 {0}"))]
    Value(T),
}

#[derive(Debug, ErrorCode)]
#[error_code(domain = "api.example.com")]
pub enum Api {
    #[code(transparent)]
    Outer(Outer),
    #[code(transparent)]
    Generic(Generic<f64>),
    /// 路由不存在
    // Named as a part's code, in one domain: their gRPC reasons are told
    // apart.
    #[code(3001, status = 404, message(en = "No route"))]
    Unit,
}

/// Every shape, made afresh for each output that takes the error by value.
fn corpus() -> Vec<Api> {
    let mut fields = Violations::new();
    fields.push(Violation::new("spec.replicas", "too many"));
    fields.push(
        Violation::new("metadata.labels[app.kubernetes.io/name]", "too long").with_reason("LENGTH"),
    );
    // A key with a `]` and one that is empty, written as JSON strings.
    fields.push(Violation::new(r#"metadata.labels["x]y.z"]"#, "bad key"));
    fields.push(Violation::new(r#"metadata.labels[""]"#, "empty key"));
    // A derived reason: its code, params and messages.
    fields.push(Violation::of(
        "spec.template",
        &Shapes::WithDetail { id: 9 },
    ));
    let shapes = vec![
        Shapes::Unit,
        Shapes::Params {
            text: "a \"b\" {c}".into(),
            int: -7,
            float: 0.1,
            flag: true,
            nothing: None,
            list: vec![1, 2],
            spec: Spec {
                replicas: 3,
                labels: vec!["x".into()],
            },
            big: i128::MAX,
        },
        Shapes::WithDetail { id: 9 },
        Shapes::Internal,
        Shapes::Fixed,
        Shapes::PerValue {
            seconds: 2,
            delay: Duration::from_millis(1500),
        },
        Shapes::Invalid { fields },
        Shapes::Recased { id: 4 },
    ];
    let mut out: Vec<Api> = shapes
        .into_iter()
        .map(|s| Api::Outer(Outer::Shared(Arc::new(Middle::Boxed(Box::new(s))))))
        .collect();
    out.push(Api::Generic(Generic::Value(2.5)));
    out.push(Api::Unit);
    out
}

const LANGUAGES: [Option<&str>; 4] = [
    None,
    Some("en-US,en;q=0.9"),
    Some("zh-CN,zh;q=0.9,en;q=0.8"),
    Some("fr"),
];

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("a JSON body")
}

fn reply<'a>(error: &'a Api, language: Option<&'a str>) -> Reply<'a> {
    match language {
        Some(header) => Reply::new(error).accept_language(header),
        None => Reply::new(error),
    }
}

/// A text of a body (a field, a message).
fn text(value: &serde_json::Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// The params of a body as written (a 128-bit integer whole), each as
/// text: a string as is, `null` as nothing, anything else its JSON.
fn param_texts(body: &str) -> Vec<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Body {
        #[serde(default)]
        params: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>>,
    }
    let body: Body = serde_json::from_str(body).unwrap();
    body.params
        .into_iter()
        .map(|(name, raw)| {
            let text = match raw.get() {
                "null" => String::new(),
                s if s.starts_with('"') => serde_json::from_str::<String>(s).unwrap(),
                s => s.to_owned(),
            };
            (name, text)
        })
        .collect()
}

#[test]
fn problem_json_says_what_the_body_says() {
    for error in corpus() {
        for language in LANGUAGES {
            let body = json(reply(&error, language).to_json().as_bytes());
            let problem = json(
                reply(&error, language)
                    .problem("https://errors.example.com/")
                    .to_json()
                    .as_bytes(),
            );
            let code = error.code();
            assert_eq!(problem["code"], body["code"], "{code}");
            assert_eq!(problem["title"], body["message"], "{code} {language:?}");
            assert_eq!(problem["status"], error.status().as_u16(), "{code}");
            assert_eq!(problem["detail"], body["error"], "{code}");
            assert_eq!(problem["retry_after"], body["retry_after"], "{code}");
            // Params: the same members, in the same order, each written alike.
            let raw = |text: &str| {
                let start = text.find("\"params\":");
                start.map(|s| {
                    let rest = &text[s..];
                    rest[..rest.find('}').unwrap_or(rest.len())].to_owned()
                })
            };
            assert_eq!(
                raw(&reply(&error, language).problem("").to_json()),
                raw(&reply(&error, language).to_json()),
                "{code}"
            );
            // problem+json calls a violation's message its `detail`.
            let fields = |v: &serde_json::Value| {
                v["errors"].as_array().map(|errors| {
                    errors
                        .iter()
                        .map(|e| {
                            let message = e.get("message").unwrap_or(&e["detail"]);
                            (e["field"].clone(), message.clone())
                        })
                        .collect::<Vec<_>>()
                })
            };
            assert_eq!(fields(&problem), fields(&body), "{code}");
            // The JSON client reads both alike.
            let from_body =
                RemoteError::from_slice(reply(&error, language).to_json().as_bytes()).unwrap();
            let from_problem =
                RemoteError::from_slice(reply(&error, language).problem("").to_json().as_bytes())
                    .unwrap();
            assert_eq!(
                (
                    from_problem.code,
                    &from_problem.message,
                    from_problem.params()
                ),
                (from_body.code, &from_body.message, from_body.params()),
                "{code}"
            );
            assert_eq!(
                from_problem.retry_after(),
                from_body.retry_after(),
                "{code}"
            );
        }
    }
}

#[test]
fn axum_and_its_relocalized_answer_say_what_the_body_says() {
    use axum::response::IntoResponse;
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for (i, error) in corpus().into_iter().enumerate() {
        let expected = Reply::new(&error).to_json();
        let code = error.code();
        let response = error.into_response();
        assert_eq!(
            response.status().as_u16(),
            Reply::new(&corpus()[i]).status().as_u16()
        );
        let retry = response.headers().get("retry-after").cloned();
        for language in LANGUAGES.into_iter().flatten() {
            let again = error_code::axum::localize(
                Some(&http::HeaderValue::from_str(language).unwrap()),
                corpus().remove(i).into_response(),
            );
            // The headers the answer built by hand has, from one list.
            let want = reply(&corpus()[i], Some(language)).to_response();
            for name in ["content-type", "content-language", "vary", "retry-after"] {
                assert_eq!(
                    again.headers().get(name),
                    want.headers().get(name),
                    "{code} {language} {name}"
                );
            }
            let bytes = rt
                .block_on(axum::body::to_bytes(again.into_body(), usize::MAX))
                .unwrap();
            assert_eq!(
                json(&bytes),
                json(reply(&corpus()[i], Some(language)).to_json().as_bytes()),
                "{code} {language}"
            );
        }
        let bytes = rt
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        assert_eq!(json(&bytes), json(expected.as_bytes()), "{code}");
        let seconds = json(expected.as_bytes())["retry_after"].as_u64();
        assert_eq!(
            retry.map(|v| v.to_str().unwrap().parse::<u64>().unwrap()),
            seconds,
            "{code}: Retry-After and the body agree"
        );
    }
}

#[test]
fn actix_says_what_the_body_says() {
    use actix_web::ResponseError;
    let rt = actix_web::rt::System::new();
    for error in corpus() {
        let Api::Outer(outer) = &error else { continue };
        let Outer::Shared(middle) = outer;
        let Middle::Boxed(shapes) = &**middle;
        let response = shapes.error_response();
        assert_eq!(response.status().as_u16(), error.status().as_u16());
        let bytes = rt
            .block_on(actix_web::body::to_bytes(response.into_body()))
            .unwrap();
        assert_eq!(
            json(&bytes),
            json(Reply::new(&**shapes).to_json().as_bytes()),
            "{}",
            error.code()
        );
    }
}

#[test]
fn grpc_and_its_client_say_what_the_body_says() {
    for error in corpus() {
        for language in LANGUAGES {
            let code = error.code();
            let body = json(reply(&error, language).to_json().as_bytes());
            let grpc = match language {
                Some(header) => GrpcReply::new(&error).accept_language(header),
                None => GrpcReply::new(&error),
            };
            assert_eq!(grpc.message(), body["message"].as_str().unwrap(), "{code}");
            let status = grpc.into_status();
            let remote = RemoteError::from_status(&status).unwrap();
            assert_eq!(remote.code, code);
            assert_eq!(
                remote.message,
                body["message"].as_str().unwrap(),
                "{code} {language:?}"
            );
            assert_eq!(remote.detail.as_deref(), body["error"].as_str(), "{code}");
            assert_eq!(
                remote.retry_after().map(|d| d.as_secs()),
                body["retry_after"].as_u64(),
                "{code}"
            );
            // Every param by its name, read back as the body's client reads
            // it: its value (`5`, not `"5"`), a `null` one `null`, an
            // integer beyond 64 bits its digits.
            let over_json =
                RemoteError::from_slice(reply(&error, language).to_json().as_bytes()).unwrap();
            assert_eq!(remote.params(), over_json.params(), "{code} {language:?}");
            assert_eq!(
                remote.params().len(),
                param_texts(&reply(&error, language).to_json()).len(),
                "{code}"
            );
            // Each violation's field, message, code and params, as the
            // body's client reads them.
            let seen = |remote: &RemoteError| -> Vec<(String, String, Option<u32>, String)> {
                remote
                    .violations()
                    .iter()
                    .map(|v| {
                        (
                            v.field().to_owned(),
                            v.message().to_owned(),
                            v.code(),
                            serde_json::to_string(v.params()).unwrap(),
                        )
                    })
                    .collect()
            };
            let sent: Vec<(String, String)> = body["errors"]
                .as_array()
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| (text(&e["field"]), text(&e["message"])))
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(seen(&remote).len(), sent.len(), "{code}");
            assert_eq!(seen(&remote), seen(&over_json), "{code} {language:?}");
        }
    }
}

#[test]
fn the_catalog_export_says_what_the_entries_say() {
    let export: serde_json::Value =
        serde_json::from_str(&CatalogExport::of::<Api>().to_json()).unwrap();
    for error in corpus() {
        let info = error.info();
        let entry = export["codes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"] == info.code())
            .unwrap();
        assert_eq!(entry["status"], info.status().as_u16());
        assert_eq!(entry["message"], info.message());
        for (tag, text) in info.messages() {
            assert_eq!(entry["messages"][tag], *text);
        }
        assert_eq!(
            entry["retry_after"].as_u64(),
            info.retry_after().map(|d| d.as_secs())
        );
        let params: Vec<&str> = entry
            .get("params")
            .and_then(|p| p.as_array())
            .map(|p| p.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(params, info.params(), "{}", info.code());
    }
}

/// A value's entry is its catalog's, the enum's own codes' as its parts'
/// (their reasons told apart where they meet).
#[test]
fn a_values_entry_is_its_catalogs() {
    for error in corpus() {
        let listed = Api::CATALOG.get(error.code()).expect("listed");
        assert_eq!(error.info(), listed, "{}", error.code());
        assert_eq!(
            error.info().unique_grpc_reason(),
            listed.unique_grpc_reason()
        );
    }
    assert_ne!(
        Api::Unit.info().unique_grpc_reason(),
        Api::CATALOG.get(1001).unwrap().unique_grpc_reason()
    );
}

/// The corpus's recased detail is what the matrix compares: none where
/// the message sent is the one it reads as, sent otherwise.
#[test]
fn a_detail_that_reads_as_the_message_sent_is_none() {
    let recased = &corpus()[7];
    assert_eq!(recased.code(), 1008);
    let english = json(reply(recased, LANGUAGES[1]).to_json().as_bytes());
    assert_eq!(english["message"], "record 4 not found");
    assert!(english.get("error").is_none(), "{english}");
    let chinese = json(reply(recased, LANGUAGES[2]).to_json().as_bytes());
    assert_eq!(chinese["error"], "RECORD  4 NOT FOUND", "{chinese}");
}

/// A violation's field as the client sent it, a bracketed key one segment
/// of its pointer.
#[test]
fn a_bracketed_key_is_one_pointer_segment() {
    let v = Violation::new("metadata.labels[app.kubernetes.io/name]", "too long");
    assert_eq!(v.pointer(), "#/metadata/labels/app.kubernetes.io~1name");
    let v = Violation::new("items[2].name", "x");
    assert_eq!(v.pointer(), "#/items/2/name");
    let problem = json(Reply::new(&corpus()[6]).problem("").to_json().as_bytes());
    assert_eq!(
        problem["errors"][1]["pointer"],
        "#/metadata/labels/app.kubernetes.io~1name"
    );
}

/// A param whose `Serialize` fails and whose `Display` panics: every output
/// answers, none panics.
#[test]
fn a_failing_param_never_panics_an_output() {
    struct Hostile;
    impl Serialize for Hostile {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }
    impl std::fmt::Debug for Hostile {
        fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            panic!("Debug of a hostile param")
        }
    }
    #[derive(ErrorCode)]
    enum WithHostile {
        /// hostile {0}
        #[code(3001, status = 400)]
        Param(Hostile),
    }
    impl std::fmt::Debug for WithHostile {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("WithHostile")
        }
    }
    let e = WithHostile::Param(Hostile);
    assert_eq!(
        Reply::new(&e).to_json(),
        r#"{"code":3001,"message":"hostile ","params":{"0":null}}"#
    );
    assert!(
        Reply::new(&e)
            .problem("")
            .to_json()
            .contains(r#""params":{"0":null}"#)
    );
    let status = GrpcReply::new(&e).into_status();
    assert_eq!(status.message(), "hostile ");
}

/// The OpenAPI document's example of a code is the body the server sends
/// for it, in both media types (codes without params or detail, whose
/// example is the whole body).
#[cfg(feature = "utoipa")]
#[test]
fn openapi_examples_are_the_bodies_sent() {
    let doc = serde_json::to_value(error_code::openapi::responses::<Api>()).unwrap();
    let mut compared = 0;
    for error in corpus() {
        let info = error.info();
        let body = json(Reply::new(&error).to_json().as_bytes());
        if !info.params().is_empty() || body.get("error").is_some() || info.carries_violations() {
            continue;
        }
        let content = &doc[info.status().as_str()]["content"];
        assert_eq!(
            content["application/json"]["examples"][info.name()]["value"],
            body,
            "{}",
            info.code()
        );
        assert_eq!(
            content["application/problem+json"]["examples"][info.name()]["value"],
            json(Reply::new(&error).problem("").to_json().as_bytes()),
            "{}",
            info.code()
        );
        compared += 1;
    }
    assert!(compared >= 3, "{compared}");
}

/// A param that is `None` comes back `None` over gRPC, and an empty
/// string comes back empty: the metadata tells them apart.
#[test]
fn a_none_param_comes_back_none_over_grpc() {
    #[derive(Debug, PartialEq, ErrorCode)]
    #[error_code(from_params)]
    enum Lookup {
        /// Nothing for {name} in {zone}
        #[code(4101, status = 404)]
        Missing { name: Option<String>, zone: String },
    }
    for error in [
        Lookup::Missing {
            name: None,
            zone: String::new(),
        },
        Lookup::Missing {
            name: Some(String::new()),
            zone: "eu".to_owned(),
        },
    ] {
        let status = GrpcReply::new(&error).into_status();
        let remote = RemoteError::from_status(&status).unwrap();
        assert_eq!(remote.typed::<Lookup>().ok(), Some(error));
    }
}

/// The tracing event of each answer says what its body and headers say:
/// code, status, params, violations, retry delay, the language sent, and
/// the detail where the body carries one.
#[cfg(feature = "tracing")]
#[test]
fn the_tracing_event_says_what_the_answer_says() {
    use std::collections::BTreeMap;
    use std::sync::Mutex;
    use tracing::field::{Field, Visit};
    use tracing_subscriber::layer::{Context, SubscriberExt as _};

    type Event = BTreeMap<String, String>;
    #[derive(Clone, Default)]
    struct Capture(Arc<Mutex<Vec<Event>>>);
    struct Fields<'a>(&'a mut Event);
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
            let mut fields = Event::new();
            event.record(&mut Fields(&mut fields));
            self.0.lock().unwrap().push(fields);
        }
    }

    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    tracing::subscriber::with_default(subscriber, || {
        for error in corpus() {
            for language in LANGUAGES {
                let response = reply(&error, language).to_response();
                let body = json(response.body());
                let events = std::mem::take(&mut *capture.0.lock().unwrap());
                let [event] = &events[..] else {
                    panic!("one event per answer, not {}", events.len())
                };
                let code = error.code();
                let field = |name: &str| event.get(name).cloned();
                assert_eq!(field("code"), Some(body["code"].to_string()), "{code}");
                assert_eq!(
                    field("status"),
                    Some(response.status().as_u16().to_string()),
                    "{code}"
                );
                assert_eq!(
                    field("params").map(|p| json(p.as_bytes())),
                    body.get("params").cloned(),
                    "{code}"
                );
                assert_eq!(
                    field("violations"),
                    body["errors"].as_array().map(|a| a.len().to_string()),
                    "{code}"
                );
                assert_eq!(
                    field("retry_after"),
                    body["retry_after"].as_u64().map(|s| s.to_string()),
                    "{code}"
                );
                assert_eq!(
                    field("language"),
                    response
                        .headers()
                        .get(http::header::CONTENT_LANGUAGE)
                        .map(|v| v.to_str().unwrap().to_owned()),
                    "{code} {language:?}"
                );
                // The event's message is the catalog's own, with params.
                if language.is_none() {
                    assert_eq!(field("message"), Some(text(&body["message"])), "{code}");
                }
                // A detail the body sends, the event has too.
                if let Some(detail) = body["error"].as_str() {
                    assert_eq!(field("detail").as_deref(), Some(detail), "{code}");
                }
            }
        }
    });
}

/// Every answer is counted under its catalog entry's labels.
#[cfg(feature = "metrics")]
#[test]
fn metrics_count_each_answer_under_its_entry() {
    use metrics_util::debugging::{DebugValue, DebuggingRecorder};
    use std::collections::BTreeMap;
    let recorder = DebuggingRecorder::new();
    metrics::with_local_recorder(&recorder, || {
        for error in corpus() {
            let _ = Reply::new(&error).to_response();
            let _ = GrpcReply::new(&error).into_status();
        }
    });
    let mut counted: BTreeMap<Vec<(String, String)>, u64> = BTreeMap::new();
    for (key, _, _, value) in recorder.snapshotter().snapshot().into_vec() {
        if key.key().name() != "api_errors_total" {
            continue;
        }
        let mut labels: Vec<(String, String)> = key
            .key()
            .labels()
            .map(|l| (l.key().to_owned(), l.value().to_owned()))
            .collect();
        labels.sort();
        let DebugValue::Counter(count) = value else {
            panic!("a counter")
        };
        *counted.entry(labels).or_default() += count;
    }
    let mut expected: BTreeMap<Vec<(String, String)>, u64> = BTreeMap::new();
    for error in corpus() {
        let info = error.info();
        // No category: the label is there, empty.
        let category = info.category().map_or("", |c| c.name());
        let mut labels = vec![
            ("code".to_owned(), info.code().to_string()),
            ("name".to_owned(), info.name().to_owned()),
            ("status".to_owned(), info.status().as_u16().to_string()),
            ("category".to_owned(), category.to_owned()),
        ];
        labels.sort();
        *expected.entry(labels).or_default() += 2;
    }
    assert_eq!(counted, expected);
}

/// The error index's JSON for each code, in each language, says what the
/// answer says: code, status, name, the language sent and, for a code
/// without params, the message itself (with params, the template the
/// message is rendered from).
#[test]
fn the_error_index_says_what_the_answer_says() {
    use tower::ServiceExt as _;
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let index = error_code::axum::error_index::<Api>();
    for error in corpus() {
        let info = error.info();
        let code = info.code();
        for language in LANGUAGES {
            let answer = reply(&error, language);
            let body = json(answer.to_json().as_bytes());
            let mut request = http::Request::get(format!("/{code}"))
                .header(http::header::ACCEPT, "application/json");
            if let Some(header) = language {
                request = request.header(http::header::ACCEPT_LANGUAGE, header);
            }
            let response = rt
                .block_on(
                    index
                        .clone()
                        .oneshot(request.body(axum::body::Body::empty()).unwrap()),
                )
                .unwrap();
            assert_eq!(response.status(), http::StatusCode::OK, "{code}");
            let bytes = rt
                .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
                .unwrap();
            let page = json(&bytes);
            assert_eq!(page["code"], body["code"], "{code}");
            assert_eq!(
                page["status"].as_u64(),
                Some(u64::from(answer.status().as_u16())),
                "{code}"
            );
            assert_eq!(text(&page["name"]), info.name(), "{code}");
            assert_eq!(
                page["lang"].as_str(),
                answer.language(),
                "{code} {language:?}"
            );
            let template = match language {
                Some(header) => info.message_for(header),
                None => info.message(),
            };
            if body.get("params").is_none() {
                assert_eq!(text(&page["message"]), text(&body["message"]), "{code}");
            } else {
                assert_eq!(text(&page["message"]), template, "{code}");
            }
        }
    }
}

/// The error document lists each code with its name, its message as the
/// answer's template, each param the body sends, the retry delay a code
/// always asks and whether it lists field errors; and every status the
/// answers use.
#[test]
fn the_document_says_what_the_entries_say() {
    let markdown = error_code::Document::of::<Api>().to_markdown();
    for error in corpus() {
        let info = error.info();
        let code = info.code();
        let body = json(Reply::new(&error).to_json().as_bytes());
        let row = markdown
            .lines()
            .find(|l| {
                l.split('|')
                    .nth(1)
                    .is_some_and(|c| c.trim() == code.to_string())
            })
            .unwrap_or_else(|| panic!("no row of {code} in:\n{markdown}"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert_eq!(cells[2], info.name(), "{code}: {row}");
        // The document's words are Chinese by default, its messages too.
        assert!(
            cells[3].starts_with(info.message_for("zh")),
            "{code}: {row}"
        );
        for key in body["params"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.keys())
        {
            assert!(
                cells[3].contains(&format!("`{key}`")),
                "{code} {key}: {row}"
            );
        }
        if let Some(delay) = info.retry_after() {
            assert!(
                cells[3].contains(&format!("Retry-After: {} s", delay.as_secs())),
                "{code}: {row}"
            );
        }
        // An answer that says when to retry, by its value's delay too.
        if body.get("retry_after").is_some() {
            assert!(cells[3].contains("Retry-After"), "{code}: {row}");
        }
        assert_eq!(
            cells[3].contains("`errors`"),
            body.get("errors").is_some(),
            "{code}: {row}"
        );
        let status = info.status().as_u16().to_string();
        assert!(
            markdown
                .lines()
                .any(|l| l.starts_with(&format!("| {status} - "))),
            "{code}: no status {status}"
        );
    }
}

/// The body written by hand and the body `Serialize` gives any serializer
/// are the same bytes, in both formats: one layout.
#[test]
fn the_serialize_impl_writes_the_same_body() {
    for error in corpus() {
        for language in LANGUAGES {
            for problem in [false, true] {
                let mut reply = reply(&error, language);
                if problem {
                    reply = reply.problem("https://errors.example.com");
                }
                let by_hand = reply.to_json();
                let by_serde = serde_json::to_string(&reply).unwrap();
                assert_eq!(by_serde, by_hand, "{} {language:?}", error.code());
                let mut again = Vec::new();
                reply.write_json(&mut again);
                assert_eq!(again, by_hand.as_bytes());
            }
        }
    }
}
