//! Field violations and retries on every wire: the JSON body, problem+json
//! (RFC 9457 §3), axum through its own harness, and back on the client.

use axum::Router;
use axum::body::Body;
use axum::routing::post;
use error_code::{ErrorCode, RemoteError, Reply, Violation, Violations};
use http_body_util::BodyExt as _;
use serde_json::json;
use std::time::Duration;
use tower::ServiceExt as _;

/// Reasons a field is invalid: catalog codes of their own.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
pub enum FieldError {
    /// must be at most {max}
    #[code(1101, status = 400, message(zh = "不能超过 {max}"))]
    TooLarge { max: u32 },
    /// must not be empty
    #[code(1102, status = 400, message(zh = "不能为空"))]
    Empty,
}

/// The API's errors.
#[derive(Debug, thiserror::Error, ErrorCode)]
#[error_code(lang = "zh")]
pub enum ApiError {
    /// 参数不合法
    #[error("invalid fields: {fields}")]
    #[code(1001, status = 400, message(en = "Invalid parameter"))]
    ParamInvalid {
        #[violations]
        fields: Violations,
    },
    /// 请求过于频繁
    #[error("slow down")]
    #[code(
        1429,
        status = 429,
        retry_after = 30,
        message(en = "Too many requests")
    )]
    TooMany,
    /// 后端繁忙
    #[error("busy")]
    #[code(1503, status = 503, retry_after = 5)]
    Busy {
        #[retry_after]
        wait: Option<Duration>,
    },
}

/// Params whose JSON a `serde_json::Value` cannot hold as written.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
pub enum WideFieldError {
    /// must be at most {max} in {span}
    #[code(1103, status = 400, message(zh = "不能超过 {max}（{span}）"))]
    TooLarge { max: u128, span: Span },
}

/// A param whose fields are not in their names' order.
#[derive(Debug, serde::Serialize)]
pub struct Span {
    to: u32,
    from: u32,
}

#[test]
fn a_violation_renders_its_params_as_the_error_alone_does() {
    let error = WideFieldError::TooLarge {
        max: u128::MAX,
        span: Span { to: 10, from: 1 },
    };
    let alone = Reply::new(&error).accept_language("zh").to_json();
    let alone: serde_json::Value = serde_json::from_str(&alone).unwrap();
    let mut fields = Violations::new();
    fields.add_error("spec.replicas", &error);
    let api = ApiError::ParamInvalid { fields };
    for lang in ["en", "zh"] {
        let reply = Reply::new(&api).accept_language(lang);
        let text = reply.to_json();
        let want = Reply::new(&error).accept_language(lang).to_json();
        let want: serde_json::Value = serde_json::from_str(&want).unwrap();
        let message = want["message"].as_str().unwrap();
        assert!(
            message.contains("340282366920938463463374607431768211455"),
            "{message}"
        );
        assert!(message.contains(r#"{"to":10,"from":1}"#), "{message}");
        // The violation's message and params are written as the error's own.
        assert!(
            text.contains(&format!(
                "\"message\":{}",
                serde_json::to_string(message).unwrap()
            )),
            "{lang}: {text}"
        );
        assert!(
            text.contains(r#""params":{"max":340282366920938463463374607431768211455,"span":{"to":10,"from":1}}"#),
            "{lang}: {text}"
        );
    }
    assert!(
        alone["message"]
            .as_str()
            .unwrap()
            .starts_with("不能超过 340282366920938463463374607431768211455")
    );
}

#[test]
fn a_param_given_again_renders_the_message_again_in_every_language() {
    let v = Violation::of("spec.replicas", &FieldError::TooLarge { max: 10 }).with_param("max", 20);
    assert_eq!(v.params()["max"], 20);
    assert_eq!(v.message(), "must be at most 20");
    assert_eq!(v.message_for("zh"), "不能超过 20");
    // The body says what its params say, in the request's language or not.
    let mut fields = Violations::new();
    fields.push(v);
    let api = ApiError::ParamInvalid { fields };
    for (lang, message) in [("en", "must be at most 20"), ("zh", "不能超过 20")] {
        let body = body(&Reply::new(&api).accept_language(lang));
        assert_eq!(body["errors"][0]["message"], message, "{lang}");
        assert_eq!(body["errors"][0]["params"]["max"], 20, "{lang}");
    }
    let plain = Reply::new(&api).to_json();
    assert!(plain.contains("must be at most 20"), "{plain}");
}

fn three_fields() -> ApiError {
    let mut fields = Violations::new();
    fields.add_error("spec.replicas", &FieldError::TooLarge { max: 10 });
    fields.add_error("metadata.name", &FieldError::Empty);
    fields.add("items[2].image", "is not a valid image reference");
    ApiError::ParamInvalid { fields }
}

fn body(reply: &Reply<'_>) -> serde_json::Value {
    serde_json::from_str(&reply.to_json()).unwrap()
}

#[test]
fn the_body_lists_each_field_with_its_reason() {
    let e = three_fields();
    let value = body(&Reply::new(&e).accept_language("en"));
    assert_eq!(value["code"], 1001);
    assert_eq!(
        value["errors"],
        json!([
            {"field": "spec.replicas", "message": "must be at most 10", "code": 1101, "params": {"max": 10}},
            {"field": "metadata.name", "message": "must not be empty", "code": 1102},
            {"field": "items[2].image", "message": "is not a valid image reference"},
        ])
    );
    // The violations' messages follow the request's language too.
    let zh = body(&Reply::new(&e).accept_language("zh-CN,zh;q=0.9"));
    assert_eq!(zh["errors"][0]["message"], "不能超过 10");
    assert_eq!(zh["errors"][1]["message"], "不能为空");
    // Written through `Serialize`, the same body.
    assert_eq!(
        serde_json::to_value(Reply::new(&e).accept_language("en")).unwrap(),
        value
    );
}

#[test]
fn problem_json_has_rfc_9457_pointers() {
    let value = body(&Reply::new(&three_fields()).problem("https://errors.example.com/"));
    let errors = value["errors"].as_array().unwrap();
    assert_eq!(errors[0]["pointer"], "#/spec/replicas");
    assert_eq!(errors[0]["detail"], "must be at most 10");
    assert_eq!(errors[2]["pointer"], "#/items/2/image");
    assert_eq!(
        Violation::new("a~b/c", "x").pointer(),
        "#/a~0b~1c",
        "RFC 6901 escapes"
    );
    assert_eq!(
        Violation::new("名 字.x", "x").pointer(),
        "#/%E5%90%8D%20%E5%AD%97/x",
        "a URI fragment holds no space or non-ASCII character"
    );
}

/// A client that has only the pointer (a problem+json body of another
/// server) reads back the field it was written from, or one of the same
/// pointer.
#[test]
fn a_pointer_reads_back_as_its_field() {
    for (field, read) in [
        ("spec.replicas", "spec.replicas"),
        ("items[2].image", "items[2].image"),
        ("名 字.x", "名 字.x"),
        ("a~b/c", "a~b/c"),
        (
            "labels[app.kubernetes.io/name].image",
            "labels[app.kubernetes.io/name].image",
        ),
        (r#"labels["x]y.z"].image"#, r#"labels["x]y.z"].image"#),
        (r#"labels[""].image"#, r#"labels[""].image"#),
        (r#"labels["q\"t"]"#, r#"labels["q\"t"]"#),
        ("a%b", "a%b"),
        ("items.0", "items[0]"),
    ] {
        let pointer = Violation::new(field, "x").pointer();
        let body =
            json!({"code": 1001, "message": "m", "errors": [{"pointer": pointer, "detail": "d"}]});
        let remote = RemoteError::from_slice(body.to_string().as_bytes()).unwrap();
        let v = remote.violations().iter().next().unwrap();
        assert_eq!(v.field(), read, "{pointer}");
        assert_eq!(v.pointer(), pointer, "{field}");
    }
}

#[test]
fn retry_after_from_the_code_and_from_a_field() {
    let reply = Reply::new(&ApiError::TooMany);
    assert_eq!(body(&reply)["retry_after"], 30);
    let response = reply.to_response();
    assert_eq!(response.headers()["retry-after"], "30");
    // The field wins; where it holds nothing, the code's value.
    let busy = ApiError::Busy {
        wait: Some(Duration::from_millis(1500)),
    };
    assert_eq!(busy.retry_after(), Some(Duration::from_millis(1500)));
    assert_eq!(
        Reply::new(&busy).to_response().headers()["retry-after"],
        "2",
        "rounded up"
    );
    let busy = ApiError::Busy { wait: None };
    assert_eq!(busy.retry_after(), Some(Duration::from_secs(5)));
    assert!(ApiError::CATALOG.get(1001).unwrap().retry_after().is_none());
}

#[test]
fn the_client_reads_violations_and_retry_back() {
    let e = three_fields();
    let remote = RemoteError::from_slice(Reply::new(&e).to_json().as_bytes()).unwrap();
    let fields: Vec<(&str, Option<u32>)> = remote
        .violations()
        .iter()
        .map(|v| (v.field(), v.code()))
        .collect();
    assert_eq!(
        fields,
        [
            ("spec.replicas", Some(1101)),
            ("metadata.name", Some(1102)),
            ("items[2].image", None)
        ]
    );
    let problem = Reply::new(&e).problem("https://e.example/").to_json();
    let remote = RemoteError::from_slice(problem.as_bytes()).unwrap();
    assert_eq!(
        remote.violations().iter().next().unwrap().field(),
        "spec.replicas"
    );
    let remote =
        RemoteError::from_slice(Reply::new(&ApiError::TooMany).to_json().as_bytes()).unwrap();
    assert_eq!(remote.retry_after(), Some(Duration::from_secs(30)));
}

#[test]
fn ten_thousand_violations_render_in_one_pass() {
    let fields: Violations = (0..10_000)
        .map(|i| Violation::new(format!("items[{i}].name"), "must not be empty"))
        .collect();
    let value = body(&Reply::new(&ApiError::ParamInvalid { fields }));
    assert_eq!(value["errors"].as_array().unwrap().len(), 10_000);
    assert_eq!(value["errors"][9_999]["field"], "items[9999].name");
}

#[tokio::test]
async fn axum_answers_with_the_violations_and_the_retry_header() {
    let app = Router::new()
        .route("/pods", post(|| async { Err::<(), _>(three_fields()) }))
        .route("/busy", post(|| async { Err::<(), _>(ApiError::TooMany) }));
    let request = http::Request::post("/pods")
        .header("accept-language", "en")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), 400);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(value["errors"].as_array().unwrap().len(), 3);
    let request = http::Request::post("/busy").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "30");
}

mod validators {
    use super::*;
    use garde::Validate as _;
    use validator::Validate as _;

    #[derive(Debug, validator::Validate)]
    struct NewPod {
        #[validate(length(min = 1, message = "must not be empty"))]
        name: String,
        #[validate(nested)]
        spec: Spec,
        #[validate(nested)]
        containers: Vec<Container>,
    }

    #[derive(Debug, validator::Validate)]
    struct Spec {
        #[validate(range(max = 10))]
        replicas: u32,
    }

    #[derive(Debug, validator::Validate)]
    struct Container {
        #[validate(length(min = 1, message = "must not be empty"))]
        image: String,
    }

    #[test]
    fn a_validator_report_names_nested_fields_as_sent() {
        let pod = NewPod {
            name: String::new(),
            spec: Spec { replicas: 12 },
            containers: vec![
                Container {
                    image: "nginx".into(),
                },
                Container {
                    image: String::new(),
                },
            ],
        };
        let report = pod.validate().unwrap_err();
        let fields = Violations::from(report);
        let seen: Vec<(&str, &str, Option<String>)> = fields
            .iter()
            .map(|v| (v.field(), v.message(), v.reason().map(|r| r.into_owned())))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "containers[1].image",
                    "must not be empty",
                    Some("length".into())
                ),
                ("name", "must not be empty", Some("length".into())),
                ("spec.replicas", "range", Some("range".into())),
            ]
        );
        let replicas = fields
            .iter()
            .find(|v| v.field() == "spec.replicas")
            .unwrap();
        assert_eq!(replicas.params()["max"], json!(10));
        let value = body(&Reply::new(&ApiError::ParamInvalid { fields }));
        assert_eq!(value["errors"][0]["field"], "containers[1].image");
        assert_eq!(value["errors"][0]["reason"], "length");
    }

    #[derive(Debug, garde::Validate)]
    struct GardePod {
        #[garde(length(min = 1))]
        name: String,
        #[garde(dive)]
        spec: GardeSpec,
        #[garde(dive)]
        containers: Vec<GardeContainer>,
    }

    #[derive(Debug, garde::Validate)]
    struct GardeSpec {
        #[garde(range(max = 10))]
        replicas: u32,
    }

    #[derive(Debug, garde::Validate)]
    struct GardeContainer {
        #[garde(length(min = 1))]
        image: String,
    }

    #[test]
    fn a_garde_report_names_nested_fields_as_sent() {
        let pod = GardePod {
            name: String::new(),
            spec: GardeSpec { replicas: 12 },
            containers: vec![
                GardeContainer {
                    image: "nginx".into(),
                },
                GardeContainer {
                    image: String::new(),
                },
            ],
        };
        let report = pod.validate().unwrap_err();
        let fields = Violations::from(report);
        let mut names: Vec<&str> = fields.iter().map(Violation::field).collect();
        names.sort_unstable();
        assert_eq!(names, ["containers[1].image", "name", "spec.replicas"]);
        assert!(fields.iter().all(|v| !v.message().is_empty()));
        // The rule and its params, as a validator report gives them.
        let replicas = fields
            .iter()
            .find(|v| v.field() == "spec.replicas")
            .unwrap();
        assert_eq!(replicas.reason().as_deref(), Some("range"));
        assert_eq!(replicas.params()["max"], json!(10));
    }

    #[derive(Debug, garde::Validate)]
    struct GardeLabels {
        #[garde(dive)]
        labels: std::collections::BTreeMap<String, GardeContainer>,
    }

    /// A map's key with a `.` (a Kubernetes label) stays one segment of
    /// the field and of its pointer.
    #[test]
    fn a_garde_map_key_with_a_dot_is_one_segment() {
        let labels = GardeLabels {
            labels: [
                (
                    "app.kubernetes.io/name".to_owned(),
                    GardeContainer {
                        image: String::new(),
                    },
                ),
                (
                    "plain".to_owned(),
                    GardeContainer {
                        image: String::new(),
                    },
                ),
            ]
            .into_iter()
            .collect(),
        };
        let fields = Violations::from(labels.validate().unwrap_err());
        let mut seen: Vec<(&str, String)> =
            fields.iter().map(|v| (v.field(), v.pointer())).collect();
        seen.sort_unstable();
        assert_eq!(
            seen,
            [
                ("labels.plain.image", "#/labels/plain/image".to_owned()),
                (
                    "labels[app.kubernetes.io/name].image",
                    "#/labels/app.kubernetes.io~1name/image".to_owned()
                ),
            ]
        );
    }

    /// A key that holds a `]` or a `"`, or is empty, is one segment too:
    /// written as a JSON string in brackets, its pointer the key itself.
    #[test]
    fn a_garde_map_key_with_a_bracket_or_none_is_one_segment() {
        let labels = GardeLabels {
            labels: ["a[0]", "x]y.z", "", "q\"t"]
                .into_iter()
                .map(|key| {
                    let image = String::new();
                    (key.to_owned(), GardeContainer { image })
                })
                .collect(),
        };
        let fields = Violations::from(labels.validate().unwrap_err());
        let mut seen: Vec<(&str, String)> =
            fields.iter().map(|v| (v.field(), v.pointer())).collect();
        seen.sort_unstable();
        assert_eq!(
            seen,
            [
                ("labels[\"\"].image", "#/labels//image".to_owned()),
                (
                    "labels[\"a[0]\"].image",
                    "#/labels/a%5B0%5D/image".to_owned()
                ),
                (
                    "labels[\"q\\\"t\"].image",
                    "#/labels/q%22t/image".to_owned()
                ),
                (
                    "labels[\"x]y.z\"].image",
                    "#/labels/x%5Dy.z/image".to_owned()
                ),
            ]
        );
    }
}

#[test]
fn openapi_describes_errors_and_retry_where_codes_carry_them() {
    let responses = error_code::openapi::responses::<ApiError>();
    let doc = serde_json::to_value(&responses).unwrap();
    let bad = &doc["400"]["content"]["application/json"];
    let errors = &bad["schema"]["properties"]["errors"];
    assert_eq!(errors["type"], "array");
    assert_eq!(errors["items"]["required"], json!(["message", "field"]));
    assert_eq!(
        bad["examples"]["ParamInvalid"]["value"]["errors"][0]["field"],
        "<field>"
    );
    assert!(bad["schema"]["properties"].get("retry_after").is_none());
    let busy = &doc["429"]["content"]["application/json"];
    assert_eq!(
        busy["schema"]["properties"]["retry_after"]["type"],
        "integer"
    );
    assert_eq!(busy["examples"]["TooMany"]["value"]["retry_after"], 30);
    assert!(busy["schema"]["properties"].get("errors").is_none());
    let problem = error_code::openapi::problem_responses::<ApiError>("https://e.example/");
    let problem = serde_json::to_value(&problem).unwrap();
    let items = &problem["400"]["content"]["application/problem+json"]["schema"]["properties"]["errors"]
        ["items"];
    assert_eq!(items["required"], json!(["pointer", "detail", "field"]));
}

#[test]
fn the_json_export_gives_the_retry_delay() {
    let json: serde_json::Value =
        serde_json::from_str(&error_code::CatalogExport::of::<ApiError>().to_json()).unwrap();
    let busy = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == 1429)
        .unwrap();
    assert_eq!(busy["retry_after"], 30);
}

/// A validator's rule named as a field error takes its code, messages and
/// params; one that does not give every param keeps the report's text.
#[cfg(feature = "validator")]
#[test]
fn a_report_takes_the_field_errors_named_by_its_rules() {
    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "en")]
    #[allow(dead_code)]
    enum FieldError {
        /// must be between {min} and {max}
        #[code(
            1101,
            status = 400,
            name = "range",
            message(zh = "必须在 {min} 与 {max} 之间")
        )]
        Range { min: f64, max: f64 },
    }
    let mut report = validator::ValidationErrors::new();
    let mut both = validator::ValidationError::new("range");
    both.add_param("min".into(), &1);
    both.add_param("max".into(), &10);
    report.add("replicas", both);
    let mut half = validator::ValidationError::new("range");
    half.add_param("min".into(), &1);
    half.message = Some("must be at least 1".into());
    report.add("size", half);
    let violations = error_code::Violations::from_report::<FieldError>(&report);
    let read: Vec<(&str, Option<u32>, String)> = violations
        .iter()
        .map(|v| (v.field(), v.code(), v.message_for("zh").into_owned()))
        .collect();
    assert_eq!(
        read,
        [
            ("replicas", Some(1101), "必须在 1.0 与 10.0 之间".to_owned()),
            ("size", None, "must be at least 1".to_owned()),
        ]
    );
    // The float params are written as the typed value writes them, so
    // that the report's violation reads as the same code built by hand
    // (and as every client renders the params sent).
    let replicas = violations.iter().next().unwrap();
    let by_hand = error_code::Violation::of(
        "replicas",
        &FieldError::Range {
            min: 1.0,
            max: 10.0,
        },
    );
    assert_eq!(replicas.message(), by_hand.message());
    assert_eq!(replicas.message_for("zh"), by_hand.message_for("zh"));
    assert_eq!(replicas.params(), by_hand.params());
}

/// garde's rules, read from its messages, take the field errors they name
/// as validator's do: code, messages in the request's language, params;
/// a custom rule's message keeps its text.
#[cfg(feature = "garde")]
#[test]
fn a_garde_report_takes_the_field_errors_named_by_its_rules() {
    use garde::Validate as _;

    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "en")]
    #[allow(dead_code)]
    enum FieldError {
        /// must have at least {min} characters
        #[code(1201, status = 400, name = "length", message(zh = "至少 {min} 个字符"))]
        Length { min: u64 },
        /// must be at most {max}
        #[code(1202, status = 400, name = "range", message(zh = "不得大于 {max}"))]
        Range { max: f64 },
        /// must be letters and digits
        #[code(
            1203,
            status = 400,
            name = "alphanumeric",
            message(zh = "只能是字母和数字")
        )]
        Alphanumeric,
    }

    fn not_blank(value: &str, (): &()) -> garde::Result {
        if value.trim().is_empty() {
            return Err(garde::Error::new("must not be blank"));
        }
        Ok(())
    }

    #[derive(Debug, garde::Validate)]
    struct Signup {
        #[garde(length(min = 3))]
        name: String,
        #[garde(range(max = 1.5))]
        ratio: f64,
        #[garde(alphanumeric)]
        handle: String,
        #[garde(custom(not_blank))]
        note: String,
    }

    let signup = Signup {
        name: "ab".into(),
        ratio: 2.0,
        handle: "no-body".into(),
        note: " ".into(),
    };
    let report = signup.validate().unwrap_err();
    let violations = error_code::Violations::from_report::<FieldError>(&report);
    let mut read: Vec<(&str, Option<u32>, String)> = violations
        .iter()
        .map(|v| (v.field(), v.code(), v.message_for("zh-CN").into_owned()))
        .collect();
    read.sort();
    assert_eq!(
        read,
        [
            ("handle", Some(1203), "只能是字母和数字".to_owned()),
            ("name", Some(1201), "至少 3 个字符".to_owned()),
            ("note", None, "must not be blank".to_owned()),
            ("ratio", Some(1202), "不得大于 1.5".to_owned()),
        ]
    );
    let name = violations.iter().find(|v| v.field() == "name").unwrap();
    assert_eq!(name.params()["min"], json!(3));
    assert_eq!(name.message(), "must have at least 3 characters");

    // A rule that names no code of `F` is as `From<&garde::Report>` gives
    // it: the report's text, with the rule as reason and its params.
    #[derive(Debug, ErrorCode)]
    #[allow(dead_code)]
    enum Unrelated {
        /// something else
        #[code(1299, status = 400)]
        Other,
    }
    let plain = error_code::Violations::from(&report);
    let unmatched = error_code::Violations::from_report::<Unrelated>(&report);
    let body = |v: &error_code::Violations| {
        let mut all: Vec<serde_json::Value> = v
            .iter()
            .map(|v| {
                json!({
                    "field": v.field(),
                    "message": v.message(),
                    "reason": v.reason(),
                    "params": v.params(),
                })
            })
            .collect();
        all.sort_by_key(ToString::to_string);
        all
    };
    assert_eq!(body(&unmatched), body(&plain));
    let name = unmatched.iter().find(|v| v.field() == "name").unwrap();
    assert_eq!(name.reason().as_deref(), Some("length"));
    assert_eq!(name.params()["min"], json!(3));
}

/// An answer says every language its body is in: the message's, and its
/// field violations' where they are in another (`Content-Language: zh,
/// de`), and varies by `Accept-Language` where only the violations have
/// translations.
#[test]
fn content_language_names_the_violations_languages_too() {
    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "en")]
    enum Field {
        /// too long
        #[code(1201, status = 400, message(de = "zu lang"))]
        TooLong,
    }
    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "zh")]
    enum Api {
        /// 参数不合法
        #[code(1001, status = 400)]
        Invalid {
            #[violations]
            fields: Violations,
        },
    }
    let error = Api::Invalid {
        fields: Violations::from(vec![Violation::of("name", &Field::TooLong)]),
    };
    let german = Reply::new(&error).accept_language("de");
    assert_eq!(german.language(), Some("zh"));
    assert_eq!(german.content_language().as_deref(), Some("zh, de"));
    assert_eq!(german.vary(), Some("Accept-Language"));
    let response = german.to_response();
    assert_eq!(response.headers()["content-language"], "zh, de");
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["errors"][0]["message"], "zu lang");
    // Without a language asked: each text's own.
    let plain = Reply::new(&error);
    assert_eq!(plain.content_language().as_deref(), Some("zh, en"));
}
