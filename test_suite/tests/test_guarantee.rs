//! The guarantee holds everywhere: status names, every doc form, composition
//! without limits, borrowed parts, retired codes in every output, languages
//! as browsers send them, and answers that never panic.

use error_code::{
    CatalogExport, Document, ErrorCategory, ErrorCode, FromCode, Language, RemoteError, Reply,
    StatusCode,
};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCategory)]
#[category(reserved = 6000..=8999, retired = [2009, 2008])]
pub enum Category {
    /// Base errors
    #[category(1000..=1999)]
    Base,
    /// Pod errors
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, PartialEq, Eq, ErrorCode)]
#[error_code(category = Category::Pod, retired = [2005, 2003])]
pub enum PodError {
    #[code(2001, status = NOT_FOUND)]
    ByName,
    #[code(2002, status = StatusCode::CONFLICT)]
    ByPath,
    #[code(2004, status = http::StatusCode::TOO_MANY_REQUESTS)]
    ByFullPath,
    #[code(2006, status = 503u16)]
    BySuffix,
}

#[test]
fn status_names_mean_their_numbers() {
    assert_eq!(PodError::ByName.status(), StatusCode::NOT_FOUND);
    assert_eq!(PodError::ByPath.status().as_u16(), 409);
    assert_eq!(PodError::ByFullPath.status().as_u16(), 429);
    assert_eq!(PodError::BySuffix.status().as_u16(), 503);
}

#[derive(Debug, ErrorCode)]
#[allow(clippy::empty_docs)] // `EmptyConcat` has an empty doc on purpose.
pub enum Docs {
    /** Pod not found */
    #[code(1, status = 404)]
    BlockOneLine,
    /**
     * Pod not found
     * in namespace.
     *
     * Longer text.
     */
    #[code(2, status = 404)]
    BlockStarred,
    #[doc = "Pod not found"]
    #[code(3, status = 404)]
    DocAttr,
    #[doc = concat!("Pod ", "not ", "found")]
    #[code(4, status = 404)]
    Concat,
    #[doc = include_str!("data/pod-not-found.md")]
    #[code(5, status = 404)]
    Included,
    /// Pod not
    #[doc = concat!("found ", "here")]
    ///
    /// The explanation.
    #[code(6, status = 404)]
    Mixed,
    #[doc = concat!("")]
    #[code(7, status = 404)]
    EmptyConcat,
    /// First paragraph
    /// on two lines.
    ///
    /// Explanation with code:
    ///
    /// ```text
    ///     indented
    /// ```
    #[code(8, status = 404)]
    Explained,
    /// # Pod not found
    /// The explanation.
    #[code(9, status = 404)]
    Heading,
    #[doc = concat!("## Pod ", "not found ##")]
    #[doc = ""]
    #[doc = "The explanation."]
    #[code(10, status = 404)]
    HeadingComputed,
    /// Pod not
    /// found
    /// ========
    ///
    /// The explanation.
    #[code(11, status = 404)]
    Setext,
    #[doc = concat!("Pod not found")]
    #[doc = "---"]
    #[doc = "The explanation."]
    #[code(12, status = 404)]
    SetextComputed,
    #[doc = include_str!("data/quota-heading.md")]
    #[code(13, status = 429)]
    IncludedHeading,
    /// #hashtag is no heading
    #[code(14, status = 404)]
    Hashtag,
}

#[test]
fn messages_are_the_first_paragraph_of_every_doc_form() {
    assert_eq!(Docs::BlockOneLine.message(), "Pod not found");
    assert_eq!(Docs::BlockStarred.message(), "Pod not found in namespace.");
    assert_eq!(Docs::BlockStarred.info().explanation(), "Longer text.");
    assert_eq!(Docs::DocAttr.message(), "Pod not found");
    assert_eq!(Docs::Concat.message(), "Pod not found");
    assert_eq!(
        Docs::Included.message(),
        "The pod does not exist in this namespace."
    );
    assert_eq!(
        Docs::Included.info().explanation(),
        "Check the pod's name with `kubectl get pods`."
    );
    assert_eq!(Docs::Mixed.message(), "Pod not found here");
    assert_eq!(Docs::Mixed.info().explanation(), "The explanation.");
    assert_eq!(Docs::EmptyConcat.message(), "EmptyConcat");
    // A heading first is what rustdoc shows: its text, without its marks.
    for heading in [
        Docs::Heading,
        Docs::HeadingComputed,
        Docs::Setext,
        Docs::SetextComputed,
    ] {
        assert_eq!(heading.message(), "Pod not found", "{heading:?}");
        assert_eq!(
            heading.info().explanation(),
            "The explanation.",
            "{heading:?}"
        );
    }
    assert_eq!(Docs::IncludedHeading.message(), "Quota exceeded");
    assert_eq!(
        Docs::IncludedHeading.info().explanation(),
        "The namespace has no quota left."
    );
    assert_eq!(Docs::Hashtag.message(), "#hashtag is no heading");
    assert_eq!(
        Docs::Explained.info().explanation(),
        "Explanation with code:\n\n```text\n    indented\n```"
    );
    // The catalog holds the same texts as the accessors.
    for entry in Docs::CATALOG {
        let value = Docs::from_code(entry.code()).expect("fieldless");
        assert_eq!(value.message(), entry.message());
    }
}

/// The same doc read by the macro and by const evaluation gives the same
/// message and explanation.
#[derive(Debug, ErrorCode)]
pub enum SameDoc {
    ///  Spaces  around
    ///   and   inside.
    ///
    ///     Indented body
    ///       deeper
    ///
    ///
    #[code(1)]
    Literal,
    #[doc = "  Spaces  around"]
    #[doc = concat!("   and   inside.")]
    #[doc = ""]
    #[doc = "    Indented body"]
    #[doc = "      deeper"]
    #[doc = ""]
    #[doc = ""]
    #[code(2)]
    Computed,
}

#[test]
fn macro_and_const_evaluation_read_docs_alike() {
    assert_eq!(SameDoc::Literal.message(), SameDoc::Computed.message());
    assert_eq!(
        SameDoc::Literal.info().explanation(),
        SameDoc::Computed.info().explanation()
    );
    assert_eq!(SameDoc::Literal.message(), "Spaces  around and   inside.");
    assert_eq!(
        SameDoc::Literal.info().explanation(),
        "Indented body\n  deeper"
    );
}

/// Docs that open with blocks rustdoc shows no paragraph of, or with a
/// quote or a list: read by the macro (`///`) and in const evaluation
/// (`concat!`), each pair alike.
// A lazy line in a list item is the odd doc tried here.
#[allow(clippy::doc_lazy_continuation)]
#[derive(Debug, ErrorCode)]
pub enum Blocks {
    /// ---
    ///
    /// After rule
    #[code(1)]
    Rule,
    #[doc = concat!("---")]
    #[doc = ""]
    #[doc = " After rule"]
    #[code(2)]
    RuleComputed,
    /// [ref]: https://example.com
    ///
    /// After ref
    #[code(3)]
    Reference,
    #[doc = concat!(" [ref]: https://example.com")]
    #[doc = ""]
    #[doc = " After ref"]
    #[code(4)]
    ReferenceComputed,
    /// <!-- a comment -->
    /// Visible text
    #[code(5)]
    Comment,
    #[doc = concat!(" <!-- a comment -->")]
    #[doc = " Visible text"]
    #[code(6)]
    CommentComputed,
    /// ```
    /// code first
    /// ```
    ///
    /// Para
    ///
    /// Rest
    #[code(7)]
    Code,
    #[doc = concat!(" ```")]
    #[doc = " code first"]
    #[doc = " ```"]
    #[doc = ""]
    #[doc = " Para"]
    #[doc = ""]
    #[doc = " Rest"]
    #[code(8)]
    CodeComputed,
    /// > quoted first
    #[code(9)]
    Quote,
    #[doc = concat!(" > quoted first")]
    #[code(10)]
    QuoteComputed,
    /// - list item first
    /// - second item
    #[code(11)]
    List,
    #[doc = concat!(" - list item first")]
    #[doc = " - second item"]
    #[code(12)]
    ListComputed,
    /// Hard break\
    /// next
    #[code(13)]
    Break,
    #[doc = concat!(" Hard break\\")]
    #[doc = " next"]
    #[code(14)]
    BreakComputed,
    /**
    * Some star
    no star line
    */
    #[code(15)]
    Star,
    #[doc = concat!("\n     * Some star\n     no star line\n     ")]
    #[code(16)]
    StarComputed,
}

#[test]
fn blocks_before_the_first_paragraph_are_not_the_message() {
    let expected = [
        "After rule",
        "After ref",
        "Visible text",
        "Para",
        "quoted first",
        "list item first second item",
        "Hard break next",
        "Some star no star line",
    ];
    for (pair, message) in Blocks::CATALOG.chunks(2).zip(expected) {
        assert_eq!(pair[0].message(), message, "{}", pair[0].name());
        assert_eq!(pair[1].message(), message, "{}", pair[1].name());
        assert_eq!(
            pair[0].explanation(),
            pair[1].explanation(),
            "{}",
            pair[0].name()
        );
    }
    assert_eq!(Blocks::Code.info().explanation(), "Rest");
}

/// Seventy parts, each with one code: more than any fixed limit.
macro_rules! many_parts {
    ($($part:ident $code:literal),*) => {
        $(
            #[derive(Debug, PartialEq, Eq, ErrorCode)]
            pub enum $part {
                #[code($code, status = 400)]
                Only,
            }
        )*
        #[derive(Debug, PartialEq, Eq, ErrorCode)]
        pub enum Many {
            $(
                #[code(transparent)]
                $part($part),
            )*
        }
    };
}

many_parts!(
    P00 1000, P01 1001, P02 1002, P03 1003, P04 1004, P05 1005, P06 1006, P07 1007, P08 1008,
    P09 1009, P10 1010, P11 1011, P12 1012, P13 1013, P14 1014, P15 1015, P16 1016, P17 1017,
    P18 1018, P19 1019, P20 1020, P21 1021, P22 1022, P23 1023, P24 1024, P25 1025, P26 1026,
    P27 1027, P28 1028, P29 1029, P30 1030, P31 1031, P32 1032, P33 1033, P34 1034, P35 1035,
    P36 1036, P37 1037, P38 1038, P39 1039, P40 1040, P41 1041, P42 1042, P43 1043, P44 1044,
    P45 1045, P46 1046, P47 1047, P48 1048, P49 1049, P50 1050, P51 1051, P52 1052, P53 1053,
    P54 1054, P55 1055, P56 1056, P57 1057, P58 1058, P59 1059, P60 1060, P61 1061, P62 1062,
    P63 1063, P64 1064, P65 1065, P66 1066, P67 1067, P68 1068, P69 1069
);

#[test]
fn composition_has_no_fixed_limit_on_parts() {
    assert_eq!(Many::CATALOG.len(), 70);
    assert!(Many::CATALOG.windows(2).all(|w| w[0].code() < w[1].code()));
    assert_eq!(Many::from_code(1069), Some(Many::P69(P69::Only)));
    assert_eq!(Many::P33(P33::Only).code(), 1033);
}

#[derive(Debug, ErrorCode)]
pub enum Borrowing<'a> {
    /// Not found
    #[code(3001, status = 404)]
    NotFound { name: &'a str },
}

#[derive(Debug, ErrorCode)]
pub enum WithBorrowedPart<'a> {
    #[code(transparent)]
    Part(Borrowing<'a>),
    #[code(transparent)]
    Boxed(Box<PodError>),
}

#[test]
fn parts_may_borrow() {
    let name = String::from("web");
    let err = WithBorrowedPart::Part(Borrowing::NotFound { name: &name });
    assert_eq!(err.code(), 3001);
    assert_eq!(WithBorrowedPart::CATALOG.len(), 5);
    assert!(<WithBorrowedPart<'_> as FromCode>::from_code(3001).is_none());
}

#[derive(Debug, ErrorCode)]
#[error_code(retired = [4001])]
pub enum Api {
    #[code(transparent)]
    Pod(PodError),
    #[code(4002, status = 400)]
    Other,
}

#[test]
fn enum_retired_codes_reach_catalog_export_and_document() {
    // The enum's own retired codes and its code space's travel together.
    assert_eq!(PodError::CATALOG.retired(), [2003, 2005, 2008, 2009]);
    assert_eq!(Api::CATALOG.retired(), [2003, 2005, 2008, 2009, 4001]);
    let json = CatalogExport::of::<Api>().scheme::<Category>().to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["retired"],
        serde_json::json!([2003, 2005, 2008, 2009, 4001])
    );
    let doc = Document::of::<Api>().language(Language::EN).to_markdown();
    assert!(
        doc.contains("### Retired codes (never to be reused)\n\n2003, 2005, 2008, 2009, 4001"),
        "{doc}"
    );
    let doc = Document::of::<Api>().scheme::<Category>().to_markdown();
    assert!(doc.contains("2003, 2005, 2008, 2009, 4001"), "{doc}");
}

/// A `Display` that fails halfway.
#[derive(Debug, ErrorCode)]
pub enum Faulty {
    /// Bad input
    #[code(1001, status = 400)]
    Bad,
    /// Broken
    #[code(1002, status = 500)]
    Broken,
}

impl fmt::Display for Faulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("partial")?;
        Err(fmt::Error)
    }
}

/// A `Display` that panics.
#[derive(Debug, ErrorCode)]
pub enum Panicky {
    /// Bad input
    #[code(1001, status = 400)]
    Bad,
}

impl fmt::Display for Panicky {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        panic!("a bug in Display")
    }
}

#[test]
fn a_panicking_display_never_panics_an_answer() {
    let reply = Reply::new(&Panicky::Bad);
    assert_eq!(reply.to_json(), r#"{"code":1001,"message":"Bad input"}"#);
    assert_eq!(reply.to_response().status(), 400);
    let problem = Reply::new(&Panicky::Bad)
        .problem("https://e.example/")
        .to_json();
    serde_json::from_str::<serde_json::Value>(&problem).expect("valid JSON");
}

#[test]
fn a_failing_display_never_panics_an_answer() {
    for err in [Faulty::Bad, Faulty::Broken] {
        let reply = Reply::new(&err);
        let json = reply.to_json();
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(parsed["code"], err.code());
        // A failed `Display` sends no detail, not half of one.
        assert!(parsed.get("error").is_none(), "{json}");
        let problem = Reply::new(&err).problem("https://e.example/").to_json();
        serde_json::from_str::<serde_json::Value>(&problem).expect("valid JSON");
        let _ = reply.to_response();
        let _ = Reply::new(&err).expose_server_details(true).to_json();
    }
}

#[derive(Debug, ErrorCode)]
pub enum Lang {
    #[code(
        2001,
        status = 404,
        message = "Pod not found",
        message(zh = "找不到 Pod", "zh-Hant" = "找不到 Pod（繁）", de = "Pod nicht gefunden")
    )]
    NotFound,
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("找不到 Pod（繁）")
    }
}

#[test]
fn languages_as_browsers_send_them() {
    let info = Lang::NotFound.info();
    assert_eq!(info.message_for("zh-Hant-TW"), "找不到 Pod（繁）");
    assert_eq!(info.message_for("zh-CN"), "找不到 Pod");
    assert_eq!(
        info.message_for("fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5"),
        "Pod nicht gefunden"
    );
    assert_eq!(info.message_for("fr-CH, fr;q=0.9"), "Pod not found");
    assert_eq!(Lang::NotFound.message_for("de-DE"), "Pod nicht gefunden");
    let reply = Reply::new(&Lang::NotFound).accept_language("fr-CH, fr;q=0.9, zh-Hant-TW;q=0.8");
    assert_eq!(reply.message(), "找不到 Pod（繁）");
    // The detail equals the chosen translation: not sent twice.
    assert_eq!(
        reply.to_json(),
        r#"{"code":2001,"message":"找不到 Pod（繁）"}"#
    );
    // In another language the detail says more, and is sent.
    let english = Reply::new(&Lang::NotFound).accept_language("en");
    assert!(english.to_json().contains(r#""error":"找不到 Pod（繁）""#));
}

#[test]
fn a_client_body_with_foreign_fields_still_parses() {
    let body = br#"{"status": "error", "code": 2001, "message": "Pod not found", "data": [1]}"#;
    let remote = RemoteError::from_slice(body).expect("parses");
    assert_eq!(remote.code, 2001);
    assert_eq!(remote.status, None);
    assert_eq!(remote.detail, None);
    assert_eq!(remote.typed::<Lang>().ok().map(|e| e.code()), Some(2001));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCode)]
#[repr(u16)]
pub enum Discriminants {
    #[code(status = 404)]
    NotFound = 2001,
    #[code(2002, status = 409)]
    Conflict = 2002,
    #[code(2003)]
    Gone,
}

#[test]
fn codes_may_be_discriminants() {
    assert_eq!(Discriminants::NotFound.code(), 2001);
    assert_eq!(Discriminants::NotFound as u16, 2001);
    assert_eq!(Discriminants::Conflict.code(), 2002);
    assert_eq!(Discriminants::Gone.code(), 2003);
    assert_eq!(
        Discriminants::from_code(2001),
        Some(Discriminants::NotFound)
    );
}

/// Enough unit variants with their codes as discriminants, declared out of
/// code order and with gaps, for the derive to find entries through its
/// index table rather than a `match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCode)]
#[repr(u32)]
pub enum ManyDiscriminants {
    /// Seventeen.
    #[code(status = 410)]
    V17 = 3017,
    #[code(status = 404, message = "one")]
    V1 = 3001,
    #[code(status = 409, message = "five")]
    V5 = 3005,
    #[code(status = 400, message = "two")]
    V2 = 3002,
    #[code(status = 422, message = "nine")]
    V9 = 3009,
    #[code(status = 429, message = "three")]
    V3 = 3003,
    #[code(status = 401, message = "thirty")]
    V30 = 3030,
    #[code(status = 403, message = "four")]
    V4 = 3004,
    #[code(status = 405, message = "six")]
    V6 = 3006,
    #[code(status = 406, message = "seven", name = "Seventh")]
    V7 = 3007,
    #[code(status = 407, message = "eight")]
    V8 = 3008,
    #[code(status = 408, message = "ten")]
    V10 = 3010,
    #[code(status = 411, message = "eleven")]
    V11 = 3011,
    #[code(status = 412, message = "twelve")]
    V12 = 3012,
    #[code(status = 413, message = "thirteen")]
    V13 = 3013,
    #[code(status = 414, message = "fourteen")]
    V14 = 3014,
    #[code(status = 500, message = "fifteen")]
    V15 = 3015,
    #[code(status = 503, message = "sixteen")]
    V16 = 3016,
}

/// Discriminant codes passed through `macro_rules!` fragments, which reach
/// the derive wrapped in invisible groups, and in parentheses.
macro_rules! discriminant_enum {
    ($name:ident, $a:literal, $b:expr, $c:tt) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCode)]
        #[repr(u16)]
        pub enum $name {
            #[code(status = 404)]
            A = $a,
            #[code(status = 409)]
            B = $b,
            #[code(status = 410)]
            C = ($c),
        }
    };
}

discriminant_enum!(FromFragments, 4001, 4002, 4003);

#[test]
fn discriminant_codes_may_come_from_macro_fragments() {
    use FromFragments as F;
    for (error, code, status) in [(F::A, 4001, 404), (F::B, 4002, 409), (F::C, 4003, 410)] {
        assert_eq!(error.code(), code);
        assert_eq!(error.status().as_u16(), status);
        assert_eq!(F::from_code(code), Some(error));
    }
}

#[test]
fn far_codes_never_land_on_a_slot_of_the_index_table() {
    // A code 2^31 above the smallest doubles to a small offset where the
    // arithmetic wraps in 32 bits; the table must answer None for it.
    for far in [
        3001 + 0x8000_0000_u32,
        3002 + 0x8000_0000,
        u32::MAX,
        3001 - 1,
    ] {
        assert_eq!(ManyDiscriminants::from_code(far), None, "{far}");
    }
    for code in [3001, 3002, 3030] {
        assert_eq!(
            ManyDiscriminants::from_code(code).map(|e| e.code()),
            Some(code)
        );
    }
}

#[test]
fn discriminant_codes_find_their_own_entries() {
    use ManyDiscriminants as M;
    let all = [
        (M::V17, 410, "V17", "Seventeen."),
        (M::V1, 404, "V1", "one"),
        (M::V5, 409, "V5", "five"),
        (M::V2, 400, "V2", "two"),
        (M::V9, 422, "V9", "nine"),
        (M::V3, 429, "V3", "three"),
        (M::V30, 401, "V30", "thirty"),
        (M::V4, 403, "V4", "four"),
        (M::V6, 405, "V6", "six"),
        (M::V7, 406, "Seventh", "seven"),
        (M::V8, 407, "V8", "eight"),
        (M::V10, 408, "V10", "ten"),
        (M::V11, 411, "V11", "eleven"),
        (M::V12, 412, "V12", "twelve"),
        (M::V13, 413, "V13", "thirteen"),
        (M::V14, 414, "V14", "fourteen"),
        (M::V15, 500, "V15", "fifteen"),
        (M::V16, 503, "V16", "sixteen"),
    ];
    for (error, status, name, message) in all {
        let code = error as u32;
        assert_eq!(error.code(), code);
        assert_eq!(error.status().as_u16(), status, "{name}");
        assert_eq!(error.name(), name);
        assert_eq!(error.message(), message);
        let info = error.info();
        assert_eq!((info.code(), info.name()), (code, name));
        assert!(core::ptr::eq(info, M::CATALOG.get(code).expect("listed")));
        assert_eq!(M::from_code(code), Some(error));
    }
    assert_eq!(M::from_code(3018), None);
    assert_eq!(M::from_code(2999), None);
}

#[derive(Debug, ErrorCode)]
#[error_code(
    domain = "pods.example.com",
    url = "https://errors.example.com/{code}#{name}"
)]
pub enum Linked {
    #[code(2001, status = 404, grpc = ALREADY_EXISTS)]
    Exists,
}

#[test]
fn links_domains_and_grpc_overrides_reach_the_catalog() {
    let info = Linked::Exists.info();
    assert_eq!(
        info.url().as_deref(),
        Some("https://errors.example.com/2001#Exists")
    );
    assert_eq!(info.domain(), Some("pods.example.com"));
    assert_eq!(info.grpc_override(), Some("ALREADY_EXISTS"));
    let json = CatalogExport::of::<Linked>().to_json();
    assert!(
        json.contains(r#""url": "https://errors.example.com/2001#Exists""#),
        "{json}"
    );
    assert!(json.contains(r#""grpc": "ALREADY_EXISTS""#));
}

/// Enums written by a `macro_rules!`, with codes, statuses, messages and
/// parts passed as fragments of every kind.
macro_rules! error_enum {
    ($name:ident, $code:expr, $next:expr, $status:expr, $message:expr, $part:ty, $doc:literal) => {
        #[derive(Debug, ErrorCode)]
        pub enum $name {
            #[doc = $doc]
            #[code($code, status = $status)]
            Documented,
            #[code($next, status = $status, message = $message)]
            Messaged,
            #[code(transparent)]
            Part($part),
        }
    };
}

#[derive(Debug, PartialEq, Eq, ErrorCode)]
pub enum Leaf {
    #[code(9001, status = 500)]
    Deep,
}

error_enum!(
    FromMacro,
    7001,
    7002,
    404,
    "from a macro",
    Leaf,
    "documented in a macro"
);

#[derive(Debug, ErrorCode)]
pub enum Top {
    #[code(transparent)]
    Mid(FromMacro),
}

#[test]
fn macro_fragments_and_deep_composition() {
    assert_eq!(FromMacro::Documented.code(), 7001);
    assert_eq!(FromMacro::Documented.message(), "documented in a macro");
    assert_eq!(FromMacro::Messaged.code(), 7002);
    assert_eq!(FromMacro::Messaged.message(), "from a macro");
    assert_eq!(FromMacro::Documented.status().as_u16(), 404);
    let deep = Top::Mid(FromMacro::Part(Leaf::Deep));
    assert_eq!((deep.code(), deep.name()), (9001, "Deep"));
    assert_eq!(Top::CATALOG.len(), 3);
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum DocCategories {
    #[doc = concat!("Pod ", "errors")]
    #[category(2000..=2999)]
    Pod,
    /**
     * Base errors
     */
    #[category(1000..=1999)]
    Base,
}

#[test]
fn category_descriptions_from_every_doc_form() {
    assert_eq!(DocCategories::Pod.description(), "Pod errors");
    assert_eq!(DocCategories::Base.description(), "Base errors");
}

#[derive(Debug, ErrorCode)]
#[error_code(domain = "part.example.com")]
pub enum LinkedPart {
    #[code(5001, status = 404)]
    Missing,
}

#[derive(Debug, ErrorCode)]
#[error_code(
    domain = "api.example.com",
    url = "https://api.example.com/errors/{code}"
)]
pub enum LinkedApi {
    #[code(transparent)]
    Part(LinkedPart),
    #[code(5002, status = 409)]
    Own,
}

#[test]
fn a_composed_enums_domain_and_url_win_over_its_parts() {
    for err in [LinkedApi::Part(LinkedPart::Missing), LinkedApi::Own] {
        let info = err.info();
        assert_eq!(info.domain(), Some("api.example.com"));
        assert_eq!(
            info.url(),
            Some(format!("https://api.example.com/errors/{}", err.code()))
        );
        assert_eq!(LinkedApi::CATALOG.get(err.code()), Some(info));
    }
    // The part alone keeps its own.
    assert_eq!(
        LinkedPart::Missing.info().domain(),
        Some("part.example.com")
    );
    let problem = Reply::new(&LinkedApi::Part(LinkedPart::Missing))
        .problem("https://x/")
        .to_json();
    assert!(
        problem.contains(r#""type":"https://api.example.com/errors/5001""#),
        "{problem}"
    );
}
