//! Field violations: which fields of a request were invalid, and why; and
//! how long a client should wait before retrying (and the one rule that
//! rounds it to whole seconds). What a value carries, beside the traits;
//! how a body lists them is the wire's (`wire/listed.rs`).

use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use std::borrow::Cow;
use std::fmt::{self, Display, Write as _};
use std::time::Duration;

/// One field's problem: the field as the client sent it (`spec.replicas`,
/// `items[2].name`) and a message, from text or from a derived "field
/// error", whose code, params and translations it carries.
///
/// ```
/// use error_code::{ErrorCode, Violation};
///
/// #[derive(Debug, ErrorCode)]
/// enum FieldError {
///     /// must be at most {max}
///     #[code(1101, status = 400, message(de = "höchstens {max}"))]
///     TooLarge { max: u32 },
/// }
///
/// let v = Violation::of("spec.replicas", &FieldError::TooLarge { max: 10 });
/// assert_eq!((v.field(), v.code()), ("spec.replicas", Some(1101)));
/// assert_eq!(v.message(), "must be at most 10");
/// assert_eq!(v.message_for("de-CH"), "höchstens 10");
/// assert_eq!(v.pointer(), "#/spec/replicas");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    field: String,
    message: Cow<'static, str>,
    code: Option<u32>,
    reason: Option<String>,
    info: Option<&'static CodeInfo>,
    params: serde_json::Map<String, serde_json::Value>,
    /// Each param's JSON as it was written, in the order given: what the
    /// messages and the body's `params` are rendered from, so that a
    /// 128-bit integer stays whole and an object keeps its keys' order
    /// (`params` above is the reader's view of them).
    written: Vec<(String, Box<str>)>,
}

impl Violation {
    /// A violation of `field` with a plain message.
    pub fn new(field: impl Into<String>, message: impl Into<Cow<'static, str>>) -> Self {
        Violation {
            field: field.into(),
            message: message.into(),
            code: None,
            reason: None,
            info: None,
            params: serde_json::Map::new(),
            written: Vec::new(),
        }
    }

    /// A violation of `field` whose reason is a derived error: its code,
    /// its params, and its message in every language it has.
    pub fn of(field: impl Into<String>, error: &dyn ErrorCode) -> Self {
        let mut params = serde_json::Map::new();
        let mut written = Vec::new();
        let mut buffer = Vec::new();
        error.for_each_param(&mut |key, value| {
            buffer.clear();
            value.write_json(&mut buffer);
            let json = String::from_utf8_lossy(&buffer);
            params.insert(
                key.to_owned(),
                json.parse().unwrap_or(serde_json::Value::Null),
            );
            written.push((key.to_owned(), json.into()));
        });
        let info = error.info();
        Violation {
            field: field.into(),
            message: crate::message::render(info.message(), info.lang(), error),
            code: Some(info.code()),
            reason: None,
            info: Some(info),
            params,
            written,
        }
    }

    /// A param of the violation, as the derived error gave it. Where the
    /// reason is a derived error, its message is rendered again with it,
    /// in every language, as the body's `params` carry it.
    #[must_use]
    pub fn with_param(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        let value = value.into();
        let json: Box<str> = value.to_string().into();
        match self.written.iter_mut().find(|(k, _)| k == key) {
            Some((_, was)) => *was = json,
            None => self.written.push((key.to_owned(), json)),
        }
        self.params.insert(key.to_owned(), value);
        if let Some(info) = self.info {
            self.message = Cow::Owned(fill(info.message(), info.lang(), &self.written));
        }
        self
    }

    /// The field, as the client sent it.
    #[must_use]
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The message in its source language.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message in the best language `accept_language` accepts (a tag
    /// or a whole `Accept-Language` value), where the reason is a derived
    /// error with translations.
    #[must_use]
    pub fn message_for(&self, accept_language: &str) -> Cow<'_, str> {
        let Some(info) = self.info else {
            return Cow::Borrowed(&self.message);
        };
        let (template, lang) = info.chosen_for(accept_language);
        // The message kept is the untagged one, rendered in its language:
        // the same text in another language may choose another plural.
        if template == info.message() && lang == info.lang() {
            return Cow::Borrowed(&self.message);
        }
        Cow::Owned(fill(template, lang, &self.written))
    }

    /// The code of the reason, where it is a derived error.
    #[must_use]
    pub fn code(&self) -> Option<u32> {
        self.code
    }

    /// The violation's reason as a word (`length`, `email`: a validator's
    /// code), where it has one; a derived reason's is its gRPC reason.
    #[must_use]
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// The reason as a word: the one given, else the derived reason's
    /// `google.rpc.ErrorInfo` reason (`TOO_LARGE`).
    #[must_use]
    pub fn reason(&self) -> Option<Cow<'_, str>> {
        match (&self.reason, self.info) {
            (Some(reason), _) => Some(Cow::Borrowed(reason)),
            (None, Some(info)) => Some(info.unique_grpc_reason()),
            (None, None) => None,
        }
    }

    /// The reason given with [`with_reason`](Self::with_reason), as the
    /// body lists it (not the one a field-error entry implies).
    pub(crate) fn given_reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// A violation as a client reads it back: its reason's code, where the
    /// answer says.
    #[must_use]
    pub fn with_code(mut self, code: Option<u32>) -> Self {
        self.code = code;
        self
    }

    /// The catalog entry of the reason, where it is a derived error.
    #[must_use]
    pub fn info(&self) -> Option<&'static CodeInfo> {
        self.info
    }

    /// The params of the reason.
    #[must_use]
    pub fn params(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.params
    }

    /// Each param's JSON as written, in the order given.
    pub(crate) fn written(&self) -> &[(String, Box<str>)] {
        &self.written
    }

    /// The field as an RFC 6901 JSON pointer in a URI fragment, as RFC 9457
    /// writes it: `spec.replicas` → `#/spec/replicas`, `items[2].name` →
    /// `#/items/2/name`; a key in brackets is one segment, as written
    /// (`labels[app.kubernetes.io/name]`) or as a JSON string
    /// (`labels["x]y"]`, `labels[""]`).
    #[must_use]
    pub fn pointer(&self) -> String {
        let mut out = String::with_capacity(self.field.len() + 2);
        out.push('#');
        for segment in segments(&self.field) {
            out.push('/');
            for c in segment.chars() {
                match c {
                    '~' => out.push_str("~0"),
                    '/' => out.push_str("~1"),
                    // What a URI fragment holds as is (RFC 3986); the rest
                    // percent-encoded, as RFC 6901 §6 asks.
                    c if c.is_ascii_alphanumeric() || "-._!$&'()*+,;=:@?".contains(c) => {
                        out.push(c)
                    }
                    c => {
                        let mut bytes = [0; 4];
                        for byte in c.encode_utf8(&mut bytes).bytes() {
                            let _ = write!(out, "%{byte:02X}");
                        }
                    }
                }
            }
        }
        out
    }
}

/// `template` (in `lang`) with its placeholders filled from params given
/// as their JSON, each its text (`crate::message::write_text_with`).
fn fill(template: &str, lang: Option<&str>, written: &[(String, Box<str>)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let _ = crate::message::fill(&mut out, template, lang, &mut |key, take| {
        written
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, json)| take(&Written(json)))
            .is_some()
    });
    out
}

/// A param given as its JSON, which it is written as.
struct Written<'j>(&'j str);

impl crate::message::Param for Written<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.0.as_bytes());
    }
}

/// The segments of a field path as the client sent it: `.` between
/// names, `[…]` an index or a key, kept whole (`labels[app.kubernetes.io/name]`
/// is two segments, the second `app.kubernetes.io/name`), and `["…"]` a
/// key written as a JSON string (`labels["x]y"]`, `labels[""]`).
fn segments(field: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let mut rest = field;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            if let Some(inner) = rest.strip_prefix('[') {
                if let Some((key, after)) = quoted_key(inner) {
                    rest = after;
                    return Some(Cow::Owned(key));
                }
                let end = inner.find(']').unwrap_or(inner.len());
                let segment = &inner[..end];
                rest = inner.get(end + 1..).unwrap_or_default();
                return Some(Cow::Borrowed(segment));
            }
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            let segment = &rest[..end];
            rest = rest[end..].strip_prefix('.').unwrap_or(&rest[end..]);
            if !segment.is_empty() {
                return Some(Cow::Borrowed(segment));
            }
        }
    })
}

/// Appends the key `key` to the field path `out` as one segment, as
/// [`segments`] reads it back: after a `.` (`labels.app`), in brackets
/// where it holds a `.` or a `[` (`labels[app.kubernetes.io/name]`), as
/// a JSON string in brackets where it holds a `]` or a `"`, or is empty
/// (`labels["x]y"]`, `labels[""]`). The one rule of a key in a field, for
/// a garde report's path and a pointer read back.
#[cfg_attr(not(feature = "garde"), inline)]
pub(crate) fn push_key(out: &mut String, key: &str) {
    if key.is_empty() || key.contains([']', '"']) {
        out.push('[');
        out.push_str(&serde_json::Value::from(key).to_string());
        out.push(']');
    } else if key.contains(['.', '[']) {
        out.push('[');
        out.push_str(key);
        out.push(']');
    } else {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    }
}

/// A key written as a JSON string and its `]` at the start of `text`
/// (`"x]y"]…`): the key, and what follows the `]`.
fn quoted_key(text: &str) -> Option<(String, &str)> {
    let end = crate::message::string_end(text.as_bytes(), 0)?;
    let after = text[end..].strip_prefix(']')?;
    Some((crate::message::json_string(&text.as_bytes()[..end])?, after))
}

impl Violation {
    /// A violation of `field` whose reason is `entry`, the code of a
    /// derived field-error enum, its params given as JSON: the entry's
    /// code, its messages in every language, rendered with the params the
    /// entry names.
    #[must_use]
    pub fn of_entry(
        field: impl Into<String>,
        entry: &'static CodeInfo,
        params: &serde_json::Map<String, serde_json::Value>,
    ) -> Self {
        // A param the code declares a float is written as one (`1.0`), as
        // the typed value writes it, whatever number the report gives
        // (`1`): the message, the params sent and every client's
        // rendering of them then agree.
        let types = entry.param_types();
        let params: serde_json::Map<String, serde_json::Value> = entry
            .params()
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                let value = params.get(*name)?;
                let float = types.get(i).is_some_and(|t| t.starts_with("number"));
                let value = match value {
                    serde_json::Value::Number(n) if float && !n.is_f64() => n
                        .as_f64()
                        .map_or_else(|| value.clone(), serde_json::Value::from),
                    _ => value.clone(),
                };
                Some(((*name).to_owned(), value))
            })
            .collect();
        let written: Vec<(String, Box<str>)> = entry
            .params()
            .iter()
            .filter_map(|name| Some(((*name).to_owned(), params.get(*name)?.to_string().into())))
            .collect();
        Violation {
            field: field.into(),
            message: Cow::Owned(fill(entry.message(), entry.lang(), &written)),
            code: Some(entry.code()),
            reason: None,
            info: Some(entry),
            params,
            written,
        }
    }
}

/// The per-field problems of one answer, carried by a variant field marked
/// `#[violations]`: sent as the body's `errors` (problem+json: with RFC
/// 9457 pointers), and over gRPC as `google.rpc.BadRequest`.
///
/// ```
/// use error_code::{ErrorCode, Reply, Violations};
///
/// #[derive(Debug, ErrorCode)]
/// enum BaseError {
///     /// 参数不合法
///     #[code(1001, status = 400)]
///     ParamInvalid {
///         #[violations]
///         fields: Violations,
///     },
/// }
///
/// let mut fields = Violations::new();
/// fields.add("spec.replicas", "must be at most 10");
/// let body = Reply::new(&BaseError::ParamInvalid { fields }).to_json();
/// assert_eq!(
///     body,
///     r#"{"code":1001,"message":"参数不合法","errors":[{"field":"spec.replicas","message":"must be at most 10"}]}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// No violations yet.
    #[must_use]
    pub fn new() -> Self {
        Violations(Vec::new())
    }

    /// Adds a violation.
    pub fn push(&mut self, violation: Violation) {
        self.0.push(violation);
    }

    /// Adds a violation of `field` with a plain message.
    pub fn add(
        &mut self,
        field: impl Into<String>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.0.push(Violation::new(field, message));
        self
    }

    /// Adds a violation of `field` whose reason is a derived error.
    pub fn add_error(&mut self, field: impl Into<String>, error: &dyn ErrorCode) -> &mut Self {
        self.0.push(Violation::of(field, error));
        self
    }

    /// Whether there is none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The violations, in order.
    #[must_use]
    pub(crate) fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// Each violation, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }
}

impl From<Vec<Violation>> for Violations {
    fn from(violations: Vec<Violation>) -> Self {
        Violations(violations)
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Violations(iter.into_iter().collect())
    }
}

impl Extend<Violation> for Violations {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'v> IntoIterator for &'v Violations {
    type Item = &'v Violation;
    type IntoIter = std::slice::Iter<'v, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// `spec.replicas: must be at most 10; name: must not be empty`.
impl Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {}", v.field, v.message)?;
        }
        Ok(())
    }
}

/// How long to wait before retrying: what a field marked `#[retry_after]`
/// holds, a `Duration` or whole seconds.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot say when to retry",
    label = "#[retry_after] marks a `Duration` or an unsigned integer number of seconds",
    note = "use `std::time::Duration`, an unsigned integer of seconds, or an `Option` of either"
)]
pub trait RetryAfter {
    /// The delay, where there is one.
    fn retry_after(&self) -> Option<Duration>;
}

impl RetryAfter for Duration {
    fn retry_after(&self) -> Option<Duration> {
        Some(*self)
    }
}

macro_rules! seconds {
    ($($t:ty),*) => {$(
        impl RetryAfter for $t {
            fn retry_after(&self) -> Option<Duration> {
                Some(Duration::from_secs(u64::from(*self)))
            }
        }
    )*};
}

seconds!(u8, u16, u32, u64);

impl RetryAfter for usize {
    fn retry_after(&self) -> Option<Duration> {
        Some(Duration::from_secs(
            u64::try_from(*self).unwrap_or(u64::MAX),
        ))
    }
}

impl<T: RetryAfter> RetryAfter for Option<T> {
    fn retry_after(&self) -> Option<Duration> {
        self.as_ref().and_then(RetryAfter::retry_after)
    }
}

impl<T: RetryAfter + ?Sized> RetryAfter for &T {
    fn retry_after(&self) -> Option<Duration> {
        (**self).retry_after()
    }
}

/// Whole seconds, rounded up (a client must not come back early), at most
/// 10,000 years: the longest delay gRPC's `RetryInfo` holds, so that both
/// wires say the same.
pub(crate) fn whole_seconds(delay: Duration) -> u64 {
    const MAX: u64 = 315_576_000_000;
    (delay.as_secs().min(MAX) + u64::from(delay.subsec_nanos() > 0)).min(MAX)
}

/// What a field marked `#[violations]` holds.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot carry field violations",
    label = "#[violations] marks an `error_code::Violations`",
    note = "build the field's `Violations` from text, derived field errors, or a validator's report (`Violations::from(report)`)"
)]
pub trait AsViolations {
    /// The violations, where there are any.
    fn as_violations(&self) -> Option<&Violations>;
}

impl AsViolations for Violations {
    fn as_violations(&self) -> Option<&Violations> {
        Some(self)
    }
}

impl<T: AsViolations> AsViolations for Option<T> {
    fn as_violations(&self) -> Option<&Violations> {
        self.as_ref().and_then(AsViolations::as_violations)
    }
}

impl<T: AsViolations + ?Sized> AsViolations for Box<T> {
    fn as_violations(&self) -> Option<&Violations> {
        (**self).as_violations()
    }
}
