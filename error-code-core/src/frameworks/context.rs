//! The context of the request being answered — its language and its id —
//! for response conversions that cannot see the request (axum's
//! `IntoResponse`, actix-web's `ResponseError`).
//!
//! A framework layer wraps the request's future in [`Scoped`], which makes
//! the context current on this thread while the future is polled; an error
//! converted into an answer during that poll reads it with [`current`].

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll};

/// What an error answer takes from its request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestContext {
    /// The `Accept-Language` value.
    pub accept_language: Option<String>,
    /// The request's id (`x-request-id`).
    pub request_id: Option<String>,
    /// Answer in RFC 9457 problem+json with this `type` base.
    pub problem: Option<&'static str>,
    /// Send the detail of 5xx answers too (development).
    pub expose_server_details: bool,
    /// What the request's `Accept` asks for: `Some(true)` problem+json,
    /// `Some(false)` plain JSON, `None` either (the layer's default).
    pub asks_problem: Option<bool>,
}

/// The header that carries a request's id, as tower-http's request-id
/// layers set it.
pub const REQUEST_ID: &str = "x-request-id";

impl RequestContext {
    /// The context of a request with these headers: a visible-ASCII
    /// `x-request-id` of at most 200 bytes, and `Accept-Language`.
    #[must_use]
    pub fn from_headers(headers: &http::HeaderMap) -> Self {
        RequestContext::of_request(
            &mut headers
                .get_all(http::header::ACCEPT_LANGUAGE)
                .iter()
                .map(http::HeaderValue::as_bytes),
            headers.get(REQUEST_ID).map(http::HeaderValue::as_bytes),
            &mut headers
                .get_all(http::header::ACCEPT)
                .iter()
                .map(http::HeaderValue::as_bytes),
        )
    }

    /// The context of a request whose headers are these bytes (every
    /// framework's header type reads as them): its `Accept-Language`
    /// lines as one UTF-8 text ([`languages_text`]), a visible-ASCII
    /// request id, and whether an `Accept` value asks for problem+json.
    pub(crate) fn of_request<'h>(
        languages: &mut dyn Iterator<Item = &'h [u8]>,
        id: Option<&'h [u8]>,
        accept: &mut dyn Iterator<Item = &'h [u8]>,
    ) -> Self {
        let mut context =
            RequestContext::new(languages_text(languages).as_deref(), id.and_then(visible));
        // A request's `Accept` lines are one list (RFC 9110), as its
        // `Accept-Language` lines are.
        context.asks_problem = lines_text(accept, visible).and_then(|accept| asks_problem(&accept));
        context
    }

    /// The context of a request with these header values.
    #[must_use]
    pub fn new(accept_language: Option<&str>, request_id: Option<&str>) -> Self {
        RequestContext {
            accept_language: accept_language.map(str::to_owned),
            request_id: request_id
                .filter(|id| crate::wire::is_id(id))
                .map(|id| id.trim().to_owned()),
            problem: None,
            expose_server_details: false,
            asks_problem: None,
        }
    }
}

/// What an `Accept` value asks of an error answer: `Some(true)` where it
/// accepts `application/problem+json` at least as much as
/// `application/json`, `Some(false)` where it prefers `application/json`,
/// `None` where it names neither (`*/*`).
/// The text of an `Accept-Language` value, as every framework reads it:
/// its bytes where they are UTF-8 (a value with other than visible ASCII
/// is still read, as [`crate::Reply::accept_language`] reads that text).
pub(crate) fn language_text(value: &[u8]) -> Option<&str> {
    std::str::from_utf8(value).ok()
}

/// The text of a request's `Accept-Language` lines, as one value: a
/// request may send the field in several lines, which RFC 9110 reads as
/// one list (`fr` then `en` is `fr, en`). A line that is not UTF-8 is left
/// out, as a single one is ([`language_text`]); borrowed where one line
/// is read.
pub(crate) fn languages_text<'h>(
    values: &mut dyn Iterator<Item = &'h [u8]>,
) -> Option<std::borrow::Cow<'h, str>> {
    lines_text(values, language_text)
}

/// [`languages_text`] of an `http` header map's `Accept-Language` lines.
#[cfg(feature = "axum")]
pub(crate) fn accept_language_of(headers: &http::HeaderMap) -> Option<std::borrow::Cow<'_, str>> {
    languages_text(
        &mut headers
            .get_all(http::header::ACCEPT_LANGUAGE)
            .iter()
            .map(http::HeaderValue::as_bytes),
    )
}

/// An `http` header map's `Accept` lines as one list, each visible ASCII.
#[cfg(all(feature = "axum", feature = "tools"))]
pub(crate) fn accept_of(headers: &http::HeaderMap) -> Option<std::borrow::Cow<'_, str>> {
    lines_text(
        &mut headers
            .get_all(http::header::ACCEPT)
            .iter()
            .map(http::HeaderValue::as_bytes),
        visible,
    )
}

/// What `HeaderValue::to_str` takes: visible ASCII, blanks and tabs.
fn visible(value: &[u8]) -> Option<&str> {
    if value
        .iter()
        .all(|b| b.is_ascii_graphic() || *b == b' ' || *b == b'\t')
    {
        std::str::from_utf8(value).ok()
    } else {
        None
    }
}

/// A header's lines as one list, each read by `read` (a line it does not
/// read is left out); borrowed where one line is read.
fn lines_text<'h>(
    values: &mut dyn Iterator<Item = &'h [u8]>,
    read: fn(&'h [u8]) -> Option<&'h str>,
) -> Option<std::borrow::Cow<'h, str>> {
    let mut text: Option<std::borrow::Cow<'h, str>> = None;
    for value in values.filter_map(read) {
        match &mut text {
            None => text = Some(std::borrow::Cow::Borrowed(value)),
            Some(all) => {
                let all = all.to_mut();
                all.push_str(", ");
                all.push_str(value);
            }
        }
    }
    text
}

/// Whether `accept` asks for problem+json (`Some(true)`) or plain JSON
/// (`Some(false)`), `None` where it says neither.
pub(crate) fn asks_problem(accept: &str) -> Option<bool> {
    prefers(accept, crate::wire::PROBLEM_JSON, crate::wire::JSON)
}

/// Which of two media types `accept` prefers: `Some(true)` the first,
/// `Some(false)` the second, `None` where it says neither, or either.
///
/// Each type weighs as its most specific range (RFC 9110 12.5.1): the type
/// named, else its `type/*`, else `*/*` (`application/json;q=0.1, */*`
/// weighs any other type 1 and JSON 0.1). As much of either goes to the
/// one named, the first before the second; a type refused (`q=0`) is not
/// answered where the other is not refused.
pub(crate) fn prefers(accept: &str, first: &str, second: &str) -> Option<bool> {
    // (specificity, weight): 3 the type named, 2 its `type/*`, 1 `*/*`, 0
    // no range of the list.
    let weigh = |media: &str| {
        let family = media.split_once('/').map_or(media, |(family, _)| family);
        let mut at = (0u8, 0u16);
        for range in accept.split(',') {
            let (range, q) = crate::negotiate::weighted(range);
            let specificity = if range.eq_ignore_ascii_case(media) {
                3
            } else if range
                .strip_suffix("/*")
                .is_some_and(|f| f.eq_ignore_ascii_case(family))
            {
                2
            } else if range == "*/*" {
                1
            } else {
                continue;
            };
            if specificity > at.0 || (specificity == at.0 && q > at.1) {
                at = (specificity, q);
            }
        }
        at
    };
    let ((first_at, f), (second_at, s)) = (weigh(first), weigh(second));
    match f.cmp(&s) {
        std::cmp::Ordering::Greater => Some(true),
        std::cmp::Ordering::Less => Some(false),
        // Neither acceptable: the one refused loses to one not named;
        // neither named, or both refused, is either.
        std::cmp::Ordering::Equal if f == 0 => match (first_at > 0, second_at > 0) {
            (true, false) => Some(false),
            (false, true) => Some(true),
            _ => None,
        },
        std::cmp::Ordering::Equal if first_at == 3 => Some(true),
        std::cmp::Ordering::Equal if second_at == 3 => Some(false),
        std::cmp::Ordering::Equal => None,
    }
}

/// A new request id in the form of a random (version 4) UUID, as
/// tower-http's `MakeRequestUuid` makes them: 122 bits from the standard
/// library's per-process random hash keys, a counter and the time.
#[cfg(feature = "axum")]
pub(crate) fn make_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let keys = std::collections::hash_map::RandomState::new();
    let word = |salt: u64| {
        let mut hasher = keys.build_hasher();
        hasher.write_u64(salt);
        hasher.write_u64(n);
        hasher.write_u128(nanos);
        hasher.finish()
    };
    let (hi, lo) = (word(1), word(2));
    // Version 4, variant 10xx.
    let hi = (hi & !0xf000) | 0x4000;
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

impl RequestContext {
    /// `reply` in this request's language and with its id.
    pub(crate) fn apply<'a>(&'a self, reply: crate::wire::Reply<'a>) -> crate::wire::Reply<'a> {
        let mut reply = reply.negotiated();
        if let Some(language) = &self.accept_language {
            reply = reply.accept_language(language);
        }
        if let Some(id) = &self.request_id {
            reply = reply.request_id(id);
        }
        match (self.asks_problem, self.problem) {
            (Some(false), _) | (None, None) => {}
            (Some(true), type_base) => reply = reply.problem(type_base.unwrap_or("")),
            (None, Some(type_base)) => reply = reply.problem(type_base),
        }
        reply.expose_server_details(self.expose_server_details)
    }
}

#[cfg(test)]
mod tests {
    use super::asks_problem;

    #[test]
    fn accept_asks_for_problem_json_or_json() {
        assert_eq!(asks_problem("application/problem+json"), Some(true));
        assert_eq!(
            asks_problem("application/json;q=0.9, application/problem+json"),
            Some(true)
        );
        assert_eq!(
            asks_problem("Application/Problem+JSON;q=0.5, application/json;q=0.5"),
            Some(true)
        );
        assert_eq!(
            asks_problem("application/problem+json;q=0.4, application/json"),
            Some(false)
        );
        // `q=0` refuses a type (RFC 9110 12.4.2): whatever the layer's
        // default, the other one is sent.
        assert_eq!(asks_problem("application/problem+json;q=0"), Some(false));
        assert_eq!(asks_problem("application/json;q=0"), Some(true));
        assert_eq!(asks_problem("*/*;q=0"), None);
        assert_eq!(
            asks_problem("application/json;q=0, application/problem+json;q=0"),
            None
        );
        assert_eq!(asks_problem("application/json"), Some(false));
        assert_eq!(asks_problem("*/*"), None);
        assert_eq!(asks_problem("text/html"), None);
        // The most specific range weighs a type: a wildcard weighs the
        // type a client did not name.
        assert_eq!(asks_problem("application/json;q=0.1, */*"), Some(true));
        assert_eq!(asks_problem("application/json, */*;q=0.8"), Some(false));
        assert_eq!(
            asks_problem("application/*;q=0.5, application/json;q=0.2"),
            Some(true)
        );
        assert_eq!(
            asks_problem("*/*, application/problem+json;q=0"),
            Some(false)
        );
        assert_eq!(asks_problem("application/json;q=0, */*;q=0.5"), Some(true));
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<RequestContext>>> = const { RefCell::new(None) };
}

/// The context of the request being answered on this thread, if a layer
/// set one.
#[must_use]
pub fn current() -> Option<Arc<RequestContext>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// A future polled with its request's context current.
#[derive(Debug)]
pub struct Scoped<F> {
    context: Arc<RequestContext>,
    inner: Pin<Box<F>>,
}

impl<F> Scoped<F> {
    /// `inner`, polled with `context` current.
    pub fn new(context: Arc<RequestContext>, inner: F) -> Self {
        Scoped {
            context,
            inner: Box::pin(inner),
        }
    }
}

/// Restores the previous context when dropped, also on a panic.
struct Restore(Option<Arc<RequestContext>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

impl<F: Future> Future for Scoped<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<F::Output> {
        let context = Arc::clone(&self.context);
        let previous = CURRENT.with(|c| c.borrow_mut().replace(context));
        let _restore = Restore(previous);
        self.inner.as_mut().poll(cx)
    }
}
