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

/// The text of an ATX heading (`# Title`, `## Title ##`), as rustdoc
/// shows it; `None` for any other line.
fn heading(line: &str) -> Option<&str> {
    let line = line.trim_ascii();
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim_ascii();
    // An optional closing sequence of `#`, after a blank.
    let open = rest.trim_end_matches('#');
    let title = if open.is_empty() || open.ends_with([' ', '\t']) {
        open.trim_ascii_end()
    } else {
        rest
    };
    (!title.is_empty()).then_some(title)
}

/// Whether a line underlines the paragraph above it as a setext heading
/// (`===`, `---`).
fn underline(line: &str) -> bool {
    let line = line.trim_ascii().as_bytes();
    let Some(&first) = line.first() else {
        return false;
    };
    if first != b'=' && first != b'-' {
        return false;
    }
    for &b in line {
        if b != first {
            return false;
        }
    }
    true
}

/// The first paragraph (lines joined by spaces) and the rest (lines kept,
/// common indentation removed) of doc strings, one per attribute. A block
/// comment's leading `*` on every line is removed, and a heading first is
/// the summary without its marks, as rustdoc does. The
/// runtime's `expansion::doc_comment::write` does the same in const
/// evaluation, for doc comments a macro builds.
pub fn doc_text(parts: &[String]) -> (String, String) {
    fn blank(l: &str) -> bool {
        l.trim_ascii().is_empty()
    }
    fn lead(l: &str) -> usize {
        l.len() - l.trim_start_matches([' ', '\t']).len()
    }
    let mut lines: Vec<&str> = Vec::new();
    for part in parts {
        let mut starred = part.contains('\n');
        for l in part.split('\n').skip(1) {
            if !blank(l) && !l.trim_ascii_start().starts_with('*') {
                starred = false;
            }
        }
        for line in part.split('\n') {
            if starred {
                let trimmed = line.trim_ascii_start();
                lines.push(trimmed.strip_prefix('*').unwrap_or(trimmed));
            } else {
                lines.push(line);
            }
        }
    }
    // The summary: the first run of non-blank lines; the body: what
    // follows it, from its first non-blank line.
    let mut at = 0;
    while at < lines.len() && blank(lines[at]) {
        at += 1;
    }
    let mut summary: Vec<&str> = Vec::new();
    if let Some(title) = lines.get(at).and_then(|l| heading(l)) {
        // A heading (`# Title`) is a block of its own line.
        summary.push(title);
        at += 1;
    } else {
        while at < lines.len() && !blank(lines[at]) {
            if !summary.is_empty() && underline(lines[at]) {
                // A setext heading: the lines above its underline.
                at += 1;
                break;
            }
            summary.push(lines[at].trim_ascii());
            at += 1;
        }
    }
    while at < lines.len() && blank(lines[at]) {
        at += 1;
    }
    let body = &lines[at..];
    let mut indent: Option<usize> = None;
    for l in body {
        if !blank(l) {
            let n = lead(l);
            indent = Some(indent.map_or(n, |i| i.min(n)));
        }
    }
    let indent = indent.unwrap_or(0);
    let mut explanation: Vec<&str> = Vec::with_capacity(body.len());
    for l in body {
        explanation.push(l[lead(l).min(indent)..].trim_ascii_end());
    }
    while explanation.last().is_some_and(|l| l.is_empty()) {
        explanation.pop();
    }
    (
        crate::errors::join(&summary, " "),
        crate::errors::join(&explanation, "\n"),
    )
}
