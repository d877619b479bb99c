//! Collects every mistake of one item, to report them together; and the
//! words of messages: "did you mean" suggestions, lists joined.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use std::fmt::Display;

/// The mistakes found so far, joined with `syn::Error::combine`; how many,
/// and how many of them left what was parsed whole.
#[derive(Default)]
pub struct Errors(Option<syn::Error>, usize, usize);

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        self.1 += 1;
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// A mistake at `tokens` (their first to last token), through `dyn`:
    /// one copy of this a message type, not one a type of tokens.
    pub fn spanned(&mut self, tokens: &dyn ToTokens, message: impl Display) {
        self.spanned_text(tokens.to_token_stream(), message.to_string());
    }

    /// [`Errors::spanned`] past its generic arguments: syn's `new_spanned`
    /// compiled once.
    fn spanned_text(&mut self, tokens: TokenStream, message: String) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// How many mistakes were pushed so far.
    pub fn count(&self) -> usize {
        self.1
    }

    /// A mistake that leaves what is parsed around it whole (an unknown or
    /// repeated key, skipped with its value): the rest is still checked.
    pub fn skipped(&mut self, span: Span, message: impl Display) {
        self.2 += 1;
        self.at(span, message);
    }

    /// How many mistakes were pushed so far that may have left a value
    /// unparsed: [`count`](Self::count) less the skipped ones.
    pub fn unsound(&self) -> usize {
        self.1 - self.2
    }

    pub fn finish(self) -> Option<TokenStream> {
        match self.0 {
            Some(e) => Some(e.to_compile_error()),
            None => None,
        }
    }
}

/// The name of `names` within two edits of `name` (case aside), if any.
pub fn nearest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_ascii_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for &n in names {
        let d = edit_distance(&lower, &n.to_ascii_lowercase());
        if d <= 2 && !matches!(best, Some((b, _)) if d >= b) {
            best = Some((d, n));
        }
    }
    match best {
        Some((_, n)) => Some(n),
        None => None,
    }
}

/// `owned` borrowed, for [`nearest`] and lists in messages. One loop here
/// rather than an iterator chain at every caller: the derive compiles
/// each chain's code anew.
pub fn strs(owned: &[String]) -> Vec<&str> {
    let mut out = Vec::with_capacity(owned.len());
    for s in owned {
        out.push(s.as_str());
    }
    out
}

/// Levenshtein distance, for short keys.
fn edit_distance(a: &str, b: &str) -> usize {
    let mut chars = Vec::with_capacity(b.len());
    for c in b.chars() {
        chars.push(c);
    }
    let b = chars;
    let mut row: Vec<usize> = Vec::with_capacity(b.len() + 1);
    for i in 0..=b.len() {
        row.push(i);
    }
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cb = &b[j];
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// Where `text` is in `list`: one search for every lookup of a word.
pub fn str_at(list: &[&str], text: &str) -> Option<usize> {
    let mut at = 0;
    while at < list.len() {
        if list[at] == text {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Where `tag`'s text is in `texts` (a language tag, in any case): one
/// function for every lookup by tag, where a closure at each would compile
/// its own search.
pub fn tag_at(texts: &[(String, String)], tag: &str) -> Option<usize> {
    let mut at = 0;
    while at < texts.len() {
        if texts[at].0.eq_ignore_ascii_case(tag) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// `parts` joined by `sep`: one function for every join of the derive, so
/// that the compiler builds one.
pub fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for i in 0..parts.len() {
        let part = &parts[i];
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}
