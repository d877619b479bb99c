//! The wire body of an error answer, on the server and on the client.

use crate::catalog::CodeInfo;
use crate::code::{ErrorCode, FromCode};
use http::StatusCode;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::cell::Cell;
use std::fmt::{self, Display, Write as _};

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
/// The default body keeps the field names of the service this crate was
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
    /// `https://api.example.com/errors/`.
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

    /// The catalog message in the best language the request accepts.
    #[must_use]
    pub fn message(&self) -> &'static str {
        self.message_of(self.error.info())
    }

    pub(crate) fn message_of(&self, info: &'static CodeInfo) -> &'static str {
        match self.accept_language {
            Some(header) => info.message_for(header),
            None => info.message(),
        }
    }

    /// The detail that is sent, if any: the value's `Display` where it says
    /// more than the message, and only for a 4xx unless opted in.
    #[must_use]
    pub fn detail(&self) -> Option<&'a dyn Display> {
        self.detail_of(self.error.info())
    }

    fn detail_of(&self, info: &'static CodeInfo) -> Option<&'a dyn Display> {
        if info.status().is_server_error() && !self.expose_server_details {
            return None;
        }
        let detail = self.error.detail()?;
        let chosen = self.message_of(info);
        (says_more(detail, info.message())
            && (chosen == info.message() || says_more(detail, chosen)))
        .then_some(detail)
    }

    /// The detail that is sent, as text, from one pass over the value's
    /// `Display`, which allocates only where a detail is sent: what
    /// [`detail`](Self::detail) gives, written out.
    #[cfg_attr(not(any(feature = "axum", feature = "tonic")), allow(dead_code))]
    pub(crate) fn detail_text(&self) -> Option<String> {
        self.detail_text_of(self.error.info())
    }

    /// [`detail_text`](Self::detail_text), with the entry already found.
    #[cfg_attr(not(any(feature = "axum", feature = "tonic")), allow(dead_code))]
    pub(crate) fn detail_text_of(&self, info: &'static CodeInfo) -> Option<String> {
        if info.status().is_server_error() && !self.expose_server_details {
            return None;
        }
        let detail = self.error.detail()?;
        sent_text(detail, info.message(), self.message_of(info))
    }

    /// The body as JSON text. The body alone emits no tracing event;
    /// [`to_response`](Self::to_response) (the whole answer) does.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(96);
        self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends the JSON body to `out`, allocating nothing else for a
    /// variant without fields.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        if let Format::Json = self.format {
            let info = self.error.info();
            self.write_default(out, info, self.watched(info));
        } else {
            // Writing plain data into a Vec cannot fail.
            let _ = serde_json::to_writer(out, self);
        }
    }

    /// The value's `Display` to be written as the detail and judged while
    /// it is written, where the status allows a detail.
    fn watched(&self, info: &'static CodeInfo) -> Option<Watched<'a>> {
        if info.status().is_server_error() && !self.expose_server_details {
            return None;
        }
        Some(Watched {
            detail: self.error.detail()?,
            message: info.message(),
            chosen: self.message_of(info),
            state: Cell::new(Watch::START),
        })
    }

    /// The default body, with `detail` as its `error` where it is sent.
    fn write_default<D: Serialize + Sent>(
        &self,
        out: &mut Vec<u8>,
        info: &'static CodeInfo,
        detail: Option<D>,
    ) {
        // Framed by hand: the same bytes as the `Serialize` impl, without a
        // map serializer's state per field. Writing plain data into a Vec
        // cannot fail.
        out.extend_from_slice(b"{\"code\":");
        let _ = serde_json::to_writer(&mut *out, &info.code());
        out.extend_from_slice(b",\"message\":");
        let _ = serde_json::to_writer(&mut *out, self.message_of(info));
        if let Some(detail) = detail {
            let mark = out.len();
            out.extend_from_slice(b",\"error\":");
            let _ = serde_json::to_writer(&mut *out, &detail);
            if !detail.sent() {
                out.truncate(mark);
            }
        }
        if let Some(id) = self.request_id {
            out.extend_from_slice(b",\"request_id\":");
            let _ = serde_json::to_writer(&mut *out, id);
        }
        out.push(b'}');
    }

    /// The whole answer as an `http::Response`; with the `tracing`
    /// feature, the answer's event is emitted (see [`crate::observe`]).
    #[must_use]
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        crate::observe::answer(self);
        self.render()
    }

    /// The whole answer, without its event: for glue that emits it once.
    pub(crate) fn render(&self) -> http::Response<Vec<u8>> {
        let mut body = Vec::with_capacity(96);
        self.write_json(&mut body);
        self.framed(body)
    }

    /// The whole answer with its event, the detail already written out by
    /// [`detail_text`](Self::detail_text): for glue that keeps the text.
    #[cfg(feature = "axum")]
    pub(crate) fn respond_with(&self, detail: Option<&str>) -> http::Response<Vec<u8>> {
        crate::observe::answer(self);
        let mut body = Vec::with_capacity(96);
        match self.format {
            Format::Json => self.write_default(&mut body, self.error.info(), detail),
            Format::Problem { .. } => self.write_json(&mut body),
        }
        self.framed(body)
    }

    /// `body` with the answer's status and content type.
    fn framed(&self, body: Vec<u8>) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(body);
        *response.status_mut() = self.status();
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(self.content_type()),
        );
        response
    }
}

/// A detail that may turn out not to be sent once written.
trait Sent {
    /// Whether the detail just written is sent.
    fn sent(&self) -> bool;
}

impl Sent for &str {
    fn sent(&self) -> bool {
        true
    }
}

/// How far a detail written so far matches the messages: the one rule
/// behind every "says more than the message" decision.
#[derive(Clone, Copy)]
struct Watch {
    len: usize,
    in_message: bool,
    in_chosen: bool,
    failed: bool,
}

impl Watch {
    const START: Watch = Watch {
        len: 0,
        in_message: true,
        in_chosen: true,
        failed: false,
    };

    /// Follows `s`, the next piece of the text.
    fn follow(&mut self, s: &str, message: &str, chosen: &str) {
        let (start, end) = (self.len, self.len + s.len());
        let continues = |m: &str| m.as_bytes().get(start..end) == Some(s.as_bytes());
        self.in_message = self.in_message && continues(message);
        self.in_chosen = self.in_chosen && continues(chosen);
        self.len = end;
    }

    /// Whether the whole text is a detail to send: it did not fail, and it
    /// is neither empty nor either message.
    fn sent(&self, message: &str, chosen: &str) -> bool {
        let whole = (self.in_message && self.len == message.len())
            || (self.in_chosen && self.len == chosen.len());
        !self.failed && self.len > 0 && !whole
    }

    /// Writes `detail` into `out` once, followed; an `Err` or a panic of the
    /// user's `Display` marks it failed and never escapes. Returns the watch
    /// and whether `out` itself failed.
    fn run(
        detail: &dyn Display,
        message: &str,
        chosen: &str,
        out: &mut dyn Piece,
    ) -> (Watch, bool) {
        struct Tee<'a, 'm> {
            out: &'a mut dyn Piece,
            message: &'m str,
            chosen: &'m str,
            watch: Watch,
            out_failed: bool,
        }
        impl fmt::Write for Tee<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let before = self.watch;
                self.watch.follow(s, self.message, self.chosen);
                self.out
                    .piece(s, &before, &self.watch)
                    .inspect_err(|_| self.out_failed = true)
            }
        }
        let mut tee = Tee {
            out,
            message,
            chosen,
            watch: Watch::START,
            out_failed: false,
        };
        let written =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| write!(tee, "{detail}")));
        if written.is_err() {
            crate::observe::display_panicked();
        }
        tee.watch.failed = !matches!(written, Ok(Ok(())));
        (tee.watch, tee.out_failed)
    }
}

/// Where [`Watch::run`] writes the text: each piece with the watch before
/// and after it.
trait Piece {
    fn piece(&mut self, s: &str, before: &Watch, after: &Watch) -> fmt::Result;
}

impl<W: fmt::Write + ?Sized> Piece for W {
    fn piece(&mut self, s: &str, _: &Watch, _: &Watch) -> fmt::Result {
        self.write_str(s)
    }
}

/// A user's `Display` written once, straight into the body, while it is
/// compared with the message and the chosen translation: the body drops it
/// again where it turns out empty, equal to either, or failing (an `Err` or
/// a panic), as [`sent_text`] would decide in a pass of its own.
struct Watched<'d> {
    detail: &'d dyn Display,
    message: &'static str,
    chosen: &'static str,
    state: Cell<Watch>,
}

impl Sent for Watched<'_> {
    fn sent(&self) -> bool {
        self.state.get().sent(self.message, self.chosen)
    }
}

impl Serialize for Watched<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Display for Watched<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (watch, out_failed) = Watch::run(self.detail, self.message, self.chosen, f);
        self.state.set(watch);
        if out_failed { Err(fmt::Error) } else { Ok(()) }
    }
}

/// A detail serialized as a string; serde_json writes it straight into the
/// output, escaped, without an intermediate `String`.
struct Detail<'d>(&'d dyn Display);

impl Serialize for Detail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&Guarded(self.0))
    }
}

/// A user's `Display` that cannot fail: an `Err` it returns or a panic
/// ends its text there (serializers would panic on an `Err`); only an error
/// of the output itself is passed on.
pub(crate) struct Guarded<'d>(pub(crate) &'d dyn Display);

impl Display for Guarded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Sink<'a, 'b> {
            out: &'a mut fmt::Formatter<'b>,
            failed: bool,
        }
        impl fmt::Write for Sink<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.out.write_str(s).inspect_err(|_| self.failed = true)
            }
        }
        let mut sink = Sink {
            out: f,
            failed: false,
        };
        // Neither an `Err` nor a panic of the user's `Display` escapes.
        let written =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| write!(sink, "{}", self.0)));
        if written.is_err() {
            crate::observe::display_panicked();
        }
        if sink.failed { Err(fmt::Error) } else { Ok(()) }
    }
}

/// The text of a user's `Display`, never a panic (`to_string` panics when
/// `Display` returns `Err`).
#[cfg_attr(not(any(feature = "axum", feature = "tracing")), allow(dead_code))]
pub(crate) fn display_string(detail: &dyn Display) -> String {
    let mut out = String::new();
    let _ = write!(out, "{}", Guarded(detail));
    out
}

impl Serialize for Reply<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct TypeUrl<'d>(&'d str, u32);
        impl Serialize for TypeUrl<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&format_args!("{}{}", self.0, self.1))
            }
        }
        // One virtual call for the static data, one for the detail.
        let info = self.error.info();
        let (code, message, detail) = (info.code(), self.message_of(info), self.detail_of(info));
        match self.format {
            Format::Json => {
                let mut map = serializer.serialize_map(Some(2 + usize::from(detail.is_some())))?;
                map.serialize_entry("code", &code)?;
                map.serialize_entry("message", message)?;
                if let Some(detail) = detail {
                    map.serialize_entry("error", &Detail(detail))?;
                }
                if let Some(id) = self.request_id {
                    map.serialize_entry("request_id", id)?;
                }
                map.end()
            }
            Format::Problem { type_base } => {
                let mut map = serializer.serialize_map(Some(4 + usize::from(detail.is_some())))?;
                match info.url() {
                    Some(url) => map.serialize_entry("type", &url)?,
                    None => map.serialize_entry("type", &TypeUrl(type_base, code))?,
                }
                map.serialize_entry("title", message)?;
                map.serialize_entry("status", &info.status().as_u16())?;
                if let Some(detail) = detail {
                    map.serialize_entry("detail", &Detail(detail))?;
                }
                map.serialize_entry("code", &code)?;
                if let Some(id) = self.request_id {
                    map.serialize_entry("request_id", id)?;
                }
                map.end()
            }
        }
    }
}

/// The text of `detail` where it is sent: where it displays something
/// other than nothing, `message` and `chosen` (the message in the
/// request's language). One pass over the `Display`; the text is
/// allocated only once it differs from both messages. A `Display` that
/// fails ends its text there.
fn sent_text(detail: &dyn Display, message: &str, chosen: &str) -> Option<String> {
    /// Keeps the text once it is neither message's prefix.
    struct Capture<'m> {
        message: &'m str,
        chosen: &'m str,
        text: Option<String>,
    }
    impl Piece for Capture<'_> {
        fn piece(&mut self, s: &str, before: &Watch, after: &Watch) -> fmt::Result {
            if let Some(text) = &mut self.text {
                text.push_str(s);
            } else if !after.in_message && !after.in_chosen {
                // The text so far is a prefix of the message it followed.
                let prefix = if before.in_message {
                    self.message
                } else {
                    self.chosen
                };
                let mut text = String::with_capacity(after.len.max(32));
                text.push_str(prefix.get(..before.len).unwrap_or_default());
                text.push_str(s);
                self.text = Some(text);
            }
            Ok(())
        }
    }
    let mut capture = Capture {
        message,
        chosen,
        text: None,
    };
    // A `Display` that fails or panics gives no detail.
    let (watch, _) = Watch::run(detail, message, chosen, &mut capture);
    if !watch.sent(message, chosen) {
        return None;
    }
    if let Some(text) = capture.text {
        return Some(text);
    }
    // A prefix of a message, shorter than it.
    let prefix = if watch.in_message { message } else { chosen };
    prefix.get(..watch.len).map(str::to_owned)
}

/// Whether `detail` displays something other than nothing or `message`,
/// decided without allocating. A `Display` that fails or panics gives no
/// detail: the answer goes out without one rather than with half of one,
/// or not at all.
fn says_more(detail: &dyn Display, message: &str) -> bool {
    struct Discard;
    impl fmt::Write for Discard {
        fn write_str(&mut self, _: &str) -> fmt::Result {
            Ok(())
        }
    }
    Watch::run(detail, message, message, &mut Discard)
        .0
        .sent(message, message)
}

/// An error answer as a client receives it, in either body format.
///
/// ```
/// use error_code::{ErrorCode, RemoteError};
///
/// #[derive(Debug, PartialEq, ErrorCode)]
/// enum PodError {
///     /// 获取 Pod 失败
///     #[code(2001, status = 404)]
///     GetPodError,
/// }
///
/// let body = r#"{"code": 2001, "message": "获取 Pod 失败", "error": "pod web not found"}"#;
/// let remote = RemoteError::from_slice(body.as_bytes()).unwrap();
/// assert_eq!(remote.detail.as_deref(), Some("pod web not found"));
/// assert_eq!(remote.typed::<PodError>(), Ok(PodError::GetPodError));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteError {
    /// The error code.
    pub code: u32,
    /// The catalog message (`message`, or `title` of a problem body).
    pub message: String,
    /// The error's own detail (`error`, or `detail` of a problem body).
    pub detail: Option<String>,
    /// The HTTP status, when the body carries it (problem bodies do).
    pub status: Option<u16>,
}

/// A body that is not an error answer of either format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyError(pub(crate) String);

impl Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an error body: {}", self.0)
    }
}

impl std::error::Error for BodyError {}

impl RemoteError {
    /// Parses a body of either format; malformed or hostile input is an
    /// error, never a panic.
    ///
    /// # Errors
    /// When the bytes are not JSON, not UTF-8, or lack a `code` that fits in
    /// `u32` and a `message` or `title`.
    pub fn from_slice(body: &[u8]) -> Result<Self, BodyError> {
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| BodyError(e.to_string()))?;
        let serde_json::Value::Object(fields) = value else {
            return Err(BodyError("expected a JSON object".to_owned()));
        };
        // A field that is absent or null is `None`; one of the wrong type is
        // an error.
        let text = |key: &str| match fields.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(BodyError(format!("`{key}` is not a string"))),
        };
        let number = |key: &str, max: u64| match fields.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .filter(|n| *n <= max)
                .map(Some)
                .ok_or_else(|| BodyError(format!("`{key}` is not a number up to {max}"))),
        };
        let code = number("code", u64::from(u32::MAX))?
            .ok_or_else(|| BodyError("missing field `code`".to_owned()))?;
        let message = match text("message")? {
            Some(message) => message,
            None => {
                text("title")?.ok_or_else(|| BodyError("missing field `message`".to_owned()))?
            }
        };
        let detail = match text("error")? {
            Some(detail) => Some(detail),
            None => text("detail")?,
        };
        // `status` is read only from problem bodies; a `"status": "error"`
        // envelope of another convention is not ours, and skipped.
        let status = fields
            .get("status")
            .and_then(serde_json::Value::as_u64)
            .and_then(|s| u16::try_from(s).ok());
        Ok(RemoteError {
            // It fits: `number` checked the maximum.
            code: u32::try_from(code).unwrap_or(u32::MAX),
            message,
            detail,
            status,
        })
    }

    /// The typed error for this code, or `self` back for a code the client
    /// does not know (or one whose variant carries data).
    ///
    /// # Errors
    /// Gives `self` back when `E` has no value for the code.
    pub fn typed<E: FromCode>(self) -> Result<E, RemoteError> {
        E::from_code(self.code).ok_or(self)
    }
}

impl Display for RemoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error {}: {}", self.code, self.message)?;
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RemoteError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sent_text_is_what_says_more_decides() {
        let texts: &[&dyn Display] = &[
            &"",
            &"m",
            &"msg",
            &"message",
            &"messages",
            &"mess",
            &"other",
            &"译文",
            &"译",
            &format_args!("{}{}", "mes", "sage"),
            &format_args!("{}{}{}", "", "m", "e"),
            &format_args!("{}{}", "译", "文"),
            &format_args!("{}{}", "mes", "x"),
        ];
        for detail in texts {
            for (message, chosen) in [
                ("message", "message"),
                ("message", "译文"),
                ("", ""),
                ("m", "message"),
            ] {
                let expected = (says_more(*detail, message)
                    && (chosen == message || says_more(*detail, chosen)))
                .then(|| detail.to_string());
                assert_eq!(
                    sent_text(*detail, message, chosen),
                    expected,
                    "{detail} / {message} / {chosen}"
                );
            }
        }
    }

    #[test]
    fn detail_must_say_more_than_the_message() {
        assert!(!says_more(&"", "m"));
        assert!(!says_more(&"m", "m"));
        assert!(says_more(&"m!", "m"));
        assert!(says_more(&"x", ""));
        assert!(!says_more(&format_args!("{}{}", "ab", "c"), "abc"));
        assert!(says_more(&format_args!("{}{}", "ab", "d"), "abc"));
    }
}
