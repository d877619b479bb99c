//! Generated code written as Rust tokens and filled when the derive runs:
//! `tokens!(ty, ig; arms => impl #ig Trait for #ty { #(#arms)* })`.
//!
//! The same templates as `quote!`'s (`#name`, `#(…)sep*`), at a fraction of
//! its cost to build the derive: a template is one string, parsed by the
//! compiler's lexer when it is filled, where `quote!` compiles to a call
//! per token (it was a third of this crate's build). The names a template
//! uses are listed before `=>`: single values (`ToTokens`) first, then,
//! after `;`, the lists a repetition walks. A name not listed stays as
//! written, which the tests of every expansion would show.
//!
//! The template's own tokens get `Span::call_site()`, as `quote!`'s do;
//! `tokens!(at span; …)` gives them `span`, as `quote_spanned!` does. The
//! filled-in tokens keep their own spans.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// What a `#name` in a template stands for.
pub enum Var<'a> {
    /// One value.
    One(&'a dyn ToTokens),
    /// A list, walked by the repetition `#(…)*` that names it.
    Many(Vec<TokenStream>),
}

/// The items of a list, each as tokens.
pub fn seq<I>(items: I) -> Vec<TokenStream>
where
    I: IntoIterator,
    I::Item: ToTokens,
{
    let mut out = Vec::new();
    for item in items {
        out.push(item.into_token_stream());
    }
    out
}

/// Writes `text` (a template's tokens, as `stringify!` prints them) with
/// its `#name`s replaced by `vars`; its own tokens at `span`.
pub fn fill(text: &str, span: Option<Span>, vars: &[(&str, Var)]) -> TokenStream {
    let mut out = TokenStream::new();
    match text.parse::<TokenStream>() {
        Ok(template) => walk(template, span, vars, None, &mut out),
        // Every template is a literal of this crate; the tests fill each.
        Err(error) => {
            out = syn::Error::new(Span::call_site(), error).to_compile_error();
        }
    }
    out
}

/// Fills `template` into `out`; `at` is the item of the repetition being
/// written.
fn walk(
    template: TokenStream,
    span: Option<Span>,
    vars: &[(&str, Var)],
    at: Option<usize>,
    out: &mut TokenStream,
) {
    let tokens: Vec<TokenTree> = template.into_iter().collect();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if let TokenTree::Punct(p) = token
            && p.as_char() == '#'
        {
            match tokens.get(i + 1) {
                Some(TokenTree::Ident(name)) => {
                    if let Some(var) = find(vars, name) {
                        match (var, at) {
                            (Var::One(value), _) => value.to_tokens(out),
                            (Var::Many(items), Some(k)) => {
                                if let Some(item) = items.get(k) {
                                    out.extend(item.clone());
                                }
                            }
                            (Var::Many(items), None) => out.extend(items.iter().cloned()),
                        }
                        i += 2;
                        continue;
                    }
                }
                Some(TokenTree::Group(body)) if body.delimiter() == Delimiter::Parenthesis => {
                    // `#( … ) sep *`: the separator is every punct before `*`.
                    let mut end = i + 2;
                    while let Some(TokenTree::Punct(p)) = tokens.get(end) {
                        if p.as_char() == '*' {
                            break;
                        }
                        end += 1;
                    }
                    if matches!(tokens.get(end), Some(TokenTree::Punct(p)) if p.as_char() == '*') {
                        let separator = &tokens[i + 2..end];
                        for k in 0..shortest(&body.stream(), vars).unwrap_or(0) {
                            if k > 0 {
                                for token in separator {
                                    push(token.clone(), span, out);
                                }
                            }
                            walk(body.stream(), span, vars, Some(k), out);
                        }
                        i = end + 1;
                        continue;
                    }
                }
                _ => {}
            }
        }
        if let TokenTree::Group(group) = token {
            let mut inner = TokenStream::new();
            walk(group.stream(), span, vars, at, &mut inner);
            let mut filled = Group::new(group.delimiter(), inner);
            filled.set_span(span.unwrap_or_else(|| group.span()));
            out.extend([TokenTree::Group(filled)]);
        } else {
            push(token.clone(), span, out);
        }
        i += 1;
    }
}

fn push(mut token: TokenTree, span: Option<Span>, out: &mut TokenStream) {
    if let Some(span) = span {
        token.set_span(span);
    }
    out.extend([token]);
}

fn find<'v>(vars: &'v [(&str, Var<'v>)], name: &proc_macro2::Ident) -> Option<&'v Var<'v>> {
    for (key, var) in vars {
        if name == key {
            return Some(var);
        }
    }
    None
}

/// The length of the shortest list `body` names, if it names one: how
/// many times a repetition runs (one that names none runs never).
fn shortest(body: &TokenStream, vars: &[(&str, Var)]) -> Option<usize> {
    let mut least: Option<usize> = None;
    let mut after_hash = false;
    for token in body.clone() {
        let len = match &token {
            TokenTree::Ident(name) if after_hash => match find(vars, name) {
                Some(Var::Many(items)) => Some(items.len()),
                _ => None,
            },
            TokenTree::Group(group) => shortest(&group.stream(), vars),
            _ => None,
        };
        if let Some(len) = len {
            least = Some(least.map_or(len, |n| n.min(len)));
        }
        after_hash = matches!(&token, TokenTree::Punct(p) if p.as_char() == '#');
    }
    least
}

/// `quote!`'s templates, filled by [`fill`]: `tokens!(one, two; list =>
/// …)`, or `tokens!(at span; … => …)` for the template's tokens at `span`.
macro_rules! tokens {
    (at $span:expr; $($rest:tt)*) => {
        $crate::tokens::tokens!(@ ::core::option::Option::Some($span); $($rest)*)
    };
    (@ $span:expr; $($one:ident),* $(; $($many:ident),*)? => $($body:tt)*) => {
        $crate::tokens::fill(
            ::core::stringify!($($body)*),
            $span,
            &[
                $((::core::stringify!($one), $crate::tokens::Var::One(&$one)),)*
                $($((
                    ::core::stringify!($many),
                    $crate::tokens::Var::Many($crate::tokens::seq(::core::clone::Clone::clone(&$many))),
                ),)*)?
            ],
        )
    };
    ($($rest:tt)*) => {
        $crate::tokens::tokens!(@ ::core::option::Option::None; $($rest)*)
    };
}
pub(crate) use tokens;
