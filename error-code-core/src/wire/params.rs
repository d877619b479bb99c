//! Params: the fields a code's messages name (`{name}`, `{0}`) or that are
//! marked `#[param]`, sent with the answer, and the messages rendered with
//! them. The derive checks the templates; here they are only read.

use crate::code::ErrorCode;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::{self, Display, Write as _};

/// A value sent as a param. Its JSON value is what every output carries,
/// and its text in a message is that value as text: a
/// string as is, a number as JSON writes it, `true` / `false`, `null` as
/// nothing, arrays and objects as compact JSON. So a client that has the
/// params renders exactly the server's message. Implemented for every
/// `Serialize` type; the derive requires it of each param field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a param: a param is `serde::Serialize`, and its JSON value is what every output shows",
    label = "this field is a param: a message names it, or it is marked #[param]",
    note = "implement `serde::Serialize` for it, or leave the field out of the messages"
)]
pub trait Param {
    /// Appends the value's JSON form to `out`: `null` where its `Serialize`
    /// fails or panics, as an answer never panics.
    fn write_json(&self, out: &mut Vec<u8>);

    /// The value's JSON form (a 128-bit integer beyond 64 bits is read back
    /// as a float here; [`write_json`](Self::write_json) keeps it whole).
    fn to_json(&self) -> serde_json::Value {
        let mut out = Vec::with_capacity(16);
        self.write_json(&mut out);
        serde_json::from_slice(&out).unwrap_or(serde_json::Value::Null)
    }

    /// Writes the value's text where its JSON value is a string (the text
    /// is then the string itself, written without going through JSON);
    /// `None` for any other value, whose text is its JSON.
    #[doc(hidden)]
    fn __write_str(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result> {
        let _ = out;
        None
    }
}

impl<T: Serialize + ?Sized> Param for T {
    fn __write_str(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result> {
        let probed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.serialize(StrProbe(out)).ok()
        }));
        probed.ok().flatten()
    }

    fn write_json(&self, out: &mut Vec<u8>) {
        let mark = out.len();
        let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            serde_json::to_writer(&mut *out, self).is_ok()
        }));
        if written.is_err() {
            super::detail::display_panicked();
        }
        if !matches!(written, Ok(true)) {
            out.truncate(mark);
            out.extend_from_slice(b"null");
        }
    }
}

/// Writes the text of `value`: the one rule of a param's text, its JSON
/// value ([`Param`]) — a string as it is, `null` as nothing, anything
/// else its JSON ([`json_text`]); `buffer` holds the JSON of a value that
/// is no string.
fn write_text_with(
    out: &mut dyn fmt::Write,
    value: &dyn Param,
    buffer: &mut Vec<u8>,
) -> fmt::Result {
    if let Some(written) = value.__write_str(out) {
        return written;
    }
    buffer.clear();
    value.write_json(buffer);
    json_text(out, buffer)
}

/// A serializer that takes a string (its text as is) and refuses anything
/// else, which is then written as JSON: a string param's text without
/// JSON's escaping and unescaping.
struct StrProbe<'o>(&'o mut dyn fmt::Write);

/// What [`StrProbe`] says of a value that is no string.
#[derive(Debug)]
struct NotStr;

impl fmt::Display for NotStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a string")
    }
}

impl std::error::Error for NotStr {}

impl serde::ser::Error for NotStr {
    fn custom<M: fmt::Display>(_: M) -> Self {
        NotStr
    }
}

macro_rules! not_str {
    ($($method:ident($($arg:ty),*) -> $ret:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ret, NotStr> {
            Err(NotStr)
        }
    )*};
}

impl serde::Serializer for StrProbe<'_> {
    type Ok = fmt::Result;
    type Error = NotStr;
    type SerializeSeq = serde::ser::Impossible<fmt::Result, NotStr>;
    type SerializeTuple = serde::ser::Impossible<fmt::Result, NotStr>;
    type SerializeTupleStruct = serde::ser::Impossible<fmt::Result, NotStr>;
    type SerializeTupleVariant = serde::ser::Impossible<fmt::Result, NotStr>;
    type SerializeMap = serde::ser::Impossible<fmt::Result, NotStr>;
    type SerializeStruct = serde::ser::Impossible<fmt::Result, NotStr>;
    type SerializeStructVariant = serde::ser::Impossible<fmt::Result, NotStr>;

    fn serialize_str(self, v: &str) -> Result<fmt::Result, NotStr> {
        Ok(self.0.write_str(v))
    }
    fn serialize_char(self, v: char) -> Result<fmt::Result, NotStr> {
        Ok(self.0.write_char(v))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<fmt::Result, NotStr> {
        Ok(self.0.write_str(variant))
    }
    fn serialize_newtype_struct<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &V,
    ) -> Result<fmt::Result, NotStr> {
        value.serialize(self)
    }
    fn serialize_some<V: Serialize + ?Sized>(self, value: &V) -> Result<fmt::Result, NotStr> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<V: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &V,
    ) -> Result<fmt::Result, NotStr> {
        Err(NotStr)
    }
    not_str! {
        serialize_bool(bool) -> fmt::Result;
        serialize_i8(i8) -> fmt::Result;
        serialize_i16(i16) -> fmt::Result;
        serialize_i32(i32) -> fmt::Result;
        serialize_i64(i64) -> fmt::Result;
        serialize_i128(i128) -> fmt::Result;
        serialize_u8(u8) -> fmt::Result;
        serialize_u16(u16) -> fmt::Result;
        serialize_u32(u32) -> fmt::Result;
        serialize_u64(u64) -> fmt::Result;
        serialize_u128(u128) -> fmt::Result;
        serialize_f32(f32) -> fmt::Result;
        serialize_f64(f64) -> fmt::Result;
        serialize_bytes(&[u8]) -> fmt::Result;
        serialize_none() -> fmt::Result;
        serialize_unit() -> fmt::Result;
        serialize_unit_struct(&'static str) -> fmt::Result;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

/// Writes the text of a JSON value written as `json`.
fn json_text(out: &mut dyn fmt::Write, json: &[u8]) -> fmt::Result {
    match json {
        b"null" => Ok(()),
        [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') => {
            out.write_str(std::str::from_utf8(inner).unwrap_or_default())
        }
        [b'"', ..] => match serde_json::from_slice::<String>(json) {
            Ok(text) => out.write_str(&text),
            Err(_) => Ok(()),
        },
        _ => out.write_str(std::str::from_utf8(json).unwrap_or_default()),
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

/// Writes `template` rendered with `error`'s params (as [`render_into`])
/// as a JSON string, escaped as it is written, without an intermediate
/// `String`; a panicking param ends the text there.
pub(crate) fn write_rendered_json(out: &mut Vec<u8>, template: &str, error: &dyn ErrorCode) {
    out.push(b'"');
    let mut escaped = JsonEscaped(&mut *out);
    let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render_into(&mut escaped, template, error)
    }));
    if written.is_err() {
        super::detail::display_panicked();
    }
    out.push(b'"');
}

/// Text written into a JSON string: escaped byte for byte as serde_json
/// escapes a string (`"`, `\`, the control characters; nothing else).
struct JsonEscaped<'o>(&'o mut Vec<u8>);

impl fmt::Write for JsonEscaped<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0x00..=0x1f => {
                    self.0.extend_from_slice(&bytes[start..i]);
                    let hex = [
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 0xf)],
                    ];
                    self.0.extend_from_slice(&hex);
                    start = i + 1;
                    continue;
                }
                _ => continue,
            };
            self.0.extend_from_slice(&bytes[start..i]);
            self.0.extend_from_slice(escape);
            start = i + 1;
        }
        self.0.extend_from_slice(&bytes[start..]);
        Ok(())
    }
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

/// Writes `template` rendered with `error`'s params to `out`, a select's
/// plural category by the rules of the template's language.
///
/// # Errors
/// Where `out` fails.
pub fn render_into(out: &mut dyn fmt::Write, template: &str, error: &dyn ErrorCode) -> fmt::Result {
    let lang = language_of(error.info(), template);
    fill(out, template, lang, &mut |key, take| {
        let mut found = false;
        error.for_each_param(&mut |k, value| {
            if !found && k == key {
                take(value);
                found = true;
            }
        });
        found
    })
}

/// The language of `template`, a message of `info`: the translation's tag
/// it is, else the untagged message's language where that is known.
fn language_of(info: &crate::CodeInfo, template: &str) -> Option<&'static str> {
    let same = |text: &str| text.as_ptr() == template.as_ptr() && text.len() == template.len();
    info.messages()
        .iter()
        .find(|(_, text)| same(text))
        .map(|(tag, _)| *tag)
        .or_else(|| info.lang())
}

/// How [`fill`] finds a param: it hands the param of a name to the
/// function it is given, and says whether there is one.
pub(crate) type Lookup<'l> = &'l mut dyn FnMut(&str, &mut dyn FnMut(&dyn Param)) -> bool;

/// Writes `template` to `out` (the grammar's pieces, [`crate::grammar`]):
/// `lookup` gives the param of a name to the function it is handed
/// (`false`: no such param, and the placeholder stays as written); a
/// placeholder is the param's text, and a select's variant is chosen by its
/// value, a number's plural category in `lang`, else the default.
pub(crate) fn fill(
    out: &mut dyn fmt::Write,
    template: &str,
    lang: Option<&str>,
    lookup: Lookup<'_>,
) -> fmt::Result {
    let mut buffer = Vec::new();
    fill_pieces(
        out,
        crate::grammar::pieces(template),
        lang,
        lookup,
        &mut buffer,
    )
}

fn fill_pieces(
    out: &mut dyn fmt::Write,
    pieces: crate::grammar::Pieces<'_>,
    lang: Option<&str>,
    lookup: Lookup<'_>,
    buffer: &mut Vec<u8>,
) -> fmt::Result {
    use crate::grammar::Piece;
    for piece in pieces {
        match piece {
            Piece::Text(text) | Piece::Stray(text) => out.write_str(text)?,
            Piece::Param { name, written } => {
                let mut result = Ok(());
                let found = lookup(name, &mut |value| {
                    result = write_text_with(&mut *out, value, buffer);
                });
                if found {
                    result?;
                } else {
                    out.write_str(written)?;
                }
            }
            Piece::Select { name, variants, .. } => {
                buffer.clear();
                let found = lookup(name, &mut |value| value.write_json(buffer));
                let body = chosen(variants, found.then_some(buffer.as_slice()), lang);
                if let Some(body) = body {
                    fill_pieces(
                        out,
                        crate::grammar::pieces_of_variant(body),
                        lang,
                        lookup,
                        buffer,
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// The body of the variant a select chooses for the JSON `value`: the
/// variant whose key is the value (a number's by its value, a string's
/// as it is), else a number's plural category in `lang`, else the default.
/// One rule, which every client follows.
pub(crate) fn chosen<'t>(
    variants: &'t str,
    value: Option<&[u8]>,
    lang: Option<&str>,
) -> Option<&'t str> {
    let value = value.and_then(|v| std::str::from_utf8(v).ok());
    let number = value.filter(|v| v.starts_with(|c: char| c == '-' || c.is_ascii_digit()));
    let text = value
        .filter(|v| v.starts_with('"'))
        .and_then(|v| serde_json::from_str::<String>(v).ok());
    let exact = |key: &str| match (number, &text) {
        (Some(n), _) => key
            .parse::<f64>()
            .ok()
            .zip(n.parse::<f64>().ok())
            .is_some_and(|(k, n)| k == n),
        (None, Some(text)) => key == text,
        (None, None) => false,
    };
    let category = number.map(|n| crate::plural::category(lang, n));
    let mut default = None;
    let mut by_category = None;
    for variant in crate::grammar::variants(variants) {
        if exact(variant.key) {
            return Some(variant.body);
        }
        if by_category.is_none() && category == Some(variant.key) {
            by_category = Some(variant.body);
        }
        if variant.default {
            default = Some(variant.body);
        }
    }
    by_category.or(default)
}

/// A message of `info` as a reader reads it: the template where the code
/// has params (its placeholders say where they go), else the text a client
/// receives, `{{` and `}}` written as the braces they are.
#[cfg(any(feature = "tools", feature = "utoipa"))]
pub(crate) fn readable(info: &crate::CodeInfo, template: &'static str) -> Cow<'static, str> {
    use crate::grammar::Piece;
    let has_select = || crate::grammar::pieces(template).any(|p| matches!(p, Piece::Select { .. }));
    if !info.params().is_empty() && has_select() {
        // A select as Fluent writes it, on one line:
        // `{ $count -> [one] one pod *[other] {count} pods }`.
        let mut out = String::with_capacity(template.len() + 16);
        for piece in crate::grammar::pieces(template) {
            match piece {
                Piece::Select { name, variants, .. } => {
                    out.push_str("{ $");
                    out.push_str(name);
                    out.push_str(" ->");
                    for variant in crate::grammar::variants(variants) {
                        out.push_str(if variant.default { " *[" } else { " [" });
                        out.push_str(variant.key);
                        out.push_str("] ");
                        for inner in crate::grammar::pieces_of_variant(variant.body) {
                            match inner {
                                Piece::Text(t) | Piece::Stray(t) => out.push_str(t),
                                Piece::Param { written, .. } | Piece::Select { written, .. } => {
                                    out.push_str(written);
                                }
                            }
                        }
                    }
                    out.push_str(" }");
                }
                Piece::Param { written, .. } => out.push_str(written),
                Piece::Text(t) | Piece::Stray(t) => out.push_str(t),
            }
        }
        return Cow::Owned(out);
    }
    if !info.params().is_empty() || !template.contains(['{', '}']) {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len());
    let _ = fill(&mut out, template, None, &mut |_, _| false);
    Cow::Owned(out)
}

/// `template` rendered with `error`'s params: borrowed where it has no
/// braces, which a message without params never has.
pub fn render(template: &'static str, error: &dyn ErrorCode) -> Cow<'static, str> {
    if !template.contains(['{', '}']) {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len() + 16);
    // Rendering never fails: a param whose `Serialize` fails is `null`.
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
        // A key is a field's name or position: nothing in it to escape.
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        value.write_json(out);
    });
    if open {
        out.push(b'}');
    }
}

/// The params as a map for a `serde` serializer, in the order the body
/// lists them, each value the JSON [`Param::write_json`] writes (a 128-bit
/// integer stays a number).
pub(crate) struct ParamsMap<'e>(pub(crate) &'e dyn ErrorCode);

impl Serialize for ParamsMap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        let mut result = Ok(());
        self.0.for_each_param(&mut |key, value| {
            if result.is_ok() {
                result = map.serialize_entry(key, &raw(value));
            }
        });
        result?;
        map.end()
    }
}

/// A param's JSON as it was written, kept to be sent again (a re-rendered
/// answer's params): written back as it is, neither parsed nor checked.
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
pub(crate) struct Written<'j>(pub(crate) &'j [u8]);

impl Param for Written<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.0);
    }
}

/// The JSON of `value` as [`Param::write_json`] writes it, kept whole.
pub(crate) fn raw(value: &dyn Param) -> Box<serde_json::value::RawValue> {
    let mut json = Vec::with_capacity(24);
    value.write_json(&mut json);
    String::from_utf8(json)
        .ok()
        .and_then(|json| serde_json::value::RawValue::from_string(json).ok())
        .unwrap_or_default()
}

/// The params as `(key, text)` pairs, each its text (`write_text_with`),
/// but for those that are `null`: their text is nothing, as an empty
/// string's is, so where only text travels (gRPC metadata) a `null` param
/// is left out, and a client reads it back as absent (`None`), not as `""`.
#[cfg_attr(not(feature = "tonic"), allow(dead_code))]
pub(crate) fn param_texts(error: &dyn ErrorCode) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut json = Vec::new();
    error.for_each_param(&mut |key, value| {
        json.clear();
        value.write_json(&mut json);
        if json != b"null" {
            let mut text = String::new();
            let _ = json_text(&mut text, &json);
            out.push((key, text));
        }
    });
    out
}

/// The keys of `ErrorInfo.metadata` that the crate itself writes: the code
/// and the detail. A param never takes one.
pub(crate) const OWN_KEYS: [&str; 2] = ["code", "detail"];

/// The prefix of a param's key where its name has no lowerCamelCase form
/// that reads back as the name (`param_2`, `0`, `podName`, `code`).
const VERBATIM: &str = "param-";

/// The metadata key of the param `name`: its name in lowerCamelCase
/// (AIP-193, `pod_name` → `podName`) where that reads back as `name`
/// ([`param_name`]) and is none of the crate's own keys; else `param-`
/// and the name as written. One to one: every name comes back.
#[cfg_attr(not(feature = "tonic"), allow(dead_code))]
pub(crate) fn param_key(name: &str) -> Cow<'_, str> {
    let camel = lower_camel_case(name);
    let reads_back = camel.starts_with(|c: char| c.is_ascii_lowercase())
        && camel.bytes().all(|b| b.is_ascii_alphanumeric())
        && !OWN_KEYS.contains(&&*camel)
        && snake_case(&camel) == name;
    if reads_back {
        camel
    } else {
        Cow::Owned(format!("{VERBATIM}{name}"))
    }
}

/// The param name of a metadata key [`param_key`] gave.
pub(crate) fn param_name(key: &str) -> Cow<'_, str> {
    match key.strip_prefix(VERBATIM) {
        Some(name) => Cow::Borrowed(name),
        None => snake_case(key),
    }
}

/// `pod_name` → `podName`.
fn lower_camel_case(name: &str) -> Cow<'_, str> {
    if !name.contains('_') {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `podName` → `pod_name`.
fn snake_case(key: &str) -> Cow<'_, str> {
    if !key.contains(|c: char| c.is_ascii_uppercase()) {
        return Cow::Borrowed(key);
    }
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_escaped_as_serde_json_escapes_it() {
        use std::fmt::Write as _;
        let mut text: String = (0u8..=0x7f).map(char::from).collect();
        text.push_str("é 名前 \u{2028} \u{1F600} \"q\" \\");
        let mut ours = Vec::new();
        for piece in [&text[..10], &text[10..]] {
            let _ = JsonEscaped(&mut ours).write_str(piece);
        }
        let theirs = serde_json::to_string(&text).unwrap_or_default();
        assert_eq!(format!("\"{}\"", String::from_utf8_lossy(&ours)), theirs);
    }

    #[test]
    fn every_param_name_comes_back_from_its_key() {
        for name in [
            "name", "pod_name", "param1", "param_2", "type", "code", "detail", "0", "12",
            "podName", "x__y", "_x", "x_", "名前", "param-0", "a_1b", "ab_c_d", "Code",
        ] {
            let key = param_key(name);
            assert_eq!(param_name(&key), name, "{name} → {key}");
            assert!(
                !OWN_KEYS.contains(&&*key),
                "{name} takes the crate's own key"
            );
        }
        assert_eq!(param_key("pod_name"), "podName");
        assert_eq!(param_key("param1"), "param1");
        assert_eq!(param_key("param_2"), "param-param_2");
        assert_eq!(param_key("0"), "param-0");
    }

    fn text(value: &dyn Param) -> String {
        let mut out = String::new();
        let _ = write_text_with(&mut out, value, &mut Vec::new());
        out
    }

    #[test]
    fn a_params_text_is_its_json_value() {
        assert_eq!(text(&0.1_f32), "0.1");
        assert_eq!(text(&u128::MAX), u128::MAX.to_string());
        assert_eq!(text(&i128::MIN), i128::MIN.to_string());
        assert_eq!(text(&"a \"b\"\n"), "a \"b\"\n");
        assert_eq!(text(&true), "true");
        assert_eq!(text(&None::<u8>), "");
        assert_eq!(text(&vec![1, 2]), "[1,2]");
        assert_eq!(
            text(&std::collections::BTreeMap::from([("a", "b")])),
            r#"{"a":"b"}"#
        );
        assert_eq!(text(&'x'), "x");
    }

    #[test]
    fn a_param_whose_serialize_fails_or_panics_is_null() {
        struct Fails;
        impl Serialize for Fails {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("no"))
            }
        }
        struct Panics;
        impl Serialize for Panics {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                panic!("a param's Serialize panicked")
            }
        }
        assert_eq!(text(&Fails), "");
        assert_eq!(text(&Panics), "");
        assert_eq!(Panics.to_json(), serde_json::Value::Null);
    }
}
