//! Attribute parsing only: `#[error_code(...)]`, `#[code(...)]` and
//! `#[category(...)]`, through one keyed parser over the tables of
//! `symbol.rs`. Checks across variants live in `valid.rs`.

use crate::errors::{Errors, nearest};
use crate::symbol::{self, Table};
use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, LitInt, LitStr, Path, Token};

/// A number as written, with the span of its literal.
#[derive(Clone, Copy)]
pub struct Num<T> {
    pub value: T,
    pub span: Span,
}

/// `#[error_code(...)]` on the enum.
#[derive(Default)]
pub struct EnumAttrs {
    /// `category = Category::PodError` or `scheme = Category`.
    pub space: Option<Space>,
    /// `status = 500`: default for variants that give none.
    pub status: Option<Num<u32>>,
    /// `retired = [2003, 2005]`: codes no variant or part may use.
    pub retired: Vec<Num<u32>>,
    /// `domain = "pods.example.com"`: the gRPC `ErrorInfo` domain.
    pub domain: Option<LitStr>,
    /// `lang = "zh"`: the language of the untagged messages (a BCP 47 tag).
    pub lang: Option<LitStr>,
    /// `url = "https://errors.example.com/{code}"`: each code's link.
    pub url: Option<LitStr>,
    /// `into_response = false`: no generated HTTP answer impls (axum's
    /// `IntoResponse`, actix-web's `ResponseError`), to write one's own.
    pub into_response: Option<bool>,
    /// `display`: the derive writes `Display` from the untagged message.
    pub display: bool,
    /// `translations = "i18n/{lang}/pods.ftl"`: Fluent files, a language each.
    pub translations: Option<LitStr>,
    /// `from_params`: clients rebuild variants with fields from the params.
    pub from_params: bool,
    /// `bound = "T: Display"`: where-predicates every derived impl carries,
    /// under which a generic enum's own `Display` and `Error` hold.
    pub bound: Option<TokenStream>,
    /// `crate = path`
    pub krate: Option<Path>,
}

/// Where an enum's codes must lie: they exclude each other.
pub enum Space {
    /// `category = Category::PodError`: in that category's range.
    Category(Path),
    /// `scheme = Category`: in some category of the scheme, in no reserved range.
    Scheme(Path),
}

impl Space {
    fn key(&self) -> &'static str {
        match self {
            Space::Category(_) => "category",
            Space::Scheme(_) => "scheme",
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            Space::Category(path) | Space::Scheme(path) => path,
        }
    }
}

/// `#[code(...)]` on a variant.
pub enum CodeAttr {
    Code(CodeArgs),
    Transparent(Span),
}

/// `#[code(2001, status = 404, ...)]` as written.
#[derive(Default)]
pub struct CodeArgs {
    /// The code; `None` where the variant's discriminant gives it.
    pub code: Option<Num<u32>>,
    pub status: Option<Num<u32>>,
    pub name: Option<LitStr>,
    pub message: Option<LitStr>,
    /// `message(en = "…", "zh-Hant" = "…")`: the message in other languages.
    pub messages: Vec<(String, String)>,
    /// The span of each text of `messages`.
    pub message_spans: Vec<Span>,
    /// `deprecated` or `deprecated = "note"`.
    pub deprecated: Option<String>,
    /// `grpc = ALREADY_EXISTS`: a `google.rpc.Code` name.
    pub grpc: Option<String>,
    /// `retry_after = 30`: seconds a client should wait before retrying.
    pub retry_after: Option<Num<u32>>,
    /// Whether the attribute is `transparent = …`, a mistake reported at
    /// the key: the code it lacks is that mistake's, not one more.
    pub mistaken: bool,
}

/// `#[category(...)]` on the category enum.
#[derive(Default)]
pub struct SchemeAttrs {
    /// `reserved = 6000..=8999`, repeatable.
    pub reserved: Vec<Range>,
    /// `retired = [2003, 2005]`: codes no enum of the scheme may use.
    pub retired: Vec<Num<u32>>,
    /// `domain = "…"`: the gRPC domain of every category.
    pub domain: Option<LitStr>,
    /// `lang = "zh"`: the language of the untagged messages (a BCP 47 tag).
    pub lang: Option<LitStr>,
    /// `url = "…"`: the link of every code of the scheme.
    pub url: Option<LitStr>,
    /// `translations = "i18n/{lang}/categories.ftl"`: the descriptions in
    /// Fluent files, a language each.
    pub translations: Option<LitStr>,
    /// `crate = path`
    pub krate: Option<Path>,
}

impl EnumAttrs {
    /// `into_response = …`: whether the derive writes the HTTP answer impls
    /// (axum, actix-web); by default it does.
    pub fn emits_into_response(&self) -> bool {
        self.into_response.unwrap_or(true)
    }
}

/// A range of codes as written: `start..=end` or `start..end`.
#[derive(Clone, Copy)]
pub struct Range {
    pub start: u32,
    pub end: u32,
    pub inclusive: bool,
    pub span: Span,
}

impl Range {
    /// The range as written, e.g. `2000..=2999`.
    pub fn text(&self) -> String {
        let dots = if self.inclusive { "..=" } else { ".." };
        format!("{}{dots}{}", self.start, self.end)
    }

    /// The last code, or `None` when the range holds no code.
    pub fn last(&self) -> Option<u32> {
        let last = if self.inclusive {
            Some(self.end)
        } else {
            self.end.checked_sub(1)
        };
        match last {
            Some(last) if last >= self.start => Some(last),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// The keyed parser, shared by every attribute.

/// The keys given so far in the attributes of one place, to reject a
/// repeated one.
#[derive(Default)]
struct Seen(Vec<String>);

/// Parses `key = value, key(...), ...` up to the end of `input`. Every key is
/// checked against `table` here, once for all keys: unknown (with a
/// suggestion), belonging to another attribute, or repeated. Only a fresh,
/// known key reaches `value`, which parses what follows it.
fn keyed(
    input: ParseStream,
    table: &Table,
    seen: &mut Seen,
    errors: &mut Errors,
    value: &mut dyn FnMut(&'static str, &Ident, ParseStream, &mut Errors) -> syn::Result<()>,
) -> syn::Result<()> {
    while !input.is_empty() {
        if !input.peek(Ident::peek_any) {
            errors.at(
                input.span(),
                format!(
                    "expected a key of #[{}] {}, one of {}",
                    table.attr,
                    table.place,
                    listed(table.keys)
                ),
            );
            return skip_all(input);
        }
        let key = input.call(Ident::parse_any)?;
        let name = key.unraw().to_string();
        let at = crate::errors::str_at(table.keys, &name);
        match at {
            Some(at) if seen.0.contains(&name) && !table.repeatable.contains(&table.keys[at]) => {
                errors.skipped(
                    key.span(),
                    format!("duplicate key `{name}`: it is already given earlier"),
                );
                skip_value(input)?;
            }
            Some(at) => {
                seen.0.push(name);
                value(table.keys[at], &key, input, errors)?;
            }
            None => {
                errors.skipped(key.span(), unknown_key(&name, table));
                skip_value(input)?;
            }
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

fn listed(keys: &[&str]) -> String {
    let mut out = String::new();
    for i in 0..keys.len() {
        let k = &keys[i];
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(k);
        out.push('`');
    }
    out
}

/// `unknown key ...`: where the key belongs instead, or the keys of this
/// place with a suggestion for a near miss.
fn unknown_key(name: &str, table: &Table) -> String {
    let mut elsewhere = None;
    for t in symbol::TABLES {
        if t.keys.contains(&name) && !(t.attr == table.attr && t.place == table.place) {
            elsewhere = Some(t);
            break;
        }
    }
    if name == "transparent" && table.attr == "code" {
        return "`transparent` takes no value: a variant that wraps another error enum is #[code(transparent)] alone".to_owned();
    }
    if let Some(other) = elsewhere {
        // A flag is written alone; `description(…)` takes its languages.
        let written = match name {
            "display" | "from_params" | "deprecated" => name.to_owned(),
            "description" => format!("{name}(…)"),
            _ => format!("{name} = …"),
        };
        return format!(
            "`{name}` does not belong in #[{}] {}: it goes in #[{}({written})] {}",
            table.attr, table.place, other.attr, other.place
        );
    }
    let mut message = format!(
        "unknown key `{name}` in #[{}] {}; expected one of {}",
        table.attr,
        table.place,
        listed(table.keys)
    );
    if let Some(near) = nearest(name, table.keys) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    message
}

/// Skips the rest of one `key = value` or `key(...)` entry, up to the next
/// top-level comma.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn skip_all(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// Reports an attribute the derive owns written where it does not belong.
pub fn misplaced(attrs: &[Attribute], names: &[&str], what: &str, errors: &mut Errors) {
    for attr in attrs {
        let mut found = None;
        for name in names {
            if attr.path().is_ident(name) {
                found = Some(name);
                break;
            }
        }
        let Some(name) = found else {
            continue;
        };
        let category = what.contains("category");
        let goes = match *name {
            "code" | "error_code" if category => {
                "it belongs to #[derive(ErrorCode)]; a category enum takes #[category(...)]: on the enum `reserved`, `retired`, `domain`, `url`, `lang`, …, on a variant its range"
            }
            "code" => "#[code(...)] goes on a variant; on the enum, write #[error_code(...)]",
            "error_code" => "#[error_code(...)] goes on the enum; on a variant, write #[code(...)]",
            "param" | "retry_after" | "violations" => {
                "it marks a field of a variant with its own code"
            }
            _ => {
                "#[category(...)] goes on an enum deriving ErrorCategory (`reserved`, `retired`, …) or on its variants (the range); an error enum names its category with #[error_code(category = …)]"
            }
        };
        errors.spanned(attr, format!("#[{name}] is not allowed on {what}: {goes}"));
    }
}

// ---------------------------------------------------------------------------
// Values.

/// Parses an integer literal as a `u32`, naming the number when it does not
/// fit in a `u32` or in the literal's own suffix.
pub fn int(lit: &LitInt, what: &str) -> syn::Result<Num<u32>> {
    let digits = lit.base10_digits();
    let suffix = lit.suffix();
    // The largest value of each suffix's type (a literal has no sign).
    let max: u128 = match suffix {
        "" => u128::MAX,
        "u8" => u8::MAX.into(),
        "u16" => u16::MAX.into(),
        "u32" | "char" => u32::MAX.into(),
        "u64" => u64::MAX.into(),
        "u128" => u128::MAX,
        "usize" => usize::MAX as u128,
        "i8" => 127,
        "i16" => 32_767,
        "i32" => 2_147_483_647,
        "i64" => 9_223_372_036_854_775_807,
        "i128" => u128::MAX >> 1,
        "isize" => isize::MAX as u128,
        other => {
            return Err(syn::Error::new(
                lit.span(),
                format!("{what} cannot have the suffix `{other}`; write a plain number"),
            ));
        }
    };
    let wide = digits.parse::<u128>().ok();
    if !matches!(wide, Some(n) if n <= max) && !suffix.is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            format!("{what} {digits} does not fit in its suffix `{suffix}`"),
        ));
    }
    match wide.map(u32::try_from) {
        Some(Ok(value)) => Ok(Num {
            value,
            span: lit.span(),
        }),
        _ => Err(syn::Error::new(
            lit.span(),
            format!("{what} {digits} does not fit in u32"),
        )),
    }
}

/// A tag as a message shows it: `` `zh` ``, or "an empty string".
fn written_tag(tag: &str) -> String {
    if tag.is_empty() {
        "an empty string".to_owned()
    } else {
        format!("`{tag}`")
    }
}

/// Where `input` holds a negative integer (`-404`): the mistake, said at
/// the sign and the digits, as `{what} -404 {why}`, and both read.
fn negative(input: ParseStream, what: &str, why: &str, errors: &mut Errors) -> syn::Result<bool> {
    if !(input.peek(Token![-]) && input.peek2(LitInt)) {
        return Ok(false);
    }
    let minus: Token![-] = input.parse()?;
    let lit: LitInt = input.parse()?;
    let message = format!("{what} -{} {why}", lit.base10_digits());
    let mut tokens = proc_macro2::TokenStream::new();
    quote::ToTokens::to_tokens(&minus, &mut tokens);
    quote::ToTokens::to_tokens(&lit, &mut tokens);
    errors.spanned(&tokens, message);
    Ok(true)
}

/// What is wrong with a status out of 400..=599, after its number.
pub const NO_ERROR_STATUS: &str =
    "is not an error status; expected a client or server error, 400..=599";

/// `= <int>` or `= <path>` after `status`: `404`, `NOT_FOUND`,
/// `StatusCode::NOT_FOUND` or `http::StatusCode::NOT_FOUND`.
fn status_value(input: ParseStream, errors: &mut Errors) -> syn::Result<Option<Num<u32>>> {
    input.parse::<Token![=]>()?;
    const EXPECTED: &str =
        "expected an HTTP status, like `404`, `NOT_FOUND` or `StatusCode::NOT_FOUND`";
    if negative(input, "HTTP status", NO_ERROR_STATUS, errors)? {
        return Ok(None);
    }
    if input.peek(Lit) {
        return Ok(match input.parse::<Lit>()? {
            Lit::Int(lit) => match int(&lit, "HTTP status") {
                Ok(status) => Some(status),
                // Past `u32`: no error status either, said as one.
                Err(_) if lit.suffix().is_empty() => {
                    errors.at(
                        lit.span(),
                        format!("HTTP status {} {NO_ERROR_STATUS}", lit.base10_digits()),
                    );
                    None
                }
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
            other => {
                errors.spanned(&other, EXPECTED);
                None
            }
        });
    }
    if input.peek(Ident::peek_any) || input.peek(Token![::]) {
        let path = input.call(Path::parse_mod_style)?;
        let segments = segment_names(&path);
        let Some(last) = path.segments.last() else {
            errors.spanned(&path, EXPECTED);
            return Ok(None);
        };
        let name = last.ident.to_string();
        if segments.len() >= 2 && segments[segments.len() - 2] != "StatusCode" {
            errors.spanned(
                &path,
                format!(
                    "{EXPECTED}; `{}` is not `StatusCode`",
                    segments[segments.len() - 2]
                ),
            );
            return Ok(None);
        }
        let mut names: Vec<&str> = Vec::with_capacity(symbol::STATUS_NAMES.len());
        for (n, _) in symbol::STATUS_NAMES {
            names.push(n);
        }
        return Ok(match crate::errors::str_at(&names, &name) {
            Some(at) => Some(Num {
                value: u32::from(symbol::STATUS_NAMES[at].1),
                span: last.ident.span(),
            }),
            None => {
                let mut message = format!(
                    "unknown HTTP status `{name}`; expected a constant name of `http::StatusCode`, like `NOT_FOUND`, or a number"
                );
                if let Some(near) = nearest(&name, &names) {
                    message.push_str(&format!("; did you mean `{near}`?"));
                }
                errors.spanned(&last.ident, message);
                None
            }
        });
    }
    let span = input.span();
    skip_value(input)?;
    errors.at(span, EXPECTED);
    Ok(None)
}

/// Parses `= 30` after a key: a number of seconds.
fn seconds_value(
    input: ParseStream,
    key: &Ident,
    errors: &mut Errors,
) -> syn::Result<Option<Num<u32>>> {
    input.parse::<Token![=]>()?;
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        return Ok(int(&lit, "number of seconds")
            .map_err(|e| errors.push(e))
            .ok());
    }
    let span = input.span();
    skip_value(input)?;
    errors.at(
        span,
        format!("expected a number of seconds for `{key}`, like `{key} = 30`"),
    );
    Ok(None)
}

fn str_value(input: ParseStream, key: &Ident, errors: &mut Errors) -> syn::Result<Option<LitStr>> {
    input.parse::<Token![=]>()?;
    if input.peek(LitStr) {
        return input.parse().map(Some);
    }
    let span = input.span();
    skip_value(input)?;
    errors.at(
        span,
        format!("expected a string for `{key}`, like `{key} = \"…\"`"),
    );
    Ok(None)
}

/// `text`, where it says something: an empty `message` or `domain` (or
/// one of white space) is an error at the string, not a silent nothing.
fn nonempty(text: Option<LitStr>, key: &str, errors: &mut Errors) -> Option<LitStr> {
    let text = text?;
    if text.value().trim().is_empty() {
        errors.at(
            text.span(),
            format!("`{key}` is empty; write one, or leave `{key}` out"),
        );
        return None;
    }
    Some(text)
}

/// `bound = "T: Display, U: Clone"`: where-predicates, spanned at the
/// string; a string that is none is an error there.
fn bound_value(
    input: ParseStream,
    key: &Ident,
    errors: &mut Errors,
) -> syn::Result<Option<TokenStream>> {
    let Some(text) = str_value(input, key, errors)? else {
        return Ok(None);
    };
    let parsed = text.parse_with(
        syn::punctuated::Punctuated::<syn::WherePredicate, Token![,]>::parse_terminated,
    );
    match parsed {
        Ok(mut predicates) if !predicates.is_empty() => {
            // Each predicate followed by a comma, as the others are joined.
            if !predicates.trailing_punct() {
                predicates.push_punct(<Token![,]>::default());
            }
            Ok(Some(quote::ToTokens::into_token_stream(predicates)))
        }
        Ok(_) => {
            errors.spanned(&text, "`bound` is empty; give where-clause predicates, like `bound = \"T: std::fmt::Display\"`");
            Ok(None)
        }
        Err(e) => {
            errors.spanned(
                &text,
                format!("`bound` takes where-clause predicates, like `bound = \"T: std::fmt::Display\"`: {e}"),
            );
            Ok(None)
        }
    }
}

/// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646 §2.1):
/// a language (`zh`, with up to three extended subtags, or of four to
/// eight letters), then a script (`Hant`), a region (`TW`, `419`),
/// variants (`1996`, `rozaj`), extensions (`u-co-phonebk`) and a private
/// use (`x-internal`), each in its place; or a private use alone
/// (`x-klingon`), or one of the grandfathered tags. Letters in any case.
pub(crate) fn is_tag(tag: &str) -> bool {
    const IRREGULAR: [&str; 17] = [
        "en-GB-oed",
        "i-ami",
        "i-bnn",
        "i-default",
        "i-enochian",
        "i-hak",
        "i-klingon",
        "i-lux",
        "i-mingo",
        "i-navajo",
        "i-pwn",
        "i-tao",
        "i-tay",
        "i-tsu",
        "sgn-BE-FR",
        "sgn-BE-NL",
        "sgn-CH-DE",
    ];
    for irregular in IRREGULAR {
        if irregular.eq_ignore_ascii_case(tag) {
            return true;
        }
    }
    // The subtags on the stack (a tag of more is no tag a text is in).
    let mut list = [""; 64];
    let mut n = 0;
    for part in tag.split('-') {
        if n == list.len() {
            return false;
        }
        list[n] = part;
        n += 1;
    }
    let subtags = &list[..n];
    let mut i;
    // A private use alone.
    if subtags[0].eq_ignore_ascii_case("x") {
        return private_use(&subtags[1..]);
    }
    // The language, and its extended subtags after one of two or three
    // letters.
    if alpha(subtags[0], 2, 3) {
        i = 1;
        while i < subtags.len() && i <= 3 && alpha(subtags[i], 3, 3) {
            i += 1;
        }
    } else if alpha(subtags[0], 4, 8) {
        i = 1;
    } else {
        return false;
    }
    if i < subtags.len() && alpha(subtags[i], 4, 4) {
        i += 1;
    }
    if i < subtags.len()
        && (alpha(subtags[i], 2, 2) || (subtags[i].len() == 3 && digits(subtags[i])))
    {
        i += 1;
    }
    while i < subtags.len()
        && (alnum(subtags[i], 5, 8)
            || (subtags[i].len() == 4
                && subtags[i].as_bytes()[0].is_ascii_digit()
                && alnum(subtags[i], 4, 4)))
    {
        i += 1;
    }
    // Extensions: a singleton (not `x`), then subtags of two to eight.
    while i < subtags.len() && subtags[i].len() == 1 && !subtags[i].eq_ignore_ascii_case("x") {
        if !alnum(subtags[i], 1, 1) {
            return false;
        }
        let start = i + 1;
        i = start;
        while i < subtags.len() && alnum(subtags[i], 2, 8) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if i < subtags.len() && subtags[i].eq_ignore_ascii_case("x") {
        return private_use(&subtags[i + 1..]);
    }
    i == subtags.len()
}

/// The subtags after a private use's `x`: one at least, of one to eight
/// letters or digits.
fn private_use(subtags: &[&str]) -> bool {
    let mut ok = !subtags.is_empty();
    for s in subtags {
        ok &= alnum(s, 1, 8);
    }
    ok
}

/// Whether `s` is digits only.
fn digits(s: &str) -> bool {
    let mut ok = true;
    for b in s.bytes() {
        ok &= b.is_ascii_digit();
    }
    ok
}

/// Whether `s` is `min` to `max` letters.
fn alpha(s: &str, min: usize, max: usize) -> bool {
    let mut ok = min <= s.len() && s.len() <= max;
    for b in s.bytes() {
        ok &= b.is_ascii_alphabetic();
    }
    ok
}

/// Whether `s` is `min` to `max` letters or digits.
fn alnum(s: &str, min: usize, max: usize) -> bool {
    let mut ok = min <= s.len() && s.len() <= max;
    for b in s.bytes() {
        ok &= b.is_ascii_alphanumeric();
    }
    ok
}

/// `= "zh"` after `lang`: a language tag.
fn lang_value(input: ParseStream, key: &Ident, errors: &mut Errors) -> syn::Result<Option<LitStr>> {
    let Some(tag) = str_value(input, key, errors)? else {
        return Ok(None);
    };
    if is_tag(&tag.value()) {
        return Ok(Some(tag));
    }
    let shown = written_tag(&tag.value());
    errors.at(
        tag.span(),
        format!(
            "{shown} is not a language tag; expected one like `lang = \"zh\"` or `lang = \"zh-Hant\"`"
        ),
    );
    Ok(None)
}

/// `= path` after `category`, `scheme` or `crate`; another value is an
/// error that says the form, and the keys after it are read on.
fn path_value(input: ParseStream, key: &Ident, errors: &mut Errors) -> syn::Result<Option<Path>> {
    input.parse::<Token![=]>()?;
    if input.peek(Token![crate]) || input.peek(Token![self]) || input.peek(Token![super]) {
        return input.call(Path::parse_mod_style).map(Some);
    }
    if input.peek(Ident) || input.peek(Token![::]) {
        return input.parse().map(Some);
    }
    let span = input.span();
    skip_value(input)?;
    let example = match key.to_string().as_str() {
        "category" => "category = Category::Pod",
        "scheme" => "scheme = Category",
        _ => "crate = ::error_code",
    };
    errors.at(
        span,
        format!("expected a path for `{key}`, like `{example}`, not a string or a number"),
    );
    Ok(None)
}

/// `= "…"` for `url`: a link, with `{code}` and `{name}` the only placeholders.
fn url_value(input: ParseStream, key: &Ident, errors: &mut Errors) -> syn::Result<Option<LitStr>> {
    let Some(url) = str_value(input, key, errors)? else {
        return Ok(None);
    };
    let text = url.value();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            errors.spanned(
                &url,
                "unclosed `{` in `url`; the placeholders are `{code}` and `{name}`",
            );
            return Ok(None);
        };
        let placeholder = &after[..close];
        if placeholder != "code" && placeholder != "name" {
            errors.spanned(&url, format!("unknown placeholder `{{{placeholder}}}` in `url`; expected `{{code}}` or `{{name}}`"));
            return Ok(None);
        }
        rest = &after[close + 1..];
    }
    if text.is_empty() || text.chars().any(char::is_whitespace) {
        errors.spanned(
            &url,
            "`url` must be a link without spaces, like \"https://errors.example.com/{code}\"",
        );
        return Ok(None);
    }
    Ok(Some(url))
}

/// `= "…"` after `domain`: the gRPC `ErrorInfo` domain, a name without
/// spaces or invisible characters (a service's DNS name,
/// `pods.example.com`).
fn domain_value(
    input: ParseStream,
    key: &Ident,
    errors: &mut Errors,
) -> syn::Result<Option<LitStr>> {
    let Some(domain) = nonempty(str_value(input, key, errors)?, "domain", errors) else {
        return Ok(None);
    };
    // Blanks, control characters and the invisible ones (a zero-width
    // space, a byte order mark, a soft hyphen).
    let unseen = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
    };
    if domain.value().chars().any(unseen) {
        errors.spanned(
            &domain,
            "`domain` is a name without spaces or invisible characters, like \"pods.example.com\" (the gRPC ErrorInfo's domain)",
        );
        return Ok(None);
    }
    Ok(Some(domain))
}

/// `= NAME` after `grpc`: a `google.rpc.Code` name (`Code::NAME` also).
fn grpc_value(input: ParseStream, errors: &mut Errors) -> syn::Result<Option<String>> {
    input.parse::<Token![=]>()?;
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        errors.spanned(
            &lit,
            format!(
                "write the gRPC code as a name, without quotes: `grpc = {}`",
                lit.value()
            ),
        );
        return Ok(None);
    }
    let path = match input.call(Path::parse_mod_style) {
        Ok(path) => path,
        Err(e) => {
            // Said, and the keys after it still read.
            errors.at(
                e.span(),
                "expected a gRPC code name, like `grpc = ALREADY_EXISTS`",
            );
            skip_value(input)?;
            return Ok(None);
        }
    };
    let Some(last) = path.segments.last() else {
        errors.spanned(&path, "expected a gRPC code name, like `ALREADY_EXISTS`");
        return Ok(None);
    };
    let name = last.ident.to_string();
    if symbol::GRPC_CODES.contains(&name.as_str()) && name != "OK" {
        return Ok(Some(name));
    }
    let mut message = if name == "OK" {
        "gRPC code `OK` is not an error; expected an error code of `google.rpc.Code`".to_owned()
    } else {
        format!(
            "unknown gRPC code `{name}`; expected a `google.rpc.Code` name: {}",
            crate::errors::join(&symbol::GRPC_CODES[1..], ", ")
        )
    };
    if let Some(near) = nearest(&name, symbol::GRPC_CODES)
        && near != name
    {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    errors.spanned(&last.ident, message);
    Ok(None)
}

/// `= 2003` or `= [2003, 2005]`: codes kept out of reuse.
fn code_list(input: ParseStream, errors: &mut Errors) -> syn::Result<Vec<Num<u32>>> {
    input.parse::<Token![=]>()?;
    let lits: syn::punctuated::Punctuated<Lit, Token![,]> = if input.peek(syn::token::Bracket) {
        let content;
        syn::bracketed!(content in input);
        content.parse_terminated(|i: ParseStream| i.parse::<Lit>(), Token![,])?
    } else {
        let mut one = syn::punctuated::Punctuated::new();
        one.push(input.parse()?);
        one
    };
    let mut codes: Vec<Num<u32>> = Vec::with_capacity(lits.len());
    for lit in &lits {
        match lit {
            Lit::Int(lit) => match int(lit, "retired code") {
                Ok(code) => {
                    let mut twice = false;
                    for c in &codes {
                        twice |= c.value == code.value;
                    }
                    if twice {
                        errors.at(
                            code.span,
                            format!("retired code {} is listed twice; list it once", code.value),
                        );
                    } else {
                        codes.push(code);
                    }
                }
                Err(e) => errors.push(e),
            },
            other => errors.spanned(other, "expected an integer retired code, like `2003`"),
        }
    }
    Ok(codes)
}

/// `en = "…", "zh-Hant" = "…"` inside `message(...)` or `description(...)`.
fn translations(
    input: ParseStream,
    out: &mut Vec<(String, String)>,
    spans: &mut Vec<Span>,
    errors: &mut Errors,
) -> syn::Result<()> {
    if input.is_empty() {
        errors.at(
            input.span(),
            "no language's text in the parentheses: give each, as `(en = \"…\", \"zh-Hant\" = \"…\")`",
        );
    }
    while !input.is_empty() {
        let (tag, span) = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            (lit.value(), lit.span())
        } else {
            let ident = input.call(Ident::parse_any)?;
            if input.peek(Token![-]) {
                // `en-GB = "…"`: a tag with a subtag is not one identifier.
                let mut tag = ident.unraw().to_string();
                while input.peek(Token![-]) {
                    input.parse::<Token![-]>()?;
                    let part: TokenTree = input.parse()?;
                    tag.push('-');
                    tag.push_str(&part.to_string());
                }
                return Err(syn::Error::new(
                    ident.span(),
                    format!("quote a language tag with a subtag: write `\"{tag}\" = \"…\"`"),
                ));
            }
            (ident.unraw().to_string(), ident.span())
        };
        input.parse::<Token![=]>()?;
        let text: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected the text in `{tag}` as a string, like `{tag} = \"…\"`"),
            )
        })?;
        if !is_tag(&tag) {
            errors.at(
                span,
                format!(
                    "{} is not a language tag; expected one like `en` or `\"zh-Hant\"`",
                    written_tag(&tag)
                ),
            );
        } else if crate::errors::tag_at(out, &tag).is_some() {
            errors.at(span, format!("the text in `{tag}` is given twice"));
        } else {
            out.push((tag, text.value()));
            spans.push(text.span());
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// Parses `start..=end` or `start..end`.
fn range(input: ParseStream, errors: &mut Errors) -> syn::Result<Option<Range>> {
    let first_span = input.span();
    let start: LitInt = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), "expected a range of codes, like `2000..=2999`"))?;
    let inclusive = if input.peek(Token![..=]) {
        input.parse::<Token![..=]>()?;
        true
    } else if input.peek(Token![..]) {
        input.parse::<Token![..]>()?;
        false
    } else {
        return Err(input.error("expected `..=` after the range's start, like `2000..=2999`"));
    };
    let end: LitInt = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the range's end, like `2000..=2999`: a category's range is closed",
        )
    })?;
    let span = first_span.join(end.span()).unwrap_or(first_span);
    let (start, end) = (int(&start, "range start"), int(&end, "range end"));
    match (start, end) {
        (Ok(s), Ok(e)) => Ok(Some(Range {
            start: s.value,
            end: e.value,
            inclusive,
            span,
        })),
        (s, e) => {
            if let Err(err) = s {
                errors.push(err);
            }
            if let Err(err) = e {
                errors.push(err);
            }
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------------------
// The attributes.

/// The attributes of `attrs` named `name`, in order: one loop for every
/// lookup of the derive, where a filter at each would compile its own.
pub fn named<'a>(attrs: &'a [Attribute], name: &str) -> Vec<&'a Attribute> {
    let mut out = Vec::new();
    for attr in attrs {
        if attr.path().is_ident(name) {
            out.push(attr);
        }
    }
    out
}

/// Whether `attr` is `#[name]` for one of `names`.
pub fn is_one_of(attr: &Attribute, names: &[&str]) -> bool {
    for name in names {
        if attr.path().is_ident(name) {
            return true;
        }
    }
    false
}

/// Whether one of `attrs` is `#[name]` for one of `names`.
pub fn has(attrs: &[Attribute], names: &[&str]) -> bool {
    for attr in attrs {
        if is_one_of(attr, names) {
            return true;
        }
    }
    false
}

/// Runs `parse` over every `#[name(...)]` of `attrs`, pushing syntax errors.
fn each_attr(
    attrs: &[Attribute],
    name: &str,
    errors: &mut Errors,
    parse: &mut dyn FnMut(ParseStream, &mut Errors) -> syn::Result<()>,
) {
    for attr in named(attrs, name) {
        if let Err(e) = parse_args(attr, errors, parse) {
            errors.push(e);
        }
    }
}

/// `attr`'s arguments through `parse`: the one parser the derive hands to
/// syn (each closure given to syn directly compiles syn's parsing driver
/// anew).
fn parse_args(
    attr: &Attribute,
    errors: &mut Errors,
    parse: &mut dyn FnMut(ParseStream, &mut Errors) -> syn::Result<()>,
) -> syn::Result<()> {
    attr.parse_args_with(|input: ParseStream| parse(input, errors))
}

/// Parses the enum's `#[error_code(...)]` attributes.
pub fn enum_attrs(attrs: &[Attribute], errors: &mut Errors) -> EnumAttrs {
    let mut out = EnumAttrs::default();
    let mut seen = Seen::default();
    each_attr(attrs, "error_code", errors, &mut |input, errors| {
        keyed(
            input,
            &symbol::ERROR_CODE_ENUM,
            &mut seen,
            errors,
            &mut |key, ident, input, errors| {
                match key {
                    "category" | "scheme" => {
                        if let Some(path) = path_value(input, ident, errors)? {
                            store_space(&mut out, ident, key, path, errors);
                        }
                    }
                    "crate" => out.krate = path_value(input, ident, errors)?,
                    "status" => out.status = status_value(input, errors)?,
                    "retired" => out.retired.extend(code_list(input, errors)?),
                    "domain" => out.domain = domain_value(input, ident, errors)?,
                    "lang" => out.lang = lang_value(input, ident, errors)?,
                    "url" => out.url = url_value(input, ident, errors)?,
                    "into_response" => out.into_response = Some(bool_value(input, ident, errors)?),
                    "display" => {
                        out.display = !input.peek(Token![=]) || bool_value(input, ident, errors)?;
                    }
                    "translations" => out.translations = str_value(input, ident, errors)?,
                    "bound" => out.bound = bound_value(input, ident, errors)?,
                    "from_params" => {
                        out.from_params =
                            !input.peek(Token![=]) || bool_value(input, ident, errors)?;
                    }
                    other => no_parser(other, ident, input, errors)?,
                }
                Ok(())
            },
        )
    });
    out
}

/// A key of a table without an arm in its parser: a mistake of this crate,
/// reported rather than ignored (a test keeps it from happening).
fn no_parser(key: &str, ident: &Ident, input: ParseStream, errors: &mut Errors) -> syn::Result<()> {
    errors.spanned(
        ident,
        format!("error-code cannot read `{key}` here; please report this"),
    );
    skip_value(input)
}

/// `= true` or `= false` after a key.
fn bool_value(input: ParseStream, key: &Ident, errors: &mut Errors) -> syn::Result<bool> {
    input.parse::<Token![=]>()?;
    if input.peek(syn::LitBool) {
        return Ok(input.parse::<syn::LitBool>()?.value);
    }
    errors.at(
        input.span(),
        format!("expected `{key} = false` or `{key} = true`"),
    );
    skip_value(input)?;
    Ok(true)
}

fn store_space(out: &mut EnumAttrs, ident: &Ident, key: &str, path: Path, errors: &mut Errors) {
    if let Some(first) = &out.space {
        errors.spanned(
            ident,
            format!(
                "`category` and `scheme` exclude each other; this enum already has `{} = {}`",
                first.key(),
                path_string(first.path())
            ),
        );
    } else if key == "category" && path.segments.len() < 2 {
        errors.spanned(
            &path,
            "expected the path of a category variant, like `category = Category::PodError`",
        );
    } else if key == "category" {
        out.space = Some(Space::Category(path));
    } else {
        out.space = Some(Space::Scheme(path));
    }
}

/// The names of a path's segments, in order.
fn segment_names(path: &Path) -> Vec<String> {
    let mut out = Vec::with_capacity(path.segments.len());
    for segment in &path.segments {
        out.push(segment.ident.to_string());
    }
    out
}

pub fn path_string(path: &Path) -> String {
    let segments = segment_names(path);
    let lead = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    let segments = crate::errors::strs(&segments);
    format!("{lead}{}", crate::errors::join(&segments, "::"))
}

/// Parses the variant's `#[code(...)]`; `None` (with an error) when it has
/// none or a broken one.
pub fn code_attr(
    variant: &Ident,
    attrs: &[Attribute],
    errors: &mut Errors,
) -> Option<(CodeAttr, Span)> {
    let mut found: Option<(CodeAttr, Span)> = None;
    let mut first_span: Option<Span> = None;
    let mut broken = false;
    for attr in named(attrs, "code") {
        let span = attr.path().span();
        if first_span.is_some() {
            errors.at(
                span,
                format!(
                    "variant `{variant}` has a second #[code] attribute; give each variant one"
                ),
            );
            continue;
        }
        first_span = Some(span);
        // A key skipped (unknown, repeated) or a value said to be wrong
        // leaves the others whole: the variant is still checked, so its
        // other mistakes show too.
        // A bare `#[code]`: the code is the discriminant, the status the
        // enum's default.
        if matches!(attr.meta, syn::Meta::Path(_)) {
            found = Some((CodeAttr::Code(CodeArgs::default()), span));
            continue;
        }
        let mut parsed = None;
        let counted = errors.count();
        match parse_args(attr, errors, &mut |input, errors| {
            parsed = code_args(input, errors)?;
            Ok(())
        }) {
            Ok(()) if parsed.is_some() => {
                if let Some(mut parsed) = parsed {
                    if let (CodeAttr::Code(args), syn::Meta::List(list)) = (&mut parsed, &attr.meta)
                    {
                        let first = list.tokens.clone().into_iter().next();
                        args.mistaken |= errors.count() > counted
                            && matches!(first, Some(TokenTree::Ident(i)) if i == "transparent");
                    }
                    found = Some((parsed, span));
                }
            }
            Ok(()) => broken = true,
            Err(e) => {
                errors.push(e);
                broken = true;
            }
        }
    }
    // A misplaced `#[error_code(…)]` is that mistake, reported where
    // attributes are checked: no missing `#[code]` beside it.
    if first_span.is_none() && named(attrs, "error_code").is_empty() {
        errors.spanned(
            variant,
            format!(
                "variant `{variant}` has no #[code] attribute; add #[code(<code>, status = <status>)] or #[code(transparent)]"
            ),
        );
    }
    if broken { None } else { found }
}

fn code_args(input: ParseStream, errors: &mut Errors) -> syn::Result<Option<CodeAttr>> {
    if input.is_empty() {
        return Err(input.error(
            "expected an error code, like #[code(2001, status = 404)], or #[code(transparent)]",
        ));
    }
    let mut args = CodeArgs::default();
    let mut hidden = false;
    // The code first, unless the attribute opens with a key (the code is
    // then the variant's discriminant).
    let opens_with_key = input.peek(Ident::peek_any) && input.peek2(Token![=]);
    if input.peek(Ident::peek_any) && !opens_with_key {
        let ident = input.fork().call(Ident::parse_any)?;
        if ident == "transparent" {
            input.call(Ident::parse_any)?;
            // Each key after it is a mistake, reported at the key; a
            // trailing comma is none.
            let mut mistakes = 0;
            let mut commas = 0;
            while !input.is_empty() {
                let tt: proc_macro2::TokenTree = input.parse()?;
                if matches!(&tt, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                    commas += 1;
                    if commas > 1 {
                        errors.at(
                            tt.span(),
                            "unexpected `,`: #[code(transparent)] takes no keys",
                        );
                        mistakes += 1;
                    }
                    continue;
                }
                commas = 0;
                errors.at(tt.span(), "#[code(transparent)] takes no other keys: the wrapped error gives code, status, name and message");
                mistakes += 1;
                // Its value, up to the next comma.
                while !input.is_empty() && !input.peek(Token![,]) {
                    let _: proc_macro2::TokenTree = input.parse()?;
                }
            }
            if mistakes > 0 {
                return Ok(None);
            }
            return Ok(Some(CodeAttr::Transparent(ident.span())));
        }
        if !symbol::CODE_VARIANT
            .keys
            .contains(&ident.to_string().as_str())
        {
            errors.spanned(
                &ident,
                format!("expected the error code first, like #[code(2001, status = 404)], found `{ident}`"),
            );
            skip_all(input)?;
            return Ok(None);
        }
    } else if !opens_with_key {
        let counted = errors.count();
        if negative(input, "error code", "does not fit in u32", errors)? {
            // Said at its sign and digits.
        } else {
            match input.parse::<Lit>() {
                Ok(Lit::Int(lit)) => {
                    args.code = int(&lit, "error code").map_err(|e| errors.push(e)).ok()
                }
                Ok(other) => errors.spanned(&other, "expected an integer error code, like `2001`"),
                Err(_) => {
                    errors.at(input.span(), "expected an integer error code, like `2001`");
                    skip_value(input)?;
                }
            }
        }
        // A code said to be no code: the variant's "no code" is that
        // mistake's.
        args.mistaken = args.code.is_none() && errors.count() > counted;
        if !input.is_empty() && !input.peek(Token![,]) {
            errors.at(
                input.span(),
                "expected `,` after the error code: a code is an integer literal, like `2001`, not an expression",
            );
            skip_value(input)?;
        }
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    keyed(
        input,
        &symbol::CODE_VARIANT,
        &mut Seen::default(),
        errors,
        &mut |key, ident, input, errors| {
            match key {
                "status" => args.status = status_value(input, errors)?,
                // A name or a message said to be wrong leaves the variant
                // unchecked: the text that would stand in for it (the
                // doc comment, thiserror's, a file's) is not the user's.
                "name" => {
                    let counted = errors.count();
                    args.name = str_value(input, ident, errors)?;
                    hidden |= errors.count() > counted;
                }
                "message" if input.peek(syn::token::Paren) => {
                    let counted = errors.count();
                    let content;
                    syn::parenthesized!(content in input);
                    translations(
                        &content,
                        &mut args.messages,
                        &mut args.message_spans,
                        errors,
                    )?;
                    hidden |= errors.count() > counted;
                }
                "message" => {
                    let counted = errors.count();
                    let message = nonempty(str_value(input, ident, errors)?, "message", errors);
                    hidden |= errors.count() > counted;
                    if args.message.is_some() {
                        errors.spanned(
                            ident,
                            "duplicate key `message`: it is already given earlier",
                        );
                    }
                    args.message = args.message.take().or(message);
                }
                "deprecated" if input.peek(Token![=]) => {
                    args.deprecated = match str_value(input, ident, errors)? {
                        Some(note) => Some(note.value()),
                        None => None,
                    };
                }
                "deprecated" => args.deprecated = Some(String::new()),
                "grpc" => args.grpc = grpc_value(input, errors)?,
                "retry_after" => args.retry_after = seconds_value(input, ident, errors)?,
                other => no_parser(other, ident, input, errors)?,
            }
            Ok(())
        },
    )?;
    // A value said to be wrong is left out (its default stands): the
    // variant is still checked, so that its other mistakes show too; but
    // not where the name or a message is the one left out.
    Ok((!hidden).then_some(CodeAttr::Code(args)))
}

/// Parses the category enum's `#[category(...)]` attributes.
pub fn scheme_attrs(attrs: &[Attribute], errors: &mut Errors) -> SchemeAttrs {
    let mut out = SchemeAttrs::default();
    let mut seen = Seen::default();
    each_attr(
        attrs,
        symbol::CATEGORY_ATTR,
        errors,
        &mut |input, errors| {
            if input.peek(LitInt) {
                errors.at(
                    input.span(),
                    format!(
                        "a category's range goes on its variant, like #[category(2000..=2999)] on `Pod`; on the enum, #[category(...)] takes {}",
                        listed(symbol::CATEGORY_ENUM.keys)
                    ),
                );
                return skip_all(input);
            }
            keyed(
                input,
                &symbol::CATEGORY_ENUM,
                &mut seen,
                errors,
                &mut |key, ident, input, errors| {
                    match key {
                        "reserved" => {
                            input.parse::<Token![=]>()?;
                            out.reserved.extend(range(input, errors)?);
                        }
                        "retired" => out.retired.extend(code_list(input, errors)?),
                        "crate" => out.krate = path_value(input, ident, errors)?,
                        "domain" => out.domain = domain_value(input, ident, errors)?,
                        "lang" => out.lang = lang_value(input, ident, errors)?,
                        "url" => out.url = url_value(input, ident, errors)?,
                        "translations" => out.translations = str_value(input, ident, errors)?,
                        other => no_parser(other, ident, input, errors)?,
                    }
                    Ok(())
                },
            )
        },
    );
    out
}

/// The keys of a category variant's `#[category(…)]` where no range comes
/// first, read to report each that goes elsewhere (`reserved`).
fn variant_keys(input: ParseStream, errors: &mut Errors) -> syn::Result<()> {
    keyed(
        input,
        &symbol::CATEGORY_VARIANT,
        &mut Seen::default(),
        errors,
        &mut |_, _, input, _| skip_value(input),
    )
}

/// The variant's `#[category(<range>, description(...))]`; `None` (with an
/// error) when missing or broken.
pub fn category_range(
    variant: &Ident,
    attrs: &[Attribute],
    errors: &mut Errors,
) -> Option<(Range, Vec<(String, String)>)> {
    let mut found = None;
    let mut count = 0;
    for attr in named(attrs, symbol::CATEGORY_ATTR) {
        count += 1;
        if count > 1 {
            // A key that goes elsewhere is that mistake, said precisely;
            // otherwise the attribute is one too many.
            let before = errors.count();
            let _ = parse_args(attr, errors, &mut |input, errors| {
                if input.peek(Ident::peek_any)
                    && !input.peek2(Token![..])
                    && !input.peek2(Token![..=])
                {
                    variant_keys(input, errors)?;
                }
                input.parse::<proc_macro2::TokenStream>()?;
                Ok(())
            });
            if errors.count() == before {
                errors.spanned(
                    attr.path(),
                    format!("category `{variant}` has a second #[category] attribute"),
                );
            }
            continue;
        }
        let mut parsed = None;
        match parse_args(attr, errors, &mut |input, errors| {
            if input.peek(Ident::peek_any) && (input.peek2(Token![..]) || input.peek2(Token![..=]))
            {
                // A constant as a bound: one error, not an unknown key and
                // a missing range.
                let constant = input.call(Ident::parse_any)?;
                errors.spanned(
                    &constant,
                    format!(
                        "the range of category `{variant}` must be integer literals, as `1000..=1999`: the derive cannot read the constant `{constant}`"
                    ),
                );
                input.parse::<proc_macro2::TokenStream>()?;
                return Ok(());
            }
            if input.peek(Ident::peek_any) {
                // A key first: no range. Say where the key goes; a key that
                // goes elsewhere is that mistake alone.
                let before = errors.count();
                variant_keys(input, errors)?;
                if errors.count() == before {
                    errors.spanned(
                        variant,
                        format!(
                            "category `{variant}` has no range; add #[category(<start>..=<end>)]"
                        ),
                    );
                }
                return Ok(());
            }
            let r = range(input, errors)?;
            let mut descriptions = Vec::new();
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
            keyed(
                input,
                &symbol::CATEGORY_VARIANT,
                &mut Seen::default(),
                errors,
                &mut |_, ident, input, errors| {
                    if !input.peek(syn::token::Paren) {
                        errors.spanned(ident, "expected `description(en = \"…\")`");
                        return skip_value(input);
                    }
                    let content;
                    syn::parenthesized!(content in input);
                    translations(&content, &mut descriptions, &mut Vec::new(), errors)
                },
            )?;
            parsed = match r {
                Some(r) => Some((r, descriptions)),
                None => None,
            };
            Ok(())
        }) {
            Ok(()) => found = parsed,
            Err(e) => errors.push(e),
        }
    }
    if count == 0 {
        errors.spanned(
            variant,
            format!("category `{variant}` has no range; add #[category(<start>..=<end>)]"),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_tag_is_well_formed_bcp_47() {
        for tag in [
            "en",
            "zh",
            "zh-Hant",
            "zh-Hant-TW",
            "es-419",
            "de-CH-1996",
            "sl-rozaj-biske",
            "en-US-u-islamcal",
            "de-DE-u-co-phonebk",
            "en-a-bbb-x-a-ccc",
            "x-whatever",
            "qaa-Qaaa-QM-x-southern",
            "zh-yue-HK",
            "sgn-BE-FR",
            "i-klingon",
            "EN-gb",
            "art-lojban",
            "en-GB-oed",
            "fil",
            "haw",
            "ar-aao",
        ] {
            assert!(is_tag(tag), "{tag}");
        }
        for tag in [
            "",
            "123",
            "e",
            "a-b",
            "en-US-x",
            "1-2",
            "en-",
            "-en",
            "en--US",
            "en_US",
            "abcdefghi",
            "en-a",
            "en-a-b",
            "x",
            "en-x",
            "zh-Hant-Hans-TW-x",
            "en-US-123-4567",
            "en-b-ccc-a",
            "fr-FR-Latn",
        ] {
            assert!(!is_tag(tag), "{tag}");
        }
    }
    use crate::symbol::{CATEGORY_ENUM, CODE_VARIANT, ERROR_CODE_ENUM, Table};

    /// A value each key of the tables takes.
    fn value(key: &str) -> &'static str {
        match key {
            "category" => "= C::A",
            "scheme" | "crate" => "= C",
            "bound" => "= \"T: Clone\"",
            "status" => "= 404",
            "retired" => "= [1]",
            "reserved" => "= 1..=2",
            "into_response" | "display" | "from_params" => "= false",
            "grpc" => "= NOT_FOUND",
            "retry_after" => "= 30",
            "url" => "= \"https://e.example/{code}\"",
            "deprecated" | "name" | "message" | "domain" | "translations" => "= \"x\"",
            "lang" => "= \"zh\"",
            "description" => "(en = \"x\")",
            other => panic!("no test value for `{other}`"),
        }
    }

    fn errors_of(table: &Table, parse: impl Fn(&[Attribute], &mut Errors)) {
        for key in table.keys {
            let (attr, head) = match table.attr {
                "code" => ("code", "1, "),
                "category" if table.place.contains("variant") => ("category", "1..=9, "),
                other => (other, ""),
            };
            let tokens: proc_macro2::TokenStream =
                format!("#[{attr}({head}{key} {})] enum E {{}}", value(key))
                    .parse()
                    .unwrap();
            let input: syn::DeriveInput = syn::parse2(tokens).unwrap();
            let mut errors = Errors::default();
            parse(&input.attrs, &mut errors);
            assert_eq!(
                errors.count(),
                0,
                "`{key}` of #[{attr}] {}: {:?}",
                table.place,
                errors.finish().map(|e| e.to_string())
            );
        }
    }

    #[test]
    fn every_key_of_every_table_has_a_parser() {
        errors_of(&ERROR_CODE_ENUM, |attrs, errors| {
            enum_attrs(attrs, errors);
        });
        errors_of(&CATEGORY_ENUM, |attrs, errors| {
            scheme_attrs(attrs, errors);
        });
        errors_of(&CODE_VARIANT, |attrs, errors| {
            code_attr(&Ident::new("V", Span::call_site()), attrs, errors);
        });
        errors_of(&crate::symbol::CATEGORY_VARIANT, |attrs, errors| {
            category_range(&Ident::new("V", Span::call_site()), attrs, errors);
        });
    }
}
