//! A message's text: a param's value and its text (one rule: its JSON
//! value), and a template filled with a value's params by the grammar's
//! pieces, a select chosen by the plural rules of the message's language.
//! Below the wire: the traits render their messages with it, every output
//! writes its text through it.

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
    fn to_json(&self) -> serde_json::Value
    where
        Self: Sized,
    {
        json_value(self)
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

/// The JSON form of `value` (as [`Param::to_json`]): inline, and outside
/// the trait's vtable, so that a crate compiles a JSON value reader only
/// where it asks for one.
#[inline]
pub(crate) fn json_value(value: &dyn Param) -> serde_json::Value {
    let mut out = Vec::with_capacity(16);
    value.write_json(&mut out);
    serde_json::from_slice(&out).unwrap_or(serde_json::Value::Null)
}

impl<T: Serialize + ?Sized> Param for T {
    fn __write_str(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result> {
        caught(|| self.serialize(StrProbe(out)).ok()).flatten()
    }

    fn write_json(&self, out: &mut Vec<u8>) {
        let mark = out.len();
        let written = caught(|| serde_json::to_writer(&mut *out, self).is_ok());
        if written.is_none() {
            display_panicked();
        }
        if written != Some(true) {
            out.truncate(mark);
            out.extend_from_slice(b"null");
        }
    }
}

/// Writes the text of `value`: the one rule of a param's text, its JSON
/// value ([`Param`]) — a string as it is, `null` as nothing, anything
/// else its JSON ([`json_text`]); `buffer` holds the JSON of a value that
/// is no string.
pub(crate) fn write_text_with(
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
pub(crate) fn json_text(out: &mut dyn fmt::Write, json: &[u8]) -> fmt::Result {
    match json {
        b"null" => Ok(()),
        [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') => {
            out.write_str(std::str::from_utf8(inner).unwrap_or_default())
        }
        [b'"', ..] => match json_string(json) {
            Some(text) => out.write_str(&text),
            None => Ok(()),
        },
        _ => out.write_str(std::str::from_utf8(json).unwrap_or_default()),
    }
}

/// The end of the JSON string at `at` (its closing quote included), its
/// escapes checked as JSON has them: the one reader of a string's extent,
/// for a body read back and a field's quoted key.
pub(crate) fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    loop {
        match *bytes.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => match *bytes.get(i + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                b'u' => {
                    let hex = bytes.get(i + 2..i + 6)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    i += 6;
                }
                _ => return None,
            },
            0x00..=0x1f => return None,
            _ => i += 1,
        }
    }
}

/// The text of the JSON string written as `json`: read by serde_json's
/// `Value`, whose reader serde_json compiles, where reading a `String`
/// would compile a deserializer here.
pub(crate) fn json_string(json: &[u8]) -> Option<String> {
    match std::str::from_utf8(json).ok()?.parse() {
        Ok(serde_json::Value::String(text)) => Some(text),
        _ => None,
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
/// `}}` are braces. A placeholder with no param stays as written; a
/// select's plural category is by the rules of `lang`, the template's
/// language.
pub(crate) struct Rendered<'t> {
    pub(crate) template: &'t str,
    pub(crate) lang: Option<&'t str>,
    pub(crate) error: &'t dyn ErrorCode,
}

impl Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        render_into(f, self.template, self.lang, self.error)
    }
}

/// Writes `template` rendered with `error`'s params to `out`, a select's
/// plural category by the rules of `lang`, the language of the template.
/// The caller that chose the template says its language: a template's
/// text cannot, since two languages may share one text and not their
/// rules (`pt` and `pt-PT`).
///
/// # Errors
/// Where `out` fails.
pub fn render_into(
    out: &mut dyn fmt::Write,
    template: &str,
    lang: Option<&str>,
    error: &dyn ErrorCode,
) -> fmt::Result {
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

/// Writes `error`'s own message (the untagged one, in its `lang`)
/// rendered with its params: a derived `Display`.
///
/// # Errors
/// Where `out` fails.
pub fn render_message(out: &mut dyn fmt::Write, error: &dyn ErrorCode) -> fmt::Result {
    render_into(out, error.message(), error.info().lang(), error)
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

/// The body of the variant a select chooses for the JSON `value`, as
/// Fluent chooses: the first variant whose key is the value (a number's by
/// its value; a string's as it is, where the key is no number) or a whole
/// number's plural category in `lang` (`1.0` is the whole `1`; `other` for
/// a number written with another fraction); else the default. One rule,
/// which every client follows.
pub(crate) fn chosen<'t>(
    variants: &'t str,
    value: Option<&[u8]>,
    lang: Option<&str>,
) -> Option<&'t str> {
    let value = value.and_then(|v| std::str::from_utf8(v).ok());
    let number = value.filter(|v| v.starts_with(|c: char| c == '-' || c.is_ascii_digit()));
    let text = value
        .filter(|v| v.starts_with('"'))
        .and_then(|v| json_string(v.as_bytes()));
    let exact = |key: &str| match (number, &text) {
        // Only a key Fluent reads as a number (`[1]`, `[-0.5]`) is one:
        // `[1e1]`, `[+5]` or `[inf]` is a text, as in every client.
        (Some(n), _) => crate::grammar::number_key(key) && same_number(key, n),
        (None, Some(text)) => key == text && !crate::grammar::number_key(key),
        (None, None) => false,
    };
    // A whole number's plural category. A float the derive could not see
    // as one (behind an alias) comes here too: written with a zero
    // fraction (`1.0`) it is the whole number it is, as JavaScript reads it
    // and every client has it; with another fraction or an exponent,
    // `other` (the clients' tables are CLDR's categories of whole numbers).
    let category = number.map(|n| {
        let n = match n.split_once('.') {
            Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => whole,
            _ => n,
        };
        if n.trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_digit())
        {
            crate::plural::category(lang, n)
        } else {
            "other"
        }
    });
    let mut default = None;
    for variant in crate::grammar::variants(variants) {
        if exact(variant.key) || category == Some(variant.key) {
            return Some(variant.body);
        }
        if variant.default {
            default = Some(variant.body);
        }
    }
    default
}

/// A key Fluent reads as a number (`[1]`, `[-0.5]`), which a string never
/// selects.
/// Whether the number key `key` is the number written `n`: two integers
/// digit by digit, whatever their size (`[18446744073709551615]` is no
/// `u64::MAX - 1`, which a float would make it); else as floats (`[1.0]`
/// is `1`).
pub(crate) fn same_number(key: &str, n: &str) -> bool {
    let integer = |s: &str| {
        let digits = s.strip_prefix('-').unwrap_or(s);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if integer(key) && integer(n) {
        // The sign and the digits, without leading zeros (`-0` is `0`).
        fn parts(s: &str) -> (bool, &str) {
            let digits = s.strip_prefix('-').unwrap_or(s).trim_start_matches('0');
            (s.starts_with('-') && !digits.is_empty(), digits)
        }
        return parts(key) == parts(n);
    }
    matches!((key.parse::<f64>(), n.parse::<f64>()), (Ok(k), Ok(n)) if k == n)
}

/// `template` rendered with `error`'s params: borrowed where it has no
/// braces, which a message without params never has.
pub fn render(
    template: &'static str,
    lang: Option<&str>,
    error: &dyn ErrorCode,
) -> Cow<'static, str> {
    if !template.contains(['{', '}']) {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len() + 16);
    // Rendering never fails: a param whose `Serialize` fails is `null`.
    let _ = write!(
        out,
        "{}",
        Guarded(&Rendered {
            template,
            lang,
            error
        })
    );
    Cow::Owned(out)
}

/// The target of the crate's `tracing` events (the observer's, and the
/// one a caught panic is reported under).
pub(crate) const EVENT_TARGET: &str = "error_code";

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
        let written = caught(|| write!(sink, "{}", self.0));
        if written.is_none() {
            display_panicked();
        }
        if sink.failed { Err(fmt::Error) } else { Ok(()) }
    }
}

/// Runs `f`, a user's `Display`, `Serialize` or `source` at work: `None`
/// where it panicked. The panic's payload is forgotten, not dropped, so
/// that a payload whose `Drop` panics does not escape either.
pub(crate) fn caught<R>(f: impl FnOnce() -> R) -> Option<R> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(value) => Some(value),
        Err(payload) => {
            std::mem::forget(payload);
            None
        }
    }
}

/// Reports a panic of a user's `Display` (or a param's `Serialize`) that
/// rendering an answer caught: the answer went out without it. The panic
/// hook has printed the panic itself; with `tracing`, an ERROR event says
/// what it cost, once an answer however often the value is written (its
/// event, its body).
#[cfg(feature = "tracing")]
#[cold]
pub(crate) fn display_panicked() {
    // 0: no answer under way; 1: one is, nothing reported; 2: reported.
    let first = ANSWERING.with(|state| match state.get() {
        2 => false,
        1 => {
            state.set(2);
            true
        }
        _ => true,
    });
    if first {
        tracing::error!(
            target: EVENT_TARGET,
            "a `Display` or `Serialize` implementation panicked while an error answer was rendered; the answer was sent without it"
        );
    }
}

/// Without the `tracing` feature, the panic hook's report is the record.
#[cfg(not(feature = "tracing"))]
#[inline]
pub(crate) fn display_panicked() {}

#[cfg(feature = "tracing")]
thread_local! {
    /// Whether an answer is being rendered on this thread, and whether a
    /// panic was reported in it ([`display_panicked`]).
    static ANSWERING: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

/// One answer being rendered (its event, its body, its headers), from
/// [`Answering::start`] until dropped: a `Display` that panics in it is
/// reported once. Within an answer, another start (its body) is the same
/// answer.
pub(crate) struct Answering {
    #[cfg(feature = "tracing")]
    outermost: bool,
}

impl Answering {
    #[inline]
    pub(crate) fn start() -> Self {
        Answering {
            #[cfg(feature = "tracing")]
            outermost: ANSWERING.with(|state| {
                let outermost = state.get() == 0;
                if outermost {
                    state.set(1);
                }
                outermost
            }),
        }
    }
}

#[cfg(feature = "tracing")]
impl Drop for Answering {
    #[inline]
    fn drop(&mut self) {
        if self.outermost {
            ANSWERING.with(|state| state.set(0));
        }
    }
}
