//! The OpenAPI document utoipa generates for handlers that list derived
//! errors: responses and examples checked code by code, and the whole
//! document checked by a real validator.
//!
//! The validator runs when `OPENAPI_VALIDATOR` names the
//! `openapi-spec-validator` executable (`.ci/run` installs it); under CI
//! (`CI` set) a missing validator is a failure, not a skip.

use error_code::{ErrorCatalog, ErrorCategory, ErrorCode, FromCode, Reply};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use utoipa::OpenApi;

/// The test API's code space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCategory)]
#[category(reserved = 6000..=8999)]
pub enum Category {
    /// 基础错误类型
    #[category(1000..=1999)]
    Base,
    /// Pod 相关错误
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, thiserror::Error, ErrorCode)]
#[error_code(category = Category::Pod)]
pub enum PodError {
    /// 获取 Pod 失败
    #[error("pod {0} not found")]
    #[code(2001, status = 404, message(en = "Failed to get the pod"))]
    GetPodError(String),
    /// 获取 Pod 事件失败
    #[error("event store unreachable")]
    #[code(2002, status = 500)]
    GetPodEventError,
    /// Pod 已存在
    #[error("pod exists")]
    #[code(2003, status = 409, message(en = "The pod exists", "zh-Hant" = "Pod 已存在"))]
    PodExists,
    /// 获取 Pod 日志失败
    #[error("logs")]
    #[code(2004, status = 404, deprecated = "use 2001")]
    GetPodLogs,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Base)]
pub enum BaseError {
    /// 参数不合法
    #[code(1001, status = 400)]
    ParamInvalidError,
    /// 未登录
    #[code(1002, status = 401)]
    Unauthorized,
    #[code(
        1003,
        status = 500,
        message = "内部错误: \"quoted\" \\ and a tab\there"
    )]
    Internal { cause: String },
    /// 服务繁忙
    #[code(
        1005,
        status = 503,
        retry_after = 30,
        message(en = "Busy {{try later}}")
    )]
    Busy,
}

/// The API's error: both category enums composed.
#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Base(BaseError),
    #[code(transparent)]
    Pod(PodError),
}

#[utoipa::path(
    get,
    path = "/pods/{name}",
    params(("name" = String, Path, description = "The pod's name")),
    responses((status = 200, description = "ok"), PodError)
)]
#[allow(dead_code)]
fn get_pod() {}

#[utoipa::path(
    post,
    path = "/pods",
    responses((status = 201, description = "created"), ApiError)
)]
#[allow(dead_code)]
fn create_pod() {}

#[utoipa::path(
    get,
    path = "/mixed",
    responses((status = 200, description = "ok"), Mixed)
)]
#[allow(dead_code)]
fn mixed() {}

/// The document the validator reads, with params of every JSON type.
#[derive(OpenApi)]
#[openapi(paths(mixed))]
struct MixedDoc;

#[derive(OpenApi)]
#[openapi(paths(get_pod, create_pod))]
struct ApiDoc;

fn document() -> Value {
    serde_json::to_value(ApiDoc::openapi()).expect("the document serializes")
}

/// One value of every code of `ApiError`, the fieldless ones looked up.
fn every_error() -> Vec<ApiError> {
    let mut errors: Vec<ApiError> = ApiError::CATALOG
        .iter()
        .filter_map(|info| <ApiError as FromCode>::from_code(info.code()))
        .collect();
    errors.push(ApiError::Pod(PodError::GetPodError("web".into())));
    errors.push(ApiError::Base(BaseError::Internal {
        cause: "db down".into(),
    }));
    errors.sort_by_key(ErrorCode::code);
    let codes: Vec<u32> = errors.iter().map(ErrorCode::code).collect();
    let catalog: Vec<u32> = ApiError::CATALOG.iter().map(|i| i.code()).collect();
    assert_eq!(codes, catalog, "the test has one value per code");
    errors
}

/// The body the server sends for `error`, without its detail.
fn body_without_detail(error: &dyn ErrorCode) -> Value {
    let mut body: Value = serde_json::from_str(&Reply::new(error).to_json()).unwrap();
    body.as_object_mut().unwrap().remove("error");
    body
}

fn responses<'d>(doc: &'d Value, path: &str, method: &str) -> &'d serde_json::Map<String, Value> {
    doc["paths"][path][method]["responses"]
        .as_object()
        .unwrap_or_else(|| panic!("{method} {path} has responses"))
}

/// The codes documented under each error status of an operation.
fn codes_by_status(responses: &serde_json::Map<String, Value>) -> BTreeMap<u16, Vec<u64>> {
    responses
        .iter()
        .filter(|(status, _)| !status.starts_with('2'))
        .map(|(status, response)| {
            let codes =
                response["content"]["application/json"]["schema"]["properties"]["code"]["enum"]
                    .as_array()
                    .unwrap_or_else(|| panic!("response {status} lists its codes"))
                    .iter()
                    .map(|c| c.as_u64().unwrap())
                    .collect();
            (status.parse().unwrap(), codes)
        })
        .collect()
}

fn expected_by_status<E: ErrorCatalog>() -> BTreeMap<u16, Vec<u64>> {
    let mut expected: BTreeMap<u16, Vec<u64>> = BTreeMap::new();
    for info in E::CATALOG {
        expected
            .entry(info.status().as_u16())
            .or_default()
            .push(u64::from(info.code()));
    }
    expected
}

#[test]
fn the_document_is_openapi_3_1() {
    assert_eq!(document()["openapi"], "3.1.0");
}

#[test]
fn every_code_sits_under_its_status_with_its_exact_body_as_example() {
    let doc = document();
    let responses = responses(&doc, "/pods", "post");
    assert_eq!(responses["201"]["description"], "created");
    for error in every_error() {
        let status = error.status().as_u16().to_string();
        let response = responses
            .get(&status)
            .unwrap_or_else(|| panic!("response {status} for code {}", error.code()));
        let content = &response["content"]["application/json"];
        let codes = content["schema"]["properties"]["code"]["enum"]
            .as_array()
            .unwrap();
        assert!(
            codes.contains(&json!(error.code())),
            "code {} in the enum of {status}",
            error.code()
        );
        let description = response["description"].as_str().unwrap();
        assert!(
            description.contains(&format!("{} {}", error.code(), error.name())),
            "{description}"
        );
        let example = &content["examples"][error.name()];
        assert_eq!(
            example["value"],
            body_without_detail(&error),
            "example of {}",
            error.code()
        );
        assert!(example["value"].get("error").is_none());
        assert_eq!(example["summary"], error.message());
    }
}

#[test]
fn examples_are_the_bytes_reply_sends() {
    let doc = document();
    let responses = responses(&doc, "/pods", "post");
    // A value without a detail: the example is the body, byte for byte.
    let example =
        &responses["401"]["content"]["application/json"]["examples"]["Unauthorized"]["value"];
    let sent = Reply::new(&BaseError::Unauthorized).to_json();
    assert_eq!(example.to_string(), sent);
    assert_eq!(sent, r#"{"code":1002,"message":"未登录"}"#);
    // A value with a detail: the example is its body without the detail.
    let example =
        &responses["409"]["content"]["application/json"]["examples"]["PodExists"]["value"];
    assert_eq!(example, &json!({"code": 2003, "message": "Pod 已存在"}));
    // A message that needs escaping survives the round trip.
    let internal =
        &responses["500"]["content"]["application/json"]["examples"]["Internal"]["value"];
    assert_eq!(
        internal["message"],
        "内部错误: \"quoted\" \\ and a tab\there"
    );
}

#[test]
fn descriptions_give_the_reason_phrase_and_the_codes() {
    let doc = document();
    let responses = responses(&doc, "/pods", "post");
    assert_eq!(
        responses["404"]["description"],
        "Not Found: 2001 GetPodError, 2004 GetPodLogs"
    );
    assert_eq!(
        responses["500"]["description"],
        "Internal Server Error: 1003 Internal, 2002 GetPodEventError"
    );
}

#[test]
fn a_handler_documents_only_the_codes_of_its_error_type() {
    let doc = document();
    let pod = codes_by_status(responses(&doc, "/pods/{name}", "get"));
    assert_eq!(pod, expected_by_status::<PodError>());
    assert_eq!(
        pod.keys().copied().collect::<Vec<_>>(),
        [404, 409, 500],
        "no status of BaseError leaks in"
    );
    let api = codes_by_status(responses(&doc, "/pods", "post"));
    assert_eq!(api, expected_by_status::<ApiError>());
    let all: BTreeSet<u64> = api.values().flatten().copied().collect();
    assert_eq!(all.len(), ApiError::CATALOG.len());
}

#[test]
fn the_schema_is_inline_and_nothing_is_referenced() {
    let doc = document();
    let text = doc.to_string();
    assert!(!text.contains("$ref"), "no $ref: {text}");
    let schema =
        &responses(&doc, "/pods/{name}", "get")["404"]["content"]["application/json"]["schema"];
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["required"], json!(["code", "message"]));
    for (field, kind) in [
        ("code", "integer"),
        ("message", "string"),
        ("error", "string"),
        ("request_id", "string"),
    ] {
        assert_eq!(schema["properties"][field]["type"], kind, "{field}");
    }
}

#[test]
fn deprecated_codes_and_other_languages_are_marked() {
    let doc = document();
    let not_found = &responses(&doc, "/pods/{name}", "get")["404"];
    assert_eq!(
        not_found["content"]["application/json"]["examples"]["GetPodLogs"]["description"],
        "Deprecated: use 2001"
    );
    assert_eq!(
        not_found["x-messages"],
        json!({"2001": {"en": "Failed to get the pod"}})
    );
    let conflict = &responses(&doc, "/pods/{name}", "get")["409"];
    assert_eq!(
        conflict["x-messages"]["2003"],
        json!({"en": "The pod exists", "zh-Hant": "Pod 已存在"})
    );
    assert!(
        responses(&doc, "/pods/{name}", "get")["500"]
            .get("x-messages")
            .is_none()
    );
}

#[test]
fn problem_responses_document_problem_bodies() {
    let responses =
        error_code::openapi::problem_responses::<ApiError>("https://errors.example.com/");
    let doc = serde_json::to_value(&responses).unwrap();
    let content = &doc["400"]["content"]["application/problem+json"];
    let sent: Value = serde_json::from_str(
        &Reply::new(&BaseError::ParamInvalidError)
            .problem("https://errors.example.com/")
            .to_json(),
    )
    .unwrap();
    assert_eq!(content["examples"]["ParamInvalidError"]["value"], sent);
    assert_eq!(
        content["schema"]["required"],
        json!(["type", "title", "status", "code"])
    );
    assert_eq!(
        content["schema"]["properties"]["status"]["enum"],
        json!([400])
    );
}

// The validator.

/// The validator named by `OPENAPI_VALIDATOR`; `None` (skip) outside CI,
/// a failure under CI.
fn validator() -> Option<PathBuf> {
    match std::env::var_os("OPENAPI_VALIDATOR") {
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(
                path.is_file(),
                "OPENAPI_VALIDATOR={} is not a file",
                path.display()
            );
            Some(path)
        }
        None if std::env::var_os("CI").is_some() => panic!(
            "CI is set but OPENAPI_VALIDATOR is not: install openapi-spec-validator \
             (python3 -m venv target/venv && target/venv/bin/pip install openapi-spec-validator) \
             and set OPENAPI_VALIDATOR=target/venv/bin/openapi-spec-validator"
        ),
        None => {
            eprintln!("OPENAPI_VALIDATOR is not set: the documents are not validated");
            None
        }
    }
}

/// Runs the validator on `file` as OpenAPI 3.1: whether it passed, and what
/// it said.
fn validate(validator: &Path, file: &Path) -> (bool, String) {
    let output = std::process::Command::new(validator)
        .args(["--schema", "3.1"])
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", validator.display()));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), said)
}

fn write(name: &str, doc: &Value) -> PathBuf {
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&file, serde_json::to_string_pretty(doc).unwrap()).unwrap();
    file
}

#[test]
fn codes_that_can_retry_document_the_retry_after_header() {
    let doc = document();
    let created = responses(&doc, "/pods", "post");
    let header = &created["503"]["headers"]["Retry-After"];
    assert_eq!(header["schema"]["type"], "integer", "{header}");
    assert_eq!(
        header["description"],
        "Seconds to wait before retrying, sent by 1005."
    );
    // The other languages' messages read as sent.
    assert_eq!(
        created["503"]["x-messages"]["1005"]["en"],
        "Busy {try later}"
    );
    for (status, response) in created {
        if status != "503" {
            assert_eq!(response.get("headers"), None, "{status}");
        }
    }
}

#[test]
fn the_validator_accepts_the_document() {
    let Some(validator) = validator() else { return };
    let file = write("test_suite.openapi.json", &document());
    let (ok, said) = validate(&validator, &file);
    assert!(ok, "{} is invalid OpenAPI 3.1:\n{said}", file.display());
    let mixed = serde_json::to_value(MixedDoc::openapi()).unwrap();
    let file = write("test_suite.mixed.openapi.json", &mixed);
    let (ok, said) = validate(&validator, &file);
    assert!(ok, "{} is invalid OpenAPI 3.1:\n{said}", file.display());
}

#[test]
fn the_validator_accepts_the_example_servers_golden_document() {
    let Some(validator) = validator() else { return };
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/openapi.json");
    assert!(golden.is_file(), "{} is committed", golden.display());
    let (ok, said) = validate(&validator, &golden);
    assert!(ok, "{} is invalid OpenAPI 3.1:\n{said}", golden.display());
}

#[test]
fn the_validator_rejects_a_broken_document() {
    // Proves the validator is wired in: a response without its required
    // description is invalid.
    let Some(validator) = validator() else { return };
    let mut doc = document();
    let response = &mut doc["paths"]["/pods/{name}"]["get"]["responses"]["404"];
    response.as_object_mut().unwrap().remove("description");
    let file = write("broken.openapi.json", &doc);
    let (ok, said) = validate(&validator, &file);
    assert!(!ok, "the validator accepted a broken document:\n{said}");
}

/// Two types answering 404 each, listed side by side (utoipa keeps the
/// last one's 404) and in one `Errors` (merged).
#[utoipa::path(get, path = "/side-by-side", responses((status = 200, description = "ok"), PodError, BaseError2))]
#[allow(dead_code)]
fn side_by_side() {}

#[utoipa::path(get, path = "/merged", responses((status = 200, description = "ok"), error_code::openapi::Errors<(PodError, BaseError2)>))]
#[allow(dead_code)]
fn merged() {}

#[utoipa::path(get, path = "/only", responses((status = 200, description = "ok"), error_code::openapi::Only<PodError, 2001, 2003>))]
#[allow(dead_code)]
fn only() {}

/// A second type with a 404 of its own.
#[derive(Debug, ErrorCode)]
pub enum BaseError2 {
    /// 记录不存在
    #[code(1004, status = 404)]
    RecordNotExistError,
}

/// Some codes of one type beside every code of another.
#[utoipa::path(get, path = "/only-and-all", responses((status = 200, description = "ok"), error_code::openapi::Errors<(error_code::openapi::Only<PodError, 2003>, BaseError2)>))]
#[allow(dead_code)]
fn only_and_all() {}

#[derive(OpenApi)]
#[openapi(paths(side_by_side, merged, only, only_and_all))]
struct MergedDoc;

#[test]
fn errors_merges_the_types_per_status_where_side_by_side_drops_one() {
    let doc = serde_json::to_value(MergedDoc::openapi()).unwrap();
    let lost = codes_by_status(responses(&doc, "/side-by-side", "get"));
    assert_eq!(
        lost[&404],
        [1004],
        "utoipa's own behaviour, which Errors avoids"
    );
    let merged = codes_by_status(responses(&doc, "/merged", "get"));
    assert_eq!(merged[&404], [1004, 2001, 2004]);
    assert_eq!(merged[&409], [2003]);
    let only = codes_by_status(responses(&doc, "/only", "get"));
    assert_eq!(
        only.into_iter().collect::<Vec<_>>(),
        [(404, vec![2001]), (409, vec![2003])]
    );
    // An `Only` composes in `Errors`: its codes, and all of the other's.
    let only_and_all = codes_by_status(responses(&doc, "/only-and-all", "get"));
    assert_eq!(
        only_and_all.into_iter().collect::<Vec<_>>(),
        [(404, vec![1004]), (409, vec![2003])]
    );
    if let Some(validator) = validator() {
        let file = write("merged.openapi.json", &doc);
        let (ok, said) = validate(&validator, &file);
        assert!(ok, "{} is invalid OpenAPI 3.1:\n{said}", file.display());
    }
}

#[derive(Debug, serde::Serialize)]
#[allow(dead_code)]
enum Tier {
    Free,
}

impl std::fmt::Display for Tier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("free")
    }
}

/// Params of one name but different types under one status, and a param
/// whose JSON type the catalog cannot tell.
#[derive(Debug, ErrorCode)]
#[allow(dead_code)]
enum Mixed {
    /// Pod {id} not found
    #[code(2101, status = 404)]
    Pod { id: String },
    /// Node {id} not found
    #[code(2102, status = 404)]
    Node { id: u64 },
    /// Tier {tier} has no {count} pods
    #[code(2103, status = 404)]
    Tier { tier: Tier, count: u32 },
    /// Pods {names} on {node}
    #[code(2104, status = 409)]
    Listed {
        names: Vec<String>,
        node: Option<String>,
    },
    /// Try later
    #[code(2105, status = 429)]
    Later {
        #[retry_after]
        wait: std::time::Duration,
    },
    /// Ratio {ratio} too high
    #[code(2106, status = 422)]
    Ratio { ratio: f64 },
}

/// The schema gives a param a type only where every code says the same
/// one; otherwise any value, so that every body (and example) validates.
#[test]
fn params_schema_types_only_what_every_code_agrees_on() {
    let responses = serde_json::to_value(error_code::openapi::responses::<Mixed>()).unwrap();
    let params = &responses["404"]["content"]["application/json"]["schema"]["properties"]["params"]
        ["properties"];
    assert_eq!(params["count"]["type"], "integer", "{params}");
    for unknown in ["id", "tier"] {
        assert_eq!(params[unknown].get("type"), None, "{unknown}: {params}");
    }
    // Lists and values that may be null, as the snapshot records them,
    // and an example of that type: the server sends `[…]`, not a text.
    let conflict = &responses["409"]["content"]["application/json"];
    let params = &conflict["schema"]["properties"]["params"]["properties"];
    assert_eq!(params["names"]["type"], "array", "{params}");
    assert_eq!(
        params["node"]["type"],
        json!(["string", "null"]),
        "{params}"
    );
    let example = conflict["examples"]
        .as_object()
        .and_then(|examples| examples.values().next())
        .map(|example| &example["value"]["params"])
        .expect("an example");
    assert!(example["names"].is_array(), "{example}");
    assert!(example["node"].is_string(), "{example}");
    let error = Mixed::Listed {
        names: vec!["web".into()],
        node: None,
    };
    let sent: Value = serde_json::from_str(&Reply::new(&error).to_json()).unwrap();
    assert!(sent["params"]["names"].is_array(), "{sent}");
    // A delay each answer gives: the header, and an example that has one.
    let later = &responses["429"];
    assert!(later["headers"]["Retry-After"].is_object(), "{later}");
    let example = later["content"]["application/json"]["examples"]
        .as_object()
        .and_then(|examples| examples.values().next())
        .map(|example| &example["value"])
        .expect("an example");
    assert!(example["retry_after"].is_u64(), "{example}");
    // A float that is not finite is sent as `null`: the schema allows it.
    let ratio = &responses["422"]["content"]["application/json"]["schema"]["properties"]["params"]
        ["properties"]["ratio"];
    assert_eq!(ratio["type"], json!(["number", "null"]), "{ratio}");
    let sent: Value =
        serde_json::from_str(&Reply::new(&Mixed::Ratio { ratio: f64::NAN }).to_json()).unwrap();
    assert!(sent["params"]["ratio"].is_null(), "{sent}");
}

/// A type with a code 0, which an `Only` documents only where it lists it.
#[derive(Debug, ErrorCode)]
#[allow(dead_code)]
pub enum WithZero {
    /// 未知错误
    #[code(0, status = 500)]
    Unknown,
    /// 记录不存在
    #[code(1004, status = 404)]
    NotFound,
}

#[test]
fn only_documents_the_codes_it_lists_and_no_other() {
    use utoipa::IntoResponses as _;
    let statuses = |responses: std::collections::BTreeMap<String, _>| {
        responses.into_keys().collect::<Vec<String>>()
    };
    assert_eq!(
        statuses(error_code::openapi::Only::<WithZero, 1004>::responses()),
        ["404"]
    );
    assert_eq!(
        statuses(error_code::openapi::Only::<WithZero, 1004, 0>::responses()),
        ["404", "500"]
    );
    assert_eq!(
        statuses(error_code::openapi::Errors::<(
            error_code::openapi::Only<WithZero, 1004>,
        )>::responses()),
        ["404"]
    );
}
