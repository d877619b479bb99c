//! Generated code written as Rust tokens and filled when the derive runs:
//! `tokens!(ty, ig; arms => impl #ig Trait for #ty { #(#arms)* })`.
//!
//! The same templates as `quote!`'s (`#name`, `#(…)sep*`), at a fraction of
//! its cost to build the derive: a template is one string, read by the
//! compiler's lexer the first time a run of the derive fills it, where
//! `quote!` compiles to a call per token (a fifth of this crate's build). The names a template
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

/// A template, read once: its tokens, with each `#name` and `#(…)sep*`
/// marked.
enum Piece {
    Token(TokenTree),
    Group(Delimiter, Span, Vec<Piece>),
    Var(String),
    Repeat(Vec<Piece>, Vec<TokenTree>),
}

thread_local! {
    /// The templates read during this run of the derive, by their text's
    /// address (a token does not outlive the run that made it: [`run`]
    /// empties this before and after).
    static READ: std::cell::RefCell<Vec<(usize, std::rc::Rc<Vec<Piece>>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// One run of a derive, with the templates it reads forgotten before and
/// after.
pub fn run(derive: impl FnOnce() -> TokenStream) -> TokenStream {
    READ.with(|read| read.borrow_mut().clear());
    let out = derive();
    READ.with(|read| read.borrow_mut().clear());
    out
}

/// Writes `text` (a template's tokens, as `stringify!` prints them) with
/// its `#name`s replaced by `vars`; its own tokens at `span`.
pub fn fill(text: &'static str, span: Option<Span>, vars: &[(&str, Var)]) -> TokenStream {
    let key = text.as_ptr() as usize;
    let known = READ.with(|read| {
        for (k, pieces) in read.borrow().iter() {
            if *k == key {
                return Some(pieces.clone());
            }
        }
        None
    });
    let pieces = match known {
        Some(pieces) => pieces,
        None => match text.parse::<TokenStream>() {
            Ok(template) => {
                let pieces = std::rc::Rc::new(read(template));
                READ.with(|read| read.borrow_mut().push((key, pieces.clone())));
                pieces
            }
            // Every template is a literal of this crate; the tests fill each.
            Err(error) => return syn::Error::new(Span::call_site(), error).to_compile_error(),
        },
    };
    let mut out = TokenStream::new();
    write(&pieces, span, vars, None, &mut out);
    out
}

/// Marks the `#name`s and `#(…)sep*`s of a template.
fn read(template: TokenStream) -> Vec<Piece> {
    let tokens: Vec<TokenTree> = template.into_iter().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if let TokenTree::Punct(p) = token
            && p.as_char() == '#'
        {
            match tokens.get(i + 1) {
                Some(TokenTree::Ident(name)) => {
                    pieces.push(Piece::Var(name.to_string()));
                    i += 2;
                    continue;
                }
                Some(TokenTree::Group(body)) if body.delimiter() == Delimiter::Parenthesis => {
                    // The separator is every punct before `*`.
                    let mut end = i + 2;
                    while let Some(TokenTree::Punct(p)) = tokens.get(end) {
                        if p.as_char() == '*' {
                            break;
                        }
                        end += 1;
                    }
                    if matches!(tokens.get(end), Some(TokenTree::Punct(p)) if p.as_char() == '*') {
                        let separator = tokens[i + 2..end].to_vec();
                        pieces.push(Piece::Repeat(read(body.stream()), separator));
                        i = end + 1;
                        continue;
                    }
                }
                _ => {}
            }
        }
        pieces.push(match token {
            TokenTree::Group(g) => Piece::Group(g.delimiter(), g.span(), read(g.stream())),
            other => Piece::Token(other.clone()),
        });
        i += 1;
    }
    pieces
}

/// Writes `pieces` into `out`; `at` is the item of the repetition being
/// written.
fn write(
    pieces: &[Piece],
    span: Option<Span>,
    vars: &[(&str, Var)],
    at: Option<usize>,
    out: &mut TokenStream,
) {
    for piece in pieces {
        match piece {
            Piece::Token(token) => {
                let mut token = token.clone();
                if let Some(span) = span {
                    token.set_span(span);
                }
                out.extend([token]);
            }
            Piece::Group(delimiter, own, inner) => {
                let mut stream = TokenStream::new();
                write(inner, span, vars, at, &mut stream);
                let mut group = Group::new(*delimiter, stream);
                group.set_span(span.unwrap_or(*own));
                out.extend([TokenTree::Group(group)]);
            }
            Piece::Var(name) => match (find(vars, name), at) {
                (Some(Var::One(value)), _) => value.to_tokens(out),
                (Some(Var::Many(items)), Some(k)) => {
                    if let Some(item) = items.get(k) {
                        out.extend(item.clone());
                    }
                }
                (Some(Var::Many(items)), None) => out.extend(items.iter().cloned()),
                // Not listed: written as it stands, for the tests to see.
                (None, _) => {
                    let mut hash = proc_macro2::Punct::new('#', proc_macro2::Spacing::Alone);
                    hash.set_span(span.unwrap_or_else(Span::call_site));
                    out.extend([TokenTree::Punct(hash)]);
                    out.extend([TokenTree::Ident(proc_macro2::Ident::new(
                        name,
                        span.unwrap_or_else(Span::call_site),
                    ))]);
                }
            },
            Piece::Repeat(body, separator) => {
                for k in 0..shortest(body, vars).unwrap_or(0) {
                    if k > 0 {
                        for token in separator {
                            let mut token = token.clone();
                            if let Some(span) = span {
                                token.set_span(span);
                            }
                            out.extend([token]);
                        }
                    }
                    write(body, span, vars, Some(k), out);
                }
            }
        }
    }
}

fn find<'v>(vars: &'v [(&str, Var<'v>)], name: &str) -> Option<&'v Var<'v>> {
    for (key, var) in vars {
        if *key == name {
            return Some(var);
        }
    }
    None
}

/// The length of the shortest list `body` names, if it names one: how
/// many times a repetition runs (one that names none runs never).
fn shortest(body: &[Piece], vars: &[(&str, Var)]) -> Option<usize> {
    let mut least: Option<usize> = None;
    for piece in body {
        let len = match piece {
            Piece::Var(name) => match find(vars, name) {
                Some(Var::Many(items)) => Some(items.len()),
                _ => None,
            },
            Piece::Group(_, _, inner) => shortest(inner, vars),
            _ => None,
        };
        if let Some(len) = len {
            least = Some(least.map_or(len, |n| n.min(len)));
        }
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
