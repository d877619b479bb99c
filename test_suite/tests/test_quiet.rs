//! Nothing quietly wrong: each test here failed (compiled and answered the
//! wrong thing) before its fix.

use error_code::{ErrorCode, Reply};

/// A bare `#[code]` on a discriminant variant takes the enum's status.
#[derive(Debug, Clone, Copy, PartialEq, ErrorCode)]
#[error_code(status = 404)]
#[repr(u16)]
enum ByDiscriminant {
    /// Pod not found
    #[code]
    GetPod = 2001,
    /// Pod exists
    #[code(status = 409)]
    Exists = 2002,
}

const BASE: u16 = 3000;

/// A discriminant the macro cannot read, agreeing with its code.
#[derive(Debug, Clone, Copy, PartialEq, ErrorCode)]
#[repr(u16)]
enum Computed {
    /// Deployment not found
    #[code(3001, status = 404)]
    Missing = BASE + 1,
}

#[test]
fn a_bare_code_attribute_takes_the_discriminant_and_the_default_status() {
    assert_eq!(ByDiscriminant::GetPod.code(), 2001);
    assert_eq!(ByDiscriminant::GetPod.status().as_u16(), 404);
    assert_eq!(ByDiscriminant::Exists.status().as_u16(), 409);
    assert_eq!(
        ByDiscriminant::from_code(2001),
        Some(ByDiscriminant::GetPod)
    );
    assert_eq!(Computed::Missing.code(), 3001);
    assert_eq!(Computed::Missing as u16, 3001);
}

/// No doc comment: thiserror's text is the message.
#[derive(Debug, thiserror::Error, ErrorCode)]
enum BaseError {
    #[error("参数不合法")]
    #[code(1001, status = 400)]
    ParamInvalidError,
    #[error("{0}")]
    #[code(1002, status = 400)]
    WithArgument(String),
    #[error("{}", "unexplained")]
    #[code(1003, status = 400)]
    Unexplained,
}

impl std::fmt::Display for Bare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("bare")
    }
}

#[derive(Debug, ErrorCode)]
enum Bare {
    #[code(1004, status = 400)]
    Nothing,
}

#[test]
fn thiserror_text_is_the_message_where_there_is_no_other() {
    let e = BaseError::ParamInvalidError;
    assert_eq!(e.message(), "参数不合法");
    assert_eq!(
        Reply::new(&e).to_json(),
        r#"{"code":1001,"message":"参数不合法"}"#
    );
    // A text with arguments is no message; no message anywhere: the name.
    assert_eq!(
        BaseError::WithArgument("x".into()).message(),
        "WithArgument"
    );
    assert_eq!(BaseError::Unexplained.message(), "Unexplained");
    assert_eq!(Bare::Nothing.message(), "Nothing");
}

#[derive(Debug, PartialEq, ErrorCode)]
enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    GetPod,
}

#[derive(Debug, PartialEq, thiserror::Error, ErrorCode)]
#[error("deployment")]
enum DeploymentError {
    /// Deployment not found
    #[code(3001, status = 404)]
    Missing,
}

/// One part converts by the derive, one by thiserror's `#[from]`.
#[derive(Debug, PartialEq, thiserror::Error, ErrorCode)]
enum ApiError {
    #[error("pod")]
    #[code(transparent)]
    Pod(PodError),
    #[error(transparent)]
    #[code(transparent)]
    Deployment(#[from] DeploymentError),
}

fn lookup() -> Result<(), ApiError> {
    Err(PodError::GetPod)?
}

#[test]
fn a_part_converts_into_its_enum() {
    let a: ApiError = PodError::GetPod.into();
    assert_eq!(a, ApiError::Pod(PodError::GetPod));
    assert_eq!(lookup(), Err(ApiError::Pod(PodError::GetPod)));
    let d: ApiError = DeploymentError::Missing.into();
    assert_eq!(d.code(), 3001);
}

/// A generic enum whose `Display` bounds are left to thiserror.
#[derive(Debug, thiserror::Error, ErrorCode)]
enum LookupError<K> {
    #[error("key {0} not found")]
    #[code(4001, status = 404, message = "not found")]
    NotFound(K),
    #[error("store failed")]
    #[code(4002, status = 500, message = "store failed")]
    Store(#[source] std::io::Error),
}

#[test]
fn a_generic_enum_keeps_its_detail_and_source() {
    let e = LookupError::NotFound("web");
    assert_eq!(
        Reply::new(&e).to_json(),
        r#"{"code":4001,"message":"not found","error":"key web not found"}"#
    );
    let e: LookupError<u8> = LookupError::Store(std::io::Error::other("disk full"));
    let source = e
        .as_std_error()
        .and_then(std::error::Error::source)
        .map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("disk full"));
}

/// All parts, no own code: its catalog and its values agree on its links.
#[derive(Debug, ErrorCode)]
#[error_code(domain = "api.example.com", url = "https://errors.example.com/{code}")]
enum Composed {
    #[code(transparent)]
    Pod(PodError),
}

#[test]
fn a_composed_enum_answers_its_own_domain_and_link() {
    let value = Composed::Pod(PodError::GetPod);
    assert_eq!(value.info().domain(), Some("api.example.com"));
    assert_eq!(
        value.info().url().as_deref(),
        Some("https://errors.example.com/2001")
    );
    let entry = Composed::CATALOG.get(2001).expect("in the catalog");
    assert_eq!(entry, value.info());
}

/// Names in links are percent-encoded.
#[derive(Debug, ErrorCode)]
#[error_code(url = "https://errors.example.com/{name}")]
enum Named {
    /// Pod missing
    #[code(2001, status = 404, name = "Pod Missing")]
    PodMissing,
    /// 找不到
    #[code(2002, status = 404, name = "找不到")]
    NotFound,
}

#[test]
fn names_in_links_are_percent_encoded() {
    assert_eq!(
        Named::PodMissing.info().url().as_deref(),
        Some("https://errors.example.com/Pod%20Missing")
    );
    assert_eq!(
        Named::NotFound.info().url().as_deref(),
        Some("https://errors.example.com/%E6%89%BE%E4%B8%8D%E5%88%B0")
    );
    let problem: serde_json::Value =
        serde_json::from_str(&Reply::new(&Named::PodMissing).problem("").to_json()).unwrap();
    assert_eq!(problem["type"], "https://errors.example.com/Pod%20Missing");
}

/// A Chinese document describes the statuses in Chinese where the user
/// gives no description; an English one keeps the reasons.
#[test]
fn a_chinese_document_describes_statuses_in_chinese() {
    let zh = error_code::Document::of::<PodError>()
        .language(error_code::Language::ZH)
        .to_markdown();
    let row = |doc: &str| {
        let line = doc.lines().find(|l| l.starts_with("| 404"));
        line.unwrap_or_default().to_owned()
    };
    assert!(row(&zh).contains("| 请求的资源不存在"), "{zh}");
    let en = error_code::Document::of::<PodError>()
        .language(error_code::Language::EN)
        .to_markdown();
    assert!(row(&en).contains("| Not Found "), "{en}");
}

/// The category derive adds no inherent item: the enum's own methods named
/// like the trait's compile, and win where both are in scope.
#[derive(Debug, Clone, Copy, PartialEq, error_code::ErrorCategory)]
enum OwnMethods {
    /// Pods
    #[category(2000..=2999)]
    Pod,
}

impl OwnMethods {
    fn of(_: &str) -> &'static str {
        "mine"
    }
    fn name(&self) -> &'static str {
        "my name"
    }
}

#[test]
fn a_category_enum_keeps_its_own_methods() {
    assert_eq!(OwnMethods::of("x"), "mine");
    assert_eq!(OwnMethods::Pod.name(), "my name");
    assert_eq!(
        <OwnMethods as error_code::ErrorCategory>::of(2001),
        Some(OwnMethods::Pod)
    );
    assert_eq!(error_code::ErrorCategory::name(&OwnMethods::Pod), "Pod");
}

/// The language of the untagged messages, on the enum.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh")]
enum InChinese {
    /// 获取 Pod 失败
    #[code(2001, status = 404, message(en = "Failed to get the pod"))]
    GetPod,
}

/// The same messages without `lang`: today's behaviour.
#[derive(Debug, ErrorCode)]
enum Untagged {
    /// 获取 Pod 失败
    #[code(2001, status = 404, message(en = "Failed to get the pod"))]
    GetPod,
}

/// The language on the category enum, for every enum of the scheme.
#[derive(Debug, Clone, Copy, error_code::ErrorCategory)]
#[category(lang = "zh")]
enum ChineseScheme {
    /// Pod 相关错误
    #[category(2000..=2999, description(en = "Pod errors"))]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = ChineseScheme::Pod)]
enum InChineseScheme {
    /// 获取 Pod 失败
    #[code(2001, status = 404, message(en = "Failed to get the pod"))]
    GetPod,
}

#[test]
fn a_chinese_browser_gets_chinese_where_the_messages_are_chinese() {
    let browser = "zh-CN,zh;q=0.9,en;q=0.8";
    assert_eq!(InChinese::GetPod.message_for(browser), "获取 Pod 失败");
    assert_eq!(
        InChinese::GetPod.message_for("en-US,en;q=0.9"),
        "Failed to get the pod"
    );
    assert_eq!(
        InChineseScheme::GetPod.message_for(browser),
        "获取 Pod 失败"
    );
    assert_eq!(InChineseScheme::GetPod.info().lang(), Some("zh"));
    let category = InChineseScheme::GetPod.category().unwrap();
    assert_eq!(category.description_for(browser), "Pod 相关错误");
    assert_eq!(category.description_for("en"), "Pod errors");
    // Without `lang`, the untagged message has no language and comes last.
    assert_eq!(
        Untagged::GetPod.message_for(browser),
        "Failed to get the pod"
    );

    let answer = Reply::new(&InChinese::GetPod)
        .accept_language(browser)
        .to_response();
    assert_eq!(answer.headers()["content-language"], "zh");
    let answer = Reply::new(&InChinese::GetPod)
        .accept_language("en")
        .to_response();
    assert_eq!(answer.headers()["content-language"], "en");
    let answer = Reply::new(&InChinese::GetPod).to_response();
    assert_eq!(answer.headers()["content-language"], "zh");
    let answer = Reply::new(&Untagged::GetPod).to_response();
    assert!(answer.headers().get("content-language").is_none());
}

/// A thiserror text that only capitalises or spaces the message otherwise
/// says nothing more: no `error` member.
#[derive(Debug, thiserror::Error, ErrorCode)]
enum Shouting {
    /// Pod not found
    #[error("POD  NOT FOUND")]
    #[code(2001, status = 404)]
    NotFound,
    /// Pod not found
    #[error("pod {0} not found")]
    #[code(2002, status = 404)]
    Named(String),
}

#[test]
fn case_and_spacing_are_no_detail() {
    assert_eq!(
        Reply::new(&Shouting::NotFound).to_json(),
        r#"{"code":2001,"message":"Pod not found"}"#
    );
    let value = serde_json::to_value(Reply::new(&Shouting::NotFound)).unwrap();
    assert!(value.get("error").is_none(), "{value}");
    assert_eq!(
        Reply::new(&Shouting::Named("web".into())).to_json(),
        r#"{"code":2002,"message":"Pod not found","error":"pod web not found"}"#
    );
}

/// `lang` on a composed enum reaches its parts' messages where they say
/// none, in its catalog and in its values' `info()` alike.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh")]
enum ComposedInChinese {
    #[code(transparent)]
    Pod(Untagged),
    #[code(transparent)]
    Tagged(InEnglishPart),
}

/// A part that says its own language keeps it.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
enum InEnglishPart {
    /// Deployment not found
    #[code(3001, status = 404, message(zh = "找不到 Deployment"))]
    Missing,
}

#[test]
fn a_composed_enums_lang_reaches_its_parts() {
    let value = ComposedInChinese::Pod(Untagged::GetPod);
    assert_eq!(value.info().lang(), Some("zh"));
    assert_eq!(
        ComposedInChinese::CATALOG.get(2001).unwrap().lang(),
        Some("zh")
    );
    assert_eq!(
        value.message_for("zh-CN,zh;q=0.9,en;q=0.8"),
        "获取 Pod 失败"
    );
    let tagged = ComposedInChinese::Tagged(InEnglishPart::Missing);
    assert_eq!(tagged.info().lang(), Some("en"));
    assert_eq!(
        ComposedInChinese::CATALOG.get(3001).unwrap().lang(),
        Some("en")
    );
}

mod shared_reasons {
    use error_code::ErrorCode;
    use error_code::grpc::GrpcReply;
    use tonic_types::StatusExt as _;

    #[derive(Debug, Clone, Copy, error_code::ErrorCategory)]
    #[category(domain = "k8s.example.com")]
    pub enum Category {
        /// Base
        #[category(1000..=1999)]
        Base,
        /// Pod
        #[category(2000..=2999)]
        Pod,
    }

    #[derive(Debug, ErrorCode)]
    #[error_code(category = Category::Base)]
    pub enum BaseError {
        /// Record not found
        #[code(1004, status = 404)]
        NotFound,
        /// Invalid
        #[code(1001, status = 400)]
        Invalid,
    }

    #[derive(Debug, ErrorCode)]
    #[error_code(category = Category::Pod)]
    pub enum PodError {
        /// Pod not found
        #[code(2004, status = 404)]
        NotFound,
    }

    #[derive(Debug, ErrorCode)]
    #[error_code(domain = "other.example.com")]
    pub enum Elsewhere {
        /// Not found elsewhere
        #[code(3004, status = 404)]
        NotFound,
    }

    #[derive(Debug, ErrorCode)]
    pub enum ApiError {
        #[code(transparent)]
        Base(BaseError),
        #[code(transparent)]
        Pod(PodError),
        #[code(transparent)]
        Elsewhere(Elsewhere),
        #[code(transparent)]
        Nodes(Nodes),
        #[code(transparent)]
        Named(Named),
    }

    /// Its domain is its name's: `nodes`.
    #[derive(Debug, ErrorCode)]
    pub enum Nodes {
        /// Node not found
        #[code(5004, status = 404)]
        NotFound,
    }

    /// The domain `nodes` given, as `Nodes`'s default is.
    #[derive(Debug, ErrorCode)]
    #[error_code(domain = "nodes")]
    pub enum Named {
        /// Named not found
        #[code(9004, status = 404)]
        NotFound,
    }

    fn reason(e: &ApiError) -> String {
        let status = GrpcReply::new(e).into_status();
        status
            .get_error_details()
            .error_info()
            .unwrap()
            .reason
            .clone()
    }

    #[test]
    fn two_codes_of_one_domain_get_different_reasons() {
        assert_eq!(
            reason(&ApiError::Base(BaseError::NotFound)),
            "NOT_FOUND_1004"
        );
        assert_eq!(reason(&ApiError::Pod(PodError::NotFound)), "NOT_FOUND_2004");
        // Unshared: the reason as the name gives it; another domain too.
        assert_eq!(reason(&ApiError::Base(BaseError::Invalid)), "INVALID");
        assert_eq!(
            reason(&ApiError::Elsewhere(Elsewhere::NotFound)),
            "NOT_FOUND"
        );
        // A domain given and another enum's default one are one domain.
        assert_eq!(reason(&ApiError::Nodes(Nodes::NotFound)), "NOT_FOUND_5004");
        assert_eq!(reason(&ApiError::Named(Named::NotFound)), "NOT_FOUND_9004");
        // The part alone shares nothing.
        let status = GrpcReply::new(&PodError::NotFound).into_status();
        assert_eq!(
            status.get_error_details().error_info().unwrap().reason,
            "NOT_FOUND"
        );
    }
}

/// The code space of an API whose parts declare none.
#[derive(Debug, Clone, Copy, error_code::ErrorCategory)]
#[category(domain = "nodes.example.com", url = "https://nodes.example.com/{code}")]
enum NodeSpace {
    /// Node errors
    #[category(3000..=3999)]
    Node,
}

#[derive(Debug, ErrorCode)]
enum Uncategorized {
    /// Node gone
    #[code(3001, status = 410)]
    Gone,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = NodeSpace)]
enum NodeApi {
    #[code(transparent)]
    Node(Uncategorized),
}

/// A part's code that the composing enum's scheme places in a category
/// has that category in the catalog, the answer and the document too.
#[test]
fn a_schemes_category_reaches_the_parts_it_places() {
    let entry = NodeApi::CATALOG.get(3001).unwrap();
    assert_eq!(entry.category().map(|c| c.name()), Some("Node"));
    let value = NodeApi::Node(Uncategorized::Gone);
    assert_eq!(value.info().domain(), Some("nodes.example.com"));
    assert_eq!(
        value.info().url().as_deref(),
        Some("https://nodes.example.com/3001")
    );
    let doc = error_code::Document::of::<NodeApi>()
        .scheme::<NodeSpace>()
        .language(error_code::Language::EN)
        .to_markdown();
    assert!(!doc.contains("Uncategorized"), "{doc}");
}
