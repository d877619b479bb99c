//! Reading a doc comment in const evaluation, for docs the derive cannot
//! read itself (`#[doc = concat!(...)]`, `#[doc = include_str!(...)]`).
//!
//! The rules are the derive's own (`attr::doc_text`): the first paragraph,
//! lines trimmed and joined by spaces, is the message; the rest, with the
//! common indentation removed, is the explanation; a block comment's leading
//! `*` on each line is dropped; a heading first is the message without its
//! marks.

/// A writer that counts every byte and keeps the first `N`.
struct Out<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Out<N> {
    #[inline]
    const fn bytes(mut self, bytes: &[u8]) -> Self {
        let mut i = 0;
        while i < bytes.len() {
            if self.len < N {
                self.buf[self.len] = bytes[i];
            }
            self.len += 1;
            i += 1;
        }
        self
    }
}

/// A position in the doc: the part, and the byte where the next line starts.
#[derive(Clone, Copy)]
struct Cursor {
    part: usize,
    pos: usize,
    starred: bool,
}

#[inline]
const fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace()
}

#[inline]
const fn sub(bytes: &[u8], start: usize, end: usize) -> &[u8] {
    bytes.split_at(end).0.split_at(start).1
}

/// Whether every line after the first non-blank... of `part` starts with
/// `*` (after spaces), as in a block comment.
#[inline]
const fn starred(part: &[u8]) -> bool {
    let mut has_newline = false;
    let mut i = 0;
    while i < part.len() {
        if part[i] == b'\n' {
            has_newline = true;
            let mut j = i + 1;
            while j < part.len() && part[j] != b'\n' && is_space(part[j]) {
                j += 1;
            }
            if j < part.len() && part[j] != b'\n' && part[j] != b'*' {
                return false;
            }
        }
        i += 1;
    }
    has_newline
}

/// The next line, as the derive sees it, and the cursor after it.
#[inline]
const fn next<'a>(parts: &[&'a str], mut at: Cursor) -> Option<(&'a [u8], Cursor)> {
    while at.part < parts.len() {
        let part = parts[at.part].as_bytes();
        if at.pos <= part.len() {
            if at.pos == 0 {
                at.starred = starred(part);
            }
            let mut end = at.pos;
            while end < part.len() && part[end] != b'\n' {
                end += 1;
            }
            let mut line = sub(part, at.pos, end);
            if at.starred {
                line = line.trim_ascii_start();
                if let [b'*', rest @ ..] = line {
                    line = rest;
                }
            }
            at.pos = end + 1;
            return Some((line, at));
        }
        at.part += 1;
        at.pos = 0;
    }
    None
}

#[inline]
const fn blank(line: &[u8]) -> bool {
    line.trim_ascii().is_empty()
}

#[inline]
const fn lead(line: &[u8]) -> usize {
    let mut i = 0;
    while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
        i += 1;
    }
    i
}

/// The text of an ATX heading (`# Title`, `## Title ##`), as the
/// derive's `heading` reads it; `None` for any other line.
#[inline]
const fn heading(line: &[u8]) -> Option<&[u8]> {
    let line = line.trim_ascii();
    let mut level = 0;
    while level < line.len() && line[level] == b'#' {
        level += 1;
    }
    if level == 0
        || level > 6
        || (level < line.len() && line[level] != b' ' && line[level] != b'\t')
    {
        return None;
    }
    let rest = sub(line, level, line.len()).trim_ascii();
    // An optional closing sequence of `#`, after a blank.
    let mut open = rest.len();
    while open > 0 && rest[open - 1] == b'#' {
        open -= 1;
    }
    let title = if open == 0 || rest[open - 1] == b' ' || rest[open - 1] == b'\t' {
        sub(rest, 0, open).trim_ascii_end()
    } else {
        rest
    };
    if title.is_empty() { None } else { Some(title) }
}

/// Whether a line underlines the paragraph above it as a setext heading
/// (`===`, `---`).
#[inline]
const fn underline(line: &[u8]) -> bool {
    let line = line.trim_ascii();
    if line.is_empty() || (line[0] != b'=' && line[0] != b'-') {
        return false;
    }
    let mut i = 0;
    while i < line.len() {
        if line[i] != line[0] {
            return false;
        }
        i += 1;
    }
    true
}

const START: Cursor = Cursor {
    part: 0,
    pos: 0,
    starred: false,
};

/// The first paragraph (`explanation == false`) or the rest of the doc made
/// of `parts`, one per doc attribute, in a buffer of `N` bytes, and its
/// whole length.
#[must_use]
#[inline]
pub const fn write<const N: usize>(parts: &[&str], explanation: bool) -> ([u8; N], usize) {
    let mut out = Out::<N> {
        buf: [0; N],
        len: 0,
    };
    let mut at = START;
    // Blank lines before the first paragraph.
    let mut line = next(parts, at);
    while let Some((l, after)) = line {
        if !blank(l) {
            break;
        }
        at = after;
        line = next(parts, at);
    }
    // The first paragraph; a heading first is a block of its own line.
    if let Some((l, after)) = line
        && let Some(title) = heading(l)
    {
        if !explanation {
            out = out.bytes(title);
        }
        at = after;
        line = next(parts, at);
    } else {
        let mut first = true;
        while let Some((l, after)) = line {
            if blank(l) {
                break;
            }
            if !first && underline(l) {
                // A setext heading: the lines above its underline.
                at = after;
                line = next(parts, at);
                break;
            }
            if !explanation {
                if !first {
                    out = out.bytes(b" ");
                }
                out = out.bytes(l.trim_ascii());
            }
            first = false;
            at = after;
            line = next(parts, at);
        }
    }
    if !explanation {
        return (out.buf, out.len);
    }
    // Blank lines after it, then the rest: first its common indentation.
    while let Some((l, after)) = line {
        if !blank(l) {
            break;
        }
        at = after;
        line = next(parts, at);
    }
    let body = at;
    let mut indent = usize::MAX;
    while let Some((l, after)) = line {
        if !blank(l) && lead(l) < indent {
            indent = lead(l);
        }
        line = next(parts, after);
    }
    let mut line = next(parts, body);
    let mut started = false;
    let mut pending = 0;
    while let Some((l, after)) = line {
        if blank(l) {
            pending += 1;
        } else {
            if started {
                out = out.bytes(b"\n");
            }
            while pending > 0 {
                out = out.bytes(b"\n");
                pending -= 1;
            }
            let cut = if lead(l) < indent { lead(l) } else { indent };
            out = out.bytes(sub(l, cut, l.len()).trim_ascii_end());
            started = true;
        }
        line = next(parts, after);
    }
    (out.buf, out.len)
}

/// The length of [`write`]'s text.
#[must_use]
#[inline]
pub const fn len(parts: &[&str], explanation: bool) -> usize {
    write::<0>(parts, explanation).1
}

/// The text in `buf`, or `fallback` where it is empty.
#[must_use]
#[inline]
pub const fn text<'a>(buf: &'a [u8], fallback: &'a str) -> &'a str {
    match core::str::from_utf8(buf) {
        Ok(s) if !s.is_empty() => s,
        _ => fallback,
    }
}

/// Whether `text` has a brace that is not doubled: a placeholder, which a
/// message built by a macro cannot have checked.
#[must_use]
pub const fn has_placeholder(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' || bytes[i] == b'}' {
            if i + 1 < bytes.len() && bytes[i + 1] == bytes[i] {
                i += 2;
                continue;
            }
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[inline]
    fn read(parts: &[&str], explanation: bool) -> String {
        let (buf, len) = write::<1024>(parts, explanation);
        String::from_utf8(buf[..len].to_vec()).unwrap()
    }

    #[test]
    fn first_paragraph_and_rest() {
        let parts = [
            " Pod not found",
            " on this node.",
            "",
            " Check the name:",
            "",
            "     kubectl get pods",
            "",
        ];
        assert_eq!(read(&parts, false), "Pod not found on this node.");
        assert_eq!(
            read(&parts, true),
            "Check the name:\n\n    kubectl get pods"
        );
        assert_eq!(len(&parts, false), "Pod not found on this node.".len());
    }

    #[test]
    fn block_comment_stars_are_dropped() {
        let parts = ["\n     * Pod not found\n     * here.\n     *\n     * More.\n     "];
        assert_eq!(read(&parts, false), "Pod not found here.");
        assert_eq!(read(&parts, true), "More.");
        assert_eq!(read(&["* not a list"], false), "* not a list");
    }

    #[test]
    fn empty_doc_gives_the_fallback() {
        assert_eq!(len(&[], false), 0);
        assert_eq!(text(&[], "Name"), "Name");
        assert_eq!(text(b"x", "Name"), "x");
    }
}
