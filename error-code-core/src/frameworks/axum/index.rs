//! The error index a service serves: a page listing every code and a page
//! per code, in the request's language, or JSON.

use crate::catalog::{Catalog, CodeInfo};
use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
use crate::code::ErrorCatalog;
use axum::Router;
use axum::extract::{OriginalUri, Path};
use axum::routing::get;
use axum_core::body::Body;
use axum_core::response::Response;
use http::{HeaderMap, StatusCode, header};
use std::fmt::Write as _;
use std::sync::Arc;

/// The error index of `E`'s catalog, as an axum `Router` to nest:
/// `.nest("/errors", error_index::<ApiError>())`.
///
/// - `/errors` lists every code: code, name, status, category, message,
///   deprecated and retired codes marked, the categories' ranges above,
///   and a search box that filters the list in the page;
/// - `/errors/2001` is one code's page: status, category, message, params,
///   retry delay and the long explanation (the doc comment after its first
///   paragraph, Markdown), with links to the list and the codes beside it.
///
/// Pages are in the request's language (`?lang=zh`, which a `q=0` in the
/// header does not overrule, then `Accept-Language`: a language the
/// catalog lacks falls back as the header says), self-contained HTML (no asset from elsewhere), or
/// JSON where the request's `Accept` prefers `application/json` to
/// `text/html` (by its weights, as an answer weighs problem+json). Each
/// says `Vary: Accept, Accept-Language`, and in `Content-Language` the
/// languages of the messages and explanations it shows (a page, then its
/// own words'); a code's JSON gives its explanation in the request's
/// language, as its page does. A code
/// the catalog does not have answers an empty 404, which an
/// [`ErrorLayer`](super::ErrorLayer) with
/// [`unmatched`](super::ErrorLayer::unmatched) answers in the API's format.
/// `#[error_code(url = "/errors/{code}")]` links each code here.
///
/// ```
/// use error_code::ErrorCode;
///
/// #[derive(Debug, ErrorCode)]
/// #[error_code(url = "/errors/{code}")]
/// enum PodError {
///     /// Pod {name} not found
///     ///
///     /// Check the name with `kubectl get pods`.
///     #[code(2001, status = 404)]
///     NotFound { name: String },
/// }
///
/// let app: axum::Router = axum::Router::new()
///     .nest("/errors", error_code::axum::error_index::<PodError>());
/// ```
///
/// A router with state takes it as any stateless router: `.nest("/errors",
/// error_index::<ApiError>().with_state(()))`, or `.nest_service(…)`.
#[inline]
pub fn error_index<E: ErrorCatalog>() -> Router {
    router(Index::new(E::CATALOG, E::CATALOG.categories(), Vec::new()))
}

/// [`error_index`] with the categories and reserved ranges of the scheme
/// `C`, as the error document shows them.
#[inline]
pub fn error_index_with_scheme<E: ErrorCatalog, C: ErrorCategory>() -> Router {
    let mut retired: Vec<u32> = E::CATALOG.retired().to_vec();
    retired.extend_from_slice(C::RETIRED);
    retired.sort_unstable();
    retired.dedup();
    let mut index = Index::new(E::CATALOG, C::CATEGORIES.to_vec(), C::RESERVED.to_vec());
    index.retired = retired;
    router(index)
}

struct Index {
    catalog: Catalog,
    categories: Vec<CategoryInfo>,
    reserved: Vec<ReservedRange>,
    retired: Vec<u32>,
    /// Every language a message of the catalog is in.
    languages: Vec<&'static str>,
}

impl Index {
    #[inline]
    fn new(catalog: Catalog, categories: Vec<CategoryInfo>, reserved: Vec<ReservedRange>) -> Self {
        let mut languages: Vec<&'static str> = Vec::new();
        for info in catalog {
            for tag in info
                .lang()
                .into_iter()
                .chain(info.messages().iter().map(|(t, _)| *t))
            {
                if !languages.iter().any(|l| l.eq_ignore_ascii_case(tag)) {
                    languages.push(tag);
                }
            }
        }
        languages.sort_unstable();
        Index {
            catalog,
            categories,
            reserved,
            retired: catalog.retired().to_vec(),
            languages,
        }
    }
}

#[inline]
fn router(index: Index) -> Router {
    let index = Arc::new(index);
    let list = Arc::clone(&index);
    Router::new()
        .route(
            "/",
            get(move |uri: OriginalUri, headers: HeaderMap| {
                let index = Arc::clone(&list);
                async move { list_page(&index, &Request::new(&uri, &headers)) }
            }),
        )
        .route(
            "/{code}",
            get(
                move |Path(code): Path<String>, uri: OriginalUri, headers: HeaderMap| {
                    let index = Arc::clone(&index);
                    async move { code_page(&index, &code, &Request::new(&uri, &headers)) }
                },
            ),
        )
}

/// What of a request the pages read.
struct Request {
    /// The path of the list, without a trailing `/`.
    base: String,
    /// The languages asked, as an `Accept-Language` list: `?lang=`, then
    /// the request's `Accept-Language`.
    language: Option<String>,
    /// `?lang=…` to keep in links, where given.
    lang_query: Option<String>,
    json: bool,
}

impl Request {
    #[inline]
    fn new(uri: &OriginalUri, headers: &HeaderMap) -> Self {
        let path = uri.0.path();
        let lang_query = uri.0.query().and_then(|q| {
            q.split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(k, _)| *k == "lang")
                .map(|(_, v)| crate::client::percent_decoded(v).into_owned())
                .filter(|v| {
                    !v.is_empty()
                        && v.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                })
        });
        let accept_language = crate::frameworks::context::accept_language_of(headers)
            .map(std::borrow::Cow::into_owned);
        // `?lang=` first, then the languages the request accepts: a
        // language the catalog lacks falls back as the header says.
        let language = match (&lang_query, accept_language) {
            (Some(lang), Some(header)) => Some(crate::negotiate::chosen_first(lang, &header)),
            (Some(lang), None) => Some(lang.clone()),
            (None, header) => header,
        };
        // The request's lines are one list, weighed as the answers weigh
        // them: HTML where it says neither.
        let json = crate::frameworks::context::accept_of(headers).is_some_and(|accept| {
            crate::frameworks::context::prefers(&accept, "text/html", crate::wire::JSON)
                == Some(false)
        });
        Request {
            base: path.trim_end_matches('/').to_owned(),
            language,
            lang_query,
            json,
        }
    }

    /// `path` with the `?lang=` of the request.
    #[inline]
    fn link(&self, path: &str) -> String {
        match &self.lang_query {
            Some(lang) => format!("{path}?lang={lang}"),
            None => path.to_owned(),
        }
    }

    #[inline]
    fn message(&self, info: &CodeInfo) -> &'static str {
        match &self.language {
            Some(language) => info.message_for(language),
            None => info.message(),
        }
    }

    /// The language of [`message`](Self::message)'s text, where known:
    /// the page marks it (`lang`), as the JSON says it.
    #[inline]
    fn message_lang(&self, info: &CodeInfo) -> Option<&'static str> {
        match &self.language {
            Some(language) => info.language_for(language),
            None => info.lang(),
        }
    }

    /// The explanation in the request's language, and its language where
    /// known: the page shows it, the JSON gives it.
    #[inline]
    fn explanation(&self, info: &CodeInfo) -> (Option<&'static str>, &'static str) {
        info.explanation_for(self.language.as_deref().unwrap_or(""))
    }

    /// Adds to `langs` the languages `info`'s message and, where it is
    /// shown (`explained`), its explanation are given in, where known and
    /// not there yet: the answer's `Content-Language`, for every page.
    #[inline]
    fn languages_of(&self, info: &CodeInfo, explained: bool, langs: &mut Vec<&'static str>) {
        let (tag, text) = self.explanation(info);
        let explanation = tag.filter(|_| explained && !text.is_empty());
        for tag in [self.message_lang(info), explanation].into_iter().flatten() {
            if !langs.contains(&tag) {
                langs.push(tag);
            }
        }
    }

    #[inline]
    fn description(&self, category: &CategoryInfo) -> &'static str {
        match &self.language {
            Some(language) => category.description_for(language),
            None => category.description(),
        }
    }

    /// The page's own words: Chinese where the request's language is. On a
    /// code's page, the language its message is shown in; on the others,
    /// the asked language a message of the catalog has, else the language
    /// the first message falls back to, as a code's page does.
    #[inline]
    fn words(&self, index: &Index, shown: Option<&CodeInfo>) -> &'static Words {
        let chosen = self.language.as_deref().and_then(|language| match shown {
            Some(info) => info.language_for(language),
            None => index
                .catalog
                .iter()
                .find_map(|info| {
                    crate::negotiate::negotiate_in(info.source(), info.messages(), language)
                        .map(|(tag, _)| tag)
                })
                .or_else(|| {
                    index
                        .catalog
                        .first()
                        .and_then(|info| info.language_for(language))
                }),
        });
        // Without a language asked, the shown message's own, else the
        // untagged messages'.
        let source = shown
            .and_then(CodeInfo::lang)
            .or_else(|| index.catalog.iter().find_map(CodeInfo::lang));
        let builtin = chosen
            .or(self.language.as_deref())
            .or(source)
            .and_then(crate::Language::builtin);
        match builtin {
            Some(language) if language.tag == crate::Language::ZH.tag => &ZH,
            _ => &EN,
        }
    }
}

/// The labels of the pages.
struct Words {
    lang: &'static str,
    title: &'static str,
    search: &'static str,
    code: &'static str,
    name: &'static str,
    status: &'static str,
    category: &'static str,
    message: &'static str,
    description: &'static str,
    categories: &'static str,
    reserved: &'static str,
    retired: &'static str,
    deprecated: &'static str,
    params: &'static str,
    retry: &'static str,
    violations: &'static str,
    all: &'static str,
    language: &'static str,
    retired_page: &'static str,
}

const EN: Words = Words {
    lang: "en",
    title: "API errors",
    search: "Filter by code, name or message",
    code: "Code",
    name: "Name",
    status: "Status",
    category: "Category",
    message: "Message",
    description: "Description",
    categories: "Categories",
    reserved: "Reserved",
    retired: "Retired codes (never reused)",
    deprecated: "deprecated",
    params: "Params",
    retry: "Retry after",
    violations: "Field violations",
    all: "All errors",
    language: "Language",
    retired_page: "This code is retired: no answer carries it, and it is never used again.",
};

const ZH: Words = Words {
    lang: "zh",
    title: "API 错误码",
    search: "按错误码、名称或说明筛选",
    code: "错误码",
    name: "名称",
    status: "状态码",
    category: "类型",
    message: "说明",
    description: "说明",
    categories: "错误类型",
    reserved: "预留",
    retired: "已停用的错误码（不可再用）",
    deprecated: "已弃用",
    params: "参数",
    retry: "重试等待",
    violations: "字段错误",
    all: "全部错误码",
    language: "语言",
    retired_page: "该错误码已停用：不再出现在任何应答中，也不会再被使用。",
};

/// A page in the languages `langs` (its messages' and explanations'),
/// whose own words are `words`'.
#[inline]
fn html(status: StatusCode, body: String, words: &Words, mut langs: Vec<&str>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // The page's languages, as an error answer says its own: the texts
    // shown, then the page's words.
    if !langs.contains(&words.lang) {
        langs.push(words.lang);
    }
    if let Ok(value) = http::HeaderValue::from_str(&langs.join(", ")) {
        response
            .headers_mut()
            .insert(header::CONTENT_LANGUAGE, value);
    }
    response.headers_mut().insert(header::VARY, VARY);
    response
}

/// What a page is chosen by: the format by `Accept`, the language by
/// `Accept-Language` (where `?lang=` does not choose it), so that a shared
/// cache keeps one page per format and language.
const VARY: http::HeaderValue = http::HeaderValue::from_static("Accept, Accept-Language");

/// `value` as JSON whose messages are in the languages `langs` (tags,
/// none where not known).
#[inline]
fn json(value: &serde_json::Value, langs: &[&str]) -> Response {
    let mut response = Response::new(Body::from(value.to_string()));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        http::HeaderValue::from_static(crate::wire::JSON),
    );
    response.headers_mut().insert(header::VARY, VARY);
    // RFC 9110 8.5: the languages of the intended audience, a list.
    if !langs.is_empty()
        && let Ok(value) = http::HeaderValue::from_str(&langs.join(", "))
    {
        response
            .headers_mut()
            .insert(header::CONTENT_LANGUAGE, value);
    }
    response
}

#[inline]
fn not_found() -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

/// `text` escaped for HTML text and attribute values.
#[inline]
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1b1b1b}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}\
td.n{font-variant-numeric:tabular-nums;white-space:nowrap}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;margin:.5rem 0 1rem}\
.mark{font-size:.8rem;background:#eee;border-radius:.3rem;padding:0 .3rem;margin-left:.3rem}pre{background:#f4f4f4;padding:.6rem;overflow-x:auto}\
nav a{margin-right:.8rem}dt{font-weight:600}dd{margin:0 0 .6rem}\
@media (max-width:40rem){th.o,td.o{display:none}body{padding:.5rem}}";

/// The start of a page: head, styles, and the language links.
#[inline]
fn head(
    out: &mut String,
    words: &Words,
    title: &str,
    index: &Index,
    request: &Request,
    path: &str,
) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<nav>",
        words.lang,
        esc(title),
    );
    let _ = write!(
        out,
        "<a href=\"{}\">{}</a>",
        esc(&request.link(&request.base_list())),
        words.all
    );
    if index.languages.len() > 1 {
        let _ = write!(out, "<span>{}:</span> ", words.language);
        for tag in &index.languages {
            let _ = write!(
                out,
                "<a href=\"{}?lang={}\" hreflang=\"{}\">{}</a>",
                esc(path),
                esc(tag),
                esc(tag),
                esc(tag)
            );
        }
    }
    out.push_str("</nav>\n");
}

impl Request {
    /// The list's path (the root of the nested router).
    #[inline]
    fn base_list(&self) -> String {
        if self.base.is_empty() {
            "/".to_owned()
        } else {
            self.base.clone()
        }
    }
}

#[inline]
fn list_page(index: &Index, request: &Request) -> Response {
    if request.json {
        let codes: Vec<serde_json::Value> = index
            .catalog
            .iter()
            .map(|info| code_json(info, request))
            .collect();
        let mut langs = Vec::new();
        for info in index.catalog.iter() {
            request.languages_of(info, true, &mut langs);
        }
        let value = serde_json::json!({
            "codes": codes,
            "categories": index.categories,
            "reserved": index.reserved,
            "retired": index.retired,
        });
        return json(&value, &langs);
    }
    let words = request.words(index, None);
    let mut out = String::with_capacity(4096 + 256 * index.catalog.len());
    head(
        &mut out,
        words,
        words.title,
        index,
        request,
        &request.base_list(),
    );
    let _ = writeln!(out, "<h1>{}</h1>", words.title);
    if !index.categories.is_empty() || !index.reserved.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            words.categories, words.code, words.name, words.description
        );
        let mut rows: Vec<(u32, String)> = index
            .categories
            .iter()
            .map(|c| {
                (
                    c.start(),
                    format!(
                        "<tr><td class=\"n\">{}–{}</td><td>{}</td><td>{}</td></tr>\n",
                        c.start(),
                        c.end(),
                        esc(c.name()),
                        esc(request.description(c))
                    ),
                )
            })
            .collect();
        rows.extend(index.reserved.iter().map(|r| {
            (
                r.start(),
                format!(
                    "<tr><td class=\"n\">{}–{}</td><td>{}</td><td>{}</td></tr>\n",
                    r.start(),
                    r.end(),
                    words.reserved,
                    words.reserved
                ),
            )
        }));
        rows.sort_by_key(|(start, _)| *start);
        for (_, row) in rows {
            out.push_str(&row);
        }
        out.push_str("</tbody></table>\n");
    }
    let _ = writeln!(
        out,
        "<input id=\"search\" type=\"search\" placeholder=\"{}\" aria-label=\"{}\">\n\
         <table id=\"codes\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"o\">{}</th><th>{}</th></tr></thead><tbody>",
        esc(words.search),
        esc(words.search),
        words.code,
        words.name,
        words.status,
        words.category,
        words.message
    );
    for info in index.catalog {
        let link = request.link(&format!("{}/{}", request.base, info.code()));
        let deprecated = if info.deprecation().is_some() {
            format!("<span class=\"mark\">{}</span>", words.deprecated)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<tr data-code=\"{}\"><td class=\"n\"><a href=\"{}\">{}</a></td><td>{}{}</td><td class=\"n\">{}</td><td class=\"o\">{}</td><td{}>{}</td></tr>",
            info.code(),
            esc(&link),
            info.code(),
            esc(info.name()),
            deprecated,
            info.status().as_u16(),
            esc(info.category().map(CategoryInfo::name).unwrap_or_default()),
            lang_attr(request.message_lang(info)),
            esc(&crate::wire::params::readable(info, request.message(info))),
        );
    }
    out.push_str("</tbody></table>\n");
    if !index.retired.is_empty() {
        let codes: Vec<String> = index.retired.iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p id=\"retired\">{}</p>",
            words.retired,
            codes.join(", ")
        );
    }
    out.push_str(
        "<script>\nconst search = document.getElementById('search');\n\
         search.addEventListener('input', () => {\n\
         \x20 const words = search.value.toLowerCase().split(/\\s+/).filter(w => w);\n\
         \x20 for (const row of document.querySelectorAll('#codes tbody tr')) {\n\
         \x20   const text = row.textContent.toLowerCase();\n\
         \x20   row.hidden = !words.every(w => text.includes(w));\n\
         \x20 }\n\
         });\n</script>\n</body>\n</html>\n",
    );
    // The list shows each message, no explanation.
    let mut langs = Vec::new();
    for info in index.catalog.iter() {
        request.languages_of(info, false, &mut langs);
    }
    html(StatusCode::OK, out, words, langs)
}

/// ` lang="…"` for a text in a known language, else nothing: the page's
/// own `lang` is its words', the messages' may be another.
#[inline]
fn lang_attr(tag: Option<&str>) -> String {
    tag.map_or_else(String::new, |tag| format!(" lang=\"{}\"", esc(tag)))
}

/// One code as JSON: its catalog entry, the message in the request's
/// language and (`lang`) the language it is in. The message is the text a
/// client receives where the code has no params (`{{` a brace, as the
/// page and the answer write it), else its template, to be filled as the
/// clients fill it.
#[inline]
fn code_json(info: &'static CodeInfo, request: &Request) -> serde_json::Value {
    let mut value = serde_json::to_value(info).unwrap_or_default();
    if let serde_json::Value::Object(map) = &mut value {
        let template = request.message(info);
        let message = if info.params().is_empty() {
            crate::wire::params::readable(info, template)
        } else {
            std::borrow::Cow::Borrowed(template)
        };
        map.insert("message".to_owned(), message.into());
        // The template of the message given, in its language.
        map.insert("template".to_owned(), template.into());
        // Every language's template and explanation: the untagged ones in
        // their language too, which `message`, `lang` and `explanation` no
        // longer say when another is chosen.
        if let Some(tag) = info.lang() {
            for (key, untagged) in [
                ("messages", info.message()),
                ("explanations", info.explanation()),
            ] {
                if untagged.is_empty() {
                    continue;
                }
                let texts = map
                    .entry(key)
                    .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
                if let serde_json::Value::Object(texts) = texts
                    && !texts.contains_key(tag)
                {
                    texts.insert(tag.to_owned(), untagged.into());
                }
            }
        }
        // The language of the message given, not of the untagged one.
        match request.message_lang(info) {
            Some(tag) => map.insert("lang".to_owned(), tag.into()),
            None => map.remove("lang"),
        };
        // The explanation in the request's language too, as the page
        // shows it, and its language where known.
        let (tag, explanation) = request.explanation(info);
        if explanation.is_empty() {
            map.remove("explanation");
        } else {
            map.insert("explanation".to_owned(), explanation.into());
        }
        if let Some(tag) = tag.filter(|_| !explanation.is_empty()) {
            map.insert("explanation_lang".to_owned(), tag.into());
        }
    }
    value
}

#[inline]
fn code_page(index: &Index, code: &str, request: &Request) -> Response {
    // One page per code, at its number as written: `02001` is no page.
    let Some(code) = code.parse::<u32>().ok().filter(|n| n.to_string() == code) else {
        return not_found();
    };
    // The list's path is the parent of this page's.
    let base = request
        .base
        .rsplit_once('/')
        .map_or(String::new(), |(parent, _)| parent.to_owned());
    let request = &Request {
        base,
        language: request.language.clone(),
        lang_query: request.lang_query.clone(),
        json: request.json,
    };
    let Some(info) = index.catalog.get(code) else {
        if index.retired.contains(&code) {
            return retired_page(index, code, request);
        }
        return not_found();
    };
    if request.json {
        let mut langs = Vec::new();
        request.languages_of(info, true, &mut langs);
        return json(&code_json(info, request), &langs);
    }
    let words = request.words(index, Some(info));
    let title = format!("{} {}", info.code(), info.name());
    let mut out = String::with_capacity(4096);
    let own = format!("{}/{}", request.base, info.code());
    head(&mut out, words, &title, index, request, &own);
    let _ = writeln!(
        out,
        "<h1>{}</h1>\n<p id=\"message\"{}>{}</p>\n<dl>",
        esc(&title),
        lang_attr(request.message_lang(info)),
        esc(&crate::wire::params::readable(info, request.message(info)))
    );
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{} {}</dd>",
        words.status,
        info.status().as_u16(),
        info.status().canonical_reason().unwrap_or_default()
    );
    if let Some(category) = info.category() {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{} ({}–{}) {}</dd>",
            words.category,
            esc(category.name()),
            category.start(),
            category.end(),
            esc(request.description(category))
        );
    }
    if !info.params().is_empty() {
        let params: Vec<String> = info
            .params()
            .iter()
            .map(|p| format!("<code>{}</code>", esc(p)))
            .collect();
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            words.params,
            params.join(", ")
        );
    }
    if info.carries_violations() {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd><code>errors</code></dd>",
            words.violations
        );
    }
    if let Some(delay) = info.retry_after() {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{} s</dd>",
            words.retry,
            crate::violations::whole_seconds(delay)
        );
    } else if info.can_retry() {
        // A delay the value gives (a `#[retry_after]` field), as the
        // document says it.
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd><code>Retry-After</code></dd>",
            words.retry
        );
    }
    if let Some(note) = info.deprecation() {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", words.deprecated, esc(note));
    }
    out.push_str("</dl>\n");
    let (tag, explanation) = request.explanation(info);
    if !explanation.is_empty() {
        // The section says its language, which may not be the page's.
        match tag {
            Some(tag) => {
                let _ = writeln!(out, "<section id=\"explanation\" lang=\"{}\">", esc(tag));
            }
            None => out.push_str("<section id=\"explanation\">\n"),
        }
        markdown(&mut out, explanation);
        out.push_str("</section>\n");
    }
    // The codes beside this one.
    let entries = index.catalog.entries();
    let at = entries.iter().position(|e| e.code() == code).unwrap_or(0);
    out.push_str("<nav>");
    if let Some(before) = at.checked_sub(1).and_then(|i| entries.get(i)) {
        let link = request.link(&format!("{}/{}", request.base, before.code()));
        let _ = write!(
            out,
            "<a rel=\"prev\" href=\"{}\">← {} {}</a>",
            esc(&link),
            before.code(),
            esc(before.name())
        );
    }
    if let Some(after) = entries.get(at + 1) {
        let link = request.link(&format!("{}/{}", request.base, after.code()));
        let _ = write!(
            out,
            "<a rel=\"next\" href=\"{}\">{} {} →</a>",
            esc(&link),
            after.code(),
            esc(after.name())
        );
    }
    out.push_str("</nav>\n</body>\n</html>\n");
    let mut langs = Vec::new();
    request.languages_of(info, true, &mut langs);
    html(StatusCode::OK, out, words, langs)
}

#[inline]
fn retired_page(index: &Index, code: u32, request: &Request) -> Response {
    if request.json {
        return json(&serde_json::json!({"code": code, "retired": true}), &[]);
    }
    let words = request.words(index, None);
    let title = code.to_string();
    let mut out = String::with_capacity(1024);
    let own = format!("{}/{code}", request.base);
    head(&mut out, words, &title, index, request, &own);
    let _ = writeln!(
        out,
        "<h1>{code}</h1>\n<p>{}</p>\n</body>\n</html>",
        words.retired_page
    );
    html(StatusCode::OK, out, words, Vec::new())
}

/// A link reference definition's label (lower case) and destination, with
/// its title.
type Reference = (String, String, String);

/// The Markdown of an explanation as HTML: paragraphs (hard breaks
/// included), fenced and indented code, lists (their items' continuation
/// lines too), block quotes, headings, thematic breaks, inline code,
/// emphasis, strikethrough, links (inline, reference and autolinks, with
/// titles) and images; everything escaped. A link reference definition is
/// not shown. Tables are shown as their text.
#[inline]
fn markdown(out: &mut String, text: &str) {
    let mut references: Vec<Reference> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut open: Option<&str> = None;
    for line in text.lines() {
        // Definitions are read outside code only.
        match open {
            Some(fence) if crate::tools::markdown::closes(line, fence) => open = None,
            Some(_) => {}
            None => {
                open = crate::tools::markdown::fence(line);
                if open.is_none()
                    && let Some(reference) = definition(line)
                {
                    references.push(reference);
                    continue;
                }
            }
        }
        lines.push(line);
    }
    blocks(out, &lines, &references);
}

/// A link reference definition (`[label]: https://… "title"`), where
/// `line` is one.
#[inline]
fn definition(line: &str) -> Option<Reference> {
    // The doc comment reader's rule for what is one.
    if !crate::expansion::doc_comment::reference(line.as_bytes()) {
        return None;
    }
    let rest = line.trim_start().strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    if label.trim().is_empty() || label.contains(['[', ']']) {
        return None;
    }
    let (link, title) = destination(rest[close + 2..].trim());
    (!link.is_empty()).then(|| {
        (
            label.trim().to_lowercase(),
            link.to_owned(),
            title.to_owned(),
        )
    })
}

/// A link's destination and its title (`https://e.example "Title"`).
#[inline]
fn destination(text: &str) -> (&str, &str) {
    let text = text.trim();
    let (link, rest) = match text.strip_prefix('<').and_then(|t| t.split_once('>')) {
        Some((link, rest)) => (link, rest),
        None => text.split_once([' ', '\t']).unwrap_or((text, "")),
    };
    let rest = rest.trim();
    let title = match rest.chars().next() {
        Some(open @ ('"' | '\'' | '(')) => {
            let close = if open == '(' { ')' } else { open };
            rest[1..].strip_suffix(close).unwrap_or(&rest[1..])
        }
        _ => "",
    };
    (link, title)
}

/// Whether a line is a thematic break (`---`, `* * *`), by the rule doc
/// comments are read by.
#[inline]
fn thematic(line: &str) -> bool {
    crate::expansion::doc_comment::thematic(line.as_bytes())
}

/// Whether a line underlines the paragraph above it as a heading (`===`,
/// `---`), by the rule doc comments are read by.
#[inline]
fn underline(line: &str) -> bool {
    crate::expansion::doc_comment::underline(line.as_bytes())
}

/// The blocks of `lines` as HTML.
#[inline]
fn blocks(out: &mut String, lines: &[&str], references: &[Reference]) {
    use crate::tools::markdown::{closes, fence, heading, indented};
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let trimmed = line.trim();
        at += 1;
        if trimmed.is_empty() {
            continue;
        }
        if let Some(open) = fence(line) {
            out.push_str("<pre><code>");
            while at < lines.len() {
                let code = lines[at];
                at += 1;
                if closes(code, open) {
                    break;
                }
                out.push_str(&esc(code));
                out.push('\n');
            }
            out.push_str("</code></pre>\n");
        } else if indented(line) {
            // Indented code: its lines and the blank ones between them.
            let mut end = at;
            while end < lines.len() && (indented(lines[end]) || lines[end].trim().is_empty()) {
                end += 1;
            }
            let mut last = end;
            while last > at && lines[last - 1].trim().is_empty() {
                last -= 1;
            }
            out.push_str("<pre><code>");
            for code in &lines[at - 1..last] {
                let code = code
                    .strip_prefix("    ")
                    .or_else(|| code.strip_prefix('\t'))
                    .unwrap_or(code.trim_start());
                out.push_str(&esc(code));
                out.push('\n');
            }
            out.push_str("</code></pre>\n");
            at = end;
        } else if let Some((level, heading)) = heading(line) {
            // Under the page's `h1`: `#` is `h2`, and so on to `h6`.
            let level = (level + 1).min(6);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", inline(heading, references));
        } else if thematic(line) {
            out.push_str("<hr>\n");
        } else if trimmed.starts_with('>') {
            // A block quote: its lines without their `>`, and the lazy
            // lines of its paragraph.
            let mut quoted = vec![quote_line(line)];
            while at < lines.len() && !lines[at].trim().is_empty() {
                let next = lines[at];
                if !next.trim_start().starts_with('>') && interrupts(next) {
                    break;
                }
                quoted.push(quote_line(next));
                at += 1;
            }
            out.push_str("<blockquote>\n");
            blocks(out, &quoted, references);
            out.push_str("</blockquote>\n");
        } else if let Some((list, _)) = list_item(trimmed) {
            // An ordered list says where it starts.
            let start = crate::expansion::doc_comment::marker(trimmed.as_bytes())
                .1
                .unwrap_or(1);
            if list == "ol" && start != 1 {
                let _ = writeln!(out, "<ol start=\"{start}\">");
            } else {
                let _ = writeln!(out, "<{list}>");
            }
            at -= 1;
            while at < lines.len() {
                let raw = lines[at];
                let lead = crate::expansion::doc_comment::lead(raw.as_bytes());
                let Some((kind, first)) = list_item(&raw[lead..]) else {
                    break;
                };
                if kind != list || indented(raw) {
                    break;
                }
                // The item's lines: those indented to its text, and the
                // lazy ones of its paragraph; blank lines inside it. The
                // text is the end of the line: its column is what is
                // before it.
                let column = raw.len() - first.len();
                let mut body: Vec<&str> = vec![first.trim_end()];
                at += 1;
                let mut blank = false;
                while at < lines.len() {
                    let next = lines[at];
                    let lead = crate::expansion::doc_comment::lead(next.as_bytes());
                    if next.trim().is_empty() {
                        blank = true;
                    } else if lead >= column && column > 0 {
                        body.push(&next[column..]);
                        blank = false;
                    } else if !blank && !interrupts(next) && list_item(next.trim()).is_none() {
                        body.push(next.trim());
                    } else {
                        break;
                    }
                    if blank {
                        body.push("");
                    }
                    at += 1;
                }
                while body.last().is_some_and(|l| l.trim().is_empty()) {
                    body.pop();
                }
                // One paragraph is written in the item (a tight list);
                // more blocks as blocks.
                let blocks_inside = body.len() > 1
                    && body[1..].iter().any(|l| {
                        l.trim().is_empty()
                            || interrupts(l)
                            || list_item(l.trim()).is_some()
                            || indented(l)
                    });
                out.push_str("<li>");
                if blocks_inside {
                    out.push('\n');
                    blocks(out, &body, references);
                } else {
                    out.push_str(&inline(&body.join("\n"), references));
                }
                out.push_str("</li>\n");
                // Blank lines between the items of one list.
                let mut after = at;
                while after < lines.len() && lines[after].trim().is_empty() {
                    after += 1;
                }
                if lines
                    .get(after)
                    .and_then(|l| list_item(l.trim()))
                    .is_some_and(|(l, _)| l == list)
                {
                    at = after;
                }
            }
            let _ = writeln!(out, "</{list}>");
        } else {
            // A paragraph goes on over indented and lazy lines; a line
            // under it of `===` or `---` makes it a heading.
            let (first, mut hard) = paragraph_line(line);
            let mut paragraph = first.to_owned();
            // A setext heading's level: 1 for `===`, 2 for `---`.
            let mut titled = 0;
            while at < lines.len() {
                let next = lines[at];
                if next.trim().is_empty() {
                    break;
                }
                if underline(next) {
                    titled = if next.trim().starts_with('=') { 2 } else { 3 };
                    at += 1;
                    break;
                }
                if interrupts(next) || list_item(next.trim()).is_some() {
                    break;
                }
                let (text, breaks) = paragraph_line(next);
                paragraph.push_str(if hard { "\\\n" } else { "\n" });
                paragraph.push_str(text);
                hard = breaks;
                at += 1;
            }
            if titled > 0 {
                let text = inline(paragraph.trim_end(), references);
                let _ = writeln!(out, "<h{titled}>{text}</h{titled}>");
            } else {
                let _ = writeln!(out, "<p>{}</p>", inline(paragraph.trim_end(), references));
            }
        }
    }
}

/// Whether `line` starts a block that ends a paragraph above it: fenced
/// code, a heading, a thematic break, an HTML comment or a block quote.
#[inline]
fn interrupts(line: &str) -> bool {
    // The doc comment reader's rule (a heading, a fence, a thematic break,
    // an HTML comment), and a quote, which the index reads as a block.
    crate::expansion::doc_comment::interrupts(line.as_bytes()) || line.trim_start().starts_with('>')
}

/// A quoted line without its `>` and the blank after it.
#[inline]
fn quote_line(line: &str) -> &str {
    let trimmed = line.trim_start();
    match trimmed.strip_prefix('>') {
        Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
        None => trimmed,
    }
}

/// A paragraph's line without its leading and trailing blanks, and
/// whether two blanks ending it break the line (as a `\` ending it does,
/// which stays in the text for [`inline`]).
#[inline]
fn paragraph_line(line: &str) -> (&str, bool) {
    let line = line.trim_start();
    let text = line.trim_end();
    (text, line.ends_with("  ") && !text.is_empty())
}

/// Whether `name` (between `&` and `;`) names an entity: letters and
/// digits, or `#` and a decimal or `#x` and a hexadecimal number.
#[inline]
fn entity(name: &str) -> bool {
    match name.strip_prefix('#') {
        Some(number) => match number.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
        },
        None => {
            name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && name.bytes().all(|b| b.is_ascii_alphanumeric())
        }
    }
}

/// A list item's kind (`ul` for `- `/`* `/`+ `, `ol` for `1. `) and its text.
#[inline]
fn list_item(line: &str) -> Option<(&'static str, &str)> {
    // The doc comment reader's rule for a marker.
    match crate::expansion::doc_comment::marker(line.as_bytes()) {
        (0, _) => None,
        (width, None) => Some(("ul", &line[width..])),
        (width, Some(_)) => Some(("ol", &line[width..])),
    }
}

/// The end of a link's destination that starts `rest` (after `](`): the
/// `)` that closes it, parentheses inside it balanced.
#[inline]
fn link_end(rest: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Whether a link may be followed from the page: the web, or the site.
#[inline]
fn safe(link: &str) -> bool {
    link.starts_with("http://")
        || link.starts_with("https://")
        || link.starts_with('/')
        || link.starts_with('#')
}

/// A link or an image, where `link` is safe; its label alone otherwise.
#[inline]
fn anchor(out: &mut String, image: bool, label: &str, link: &str, title: &str) {
    if !safe(link) {
        out.push_str(&esc(label));
        return;
    }
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", esc(title))
    };
    if image {
        let _ = write!(
            out,
            "<img src=\"{}\" alt=\"{}\"{title}>",
            esc(link),
            esc(label)
        );
    } else {
        let _ = write!(out, "<a href=\"{}\"{title}>{}</a>", esc(link), esc(label));
    }
}

/// Inline Markdown: `code`, **strong**, *em* or _em_, ~~strike~~, links
/// (`[text](link "title")`, `[text][label]`, `[label][]`, `<https://…>`),
/// images, and hard breaks (a `\` ending a line).
#[inline]
fn inline(text: &str, references: &[Reference]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // The character before `rest`, for where emphasis may start.
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        // A code span: a run of backticks to the next run as long.
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..run];
            let mut from = run;
            let mut found = None;
            while let Some(at) = rest[from..].find(fence) {
                let start = from + at;
                let len = rest[start..].len() - rest[start..].trim_start_matches('`').len();
                if len == run {
                    found = Some(start);
                    break;
                }
                from = start + len;
            }
            if let Some(end) = found {
                let code = &rest[run..end];
                // One blank each side is the span's padding.
                let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                    Some(inner) if !inner.trim().is_empty() => inner,
                    _ => code,
                };
                let _ = write!(out, "<code>{}</code>", esc(code));
                rest = &rest[end + run..];
                continue;
            }
            out.push_str(fence);
            rest = &rest[run..];
            continue;
        }
        // An entity (`&amp;`, `&#169;`, `&#x3C;`) is shown as HTML shows it.
        if c == '&'
            && let Some(end) = rest[1..].find(';').filter(|&e| e > 0 && e <= 32)
            && entity(&rest[1..=end])
        {
            out.push_str(&rest[..end + 2]);
            rest = &rest[end + 2..];
            continue;
        }
        if rest.starts_with("\\\n") {
            out.push_str("<br>\n");
            rest = &rest[2..];
            continue;
        }
        if c == '\n' {
            out.push('\n');
            before = Some(' ');
            rest = &rest[1..];
            continue;
        }
        let mut spanned = false;
        for (mark, tag) in [("**", "strong"), ("__", "strong"), ("~~", "del")] {
            if rest.starts_with(mark)
                && (mark != "__" || !before.is_some_and(char::is_alphanumeric))
                && let Some(end) = rest[2..].find(mark)
            {
                let _ = write!(out, "<{tag}>{}</{tag}>", esc(&rest[2..2 + end]));
                rest = &rest[end + 4..];
                spanned = true;
                break;
            }
        }
        if spanned {
            continue;
        }
        // `*em*` or `_em_`: a `_` only between words' edges, so that
        // `snake_case_name` stays as it is.
        if (c == '*' || c == '_')
            && !rest[1..].starts_with([' ', c])
            && (c == '*' || !before.is_some_and(|b| b.is_alphanumeric() || b == '_'))
            && let Some(end) = rest[1..].find(c)
            && end > 0
            && !rest[..=end].ends_with(' ')
            && (c == '*'
                || !rest[end + 2..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric))
        {
            let _ = write!(out, "<em>{}</em>", esc(&rest[1..=end]));
            before = Some(c);
            rest = &rest[end + 2..];
            continue;
        }
        // An autolink: `<https://…>` (a URI with its scheme: `</b>` is none).
        if c == '<'
            && let Some(end) = rest.find('>')
            && (rest[1..end].starts_with("https://") || rest[1..end].starts_with("http://"))
            && !rest[1..end].contains([' ', '<'])
        {
            let link = &rest[1..end];
            anchor(&mut out, false, link, link, "");
            rest = &rest[end + 1..];
            continue;
        }
        let image = rest.starts_with("![");
        let bracket = if image { &rest[1..] } else { rest };
        if bracket.starts_with('[')
            && let Some(close) = bracket.find(']')
        {
            let label = &bracket[1..close];
            let after = &bracket[close + 1..];
            let skip = rest.len() - after.len();
            // `[text](link "title")`.
            if let Some(inner) = after.strip_prefix('(')
                && let Some(end) = link_end(inner)
            {
                let (link, title) = destination(&inner[..end]);
                anchor(&mut out, image, label, link, title);
                rest = &after[end + 2..];
                continue;
            }
            // `[text][label]`, `[label][]`, `[label]`, where defined.
            let (key, used) = match after.strip_prefix('[').and_then(|a| a.split_once(']')) {
                Some(("", _)) => (label, 2),
                Some((key, _)) => (key, key.len() + 2),
                None => (label, 0),
            };
            let key = key.trim().to_lowercase();
            if let Some((_, link, title)) = references.iter().find(|(k, _, _)| *k == key) {
                anchor(&mut out, image, label, link, title);
                rest = &rest[skip + used..];
                continue;
            }
        }
        out.push_str(&esc(&rest[..c.len_utf8()]));
        before = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{esc, markdown};

    fn inline(text: &str) -> String {
        super::inline(text, &[])
    }

    /// The blocks of an explanation, as CommonMark reads them (and the
    /// error document, which shares the rules): a `#` without a blank is
    /// text, `~~~` and longer fences hold code, indented lines are code.
    #[test]
    fn an_explanation_s_blocks_are_read_as_markdown_reads_them() {
        let text = "#hashtag not heading\n\n~~~\n# tilde fenced\n~~~\n\n````md\n```\n# inside\n```\n````\n\n    # indented code\n\n## Fix ##";
        let mut out = String::new();
        markdown(&mut out, text);
        assert_eq!(
            out,
            "<p>#hashtag not heading</p>\n<pre><code># tilde fenced\n</code></pre>\n<pre><code>```\n# inside\n```\n</code></pre>\n<pre><code># indented code\n</code></pre>\n<h3>Fix</h3>\n"
        );
    }

    /// What rustdoc and the error document show, the index shows too:
    /// link titles, a list item's lines, quotes, breaks, references.
    #[test]
    fn an_explanation_renders_as_rustdoc_renders_it() {
        let render = |text: &str| {
            let mut out = String::new();
            markdown(&mut out, text);
            out
        };
        assert_eq!(
            render("See [the docs](https://example.com/x \"The docs\")."),
            "<p>See <a href=\"https://example.com/x\" title=\"The docs\">the docs</a>.</p>\n"
        );
        assert_eq!(
            render("- one\n  still one\n- two\n\n- three\n\n> Note: quoted\nlazily"),
            "<ul>\n<li>one\nstill one</li>\n<li>two</li>\n<li>three</li>\n</ul>\n<blockquote>\n<p>Note: quoted\nlazily</p>\n</blockquote>\n"
        );
        assert_eq!(
            render("![img](https://i.example/x.png \"t\") and <https://e.example/a?b&c>"),
            "<p><img src=\"https://i.example/x.png\" alt=\"img\" title=\"t\"> and <a href=\"https://e.example/a?b&amp;c\">https://e.example/a?b&amp;c</a></p>\n"
        );
        assert_eq!(
            render("a hard\\\nbreak, two  \nblanks\\"),
            "<p>a hard<br>\nbreak, two<br>\nblanks\\</p>\n"
        );
        assert_eq!(
            render(
                "[x][r], [r][] and [R]\n\n[r]: https://e.example/r 'Title'\n\n---\n\nTitle\n=====\n\n~~old~~"
            ),
            "<p><a href=\"https://e.example/r\" title=\"Title\">x</a>, <a href=\"https://e.example/r\" title=\"Title\">r</a> and <a href=\"https://e.example/r\" title=\"Title\">R</a></p>\n<hr>\n<h2>Title</h2>\n<p><del>old</del></p>\n"
        );
        assert_eq!(
            render("- a <b>tag</b>, </b>"),
            "<ul>\n<li>a &lt;b&gt;tag&lt;/b&gt;, &lt;/b&gt;</li>\n</ul>\n"
        );
        // A list item's blocks, where it has more than a paragraph; a list
        // that starts at 3; headings under the page's `h1`.
        assert_eq!(
            render(
                "3. three\n   - nested a\n4. four\n\n   second para\n\n   > quoted\n\n## Sub\n#### Deep"
            ),
            "<ol start=\"3\">\n<li>\n<p>three</p>\n<ul>\n<li>nested a</li>\n</ul>\n</li>\n<li>\n<p>four</p>\n<p>second para</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n</li>\n</ol>\n<h3>Sub</h3>\n<h5>Deep</h5>\n"
        );
        assert_eq!(
            render(
                "``x ` y`` and `` `a` `` &amp; &#169; &#x3C; &nope &; __strong__ snake__case__x"
            ),
            "<p><code>x ` y</code> and <code>`a`</code> &amp; &#169; &#x3C; &amp;nope &amp;; <strong>strong</strong> snake__case__x</p>\n"
        );
        // An HTML comment ends a paragraph, an indented `#` goes on in it.
        assert_eq!(
            render("text\n<!-- c -->"),
            "<p>text</p>\n<p>&lt;!-- c --&gt;</p>\n"
        );
        assert_eq!(
            render("text\n    # not a heading"),
            "<p>text\n# not a heading</p>\n"
        );
        // Not links: an unsafe destination, brackets with no definition.
        assert_eq!(
            render("[a](javascript:x) [b] [c][d] <javascript:x>"),
            "<p>a [b] [c][d] &lt;javascript:x&gt;</p>\n"
        );
    }

    #[test]
    fn inline_markdown_is_escaped() {
        assert_eq!(inline("run `a<b` now"), "run <code>a&lt;b</code> now");
        assert_eq!(inline("**x** <y>"), "<strong>x</strong> &lt;y&gt;");
        assert_eq!(
            inline("[docs](https://e.example/a?b=1&c=2)"),
            "<a href=\"https://e.example/a?b=1&amp;c=2\">docs</a>"
        );
        assert_eq!(inline("[x](javascript:alert(1))"), "x");
        assert_eq!(
            inline("see [HTTP](https://e.example/HTTP_(protocol)) now"),
            "see <a href=\"https://e.example/HTTP_(protocol)\">HTTP</a> now"
        );
        assert_eq!(
            inline("*carefully* and _twice_, not snake_case_name or 2 * 3 * 4"),
            "<em>carefully</em> and <em>twice</em>, not snake_case_name or 2 * 3 * 4"
        );
        assert_eq!(esc("\"'&"), "&quot;&#39;&amp;");
    }
}
