//! Attribute parsing only: `#[error_code(...)]`, `#[code(...)]` and
//! `#[category(...)]`. Checks across variants live in `valid.rs`.

use crate::errors::Errors;
use proc_macro2::{Span, TokenTree};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, Lit, LitInt, LitStr, Meta, Path, Token};

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
    /// `retired = [2003, 2005]`: codes no variant may use.
    pub retired: Vec<Num<u32>>,
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

    fn path(&self) -> &Path {
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
pub struct CodeArgs {
    pub code: Num<u32>,
    pub status: Option<Num<u32>>,
    pub name: Option<LitStr>,
    pub message: Option<LitStr>,
    /// `message(en = "…", "zh-Hant" = "…")`: the message in other languages.
    pub messages: Vec<(String, String)>,
    /// `deprecated` or `deprecated = "note"`.
    pub deprecated: Option<String>,
}

const ENUM_KEYS: &[&str] = &["category", "scheme", "status", "retired", "crate"];
const CODE_KEYS: &[&str] = &["status", "name", "message", "deprecated"];

/// Remembers the keys seen in one attribute, to reject a repeated one.
#[derive(Default)]
struct Seen(Vec<String>);

/// `unknown key ...; expected one of ...`, with a suggestion for a near miss.
fn unknown_key(key: &Ident, attr: &str, keys: &[&str]) -> String {
    let name = key.unraw().to_string();
    let listed: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    let mut message = format!(
        "unknown key `{name}` in #[{attr}]; expected one of {}",
        listed.join(", ")
    );
    if let Some(near) = keys.iter().find(|k| edit_distance(&name, k) <= 2) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    message
}

/// Levenshtein distance, for short keys.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

impl Seen {
    /// False (and an error on the repeat) when `key` was given before.
    fn first(&mut self, key: &Ident, errors: &mut Errors) -> bool {
        let name = key.unraw().to_string();
        if self.0.contains(&name) {
            errors.at(
                key.span(),
                format!("duplicate key `{name}`: it is already given earlier in this attribute"),
            );
            false
        } else {
            self.0.push(name);
            true
        }
    }
}

pub fn is_doc(attr: &Attribute) -> bool {
    attr.path().is_ident("doc")
}

/// The first paragraph of the doc comments, lines joined by spaces.
pub fn doc_summary(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| is_doc(a)) {
        if let Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(lit) = &nv.value {
                if let Lit::Str(s) = &lit.lit {
                    lines.extend(s.value().split('\n').map(|l| l.trim().to_owned()));
                }
            }
        }
    }
    let summary: Vec<String> = lines
        .into_iter()
        .skip_while(String::is_empty)
        .take_while(|l| !l.is_empty())
        .collect();
    (!summary.is_empty()).then(|| summary.join(" "))
}

/// Parses an integer literal into `T`, naming the number when it does not fit.
pub fn int<T>(lit: &LitInt, what: &str) -> syn::Result<Num<T>>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    match lit.suffix() {
        "" | "u8" | "u16" | "u32" | "u64" | "usize" => {}
        other => {
            return Err(syn::Error::new(
                lit.span(),
                format!("{what} cannot have the suffix `{other}`; write a plain number"),
            ));
        }
    }
    lit.base10_parse::<T>()
        .map(|value| Num {
            value,
            span: lit.span(),
        })
        .map_err(|_| {
            syn::Error::new(
                lit.span(),
                format!(
                    "{what} {} does not fit in {}",
                    lit.base10_digits(),
                    std::any::type_name::<T>()
                ),
            )
        })
}

/// Skips the rest of one `key = value` or `key(...)` entry, up to the next
/// top-level comma.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// Parses `= <int>` after a key.
fn int_value(input: ParseStream, what: &str, errors: &mut Errors) -> syn::Result<Option<Num<u32>>> {
    input.parse::<Token![=]>()?;
    let lit: Lit = match input.parse() {
        Ok(lit) => lit,
        Err(_) => {
            let span = input.span();
            skip_value(input)?;
            errors.at(span, format!("expected an integer {what}, like `404`"));
            return Ok(None);
        }
    };
    match lit {
        Lit::Int(lit) => match int::<u32>(&lit, what) {
            Ok(num) => Ok(Some(num)),
            Err(e) => {
                errors.push(e);
                Ok(None)
            }
        },
        other => {
            errors.spanned(&other, format!("expected an integer {what}, like `404`"));
            Ok(None)
        }
    }
}

/// Parses `= "<text>"` after a key.
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

/// Parses the enum's `#[error_code(...)]` attributes.
pub fn enum_attrs(attrs: &[Attribute], errors: &mut Errors) -> EnumAttrs {
    let mut out = EnumAttrs::default();
    let mut seen = Seen::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("error_code")) {
        let result = attr.parse_args_with(|input: ParseStream| {
            while !input.is_empty() {
                let key = input.call(Ident::parse_any)?;
                let fresh = seen.first(&key, errors);
                match key.unraw().to_string().as_str() {
                    "category" | "scheme" | "crate" => {
                        input.parse::<Token![=]>()?;
                        let path = input.call(Path::parse_mod_style_or_any)?;
                        if fresh {
                            store_path(&mut out, &key, path, errors);
                        }
                    }
                    "status" => {
                        let status = int_value(input, "HTTP status", errors)?;
                        if fresh {
                            out.status = status;
                        }
                    }
                    "retired" => {
                        let codes = code_list(input, errors)?;
                        out.retired.extend(codes);
                    }
                    _ => {
                        errors.at(key.span(), unknown_key(&key, "error_code", ENUM_KEYS));
                        skip_value(input)?;
                    }
                }
                if input.is_empty() {
                    break;
                }
                input.parse::<Token![,]>()?;
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    out
}

trait PathExt {
    fn parse_mod_style_or_any(input: ParseStream) -> syn::Result<Path>;
}

impl PathExt for Path {
    /// A path such as `Category::PodError`, `crate::Category` or `::error_code`.
    fn parse_mod_style_or_any(input: ParseStream) -> syn::Result<Path> {
        if input.peek(Token![crate]) || input.peek(Token![self]) || input.peek(Token![super]) {
            return input.call(Path::parse_mod_style);
        }
        input.parse()
    }
}

fn store_path(out: &mut EnumAttrs, key: &Ident, path: Path, errors: &mut Errors) {
    let space = match key.unraw().to_string().as_str() {
        "category" => Space::Category(path),
        "scheme" => Space::Scheme(path),
        _ => {
            out.krate = Some(path);
            return;
        }
    };
    if let Some(first) = &out.space {
        errors.spanned(
            key,
            format!(
                "`category` and `scheme` exclude each other; this enum already has `{} = {}`",
                first.key(),
                path_string(first.path())
            ),
        );
    } else if matches!(&space, Space::Category(path) if path.segments.len() < 2) {
        errors.spanned(
            space.path(),
            "expected the path of a category variant, like `category = Category::PodError`",
        );
    } else {
        out.space = Some(space);
    }
}

pub fn path_string(path: &Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let lead = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    format!("{lead}{}", segments.join("::"))
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
    for attr in attrs.iter().filter(|a| a.path().is_ident("code")) {
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
        let before = errors.count();
        match attr.parse_args_with(|input: ParseStream| code_args(input, errors)) {
            Ok(Some(parsed)) if errors.count() == before => found = Some((parsed, span)),
            Ok(_) => broken = true,
            Err(e) => {
                errors.push(e);
                broken = true;
            }
        }
    }
    if first_span.is_none() {
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
    if input.peek(Ident::peek_any) {
        let ident = input.fork().call(Ident::parse_any)?;
        if ident == "transparent" {
            input.call(Ident::parse_any)?;
            if !input.is_empty() {
                let span = input.span();
                errors.at(span, "#[code(transparent)] takes no other keys: the wrapped error gives code, status, name and message");
                skip_all(input)?;
                return Ok(None);
            }
            return Ok(Some(CodeAttr::Transparent(ident.span())));
        }
        errors.spanned(
            &ident,
            format!(
                "expected the error code first, like #[code(2001, status = 404)], found `{ident}`"
            ),
        );
        skip_all(input)?;
        return Ok(None);
    }
    let code = match input.parse::<Lit>() {
        Ok(Lit::Int(lit)) => int::<u32>(&lit, "error code")
            .map_err(|e| errors.push(e))
            .ok(),
        Ok(other) => {
            errors.spanned(&other, "expected an integer error code, like `2001`");
            None
        }
        Err(_) => {
            let span = input.span();
            skip_value(input)?;
            errors.at(span, "expected an integer error code, like `2001`");
            None
        }
    };
    let (mut status, mut name, mut message, mut deprecated) = (None, None, None, None);
    let mut messages = Vec::new();
    let mut seen = Seen::default();
    let before = errors.count();
    while !input.is_empty() {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let key = input.call(Ident::parse_any)?;
        let fresh = seen.first(&key, errors);
        match key.unraw().to_string().as_str() {
            "status" => {
                let v = int_value(input, "HTTP status", errors)?;
                if fresh {
                    status = v;
                }
            }
            "name" => {
                let v = str_value(input, &key, errors)?;
                if fresh {
                    name = v;
                }
            }
            "message" if input.peek(syn::token::Paren) => {
                let content;
                syn::parenthesized!(content in input);
                translations(&content, &mut messages, errors)?;
            }
            "message" => {
                let v = str_value(input, &key, errors)?;
                if fresh {
                    message = v;
                }
            }
            "deprecated" => {
                let note = if input.peek(Token![=]) {
                    str_value(input, &key, errors)?.map(|s| s.value())
                } else {
                    Some(String::new())
                };
                if fresh {
                    deprecated = note;
                }
            }
            "transparent" => {
                errors.spanned(
                    &key,
                    "`transparent` stands alone: write #[code(transparent)] without a code",
                );
                skip_value(input)?;
            }
            _ => {
                errors.spanned(&key, unknown_key(&key, "code", CODE_KEYS));
                skip_value(input)?;
            }
        }
    }
    Ok(code.filter(|_| errors.count() == before).map(|code| {
        CodeAttr::Code(CodeArgs {
            code,
            status,
            name,
            message,
            messages,
            deprecated,
        })
    }))
}

/// `en = "…", "zh-Hant" = "…"` inside `message(...)`.
fn translations(
    input: ParseStream,
    out: &mut Vec<(String, String)>,
    errors: &mut Errors,
) -> syn::Result<()> {
    while !input.is_empty() {
        let (tag, span) = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            (lit.value(), lit.span())
        } else {
            let ident = input.call(Ident::parse_any)?;
            (ident.unraw().to_string(), ident.span())
        };
        input.parse::<Token![=]>()?;
        let text: LitStr = input.parse()?;
        let valid = !tag.is_empty()
            && tag.split('-').all(|part| {
                !part.is_empty()
                    && part.len() <= 8
                    && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if !valid {
            errors.at(
                span,
                format!("`{tag}` is not a language tag; expected one like `en` or `\"zh-Hant\"`"),
            );
        } else if out.iter().any(|(t, _)| t.eq_ignore_ascii_case(&tag)) {
            errors.at(span, format!("the message in `{tag}` is given twice"));
        } else {
            out.push((tag, text.value()));
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// `= 2003` or `= [2003, 2005]`: codes kept out of reuse.
fn code_list(input: ParseStream, errors: &mut Errors) -> syn::Result<Vec<Num<u32>>> {
    input.parse::<Token![=]>()?;
    let lits: Vec<Lit> = if input.peek(syn::token::Bracket) {
        let content;
        syn::bracketed!(content in input);
        content
            .parse_terminated(|i: ParseStream| i.parse::<Lit>(), Token![,])?
            .into_iter()
            .collect()
    } else {
        vec![input.parse()?]
    };
    Ok(lits
        .iter()
        .filter_map(|lit| match lit {
            Lit::Int(lit) => int::<u32>(lit, "retired code")
                .map_err(|e| errors.push(e))
                .ok(),
            other => {
                errors.spanned(other, "expected an integer retired code, like `2003`");
                None
            }
        })
        .collect())
}

fn skip_all(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// `#[category(...)]` on the category enum.
#[derive(Default)]
pub struct SchemeAttrs {
    /// `reserved = 6000..=8999`, repeatable.
    pub reserved: Vec<Range>,
    /// `retired = [2003, 2005]`: codes no enum of the scheme may use.
    pub retired: Vec<Num<u32>>,
    /// `crate = path`
    pub krate: Option<Path>,
}

/// Parses the category enum's `#[category(...)]` attributes.
pub fn scheme_attrs(attrs: &[Attribute], errors: &mut Errors) -> SchemeAttrs {
    let mut out = SchemeAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("category")) {
        let result = attr.parse_args_with(|input: ParseStream| {
            while !input.is_empty() {
                let key = input.call(Ident::parse_any)?;
                if key == "reserved" {
                    input.parse::<Token![=]>()?;
                    if let Some(range) = range(input, errors)? {
                        out.reserved.push(range);
                    }
                } else if key == "retired" {
                    let codes = code_list(input, errors)?;
                    out.retired.extend(codes);
                } else if key == "crate" {
                    input.parse::<Token![=]>()?;
                    let path = input.call(Path::parse_mod_style_or_any)?;
                    if out.krate.is_some() {
                        errors.spanned(&key, "duplicate key `crate`");
                    }
                    out.krate = Some(path);
                } else {
                    errors.spanned(
                        &key,
                        format!("unknown key `{key}` in #[category] on the enum; expected `reserved = <start>..=<end>`, `retired = [<code>, ...]` or `crate = <path>`"),
                    );
                    skip_value(input)?;
                }
                if input.is_empty() {
                    break;
                }
                input.parse::<Token![,]>()?;
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    out
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
        last.filter(|last| *last >= self.start)
    }
}

/// The variant's `#[category(<range>)]`; `None` (with an error) when missing
/// or broken.
pub fn category_range(
    variant: &Ident,
    attrs: &[Attribute],
    errors: &mut Errors,
) -> Option<(Range, Vec<(String, String)>)> {
    let mut found = None;
    let mut count = 0;
    for attr in attrs.iter().filter(|a| a.path().is_ident("category")) {
        count += 1;
        if count > 1 {
            errors.spanned(
                attr.path(),
                format!("category `{variant}` has a second #[category] attribute"),
            );
            continue;
        }
        match attr.parse_args_with(|input: ParseStream| {
            let r = range(input, errors)?;
            let mut descriptions = Vec::new();
            while !input.is_empty() {
                input.parse::<Token![,]>()?;
                if input.is_empty() {
                    break;
                }
                if !input.peek(Ident::peek_any) {
                    errors.at(
                        input.span(),
                        "expected `description(...)` after the range, like #[category(2000..=2999, description(en = \"…\"))]",
                    );
                    skip_all(input)?;
                    break;
                }
                let key = input.call(Ident::parse_any)?;
                if key == "description" && input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in input);
                    translations(&content, &mut descriptions, errors)?;
                } else {
                    errors.spanned(
                        &key,
                        format!("unknown key `{key}` in #[category]; expected a range, then optionally `description(en = \"…\")`"),
                    );
                    skip_value(input)?;
                }
            }
            Ok(r.map(|r| (r, descriptions)))
        }) {
            Ok(r) => found = r,
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
    let end: LitInt = input.parse()?;
    let span = first_span.join(end.span()).unwrap_or(first_span);
    let (start, end) = (
        int::<u32>(&start, "range start"),
        int::<u32>(&end, "range end"),
    );
    match (start, end) {
        (Ok(s), Ok(e)) => Ok(Some(Range {
            start: s.value,
            end: e.value,
            inclusive,
            span,
        })),
        (s, e) => {
            for err in [s.err(), e.err()].into_iter().flatten() {
                errors.push(err);
            }
            Ok(None)
        }
    }
}
