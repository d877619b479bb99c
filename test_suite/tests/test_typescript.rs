//! The catalog as TypeScript, compiled by the real `tsc --strict` and run
//! by node: every code and message arrives exactly.
//!
//! `TSC` names the compiler (`.ci/run` installs typescript with npm); with
//! `CI` set, a missing compiler fails the test instead of skipping it.

mod tools;

use error_code::{CatalogExport, ErrorCategory, ErrorCode};
use std::path::{Path, PathBuf};
use std::process::Command;
use tools::run;

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

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Base, url = "https://errors.example.com/{code}")]
pub enum BaseError {
    /// 参数不合法
    #[code(1001, status = 400, message(en = "Invalid \"parameter\"", "zh-Hant" = "參數不合法"))]
    ParamInvalidError,
    #[code(
        1002,
        status = 400,
        message = "back\\slash `tick` ${{injected}} \n line \u{2028} sep"
    )]
    Tricky,
    #[code(1003, status = 401, deprecated = "use 1001")]
    Unauthorized,
    /// A name a plain object key would take as its prototype.
    #[code(1004, status = 400, name = "__proto__")]
    Proto,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Pod)]
pub enum PodError {
    /// 获取 Pod 失败
    #[code(2001, status = 404)]
    GetPodError,
    /// The same name as in another enum
    #[code(2002, status = 500)]
    Tricky,
}

/// An enum of the same name as another, in another module.
mod other {
    #[derive(Debug, error_code::ErrorCode)]
    pub enum PodError {
        /// Same enum name, same variant name
        #[code(2003, status = 409)]
        Tricky,
    }
}

/// Errors with params, whose untagged messages are Chinese.
#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Pod, lang = "zh")]
pub enum VolumeError {
    /// 卷 {volume} 已满（{used}/{size}）
    #[code(
        2010,
        status = 507,
        message(en = "Volume {volume} is full ({used} of {size}) {{GiB}}")
    )]
    Full {
        volume: String,
        used: u64,
        size: u64,
    },
    /// 卷忙
    #[code(2011, status = 503, retry_after = 5)]
    Busy,
    /// 卷参数不合法
    #[code(2012, status = 400)]
    Invalid {
        #[violations]
        errors: error_code::Violations,
    },
    /// 卷比例 {ratio}
    #[code(2013, status = 400)]
    Ratio { ratio: f64 },
}

#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Base(BaseError),
    #[code(transparent)]
    Pod(PodError),
    #[code(transparent)]
    Other(other::PodError),
    #[code(transparent)]
    Volume(VolumeError),
}

const CONSUMER: &str = r#"
import { ErrorCodes, ERRORS, errorInfo, formatMessage, isErrorCode } from "./errors";
import type { ErrorCode, ErrorName, ErrorBody, ErrorInfo, ErrorParams } from "./errors";

const notFound: ErrorCode = ErrorCodes.GetPodError;
const name: ErrorName = "ParamInvalidError";
const info: ErrorInfo = ERRORS[notFound];
const body: ErrorBody = { code: 2001, message: info.message, request_id: "r-1" };
if (isErrorCode(body.code)) {
  const known: ErrorInfo = ERRORS[body.code];
  console.log(known.status);
}
// @ts-expect-error: 4242 is not one of the API's codes
const wrong: ErrorCode = 4242;
const missing: ErrorInfo | undefined = errorInfo(4242);
const full: ErrorParams[2010] = { volume: "data", used: 9, size: 10 };
// A float that is not finite arrives as `null`.
const notFinite: ErrorParams[2013] = { ratio: null };
console.log(formatMessage(2013, notFinite));
const en = formatMessage(2010, full, "en-US,en;q=0.9");
const zh = formatMessage(ErrorCodes.Full, full, "zh-CN,zh;q=0.9,en;q=0.8");
const source = formatMessage(2010, full);
const plain = formatMessage(2001, {});
// @ts-expect-error: `vol` is not a param of 2010
formatMessage(2010, { vol: "data", used: 9, size: 10 });
// @ts-expect-error: `used` is a number
formatMessage(2010, { volume: "data", used: "9", size: 10 });
const headers = ["en;q=0", "en;q=0.1, zh;q=0.9", "en; q=0.5, zh; q=0.6", "EN-us", "zh-Hant-TW", "*", "fr, en;q=0.8", "en;q=x, zh"];
const negotiated = headers.map((header) => formatMessage(2010, full, header));
console.log(JSON.stringify({ name, wrong, missing: missing === undefined, all: ERRORS, codes: ErrorCodes, en, zh, source, plain, headers, negotiated }));
"#;

fn compiler() -> Option<PathBuf> {
    tools::tool(
        "TSC",
        "install typescript (`npm install --prefix target/ts typescript@5`) and set TSC=target/ts/node_modules/.bin/tsc",
    )
}

#[test]
fn the_module_compiles_under_strict_and_carries_every_code() {
    let module = CatalogExport::of::<ApiError>()
        .scheme::<Category>()
        .to_typescript();
    let Some(tsc) = compiler() else { return };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typescript");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("errors.ts"), &module).unwrap();
    std::fs::write(dir.join("use.ts"), CONSUMER).unwrap();
    run(Command::new(&tsc)
        .current_dir(&dir)
        .args(["--strict", "--target", "es2020", "--module", "commonjs"])
        // The stricter checks a project may turn on.
        .args(["--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes"])
        .args(["--outDir", "out", "errors.ts", "use.ts"]));
    let printed = run(Command::new("node").current_dir(&dir).arg("out/use.js"));
    let seen: serde_json::Value =
        serde_json::from_str(printed.lines().last().unwrap_or_default()).unwrap();
    assert_eq!(seen["missing"], true);
    for entry in ApiError::CATALOG {
        let code = entry.code().to_string();
        let js = &seen["all"][&code];
        assert_eq!(js["code"], entry.code());
        // The code's name, as every other output has it; a name two codes
        // have is keyed apart in `ErrorCodes` only.
        assert_eq!(js["name"], entry.name(), "{code}");
        assert_eq!(js["status"], entry.status().as_u16());
        assert_eq!(js["message"], entry.message(), "{code}");
        for (tag, text) in entry.messages() {
            assert_eq!(js["messages"][tag], *text);
        }
        assert_eq!(js["deprecated"].as_str(), entry.deprecation());
        assert_eq!(js["url"].as_str(), entry.url().as_deref());
        assert_eq!(js["category"].as_str(), entry.category().map(|c| c.name()));
        assert_eq!(js["lang"].as_str(), entry.lang());
        assert_eq!(
            js["retry_after"].as_u64(),
            entry.retry_after().map(|d| d.as_secs())
        );
        assert_eq!(js["violations"], entry.carries_violations(), "{code}");
        assert_eq!(js["can_retry"], entry.can_retry(), "{code}");
    }
    // Both exports say the same of the codes that carry a delay or
    // violations.
    assert_eq!(seen["all"]["2011"]["retry_after"], 5);
    assert_eq!(seen["all"]["2012"]["violations"], true);
    let json: serde_json::Value =
        serde_json::from_str(&CatalogExport::of::<ApiError>().to_json()).unwrap();
    let codes = json["codes"].as_array().unwrap();
    let entry = |code: u64| codes.iter().find(|e| e["code"] == code).unwrap();
    assert_eq!(entry(2011)["retry_after"], 5);
    assert_eq!(entry(2012)["violations"], true);
    assert_eq!(entry(2001).get("violations"), None);
    // `formatMessage` renders and negotiates as the server does.
    let full = VolumeError::Full {
        volume: "data".into(),
        used: 9,
        size: 10,
    };
    let server = |accept: Option<&str>| {
        let reply = error_code::Reply::new(&full);
        match accept {
            Some(header) => reply.accept_language(header).message().into_owned(),
            None => reply.message().into_owned(),
        }
    };
    assert_eq!(seen["en"], server(Some("en-US,en;q=0.9")));
    assert_eq!(seen["en"], "Volume data is full (9 of 10) {GiB}");
    assert_eq!(seen["zh"], server(Some("zh-CN,zh;q=0.9,en;q=0.8")));
    assert_eq!(seen["zh"], "卷 data 已满（9/10）");
    assert_eq!(seen["source"], server(None));
    // Every header chooses as the server chooses: by q, ties in order.
    let headers = seen["headers"].as_array().unwrap();
    assert_eq!(headers.len(), 8);
    for (header, message) in headers.iter().zip(seen["negotiated"].as_array().unwrap()) {
        assert_eq!(*message, server(header.as_str()), "{header}");
    }
    assert_eq!(seen["plain"], "获取 Pod 失败");
    assert_eq!(
        seen["all"]["2010"]["params"],
        serde_json::json!(["volume", "used", "size"])
    );
    // The name both enums use is told apart by its enum.
    assert_eq!(seen["codes"]["BaseError.Tricky"], 1002);
    assert_eq!(seen["codes"]["PodError.Tricky#2002"], 2002);
    assert_eq!(seen["codes"]["PodError.Tricky#2003"], 2003);
    assert_eq!(seen["codes"]["GetPodError"], 2001);
    assert_eq!(seen["codes"]["__proto__"], 1004);
}

#[test]
fn strings_are_escaped_for_typescript() {
    let module = CatalogExport::of::<BaseError>().to_typescript();
    assert!(
        module.contains(r"back\\slash \u0060tick\u0060 \u0024{{injected}} \n line \u2028 sep"),
        "{module}"
    );
    assert!(module.contains(r#"Invalid \"parameter\""#));
}
