//! The error index through axum's own harness: the list and a code's page,
//! HTML or JSON, in the request's language; 404 for a code the catalog does
//! not have; relative links resolved in problem+json.

use axum::Router;
use axum::body::Body;
use error_code::{ErrorCategory, ErrorCode, Reply};
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999, retired = [2009])]
pub enum Category {
    /// 基础错误
    #[category(1000..=1999, description(en = "Base errors"))]
    Base,
    /// Pod 错误
    #[category(2000..=2999, description(en = "Pod errors"))]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category, url = "/errors/{code}", lang = "zh")]
pub enum ApiError {
    /// 参数不合法
    #[code(1001, status = 400, message(en = "Invalid parameter"))]
    ParamInvalid,
    /// 字段不合法
    #[code(1002, status = 400, message(en = "Invalid fields"))]
    FieldsInvalid {
        #[violations]
        errors: error_code::Violations,
    },
    /// 找不到 Pod {name}
    ///
    /// Check the name: `kubectl get pods`.
    ///
    /// - a list item <b>escaped</b>
    #[code(2001, status = 404, message(en = "Pod {name} not found"))]
    NotFound { name: String },
    /// 旧接口 {{v1}}
    #[code(2002, status = 410, deprecated = "use 2001")]
    Old,
    /// 请求过多
    #[code(2003, status = 429, retry_after = 30)]
    TooMany,
    /// 后端繁忙
    ///
    /// Wait *carefully* and _twice_, see [HTTP](https://e.example/HTTP_(protocol)) now.
    ///
    /// 1. list the pods
    /// 2. describe the pod
    #[code(2004, status = 503)]
    Busy {
        #[retry_after]
        wait: Option<std::time::Duration>,
    },
}

fn app() -> Router {
    Router::new().nest(
        "/errors",
        error_code::axum::error_index_with_scheme::<ApiError, Category>(),
    )
}

async fn get(path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
    let mut request = http::Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn the_list_shows_every_code_categories_reserved_and_retired() {
    let (status, content_type, page) = get("/errors", &[]).await;
    assert_eq!(
        (status, content_type.as_str()),
        (200, "text/html; charset=utf-8")
    );
    for code in ["1001", "2001", "2002", "2003"] {
        assert!(page.contains(&format!("href=\"/errors/{code}\"")), "{code}");
    }
    assert!(page.contains("已弃用"), "deprecated marked");
    assert!(page.contains("6000–8999"), "reserved range");
    assert!(
        page.contains("<p id=\"retired\">2009</p>"),
        "retired listed"
    );
    assert!(page.contains("<input id=\"search\""), "a search box");
    assert!(
        !page.contains("src=\"http") && !page.contains("href=\"http"),
        "self-contained"
    );
    let (_, _, english) = get("/errors", &[("accept-language", "en-US,en;q=0.9")]).await;
    assert!(english.contains("Invalid parameter") && english.contains("Base errors"));
    assert!(english.contains("<html lang=\"en\">"));
    // A category has a description, as the document says, not a message.
    assert!(
        english.contains("<th>Code</th><th>Name</th><th>Description</th></tr></thead>"),
        "{english}"
    );
    let (_, _, asked) = get("/errors?lang=en", &[("accept-language", "zh")]).await;
    assert!(asked.contains("Invalid parameter"), "?lang= wins");
    assert!(
        asked.contains("href=\"/errors/1001?lang=en\""),
        "links keep the language"
    );
}

#[tokio::test]
async fn a_code_page_has_its_explanation_params_and_neighbours() {
    let (status, _, page) = get("/errors/2001", &[("accept-language", "en")]).await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>2001 NotFound</h1>"));
    assert!(page.contains("Pod {name} not found"));
    assert!(page.contains("<code>name</code>"), "params listed");
    assert!(
        page.contains("<code>kubectl get pods</code>"),
        "Markdown rendered"
    );
    assert!(page.contains("&lt;b&gt;escaped&lt;/b&gt;"), "HTML escaped");
    assert!(page.contains("rel=\"prev\" href=\"/errors/1002\""));
    assert!(page.contains("rel=\"next\" href=\"/errors/2002\""));
    let (_, _, retry) = get("/errors/2003", &[]).await;
    assert!(retry.contains("30 s"));
    assert!(!retry.contains("字段错误"));
    let (_, _, fields) = get("/errors/1002", &[("accept-language", "en")]).await;
    assert!(fields.contains("<dt>Field violations</dt><dd><code>errors</code></dd>"));
    let (status, _, retired) = get("/errors/2009", &[]).await;
    assert_eq!(status, 200);
    assert!(retired.contains("已停用"));
}

#[tokio::test]
async fn json_when_asked_and_404_for_unknown_codes() {
    let (status, content_type, body) = get(
        "/errors/2001",
        &[("accept", "application/json"), ("accept-language", "en")],
    )
    .await;
    assert_eq!((status, content_type.as_str()), (200, "application/json"));
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(value["code"], 2001);
    assert_eq!(value["message"], "Pod {name} not found");
    assert_eq!(value["lang"], "en", "the language of the message given");
    assert_eq!(value["params"], serde_json::json!(["name"]));
    // Every language's template, the untagged one's in its language too.
    assert_eq!(value["messages"]["en"], "Pod {name} not found");
    assert_eq!(
        value["messages"]["zh"],
        ApiError::CATALOG.get(2001).unwrap().message()
    );
    // An explanation in one language only is listed in its language too.
    assert_eq!(
        value["explanations"]["zh"],
        ApiError::CATALOG.get(2001).unwrap().explanation()
    );
    // Without params the message is the text a client receives, as the
    // page shows it: `{{` is a brace.
    let (_, _, old) = get("/errors/2002", &[("accept", "application/json")]).await;
    let old: serde_json::Value = serde_json::from_str(&old).unwrap();
    assert_eq!(old["message"], "旧接口 {v1}");
    assert_eq!(
        old["message"],
        Reply::new(&ApiError::Old).message().as_ref()
    );
    let (_, _, page) = get("/errors/2002", &[]).await;
    assert!(page.contains("旧接口 {v1}"), "{page}");
    let (_, _, list) = get("/errors", &[("accept", "application/json")]).await;
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list["codes"].as_array().unwrap().len(), 6);
    assert_eq!(list["retired"], serde_json::json!([2009]));
    for path in ["/errors/4242", "/errors/nope"] {
        assert_eq!(get(path, &[]).await.0, 404, "{path}");
    }
}

/// An index answer says what it was chosen by (`Vary`) and, as JSON, the
/// languages of its messages; its format follows `Accept`'s weights, and a
/// code's template is in its message's language.
#[tokio::test]
async fn answers_say_what_they_were_chosen_by_and_their_language() {
    let fetch = |path: &'static str, headers: Vec<(&'static str, &'static str)>| async move {
        let mut request = http::Request::get(path);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        (
            header("content-type"),
            header("vary"),
            header("content-language"),
        )
    };
    let json = Some("application/json".to_owned());
    let html = Some("text/html; charset=utf-8".to_owned());
    for (accept, expected) in [
        ("application/json", &json),
        ("application/json, text/html;q=0.5", &json),
        ("text/html, application/json;q=0.9", &html),
        ("application/json, text/html", &html),
        ("application/json;q=0, */*", &html),
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            &html,
        ),
        ("*/*", &html),
    ] {
        let (content_type, vary, _) = fetch("/errors/2001", vec![("accept", accept)]).await;
        assert_eq!(&content_type, expected, "{accept}");
        assert_eq!(vary.as_deref(), Some("Accept, Accept-Language"), "{accept}");
    }
    let (_, vary, language) = fetch(
        "/errors/2001",
        vec![("accept", "application/json"), ("accept-language", "en")],
    )
    .await;
    assert_eq!(vary.as_deref(), Some("Accept, Accept-Language"));
    // The message in English, the explanation the doc comment's (`lang =
    // "zh"`, no English one).
    assert_eq!(language.as_deref(), Some("en, zh"));
    let (_, _, language) = fetch("/errors", vec![("accept", "application/json")]).await;
    assert_eq!(language.as_deref(), Some("zh"));
    // A `?lang=` the catalog lacks (or an empty one) falls back as the
    // request's `Accept-Language` says.
    for path in ["/errors/1001?lang=it", "/errors/1001?lang="] {
        let (_, _, language) = fetch(
            path,
            vec![("accept", "application/json"), ("accept-language", "en")],
        )
        .await;
        assert_eq!(language.as_deref(), Some("en"), "{path}");
    }
    let (_, _, language) = fetch(
        "/errors",
        vec![("accept", "application/json"), ("accept-language", "en")],
    )
    .await;
    // Some messages are English, the others Chinese: the list says both.
    assert_eq!(language.as_deref(), Some("en, zh"));
    let (_, _, body) = get(
        "/errors/2001",
        &[("accept", "application/json"), ("accept-language", "en")],
    )
    .await;
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(value["template"], "Pod {name} not found", "{value}");
    assert_eq!(value["template"], value["message"]);
}

#[test]
fn a_relative_link_resolves_against_the_problem_base() {
    let e = ApiError::NotFound { name: "web".into() };
    let body: serde_json::Value = serde_json::from_str(
        &Reply::new(&e)
            .problem("https://api.example.com/problems/")
            .to_json(),
    )
    .unwrap();
    assert_eq!(body["type"], "https://api.example.com/errors/2001");
    assert_eq!(e.info().url().as_deref(), Some("/errors/2001"));
}

#[test]
fn a_relative_link_resolves_against_the_grpc_link_base() {
    use tonic_types::StatusExt as _;
    let e = ApiError::NotFound { name: "web".into() };
    let help = |reply: error_code::grpc::GrpcReply<'_>| {
        reply
            .into_status()
            .get_error_details()
            .help()
            .unwrap()
            .links[0]
            .url
            .clone()
    };
    assert_eq!(help(error_code::grpc::GrpcReply::new(&e)), "/errors/2001");
    assert_eq!(
        help(error_code::grpc::GrpcReply::new(&e).link_base("https://api.example.com")),
        "https://api.example.com/errors/2001"
    );
}

/// The lowest code has no English: a page asked in English is English
/// where its message is, and the list too.
#[tokio::test]
async fn a_page_is_in_the_language_of_its_message() {
    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "zh")]
    enum Mixed {
        /// 只有中文
        #[code(1001, status = 400)]
        ChineseOnly,
        /// 两种语言
        #[code(1002, status = 400, message(en = "Both languages"))]
        Both,
    }
    let app = || Router::new().nest("/errors", error_code::axum::error_index::<Mixed>());
    for (path, headers, lang) in [
        ("/errors/1002", &[("accept-language", "en")][..], "en"),
        // The request's lines are one list (RFC 9110).
        (
            "/errors/1002",
            &[("accept-language", "fr"), ("accept-language", "en")][..],
            "en",
        ),
        ("/errors/1002?lang=en", &[][..], "en"),
        // A `_` is read as a `-` in `?lang=` as in the header.
        ("/errors/1002?lang=en_US", &[][..], "en"),
        ("/errors/1002?lang=en%5FUS", &[][..], "en"),
        // `?lang=` is the request's choice: the header's refusal of it
        // does not overrule it, and its other ranges still fall back.
        (
            "/errors/1002?lang=en",
            &[("accept-language", "en;q=0, zh")][..],
            "en",
        ),
        (
            "/errors/1002?lang=en-GB",
            &[("accept-language", "EN;q=0")][..],
            "en",
        ),
        (
            "/errors/1002?lang=fr",
            &[("accept-language", "zh;q=0, en")][..],
            "en",
        ),
        ("/errors/1002", &[("accept-language", "en_US")][..], "en"),
        ("/errors/1001", &[("accept-language", "en")][..], "zh"),
        ("/errors", &[("accept-language", "en")][..], "en"),
        ("/errors", &[][..], "zh"),
        // No message in the asked language: every page falls back alike.
        (
            "/errors",
            &[("accept-language", "fr-FR,fr;q=0.9")][..],
            "zh",
        ),
        (
            "/errors/1002",
            &[("accept-language", "fr-FR,fr;q=0.9")][..],
            "zh",
        ),
    ] {
        let mut request = http::Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let page = response.into_body().collect().await.unwrap().to_bytes();
        let page = String::from_utf8(page.to_vec()).unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{lang}\">")),
            "{path} {headers:?}: {page}"
        );
    }
}

/// A message in a language the page's words are not in (German, with
/// English words) is marked with its language on the page, as the JSON
/// says it.
#[tokio::test]
async fn a_message_says_its_language_on_the_page_as_in_the_json() {
    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "en")]
    enum German {
        /// Pod not found
        #[code(2001, status = 404, message(de = "Pod nicht gefunden"))]
        NotFound,
    }
    let app = || Router::new().nest("/errors", error_code::axum::error_index::<German>());
    for path in ["/errors/2001?lang=de", "/errors?lang=de"] {
        let response = app()
            .oneshot(http::Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let page = response.into_body().collect().await.unwrap().to_bytes();
        let page = String::from_utf8(page.to_vec()).unwrap();
        assert!(page.contains("<html lang=\"en\">"), "{path}: {page}");
        assert!(
            page.contains(" lang=\"de\">Pod nicht gefunden<"),
            "{path}: {page}"
        );
    }
    let response = app()
        .oneshot(
            http::Request::get("/errors/2001?lang=de&format=json")
                .header("accept", "application/json")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let json = response.into_body().collect().await.unwrap().to_bytes();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["lang"], "de", "{json}");
}

/// A part whose messages are English, in an API whose are Chinese.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
pub enum EnglishPart {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
}

#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh", retired = [2003])]
pub enum Composed {
    /// 参数不合法
    #[code(1001, status = 400)]
    Invalid,
    #[code(transparent)]
    Part(EnglishPart),
}

/// Pages say their language, follow their message's without a language
/// asked, are found at the code as written only, and link to the list.
#[tokio::test]
async fn pages_say_their_language_and_link_to_the_list() {
    let app = || Router::new().nest("/errors", error_code::axum::error_index::<Composed>());
    let fetch = |path: &'static str, accept: &'static str| async move {
        let mut request = http::Request::get(path);
        if !accept.is_empty() {
            request = request.header("accept", accept);
        }
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let language = response
            .headers()
            .get("content-language")
            .map(|v| v.to_str().unwrap().to_owned());
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        let page = response.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            language,
            content_type,
            String::from_utf8(page.to_vec()).unwrap(),
        )
    };
    let (_, language, _, page) = fetch("/errors/2001", "").await;
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    assert_eq!(language.as_deref(), Some("en"));
    let (_, language, _, _) = fetch("/errors/1001", "").await;
    assert_eq!(language.as_deref(), Some("zh"));
    for path in ["/errors/02001", "/errors/+2001"] {
        assert_eq!(fetch(path, "").await.0, 404, "{path}");
    }
    let (_, _, content_type, _) = fetch("/errors/2001", "APPLICATION/JSON").await;
    assert_eq!(content_type.as_deref(), Some("application/json"));
    let (status, _, _, retired) = fetch("/errors/2003", "").await;
    assert_eq!(status, 200);
    assert!(retired.contains("<a href=\"/errors\">"), "{retired}");
    assert!(!retired.contains("<a href=\"/errors/2003\">"), "{retired}");
}

/// A code whose delay a field gives says `Retry-After` on its page and in
/// its JSON, as the document does; its explanation's emphasis, links and
/// numbered lists are rendered.
#[tokio::test]
async fn a_page_says_what_the_document_says_of_retries_and_renders_its_markdown() {
    let document = error_code::Document::of::<ApiError>().to_markdown();
    assert!(document.contains("(Retry-After)"), "{document}");
    let (status, _, page) = get("/errors/2004", &[]).await;
    assert_eq!(status, 200);
    assert!(page.contains("<dd><code>Retry-After</code></dd>"), "{page}");
    assert!(
        page.contains("<em>carefully</em> and <em>twice</em>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://e.example/HTTP_(protocol)\">HTTP</a> now."),
        "{page}"
    );
    assert!(
        page.contains("<ol>\n<li>list the pods</li>\n<li>describe the pod</li>\n</ol>"),
        "{page}"
    );
    let (_, _, json) = get("/errors/2004", &[("accept", "application/json")]).await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["can_retry"], true, "{json}");
    assert!(json.get("retry_after").is_none(), "{json}");
    let (_, _, json) = get("/errors/2003", &[("accept", "application/json")]).await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (&json["retry_after"], &json["can_retry"]),
        (&serde_json::json!(30), &serde_json::json!(true))
    );
}

/// A request for a language no message has gets the list and a code's
/// page in the language the messages fall back to, both saying so.
#[tokio::test]
async fn the_list_and_a_page_fall_back_alike() {
    let mut languages = Vec::new();
    for path in ["/errors", "/errors/2001"] {
        let request = http::Request::get(path)
            .header("accept-language", "fr-FR,fr;q=0.9")
            .body(Body::empty())
            .unwrap();
        let response = app().oneshot(request).await.unwrap();
        let language = response.headers()["content-language"]
            .to_str()
            .unwrap()
            .to_owned();
        let page = response.into_body().collect().await.unwrap().to_bytes();
        let page = String::from_utf8(page.to_vec()).unwrap();
        assert!(page.contains("<html lang=\"zh\">"), "{path}: {page}");
        languages.push(language);
    }
    assert_eq!(languages, ["zh", "zh"]);
}
