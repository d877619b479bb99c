//! Messages with parameters: the template in the catalog, the rendered
//! message and the params on every wire, and back on the client.

use error_code::{ErrorCode, RemoteError, Reply};
use serde_json::json;
use tonic_types::StatusExt as _;

/// Errors of the pods API.
#[derive(Debug, thiserror::Error, ErrorCode)]
#[error_code(lang = "en")]
pub enum PodError {
    /// Pod {name} not found in namespace {namespace}
    #[error("pod {namespace}/{name} not found")]
    #[code(
        2001,
        status = 404,
        message(zh = "命名空间 {namespace} 中找不到 Pod {name}")
    )]
    NotFound { namespace: String, name: String },
    /// Replicas must be at most {1}, not {0}
    #[error("too many replicas: {0}")]
    #[code(2002, status = 422)]
    TooMany(u32, #[param] u32),
    /// Quota exceeded
    #[error("quota exceeded for {tenant}")]
    #[code(2003, status = 429)]
    Quota {
        #[param]
        tenant: String,
        internal: String,
    },
    /// Literal {{braces}} stay
    #[error("braces")]
    #[code(2004, status = 400)]
    Braces,
    /// The database failed
    #[error("db {0}")]
    #[code(2005, status = 500)]
    Database(String),
}

/// An error whose one message is written once.
#[derive(Debug, ErrorCode)]
#[error_code(display)]
enum Written {
    /// Volume {volume} is full ({used} of {size} GiB)
    #[code(3001, status = 507)]
    Full {
        volume: String,
        used: u64,
        size: u64,
    },
    /// Unknown
    #[code(3002, status = 500)]
    Unknown,
}

/// An error whose message comes from thiserror, with placeholders.
#[derive(Debug, thiserror::Error, ErrorCode)]
enum Plain {
    #[error("key {0} not found")]
    #[code(4004, status = 404)]
    Missing(String),
    #[error("store {0} failed")]
    #[code(4005, status = 500)]
    Failed(String),
}

fn not_found() -> PodError {
    PodError::NotFound {
        namespace: "default".into(),
        name: "web".into(),
    }
}

fn body(reply: &Reply<'_>) -> serde_json::Value {
    serde_json::from_str(&reply.to_json()).unwrap()
}

#[test]
fn the_catalog_keeps_the_template() {
    let info = PodError::CATALOG.get(2001).unwrap();
    assert_eq!(
        info.message(),
        "Pod {name} not found in namespace {namespace}"
    );
    assert_eq!(info.params(), ["namespace", "name"]);
    assert_eq!(
        PodError::CATALOG.get(2003).unwrap().params(),
        ["tenant"],
        "a #[param] field is a param; other fields are not"
    );
    assert!(PodError::CATALOG.get(2004).unwrap().params().is_empty());
}

#[test]
fn the_body_carries_the_rendered_message_and_the_params() {
    let e = not_found();
    assert_eq!(
        Reply::new(&e).message(),
        "Pod web not found in namespace default"
    );
    let value = body(&Reply::new(&e));
    assert_eq!(value["message"], "Pod web not found in namespace default");
    assert_eq!(
        value["params"],
        json!({"namespace": "default", "name": "web"})
    );
    let zh = body(&Reply::new(&e).accept_language("zh-CN,zh;q=0.9,en;q=0.8"));
    assert_eq!(zh["message"], "命名空间 default 中找不到 Pod web");
    // The body written through `Serialize` is the same.
    assert_eq!(serde_json::to_value(Reply::new(&e)).unwrap(), value);
}

#[test]
fn params_keep_their_serde_form_and_only_params_are_sent() {
    let value = body(&Reply::new(&PodError::TooMany(12, 10)));
    assert_eq!(value["message"], "Replicas must be at most 10, not 12");
    assert_eq!(value["params"], json!({"0": 12, "1": 10}));
    let quota = PodError::Quota {
        tenant: "acme".into(),
        internal: "shard-7".into(),
    };
    let text = Reply::new(&quota).to_json();
    assert!(!text.contains("shard-7"), "{text}");
    assert_eq!(
        body(&Reply::new(&quota))["params"],
        json!({"tenant": "acme"})
    );
}

#[test]
fn braces_and_no_params() {
    let value = body(&Reply::new(&PodError::Braces));
    assert_eq!(value["message"], "Literal {braces} stay");
    assert!(value.get("params").is_none());
}

#[test]
fn problem_json_carries_the_params() {
    let e = not_found();
    let value = body(&Reply::new(&e).problem("https://errors.example.com/"));
    assert_eq!(value["title"], "Pod web not found in namespace default");
    assert_eq!(value["type"], "https://errors.example.com/2001");
    // A base without its last slash makes the same link.
    let value = body(&Reply::new(&e).problem("https://errors.example.com"));
    assert_eq!(value["type"], "https://errors.example.com/2001");
    assert_eq!(
        value["params"],
        json!({"namespace": "default", "name": "web"})
    );
}

#[test]
fn a_detail_that_only_repeats_the_rendered_message_is_not_sent() {
    // thiserror's text says the same as the message, in other words: sent.
    let value = body(&Reply::new(&not_found()));
    assert_eq!(value["error"], "pod default/web not found");
    // The derived `Display` is the rendered message: nothing more to send.
    let full = Written::Full {
        volume: "data".into(),
        used: 10,
        size: 10,
    };
    let value = body(&Reply::new(&full).expose_server_details(true));
    assert_eq!(value["message"], "Volume data is full (10 of 10 GiB)");
    assert!(value.get("error").is_none(), "{value}");
}

#[test]
fn display_is_derived_from_the_message() {
    let full = Written::Full {
        volume: "data".into(),
        used: 9,
        size: 10,
    };
    assert_eq!(full.to_string(), "Volume data is full (9 of 10 GiB)");
    assert_eq!(Written::Unknown.to_string(), "Unknown");
    assert_eq!(full.rendered_message(), "Volume data is full (9 of 10 GiB)");
}

#[test]
fn thiserror_text_with_placeholders_is_the_message_of_a_4xx() {
    let missing = Plain::Missing("k1".into());
    assert_eq!(missing.message(), "key {0} not found");
    assert_eq!(body(&Reply::new(&missing))["params"], json!({"0": "k1"}));
    // A 5xx's fields are internal: its thiserror text is not the message.
    let failed = Plain::Failed("10.0.0.7".into());
    assert_eq!(failed.message(), "Failed");
    let text = Reply::new(&failed).to_json();
    assert!(!text.contains("10.0.0.7"), "{text}");
}

#[test]
fn a_5xx_message_names_its_params_by_the_designer_s_choice() {
    let value = body(&Reply::new(&PodError::Database("x".into())));
    assert_eq!(value["message"], "The database failed");
    assert!(value.get("params").is_none());
    assert!(value.get("error").is_none());
}

#[test]
fn the_client_reads_the_params_back() {
    let e = not_found();
    let remote = RemoteError::from_slice(Reply::new(&e).to_json().as_bytes()).unwrap();
    assert_eq!(remote.message, "Pod web not found in namespace default");
    assert_eq!(remote.param("name"), Some(&json!("web")));
    assert_eq!(remote.param("namespace"), Some(&json!("default")));
    assert_eq!(remote.param("nope"), None);
    let remote =
        RemoteError::from_slice(Reply::new(&PodError::TooMany(12, 10)).to_json().as_bytes())
            .unwrap();
    assert_eq!(remote.param("1"), Some(&json!(10)));
}

/// Variants whose every field is a param, rebuilt by clients.
#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(from_params, display)]
pub enum Rebuilt {
    /// Pod {name} not found in {namespace}
    #[code(2101, status = 404)]
    NotFound { namespace: String, name: String },
    /// Replicas {0} over {1}
    #[code(2102, status = 422)]
    TooMany(u32, u32),
    /// Quota of {tenant}
    #[code(2103, status = 429)]
    Quota { tenant: String, internal: u8 },
    /// Gone
    #[code(2104, status = 410)]
    Gone,
}

#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(from_params)]
pub enum ComposedRebuilt {
    #[code(transparent)]
    Part(Rebuilt),
}

/// A layer between that does not opt in itself.
#[derive(Debug, PartialEq, ErrorCode)]
pub enum Middle {
    #[code(transparent)]
    Part(Box<Rebuilt>),
}

#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(from_params)]
pub enum Outer {
    #[code(transparent)]
    Middle(Middle),
}

#[test]
fn a_client_rebuilds_variants_whose_fields_are_all_params() {
    let round_trip = |e: &Rebuilt| {
        RemoteError::from_slice(Reply::new(e).to_json().as_bytes())
            .unwrap()
            .typed::<Rebuilt>()
    };
    let e = Rebuilt::NotFound {
        namespace: "default".into(),
        name: "web".into(),
    };
    assert_eq!(round_trip(&e), Ok(e));
    assert_eq!(
        round_trip(&Rebuilt::TooMany(12, 10)),
        Ok(Rebuilt::TooMany(12, 10))
    );
    assert_eq!(round_trip(&Rebuilt::Gone), Ok(Rebuilt::Gone));
    // A field that is no param cannot be read back: the answer stays remote.
    let quota = Rebuilt::Quota {
        tenant: "acme".into(),
        internal: 7,
    };
    assert_eq!(round_trip(&quota).map_err(|r| r.code), Err(2103));
    // Through composition.
    let remote =
        RemoteError::from_slice(Reply::new(&Rebuilt::TooMany(3, 2)).to_json().as_bytes()).unwrap();
    assert_eq!(
        remote.clone().typed::<ComposedRebuilt>(),
        Ok(ComposedRebuilt::Part(Rebuilt::TooMany(3, 2)))
    );
    // Through a layer that does not opt in: the part that does decides.
    assert_eq!(
        remote.typed::<Outer>(),
        Ok(Outer::Middle(Middle::Part(Box::new(Rebuilt::TooMany(
            3, 2
        )))))
    );
}

#[test]
fn a_grpc_client_rebuilds_them_from_the_metadata_text() {
    let e = Rebuilt::TooMany(12, 10);
    let status = error_code::grpc::GrpcReply::new(&e).into_status();
    // A metadata key starts with a letter (google.rpc.ErrorInfo).
    let metadata = status
        .get_error_details()
        .error_info()
        .unwrap()
        .metadata
        .clone();
    assert_eq!(
        (metadata.get("param-0"), metadata.get("param-1")),
        (Some(&"12".to_owned()), Some(&"10".to_owned()))
    );
    assert!(
        metadata
            .keys()
            .all(|k| k.starts_with(|c: char| c.is_ascii_lowercase()))
    );
    let remote = RemoteError::from_status(&status).unwrap();
    // The metadata holds text; the client reads the number the body has.
    assert_eq!(remote.param("0"), Some(&json!(12)));
    assert_eq!(remote.typed::<Rebuilt>(), Ok(Rebuilt::TooMany(12, 10)));
}

/// A snake_case param travels as lowerCamelCase gRPC metadata.
#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(from_params)]
pub enum Snake {
    /// Pod {pod_name} not found ({replica_count} replicas)
    #[code(2201, status = 404)]
    NotFound {
        pod_name: String,
        replica_count: u32,
    },
}

#[test]
fn snake_case_params_come_back_from_grpc_metadata() {
    let e = Snake::NotFound {
        pod_name: "web".into(),
        replica_count: 3,
    };
    let status = error_code::grpc::GrpcReply::new(&e).into_status();
    let remote = RemoteError::from_status(&status).unwrap();
    assert_eq!(remote.param("pod_name"), Some(&json!("web")));
    assert_eq!(remote.param("replicaCount"), Some(&json!(3)));
    assert_eq!(remote.typed::<Snake>(), Ok(e));
}

#[test]
fn the_json_export_agrees_with_the_typescript_one() {
    let json: serde_json::Value =
        serde_json::from_str(&error_code::CatalogExport::of::<PodError>().to_json()).unwrap();
    let entry = &json["codes"][0];
    assert_eq!(entry["code"], 2001);
    assert_eq!(entry["params"], json!(["namespace", "name"]));
    assert_eq!(entry["lang"], "en");
    assert_eq!(json["codes"][2]["retry_after"], serde_json::Value::Null);
}

/// A generic enum's params come back through `from_params` under the
/// `bound` it gives, which the impls that read a value back carry.
#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(from_params, bound = "T: serde::de::DeserializeOwned")]
enum Generic<T> {
    /// value {value}
    #[code(1601, status = 400)]
    Bad { value: T },
    /// none
    #[code(1602, status = 400)]
    Plain,
}

#[test]
fn a_generic_enum_is_rebuilt_from_its_params() {
    let bad = Generic::Bad { value: 7_u8 };
    let remote = RemoteError::from_slice(Reply::new(&bad).to_json().as_bytes()).unwrap();
    assert_eq!(remote.typed::<Generic<u8>>(), Ok(bad));
    let plain = RemoteError::from_slice(Reply::new(&Generic::<u8>::Plain).to_json().as_bytes());
    assert_eq!(plain.unwrap().typed::<Generic<u8>>(), Ok(Generic::Plain));
}

/// 128-bit integers come back whole from a JSON body, as from gRPC.
#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(from_params)]
enum Wide {
    /// {n} {i}
    #[code(1501, status = 400)]
    Big { n: u128, i: i128 },
    /// {list} {small} {name}
    #[code(1502, status = 400)]
    Listed {
        list: Vec<u128>,
        small: Vec<u64>,
        name: String,
    },
}

#[test]
fn wide_integers_are_rebuilt_from_a_json_body() {
    let big = Wide::Big {
        n: u128::MAX,
        i: i128::MIN,
    };
    let remote = RemoteError::from_slice(Reply::new(&big).to_json().as_bytes()).unwrap();
    assert_eq!(remote.typed::<Wide>(), Ok(big));
    // In a list too; a list of smaller numbers, and a string of digits,
    // stay as they are.
    let listed = Wide::Listed {
        list: vec![u128::MAX, 1],
        small: vec![u64::MAX, 2],
        name: "340282366920938463463374607431768211455".to_owned(),
    };
    let remote = RemoteError::from_slice(Reply::new(&listed).to_json().as_bytes()).unwrap();
    assert_eq!(
        remote.param("list"),
        Some(&json!("[340282366920938463463374607431768211455,1]"))
    );
    assert_eq!(remote.param("small"), Some(&json!([u64::MAX, 2])));
    assert_eq!(
        remote.param("name"),
        Some(&json!("340282366920938463463374607431768211455"))
    );
    assert_eq!(remote.typed::<Wide>(), Ok(listed));
    // A name given twice is its last value, as JSON's readers keep it, in
    // the body's params and a violation's alike.
    for (first, last) in [
        ("123456789012345678901234567890", r#""x""#),
        ("1", "123456789012345678901234567890"),
    ] {
        let body = format!(
            r#"{{"code":1501,"message":"m","params":{{"n":{first},"n":{last},"f":0.5}},"errors":[{{"field":"a","message":"m","params":{{"n":{first},"n":{last},"f":0.5}}}}]}}"#
        );
        let remote = RemoteError::from_slice(body.as_bytes()).unwrap();
        let want = if last.starts_with('"') {
            json!("x")
        } else {
            json!(last)
        };
        assert_eq!(remote.param("n"), Some(&want), "{body}");
        let violation = remote.violations().iter().next().unwrap();
        assert_eq!(violation.params()["n"], want, "{body}");
        assert_eq!(violation.params()["f"], 0.5, "{body}");
    }
}

/// A select written in a doc comment reads as Fluent reads one: the
/// spaces around a variant's text are not part of it.
#[test]
fn a_select_in_a_doc_comment_keeps_no_spaces_around_its_variants() {
    #[derive(Debug, error_code::ErrorCode)]
    #[error_code(lang = "en")]
    enum Deleted {
        /// {count -> [one] one pod deleted *[other] {count} pods deleted}
        #[code(4201, status = 409)]
        Pods { count: u32 },
    }
    for (count, message) in [
        (1, "one pod deleted"),
        (0, "0 pods deleted"),
        (7, "7 pods deleted"),
    ] {
        let e = Deleted::Pods { count };
        assert_eq!(error_code::Reply::new(&e).message(), message);
    }
}
