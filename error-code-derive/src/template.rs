//! Message templates, checked with the runtime's own grammar
//! (`grammar.rs`, shared with the runtime): `{name}` and `{0}` name a
//! variant's fields, `{{` and `}}` are literal braces, and a select
//! (`{count ->[one]one pod*[other]{count} pods}`, what a Fluent select
//! becomes) chooses a variant by a field.

use crate::grammar::{Piece, Pieces, pieces, pieces_of_variant, variants};

/// The names a template's placeholders and selects give, in order, or
/// every mistake in it.
pub fn placeholders(text: &str) -> Result<Vec<&str>, Vec<String>> {
    let (names, wrong) = names_and_mistakes(text);
    if wrong.is_empty() {
        Ok(names)
    } else {
        Err(wrong)
    }
}

/// The names of a template's well-formed placeholders and selects, in
/// order, and every mistake in it: the names are checked beside the
/// mistakes.
pub fn names_and_mistakes(text: &str) -> (Vec<&str>, Vec<String>) {
    let mut names = Vec::new();
    let mut wrong = Vec::new();
    collect(pieces(text), &mut names, &mut wrong);
    (names, wrong)
}

fn collect<'t>(pieces: Pieces<'t>, names: &mut Vec<&'t str>, wrong: &mut Vec<String>) {
    for piece in pieces {
        match piece {
            Piece::Text(_) => {}
            Piece::Stray("}") => {
                wrong.push("a `}` closes no placeholder: write `}}` for a literal brace".into());
            }
            Piece::Stray(_) => {
                wrong.push("a `{` opens no placeholder: write `{{` for a literal brace".into());
            }
            Piece::Param { name, written } => {
                if is_name(name) {
                    names.push(name);
                } else {
                    wrong.push(format!(
                        "`{written}` is not a placeholder: a placeholder names a field, `{{name}}` or `{{0}}`; write `{{{{` and `}}}}` for literal braces"
                    ));
                }
            }
            Piece::Select {
                name,
                variants: raw,
                written,
            } => {
                if !is_name(name) {
                    wrong.push(format!(
                        "`{written}` selects on `{name}`, which names no field"
                    ));
                    continue;
                }
                names.push(name);
                let mut defaults = 0;
                let mut list = variants(raw);
                let mut nested = false;
                for variant in list.by_ref() {
                    defaults += usize::from(variant.default);
                    for inner in pieces_of_variant(variant.body) {
                        nested |= match inner {
                            Piece::Select { .. } => true,
                            Piece::Param { written, .. } => written.contains("->"),
                            _ => false,
                        };
                    }
                    if !nested {
                        collect(pieces_of_variant(variant.body), names, wrong);
                    }
                }
                if nested {
                    // Where the inner select ends is not known: what follows
                    // is not read, so that no mistake of its own is said.
                    wrong.push(format!(
                        "`{written}` has a select inside a select, which error-code does not compile: write the outer select's variants out"
                    ));
                    return;
                }
                let rest = list.rest().trim();
                if !rest.is_empty() {
                    wrong.push(format!(
                        "`{written}`: `{rest}` is no variant; a `*`, `[` or `]` in a variant's text is written `**`, `[[` or `]]`"
                    ));
                } else if defaults != 1 {
                    wrong.push(format!(
                        "`{written}` needs one default variant, marked `*` (`*[other]…`)"
                    ));
                }
            }
        }
    }
}

/// Each select's field and the key of each of its variants, `(name, key,
/// default)`, in order.
pub fn select_keys(text: &str) -> Vec<(&str, &str, bool)> {
    let mut out = Vec::new();
    keys_in(pieces(text), &mut out);
    out
}

fn keys_in<'t>(pieces: Pieces<'t>, out: &mut Vec<(&'t str, &'t str, bool)>) {
    for piece in pieces {
        if let Piece::Select {
            name,
            variants: raw,
            ..
        } = piece
        {
            for variant in variants(raw) {
                out.push((name, variant.key, variant.default));
                keys_in(pieces_of_variant(variant.body), out);
            }
        }
    }
}

/// The template with each placeholder written `{name}`, as its param is
/// named, and each select `{name ->…}`: `{ r#type }` is `{type}`, so that
/// the catalog, the document and the exports show the name the params
/// carry.
pub fn canonical(text: String) -> String {
    let mut edits = Vec::new();
    find_edits(pieces(&text), text.as_ptr() as usize, &mut edits);
    if edits.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(start, end, name, placeholder) in &edits {
        out.push_str(&text[at..start]);
        if placeholder {
            out.push('{');
            out.push_str(name);
            out.push('}');
        } else {
            out.push_str(name);
            out.push(' ');
        }
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// The spans of `pieces` (offsets from `base`) not written as their
/// names: a placeholder's whole, a select's head between `{` and `->`;
/// within selects' variants too.
fn find_edits<'t>(pieces: Pieces<'t>, base: usize, edits: &mut Vec<(usize, usize, &'t str, bool)>) {
    for piece in pieces {
        match piece {
            Piece::Param { name, written } if written.len() != name.len() + 2 => {
                let start = written.as_ptr() as usize - base;
                edits.push((start, start + written.len(), name, true));
            }
            Piece::Select {
                name,
                variants: raw,
                written,
            } => {
                let start = written.as_ptr() as usize - base;
                if let Some(arrow) = written.find("->")
                    && written[1..arrow].strip_suffix(' ') != Some(name)
                {
                    edits.push((start + 1, start + arrow, name, false));
                }
                for variant in variants(raw) {
                    find_edits(pieces_of_variant(variant.body), base, edits);
                }
            }
            _ => {}
        }
    }
}

/// A field's name (`name`, `r#type` without its `r#`) or a tuple index.
fn is_name(name: &str) -> bool {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => name.bytes().all(|b| b.is_ascii_digit()),
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_and_braces() {
        assert_eq!(placeholders("Pod {name} in {ns}").unwrap(), ["name", "ns"]);
        assert_eq!(placeholders("key {0} of {1}").unwrap(), ["0", "1"]);
        assert!(placeholders("literal {{braces}} only").unwrap().is_empty());
        assert!(placeholders("plain").unwrap().is_empty());
        assert!(placeholders("a { b").is_err());
        assert!(placeholders("a } b").is_err());
        assert!(placeholders("json {\"a\": 1}").is_err());
        assert!(placeholders("{0:?}").is_err());
        assert_eq!(placeholders("名字 {名前}").unwrap(), ["名前"]);
    }

    #[test]
    fn placeholders_are_written_as_their_names() {
        use super::canonical;
        assert_eq!(canonical("a {r#type} b".into()), "a {type} b");
        assert_eq!(
            canonical("{ name }{{x}} { r#fn }!".into()),
            "{name}{{x}} {fn}!"
        );
        assert_eq!(canonical("as {is} {0}".into()), "as {is} {0}");
        assert_eq!(
            canonical("{ r#type -> [a] A { name } *[other] O { r#type } }".into()),
            "{type -> [a] A {name} *[other] O {type} }"
        );
        assert_eq!(
            canonical("x {n ->*[other]{ n }}".into()),
            "x {n ->*[other]{n}}"
        );
        let kept = "{n ->[one]one {x}*[other]{n} pods}";
        assert_eq!(canonical(kept.into()), kept);
    }

    #[test]
    fn selects_name_their_field_and_need_a_default() {
        assert_eq!(
            placeholders("{n ->[one]one {x}*[other]{n} pods}").unwrap(),
            ["n", "x", "n"]
        );
        assert!(placeholders("{n ->[one]one*[other]x *[few]y}").is_err());
        assert!(placeholders("{n ->[one]one [other]x}").is_err());
    }
}
