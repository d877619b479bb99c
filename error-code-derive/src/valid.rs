//! Every check the derives make, by name, in one room.
//!
//! The rule for where a check runs: what the macro can see in the tokens it
//! is given (literal codes, statuses, ranges, duplicates inside one enum, the
//! types a part wraps) it checks here, at the user's token. What it cannot
//! see — a category or scheme declared by another type, the codes of
//! `transparent` parts — is checked in const evaluation by the runtime's
//! `check` module, through constants the expansion emits at the user's
//! token (`expand::checks`). Each const check is named below too, so this
//! page lists every rule.
//!
//! `ErrorCode`, at macro time:
//! - [`check_statuses`]: every status is a client or server error.
//! - [`check_discriminants`]: a code given twice agrees with itself.
//! - [`check_unique_codes`]: no code twice in one enum.
//! - [`check_names`]: names are not empty, and none is used twice in one
//!   enum (they name the codes in exports, TypeScript and gRPC reasons).
//! - [`check_not_retired`]: no code of the enum's own `retired` list.
//! - [`check_parts`]: a part wraps a concrete type that is not the enum.
//!
//! While the model is built (`ast.rs`), where the tokens are read, so that
//! they are reported with any other mistake of the item: the
//! templates (`template.rs`: placeholders name fields, braces balance,
//! selects are well formed), `#[param]`, `#[retry_after]` and
//! `#[violations]` on fields (one each, and where they belong), a message
//! given twice for one language, `retry_after = 0`, `#[error_code(display)]`
//! beside thiserror's `#[error]`, the Fluent files (`fluent.rs`), and a
//! thiserror text that names its source.
//!
//! `ErrorCode`, in const evaluation (runtime `expansion::check`), each a
//! `#[track_caller]` call at the user's token:
//! - `check::own`, at each code: every own code lies in the enum's
//!   `category` or `scheme` (not reserved, not in no category) and is not
//!   retired by the enum, its scheme or any part.
//! - `check::part`, at each part's `transparent`: the same for every code of
//!   the part, and no code twice across the enum and its parts.
//! - `check::discriminant`, at a discriminant the macro cannot read: it is
//!   the code given in `#[code]`.
//! - the `ErrorCatalog`, `ErrorCode` and `FromCode` bounds: a part derives
//!   `ErrorCode`; the `Fieldless` bound: `from_code` of a composed enum
//!   compiles where its parts are fieldless.
//!
//! `ErrorCategory`, at macro time:
//! - [`check_ranges`]: no range inverted or empty, none overlapping another
//!   or a reserved range.
//!
//! Attribute placement, unknown and repeated keys are checked by the keyed
//! parser of `attr.rs` for every key.

use crate::ast::{Code, Input, Kind, Scheme, Variant};
use crate::attr::Range;
use crate::errors::Errors;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;

/// Valid error statuses: client and server errors.
const ERROR_STATUSES: std::ops::RangeInclusive<u32> = 400..=599;

pub fn error_code(input: &Input, errors: &mut Errors) {
    check_statuses(input, errors);
    check_discriminants(input, errors);
    check_unique_codes(input, errors);
    check_names(input, errors);
    check_not_retired(input, errors);
    check_parts(input, errors);
}

pub fn error_category(scheme: &Scheme, errors: &mut Errors) {
    check_ranges(scheme, errors);
}

fn check_statuses(input: &Input, errors: &mut Errors) {
    if let Some(status) = input.attrs.status {
        check_status(status.value, status.span, errors);
    }
    // The enum's default status is checked once above, at its attribute.
    for (_, code) in input.codes() {
        if code.own_status {
            check_status(code.status.value, code.status.span, errors);
        }
    }
}

fn check_status(status: u32, span: Span, errors: &mut Errors) {
    if !ERROR_STATUSES.contains(&status) {
        let mut name = String::new();
        for (known, number) in crate::symbol::STATUS_NAMES {
            if u32::from(*number) == status {
                name = format!(" ({known})");
                break;
            }
        }
        errors.at(
            span,
            format!(
                "HTTP status {status}{name} {}",
                crate::attr::NO_ERROR_STATUS
            ),
        );
    }
}

fn check_discriminants(input: &Input, errors: &mut Errors) {
    for (variant, code) in input.codes() {
        if let Some(d) = code.discriminant
            && d.value != code.code.value
        {
            errors.at(
                d.span,
                format!(
                    "variant `{}` gives two codes: {} in #[code] and {} as its discriminant; give one, or make them agree",
                    variant.ident, code.code.value, d.value
                ),
            );
        }
    }
}

fn check_unique_codes(input: &Input, errors: &mut Errors) {
    let (sorted, _) = input.sorted();
    // A code its discriminant contradicts is that one mistake.
    let contradicted = |c: &Code| matches!(c.discriminant, Some(d) if d.value != c.code.value);
    for pair in sorted.windows(2) {
        let ((_, first, a), (_, _, b)) = (pair[0], pair[1]);
        if a.code.value == b.code.value && !contradicted(a) && !contradicted(b) {
            errors.at(
                b.code.span,
                format!(
                    "duplicate error code {}: variant `{}` already uses it",
                    b.code.value, first.ident
                ),
            );
        }
    }
}

fn check_names(input: &Input, errors: &mut Errors) {
    let codes: Vec<(&Variant, &Code)> = input.code_list();
    // Names that differ only in case or ASCII separators give one gRPC
    // reason and one client identifier: they are told apart by this key.
    let mut keys = Vec::with_capacity(codes.len());
    for (_, code) in &codes {
        keys.push(name_key(&code.name));
    }
    let same_key = earlier_equal(&keys);
    for i in 0..codes.len() {
        let (variant, code) = &codes[i];
        if code.name.trim().is_empty() {
            errors.at(code.name_span, format!("the name of `{}` is empty; give a name, or leave `name` out to use the variant's", variant.ident));
        } else if let Some((first, first_code)) = codes.get(same_key[i]) {
            let first = first.ident;
            let message = if first_code.name == code.name {
                format!(
                    "the name `{}` is already the name of variant `{first}`; names tell codes apart in exports and gRPC reasons",
                    code.name
                )
            } else {
                format!(
                    "the name `{}` differs from `{}`, the name of variant `{first}`, only in case or separators; names tell codes apart in exports and gRPC reasons",
                    code.name, first_code.name
                )
            };
            errors.at(code.name_span, message);
        }
    }
}

/// For each of `keys`, the index of the last one before it that is equal
/// (`usize::MAX`: none). Keys are ordered by a hash of their text (no hash
/// map: its code is a large part of a derive's build), so equal keys sit
/// in one run.
pub fn earlier_equal(keys: &[String]) -> Vec<usize> {
    let mut hashes = Vec::with_capacity(keys.len());
    for key in keys {
        hashes.push(fnv1a(key.as_bytes()));
    }
    let order = crate::ast::order_by(&hashes);
    let mut previous = vec![usize::MAX; keys.len()];
    let mut run = 0;
    for at in 0..order.len() {
        if hashes[order[at]] != hashes[order[run]] {
            run = at;
        }
        let key = keys[order[at]].as_str();
        for &k in order[run..at].iter().rev() {
            if keys[k] == key {
                previous[order[at]] = k;
                break;
            }
        }
    }
    previous
}

/// `name` without its ASCII separators (characters other than letters and
/// digits), lower-cased: names with one key give one gRPC reason
/// (`GetPod`, `get-pod`: `GET_POD`) or one client identifier. A name
/// without an ASCII letter or digit is told apart by its code there, and
/// is its own key.
fn name_key(name: &str) -> String {
    if !name.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if !c.is_ascii() || c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The 32-bit FNV-1a hash of `bytes`.
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in bytes {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    hash
}

fn check_not_retired(input: &Input, errors: &mut Errors) {
    let (sorted, _) = input.sorted();
    for retired in &input.attrs.retired {
        let i = sorted.partition_point(|(_, _, c)| c.code.value < retired.value);
        for (_, variant, code) in sorted[i..]
            .iter()
            .take_while(|(_, _, c)| c.code.value == retired.value)
        {
            errors.at(
                code.code.span,
                format!(
                    "error code {} is retired and cannot be reused (variant `{}`); pick a new code",
                    retired.value, variant.ident
                ),
            );
        }
    }
}

fn check_parts(input: &Input, errors: &mut Errors) {
    let params = input.generic_names();
    let own = input.original.ident.to_string();
    for variant in &input.variants {
        let Kind::Part(part) = &variant.kind else {
            continue;
        };
        let tokens = part.ty.to_token_stream();
        if let Some(name) = mentions(tokens.clone(), &["Self".to_owned(), own.clone()]) {
            let what = if name == "Self" {
                "`Self`"
            } else {
                "the enum itself"
            };
            errors.spanned(
                part.ty,
                format!(
                    "#[code(transparent)] on `{}` wraps {what}: a part must be another error type, or the enum's catalog would contain itself",
                    variant.ident
                ),
            );
        } else if let Some(param) = mentions(tokens, &params) {
            errors.spanned(
                part.ty,
                format!(
                    "#[code(transparent)] on `{}` wraps a type that uses the generic parameter `{param}`; the catalog must be known when the enum is compiled, so wrap a concrete error type",
                    variant.ident
                ),
            );
        }
    }
}

/// The first of `names` that a path in `tokens` starts with (or names
/// after `self::`): how a part's type is found to name the enum or its
/// parameters, here and where the `From` conversions are left out. A name
/// further along a path is another item (`pod::Error` in an enum `Error`,
/// `other::T` in an enum generic over `T`), as is a lifetime.
pub fn mentions(tokens: TokenStream, names: &[String]) -> Option<String> {
    // What precedes the token: `::`, and whether the path so far is `self`.
    let (mut after_colons, mut in_self_path, mut after_quote) = (false, false, false);
    let mut colons = 0;
    let mut previous_self = false;
    for tt in tokens {
        let mut is_self = false;
        match &tt {
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let starts_path = !after_colons || in_self_path;
                if starts_path && !after_quote && names.contains(&name) {
                    return Some(name);
                }
                is_self = name == "self" && !after_colons;
            }
            TokenTree::Group(group) => {
                if let Some(name) = mentions(group.stream(), names) {
                    return Some(name);
                }
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
        let colon = matches!(&tt, TokenTree::Punct(p) if p.as_char() == ':');
        colons = if colon { colons + 1 } else { 0 };
        after_quote = matches!(&tt, TokenTree::Punct(p) if p.as_char() == '\'');
        if colons == 2 {
            after_colons = true;
            in_self_path = previous_self;
        } else if !colon {
            after_colons = false;
            in_self_path = false;
            previous_self = is_self;
        }
    }
    None
}

fn check_ranges(scheme: &Scheme, errors: &mut Errors) {
    // (range, last code, label) of every well-formed range.
    let mut spans: Vec<(&Range, u32, String)> = Vec::new();
    for category in &scheme.categories {
        if let Some(last) = non_empty(
            &category.range,
            &format!("category `{}`", category.ident),
            errors,
        ) {
            spans.push((
                &category.range,
                last,
                format!("category {}", category.ident),
            ));
        }
    }
    for range in &scheme.attrs.reserved {
        if let Some(last) = non_empty(range, "reserved", errors) {
            spans.push((range, last, "reserved range".to_owned()));
        }
    }
    // Sort by start, then sweep with the furthest end seen: linear after the
    // sort, and finds every overlap with an earlier range.
    let mut starts = Vec::with_capacity(spans.len());
    for (range, _, _) in &spans {
        starts.push(range.start);
    }
    let order = crate::ast::order_by(&starts);
    let mut furthest: Option<usize> = None;
    for &i in &order {
        let (range, _, label) = &spans[i];
        if let Some(f) = furthest {
            let (prev, prev_last, prev_label) = &spans[f];
            if range.start <= *prev_last {
                // Categories come before reserved ranges in `spans`, each in
                // declaration order: report at the one declared later.
                let (later, earlier, later_label, earlier_label) = if i > f {
                    (*range, *prev, label, prev_label)
                } else {
                    (*prev, *range, prev_label, label)
                };
                errors.at(
                    later.span,
                    format!(
                        "{later_label} ({}) overlaps {earlier_label} ({})",
                        later.text(),
                        earlier.text()
                    ),
                );
            }
        }
        if !matches!(furthest, Some(f) if spans[i].1 <= spans[f].1) {
            furthest = Some(i);
        }
    }
}

/// The last code of a range, or an error naming its numbers when it is
/// inverted or empty.
fn non_empty(range: &Range, what: &str, errors: &mut Errors) -> Option<u32> {
    let last = range.last();
    if last.is_none() {
        let problem = if range.end < range.start {
            "is inverted: its end is below its start"
        } else {
            "is empty"
        };
        errors.at(
            range.span,
            format!("{what} range {} {problem}", range.text()),
        );
    }
    last
}

#[cfg(test)]
mod tests {
    use super::mentions;

    fn named(ty: &str, names: &[&str]) -> Option<String> {
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        mentions(ty.parse().expect("lexes"), &names)
    }

    #[test]
    fn a_path_names_what_it_starts_with() {
        assert_eq!(named("Box<Error>", &["Error"]).as_deref(), Some("Error"));
        assert_eq!(named("self::Error", &["Error"]).as_deref(), Some("Error"));
        assert_eq!(named("Vec<T>", &["T"]).as_deref(), Some("T"));
        assert_eq!(named("<T as Tr>::Out", &["T"]).as_deref(), Some("T"));
        assert_eq!(named("Box<Self>", &["Self"]).as_deref(), Some("Self"));
    }

    #[test]
    fn a_name_further_along_a_path_or_a_lifetime_is_another_item() {
        assert_eq!(named("pod::Error", &["Error"]), None);
        assert_eq!(named("std::boxed::Box<Result>", &["Box"]), None);
        assert_eq!(named("::std::boxed::Box<other::Box>", &["Box"]), None);
        assert_eq!(named("other::T", &["T"]), None);
        assert_eq!(named("Part<'a>", &["a"]), None);
        assert_eq!(named("crate::pod::Error<'a, u8>", &["Error", "a"]), None);
    }
}
