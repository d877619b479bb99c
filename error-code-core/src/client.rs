//! The client side of the wire: an error answer read back ([`RemoteError`]),
//! from either body format or a gRPC status, and typed again.

use crate::code::FromCode;
use crate::violations::{Violation, Violations};
use std::fmt::{self, Display};

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
    /// The params (`params` of a body; the `ErrorInfo` metadata of a gRPC
    /// status, as text).
    params: serde_json::Map<String, serde_json::Value>,
    /// `retry_after` of a body, or a gRPC `RetryInfo`, in seconds, where
    /// `retries` (two fields, not an `Option`, so that the value stays
    /// within the 120 bytes below clippy's `result_large_err` line, where
    /// a caller's `Result<_, RemoteError>` would be flagged).
    retry_after: u64,
    retries: bool,
    /// `errors` of a body, or a gRPC `BadRequest`.
    violations: Violations,
    /// Whether the sender cut some param's text to its budget (a gRPC
    /// status's `paramsCut`): the params are then no value to rebuild.
    pub(crate) params_cut: bool,
}

/// A body that is not an error answer of either format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyError(pub(crate) String);

impl Display for BodyError {
    #[inline]
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
    #[inline]
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
                .ok_or_else(|| BodyError(format!("`{key}` is not a whole number up to {max}"))),
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
        let mut params = match fields.get("params") {
            None | Some(serde_json::Value::Null) => serde_json::Map::new(),
            Some(serde_json::Value::Object(params)) => params.clone(),
            Some(_) => return Err(BodyError("`params` is not an object".to_owned())),
        };
        // An integer beyond 64 bits, which JSON's value would hold as a
        // float, is kept whole: a param holding one, also in a list or a
        // map, is kept as its text (a number's digits), as gRPC metadata
        // holds it.
        let written = std::str::from_utf8(body)
            .ok()
            .and_then(crate::wire::params::members);
        keep_wide(&mut params, written.as_ref());
        let retry_after = number("retry_after", u64::MAX)?;
        let violations = match fields.get("errors") {
            Some(serde_json::Value::Array(list)) => {
                // Each entry as written too, for its params' wide integers.
                let written = written
                    .as_ref()
                    .and_then(|members| members.get("errors"))
                    .and_then(crate::wire::params::items)
                    .unwrap_or_default();
                let mut violations = Vec::with_capacity(list.len());
                for (i, entry) in list.iter().enumerate() {
                    violations.extend(violation(entry, written.get(i).copied()));
                }
                Violations::from(violations)
            }
            _ => Violations::new(),
        };
        Ok(RemoteError {
            // It fits: `number` checked the maximum.
            code: u32::try_from(code).unwrap_or(u32::MAX),
            message,
            detail,
            status,
            params,
            retry_after: retry_after.unwrap_or(0),
            retries: retry_after.is_some(),
            violations,
            params_cut: false,
        })
    }

    /// An answer read from another wire (a gRPC status).
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    #[inline]
    pub(crate) fn from_parts(
        code: u32,
        message: String,
        detail: Option<String>,
        params: serde_json::Map<String, serde_json::Value>,
        retry_after: Option<u64>,
        violations: Violations,
    ) -> Self {
        RemoteError {
            code,
            message,
            detail,
            status: None,
            params,
            retry_after: retry_after.unwrap_or(0),
            retries: retry_after.is_some(),
            violations,
            params_cut: false,
        }
    }

    /// Whether the sender cut the text of some param to its budget (a gRPC
    /// status whose params exceed `grpc::PARAMS_BUDGET`): such a param
    /// holds the text's start and `…`, not the value.
    #[must_use]
    #[inline]
    pub fn params_cut(&self) -> bool {
        self.params_cut
    }

    /// The per-field problems the answer lists (`errors` of a body, a
    /// gRPC `BadRequest`): field, message, and the reason's code and
    /// params where the answer gives them, alike from either. The reason
    /// as a word differs: a body gives the one given (a validator's code,
    /// `length`), a `BadRequest` that one or else a derived reason's
    /// `ErrorInfo` reason (`TOO_LARGE`).
    #[must_use]
    #[inline]
    pub fn violations(&self) -> &Violations {
        &self.violations
    }

    /// The value of the param `name`, its Rust name (`params` of the
    /// body): `Some` where the answer carries it; an integer beyond 64 bits
    /// as its digits, kept whole, and a list or map holding one as its JSON
    /// text (which [`typed`](Self::typed) reads exactly). Over gRPC, whose
    /// metadata holds each param's text, the same value (the server lists
    /// which texts are JSON and which params are `null`); found by its
    /// Rust name there too, whatever the name, and by its metadata key
    /// (`podName`).
    #[must_use]
    #[inline]
    pub fn param(&self, name: &str) -> Option<&serde_json::Value> {
        // A raw identifier's name is the name without `r#`.
        let name = name.strip_prefix("r#").unwrap_or(name);
        self.params
            .get(name)
            .or_else(|| self.params.get(&*crate::wire::params::param_name(name)))
    }

    /// Every param of the answer, by its Rust name.
    #[must_use]
    #[inline]
    pub fn params(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.params
    }

    /// How long the server asks the client to wait before retrying
    /// (`retry_after` of a body, a gRPC `RetryInfo`), where it says.
    #[must_use]
    #[inline]
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.retries
            .then(|| std::time::Duration::from_secs(self.retry_after))
    }

    /// The typed error for this code, or `self` back for a code the client
    /// does not know (or one whose variant carries data). A variant whose
    /// every field is a param is rebuilt from the answer's params where
    /// `E` opts in with `#[error_code(from_params)]`, and the sender cut
    /// none of them ([`params_cut`](Self::params_cut)).
    ///
    /// # Errors
    /// Gives `self` back when `E` has no value for the code, or its params
    /// arrived cut.
    #[inline]
    pub fn typed<E: FromCode>(self) -> Result<E, RemoteError> {
        // A cut text is no value: no error is rebuilt from it.
        if self.params_cut {
            return Err(self);
        }
        E::from_params(self.code, &self.params).ok_or(self)
    }
}

/// A param's value from its JSON `text` (gRPC metadata), as a body's
/// would read: an integer beyond 64 bits kept as its text, as a body's
/// is; a text that is no JSON (cut to a budget) as it is. (Inline, as the
/// rest of the client: compiled only where a body or status is read.)
#[inline]
pub(crate) fn param_from_json(text: &str) -> serde_json::Value {
    match text.parse::<serde_json::Value>() {
        Ok(value) if !(holds_float(&value) && writes_wide_integer(text)) => value,
        _ => serde_json::Value::String(text.to_owned()),
    }
}

/// Whether `value` is or holds a float: where a body's integer beyond 64
/// bits may have gone.
#[inline]
fn holds_float(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Number(n) => n.is_f64(),
        serde_json::Value::Array(items) => items.iter().any(holds_float),
        serde_json::Value::Object(members) => members.values().any(holds_float),
        _ => false,
    }
}

/// Whether the JSON `text` writes an integer beyond 64 bits anywhere
/// outside its strings.
#[inline]
fn writes_wide_integer(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if b == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let start = i;
            i += 1;
            while i < bytes.len()
                && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
            {
                i += 1;
            }
            let number = &text[start..i];
            let digits = number.strip_prefix('-').unwrap_or(number);
            if !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && number.parse::<i64>().is_err()
                && number.parse::<u64>().is_err()
            {
                return true;
            }
            continue;
        }
        i += 1;
    }
    false
}

/// One entry of a body's `errors`: `field` (or an RFC 9457 `pointer`) and
/// `message` (or `detail`), `code` and `params` where given; `written`,
/// the entry as written, where known.
#[inline]
fn violation(entry: &serde_json::Value, written: Option<&str>) -> Option<Violation> {
    let text = |key: &str| entry.get(key).and_then(serde_json::Value::as_str);
    let field = match text("field") {
        Some(field) => field.to_owned(),
        None => field_of_pointer(text("pointer")?),
    };
    let message = text("message").or_else(|| text("detail"))?.to_owned();
    let code = entry
        .get("code")
        .and_then(serde_json::Value::as_u64)
        .and_then(|c| u32::try_from(c).ok());
    let mut violation = Violation::new(field, message).with_code(code);
    if let Some(reason) = text("reason") {
        violation = violation.with_reason(reason);
    }
    if let Some(serde_json::Value::Object(params)) = entry.get("params") {
        violation = with_params(violation, params, written);
    }
    Some(violation)
}

/// The field a JSON pointer in a URI fragment names, written as
/// [`Violation::pointer`] reads a field: `#/spec/replicas` is
/// `spec.replicas`, `#/items/2/name` is `items[2].name`; a segment holding
/// a `.` or a `[` is bracketed (`labels[app.kubernetes.io/name]`), and one
/// holding a `]` or a `"`, or empty, is a JSON string in brackets
/// (`labels[""]`). Each segment is percent-decoded where that gives UTF-8
/// (RFC 6901 §6), then its `~1` and `~0` read. The one rule of a
/// pointer's field, which the Go and Python clients follow.
#[inline]
fn field_of_pointer(pointer: &str) -> String {
    let path = pointer.strip_prefix('#').unwrap_or(pointer);
    if path.is_empty() {
        return String::new();
    }
    let path = path.strip_prefix('/').unwrap_or(path);
    let mut out = String::with_capacity(path.len());
    for segment in path.split('/') {
        let segment = percent_decoded(segment)
            .replace("~1", "/")
            .replace("~0", "~");
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(&segment);
            out.push(']');
        } else {
            crate::violations::push_key(&mut out, &segment);
        }
    }
    out
}

/// `segment` with each `%` and two hex digits read as the byte they
/// write, where the bytes are UTF-8; else as it is. (A pointer's segment;
/// the error index's query value.)
#[inline]
pub(crate) fn percent_decoded(segment: &str) -> std::borrow::Cow<'_, str> {
    if !segment.contains('%') {
        return std::borrow::Cow::Borrowed(segment);
    }
    let bytes = segment.as_bytes();
    let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) = (hex(i + 1), hex(i + 2))
        {
            // Two hex digits: a byte.
            out.push(u8::try_from(high * 16 + low).unwrap_or_default());
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(decoded) => std::borrow::Cow::Owned(decoded),
        Err(_) => std::borrow::Cow::Borrowed(segment),
    }
}

/// `violation` with the `params` of its entry, written as `written`: each
/// param read as a body's is, an integer beyond 64 bits kept as its text
/// ([`param_from_json`]); the one reader of a violation's params, for a
/// body and gRPC metadata alike.
#[inline]
pub(crate) fn with_params(
    mut violation: Violation,
    params: &serde_json::Map<String, serde_json::Value>,
    written: Option<&str>,
) -> Violation {
    let mut params = params.clone();
    let written = written.and_then(crate::wire::params::members);
    keep_wide(&mut params, written.as_ref());
    for (key, value) in params {
        violation = violation.with_param(&key, value);
    }
    violation
}

/// `params`, read from the object `written` (a body or a violation, as
/// written) as JSON values, with each that holds a float (where an
/// integer beyond 64 bits may have gone) read again from its text as
/// [`param_from_json`] reads it: the last of a repeated name, as the
/// values are. The one rule of a body's wide integers.
#[inline]
fn keep_wide(
    params: &mut serde_json::Map<String, serde_json::Value>,
    written: Option<&crate::wire::params::Members<'_>>,
) {
    if !params.values().any(holds_float) {
        return;
    }
    let Some(written) = written
        .and_then(|object| object.get("params"))
        .and_then(crate::wire::params::members)
    else {
        return;
    };
    for (name, value) in params.iter_mut() {
        if holds_float(value)
            && let Some(text) = written.get(name)
        {
            *value = param_from_json(text);
        }
    }
}

impl Display for RemoteError {
    #[inline]
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
    /// A caller's `Result<_, RemoteError>` stays below clippy's
    /// `result_large_err` line (128 bytes), which would flag it.
    #[test]
    fn a_remote_error_stays_below_the_large_error_line() {
        assert!(std::mem::size_of::<super::RemoteError>() < 128);
    }

    /// A number with a fraction or an exponent is refused as the Go and
    /// Python clients refuse it: as no whole number.
    #[test]
    fn a_code_or_delay_that_is_no_whole_number_is_said_so() {
        for (body, key, max) in [
            (
                r#"{"code":1201.0,"message":"m"}"#,
                "code",
                u64::from(u32::MAX),
            ),
            (
                r#"{"code":1201,"message":"m","retry_after":1.5}"#,
                "retry_after",
                u64::MAX,
            ),
            (
                r#"{"code":1201,"message":"m","retry_after":1e3}"#,
                "retry_after",
                u64::MAX,
            ),
        ] {
            let error = super::RemoteError::from_slice(body.as_bytes()).unwrap_err();
            assert!(
                error
                    .to_string()
                    .ends_with(&format!("`{key}` is not a whole number up to {max}")),
                "{error}"
            );
        }
    }
}
