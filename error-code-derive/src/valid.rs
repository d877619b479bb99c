//! Checks across variants: statuses, duplicate codes, ranges and overlaps.
//!
//! What the macro can see it checks here, at the user's tokens. What it
//! cannot see (a category declared by another type, codes of composed
//! enums) is checked by constants the expansion emits.

use crate::ast::{Input, Scheme};
use crate::attr::Range;
use crate::errors::Errors;
use proc_macro2::TokenTree;
use quote::ToTokens;

/// Valid error statuses: client and server errors.
const ERROR_STATUSES: std::ops::RangeInclusive<u32> = 400..=599;

pub fn error_code(input: &Input, errors: &mut Errors) {
    if let Some(status) = input.attrs.status {
        check_status(status.value, status.span, errors);
    }
    let mut codes: Vec<_> = input.codes().collect();
    // The enum's default status is checked once above, at its attribute.
    for (_, code) in codes.iter().filter(|(_, code)| code.own_status) {
        check_status(code.status.value, code.status.span, errors);
    }
    // Sorting keeps the check linear after the sort; the stable sort keeps
    // the first declaration first.
    codes.sort_by_key(|(_, code)| code.code.value);
    for pair in codes.windows(2) {
        let ((first, a), (_, b)) = (pair[0], pair[1]);
        if a.code.value == b.code.value {
            errors.at(
                b.code.span,
                format!(
                    "duplicate error code {}: variant `{}` already uses it",
                    b.code.value, first.ident
                ),
            );
        }
    }
    for retired in &input.attrs.retired {
        if let Ok(i) = codes.binary_search_by_key(&retired.value, |(_, c)| c.code.value) {
            let (variant, code) = codes[i];
            errors.at(
                code.code.span,
                format!(
                    "error code {} is retired and cannot be reused (variant `{}`); pick a new code",
                    retired.value, variant.ident
                ),
            );
        }
    }
    let params: Vec<String> = input
        .original
        .generics
        .type_params()
        .map(|p| p.ident.to_string())
        .chain(
            input
                .original
                .generics
                .lifetimes()
                .map(|l| l.lifetime.ident.to_string()),
        )
        .collect();
    for (variant, _, ty, _) in input.parts() {
        if let Some(param) = mentions(ty.to_token_stream(), &params) {
            errors.spanned(
                ty,
                format!(
                    "#[code(transparent)] on `{}` wraps a type that uses the generic parameter `{param}`; the catalog must be known when the enum is compiled, so wrap a concrete error type",
                    variant.ident
                ),
            );
        }
    }
}

fn check_status(status: u32, span: proc_macro2::Span, errors: &mut Errors) {
    if !ERROR_STATUSES.contains(&status) {
        errors.at(
            span,
            format!("HTTP status {status} is not an error status; expected a client or server error, 400..=599"),
        );
    }
}

/// The first of `params` that occurs in `tokens`.
fn mentions(tokens: proc_macro2::TokenStream, params: &[String]) -> Option<String> {
    tokens.into_iter().find_map(|tt| match tt {
        TokenTree::Ident(ident) => {
            let name = ident.to_string();
            params.contains(&name).then_some(name)
        }
        TokenTree::Group(group) => mentions(group.stream(), params),
        TokenTree::Punct(_) | TokenTree::Literal(_) => None,
    })
}

pub fn error_category(scheme: &Scheme, errors: &mut Errors) {
    // (range, last code, label) of every well-formed range.
    let mut spans: Vec<(&Range, u32, String)> = Vec::new();
    for category in &scheme.categories {
        if let Some(last) = checked(
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
        if let Some(last) = checked(range, "reserved range", errors) {
            spans.push((range, last, "reserved range".to_owned()));
        }
    }
    // Sort by start, then sweep with the furthest end seen: linear after the
    // sort, and finds every overlap with an earlier range.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0.start, i));
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
        if furthest.is_none_or(|f| spans[i].1 > spans[f].1) {
            furthest = Some(i);
        }
    }
}

/// The last code of a range, or an error naming its numbers when it is
/// inverted or empty.
fn checked(range: &Range, what: &str, errors: &mut Errors) -> Option<u32> {
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
