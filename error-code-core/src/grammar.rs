//! The template grammar, the one home of it: the derive compiles this file
//! too (its `src/grammar.rs` is a link to this one), to check the templates
//! it is given, and the runtime renders them with it; the clients receive
//! templates already cut into these pieces. No dependency, no item of
//! either crate: plain functions over `&str`.
//!
//! - `{name}` (or `{ r#name }`, `{0}`) is a placeholder, a param's place;
//! - `{{` and `}}` are literal braces;
//! - `{name ->[one]one pod*[other]{name} pods}` is a select, as Fluent
//!   writes `{ $name -> [one] one pod *[other] { $name } pods }`: variants
//!   `[key]body`, the default one marked `*`; within a body `[[`, `]]` and
//!   `**` are literal `[`, `]` and `*`;
//! - a `{` that opens nothing and a `}` that closes nothing are stray:
//!   the derive refuses them, the runtime writes them as text.
//!
//! And the one comparison of texts the derive and the runtime share: a
//! `Display` that reads as the message, white space and case aside
//! ([`Folded`]), says nothing more than it and is no detail.

/// A piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text as it is read (an escaped brace, bracket or star as itself).
    Text(&'t str),
    /// A placeholder: the param's name (`r#` and spaces dropped), and the
    /// placeholder as written.
    Param {
        /// The param's name.
        name: &'t str,
        /// The placeholder as written.
        written: &'t str,
    },
    /// A select on the param `name`: its variants as written, read with
    /// [`variants`].
    Select {
        /// The param's name.
        name: &'t str,
        /// The variants, as written.
        variants: &'t str,
        /// The whole select as written.
        written: &'t str,
    },
    /// A `{` that opens nothing or a `}` that closes nothing.
    Stray(&'t str),
}

/// One variant of a select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant<'t> {
    /// The key: a plural category (`one`), a number (`0`) or a string.
    pub key: &'t str,
    /// Whether it is the default (`*`).
    pub default: bool,
    /// The body, read with [`pieces_of_variant`].
    pub body: &'t str,
}

/// The pieces of a template, in order.
pub fn pieces(template: &str) -> Pieces<'_> {
    Pieces {
        rest: template,
        in_variant: false,
    }
}

/// The pieces of a select variant's body.
pub fn pieces_of_variant(body: &str) -> Pieces<'_> {
    Pieces {
        rest: body,
        in_variant: true,
    }
}

/// The iterator of [`pieces`].
#[derive(Debug, Clone)]
pub struct Pieces<'t> {
    rest: &'t str,
    in_variant: bool,
}

/// Whether `b` is a byte of a param's name in a select (`count`, `0`,
/// `r#type`).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'#' || b >= 0x80
}

/// Where the select that `text` (after its `{`) starts ends: `name` then
/// `->`, then variants up to the `}` that closes them; the name and the
/// variants. `None` where `text` is no select.
fn select_at(text: &str) -> Option<(&str, &str, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let start = i;
    while i < bytes.len() && is_name_byte(bytes[i]) {
        i += 1;
    }
    let name = &text[start..i];
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    if name.is_empty() || !text[i..].starts_with("->") {
        return None;
    }
    i += 2;
    let variants_start = i;
    // The variants: keys and bodies, up to the `}` that is no body's.
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b']' | b'*' | b'{' | b'}' if bytes.get(i + 1) == Some(&bytes[i]) => i += 2,
            b'}' => return Some((name, &text[variants_start..i], i + 1)),
            b'{' => i += text[i..].find('}')? + 1,
            _ => i += 1,
        }
    }
    None
}

impl<'t> Iterator for Pieces<'t> {
    type Item = Piece<'t>;

    fn next(&mut self) -> Option<Piece<'t>> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        // The specials are ASCII: a byte scan finds them, and the index is
        // a char boundary.
        let in_variant = self.in_variant;
        let special = |b: &u8| match b {
            b'{' | b'}' => true,
            b'[' | b']' | b'*' => in_variant,
            _ => false,
        };
        let Some(at) = rest.as_bytes().iter().position(special) else {
            self.rest = "";
            return Some(Piece::Text(rest));
        };
        if at > 0 {
            self.rest = &rest[at..];
            return Some(Piece::Text(&rest[..at]));
        }
        let first = rest.as_bytes()[0];
        // A doubled special is itself.
        if rest.as_bytes().get(1) == Some(&first) {
            self.rest = &rest[2..];
            return Some(Piece::Text(&rest[..1]));
        }
        if first != b'{' {
            self.rest = &rest[1..];
            return Some(if first == b'}' {
                Piece::Stray(&rest[..1])
            } else {
                Piece::Text(&rest[..1])
            });
        }
        if let Some((name, variants, len)) = select_at(&rest[1..]) {
            self.rest = &rest[1 + len..];
            return Some(Piece::Select {
                name: name.strip_prefix("r#").unwrap_or(name),
                variants,
                written: &rest[..=len],
            });
        }
        let Some(end) = rest.find('}') else {
            self.rest = "";
            return Some(Piece::Stray(rest));
        };
        self.rest = &rest[end + 1..];
        let name = rest[1..end].trim();
        Some(Piece::Param {
            name: name.strip_prefix("r#").unwrap_or(name),
            written: &rest[..=end],
        })
    }
}

/// Whether a select's key is a number, as Fluent reads one (`[1]`,
/// `[-0.5]`, `[1.0]`): which a number may take and a string never does.
/// `[1e1]`, `[+5]` or `[inf]` is a text.
#[must_use]
pub fn number_key(key: &str) -> bool {
    let digits = key.strip_prefix('-').unwrap_or(key);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// The variants of a select, as [`Piece::Select`] gives them.
pub fn variants(text: &str) -> Variants<'_> {
    Variants { rest: text }
}

/// The iterator of [`variants`].
pub struct Variants<'t> {
    rest: &'t str,
}

impl<'t> Variants<'t> {
    /// What is left after the variants read so far: nothing after the
    /// last, else text that is no variant (a `*`, `[` or `]` of a
    /// variant's text not doubled).
    #[must_use]
    pub fn rest(&self) -> &'t str {
        self.rest
    }
}

impl<'t> Iterator for Variants<'t> {
    type Item = Variant<'t>;

    fn next(&mut self) -> Option<Variant<'t>> {
        let trimmed = self.rest.trim_start_matches(' ');
        let (default, after) = match trimmed.strip_prefix('*') {
            Some(after) => (true, after),
            None => (false, trimmed),
        };
        let after = after.strip_prefix('[')?;
        let close = after.find(']')?;
        let key = after[..close].trim();
        let body_start = &after[close + 1..];
        let bytes = body_start.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let special = matches!(b, b'[' | b']' | b'*' | b'{' | b'}');
            if special && bytes.get(i + 1) == Some(&b) {
                i += 2;
            } else if b == b'{' {
                i += body_start[i..].find('}').map_or(bytes.len() - i, |e| e + 1);
            } else if special && b != b']' {
                break;
            } else {
                i += 1;
            }
        }
        self.rest = &body_start[i..];
        // As Fluent reads a variant: the spaces around its text are not
        // part of it (`[one] one pod *[other] …` is `one pod`).
        Some(Variant {
            key,
            default,
            body: body_start[..i].trim_matches(' '),
        })
    }
}

/// A place in a text read as the detail rule compares texts: white space
/// left out, every character case-folded ([`fold`]). Both the derive (a
/// unit variant's `Display` against its message) and the runtime (a
/// `Display` as it is written, against the message and the chosen
/// translation) compare through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Folded {
    at: usize,
    within: u8,
}

impl Folded {
    /// The start of a text.
    pub const START: Folded = Folded { at: 0, within: 0 };

    /// The next compared character of `text` from here, moving past it.
    pub fn next_in(&mut self, text: &str) -> Option<char> {
        loop {
            let c = text.get(self.at..)?.chars().next()?;
            if c.is_whitespace() {
                self.at += c.len_utf8();
                continue;
            }
            if c.is_ascii() {
                self.at += 1;
                return Some(c.to_ascii_lowercase());
            }
            // A character may fold to several: `within` counts those
            // already compared.
            let (chars, len) = fold(c);
            let next = chars.get(usize::from(self.within)).copied();
            if usize::from(self.within) + 1 >= len {
                self.at += c.len_utf8();
                self.within = 0;
            } else {
                self.within += 1;
            }
            if next.is_some() {
                return next;
            }
        }
    }

    /// Whether nothing compared is left of `text` from here.
    #[must_use]
    pub fn at_end(self, text: &str) -> bool {
        let mut rest = self;
        rest.next_in(text).is_none()
    }

    /// Follows `piece`, the next part of a text being compared with
    /// `text`: whether it still reads as `text` does up to here.
    pub fn follow(&mut self, piece: &str, text: &str) -> bool {
        for c in piece.chars() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_ascii() {
                if self.next_in(text) != Some(c.to_ascii_lowercase()) {
                    return false;
                }
                continue;
            }
            let (chars, len) = fold(c);
            for &l in &chars[..len] {
                if self.next_in(text) != Some(l) {
                    return false;
                }
            }
        }
        true
    }
}

/// `c` case-folded, as the detail rule compares it: its lowercase, with
/// the folds a lowercase misses where a text is written in capitals (a
/// final `ς` is `σ`, `ß` and `ẞ` are `ss`, as `STRASSE` writes `Straße`).
/// Up to three characters, and how many.
#[must_use]
pub fn fold(c: char) -> ([char; 3], usize) {
    match c {
        'ß' | 'ẞ' => (['s', 's', '\0'], 2),
        'ς' => (['σ', '\0', '\0'], 1),
        _ => {
            let mut out = ['\0'; 3];
            let mut len = 0;
            for l in c.to_lowercase() {
                if let Some(slot) = out.get_mut(len) {
                    *slot = if l == 'ς' { 'σ' } else { l };
                    len += 1;
                }
            }
            (out, len)
        }
    }
}

/// Whether `text` says nothing, white space aside.
#[must_use]
pub fn says_nothing(text: &str) -> bool {
    Folded::START.at_end(text)
}

/// Whether `a` and `b` read the same, white space and case aside.
#[must_use]
pub fn reads_as(a: &str, b: &str) -> bool {
    let mut at = Folded::START;
    at.follow(a, b) && at.at_end(b)
}

/// `text` as a select variant's body writes it: `[`, `]`, `*`, `{`, `}`
/// doubled.
pub fn escape_variant_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '{' | '}') {
            out.push(c);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_the_same_whatever_their_case_and_spaces() {
        assert!(reads_as("route not found", "Route not found"));
        assert!(reads_as("Route  not\tfound ", "routenotfound"));
        assert!(reads_as("", " "));
        assert!(reads_as("ÉCHEC", "échec"));
        // `İ` lowercases to two characters, `i` and a combining dot.
        assert!(reads_as("İx", "i\u{307}x"));
        assert!(!reads_as("İx", "ix"));
        assert!(!reads_as("route not found", "Route not found!"));
        assert!(!reads_as("route not found!", "Route not found"));
        assert!(!reads_as("x", ""));
        // Capitals that lowercase alone does not bring back.
        assert!(reads_as("ΛΆΘΟΣ ΔΙΚΤΎΟΥ", "λάθος δικτύου"));
        assert!(reads_as("STRASSE GESPERRT", "Straße gesperrt"));
        assert!(reads_as("STRAẞE", "straße"));
        assert!(!reads_as("STRASE", "Straße"));
        assert!(says_nothing(" \t\n"));
        assert!(!says_nothing(" x "));
        // Followed piece by piece, as a `Display` writes it.
        let mut at = Folded::START;
        assert!(at.follow("ROUTE ", "route not found"));
        assert!(!at.at_end("route not found"));
        assert!(at.follow("NOT FOUND", "route not found"));
        assert!(at.at_end("route not found"));
    }

    #[test]
    fn a_variant_is_its_text_without_the_spaces_around_it() {
        let bodies: Vec<&str> = variants(" [one] one pod deleted *[other] {count} pods deleted ")
            .map(|v| v.body)
            .collect();
        assert_eq!(bodies, ["one pod deleted", "{count} pods deleted"]);
    }

    #[test]
    fn templates_read_as_pieces() {
        let all = |t| pieces(t).collect::<Vec<_>>();
        let p = |name, written| Piece::Param { name, written };
        assert_eq!(
            all("Pod {name} in {{ns}} }x{ r#type }{0}{open"),
            [
                Piece::Text("Pod "),
                p("name", "{name}"),
                Piece::Text(" in "),
                Piece::Text("{"),
                Piece::Text("ns"),
                Piece::Text("}"),
                Piece::Text(" "),
                Piece::Stray("}"),
                Piece::Text("x"),
                p("type", "{ r#type }"),
                p("0", "{0}"),
                Piece::Stray("{open"),
            ]
        );
        assert!(all("").is_empty());
        assert_eq!(all("[a] *b*"), [Piece::Text("[a] *b*")]);
    }

    #[test]
    fn selects_read_as_variants() {
        let template = "{count ->[one]one pod*[other]{count} pods [[x]] ** }}} !";
        let all: Vec<_> = pieces(template).collect();
        let Piece::Select {
            name,
            variants: raw,
            written,
        } = all[0]
        else {
            panic!("{all:?}")
        };
        assert_eq!(
            (name, written),
            (
                "count",
                "{count ->[one]one pod*[other]{count} pods [[x]] ** }}}"
            )
        );
        assert_eq!(all[1], Piece::Text(" !"));
        let read: Vec<_> = variants(raw).collect();
        assert_eq!(
            read,
            [
                Variant {
                    key: "one",
                    default: false,
                    body: "one pod"
                },
                Variant {
                    key: "other",
                    default: true,
                    body: "{count} pods [[x]] ** }}"
                },
            ]
        );
        let body: Vec<_> = pieces_of_variant(read[1].body).collect();
        assert_eq!(
            body,
            [
                Piece::Param {
                    name: "count",
                    written: "{count}"
                },
                Piece::Text(" pods "),
                Piece::Text("["),
                Piece::Text("x"),
                Piece::Text("]"),
                Piece::Text(" "),
                Piece::Text("*"),
                Piece::Text(" "),
                Piece::Text("}"),
            ]
        );
        assert_eq!(escape_variant_text("a[b]*{c}"), "a[[b]]**{{c}}");
        // No `->`, or no close: no select.
        assert!(matches!(
            pieces("{a - b}").next(),
            Some(Piece::Param { .. })
        ));
        assert!(matches!(pieces("{a ->[x]y").next(), Some(Piece::Stray(_))));
    }

    /// Any text reads as pieces, and a select's variants as variants,
    /// without a panic: the grammar slices only at ASCII specials.
    #[test]
    fn any_text_reads_without_a_panic() {
        const ALPHABET: &[&str] = &[
            "{", "}", "[", "]", "*", "-", ">", " ", "a", "0", "é", "名", "r#", "->",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut text = String::new();
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            for _ in 0..(state >> 60) + 4 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                let at = usize::try_from(state >> 33).unwrap_or(0) % ALPHABET.len();
                text.push_str(ALPHABET[at]);
            }
            for piece in pieces(&text) {
                if let Piece::Select { variants: raw, .. } = piece {
                    for variant in variants(raw) {
                        let _ = pieces_of_variant(variant.body).count();
                    }
                }
            }
        }
    }
}
