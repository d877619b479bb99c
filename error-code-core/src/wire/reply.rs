//! [`Reply`]: the status, content type and body of one error answer, in
//! the default JSON body or RFC 9457 problem+json.

use super::detail::{Guarded, Sent, Watch, Watched, says_more, sent_text_within};
use super::listed::Listed;
use super::params::{ParamsMap, write_params, write_rendered_json};
use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use crate::message::Rendered;
use crate::message::render;
use crate::violations::{Violations, whole_seconds};
use http::StatusCode;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::{self, Display};

/// The content type of the default body.
pub const JSON: &str = "application/json";
/// The content type of an RFC 9457 problem body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The body format of an error answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format<'a> {
    /// `{"code": 2001, "message": "…", "error": "…"}`
    Json,
    /// RFC 9457, with `type` = base URL + code.
    Problem { type_base: &'a str },
}

/// An error answer: the status, content type and JSON body of an
/// [`ErrorCode`] value.
///
/// The default body keeps the field names of the API this crate was
/// built for: `{"code": 2001, "message": "获取 Pod 失败", "error": "…"}`.
/// `message` is the catalog message (in the request's language where one is
/// set); `error` is the value's own detail, its `Display` when that says
/// more than the message.
///
/// **Security default:** the detail of a 5xx answer is internal (a database
/// error, a path, a host name) and is not sent unless
/// [`expose_server_details`](Self::expose_server_details) opts in; 4xx
/// details are sent.
///
/// ```
/// use error_code::{ErrorCode, Reply};
///
/// #[derive(Debug, ErrorCode)]
/// enum PodError {
///     /// 获取 Pod 失败
///     #[code(2001, status = 404)]
///     GetPodError,
/// }
///
/// let reply = Reply::new(&PodError::GetPodError);
/// assert_eq!(reply.status().as_u16(), 404);
/// assert_eq!(reply.to_json(), r#"{"code":2001,"message":"获取 Pod 失败"}"#);
/// ```
#[derive(Clone, Copy)]
pub struct Reply<'a> {
    error: &'a dyn ErrorCode,
    format: Format<'a>,
    accept_language: Option<&'a str>,
    request_id: Option<&'a str>,
    expose_server_details: bool,
    /// Whether a layer chose the answer by its request's headers
    /// (`Accept`, `Accept-Language`): the answer then says so in `Vary`.
    negotiated: bool,
}

impl fmt::Debug for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reply")
            .field("code", &self.error.code())
            .field("format", &self.format)
            .field("accept_language", &self.accept_language)
            .field("request_id", &self.request_id)
            .field("expose_server_details", &self.expose_server_details)
            .finish()
    }
}

impl<'a> Reply<'a> {
    /// The answer for `error`, as a default JSON body.
    pub fn new(error: &'a dyn ErrorCode) -> Self {
        Reply {
            error,
            format: Format::Json,
            accept_language: None,
            request_id: None,
            expose_server_details: false,
            negotiated: false,
        }
    }

    /// Marks the answer as chosen by its request's `Accept` and
    /// `Accept-Language` (a layer's answer): its `Vary` names them.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn negotiated(mut self) -> Self {
        self.negotiated = true;
        self
    }

    /// The answer's `Vary`: the request headers it was chosen by, so that
    /// a shared cache does not serve one client's answer to another
    /// (a 404 is cacheable). `Accept` where a layer chose the format;
    /// `Accept-Language` where the language was chosen (by a layer, or
    /// [`accept_language`](Self::accept_language)) and the code has
    /// translations to choose from.
    #[must_use]
    pub fn vary(&self) -> Option<&'static str> {
        let mut translated = !self.error.info().messages().is_empty();
        for v in self
            .error
            .violations()
            .map_or(&[][..], Violations::as_slice)
        {
            translated |= v.info().is_some_and(|i| !i.messages().is_empty());
        }
        let languages = (self.negotiated || self.accept_language.is_some()) && translated;
        match (self.negotiated, languages) {
            (true, true) => Some("Accept, Accept-Language"),
            (true, false) => Some("Accept"),
            (false, true) => Some("Accept-Language"),
            (false, false) => None,
        }
    }

    /// The id of the request, e.g. its `x-request-id`: sent as the body's
    /// top-level `request_id` (problem+json too) and recorded in the
    /// tracing event, so a client's report finds the server's log line.
    #[must_use]
    pub fn request_id(mut self, id: &'a str) -> Self {
        self.request_id = Some(id);
        self
    }

    /// The request id set with [`request_id`](Self::request_id).
    #[must_use]
    pub fn id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// Picks the message language from an `Accept-Language` header value,
    /// e.g. `en-US,en;q=0.9,zh;q=0.5`.
    #[must_use]
    pub fn accept_language(mut self, header: &'a str) -> Self {
        self.accept_language = Some(header);
        self
    }

    /// Sends an RFC 9457 `application/problem+json` body whose `type` is
    /// the code's link where the enum gives one (`#[error_code(url = …)]`),
    /// else `type_base` followed by the code, e.g.
    /// `https://api.example.com/errors/`; an empty `type_base` gives
    /// codes without a link RFC 9457's `about:blank`.
    #[must_use]
    pub fn problem(mut self, type_base: &'a str) -> Self {
        self.format = Format::Problem { type_base };
        self
    }

    /// Sends the detail of 5xx answers too (off by default: it is internal).
    #[must_use]
    pub fn expose_server_details(mut self, expose: bool) -> Self {
        self.expose_server_details = expose;
        self
    }

    /// The error answered.
    #[must_use]
    pub fn error(&self) -> &'a dyn ErrorCode {
        self.error
    }

    /// The catalog entry of the error.
    #[must_use]
    pub fn info(&self) -> &'static CodeInfo {
        self.error.info()
    }

    /// The HTTP status of the answer.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.error.status()
    }

    /// The content type of the body.
    #[must_use]
    pub fn content_type(&self) -> &'static str {
        match self.format {
            Format::Json => JSON,
            Format::Problem { .. } => PROBLEM_JSON,
        }
    }

    /// The message in the best language the request accepts, its
    /// placeholders filled with the value's params (borrowed from the
    /// catalog where it has none).
    #[must_use]
    pub fn message(&self) -> Cow<'static, str> {
        let (template, lang) = self.chosen(self.error.info());
        render(template, lang, self.error)
    }

    /// The message template in the best language the request accepts, as
    /// the catalog keeps it: `Pod {name} not found`.
    #[must_use]
    pub fn template(&self) -> &'static str {
        self.chosen(self.error.info()).0
    }

    /// The catalog message and the chosen one, rendered with the params.
    fn messages(&self, info: &'static CodeInfo) -> (Cow<'static, str>, Cow<'static, str>) {
        (render(info.message(), info.lang(), self.error), {
            let (template, lang) = self.chosen(info);
            render(template, lang, self.error)
        })
    }

    /// The message template the request's languages choose, and its
    /// language: the one the template is rendered by.
    pub(crate) fn chosen(&self, info: &'static CodeInfo) -> (&'static str, Option<&'static str>) {
        match self.accept_language {
            Some(header) => info.chosen_for(header),
            None => (info.message(), info.lang()),
        }
    }

    /// [`hides_detail`] for this answer.
    fn hides_detail(&self, info: &CodeInfo) -> bool {
        hides_detail(info.status(), self.expose_server_details)
    }

    /// The detail that is sent, if any: the value's `Display` where it says
    /// more than the message (not where it reads as the message or the
    /// translation sent, case and white space aside, nor where it is white
    /// space only), and only for a 4xx unless opted in. The `Display` runs
    /// once to judge it; the body, a serialized `Reply` and the framework
    /// answers judge and write the text from one run.
    #[must_use]
    pub fn detail(&self) -> Option<&'a dyn Display> {
        self.detail_of(self.error.info())
    }

    fn detail_of(&self, info: &'static CodeInfo) -> Option<&'a dyn Display> {
        if self.hides_detail(info) {
            return None;
        }
        let detail = self.error.detail()?;
        let (message, chosen) = self.messages(info);
        says_more(detail, &message, &chosen).then_some(detail)
    }

    /// The detail that is sent, as text, from one pass over the value's
    /// `Display`, which allocates only where a detail is sent: what
    /// [`detail`](Self::detail) gives, written out.
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn detail_text(&self) -> Option<String> {
        self.detail_text_of(self.error.info())
    }

    /// [`detail_text`](Self::detail_text), with the entry already found.
    pub(crate) fn detail_text_of(&self, info: &'static CodeInfo) -> Option<String> {
        self.detail_text_within(info, usize::MAX)
    }

    /// [`detail_text_of`](Self::detail_text_of), the `Display` stopped once
    /// past `limit` bytes (`detail::sent_text_within`).
    pub(crate) fn detail_text_within(
        &self,
        info: &'static CodeInfo,
        limit: usize,
    ) -> Option<String> {
        if self.hides_detail(info) {
            return None;
        }
        let detail = self.error.detail()?;
        let (message, chosen) = self.messages(info);
        sent_text_within(detail, &message, &chosen, limit)
    }

    /// The body as JSON text. The body alone emits no answer's tracing
    /// event; [`to_response`](Self::to_response) (the whole answer) does.
    /// (A `Display` or `Serialize` that panics while it is written is
    /// reported, with the `tracing` feature, as every answer reports it.)
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(BODY_CAPACITY);
        self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends the JSON body to `out`, allocating nothing else for a
    /// variant without fields.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let _answering = crate::message::Answering::start();
        let info = self.error.info();
        // The messages are rendered for the comparison only where there
        // is a detail to compare.
        match self.unjudged_detail(info) {
            None => self.write_default(out, info, None::<Watched<'_>>),
            Some(detail) => {
                let (message, chosen) = self.messages(info);
                let watched = Watched {
                    detail,
                    message: &message,
                    chosen: &chosen,
                    state: Cell::new(Watch::START),
                };
                self.write_default(out, info, Some(watched));
            }
        }
    }

    /// The value's `Display`, to be judged while it is written as the
    /// detail, where the status allows a detail.
    fn unjudged_detail(&self, info: &'static CodeInfo) -> Option<&'a dyn Display> {
        if self.hides_detail(info) {
            return None;
        }
        self.error.detail()
    }

    /// The body, with `detail` as its `error` (problem+json: `detail`)
    /// where it is sent, framed by hand: the same bytes as the `Serialize`
    /// impl, without a map serializer's state per member.
    fn write_default<D: Serialize + Sent>(
        &self,
        out: &mut Vec<u8>,
        info: &'static CodeInfo,
        detail: Option<D>,
    ) {
        let mut sink = Framed { out, first: true };
        // Writing plain data into a Vec cannot fail.
        let _ = self.members(&mut sink, info, detail);
        sink.out.push(b'}');
    }

    /// The body's members, in order, to `sink`: the one place a body's
    /// layout (which members, in which order, for either format) is
    /// decided, for the bytes written by hand and for the `Serialize` impl
    /// alike.
    fn members<K: Sink, D: Serialize + Sent>(
        &self,
        sink: &mut K,
        info: &'static CodeInfo,
        detail: Option<D>,
    ) -> Result<(), K::Error> {
        let code = info.code();
        let (template, lang) = self.chosen(info);
        let violations = self.error.violations().filter(|v| !v.is_empty());
        let retry_after = self.error.retry_after().map(whole_seconds);
        match self.format {
            Format::Json => {
                sink.member("code", &code)?;
                sink.message("message", template, lang, self.error)?;
                sink.params(self.error)?;
                if let Some(violations) = violations {
                    sink.member("errors", &self.listed(violations, false))?;
                }
                if let Some(seconds) = retry_after {
                    sink.member("retry_after", &seconds)?;
                }
                if let Some(detail) = detail {
                    sink.detail("error", &detail)?;
                }
            }
            Format::Problem { type_base } => {
                match info.url() {
                    Some(url) => sink.member("type", &resolved(&url, type_base))?,
                    None => sink.member("type", &TypeUrl(type_base, code))?,
                }
                sink.message("title", template, lang, self.error)?;
                sink.member("status", &info.status().as_u16())?;
                if let Some(detail) = detail {
                    sink.detail("detail", &detail)?;
                }
                sink.member("code", &code)?;
                sink.params(self.error)?;
                if let Some(violations) = violations {
                    sink.member("errors", &self.listed(violations, true))?;
                }
                if let Some(seconds) = retry_after {
                    sink.member("retry_after", &seconds)?;
                }
            }
        }
        if let Some(id) = self.request_id {
            sink.member("request_id", id)?;
        }
        Ok(())
    }

    /// The violations as the body lists them, in the request's language.
    fn listed<'v>(&'v self, violations: &'v Violations, problem: bool) -> Listed<'v> {
        Listed {
            violations,
            accept_language: self.accept_language,
            problem,
        }
    }

    /// The whole answer, without its event: for glue that emits it once.
    /// ([`to_response`](Self::to_response), the answer with its event, is
    /// the observer's: the wire does not know it.)
    pub(crate) fn render(&self) -> http::Response<Vec<u8>> {
        let mut body = Vec::with_capacity(BODY_CAPACITY);
        self.write_json(&mut body);
        self.framed(body)
    }

    /// The whole answer without its event, the detail already written out
    /// by [`detail_text`](Self::detail_text): for glue that keeps the text.
    #[cfg(feature = "axum")]
    pub(crate) fn respond_with(&self, detail: Option<&str>) -> http::Response<Vec<u8>> {
        let mut body = Vec::with_capacity(BODY_CAPACITY);
        match self.format {
            Format::Json => self.write_default(&mut body, self.error.info(), detail),
            Format::Problem { .. } => self.write_json(&mut body),
        }
        self.framed(body)
    }

    /// `body` with the answer's status, content type and, where the
    /// message's language is known, `Content-Language`.
    fn framed(&self, body: Vec<u8>) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(body);
        *response.status_mut() = self.status();
        let headers = response.headers_mut();
        self.each_header(&mut |name, value| {
            // A tag the derive checked; `from_str` all the same: an
            // answer never panics.
            if let Ok(value) = http::HeaderValue::from_str(value) {
                headers.insert(http::HeaderName::from_static(name), value);
            }
        });
        response
    }

    /// The answer's headers, each to `put` (lower-case name, value): its
    /// content type, `Retry-After` where it gives a delay, `Vary` where a
    /// layer chose it, `Content-Language` where the message's language is
    /// known. One list for every framework's answer.
    pub(crate) fn each_header(&self, put: &mut dyn FnMut(&'static str, &str)) {
        put("content-type", self.content_type());
        if let Some(delay) = self.error.retry_after() {
            put("retry-after", &whole_seconds(delay).to_string());
        }
        if let Some(vary) = self.vary() {
            put("vary", vary);
        }
        if let Some(languages) = self.content_language() {
            put("content-language", &languages);
        }
    }

    /// The answer's `Content-Language`: the language of its message, and
    /// those of its field violations' messages where they are in others
    /// (`zh, pl`: a code without a Polish text, its violations in Polish).
    #[must_use]
    pub fn content_language(&self) -> Option<std::borrow::Cow<'static, str>> {
        let first = self.language();
        let Some(violations) = self.error.violations() else {
            return first.map(std::borrow::Cow::Borrowed);
        };
        // Plain loops: this runs in every crate's build of the answer path.
        let mut all = String::new();
        for v in violations.as_slice() {
            let Some(tag) = self.violation_language(v) else {
                continue;
            };
            if Some(tag) == first || listed(&all, tag) {
                continue;
            }
            if all.is_empty()
                && let Some(first) = first
            {
                all.push_str(first);
            }
            if !all.is_empty() {
                all.push_str(", ");
            }
            all.push_str(tag);
        }
        if all.is_empty() {
            first.map(std::borrow::Cow::Borrowed)
        } else {
            Some(std::borrow::Cow::Owned(all))
        }
    }

    /// The language a field violation's message is given in, where known:
    /// the one chosen for the request's language.
    fn violation_language(&self, v: &crate::violations::Violation) -> Option<&'static str> {
        let info = v.info()?;
        match self.accept_language {
            Some(accept) => info.chosen_for(accept).1,
            None => info.lang(),
        }
    }

    /// The language of the message sent: the chosen translation's tag, or
    /// the untagged message's language (`lang = "…"`) where it is known.
    #[must_use]
    pub fn language(&self) -> Option<&'static str> {
        self.chosen(self.error.info()).1
    }
}

/// Whether `tag` is in the `, `-separated `list`.
fn listed(list: &str, tag: &str) -> bool {
    let mut rest = list;
    while !rest.is_empty() {
        let end = rest.find(',').unwrap_or(rest.len());
        if rest[..end].trim_start() == tag {
            return true;
        }
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    false
}

/// The room a body starts with: a code, a message and a few params or a
/// detail fit without growing it (as axum's `Json` starts with 128 bytes).
const BODY_CAPACITY: usize = 128;

impl Serialize for Reply<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let info = self.error.info();
        // The detail judged and written from one run of the `Display`: a
        // serializer cannot take back a member, and a second run could
        // write another text than the one judged.
        let detail = self.detail_text_of(info);
        let mut sink = Map(serializer.serialize_map(None)?);
        self.members(&mut sink, info, detail.as_deref())?;
        sink.0.end()
    }
}

/// A problem `type` made of a base and the code.
struct TypeUrl<'d>(&'d str, u32);

impl Serialize for TypeUrl<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // No base: the problem type RFC 9457 defines for a problem with no
        // type of its own.
        if self.0.is_empty() {
            return serializer.serialize_str("about:blank");
        }
        // A base that ends in no separator gets one: `…/errors` and
        // `…/errors/` make the same link.
        let sep = if self.0.ends_with(['/', '=', '#', ':']) {
            ""
        } else {
            "/"
        };
        serializer.collect_str(&format_args!("{}{sep}{}", self.0, self.1))
    }
}

/// Where a body's members go ([`Reply::members`]).
trait Sink {
    type Error;
    /// A member whose value serializes as it is.
    fn member<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error>;
    /// The message: `template` rendered with `error`'s params.
    fn message(
        &mut self,
        key: &'static str,
        template: &'static str,
        lang: Option<&'static str>,
        error: &dyn ErrorCode,
    ) -> Result<(), Self::Error>;
    /// `params`, where `error` has any.
    fn params(&mut self, error: &dyn ErrorCode) -> Result<(), Self::Error>;
    /// The detail, left out where it turns out not to be sent.
    fn detail<D: Serialize + Sent>(
        &mut self,
        key: &'static str,
        detail: &D,
    ) -> Result<(), Self::Error>;
}

/// The body as JSON bytes, framed by hand.
struct Framed<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl Framed<'_> {
    /// `{"key":` or `,"key":` (a key is a plain word: nothing to escape).
    fn key(&mut self, key: &str) {
        self.out.push(if self.first { b'{' } else { b',' });
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }
}

impl Sink for Framed<'_> {
    type Error = serde_json::Error;
    fn member<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.key(key);
        serde_json::to_writer(&mut *self.out, value)
    }
    fn message(
        &mut self,
        key: &'static str,
        template: &'static str,
        lang: Option<&'static str>,
        error: &dyn ErrorCode,
    ) -> Result<(), Self::Error> {
        self.key(key);
        if template.contains(['{', '}']) {
            write_rendered_json(self.out, template, lang, error);
            Ok(())
        } else {
            serde_json::to_writer(&mut *self.out, template)
        }
    }
    fn params(&mut self, error: &dyn ErrorCode) -> Result<(), Self::Error> {
        // `,"params":{…}`, nothing where there is none: the body always
        // has a member before it.
        write_params(self.out, error);
        Ok(())
    }
    fn detail<D: Serialize + Sent>(
        &mut self,
        key: &'static str,
        detail: &D,
    ) -> Result<(), Self::Error> {
        let (mark, first) = (self.out.len(), self.first);
        self.member(key, detail)?;
        if !detail.sent() {
            self.out.truncate(mark);
            self.first = first;
        }
        Ok(())
    }
}

/// The body as a serde map, for any serializer.
struct Map<M>(M);

impl<M: SerializeMap> Sink for Map<M> {
    type Error = M::Error;
    fn member<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.0.serialize_entry(key, value)
    }
    fn message(
        &mut self,
        key: &'static str,
        template: &'static str,
        lang: Option<&'static str>,
        error: &dyn ErrorCode,
    ) -> Result<(), Self::Error> {
        self.0.serialize_entry(
            key,
            &Text(&Rendered {
                template,
                lang,
                error,
            }),
        )
    }
    fn params(&mut self, error: &dyn ErrorCode) -> Result<(), Self::Error> {
        if crate::message::has_params(error) {
            self.0.serialize_entry("params", &ParamsMap(error))?;
        }
        Ok(())
    }
    fn detail<D: Serialize + Sent>(
        &mut self,
        key: &'static str,
        detail: &D,
    ) -> Result<(), Self::Error> {
        // Judged before: a detail given here is sent.
        self.0.serialize_entry(key, detail)
    }
}

/// A text written straight into the body, escaped, without an
/// intermediate `String`; a panicking param ends it there.
struct Text<'t>(&'t Rendered<'t>);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&Guarded(self.0))
    }
}

/// A code's link as a problem `type`: a path (`/errors/2001`, for an error
/// index the service serves) is resolved against the origin of
/// `type_base` where that is an absolute URL; other links as given.
pub(crate) fn resolved<'u>(url: &'u str, type_base: &str) -> Cow<'u, str> {
    if !url.starts_with('/') || url.starts_with("//") {
        return Cow::Borrowed(url);
    }
    let Some(scheme_end) = type_base.find("://") else {
        return Cow::Borrowed(url);
    };
    let host_end = type_base[scheme_end + 3..]
        .find('/')
        .map_or(type_base.len(), |i| scheme_end + 3 + i);
    Cow::Owned(format!("{}{url}", &type_base[..host_end]))
}

/// The 5xx-detail rule, its one home: a server error's detail (its
/// `Display`, a parser's text) is internal and stays out of the answer
/// unless the server opts in (`expose`).
pub(crate) fn hides_detail(status: StatusCode, expose: bool) -> bool {
    status.is_server_error() && !expose
}
