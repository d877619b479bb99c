//! Doc-comment semantics: what rustdoc shows as a variant's first paragraph
//! (the message) and the rest (the long explanation), however the doc is
//! written.

use syn::{Attribute, Expr, Lit, Meta};

/// A variant's doc comment: its first paragraph is the message, the rest its
/// long explanation.
pub enum Doc<'a> {
    /// Every doc attribute is a string literal: read here.
    Text {
        summary: String,
        explanation: String,
    },
    /// Some are macros (`concat!`, `include_str!`): read in const evaluation
    /// from these expressions, in order.
    Exprs(Vec<&'a Expr>),
}

/// Reads the doc attributes as rustdoc does.
pub fn doc(attrs: &[Attribute]) -> Doc<'_> {
    let mut texts = Vec::new();
    let mut exprs = Vec::new();
    let mut all_literal = true;
    for attr in crate::attr::named(attrs, "doc") {
        let Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        exprs.push(&nv.value);
        match &nv.value {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(s), ..
            }) => texts.push(s.value()),
            _ => all_literal = false,
        }
    }
    if !all_literal {
        return Doc::Exprs(exprs);
    }
    let (summary, explanation) = doc_text(&texts);
    Doc::Text {
        summary,
        explanation,
    }
}

/// The first paragraph and the rest of doc strings, one per attribute, as
/// rustdoc shows them: the rules are `doc_comment`'s, which the runtime
/// also reads macro-built docs with in const evaluation.
pub fn doc_text(parts: &[String]) -> (String, String) {
    let mut strs: Vec<&str> = Vec::with_capacity(parts.len());
    for part in parts {
        strs.push(part);
    }
    (read(&strs, false), read(&strs, true))
}

fn read(parts: &[&str], explanation: bool) -> String {
    let mut buf = vec![0; crate::doc_comment::len(parts, explanation)];
    let _ = crate::doc_comment::write_into(parts, explanation, &mut buf);
    // Lines of whole strings cut at ASCII bytes: valid UTF-8.
    String::from_utf8(buf).unwrap_or_default()
}
