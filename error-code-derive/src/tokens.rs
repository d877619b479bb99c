//! Generated code written as Rust tokens and filled when the derive runs:
//! `tokens!(ty, ig; arms => impl #ig Trait for #ty { #(#arms)* })`.
//!
//! The same templates as `quote!`'s (`#name`, `#(…)sep*`), at a fraction of
//! its cost to build the derive: a template is one string, read by the
//! compiler's lexer the first time it is filled in a compilation and kept
//! as plain data, where `quote!` compiles to a call per token (a fifth of
//! this crate's build). The names a template uses are listed before `=>`:
//! single values (`ToTokens`) first, then, after `;`, the lists a
//! repetition walks. A name not listed stays as written, which the tests
//! of every expansion would show.
//!
//! The template's own tokens get `Span::call_site()`, as `quote!`'s do;
//! `tokens!(at span; …)` gives them `span`, as `quote_spanned!` does. The
//! filled-in tokens keep their own spans.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// What a `#name` in a template stands for.
pub enum Var<'a> {
    /// One value.
    One(&'a dyn Put),
    /// A list, walked by the repetition `#(…)*` that names it.
    Many(&'a [TokenStream]),
}

/// `ToTokens` with its one method a value needs here: a `dyn Put` names
/// one function per type, where a `dyn ToTokens` names each provided one.
pub trait Put {
    /// Appends the value's tokens to `out`.
    fn put(&self, out: &mut TokenStream);
}

impl<T: ToTokens + ?Sized> Put for T {
    fn put(&self, out: &mut TokenStream) {
        self.to_tokens(out);
    }
}

/// The items of a list, each as tokens (borrowed: no copy of the list).
pub fn seq<T: ToTokens>(items: &[T]) -> Vec<TokenStream> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(item.to_token_stream());
    }
    out
}

/// A template, read once: its tokens as plain data (a compiler token lives
/// only as long as one run of the derive; these outlive it), with each
/// `#name` and `#(…)sep*` marked.
enum Piece {
    Ident(String),
    Punct(char, Spacing),
    Literal(String),
    Group(Delimiter, Vec<Piece>),
    Var(String),
    Repeat(Vec<Piece>, Vec<(char, Spacing)>),
}

thread_local! {
    /// The templates read so far, by their text's address: each is read
    /// once for every enum the compiler expands.
    static READ: std::cell::RefCell<Vec<(usize, std::rc::Rc<Vec<Piece>>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
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
    write(
        &pieces,
        span.unwrap_or_else(Span::call_site),
        vars,
        None,
        &mut out,
    );
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
                    let mut separator = Vec::new();
                    let mut end = i + 2;
                    while let Some(TokenTree::Punct(p)) = tokens.get(end) {
                        if p.as_char() == '*' {
                            break;
                        }
                        separator.push((p.as_char(), p.spacing()));
                        end += 1;
                    }
                    if matches!(tokens.get(end), Some(TokenTree::Punct(p)) if p.as_char() == '*') {
                        // Joined to the `*` in the template only.
                        if let Some((_, spacing)) = separator.last_mut() {
                            *spacing = Spacing::Alone;
                        }
                        pieces.push(Piece::Repeat(read(body.stream()), separator));
                        i = end + 1;
                        continue;
                    }
                }
                _ => {}
            }
        }
        pieces.push(match token {
            TokenTree::Group(g) => Piece::Group(g.delimiter(), read(g.stream())),
            TokenTree::Ident(ident) => Piece::Ident(ident.to_string()),
            TokenTree::Punct(p) => Piece::Punct(p.as_char(), p.spacing()),
            TokenTree::Literal(l) => Piece::Literal(l.to_string()),
        });
        i += 1;
    }
    pieces
}

/// Writes `pieces` into `out` at `span`; `at` is the item of the
/// repetition being written.
fn write(
    pieces: &[Piece],
    span: Span,
    vars: &[(&str, Var)],
    at: Option<usize>,
    out: &mut TokenStream,
) {
    for piece in pieces {
        match piece {
            Piece::Ident(name) => push(out, TokenTree::Ident(ident(name, span))),
            Piece::Punct(c, spacing) => push(out, punct(*c, *spacing, span)),
            Piece::Literal(text) => {
                if let Ok(mut literal) = text.parse::<Literal>() {
                    literal.set_span(span);
                    push(out, TokenTree::Literal(literal));
                }
            }
            Piece::Group(delimiter, inner) => {
                let mut stream = TokenStream::new();
                write(inner, span, vars, at, &mut stream);
                let mut group = Group::new(*delimiter, stream);
                group.set_span(span);
                push(out, TokenTree::Group(group));
            }
            Piece::Var(name) => match (find(vars, name), at) {
                (Some(Var::One(value)), _) => value.put(out),
                (Some(Var::Many(items)), Some(k)) => {
                    if let Some(item) = items.get(k) {
                        out.extend(item.clone());
                    }
                }
                (Some(Var::Many(items)), None) => {
                    for item in *items {
                        out.extend(item.clone());
                    }
                }
                // Not listed: written as it stands, for the tests to see.
                (None, _) => {
                    push(out, punct('#', Spacing::Alone, span));
                    push(out, TokenTree::Ident(ident(name, span)));
                }
            },
            Piece::Repeat(body, separator) => {
                for k in 0..shortest(body, vars).unwrap_or(0) {
                    if k > 0 {
                        for &(c, spacing) in separator {
                            push(out, punct(c, spacing, span));
                        }
                    }
                    write(body, span, vars, Some(k), out);
                }
            }
        }
    }
}

/// Appends one token: every token the filler writes goes through here.
pub fn push(out: &mut TokenStream, token: TokenTree) {
    out.extend(std::iter::once(token));
}

fn ident(name: &str, span: Span) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, span),
        None => Ident::new(name, span),
    }
}

fn punct(c: char, spacing: Spacing, span: Span) -> TokenTree {
    let mut punct = Punct::new(c, spacing);
    punct.set_span(span);
    TokenTree::Punct(punct)
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
            Piece::Group(_, inner) => shortest(inner, vars),
            _ => None,
        };
        if let Some(len) = len {
            least = Some(match least {
                Some(n) => n.min(len),
                None => len,
            });
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
    (@ $span:expr; $($one:ident),* $(; $($many:ident),*)? => $($body:tt)*) => {{
        // Each list as tokens, first: the names then stand for those.
        $($(let $many = $crate::tokens::seq(&$many);)*)?
        $crate::tokens::fill(
            ::core::stringify!($($body)*),
            $span,
            &[
                $((::core::stringify!($one), $crate::tokens::Var::One(&$one)),)*
                $($((::core::stringify!($many), $crate::tokens::Var::Many(&$many)),)*)?
            ],
        )
    }};
    ($($rest:tt)*) => {
        $crate::tokens::tokens!(@ ::core::option::Option::None; $($rest)*)
    };
}
pub(crate) use tokens;

#[cfg(test)]
mod tests {
    use proc_macro2::{Ident, Span, TokenStream};

    /// `tokens` as text, beside `source` lexed as the compiler lexes it.
    fn same(tokens: &TokenStream, source: &str) {
        let expected: TokenStream = source.parse().expect("lexes");
        assert_eq!(tokens.to_string(), expected.to_string());
    }

    #[test]
    fn fills_values_lists_and_separators_as_quote_does() {
        let ty = Ident::new("Pod", Span::call_site());
        let arms: Vec<TokenStream> =
            vec![quote::quote!(Self::A => 1,), quote::quote!(Self::B => 2,)];
        let codes = vec![1u32, 2, 3];
        let names = ["a", "b"];
        let filled = tokens!(ty; arms, codes, names =>
            impl #ty { fn f(&self) { match self { #(#arms)* } } }
            const C: [u32; 3] = [#(#codes),*];
            const P: &[(u32, &str)] = &[#((#codes, #names)),*];
            fn g() -> bool { #(#codes == 0)||* }
        );
        same(
            &filled,
            r#"impl Pod { fn f(&self) { match self { Self::A => 1, Self::B => 2, } } }
            const C: [u32; 3] = [1u32, 2u32, 3u32];
            const P: &[(u32, &str)] = &[(1u32, "a"), (2u32, "b")];
            fn g() -> bool { 1u32 == 0 || 2u32 == 0 || 3u32 == 0 }"#,
        );
    }

    #[test]
    fn keeps_attributes_raw_names_lifetimes_and_unlisted_names() {
        let filled = tokens!(=>
            #[doc = "x"] fn r#type<'a>(_: &'a str) -> i64 { -1 } #missing
        );
        same(
            &filled,
            r#"#[doc = "x"] fn r#type<'a>(_: &'a str) -> i64 { -1 } # missing"#,
        );
    }

    #[test]
    fn the_same_template_fills_the_same_way_twice() {
        let make = |n: u32| tokens!(n => const N: u32 = #n;);
        same(&make(1), "const N: u32 = 1u32;");
        same(&make(2), "const N: u32 = 2u32;");
    }

    #[test]
    fn a_spanned_template_fills_as_any_other() {
        let value = Ident::new("value", Span::call_site());
        let filled = tokens!(at Span::mixed_site(); value => let x = #value;);
        same(&filled, "let x = value;");
    }
}
