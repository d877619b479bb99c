//! The API of a Kubernetes dashboard's error table: its error codes,
//! declared once as Rust enums.
//!
//! `cargo run --example k8s_api` prints every code with its status, name and
//! message; `-- --lang zh` (or `en`) prints the API's error document,
//! `-- --json` the catalog as JSON, `-- --typescript` as a TypeScript
//! module, `-- --go` as a Go package, `-- --python` as a Python module, and `-- --explain 2001` one code's explanation, as
//! `rustc --explain` does.

// The variant names are the names the dashboard's error table publishes.
#![allow(clippy::enum_variant_names)]

use error_code::{CatalogExport, Document, ErrorCategory, ErrorCode, Language};

/// The API's code space. Its messages are written in Chinese (`lang`), so
/// a Chinese browser gets them, and `Accept-Language: en` the translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCategory)]
#[category(
    reserved = 6000..=8999,
    lang = "zh",
    translations = "examples/i18n/{lang}/categories.ftl"
)]
pub enum Category {
    /// 基础错误类型
    #[category(1000..=1999)]
    BaseError,
    /// Pod 相关错误
    #[category(2000..=2999)]
    PodError,
    /// Deployment 相关错误
    #[category(3000..=3999)]
    DeploymentError,
    /// Service 相关错误
    #[category(4000..=4999)]
    ServiceError,
    /// Terminal 相关错误
    #[category(5000..=5999)]
    TerminalError,
    /// 其他类型错误
    #[category(9000..=9999)]
    OtherError,
}

/// 基础错误
#[derive(Debug, ErrorCode)]
#[error_code(
    category = Category::BaseError,
    translations = "examples/i18n/{lang}/base.ftl"
)]
pub enum BaseError {
    /// 参数不合法
    #[code(1001, status = 400)]
    ParamInvalidError,
    /// 记录不存在
    #[code(1002, status = 404)]
    RecordNotExistError,
}

/// Pod 类型错误
#[derive(Debug, ErrorCode)]
#[error_code(
    category = Category::PodError,
    translations = "examples/i18n/{lang}/pod.ftl"
)]
pub enum PodError {
    /// 获取 Pod 失败
    ///
    /// 指定命名空间中没有该名称的 Pod。请检查名称和命名空间：
    ///
    /// ```sh
    /// kubectl get pods -n <namespace>
    /// ```
    #[code(2001, status = 404)]
    GetPodError,
    /// 获取 Pod 事件失败
    #[code(2002, status = 500)]
    GetPodEventError,
}

/// Deployment 类型错误
#[derive(Debug, ErrorCode)]
#[error_code(
    category = Category::DeploymentError,
    translations = "examples/i18n/{lang}/deployment.ftl"
)]
pub enum DeploymentError {
    /// 获取 Deployment 失败
    #[code(3001, status = 404)]
    GetDeploymentError,
}

/// Service 类型错误
#[derive(Debug, ErrorCode)]
#[error_code(
    category = Category::ServiceError,
    translations = "examples/i18n/{lang}/service.ftl"
)]
pub enum ServiceError {
    /// 获取 Service 失败
    #[code(4001, status = 404)]
    GetServiceError,
}

/// Terminal 类型错误
#[derive(Debug, ErrorCode)]
#[error_code(
    category = Category::TerminalError,
    translations = "examples/i18n/{lang}/terminal.ftl"
)]
pub enum TerminalError {
    /// 获取 Terminal 失败
    #[code(5001, status = 500)]
    GetTerminalError,
    /// Websocket 相关错误
    #[code(5002, status = 500)]
    WebsocketError,
    /// 请求 K8s Exec 命令错误
    #[code(5003, status = 502)]
    RequestK8sExecError,
}

/// 其他错误
#[derive(Debug, ErrorCode)]
#[error_code(
    category = Category::OtherError,
    translations = "examples/i18n/{lang}/other.ftl"
)]
pub enum OtherError {
    /// 获取集群信息错误
    #[code(9001, status = 502)]
    GetClusterError,
    /// 获取 Endpoint 错误
    #[code(9002, status = 502)]
    GetEndpointError,
    /// 获取 Node 错误
    #[code(9003, status = 502)]
    GetNodeError,
}

/// The API's error: every category's enum composed into one.
#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Base(BaseError),
    #[code(transparent)]
    Pod(PodError),
    #[code(transparent)]
    Deployment(DeploymentError),
    #[code(transparent)]
    Service(ServiceError),
    #[code(transparent)]
    Terminal(TerminalError),
    #[code(transparent)]
    Other(OtherError),
}

/// The API's HTTP statuses as the dashboard's error table describes them.
fn statuses(doc: Document, lang: &str) -> Document {
    if lang.starts_with("en") {
        return doc
            .status(200, "The request succeeded")
            .status(204, "Handled; no data to return")
            .status(400, "Bad request, usually a missing parameter")
            .status(401, "Missing or wrong credentials")
            .status_labeled(
                &[402],
                "Request Failed",
                "Parameters are valid but the request failed",
            )
            .status(403, "Forbidden: no permission for the resource")
            .status(404, "The resource does not exist")
            .status(409, "Conflicting request")
            .status(429, "Too many requests")
            .status_labeled(&[500, 502, 503, 504], "Server Errors", "Server error");
    }
    doc.status(200, "接口返回正常")
        .status(204, "正确处理且没有数据返回")
        .status(400, "请求错误，通常是因为缺少参数")
        .status(401, "缺少认证信息或认证信息错误")
        .status_labeled(&[402], "Request Failed", "参数正常但请求失败")
        .status(403, "禁止访问，缺少该资源权限")
        .status(404, "请求的资源不存在")
        .status(409, "请求冲突")
        .status(429, "过多的请求")
        .status_labeled(&[500, 502, 503, 504], "Server Errors", "服务器错误")
}

/// The document's language for `lang`: the words built in for its language
/// (Chinese where none is), the texts chosen by the tag as asked, so that
/// `zh-Hant` or `en-GB` finds its own translations.
pub fn language(lang: &str) -> Language {
    let words = Language::builtin(lang).unwrap_or(Language::ZH);
    // Once for the program: the tag lives as long as it.
    let tag: &'static str = Box::leak(lang.to_owned().into_boxed_str());
    Language { tag, ..words }
}

/// The API's error document in `lang` (`zh` or `en`), generated from the enums.
pub fn doc(lang: &str) -> Document {
    statuses(Document::of::<ApiError>().scheme::<Category>(), lang).language(language(lang))
}

/// The API's error document in `lang`, as Markdown.
pub fn document(lang: &str) -> String {
    doc(lang).to_markdown()
}

/// The document with the fixed words of any `language`.
pub fn document_with(language: Language) -> String {
    statuses(
        Document::of::<ApiError>().scheme::<Category>(),
        language.tag,
    )
    .language(language)
    .to_markdown()
}

/// The catalog as JSON: every code, the categories and the reserved ranges.
pub fn catalog_json() -> String {
    CatalogExport::of::<ApiError>()
        .scheme::<Category>()
        .to_json()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--json") {
        println!("{}", catalog_json());
        return;
    }
    if args.iter().any(|a| a == "--typescript") {
        print!(
            "{}",
            CatalogExport::of::<ApiError>()
                .scheme::<Category>()
                .to_typescript()
        );
        return;
    }
    if args.iter().any(|a| a == "--go") {
        print!(
            "{}",
            CatalogExport::of::<ApiError>()
                .scheme::<Category>()
                .go("apierrors")
        );
        return;
    }
    if args.iter().any(|a| a == "--python") {
        print!(
            "{}",
            CatalogExport::of::<ApiError>()
                .scheme::<Category>()
                .python()
        );
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--explain") {
        let lang = args
            .iter()
            .position(|a| a == "--lang")
            .and_then(|l| args.get(l + 1))
            .map_or("zh", String::as_str);
        let document = Document::of::<ApiError>().language(language(lang));
        match args.get(i + 1).and_then(|c| c.parse::<u32>().ok()) {
            Some(code) => match document.explain(code) {
                Some(section) => print!("{section}"),
                None => {
                    eprintln!("error code {code} is not one of this API's codes");
                    std::process::exit(1);
                }
            },
            None => {
                eprintln!("usage: k8s_api --explain <code>");
                std::process::exit(2);
            }
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--lang") {
        let lang = args.get(i + 1).map_or("zh", String::as_str);
        print!("{}", document(lang));
        return;
    }
    println!("The API's error codes, from its Rust enums:\n");
    println!(
        "{:<4} {:>6} {:<20} {:<16} MESSAGE",
        "CODE", "STATUS", "NAME", "CATEGORY"
    );
    for entry in ApiError::CATALOG {
        let category = entry.category().map_or("-", |c| c.name());
        println!(
            "{:<4} {:>6} {:<20} {:<16} {}",
            entry.code(),
            entry.status().as_u16(),
            entry.name(),
            category,
            entry.message()
        );
    }
    let err = ApiError::from_code(2001).expect("2001 is a Pod error");
    println!(
        "\nA client that receives code 2001 gets the typed error back: {err:?}, answered as {} \"{}\".",
        err.status(),
        err.message()
    );
    println!(
        "Code 6001 is in no category (reserved): Category::of(6001) = {:?}.",
        Category::of(6001)
    );
    println!(
        "\nMore: --lang en (the error document), --json, --typescript, --go, --python, --explain 2001."
    );
}
