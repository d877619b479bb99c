//! The clients in TypeScript, Go and Python against the server, over one
//! set of cases written once: errors with params of every JSON type, in
//! several languages, each answered to several hundred `Accept-Language`
//! values (real browsers' and hostile ones). Each client renders every
//! case's message from its params and from the answer's body as the server
//! rendered it, under the real `tsc` and node, `go vet` / `go test`, and
//! `python3` with `mypy --strict`.
//!
//! `TSC`, `GO` and `MYPY` name the tools (`.ci/run` installs them); with
//! `CI` set, a missing tool fails the test instead of skipping it.

mod tools;

use error_code::{CatalogExport, ErrorCategory, ErrorCode, Reply};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use tools::{run, tool};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999)]
pub enum Category {
    /// 基础错误
    #[category(1000..=1999)]
    Base,
    /// Pod 错误
    #[category(2000..=2999)]
    Pod,
}

/// A param whose serde form is its only text.
#[derive(Debug, Clone, Copy, Serialize)]
pub enum Phase {
    #[serde(rename = "crash-loop")]
    CrashLoop,
}

/// A type of the API's own: its fields in their order, not the alphabet's.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    pub min: u32,
    pub max: u32,
    pub by: Option<String>,
}

/// A float the derive cannot see as one.
pub type Ratio = f64;
/// An integer behind an alias: the derive cannot see it is one, so the
/// keys of a select on it are not checked, and the clients must agree on
/// keys no number takes.
pub type Count = i64;

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Pod, lang = "zh")]
pub enum PodError {
    /// Pod {name} 未找到
    #[code(
        2001,
        status = 404,
        message(
            en = "Pod {name} not found",
            "zh-Hant" = "找不到 Pod {name}",
            "en-x-twain" = "Pod {name} ain't there"
        )
    )]
    NotFound { name: String },
    /// 比例 {ratio}，{{括号}} {total}
    #[code(
        2002,
        status = 400,
        message(
            en = "ratio {ratio} of {total}, flag {flag}, {{braces}}",
            fr = "ratio {ratio}"
        )
    )]
    Ratio { ratio: f32, total: i128, flag: bool },
    /// 缺少 {missing}
    #[code(2003, status = 400, message(de = "Fehlt {missing}"))]
    Missing { missing: Option<u32> },
    /// 列表 {items} 与 {meta}
    #[code(2004, status = 422, message(en = "items {items} and {meta}"))]
    Shapes {
        items: Vec<u8>,
        meta: BTreeMap<String, serde_json::Value>,
    },
    /// 服务不可用
    #[code(2005, status = 503, retry_after = 30, message(en = "Unavailable"))]
    Unavailable,
    /// 元组 {0} {1}
    #[code(2006, status = 409, message(en = "tuple {0} {1}"))]
    Tuple(String, u64),
    /// 阶段 {phase}
    #[code(2007, status = 400, message(en = "phase {phase}"))]
    InPhase { phase: Phase },
    /// 有 {count} 个 Pod
    #[code(
        2010,
        status = 409,
        message(
            en = "{count ->[0]no pods[one]one pod*[other]{count} pods}",
            ru = "{count ->[one]{count} под[few]{count} пода[many]{count} подов*[other]{count} пода}",
            ar = "{count ->[zero]صفر[one]واحد[two]اثنان[few]{count} قليل[many]{count} كثير*[other]{count} آخر}"
        )
    )]
    Counted { count: i64 },
    /// 巨大 {count}
    #[code(
        2018,
        status = 409,
        message(
            en = "{count ->[one]one pod*[other]{count} pods}",
            fr = "{count ->[one]un pod[many]beaucoup de pods ({count})*[other]{count} pods}"
        )
    )]
    Huge { count: u128 },
    /// 奇键 {n}
    #[code(
        2019,
        status = 409,
        message(
            en = "{n ->[0x1p3]hex[1_0]underscore[٥]arabic[１]wide[1e1]exponent[+5]plus[inf]inf[7.0]seven*[other]other {n}}"
        )
    )]
    OddKeys { n: Count },
    /// 状态 {state}
    #[code(
        2011,
        status = 409,
        message(en = "{state ->[running]is running[[!]]*[other]is {state} **}")
    )]
    State { state: String },
    /// 度量 {value}
    #[code(2009, status = 400, message(en = "measure {value}"))]
    Measure { value: f64 },
    /// 份额 {share}
    #[code(
        2017,
        status = 400,
        message(
            en = "{share ->[one]one share*[other]{share} shares}",
            fr = "{share ->[one]une part*[other]{share} parts}"
        )
    )]
    Share { share: Ratio },
    /// 指针 {boxed} {shared}
    #[code(2016, status = 400, message(en = "pointers {boxed} {shared}"))]
    Pointed {
        boxed: Box<f64>,
        shared: Box<Option<f64>>,
    },
    /// 精确 {n}
    #[code(
        2022,
        status = 400,
        message(en = "{n ->[18446744073709551615]max[9007199254740993]past 2^53*[other]{n}}")
    )]
    Exact { n: u64 },
    /// 限额 {limits} {history}
    #[code(2021, status = 400, message(en = "limits {limits} history {history}"))]
    Limited {
        limits: Limits,
        history: Vec<Limits>,
    },
    /// 列表 {sizes} {weights}
    #[code(2020, status = 400, message(en = "sizes {sizes} weights {weights}"))]
    Listed {
        sizes: Vec<f64>,
        weights: BTreeMap<String, Option<f64>>,
    },
    /// 🚀 启动 {name} 𝒳
    #[code(2012, status = 409, message(en = "🚀 launched {name} 𝒳"))]
    Launched { name: String },
    /// {count ->[one]类别一[1]恰好一*[other]其他 {count}}
    #[code(
        2014,
        status = 400,
        message(en = "{count ->[one]category one[1]exactly one*[other]other {count}}")
    )]
    Ordered { count: i64 },
    /// {state ->[1]键一*[other]其他}
    #[code(2015, status = 400, message(en = "{state ->[1]key one*[other]other}"))]
    Keyed { state: String },
    /// 名前 {名前} 値 {値} map {map}
    #[code(2013, status = 400, message(en = "name {名前} value {値} map {map}"))]
    Named {
        名前: String, 値: i32, map: String
    },
    /// 请求不合法
    #[code(2008, status = 400, message(en = "Invalid request"))]
    Invalid {
        #[violations]
        errors: error_code::Violations,
    },
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Base)]
pub enum BaseError {
    /// Not found, and no language said
    #[code(1001, status = 404, message(ja = "見つかりません"))]
    Plain,
}

#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Base(BaseError),
    #[code(transparent)]
    Pod(PodError),
}

/// The errors of the cases, each code with several values.
fn errors() -> Vec<ApiError> {
    let meta = BTreeMap::from([
        ("b".to_owned(), serde_json::json!([1, "x"])),
        ("a".to_owned(), serde_json::json!({"k": null})),
    ]);
    let mut violations = error_code::Violations::new();
    violations.push(error_code::Violation::new("spec.replicas", "too many"));
    let mut out = vec![
        ApiError::Base(BaseError::Plain),
        ApiError::Pod(PodError::NotFound { name: "web".into() }),
        ApiError::Pod(PodError::NotFound {
            name: "a \"quoted\" {name} \\ é 名前 \u{2028} <&>".into(),
        }),
        ApiError::Pod(PodError::Ratio {
            ratio: 0.1,
            total: 42,
            flag: true,
        }),
        ApiError::Pod(PodError::Ratio {
            ratio: -2.5e-8,
            total: i128::MIN,
            flag: false,
        }),
        ApiError::Pod(PodError::Missing { missing: None }),
        ApiError::Pod(PodError::Missing { missing: Some(7) }),
        ApiError::Pod(PodError::Shapes {
            items: vec![1, 2, 3],
            meta,
        }),
        // Exact keys compared digit by digit, beyond a float's integers.
        ApiError::Pod(PodError::Exact { n: u64::MAX }),
        ApiError::Pod(PodError::Exact { n: u64::MAX - 1 }),
        ApiError::Pod(PodError::Exact {
            n: 9_007_199_254_740_993,
        }),
        ApiError::Pod(PodError::Exact {
            n: 9_007_199_254_740_992,
        }),
        // An object's keys in the order the server writes them.
        ApiError::Pod(PodError::Limited {
            limits: Limits {
                min: 1,
                max: 10,
                by: None,
            },
            history: vec![Limits {
                min: 0,
                max: 2,
                by: Some("ops".into()),
            }],
        }),
        // Strings inside a param's JSON, escaped as serde_json escapes them.
        ApiError::Pod(PodError::Shapes {
            items: vec![],
            meta: BTreeMap::from([(
                "k\u{8}".to_owned(),
                serde_json::json!(["a\u{8}b\u{c}c\u{1f}d\u{7f}e\"\\/\u{2028}\n\t\r", "<&>"]),
            )]),
        }),
        ApiError::Pod(PodError::Unavailable),
        ApiError::Pod(PodError::Tuple("t".into(), u64::MAX)),
        ApiError::Pod(PodError::InPhase {
            phase: Phase::CrashLoop,
        }),
        ApiError::Pod(PodError::Invalid { errors: violations }),
    ];
    for count in [
        0,
        1,
        2,
        3,
        5,
        11,
        21,
        22,
        25,
        100,
        101,
        102,
        111,
        1000,
        1001,
        1_000_000,
        2_000_000,
        -1,
        123_456_789,
    ] {
        out.push(ApiError::Pod(PodError::Counted { count }));
    }
    // Integers beyond what ICU4X and Go's `uint64` hold: CLDR's rules see
    // their last digits (French `many`: a multiple of a million).
    for count in [
        10u128.pow(18),
        10u128.pow(18) + 1,
        10u128.pow(24),
        (1u128 << 64) * 1_000_000,
        (1u128 << 64) * 1_000_000 + 1,
        u128::MAX,
    ] {
        out.push(ApiError::Pod(PodError::Huge { count }));
    }
    // Keys that read as numbers to some parser but are no Fluent number:
    // texts, which no number selects.
    for n in [1, 5, 7, 8, 10] {
        out.push(ApiError::Pod(PodError::OddKeys { n }));
    }
    for state in ["running", "pending", "", "[x]"] {
        out.push(ApiError::Pod(PodError::State {
            state: state.into(),
        }));
    }
    // Floats as serde_json writes them: plain, or with an exponent.
    for value in [
        1.0,
        -0.0,
        0.5,
        123.456,
        1e15,
        1e16,
        1.5e16,
        1e-5,
        1e-6,
        1.234e-7,
        1e21,
        1e300,
        5e-324,
        f64::MAX,
        0.1 + 0.2,
        100.0,
        12_345_678.9,
        0.0,
        2.0,
        16_777_216.0,
        1.234_567_890_123_456_8e20,
        -3.0,
    ] {
        out.push(ApiError::Pod(PodError::Measure { value }));
        // A pointer to a float is written as the float.
        out.push(ApiError::Pod(PodError::Pointed {
            boxed: Box::new(value),
            shared: Box::new(Some(value)),
        }));
        // And in a list or a map: each number still has its point.
        out.push(ApiError::Pod(PodError::Listed {
            sizes: vec![value, 2.5, -1.0],
            weights: BTreeMap::from([("a".to_owned(), Some(value)), ("b".to_owned(), None)]),
        }));
    }
    // A float the derive cannot see as one (behind an alias) selects as a
    // number with a fraction (its exact key or `other`) in every client,
    // but for a zero fraction: `1.0` is the whole `1`, as JavaScript has it.
    for share in [0.0, 0.5, 1.0, 1.5, 2.0, 21.0] {
        out.push(ApiError::Pod(PodError::Share { share }));
    }
    // The first variant that matches, as Fluent chooses; a string never
    // selects a number's key.
    for count in [1, 2] {
        out.push(ApiError::Pod(PodError::Ordered { count }));
    }
    for state in ["1", "x"] {
        out.push(ApiError::Pod(PodError::Keyed {
            state: state.into(),
        }));
    }
    // Fields whose names are one identifier in Go, or its method's.
    out.push(ApiError::Pod(PodError::Named {
        名前: "web".into(),
        値: 3,
        map: "m".into(),
    }));
    // Beyond the BMP, in the template and in the value.
    for name in ["web", "🦀"] {
        out.push(ApiError::Pod(PodError::Launched { name: name.into() }));
    }
    out
}

/// Real browsers' `Accept-Language` values, and hostile ones: odd q
/// values, case, underscores, singletons, white space, long lists.
fn headers() -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        "*",
        "zh-CN,zh;q=0.9,en;q=0.8",
        "zh-CN,zh;q=0.9",
        "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7",
        "zh-HK,zh-TW;q=0.9,zh;q=0.8,en;q=0.7",
        "en-US,en;q=0.9",
        "en-GB,en-US;q=0.9,en;q=0.8",
        // A language refused is not reached by cutting a range down to it.
        "en-US;q=0.5,en;q=0",
        "zh-Hant-TW,zh-hant;q=0,en;q=0.1",
        "zh-CN;q=0.9,ZH;q=0,en;q=0.5",
        "en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7",
        "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7",
        "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",
        "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5",
        "ja,en-US;q=0.9,en;q=0.8",
        "ja-JP,ja;q=0.9",
        "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7,zh-CN;q=0.6,zh;q=0.5",
        "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7",
        "es-419,es;q=0.9",
        "ru",
        "ru-RU,ru;q=0.9,en;q=0.5",
        "ar",
        "ar-EG,ar;q=0.9",
        "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7",
        "en",
        "zh-Hant-TW",
        "zh-hant",
        "ZH_HANT_tw",
        "en-x-twain",
        "en-US-x-twain",
        "en-x-twain-extra",
        "en-a-bbb-x-twain",
        "en;q=0",
        "en;q=0.1, zh;q=0.9",
        "en; q=0.5, zh; q=0.6",
        "en;Q=0.5,zh;q=0.4",
        "en;level=1;q=0.4,zh;q=0.3",
        "en;q,zh",
        "en;=0.4,zh;q=0.5",
        "en;q=0.5;q=0.9,zh;q=0.6",
        "\ten\t;\tq=0.7\t,zh;q=0.69",
        "en;q=0.7,zh;q=0.7",
        "zh;q=0.7,en;q=0.7",
        "é;q=0.9,en;q=0.1",
        "en-é,zh;q=0.5",
        "zh-é-x,en;q=0.5",
        "\u{a0}en,zh;q=0.5",
        ",,,en",
        ";q=1,en",
    ]
    .iter()
    .map(|h| (*h).to_owned())
    .collect();
    let q_values = [
        "1", "0", "0.7", "0.70", "0.700", "0.7001", "0.333", "1.0", "1.000", "1.5", "2", "-1", "x",
        "", ".5", "5.", "0.5x", "1e-1", " 0.4 ", "0,5", "00.9", "+0.5", "inf", "NaN", "0.0001",
        "0.9999",
    ];
    let tags = [
        "en",
        "zh",
        "zh-Hant",
        "fr",
        "de",
        "EN-us",
        "zh_hant_tw",
        "xx",
    ];
    for (i, q) in q_values.iter().enumerate() {
        for (j, first) in tags.iter().enumerate() {
            let second = tags[(i + j + 1) % tags.len()];
            let other = q_values[(i * 7 + j) % q_values.len()];
            out.push(format!("{first};q={q}, {second};q={other}"));
        }
    }
    // Subtags, singletons and private uses, cut back as RFC 4647 says.
    for (i, tag) in [
        "zh-Hant-HK",
        "zh-hant-x-y",
        "en-US-x-twain",
        "en-x-twain-a",
        "en-a-x",
        "en--x",
        "en-",
        "-en",
        "zh-Hans-CN-u-nu-hanidec",
        "ZH-HANT",
        "en_GB_oed",
        "fr-x-en",
        "x-en",
        "i-klingon",
        "en-é-x-twain",
        "sgn-ase-x",
    ]
    .iter()
    .enumerate()
    {
        for q in ["1", "0.5", "0.05", "0.001"] {
            out.push(format!("{tag};q={q},zh;q=0.{}", 1 + i % 9));
        }
    }
    // A list longer than the 32 ranges read.
    let long: Vec<String> = (0..40)
        .map(|i| format!("x{i};q=0.{:03}", 999 - i))
        .collect();
    out.push(format!("{},en;q=0.001", long.join(",")));
    out.push(format!("{},en;q=0.001", long[..30].join(",")));
    out
}

/// One case: an error answered to one `Accept-Language` value.
#[derive(Serialize)]
struct Case {
    code: u32,
    /// The body's `params` as the server wrote them (a 128-bit integer
    /// whole).
    params: Box<serde_json::value::RawValue>,
    accept_language: String,
    message: String,
    body: String,
    /// The same answer in problem+json.
    problem: String,
    status: u16,
    retry_after: Option<u64>,
    violations: usize,
    /// Whether a number of the case is none JavaScript holds as the server
    /// wrote it (beyond 2^53, or a whole float it cannot see as one).
    big: bool,
}

#[test]
fn a_number_key_is_the_number_digit_by_digit() {
    let text = |n| {
        Reply::new(&PodError::Exact { n })
            .accept_language("en")
            .message()
            .into_owned()
    };
    assert_eq!(text(u64::MAX), "max");
    // A float would have it the same number as the key.
    assert_eq!(text(u64::MAX - 1), "18446744073709551614");
    assert_eq!(text(9_007_199_254_740_993), "past 2^53");
    assert_eq!(text(9_007_199_254_740_992), "9007199254740992");
}

/// Every case, as the server answers it.
fn cases() -> Vec<Case> {
    #[derive(serde::Deserialize)]
    struct Body {
        message: String,
        params: Option<Box<serde_json::value::RawValue>>,
        retry_after: Option<u64>,
        #[serde(default)]
        errors: Vec<serde_json::Value>,
    }
    let mut out = Vec::new();
    for error in errors() {
        let big = match &error {
            ApiError::Pod(PodError::Ratio { total, .. }) => *total == i128::MIN,
            ApiError::Pod(PodError::Tuple(..)) => true,
            // Beyond 2^53 (JavaScript's exact integers).
            ApiError::Pod(PodError::Exact { n }) => *n >= 1 << 53,
            // A whole number JavaScript holds exactly, and writes without
            // an exponent, is compared (`10^18`, French `many`).
            #[allow(
                clippy::cast_precision_loss,
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss
            )]
            ApiError::Pod(PodError::Huge { count }) => {
                !(*count < 10u128.pow(21) && (*count as f64) as u128 == *count)
            }
            // `JSON.parse` reads `2.0` as `2`, a whole number, which
            // TypeScript writes `2` (below: where the message shows it).
            _ => false,
        };
        let whole_share = match &error {
            ApiError::Pod(PodError::Share { share }) if share.fract() == 0.0 => Some(*share),
            _ => None,
        };
        for header in headers() {
            let reply = Reply::new(&error).accept_language(&header);
            let text = reply.to_json();
            let body: Body = serde_json::from_str(&text).unwrap();
            let message = reply.message().into_owned();
            let problem = reply.problem("https://errors.example.com/").to_json();
            assert_eq!(body.message, message);
            // `1.0` selects `[one]` everywhere, as `1` does: a variant
            // without the number in English and French, which is compared.
            let big = big
                || whole_share.is_some_and(|share| {
                    share != 1.0 || !matches!(reply.language(), Some("en" | "fr"))
                });
            out.push(Case {
                code: error.code(),
                params: body.params.unwrap_or_else(|| {
                    serde_json::value::RawValue::from_string("{}".into()).unwrap()
                }),
                accept_language: header,
                message,
                body: text,
                problem,
                status: error.status().as_u16(),
                retry_after: body.retry_after,
                violations: body.errors.len(),
                big,
            });
        }
    }
    out
}

/// Bodies an answer may come as from elsewhere (a proxy, another
/// service, a hand), each with what the server's own client reads of it:
/// `null` where it refuses it, else its code, message, detail, retry
/// delay, params' names and violations. Every client reads them alike.
fn odd_bodies() -> serde_json::Value {
    let violation = r#"{"field":"a","message":"m"}"#;
    let bodies: Vec<String> = [
        r#"{"code":2001,"message":"x"}"#,
        r#"{"code":2001,"title":"x","detail":"d","status":404}"#,
        r#"{"code":2001,"message":"x","error":"e","detail":"f"}"#,
        r#"{"code":2001,"message":"x","title":"t"}"#,
        r#"{"code":2001,"message":null,"title":"t"}"#,
        r#"{"code":2001,"message":5}"#,
        r#"{"code":2001,"message":"x","error":5}"#,
        r#"{"code":-1,"message":"x"}"#,
        r#"{"code":1.0,"message":"x"}"#,
        r#"{"code":1e3,"message":"x"}"#,
        r#"{"code":"2001","message":"x"}"#,
        r#"{"code":true,"message":"x"}"#,
        r#"{"code":4294967295,"message":"x"}"#,
        r#"{"code":4294967296,"message":"x"}"#,
        r#"{"code":99999999999999999999,"message":"x"}"#,
        r#"{"code":null,"message":"x"}"#,
        r#"{"message":"x"}"#,
        r#"{"code":2001,"message":"x","retry_after":-5}"#,
        r#"{"code":2001,"message":"x","retry_after":1.5}"#,
        r#"{"code":2001,"message":"x","retry_after":true}"#,
        r#"{"code":2001,"message":"x","retry_after":"5"}"#,
        r#"{"code":2001,"message":"x","retry_after":null}"#,
        r#"{"code":2001,"message":"x","retry_after":0}"#,
        r#"{"code":2001,"message":"x","retry_after":9223372036854775807}"#,
        r#"{"code":2001,"message":"x","request_id":5}"#,
        r#"{"code":2001,"message":"x","params":[1]}"#,
        r#"{"code":2001,"message":"x","params":null}"#,
        r#"{"code":2001,"message":"x","params":{"n":1,"s":"t","z":null}}"#,
        r#"{"code":2001,"message":"x","errors":5}"#,
        r#"{"code":2001,"message":"x","errors":true}"#,
        r#"{"code":2001,"message":"x","errors":{"field":"a","message":"m"}}"#,
        r#"{"code":2001,"message":"x","errors":[5,null,"a",[],{}]}"#,
        r#"{"code":2001,"message":"x","errors":[{"field":"a"},{"message":"m"},{"field":5,"message":"m"}]}"#,
        r##"{"code":2001,"message":"x","errors":[{"pointer":"#/spec/a~1b/0","detail":"d"}]}"##,
        // A pointer read back as the server writes one: percent-decoded,
        // an index in brackets, a key with `.`, `]`, `"` or none as one
        // segment.
        r##"{"code":2001,"message":"x","errors":[{"pointer":"#/%E5%90%8D%E5%89%8D/a%20b/%e5%90","detail":"d"}]}"##,
        r##"{"code":2001,"message":"x","errors":[{"pointer":"#/labels/x%5Dy.z/image","detail":"d"},{"pointer":"#/labels//image","detail":"d"}]}"##,
        r##"{"code":2001,"message":"x","errors":[{"pointer":"#/labels/app.kubernetes.io~1name","detail":"d"},{"pointer":"#/items/2/name","detail":"d"}]}"##,
        r##"{"code":2001,"message":"x","errors":[{"pointer":"#/a~01/%ZZ/%2/%22q%22/a%2Fb","detail":"d"},{"pointer":"#","detail":"d"}]}"##,
        r##"{"code":2001,"message":"x","errors":[{"pointer":"#/","detail":"d"},{"pointer":"/spec/0x","detail":"d"},{"pointer":"spec","detail":"d"}]}"##,
        r##"{"code":2001,"message":"x","errors":[{"pointer":"#//a/","detail":"d"},{"pointer":"#/%0A\n%5C","detail":"d"}]}"##,
        r#"{"code":2001,"message":"x","errors":[{"field":"a","message":"m","code":"2001","reason":5,"params":[1]}]}"#,
        r#"{"code":2001,"message":"x","errors":[{"field":"a","message":"m","code":1101,"reason":"TOO_LARGE","params":{"max":10}}]}"#,
        r#"{"code":2001,"message":"x","errors":[{"field":"a","message":"m","code":-1}]}"#,
        "\u{feff}{\"code\":2001,\"message\":\"x\"}",
        r#"{"code":NaN,"message":"x"}"#,
        r#"{"code":2001,"message":"x","v":Infinity}"#,
        "",
        "null",
        "[1,2]",
        "\"text\"",
        "<html><body>502 Bad Gateway</body></html>",
        "{\"code\":2001,\"message\":\"x\",\"v\":",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([
        // The reader's limits: a surrogate alone, a number beyond a
        // float, `-0` (a float), nesting 128 deep.
        r#"{"code":2001,"message":"\ud800"}"#.to_owned(),
        r#"{"code":2001,"message":"\udc00"}"#.to_owned(),
        r#"{"code":2001,"message":"\ud800x\udc00"}"#.to_owned(),
        r#"{"code":2001,"message":"\ud83e\udd80"}"#.to_owned(),
        r#"{"code":2001,"message":"x","params":{"v":1e400}}"#.to_owned(),
        r#"{"code":2001,"message":"x","params":{"v":-1e400}}"#.to_owned(),
        r#"{"code":2001,"message":"x","params":{"v":1e308}}"#.to_owned(),
        r#"{"code":-0,"message":"x"}"#.to_owned(),
        format!(
            r#"{{"code":2001,"message":"x","params":{{"v":{}1{}}}}}"#,
            "[".repeat(125),
            "]".repeat(125)
        ),
        format!(
            r#"{{"code":2001,"message":"x","params":{{"v":{}1{}}}}}"#,
            "[".repeat(126),
            "]".repeat(126)
        ),
        format!(r#"{{"code":2001,"message":"x","errors":[{violation},{violation}]}}"#),
        format!(
            r#"{{"code":2001,"message":"x","params":{{"deep":{}1{}}}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    ])
    .collect();
    let read = |body: &str| {
        let remote = error_code::RemoteError::from_slice(body.as_bytes()).ok()?;
        let mut params: Vec<&String> = remote.params().keys().collect();
        params.sort();
        let violations: Vec<serde_json::Value> = remote
            .violations()
            .iter()
            .map(|v| {
                let mut params: Vec<&String> = v.params().keys().collect();
                params.sort();
                serde_json::json!([v.field(), v.message(), v.code(), v.reason(), params])
            })
            .collect();
        Some(serde_json::json!({
            "code": remote.code,
            "message": remote.message,
            "detail": remote.detail,
            "retry_after": remote.retry_after().map(|d| d.as_secs()),
            "params": params,
            "violations": violations,
        }))
    };
    bodies
        .iter()
        .map(|body| serde_json::json!({"body": body, "want": read(body)}))
        .collect()
}

/// A new directory for one client, with the cases in it (and the odd
/// bodies, `odd.json` beside them).
fn workdir(name: &str) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("clients")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cases_file = dir.join("cases.json");
    std::fs::write(&cases_file, serde_json::to_string(&cases()).unwrap()).unwrap();
    std::fs::write(dir.join("odd.json"), odd_bodies().to_string()).unwrap();
    (dir, cases_file)
}

fn runner(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/clients")
        .join(name);
    std::fs::read_to_string(&path).unwrap()
}

fn export() -> CatalogExport {
    CatalogExport::of::<ApiError>().scheme::<Category>()
}

/// The server chooses as Fluent does: the first variant that matches, a
/// category before an exact key listed after it; a string `"1"` is no
/// match for the number key `[1]`.
#[test]
fn a_select_chooses_the_first_variant_that_matches() {
    let message = |error: &ApiError| {
        Reply::new(error)
            .accept_language("en")
            .message()
            .into_owned()
    };
    assert_eq!(
        message(&ApiError::Pod(PodError::Ordered { count: 1 })),
        "category one"
    );
    assert_eq!(
        message(&ApiError::Pod(PodError::Ordered { count: 2 })),
        "other 2"
    );
    let keyed = |state: &str| {
        ApiError::Pod(PodError::Keyed {
            state: state.into(),
        })
    };
    assert_eq!(message(&keyed("1")), "other");
}

/// Only a Fluent number literal is a number key: `[1e1]` and `[+5]` are
/// texts (they read as 10 and 5 to Rust's `f64` parser), `[7.0]` is 7.
#[test]
fn only_a_fluent_number_is_a_number_key() {
    let message = |n| {
        Reply::new(&ApiError::Pod(PodError::OddKeys { n }))
            .accept_language("en")
            .message()
            .into_owned()
    };
    assert_eq!(message(10), "other 10");
    assert_eq!(message(5), "other 5");
    assert_eq!(message(8), "other 8");
    assert_eq!(message(7), "seven");
}

#[test]
fn the_cases_are_many_and_varied() {
    let cases = cases();
    assert!(headers().len() >= 300, "{} headers", headers().len());
    // The cases choose every language the catalog has.
    let messages: std::collections::BTreeSet<&str> =
        cases.iter().map(|c| c.message.as_str()).collect();
    for message in [
        "Pod web not found",
        "Pod web 未找到",
        "找不到 Pod web",
        "Pod web ain't there",
        "ratio 0.1 of 42, flag true, {braces}",
        "ratio 0.1",
        "比例 0.1，{括号} 42",
        "Fehlt ",
        "Fehlt 7",
        "缺少 ",
        r#"items [1,2,3] and {"a":{"k":null},"b":[1,"x"]}"#,
        "tuple t 18446744073709551615",
        "phase crash-loop",
        "見つかりません",
        "Not found, and no language said",
        "measure 1e+16",
        "no pods",
        "one pod",
        "21 pods",
        "21 под",
        "22 пода",
        "25 подов",
        "111 подов",
        "صفر",
        "اثنان",
        "102 آخر",
        "11 كثير",
        "is running[!]",
        "is pending *",
        "measure 1000000000000000.0",
        "measure 0.00001",
        "measure 1e-6",
        "measure 1.234e-7",
        "measure -0.0",
    ] {
        assert!(messages.contains(message), "no case says {message:?}");
    }
    let total = i128::MIN.to_string();
    assert!(messages.iter().any(|m| m.contains(&total)), "{total}");
}

#[test]
fn typescript_renders_every_case_as_the_server() {
    let Some(tsc) = tool(
        "TSC",
        "install typescript (`npm install --prefix target/ts typescript@5`) and set TSC=target/ts/node_modules/.bin/tsc",
    ) else {
        return;
    };
    let (dir, cases_file) = workdir("typescript");
    std::fs::write(dir.join("errors.ts"), export().to_typescript()).unwrap();
    std::fs::write(dir.join("run.ts"), runner("run.ts")).unwrap();
    run(Command::new(&tsc)
        .current_dir(&dir)
        .args(["--strict", "--target", "es2020", "--module", "commonjs"])
        // The stricter checks a project may turn on.
        .args(["--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes"])
        .args(["--outDir", "out", "errors.ts", "run.ts"]));
    let printed = run(Command::new("node")
        .current_dir(&dir)
        .arg("out/run.js")
        .arg(&cases_file));
    let seen: serde_json::Value = serde_json::from_str(printed.trim()).unwrap();
    assert!(seen["checked"].as_u64().unwrap() >= 300, "{seen}");
}

#[test]
fn go_renders_and_decodes_every_case_as_the_server() {
    let Some(go) = tool("GO", "install Debian's golang-go and set GO=/usr/bin/go") else {
        return;
    };
    let (dir, cases_file) = workdir("go");
    let source = export().go("apierrors");
    std::fs::write(dir.join("apierrors.go"), &source).unwrap();
    std::fs::write(dir.join("cases_test.go"), runner("cases_test.go")).unwrap();
    run(go_in(&go, &dir, &["vet", "./..."]).env("CASES", &cases_file));
    run(go_in(&go, &dir, &["test", "-count=1", "./..."]).env("CASES", &cases_file));
}

/// `go args` in the Go module `dir` (made here), offline, with its caches
/// in `dir`.
fn go_in(go: &Path, dir: &Path, args: &[&str]) -> Command {
    std::fs::write(dir.join("go.mod"), "module apierrors\n\ngo 1.19\n").unwrap();
    let mut command = Command::new(go);
    command
        .current_dir(dir)
        .env("GOCACHE", dir.join(".cache"))
        .env("GOPATH", dir.join(".path"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .args(args);
    command
}

#[test]
fn python_renders_and_decodes_every_case_as_the_server() {
    let Some(mypy) = tool(
        "MYPY",
        "install mypy in a venv (`python3 -m venv target/venv && target/venv/bin/pip install mypy`) and set MYPY=target/venv/bin/mypy",
    ) else {
        return;
    };
    let (dir, cases_file) = workdir("python");
    std::fs::write(dir.join("apierrors.py"), export().python()).unwrap();
    std::fs::write(dir.join("run_cases.py"), runner("run_cases.py")).unwrap();
    run(Command::new(&mypy).current_dir(&dir).args([
        "--strict",
        "--no-incremental",
        "apierrors.py",
    ]));
    let printed = run(Command::new("python3")
        .current_dir(&dir)
        .arg("run_cases.py")
        .arg(&cases_file));
    let seen: serde_json::Value = serde_json::from_str(printed.trim()).unwrap();
    assert!(seen["checked"].as_u64().unwrap() >= 300, "{seen}");
}

#[test]
fn the_go_client_names_each_code_and_types_its_params() {
    let source = export().go("apierrors");
    assert!(source.contains("\tNotFound = 2001\n"), "{source}");
    assert!(source.contains("type NotFoundParams struct {\n\tName string `json:\"name\"`"));
    assert!(source.contains("type RatioParams struct {"));
    assert!(source.contains("\tFlag bool `json:\"flag\"`"));
    assert!(source.contains("\tField0 string `json:\"0\"`"));
    // The codes whose answers can say Retry-After, as the JSON says.
    let json: serde_json::Value = serde_json::from_str(&export().to_json()).unwrap();
    let retries = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["can_retry"] == true)
        .count();
    assert!(retries > 0);
    assert_eq!(source.matches("\t\tCanRetry: true,\n").count(), retries);
    let python = export().python();
    assert_eq!(python.matches("can_retry=True,").count(), retries);
    assert!(python.contains("class ErrorCode(IntEnum):"));
    assert!(python.contains("    NotFound = 2001\n"));
}

/// Codes named as the Go client's own names, or as another code's params
/// type, still give a package that compiles.
#[derive(Debug, ErrorCode)]
pub enum Clashing {
    /// info
    #[code(3001, status = 400)]
    Info,
    /// error
    #[code(3002, status = 400)]
    Error,
    /// decode {v}
    #[code(3003, status = 400)]
    Decode { v: u8 },
    /// format
    #[code(3004, status = 400)]
    FormatMessage,
    /// range {x}
    #[code(3005, status = 400)]
    Range { x: u8 },
    /// range params
    #[code(3006, status = 400)]
    RangeParams,
    /// The name `Error` takes where the client has an `Error` of its own.
    #[code(3007, status = 400)]
    Error3002,
    /// The params type's name `Decode` takes where the client has a
    /// `Decode` of its own.
    #[code(3008, status = 400)]
    Decode3003Params,
    /// `Nicode`, as `Nicode` is: told apart by its number.
    #[code(3009, status = 400)]
    Ünicode,
    /// nicode
    #[code(3010, status = 400)]
    Nicode,
    /// The name `Ünicode` takes, told apart by its number.
    #[code(3011, status = 400)]
    Nicode3009,
}

/// Two parts with a code of one name, and a code named as the other's
/// qualified TypeScript key.
mod qualified {
    use error_code::ErrorCode;

    #[derive(Debug, ErrorCode)]
    pub enum T1 {
        /// fields
        #[code(1001, status = 400)]
        Fields,
        /// other
        #[code(1002, status = 400, name = "T2.Fields")]
        Other,
    }

    #[derive(Debug, ErrorCode)]
    pub enum T2 {
        /// fields
        #[code(2001, status = 400)]
        Fields,
    }

    #[derive(Debug, ErrorCode)]
    pub enum T12 {
        #[code(transparent)]
        A(T1),
        #[code(transparent)]
        B(T2),
    }
}

/// Every generated client compiles however the codes are named: each
/// name told apart by its number takes one no other code has.
#[test]
fn every_client_compiles_whatever_names_collide() {
    let export = CatalogExport::of::<Clashing>();
    if let Some(mypy) = tool(
        "MYPY",
        "install mypy in a venv (`python3 -m venv target/venv && target/venv/bin/pip install mypy`) and set MYPY=target/venv/bin/mypy",
    ) {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("clients")
            .join("python-names");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("apierrors.py"), export.python()).unwrap();
        run(Command::new(&mypy).current_dir(&dir).args([
            "--strict",
            "--no-incremental",
            "apierrors.py",
        ]));
        run(Command::new("python3").current_dir(&dir).args([
            "-c",
            "import apierrors; assert len(apierrors.ErrorCode) == 11",
        ]));
    }
    if let Some(tsc) = tool(
        "TSC",
        "install typescript (`npm install --prefix target/ts typescript@5`) and set TSC=target/ts/node_modules/.bin/tsc",
    ) {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("clients")
            .join("typescript-names");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let ts = CatalogExport::of::<qualified::T12>().to_typescript();
        std::fs::write(dir.join("errors.ts"), &ts).unwrap();
        run(Command::new(&tsc).current_dir(&dir).args([
            "--strict",
            "--noUncheckedIndexedAccess",
            "--exactOptionalPropertyTypes",
            "--noEmit",
            "--target",
            "es2020",
            "errors.ts",
        ]));
    }
}

#[test]
fn the_go_client_compiles_whatever_the_codes_are_named() {
    let source = CatalogExport::of::<Clashing>().go("apierrors");
    assert!(source.contains("\tInfo3001 = 3001\n"), "{source}");
    assert!(source.contains("\tRangeParams3006 = 3006\n"), "{source}");
    let Some(go) = tool("GO", "install Debian's golang-go and set GO=/usr/bin/go") else {
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("clients")
        .join("go-names");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("apierrors.go"), &source).unwrap();
    run(&mut go_in(&go, &dir, &["vet", "./..."]));
}
