//! The JSON error body on the server, and its parsing on the client.

mod common;

use common::{ApiError, PodError};
use error_code::{ErrorCode, RemoteError, Reply};

#[derive(Debug, thiserror::Error, ErrorCode)]
enum Detailed {
    /// 参数不合法
    #[error("limit \"{0}\" is not a number")]
    #[code(1001, status = 400, message(en = "Invalid parameter"))]
    InvalidLimit(String),
    /// 获取 Pod 事件失败
    #[error("database at 10.0.0.7 refused the connection")]
    #[code(2002, status = 500)]
    Internal,
    /// 记录不存在
    #[error("记录不存在")]
    #[code(1002, status = 404)]
    SameAsMessage,
}

#[test]
fn body_has_the_original_service_field_names() {
    let json = Reply::new(&PodError::GetPodError).to_json();
    assert_eq!(json, r#"{"code":2001,"message":"获取 Pod 失败"}"#);
    let value: serde_json::Value =
        serde_json::from_str(&Reply::new(&ApiError::Unknown).to_json()).unwrap();
    assert_eq!(
        value,
        serde_json::json!({"code": 9999, "message": "未知错误"})
    );
}

#[test]
fn detail_of_4xx_is_sent_escaped() {
    let e = Detailed::InvalidLimit("a\"b".into());
    let json = Reply::new(&e).to_json();
    assert_eq!(
        json,
        r#"{"code":1001,"message":"参数不合法","error":"limit \"a\"b\" is not a number"}"#
    );
}

#[test]
fn detail_of_5xx_is_hidden_unless_opted_in() {
    let reply = Reply::new(&Detailed::Internal);
    assert_eq!(
        reply.to_json(),
        r#"{"code":2002,"message":"获取 Pod 事件失败"}"#
    );
    assert!(reply.detail().is_none());
    let exposed = reply.expose_server_details(true).to_json();
    assert!(
        exposed.contains(r#""error":"database at 10.0.0.7 refused the connection""#),
        "{exposed}"
    );
}

#[test]
fn a_display_that_repeats_the_message_is_no_detail() {
    assert_eq!(
        Reply::new(&Detailed::SameAsMessage).to_json(),
        r#"{"code":1002,"message":"记录不存在"}"#
    );
}

/// Unit variants whose thiserror text the derive can compare with the
/// message, and ones it cannot.
#[derive(Debug, thiserror::Error, ErrorCode)]
enum Shown {
    /// The pod quota is exceeded
    #[error("The pod quota is exceeded")]
    #[code(1003, status = 429)]
    Same,
    #[error("Quota exceeded")]
    #[code(1004, status = 429, message = "Quota exceeded")]
    SameGivenMessage,
    /// The pod quota is exceeded
    #[error("The pod quota is exceeded in {}", "ns")]
    #[code(1005, status = 429)]
    WithArguments,
    /// The pod quota is exceeded
    #[error("The quota of pods is exceeded")]
    #[code(1006, status = 429)]
    Different,
    /// {{braces}}
    #[error("{{braces}}")]
    #[code(1007, status = 429)]
    Escaped,
}

#[test]
fn a_thiserror_text_equal_to_the_message_is_no_detail_without_formatting() {
    // Known from the attributes: no detail, and the same answer as the
    // check at run time gives.
    for e in [Shown::Same, Shown::SameGivenMessage, Shown::Escaped] {
        assert!(!Reply::new(&e).to_json().contains("\"error\""), "{e:?}");
    }
    assert!(Shown::Same.detail().is_none());
    assert!(Shown::SameGivenMessage.detail().is_none());
    // Only the run-time check knows these.
    assert!(Shown::Escaped.detail().is_some());
    assert!(Shown::WithArguments.detail().is_some());
    let json = Reply::new(&Shown::WithArguments).to_json();
    assert!(
        json.contains(r#""error":"The pod quota is exceeded in ns""#),
        "{json}"
    );
    let json = Reply::new(&Shown::Different).to_json();
    assert!(
        json.contains(r#""error":"The quota of pods is exceeded""#),
        "{json}"
    );
}

/// A text that only capitalises or spaces the message otherwise, where the
/// derive can judge it (a unit variant) and where only the run time can (a
/// variant with a field, a translation chosen by the request).
#[derive(Debug, thiserror::Error, ErrorCode)]
enum Recased {
    /// Route not found
    #[error("route  NOT found")]
    #[code(1010, status = 404)]
    Unit,
    /// Route not found
    #[error("route not found")]
    #[code(1011, status = 404)]
    Field(u32),
    /// 路由没有找到
    #[error("ROUTE not found")]
    #[code(1012, status = 404, message(en = "Route not found"))]
    Translated,
    /// Route not found
    #[error("route not found: {0}")]
    #[code(1013, status = 404)]
    SaysMore(u32),
    /// Straße gesperrt
    #[error("STRASSE {0}")]
    #[code(1014, status = 404)]
    German(&'static str),
    /// λάθος δικτύου
    #[error("ΛΆΘΟΣ {0}")]
    #[code(1015, status = 404)]
    Greek(&'static str),
    /// Blank
    #[error("{0}")]
    #[code(1016, status = 404)]
    Blank(&'static str),
}

#[test]
fn a_text_that_reads_as_the_message_up_to_case_and_spaces_is_no_detail_wherever_it_is_judged() {
    assert!(Recased::Unit.detail().is_none());
    assert!(
        Recased::Field(7).detail().is_some(),
        "only the run time can judge it"
    );
    for e in [
        Recased::Unit,
        Recased::Field(7),
        Recased::Translated,
        Recased::German("GESPERRT"),
        Recased::Greek("ΔΙΚΤΎΟΥ"),
        Recased::Blank(" \t "),
    ] {
        let reply = Reply::new(&e).accept_language("en");
        assert!(reply.detail().is_none(), "{e:?}");
        assert!(
            !reply.to_json().contains("\"error\""),
            "{e:?}: {}",
            reply.to_json()
        );
    }
    // Not the message of the request's language: it says more there.
    let json = Reply::new(&Recased::Translated)
        .accept_language("zh")
        .to_json();
    assert!(json.contains(r#""error":"ROUTE not found""#), "{json}");
    let json = Reply::new(&Recased::SaysMore(7)).to_json();
    assert!(json.contains(r#""error":"route not found: 7""#), "{json}");
}

/// A generic enum whose own `Display` and `Error` hold under bounds, given
/// to the derive with `bound`.
#[derive(Debug, ErrorCode)]
#[error_code(bound = "T: std::fmt::Display + std::fmt::Debug")]
enum Payload<T> {
    /// Bad payload
    #[code(2402, status = 400)]
    Bad(T),
}

impl<T: std::fmt::Display> std::fmt::Display for Payload<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self::Bad(t) = self;
        write!(f, "bad payload {t}")
    }
}

impl<T: std::fmt::Display + std::fmt::Debug> std::error::Error for Payload<T> {}

#[test]
fn a_generic_enum_with_a_bounded_display_of_its_own_sends_it_given_the_bound() {
    let e = Payload::Bad(7u8);
    assert_eq!(
        e.detail().map(ToString::to_string).as_deref(),
        Some("bad payload 7")
    );
    assert!(e.as_std_error().is_some());
    assert_eq!(
        Reply::new(&e).to_json(),
        r#"{"code":2402,"message":"Bad payload","error":"bad payload 7"}"#
    );
}

/// A `Display` that writes another text each time it runs.
#[derive(Debug, ErrorCode)]
enum Changing {
    /// Pod not found
    #[code(1020, status = 404)]
    Pod(std::cell::Cell<u32>),
}

impl std::fmt::Display for Changing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self::Pod(runs) = self;
        runs.set(runs.get() + 1);
        if runs.get() % 2 == 1 {
            f.write_str("pod not found (internal id 42)")
        } else {
            f.write_str("Pod not found")
        }
    }
}

impl std::error::Error for Changing {}

#[test]
fn a_serialized_reply_sends_the_detail_it_judged() {
    // Judged and written from one run: the body says what was judged, as
    // `to_json` does.
    for first in [0, 1] {
        let e = Changing::Pod(std::cell::Cell::new(first));
        let serialized = serde_json::to_string(&Reply::new(&e)).unwrap();
        let e = Changing::Pod(std::cell::Cell::new(first));
        assert_eq!(serialized, Reply::new(&e).to_json(), "runs before: {first}");
        let sent = serialized.contains("\"error\"");
        assert_eq!(sent, first == 0, "{serialized}");
        if sent {
            assert!(serialized.contains("internal id 42"), "{serialized}");
        }
    }
}

#[test]
fn message_follows_accept_language() {
    let e = Detailed::InvalidLimit("x".into());
    let reply = Reply::new(&e).accept_language("fr;q=0.9, en-GB;q=0.95, zh;q=0.1");
    assert_eq!(reply.message(), "Invalid parameter");
    assert!(reply.to_json().contains(r#""message":"Invalid parameter""#));
    assert_eq!(Reply::new(&e).accept_language("de").message(), "参数不合法");
}

#[test]
fn problem_json_is_an_option() {
    let e = Detailed::InvalidLimit("x".into());
    let reply = Reply::new(&e).problem("https://api.example.com/errors/");
    assert_eq!(reply.content_type(), "application/problem+json");
    let value: serde_json::Value = serde_json::from_str(&reply.to_json()).unwrap();
    assert_eq!(
        value,
        serde_json::json!({
            "type": "https://api.example.com/errors/1001",
            "title": "参数不合法",
            "status": 400,
            "detail": "limit \"x\" is not a number",
            "code": 1001,
        })
    );
    let hidden: serde_json::Value =
        serde_json::from_str(&Reply::new(&Detailed::Internal).problem("urn:e:").to_json()).unwrap();
    assert_eq!(hidden.get("detail"), None);
    assert_eq!(hidden["status"], 500);
}

#[test]
fn http_response_has_status_content_type_and_body() {
    let response = Reply::new(&PodError::GetPodEventError).to_response();
    assert_eq!(response.status(), http::StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
    assert_eq!(
        response.body().as_slice(),
        r#"{"code":2002,"message":"获取 Pod 事件失败"}"#.as_bytes()
    );
}

#[test]
fn clients_parse_both_formats_back() {
    for e in [
        &Detailed::InvalidLimit("x".into()) as &dyn ErrorCode,
        &PodError::GetPodError,
    ] {
        for reply in [Reply::new(e), Reply::new(e).problem("https://e/")] {
            let remote = RemoteError::from_slice(reply.to_json().as_bytes()).expect("parses");
            assert_eq!(remote.code, e.code());
            assert_eq!(remote.message, e.message());
            assert_eq!(remote.detail.is_some(), reply.detail().is_some());
        }
    }
    let remote =
        RemoteError::from_slice(Reply::new(&PodError::GetPodError).to_json().as_bytes()).unwrap();
    assert_eq!(
        remote.clone().typed::<ApiError>(),
        Ok(ApiError::Pod(PodError::GetPodError))
    );
    assert_eq!(remote.typed::<PodError>(), Ok(PodError::GetPodError));
}

#[test]
fn unknown_codes_keep_code_message_and_detail() {
    let body = br#"{"code": 7777, "message": "new server error", "error": "details"}"#;
    let unknown = RemoteError::from_slice(body)
        .unwrap()
        .typed::<ApiError>()
        .expect_err("unknown code");
    assert_eq!(unknown.code, 7777);
    assert_eq!(unknown.message, "new server error");
    assert_eq!(unknown.detail.as_deref(), Some("details"));
    assert_eq!(unknown.to_string(), "error 7777: new server error: details");
}

#[test]
fn hostile_bodies_are_errors_not_panics() {
    let deep = "[".repeat(100_000);
    let cases: Vec<&[u8]> = vec![
        b"",
        b"null",
        b"{}",
        br#"{"code": "2001", "message": "m"}"#,
        br#"{"code": -1, "message": "m"}"#,
        br#"{"code": 4294967296, "message": "m"}"#,
        br#"{"code": 1e400, "message": "m"}"#,
        br#"{"code": 2001}"#,
        br#"{"code": 2001, "message": 5}"#,
        br#"{"code": 2001, "message": "m", "error": {"nested": true}}"#,
        b"\xff\xfe{\"code\": 1}",
        br#"{"code": 2001, "message": "\ud800"}"#,
        deep.as_bytes(),
        br#"{"code": 2001, "message": "m""#,
    ];
    for body in cases {
        assert!(
            RemoteError::from_slice(body).is_err(),
            "{:?}",
            String::from_utf8_lossy(body)
        );
    }
    let invalid_utf8 = b"{\"code\": 1, \"message\": \"\xff\"}";
    assert!(RemoteError::from_slice(invalid_utf8).is_err());
}

/// Arbitrary and mutated bodies into the parser: an answer, never a panic.
/// `ERROR_CODE_FUZZ_CASES=100000 cargo test --release --test test_body` runs long.
#[test]
fn arbitrary_bytes_never_panic_the_parser() {
    let cases: usize = std::env::var("ERROR_CODE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let seeds: Vec<Vec<u8>> = [
        Reply::new(&Detailed::InvalidLimit("x".into())).to_json(),
        Reply::new(&Detailed::InvalidLimit("x".into()))
            .problem("https://e/")
            .to_json(),
        r#"{"code":1,"message":"m","error":null,"status":500,"title":"t","detail":"d"}"#.to_owned(),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    let mut x: u64 = 0xDEAD_BEEF_CAFE_F00D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut parsed = 0;
    for case in 0..cases {
        let mut body = seeds[case % seeds.len()].clone();
        if case % 5 == 0 {
            body = (0..next() % 64).map(|_| next() as u8).collect();
        }
        for _ in 0..next() % 4 {
            if body.is_empty() {
                break;
            }
            let i = (next() % body.len() as u64) as usize;
            match next() % 4 {
                0 => body[i] = next() as u8,
                1 => {
                    body.remove(i);
                }
                2 => body.insert(i, b"{}[]\",:0\\9e-"[(next() % 12) as usize]),
                _ => body.truncate(i),
            }
        }
        if let Ok(remote) =
            std::panic::catch_unwind(|| RemoteError::from_slice(&body)).expect("never panics")
        {
            parsed += 1;
            assert!(std::str::from_utf8(remote.message.as_bytes()).is_ok());
        }
    }
    assert!(
        parsed > 0 && parsed < cases,
        "both outcomes reached: {parsed} of {cases}"
    );
}

#[test]
fn write_json_and_serialize_give_the_same_bytes() {
    let errors: [&dyn ErrorCode; 4] = [
        &PodError::GetPodError,
        &Detailed::InvalidLimit("a\"\n\\".into()),
        &Detailed::Internal,
        &Detailed::SameAsMessage,
    ];
    for e in errors {
        for reply in [
            Reply::new(e),
            Reply::new(e).accept_language("en"),
            Reply::new(e).expose_server_details(true),
        ] {
            let mut framed = Vec::new();
            reply.write_json(&mut framed);
            assert_eq!(framed, serde_json::to_vec(&reply).unwrap());
        }
    }
}

/// A part whose detail and source the composing enum has no `Display` or
/// `Error` of its own to give.
#[derive(Debug, thiserror::Error, ErrorCode)]
enum Carrying {
    /// 参数不合法
    #[error("field {0} is bad")]
    #[code(1001, status = 400)]
    Bad(String),
    /// 内部错误
    #[error("the store failed")]
    #[code(1002, status = 500)]
    Store(#[source] std::io::Error),
}

/// Composed as the README composes its parts: no `Display` of its own.
#[derive(Debug, ErrorCode)]
enum Composing {
    #[code(transparent)]
    Part(Carrying),
}

/// Through a `Box`, and one level deeper.
#[derive(Debug, ErrorCode)]
enum Boxing {
    #[code(transparent)]
    Boxed(Box<Composing>),
}

#[test]
fn a_part_gives_the_composed_answer_its_detail_and_source() {
    let alone = Carrying::Bad("name".into());
    let composed = Composing::Part(Carrying::Bad("name".into()));
    assert_eq!(
        Reply::new(&composed).to_json(),
        Reply::new(&alone).to_json()
    );
    assert!(
        Reply::new(&composed)
            .to_json()
            .contains(r#""error":"field name is bad""#)
    );
    let boxed = Boxing::Boxed(Box::new(Composing::Part(Carrying::Bad("name".into()))));
    assert_eq!(Reply::new(&boxed).to_json(), Reply::new(&alone).to_json());
    // A 5xx part's detail and source reach the log, not the client.
    let store = || Carrying::Store(std::io::Error::other("disk full"));
    let composed = Composing::Part(store());
    assert_eq!(
        Reply::new(&composed).to_json(),
        Reply::new(&store()).to_json()
    );
    assert_eq!(
        composed.detail().map(|d| d.to_string()).as_deref(),
        Some("the store failed")
    );
    let source = composed
        .as_std_error()
        .and_then(std::error::Error::source)
        .map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("disk full"));
}
