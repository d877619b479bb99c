//! Params: the fields a code's messages name (`{name}`, `{0}`) or that are
//! marked `#[param]`, sent with the answer, and the messages rendered with
//! them. The derive checks the templates; here they are only read.

use crate::code::ErrorCode;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::{self, Display, Write as _};

/// A value sent as a param: shown in messages by its `Display`, sent on the
/// wire in its `serde` form. Implemented for every `Display + Serialize`
/// type; the derive requires it of each param field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a param: a param is `Display` (for the message) and `serde::Serialize` (for the wire)",
    label = "this field is a param: a message names it, or it is marked #[param]",
    note = "implement the missing trait, or leave the field out of the messages"
)]
pub trait Param: Display {
    /// Appends the value's JSON form to `out`.
    fn write_json(&self, out: &mut Vec<u8>);
    /// The value's JSON form.
    fn to_json(&self) -> serde_json::Value;
}

impl<T: Display + Serialize + ?Sized> Param for T {
    fn write_json(&self, out: &mut Vec<u8>) {
        // A value whose `Serialize` fails is sent as its text instead.
        let mark = out.len();
        if serde_json::to_writer(&mut *out, self).is_err() {
            out.truncate(mark);
            let _ = serde_json::to_writer(&mut *out, &self.to_string());
        }
    }

    fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_else(|_| serde_json::Value::String(self.to_string()))
    }
}

/// What the derive's `for_each_param` calls for each param: its key and
/// value.
pub type Visit<'v> = &'v mut dyn FnMut(&'static str, &dyn Param);

/// Whether `error` has any param.
pub(crate) fn has_params(error: &dyn ErrorCode) -> bool {
    let mut any = false;
    error.for_each_param(&mut |_, _| any = true);
    any
}

/// `template` with its placeholders filled from `error`'s params; `{{` and
/// `}}` are braces. A placeholder with no param stays as written.
pub(crate) struct Rendered<'t> {
    pub(crate) template: &'t str,
    pub(crate) error: &'t dyn ErrorCode,
}

impl Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        render_into(f, self.template, self.error)
    }
}

/// Writes `template` rendered with `error`'s params to `out`.
///
/// # Errors
/// Where `out` fails.
pub fn render_into(out: &mut dyn fmt::Write, template: &str, error: &dyn ErrorCode) -> fmt::Result {
    fill(out, template, &mut |key, out| {
        let mut result = None;
        error.for_each_param(&mut |k, value| {
            if result.is_none() && k == key {
                result = Some(write!(out, "{value}"));
            }
        });
        result
    })
}

/// Writes `template` to `out`, each placeholder's value written by `value`
/// (`None`: no such param, and the placeholder stays as written); `{{` and
/// `}}` are braces.
pub(crate) fn fill(
    out: &mut dyn fmt::Write,
    template: &str,
    value: &mut dyn FnMut(&str, &mut dyn fmt::Write) -> Option<fmt::Result>,
) -> fmt::Result {
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.write_str(&rest[..at])?;
        let brace = rest.as_bytes()[at];
        let after = &rest[at + 1..];
        if after.as_bytes().first() == Some(&brace) {
            out.write_char(char::from(brace))?;
            rest = &after[1..];
            continue;
        }
        if brace == b'}' {
            out.write_char('}')?;
            rest = after;
            continue;
        }
        let Some(end) = after.find('}') else {
            out.write_str(&rest[at..])?;
            return Ok(());
        };
        let key = after[..end].trim();
        let key = key.strip_prefix("r#").unwrap_or(key);
        match value(key, &mut *out) {
            Some(written) => written?,
            None => out.write_str(&rest[at..at + end + 2])?,
        }
        rest = &after[end + 1..];
    }
    out.write_str(rest)
}

/// A message of `info` as a reader reads it: the template where the code
/// has params (its placeholders say where they go), else the text a client
/// receives, `{{` and `}}` written as the braces they are.
pub(crate) fn readable(info: &crate::CodeInfo, template: &'static str) -> Cow<'static, str> {
    if !info.params().is_empty() || !template.contains(['{', '}']) {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len());
    let _ = fill(&mut out, template, &mut |_, _| None);
    Cow::Owned(out)
}

/// `template` rendered with `error`'s params: borrowed where it has no
/// braces, which a message without params never has.
pub fn render(template: &'static str, error: &dyn ErrorCode) -> Cow<'static, str> {
    if !template.contains(['{', '}']) {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len() + 16);
    // A param's `Display` that fails or panics ends the text there.
    let _ = write!(
        out,
        "{}",
        super::detail::Guarded(&Rendered { template, error })
    );
    Cow::Owned(out)
}

/// Appends `,"params":{…}` to a JSON object being written, nothing where
/// `error` has no params.
pub(crate) fn write_params(out: &mut Vec<u8>, error: &dyn ErrorCode) {
    let mut open = false;
    error.for_each_param(&mut |key, value| {
        if open {
            out.push(b',');
        } else {
            out.extend_from_slice(b",\"params\":{");
        }
        open = true;
        let _ = serde_json::to_writer(&mut *out, key);
        out.push(b':');
        value.write_json(out);
    });
    if open {
        out.push(b'}');
    }
}

/// The params as a map for a `serde` serializer.
pub(crate) struct ParamsMap<'e>(pub(crate) &'e dyn ErrorCode);

impl Serialize for ParamsMap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serde_json::Map::new();
        self.0.for_each_param(&mut |key, value| {
            map.insert(key.to_owned(), value.to_json());
        });
        map.serialize(serializer)
    }
}

/// The params as `(key, text)` pairs, each value's serde form, as the body
/// sends it: a string as it is, any other value as JSON. Not the `Display`,
/// which is the message's (and a user's `Display` may fail).
#[cfg_attr(not(feature = "tonic"), allow(dead_code))]
pub(crate) fn param_texts(error: &dyn ErrorCode) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    error.for_each_param(&mut |key, value| {
        let text = match value.to_json() {
            serde_json::Value::String(text) => text,
            other => other.to_string(),
        };
        out.push((key, text));
    });
    out
}

/// A param held as JSON (read back, or made up for an example): text shown
/// as is, other values as JSON.
#[cfg_attr(not(any(feature = "axum", feature = "utoipa")), allow(dead_code))]
pub(crate) struct JsonParam<'v>(pub(crate) &'v serde_json::Value);

impl Display for JsonParam<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            serde_json::Value::String(text) => f.write_str(text),
            other => write!(f, "{other}"),
        }
    }
}

impl Serialize for JsonParam<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}
