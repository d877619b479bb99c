//! Params on the wire: written into a body (`params`, a message rendered
//! straight into JSON), kept as written, and under their gRPC metadata
//! keys. Their text and the messages rendered with them are the message
//! layer's ([`crate::message`]).

use crate::code::ErrorCode;
use crate::message::string_end;
use crate::message::{Param, render_into};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// Writes `template` rendered with `error`'s params (as [`render_into`])
/// as a JSON string, escaped as it is written, without an intermediate
/// `String`; a panicking param ends the text there.
pub(crate) fn write_rendered_json(
    out: &mut Vec<u8>,
    template: &str,
    lang: Option<&str>,
    error: &dyn ErrorCode,
) {
    out.push(b'"');
    let mut escaped = JsonEscaped(&mut *out);
    let written = crate::message::caught(|| render_into(&mut escaped, template, lang, error));
    if written.is_none() {
        super::detail::display_panicked();
    }
    out.push(b'"');
}

/// The `params` of a JSON body, each value as it is written there (none
/// where the body is no JSON object or has none): the one reader of a
/// body's params as text, for `localize` and the client. Inline: compiled
/// only where a body is read back.
#[inline]
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
pub(crate) fn written_params(body: &[u8]) -> Members<'_> {
    let Ok(body) = std::str::from_utf8(body) else {
        return Members::default();
    };
    members(body)
        .and_then(|members| members.get("params"))
        .and_then(members)
        .unwrap_or_default()
}

/// The members of a JSON object, each value as written: a list, as a
/// body has few (one reader of maps fewer to compile than a `HashMap`).
#[derive(Default)]
pub(crate) struct Members<'a>(pub(crate) Vec<(Cow<'a, str>, &'a str)>);

impl<'a> Members<'a> {
    pub(crate) fn get(&self, name: &str) -> Option<&'a str> {
        // The last of a repeated name, as a map would keep.
        let mut i = self.0.len();
        while i > 0 {
            i -= 1;
            if self.0[i].0 == name {
                return Some(self.0[i].1);
            }
        }
        None
    }
}

/// The members of the JSON object `json` (whitespace around it), each key
/// as text and each value as written; `None` where `json` is no object.
/// It reads JSON's grammar as serde_json does (nesting to 128 levels), so
/// that no generic deserializer is compiled for a body read back: a key
/// with an escape is read by serde_json's `Value`, compiled in serde_json.
pub(crate) fn members(json: &str) -> Option<Members<'_>> {
    let bytes = json.as_bytes();
    let mut at = space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut out = Vec::new();
    at = space(bytes, at + 1);
    if bytes.get(at) == Some(&b'}') {
        return (space(bytes, at + 1) == bytes.len()).then_some(Members(out));
    }
    loop {
        let key_end = string_end(bytes, at)?;
        let raw = &json[at + 1..key_end - 1];
        let key = if raw.contains('\\') {
            Cow::Owned(crate::message::json_string(&json.as_bytes()[at..key_end])?)
        } else {
            Cow::Borrowed(raw)
        };
        at = space(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        let start = space(bytes, at + 1);
        let end = value_end(bytes, start, 1)?;
        out.push((key, &json[start..end]));
        at = space(bytes, end);
        match bytes.get(at) {
            Some(b',') => at = space(bytes, at + 1),
            Some(b'}') => {
                return (space(bytes, at + 1) == bytes.len()).then_some(Members(out));
            }
            _ => return None,
        }
    }
}

/// The items of the JSON array `json` (whitespace around it), each as
/// written; `None` where `json` is no array. JSON's grammar as
/// [`members`] reads it. Inline: compiled only where a body is read back.
#[inline]
pub(crate) fn items(json: &str) -> Option<Vec<&str>> {
    let bytes = json.as_bytes();
    let mut at = space(bytes, 0);
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let mut out = Vec::new();
    at = space(bytes, at + 1);
    if bytes.get(at) == Some(&b']') {
        return (space(bytes, at + 1) == bytes.len()).then_some(out);
    }
    loop {
        let end = value_end(bytes, at, 1)?;
        out.push(&json[at..end]);
        at = space(bytes, end);
        match bytes.get(at) {
            Some(b',') => at = space(bytes, at + 1),
            Some(b']') => return (space(bytes, at + 1) == bytes.len()).then_some(out),
            _ => return None,
        }
    }
}

/// The first byte at or after `at` that is no JSON whitespace.
fn space(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// The end of the JSON value at `at`, `depth` arrays and objects in (the
/// body itself one).
fn value_end(bytes: &[u8], at: usize, depth: u8) -> Option<usize> {
    match *bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let close = if bytes[at] == b'{' { b'}' } else { b']' };
            if depth >= 127 {
                return None;
            }
            let mut at = space(bytes, at + 1);
            if bytes.get(at) == Some(&close) {
                return Some(at + 1);
            }
            loop {
                if close == b'}' {
                    at = space(bytes, string_end(bytes, at)?);
                    if bytes.get(at) != Some(&b':') {
                        return None;
                    }
                    at = space(bytes, at + 1);
                }
                at = space(bytes, value_end(bytes, at, depth + 1)?);
                match bytes.get(at) {
                    Some(b',') => at = space(bytes, at + 1),
                    Some(&b) if b == close => return Some(at + 1),
                    _ => return None,
                }
            }
        }
        b't' => word_end(bytes, at, b"true"),
        b'f' => word_end(bytes, at, b"false"),
        b'n' => word_end(bytes, at, b"null"),
        _ => number_end(bytes, at),
    }
}

fn word_end(bytes: &[u8], at: usize, word: &[u8]) -> Option<usize> {
    bytes[at..].starts_with(word).then_some(at + word.len())
}

/// The end of the JSON number at `at`: `-`, then `0` or digits not led by
/// `0`, a fraction and an exponent, each with a digit at least.
fn number_end(bytes: &[u8], at: usize) -> Option<usize> {
    let digits = |from: usize| {
        let mut i = from;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i > from).then_some(i)
    };
    let mut i = at + usize::from(bytes.get(at) == Some(&b'-'));
    i = if bytes.get(i) == Some(&b'0') {
        i + 1
    } else {
        digits(i)?
    };
    if bytes.get(i) == Some(&b'.') {
        i = digits(i + 1)?;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = bytes.get(i) {
            i += 1;
        }
        i = digits(i)?;
    }
    Some(i)
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

/// A message of `info` as a reader reads it: the template where the code
/// has params (its placeholders say where they go), else the text a client
/// receives, `{{` and `}}` written as the braces they are.
#[cfg(any(feature = "tools", feature = "utoipa"))]
pub(crate) fn readable(info: &crate::CodeInfo, template: &'static str) -> Cow<'static, str> {
    use crate::grammar::Piece;
    let has_select = || crate::grammar::pieces(template).any(|p| matches!(p, Piece::Select { .. }));
    if !info.params().is_empty() && has_select() {
        // A select as Fluent writes it, on one line, and every param of
        // the message as Fluent writes one, the variants' and the others:
        // `{ $count -> [one] one pod *[other] { $count } pods } in { $ns }`.
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
                                Piece::Param { name, .. } => {
                                    out.push_str("{ $");
                                    out.push_str(name);
                                    out.push_str(" }");
                                }
                                Piece::Select { written, .. } => out.push_str(written),
                            }
                        }
                    }
                    out.push_str(" }");
                }
                Piece::Param { name, .. } => {
                    out.push_str("{ $");
                    out.push_str(name);
                    out.push_str(" }");
                }
                Piece::Text(t) | Piece::Stray(t) => out.push_str(t),
            }
        }
        return Cow::Owned(out);
    }
    if !info.params().is_empty() || !template.contains(['{', '}']) {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len());
    let _ = crate::message::fill(&mut out, template, None, &mut |_, _| false);
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

/// The params as `(key, text, is JSON)`, each its text (`write_text_with`)
/// and whether that is JSON (a number, `true`, an array…) rather than a
/// string's own text; `None` for those that are `null`: their text is
/// nothing, as an empty string's is. Where only text travels (gRPC
/// metadata) both are named apart, and a client reads back each value
/// the body would give.
#[cfg(feature = "tonic")]
pub(crate) fn param_texts(error: &dyn ErrorCode) -> Vec<(&'static str, Option<String>, bool)> {
    let mut out = Vec::new();
    let mut json = Vec::new();
    error.for_each_param(&mut |key, value| {
        json.clear();
        value.write_json(&mut json);
        if json == b"null" {
            out.push((key, None, false));
        } else {
            let mut text = String::new();
            let _ = crate::message::json_text(&mut text, &json);
            out.push((key, Some(text), json.first() != Some(&b'"')));
        }
    });
    out
}

/// The keys of `ErrorInfo.metadata` that the crate itself writes: the
/// code, the detail, the params cut, the `null` ones and those written as
/// JSON, the violations' codes. A param never takes one.
#[cfg(feature = "tonic")]
pub(crate) const OWN_KEYS: [&str; 6] = [
    "code",
    "detail",
    "paramsCut",
    "paramsNull",
    "violations",
    "paramsJson",
];

/// The prefix of a param's key where its name has no lowerCamelCase form
/// that reads back as the name (`param_2`, `0`, `podName`, `code`).
const VERBATIM: &str = "param-";

/// The metadata key of the param `name`: its name in lowerCamelCase
/// (AIP-193, `pod_name` → `podName`) where that reads back as `name`
/// ([`param_name`]) and is none of the crate's own keys; else `param-`
/// and the name as written. One to one: every name comes back.
#[cfg(feature = "tonic")]
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
#[cfg(feature = "tonic")]
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
    use crate::message::write_text_with;

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
    #[cfg(feature = "tonic")]
    fn every_param_name_comes_back_from_its_key() {
        for name in [
            "name",
            "pod_name",
            "param1",
            "param_2",
            "type",
            "code",
            "detail",
            "0",
            "12",
            "podName",
            "x__y",
            "_x",
            "x_",
            "名前",
            "param-0",
            "a_1b",
            "ab_c_d",
            "Code",
            "params_cut",
            "params_null",
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

#[cfg(test)]
mod reader_tests {
    use super::*;

    /// The reader of a body's members against serde_json's: the same
    /// objects accepted, the same keys and values, on valid and broken
    /// JSON alike.
    #[test]
    fn members_read_as_serde_json_reads_an_object() {
        let cases = [
            r#"{}"#,
            r#" { } "#,
            r#"{"a":1,"b":"x","c":[1,2,{"d":null}],"e":{"f":true},"g":false}"#,
            "{ \"a\" :\t-0.5e+10 ,\n\"b\" : \"\\u00e9\\n\\\"\" }",
            r#"{"a\u0062":1,"a\\b":2}"#,
            r#"{"n":340282366920938463463374607431768211455}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":1e}"#,
            r#"{"a":-}"#,
            r#"{"a":+1}"#,
            r#"{"a":tru}"#,
            r#"{"a":nulll}"#,
            r#"{"a":"\x"}"#,
            r#"{"a":"\u12G4"}"#,
            "{\"a\":\"tab\there\"}",
            r#"{"a":1,}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":[1 2]}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            r#"{"a":1} x"#,
            r#"{"a":1"#,
            r#"[1]"#,
            r#""a""#,
            "",
        ];
        for json in cases {
            let ours = members(json);
            let theirs = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(json);
            assert_eq!(ours.is_some(), theirs.is_ok(), "{json}");
            if let (Some(ours), Ok(theirs)) = (ours, theirs) {
                for (key, value) in &theirs {
                    let ours: serde_json::Value = ours.get(key).unwrap().parse().unwrap();
                    assert_eq!(&ours, value, "{json}: {key}");
                }
                assert!(ours.0.iter().all(|(k, _)| theirs.contains_key(k.as_ref())));
            }
        }
        // A value is kept as written: a 128-bit integer whole, a float's
        // `.0`, an object's keys in order.
        let kept =
            members(r#"{"n":340282366920938463463374607431768211455,"f":1.0,"o":{"b":1,"a":2}}"#)
                .unwrap();
        assert_eq!(
            kept.get("n"),
            Some("340282366920938463463374607431768211455")
        );
        assert_eq!(kept.get("f"), Some("1.0"));
        assert_eq!(kept.get("o"), Some(r#"{"b":1,"a":2}"#));
        // Nesting stops where serde_json's does (128 levels).
        let deep = |n: usize| format!("{{\"a\":{}1{}}}", "[".repeat(n), "]".repeat(n));
        for n in [126, 127, 128] {
            let json = deep(n);
            let theirs = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&json);
            assert_eq!(members(&json).is_some(), theirs.is_ok(), "{n} levels");
        }
    }

    /// The items of an array against serde_json's reading of it.
    #[test]
    fn items_read_as_serde_json_reads_an_array() {
        for json in [
            "[]",
            " [ ] ",
            r#"[1,"a",{"b":[2]},null,[],-1.5e3]"#,
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1",
            "[1] 2",
            "{}",
        ] {
            let ours = items(json);
            let theirs = serde_json::from_str::<Vec<serde_json::Value>>(json);
            assert_eq!(ours.is_some(), theirs.is_ok(), "{json}");
            if let (Some(ours), Ok(theirs)) = (ours, theirs) {
                let ours: Vec<serde_json::Value> =
                    ours.iter().map(|item| item.parse().unwrap()).collect();
                assert_eq!(ours, theirs, "{json}");
            }
        }
    }

    /// A body's params, the last of a repeated name, and none where the
    /// body or its `params` is no object.
    #[test]
    fn a_bodys_params_are_read_as_written() {
        let params = written_params(br#"{"code":1,"params":{"a":1,"b":"x","a":[2]}}"#);
        assert_eq!(params.get("a"), Some("[2]"));
        assert_eq!(params.get("b"), Some(r#""x""#));
        assert!(written_params(br#"{"params":[1]}"#).0.is_empty());
        assert!(
            written_params(b"{\"params\":{\"a\":\"\xff\"}}")
                .0
                .is_empty()
        );
        assert!(written_params(br#"{"params":{"a":1}"#).0.is_empty());
    }
}
