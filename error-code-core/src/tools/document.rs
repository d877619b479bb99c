//! The API's error document, rendered from the catalog as Markdown.

use crate::catalog::{Catalog, CodeInfo};
use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
use crate::code::ErrorCatalog;
use std::fmt::{self, Write as _};

/// The fixed words of a document in one language.
///
/// [`Language::ZH`] and [`Language::EN`] are built in; add another by
/// filling in the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// The language tag used to pick messages, e.g. `zh` or `en`.
    pub tag: &'static str,
    /// The document's title.
    pub title: &'static str,
    /// The heading of the HTTP status table.
    pub statuses_heading: &'static str,
    /// The heading of the category table.
    pub categories_heading: &'static str,
    /// The sentence before the category table.
    pub categories_intro: &'static str,
    /// Column: HTTP status.
    pub status: &'static str,
    /// Column: description.
    pub description: &'static str,
    /// Column: error code.
    pub code: &'static str,
    /// Column: category name.
    pub category_name: &'static str,
    /// Column: error name.
    pub name: &'static str,
    /// Column: HTTP status of a code.
    pub code_status: &'static str,
    /// The name and description of a reserved range.
    pub reserved: &'static str,
    /// The mark of a deprecated code.
    pub deprecated: &'static str,
    /// The heading of the section of codes in no category.
    pub uncategorized: &'static str,
    /// The heading of the list of retired codes.
    pub retired: &'static str,
    /// The heading of the codes' long explanations.
    pub explained: &'static str,
}

impl Language {
    /// Chinese, as the error table of the Kubernetes dashboard this project started from.
    pub const ZH: Language = Language {
        tag: "zh",
        title: "API 调用错误说明",
        statuses_heading: "一、接口 HTTP 状态码说明",
        categories_heading: "二、接口错误类型说明",
        categories_intro: "错误码使用四位数字，说明如下：",
        status: "状态码",
        description: "说明",
        code: "错误码",
        category_name: "命名",
        name: "命名参考",
        code_status: "状态码",
        reserved: "预留",
        deprecated: "已弃用",
        uncategorized: "未分类错误",
        retired: "已停用的错误码（不可再用）",
        explained: "错误码详解",
    };

    /// English.
    pub const EN: Language = Language {
        tag: "en",
        title: "API errors",
        statuses_heading: "1. HTTP status codes",
        categories_heading: "2. Error categories",
        categories_intro: "Error codes are grouped by range:",
        status: "Status",
        description: "Description",
        code: "Code",
        category_name: "Name",
        name: "Name",
        code_status: "Status",
        reserved: "Reserved",
        deprecated: "deprecated",
        uncategorized: "Uncategorized errors",
        retired: "Retired codes (never to be reused)",
        explained: "Error codes explained",
    };

    /// The built-in language for `tag` (`zh…` or `en…`).
    #[must_use]
    #[inline]
    pub fn builtin(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        [Language::ZH, Language::EN]
            .into_iter()
            .find(|l| l.tag.eq_ignore_ascii_case(primary))
    }
}

/// The descriptions of HTTP statuses in Chinese, as the dashboard's error
/// table words them, for a document in `zh` where the user gives none.
const ZH_STATUSES: &[(u16, &str)] = &[
    (400, "请求错误，通常是因为缺少参数"),
    (401, "缺少认证信息或认证信息错误"),
    (403, "禁止访问，缺少该资源权限"),
    (404, "请求的资源不存在"),
    (405, "不支持该请求方法"),
    (408, "请求超时"),
    (409, "请求冲突"),
    (410, "请求的资源已不存在"),
    (412, "请求的前提条件不满足"),
    (413, "请求体过大"),
    (415, "不支持的媒体类型"),
    (422, "请求格式正确但无法处理"),
    (429, "过多的请求"),
    (500, "服务器内部错误"),
    (501, "服务器不支持该功能"),
    (502, "网关错误"),
    (503, "服务暂不可用"),
    (504, "网关超时"),
];

/// One row of the HTTP status table: one status or a group.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StatusRow {
    statuses: Vec<u16>,
    label: Option<String>,
    description: String,
}

/// The API's error document: a status table, a category table, and one
/// table of codes per category, laid out like a hand-kept API document.
///
/// ```
/// use error_code::{Document, ErrorCode, Language};
///
/// #[derive(Debug, ErrorCode)]
/// enum E {
///     /// 参数不合法
///     #[code(1001, status = 400, message(en = "Invalid parameter"))]
///     ParamInvalid,
/// }
///
/// let doc = Document::of::<E>()
///     .language(Language::EN)
///     .status(400, "The request is malformed")
///     .to_markdown();
/// assert!(doc.contains("| 400 - Bad Request | The request is malformed |"));
/// assert!(doc.contains("| 1001 | ParamInvalid | Invalid parameter |"));
/// ```
#[derive(Debug, Clone)]
pub struct Document {
    catalog: Catalog,
    categories: Vec<CategoryInfo>,
    reserved: Vec<ReservedRange>,
    statuses: Vec<StatusRow>,
    language: Language,
    title: Option<String>,
    status_column: bool,
    retired: Vec<u32>,
}

impl Document {
    /// A document of `catalog`, in Chinese, its categories taken from the
    /// codes; call [`scheme`](Self::scheme) for the full code space.
    #[must_use]
    #[inline]
    pub fn new(catalog: Catalog) -> Self {
        let categories = catalog.categories();
        Document {
            catalog,
            categories,
            reserved: Vec::new(),
            statuses: Vec::new(),
            language: Language::ZH,
            title: None,
            status_column: false,
            retired: catalog.retired().to_vec(),
        }
    }

    /// A document of the catalog of `E`.
    #[must_use]
    #[inline]
    pub fn of<E: ErrorCatalog>() -> Self {
        Document::new(E::CATALOG)
    }

    /// Takes the categories and reserved ranges from the scheme `C`,
    /// including categories without codes.
    #[must_use]
    #[inline]
    pub fn scheme<C: ErrorCategory>(mut self) -> Self {
        self.categories = C::CATEGORIES.to_vec();
        self.reserved = C::RESERVED.to_vec();
        self.retired.extend_from_slice(C::RETIRED);
        self.retired.sort_unstable();
        self.retired.dedup();
        self
    }

    /// The language of headings, fixed words and messages.
    #[must_use]
    #[inline]
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// Replaces the language's title.
    #[must_use]
    #[inline]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Describes a status (e.g. `404`, "请求的资源不存在"); its label is the
    /// standard reason phrase.
    #[must_use]
    #[inline]
    pub fn status(self, status: u16, description: impl Into<String>) -> Self {
        self.status_row(&[status], None, description.into())
    }

    /// Describes one status or a group under an API-specific label, e.g.
    /// `&[402]`, "Request Failed" or `&[500, 502, 503, 504]`, "Server Errors".
    #[must_use]
    #[inline]
    pub fn status_labeled(
        self,
        statuses: &[u16],
        label: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        self.status_row(statuses, Some(label.into()), description.into())
    }

    #[inline]
    fn status_row(mut self, statuses: &[u16], label: Option<String>, description: String) -> Self {
        if !statuses.is_empty() {
            self.statuses.push(StatusRow {
                statuses: statuses.to_vec(),
                label,
                description,
            });
        }
        self
    }

    /// Adds a column with each code's HTTP status to the code tables.
    #[must_use]
    #[inline]
    pub fn status_column(mut self, on: bool) -> Self {
        self.status_column = on;
        self
    }

    /// The document as Markdown.
    #[must_use]
    #[inline]
    pub fn to_markdown(&self) -> String {
        self.to_string()
    }

    /// The status rows: those described, then each status the catalog uses
    /// that no row covers, with its reason phrase; sorted by first status.
    #[inline]
    fn status_rows(&self) -> Vec<(String, String)> {
        let mut rows = self.statuses.clone();
        for info in self.catalog.iter() {
            let status = info.status().as_u16();
            if !rows.iter().any(|r| r.statuses.contains(&status)) {
                // In the document's language where built in, else the
                // status's (English) reason.
                let zh = chinese_words(&self.language);
                let description = ZH_STATUSES
                    .iter()
                    .find(|(s, _)| zh && *s == status)
                    .map_or_else(|| reason(status), |(_, d)| *d);
                rows.push(StatusRow {
                    statuses: vec![status],
                    label: None,
                    description: description.to_owned(),
                });
            }
        }
        rows.sort_by_key(|r| r.statuses.first().copied());
        rows.into_iter()
            .map(|r| {
                let numbers: Vec<String> = r.statuses.iter().map(u16::to_string).collect();
                let label = r.label.unwrap_or_else(|| {
                    r.statuses
                        .first()
                        .map(|s| reason(*s))
                        .unwrap_or_default()
                        .to_owned()
                });
                let head = if label.is_empty() {
                    numbers.join(",")
                } else {
                    format!("{} - {label}", numbers.join(","))
                };
                (head, r.description)
            })
            .collect()
    }

    /// Category rows: (range text, name, description, first code), sorted.
    #[inline]
    fn category_rows(&self) -> Vec<(String, String, String, u32)> {
        let lang = &self.language;
        let mut rows: Vec<(String, String, String, u32)> = self
            .categories
            .iter()
            .map(|c| {
                (
                    range_text(c.start(), c.end()),
                    c.name().to_owned(),
                    c.description_for(lang.tag).to_owned(),
                    c.start(),
                )
            })
            .collect();
        for r in &self.reserved {
            for (start, end) in blocks(r.start(), r.end()) {
                rows.push((
                    range_text(start, end),
                    lang.reserved.to_owned(),
                    lang.reserved.to_owned(),
                    start,
                ));
            }
        }
        rows.sort_by_key(|r| r.3);
        rows
    }
}

impl fmt::Display for Document {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = &self.language;
        let title = self.title.as_deref().unwrap_or(lang.title);
        writeln!(f, "# {}\n", cell(&literal(title)))?;

        writeln!(f, "## {}\n", lang.statuses_heading)?;
        let rows: Vec<Vec<String>> = self
            .status_rows()
            .into_iter()
            .map(|(head, desc)| vec![literal(&head), literal(&desc)])
            .collect();
        table(f, &[lang.status, lang.description], &[false, false], &rows)?;

        if !self.categories.is_empty() || !self.reserved.is_empty() {
            writeln!(f, "\n## {}\n", lang.categories_heading)?;
            writeln!(f, "{}\n", lang.categories_intro)?;
            let rows: Vec<Vec<String>> = self
                .category_rows()
                .into_iter()
                .map(|(range, name, desc, _)| vec![range, literal(&name), literal(&desc)])
                .collect();
            table(
                f,
                &[lang.code, lang.category_name, lang.description],
                &[true, false, false],
                &rows,
            )?;
        }

        let mut sections: Vec<(String, Vec<&CodeInfo>)> = Vec::new();
        let mut categories = self.categories.clone();
        categories.sort_by_key(CategoryInfo::start);
        for (i, c) in categories.iter().enumerate() {
            let codes: Vec<&CodeInfo> = self
                .catalog
                .iter()
                .filter(|e| {
                    e.category()
                        .is_some_and(|ec| ec.name() == c.name() && c.contains(e.code()))
                })
                .collect();
            if codes.is_empty() {
                continue;
            }
            let number = leading_digit(c.start(), c.end()).unwrap_or(i + 1);
            let description = c.description_for(lang.tag);
            let title = if description.is_empty() {
                c.name().to_owned()
            } else {
                format!("{description} ({})", c.name())
            };
            sections.push((format!("{number}. {title}"), codes));
        }
        let rest: Vec<&CodeInfo> = self
            .catalog
            .iter()
            .filter(|e| {
                !e.category().is_some_and(|ec| {
                    categories
                        .iter()
                        .any(|c| c.name() == ec.name() && c.contains(e.code()))
                })
            })
            .collect();
        if !rest.is_empty() {
            sections.push((lang.uncategorized.to_owned(), rest));
        }

        let mut headers = vec![lang.code, lang.name, lang.description];
        if self.status_column {
            headers.push(lang.code_status);
        }
        let mut right = vec![true, false, false];
        right.extend(self.status_column.then_some(true));
        for (title, codes) in sections {
            writeln!(f, "\n### {}\n", cell(&literal(&title)))?;
            let rows: Vec<Vec<String>> = codes
                .into_iter()
                .map(|e| {
                    // The text a client receives, shown as it is: a mark
                    // of Markdown in it is no markup here either.
                    let mut message =
                        literal(&crate::wire::params::readable(e, e.message_for(lang.tag)));
                    if !e.params().is_empty() {
                        let _ = write!(message, " ({}: {})", params_label(lang), param_list(e));
                    }
                    if e.carries_violations() {
                        let _ = write!(message, " ({})", violations_label(lang));
                    }
                    if let Some(delay) = e.retry_after() {
                        let _ = write!(
                            message,
                            " (Retry-After: {} s)",
                            crate::violations::whole_seconds(delay)
                        );
                    } else if e.can_retry() {
                        // A delay each answer gives (`#[retry_after]`).
                        message.push_str(" (Retry-After)");
                    }
                    if let Some(grpc) = e.grpc_override() {
                        let _ = write!(message, " (gRPC: {grpc})");
                    }
                    if let Some(note) = e.deprecation() {
                        let _ = write!(message, " ({}", lang.deprecated);
                        if !note.is_empty() {
                            let _ = write!(message, ": {}", literal(note));
                        }
                        message.push(')');
                    }
                    // Each code links to its page where the enum gives one.
                    let code = match e.url() {
                        Some(url) => format!("[{}]({url})", e.code()),
                        None => e.code().to_string(),
                    };
                    let mut row = vec![code, literal(e.name()), message];
                    if self.status_column {
                        row.push(e.status().as_u16().to_string());
                    }
                    row
                })
                .collect();
            table(f, &headers, &right, &rows)?;
        }
        if !self.retired.is_empty() {
            let codes: Vec<String> = self.retired.iter().map(u32::to_string).collect();
            writeln!(f, "\n### {}\n\n{}", lang.retired, codes.join(", "))?;
        }
        self.translations(f)?;
        // The long explanations, one section a code, as rustc's error index.
        let explained: Vec<&CodeInfo> = self
            .catalog
            .iter()
            .filter(|e| !e.explanation_for(self.language.tag).1.is_empty())
            .collect();
        if !explained.is_empty() {
            writeln!(f, "\n## {}", lang.explained)?;
            for e in explained {
                write!(f, "\n{}", self.section(e))?;
            }
        }
        Ok(())
    }
}

impl Document {
    /// How many codes each language has a message in, where any code has a
    /// translation: the untagged messages' language (`lang`) counts the
    /// codes that have them.
    #[inline]
    fn translations(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        let mut count = |tag: &'static str| match counts
            .iter_mut()
            .find(|(t, _)| t.eq_ignore_ascii_case(tag))
        {
            Some((_, n)) => *n += 1,
            None => counts.push((tag, 1)),
        };
        let mut translated = false;
        for e in self.catalog {
            if let Some(tag) = e.lang() {
                count(tag);
            }
            for (tag, _) in e.messages() {
                translated = true;
                count(tag);
            }
        }
        if !translated {
            return Ok(());
        }
        counts.sort_by(|a, b| a.0.cmp(b.0));
        let (heading, language, codes) = if chinese_words(&self.language) {
            ("各语言的错误码说明", "语言", "有说明的错误码")
        } else {
            ("Messages by language", "Language", "Codes with a message")
        };
        writeln!(f, "\n### {heading}\n")?;
        let total = self.catalog.len();
        let rows: Vec<Vec<String>> = counts
            .iter()
            .map(|(tag, n)| vec![(*tag).to_owned(), format!("{n} / {total}")])
            .collect();
        table(f, &[language, codes], &[false, true], &rows)
    }

    /// One code's section: heading, status, message, link and explanation.
    #[inline]
    fn section(&self, e: &CodeInfo) -> String {
        let lang = &self.language;
        let status = e.status().as_u16();
        let mut out = format!(
            "### {} {}\n\n{} {status} {}: {}\n",
            e.code(),
            literal(e.name()),
            lang.code_status,
            reason(status),
            literal(&crate::wire::params::readable(e, e.message_for(lang.tag))),
        );
        // Deprecated, as the table and the index mark it.
        if let Some(note) = e.deprecation() {
            let _ = write!(out, "\n({}", lang.deprecated);
            if !note.is_empty() {
                let _ = write!(out, ": {}", literal(note));
            }
            out.push_str(")\n");
        }
        if !e.params().is_empty() {
            let _ = writeln!(out, "\n{}: {}", params_label(lang), param_list(e));
        }
        if e.carries_violations() {
            let _ = writeln!(out, "\n{}", violations_label(lang));
        }
        if let Some(delay) = e.retry_after() {
            let _ = writeln!(
                out,
                "\nRetry-After: {} s",
                crate::violations::whole_seconds(delay)
            );
        } else if e.can_retry() {
            let _ = writeln!(out, "\nRetry-After");
        }
        if let Some(url) = e.url() {
            // An autolink needs a scheme: a path is a link of its own text.
            if url.contains("://") {
                let _ = writeln!(out, "\n<{url}>");
            } else {
                let _ = writeln!(out, "\n[{url}]({url})");
            }
        }
        let (tag, explanation) = e.explanation_for(lang.tag);
        if !explanation.is_empty() {
            // Said where it is in another language than the document's
            // (`en` is the language of a document in `en-GB`).
            match tag {
                Some(tag)
                    if crate::negotiate::lookup_in(Some((tag, "")), &[], lang.tag, &[])
                        .is_none() =>
                {
                    let _ = writeln!(out, "\n({tag})\n");
                }
                _ => out.push('\n'),
            }
            nested(&mut out, explanation);
        }
        out
    }

    /// The section of one code, as `rustc --explain` shows one error: its
    /// name, status and message, deprecation, link and long explanation
    /// (the doc comment after its first paragraph); for a retired number,
    /// that it is retired. `None` for a code the catalog does not have.
    #[must_use]
    #[inline]
    pub fn explain(&self, code: u32) -> Option<String> {
        match self.catalog.get(code) {
            Some(e) => Some(self.section(e)),
            None if self.retired.contains(&code) => {
                Some(format!("### {code}\n\n{}\n", self.language.retired))
            }
            None => None,
        }
    }

    /// Checks the document against the committed file at `path`, for a
    /// test, so the published document cannot drift from the code: panics
    /// with a line diff and the command that rewrites the file, which
    /// `ERROR_CODE_SNAPSHOT=overwrite` does (as for
    /// [`Snapshot`](crate::Snapshot)).
    ///
    /// # Panics
    /// Where the file differs or cannot be read (or written, when asked).
    #[track_caller]
    #[inline]
    pub fn assert_file(&self, path: impl AsRef<std::path::Path>) {
        super::snapshot::assert_text(path.as_ref(), &self.to_markdown(), "error document");
    }
}

/// `explanation` under a code's `###` heading: each of its ATX headings
/// three levels deeper (`## Fix` is `##### Fix`, at most `######`), so that
/// the document's outline keeps it inside the code's section; code, fenced
/// or indented, is left as it is.
#[inline]
fn nested(out: &mut String, explanation: &str) {
    use super::markdown::{closes, fence, heading};
    let mut open: Option<&str> = None;
    for line in explanation.lines() {
        match open {
            Some(fenced) => {
                if closes(line, fenced) {
                    open = None;
                }
                out.push_str(line);
            }
            None => {
                open = fence(line);
                match heading(line).filter(|_| open.is_none()) {
                    Some((level, _)) => {
                        let trimmed = line.trim_start_matches(' ');
                        out.push_str(&"#".repeat((level + 3).min(6)));
                        out.push_str(&trimmed[level..]);
                    }
                    None => out.push_str(line),
                }
            }
        }
        out.push('\n');
    }
}

/// Whether the document's words are Chinese: the words of `lang` are more
/// [`Language::ZH`]'s than [`Language::EN`]'s, or, where they are as many
/// (a language of its own words), its tag is Chinese. The one rule of the words
/// the document adds beside `Language`'s labels (a status's description, a
/// code's params, the languages' table): they follow its words, not its
/// `tag`, so that `Language { tag: "zh-Hant", ..Language::EN }` is English
/// throughout.
#[inline]
fn chinese_words(lang: &Language) -> bool {
    let words = |l: &Language| {
        [
            l.title,
            l.statuses_heading,
            l.categories_heading,
            l.categories_intro,
            l.status,
            l.description,
            l.code,
            l.category_name,
            l.name,
            l.code_status,
            l.reserved,
            l.deprecated,
            l.uncategorized,
            l.retired,
            l.explained,
        ]
    };
    let (given, zh, en) = (words(lang), words(&Language::ZH), words(&Language::EN));
    let mut score = 0i32;
    for i in 0..given.len() {
        score += i32::from(given[i] == zh[i]) - i32::from(given[i] == en[i]);
    }
    if score == 0 {
        // Words of its own, none a built-in language's: by its tag.
        return Language::builtin(lang.tag).is_some_and(|l| l.tag == Language::ZH.tag);
    }
    score > 0
}

/// `zh` where the document's words are Chinese ([`chinese_words`]), else
/// `en`.
#[inline]
fn in_language(lang: &Language, en: &'static str, zh: &'static str) -> &'static str {
    if chinese_words(lang) { zh } else { en }
}

/// The label of a code's params in the document's language.
#[inline]
fn params_label(lang: &Language) -> &'static str {
    in_language(lang, "params", "参数")
}

/// The mark of a code whose answers can list field violations, in the
/// document's language (OpenAPI's schema and TypeScript's type say it too).
#[inline]
fn violations_label(lang: &Language) -> &'static str {
    in_language(
        lang,
        "field violations in `errors`",
        "字段错误列于 `errors`",
    )
}

/// The params of `e` as inline code: `` `name`, `namespace` ``.
#[inline]
fn param_list(e: &CodeInfo) -> String {
    let names: Vec<String> = e.params().iter().map(|p| format!("`{p}`")).collect();
    names.join(", ")
}

/// The standard reason phrase of `status`, or "" for an unknown one.
#[inline]
fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

/// `2xxx` for a whole block such as 2000..=2999 (or `21xx` for
/// 2100..=2199), else `start-end`.
#[inline]
fn range_text(start: u32, end: u32) -> String {
    let mut size: u64 = 1_000_000_000;
    while size >= 10 {
        let (s, e) = (u64::from(start), u64::from(end));
        if s % size == 0 && e + 1 == s + size {
            let zeros = size.ilog10() as usize;
            let prefix = s / size;
            if prefix > 0 {
                return format!("{prefix}{}", "x".repeat(zeros));
            }
        }
        size /= 10;
    }
    if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    }
}

/// The digit a block range starts with (2 for `2xxx`), for numbering sections.
#[inline]
fn leading_digit(start: u32, end: u32) -> Option<usize> {
    let text = range_text(start, end);
    let digits = text.trim_end_matches('x');
    (digits.len() == 1 && text.len() > 1)
        .then(|| digits.parse().ok())
        .flatten()
}

/// A reserved range split into whole thousand-blocks where it is made of
/// them (6000..=8999 → 6xxx, 7xxx, 8xxx), else the range itself.
#[inline]
fn blocks(start: u32, end: u32) -> Vec<(u32, u32)> {
    let (s, e) = (u64::from(start), u64::from(end));
    let count = (e + 1).saturating_sub(s) / 1000;
    if s % 1000 == 0 && (e + 1) % 1000 == 0 && (2..=100).contains(&count) {
        (0..count)
            .filter_map(|i| {
                let b = u32::try_from(s + i * 1000).ok()?;
                Some((b, b + 999))
            })
            .collect()
    } else {
        vec![(start, end)]
    }
}

/// `text` as the characters it is: each ASCII mark Markdown reads inline
/// escaped (code, emphasis, HTML, entities, escapes, strikethrough, and a
/// link's `](` or `][`; a `[` or a `]` alone is text). A message is sent
/// as written, so the document shows it so: `**` and `` ` `` in a doc
/// comment's first paragraph are in the answer's text too.
#[inline]
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let link = c == ']' && matches!(chars.peek(), Some('(' | '['));
        if link || matches!(c, '\\' | '`' | '*' | '_' | '<' | '&' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Fits Markdown into a table cell: `|` and line breaks would end the
/// cell. Text shown as it is goes through [`literal`] first.
#[inline]
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            // A tab (or another blank) shows as the blank it is.
            c if c.is_control() && c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// Columns a cell takes in a monospace font: 2 for wide (CJK) characters.
#[inline]
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let c = c as u32;
            let wide = matches!(c,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
                | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

/// Writes a padded Markdown table; `right` aligns a column to the right.
#[inline]
fn table(
    f: &mut fmt::Formatter<'_>,
    headers: &[&str],
    right: &[bool],
    rows: &[Vec<String>],
) -> fmt::Result {
    // Each cell as the table writes it, and each column's width: its
    // widest cell, at least three.
    let mut cells: Vec<String> = Vec::with_capacity((rows.len() + 1) * headers.len());
    let mut widths: Vec<usize> = Vec::with_capacity(headers.len());
    for header in headers {
        let header = cell(header);
        widths.push(width(&header).max(3));
        cells.push(header);
    }
    for row in rows {
        for (i, w) in widths.iter_mut().enumerate() {
            let text = row.get(i).map_or_else(String::new, |c| cell(c));
            *w = (*w).max(width(&text));
            cells.push(text);
        }
    }
    for (n, text) in cells.iter().enumerate() {
        let i = n % headers.len();
        if i == 0 {
            f.write_str("|")?;
        }
        f.write_str(" ")?;
        let pad = widths[i] - width(text);
        let right = right.get(i).copied().unwrap_or(false);
        if !right {
            f.write_str(text)?;
        }
        for _ in 0..pad {
            f.write_str(" ")?;
        }
        if right {
            f.write_str(text)?;
        }
        f.write_str(" |")?;
        if i + 1 == headers.len() {
            f.write_str("\n")?;
        }
        if n + 1 == headers.len() {
            // The line under the headers.
            f.write_str("|")?;
            for w in &widths {
                for _ in 0..w + 2 {
                    f.write_str("-")?;
                }
                f.write_str("|")?;
            }
            f.write_str("\n")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explanation_s_headings_nest_under_its_code() {
        let mut out = String::new();
        nested(
            &mut out,
            "Why.\n\n## 如何修复\n# Top\n###### Deep\n#no heading\n    ## indented code\n```sh\n## a comment\n```\n````md\n```\n# inside\n```\n````\n~~~\n# tilde\n~~~\nend",
        );
        assert_eq!(
            out,
            "Why.\n\n##### 如何修复\n#### Top\n###### Deep\n#no heading\n    ## indented code\n```sh\n## a comment\n```\n````md\n```\n# inside\n```\n````\n~~~\n# tilde\n~~~\nend\n"
        );
    }

    #[test]
    fn range_text_writes_blocks_as_xxx() {
        assert_eq!(range_text(2000, 2999), "2xxx");
        assert_eq!(range_text(2100, 2199), "21xx");
        assert_eq!(range_text(10_000, 19_999), "1xxxx");
        assert_eq!(range_text(0, 999), "0-999");
        assert_eq!(range_text(2000, 2499), "2000-2499");
        assert_eq!(range_text(7, 7), "7");
        assert_eq!(range_text(0, u32::MAX), "0-4294967295");
    }

    #[test]
    fn reserved_ranges_split_into_blocks() {
        assert_eq!(
            blocks(6000, 8999),
            [(6000, 6999), (7000, 7999), (8000, 8999)]
        );
        assert_eq!(blocks(6000, 6499), [(6000, 6499)]);
        assert_eq!(blocks(0, u32::MAX), [(0, u32::MAX)]);
    }

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(cell(&literal("a|b\nc\r\nd\\")), "a\\|b<br>c<br>d\\\\");
        assert_eq!(
            literal("`x` **b** [l](u) <i> &amp; ~s~ ![i](p) a_b [r][d] [0] -> x"),
            r"\`x\` \*\*b\*\* [l\](u) \<i> \&amp; \~s\~ ![i\](p) a\_b [r\][d] [0] -> x"
        );
        assert_eq!(cell("tab\there\u{7}"), "tab here");
        assert_eq!(cell("  x \u{7} "), "x");
    }

    #[inline]
    fn leaked(entries: Vec<CodeInfo>) -> Catalog {
        Catalog::__new(Box::leak(entries.into_boxed_slice()), &[])
    }

    #[inline]
    fn status(n: u16) -> http::StatusCode {
        http::StatusCode::from_u16(n).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    #[test]
    fn renders_any_catalog_without_breaking_tables() {
        const CAT: CategoryInfo = CategoryInfo::__new("C|at", 0, u32::MAX, "desc\nnl");
        let texts = [
            "",
            "|",
            "||\n|",
            "\r\n\r",
            "\u{0}\u{7f}",
            "错误 🦀 e\u{301}",
            " padded ",
        ];
        let many: Vec<CodeInfo> = (0..10_000u32)
            .map(|i| {
                let text: &'static str = Box::leak(
                    texts[i as usize % texts.len()]
                        .repeat(1 + i as usize % 3)
                        .into_boxed_str(),
                );
                let category = (i % 2 == 0).then_some(&CAT);
                CodeInfo::__new(
                    i * 7,
                    text,
                    status(400 + (i % 200) as u16),
                    text,
                    category,
                    "E",
                )
            })
            .collect();
        for catalog in [Catalog::EMPTY, leaked(many[..1].to_vec()), leaked(many)] {
            for language in [Language::ZH, Language::EN] {
                let doc = Document::new(catalog)
                    .language(language)
                    .status_column(true)
                    .to_markdown();
                for line in doc.lines() {
                    if line.starts_with('|') {
                        let pipes = line
                            .replace("\\\\", "")
                            .replace("\\|", "")
                            .matches('|')
                            .count();
                        assert!(pipes >= 3, "{line}");
                    }
                    assert!(!line.contains('\r'));
                }
            }
        }
    }

    #[test]
    fn grpc_overrides_are_shown_after_the_message() {
        const EXTRAS: crate::catalog::Extras = crate::catalog::Extras::NONE
            .__grpc("ALREADY_EXISTS")
            .__deprecated("use 2004");
        let entries = vec![
            CodeInfo::__new(2003, "PodExists", status(409), "Pod 已存在", None, "E")
                .__extras(&EXTRAS),
            CodeInfo::__new(2004, "Taken", status(409), "Taken", None, "E"),
        ];
        let doc = Document::new(leaked(entries))
            .language(Language::EN)
            .to_markdown();
        assert!(
            doc.contains("| Pod 已存在 (gRPC: ALREADY_EXISTS) (deprecated: use 2004) |"),
            "{doc}"
        );
        assert!(doc.contains("| Taken "), "{doc}");
        assert!(!doc.contains("| Taken (gRPC"), "{doc}");
    }

    #[test]
    fn table_rows_keep_their_column_count() {
        let entries = vec![
            CodeInfo::__new(1, "a|b", status(404), "x\ny|z", None, "E"),
            CodeInfo::__new(2, "\\|", status(500), "", None, "E"),
        ];
        let doc = Document::new(leaked(entries)).to_markdown();
        let section: Vec<&str> = doc
            .lines()
            .skip_while(|l| !l.starts_with("###"))
            .filter(|l| l.starts_with('|'))
            .collect();
        assert_eq!(section.len(), 4);
        for line in section {
            let unescaped = line.replace("\\\\", "").replace("\\|", "");
            assert_eq!(unescaped.matches('|').count(), 4, "{line}");
        }
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("Pod 失败"), 8);
        assert_eq!(width("abc"), 3);
    }
}
