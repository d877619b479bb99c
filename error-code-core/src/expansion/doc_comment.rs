//! Reading a doc comment as rustdoc shows it: the first paragraph is the
//! message, the rest the explanation. One reader for both sides: the
//! derive reads a doc of string literals with it (its `src/doc_comment.rs`
//! is a link to this file), and the runtime reads in const evaluation the
//! docs the derive cannot (`#[doc = concat!(...)]`, `#[doc = include_str!(...)]`).
//!
//! The rules, CommonMark's blocks as rustdoc renders them:
//! - the message is the first paragraph, its lines trimmed and joined by
//!   spaces; a heading first (`# Title`, or a line underlined by `===` or
//!   `---`) is the message without its marks;
//! - before it, the blocks that show no paragraph are left out: thematic
//!   breaks (`---`, `***`), link reference definitions (`[a]: https://…`),
//!   HTML comments and fenced code blocks;
//! - in it, a block quote's `>` and a list item's marker (`-`, `*`, `+`,
//!   `1.`) are left out, as is a hard break's `\` at a line's end; a
//!   heading, a fence, a thematic break or an HTML comment ends it;
//! - the rest, from the first non-blank line after the message, with the
//!   common indentation removed, is the explanation;
//! - a block comment's leading `*` on each line is dropped.

/// A writer that counts every byte and keeps those that fit in `buf`.
struct Out<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl Out<'_> {
    #[inline]
    const fn bytes(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            if self.len < self.buf.len() {
                self.buf[self.len] = bytes[i];
            }
            self.len += 1;
            i += 1;
        }
    }
}

/// A position in the doc: the part, and the byte where the next line
/// starts; and the indentation every line has, which rustdoc removes.
#[derive(Clone, Copy)]
struct Cursor {
    part: usize,
    pos: usize,
    starred: bool,
    base: usize,
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
            let cut = if lead(line) < at.base {
                lead(line)
            } else {
                at.base
            };
            line = sub(line, cut, line.len());
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
pub(crate) const fn lead(line: &[u8]) -> usize {
    let mut i = 0;
    while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
        i += 1;
    }
    i
}

/// The text of an ATX heading (`# Title`, `## Title ##`, and `#` alone,
/// an empty one); `None` for any other line.
#[inline]
const fn heading(line: &[u8]) -> Option<&[u8]> {
    // Four blanks more than the doc's own make it code.
    if lead(line) > 3 {
        return None;
    }
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
    Some(title)
}

/// Whether a line underlines the paragraph above it as a setext heading
/// (`===`, `---`).
#[inline]
pub(crate) const fn underline(line: &[u8]) -> bool {
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

/// The number of marks (`` ` `` or `~`, three or more) that open a fenced
/// code block on `line`, and the mark; `(0, 0)` for any other line.
#[inline]
pub(crate) const fn fence(line: &[u8]) -> (usize, u8) {
    let at = lead(line);
    if at > 3 || at >= line.len() || (line[at] != b'`' && line[at] != b'~') {
        return (0, 0);
    }
    let mark = line[at];
    let mut end = at;
    while end < line.len() && line[end] == mark {
        end += 1;
    }
    if end - at < 3 {
        return (0, 0);
    }
    // A backtick fence's info string has no backtick.
    let mut i = end;
    while mark == b'`' && i < line.len() {
        if line[i] == b'`' {
            return (0, 0);
        }
        i += 1;
    }
    (end - at, mark)
}

/// Whether `line` closes a fence of `count` marks `mark`.
#[inline]
pub(crate) const fn closes(line: &[u8], (count, mark): (usize, u8)) -> bool {
    let line = line.trim_ascii();
    let mut i = 0;
    while i < line.len() && line[i] == mark {
        i += 1;
    }
    i >= count && i == line.len()
}

/// Whether `line` is a thematic break: three or more `-`, `*` or `_`, and
/// blanks between them.
#[inline]
pub(crate) const fn thematic(line: &[u8]) -> bool {
    if lead(line) > 3 {
        return false;
    }
    let line = line.trim_ascii();
    if line.is_empty() {
        return false;
    }
    let mark = line[0];
    if mark != b'-' && mark != b'*' && mark != b'_' {
        return false;
    }
    let (mut i, mut marks) = (0, 0);
    while i < line.len() {
        if line[i] == mark {
            marks += 1;
        } else if line[i] != b' ' && line[i] != b'\t' {
            return false;
        }
        i += 1;
    }
    marks >= 3
}

/// Whether `line` is a link reference definition (`[label]: …`, a
/// footnote's `[^1]: …` too), which rustdoc does not show.
#[inline]
pub(crate) const fn reference(line: &[u8]) -> bool {
    if lead(line) > 3 {
        return false;
    }
    let line = line.trim_ascii_start();
    if line.is_empty() || line[0] != b'[' {
        return false;
    }
    let mut i = 1;
    while i < line.len() && line[i] != b']' && line[i] != b'[' {
        i += 1;
    }
    i > 1 && i + 1 < line.len() && line[i] == b']' && line[i + 1] == b':'
}

/// The list item marker `line` starts with (`- `, `* `, `+ `, `3. `,
/// `3) `): its width with its blank, and an ordered item's number;
/// `(0, None)` for none.
#[inline]
pub(crate) const fn marker(line: &[u8]) -> (usize, Option<u64>) {
    if let [b'-' | b'*' | b'+', b' ' | b'\t', ..] = line {
        return (2, None);
    }
    let (mut digits, mut number) = (0, 0);
    while digits < line.len() && digits < 9 && line[digits].is_ascii_digit() {
        number = number * 10 + (line[digits] - b'0') as u64;
        digits += 1;
    }
    if digits > 0
        && digits + 1 < line.len()
        && (line[digits] == b'.' || line[digits] == b')')
        && (line[digits + 1] == b' ' || line[digits + 1] == b'\t')
    {
        return (digits + 2, Some(number));
    }
    (0, None)
}

/// Whether `line` opens an HTML comment (`<!--`).
#[inline]
const fn comment(line: &[u8]) -> bool {
    lead(line) <= 3 && matches!(line.trim_ascii_start(), [b'<', b'!', b'-', b'-', ..])
}

/// Whether `line` holds `-->`, after its first `from` bytes.
#[inline]
const fn comment_ends(line: &[u8], from: usize) -> bool {
    let mut i = from;
    while i + 2 < line.len() {
        if line[i] == b'-' && line[i + 1] == b'-' && line[i + 2] == b'>' {
            return true;
        }
        i += 1;
    }
    false
}

/// The cursor after the block that `line` opens, where it is one rustdoc
/// shows no paragraph of (a thematic break, an empty heading, a link
/// reference definition, an HTML comment, a fenced code block); `None`
/// for any other line.
#[inline]
const fn skipped(parts: &[&str], line: &[u8], after: Cursor) -> Option<Cursor> {
    // An empty heading shows no text.
    if thematic(line) || reference(line) || matches!(heading(line), Some([])) {
        return Some(after);
    }
    if lead(line) >= 4 {
        // Indented code: its lines, and the blank ones between them.
        let mut at = after;
        while let Some((l, next_at)) = next(parts, at) {
            if !blank(l) && lead(l) < 4 {
                break;
            }
            at = next_at;
        }
        return Some(at);
    }
    let fenced = fence(line);
    if fenced.0 == 0 && !comment(line) {
        return None;
    }
    if fenced.0 == 0 && comment_ends(line, lead(line) + 4) {
        return Some(after);
    }
    // The block runs to the line that closes it, or to the doc's end.
    let mut at = after;
    while let Some((l, next_at)) = next(parts, at) {
        at = next_at;
        if (fenced.0 > 0 && closes(l, fenced)) || (fenced.0 == 0 && comment_ends(l, 0)) {
            break;
        }
    }
    Some(at)
}

/// Whether `line` ends the paragraph above it (a heading, a fence, a
/// thematic break or an HTML comment interrupts a paragraph).
#[inline]
pub(crate) const fn interrupts(line: &[u8]) -> bool {
    heading(line).is_some() || fence(line).0 > 0 || thematic(line) || comment(line)
}

/// A paragraph's line as rustdoc shows its text: trimmed, without a block
/// quote's `>`s or a list item's marker (an ordered one only first, or
/// numbered 1, as a list that interrupts a paragraph is).
#[inline]
const fn shown(line: &[u8], first: bool) -> &[u8] {
    let mut line = line.trim_ascii();
    loop {
        match line {
            [b'>', rest @ ..] => line = rest.trim_ascii_start(),
            _ => match marker(line) {
                (0, _) => break,
                (width, None) => line = sub(line, width, line.len()).trim_ascii_start(),
                // An ordered item only first, or numbered 1.
                (width, Some(start)) => {
                    if first || start == 1 {
                        line = sub(line, width, line.len()).trim_ascii_start();
                    }
                    break;
                }
            },
        }
    }
    // A heading in a quote or an item: its text.
    match heading(line) {
        Some(title) => title,
        None => line,
    }
}

const START: Cursor = Cursor {
    part: 0,
    pos: 0,
    starred: false,
    base: 0,
};

/// The start of the doc, where every line's common indentation is cut,
/// as rustdoc cuts it: what is indented beyond it is.
#[inline]
const fn start(parts: &[&str]) -> Cursor {
    let mut base = usize::MAX;
    let mut at = START;
    while let Some((line, after)) = next(parts, at) {
        if !blank(line) && lead(line) < base {
            base = lead(line);
        }
        at = after;
    }
    Cursor {
        base: if base == usize::MAX { 0 } else { base },
        ..START
    }
}

/// Writes the first paragraph (`explanation == false`) or the rest of the
/// doc made of `parts`, one per doc attribute, into `buf` as far as it
/// fits; gives the text's whole length.
#[must_use]
#[inline]
pub const fn write_into(parts: &[&str], explanation: bool, buf: &mut [u8]) -> usize {
    let mut out = Out { buf, len: 0 };
    let begin = start(parts);
    let mut at = begin;
    // Blank lines and blocks that show no paragraph, before the first one.
    let mut line = next(parts, at);
    while let Some((l, after)) = line {
        if blank(l) {
            at = after;
        } else if let Some(past) = skipped(parts, l, after) {
            at = past;
        } else {
            break;
        }
        line = next(parts, at);
    }
    // Where the first paragraph starts: the link reference definitions
    // before it go to the explanation's end, for its links.
    let first = at;
    // The first paragraph; a heading first is a block of its own line.
    if let Some((l, after)) = line
        && let Some(title) = heading(l)
    {
        if !explanation {
            out.bytes(title);
        }
        at = after;
        line = next(parts, at);
    } else {
        let mut first = true;
        // A hard break's `\` ending the line written last.
        let mut hard = false;
        while let Some((l, after)) = line {
            if blank(l) || (!first && (interrupts(l) && !underline(l))) {
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
                    out.bytes(b" ");
                }
                let text = shown(l, first);
                hard = text.len() > 1
                    && text[text.len() - 1] == b'\\'
                    && text[text.len() - 2] != b'\\';
                out.bytes(if hard {
                    sub(text, 0, text.len() - 1).trim_ascii_end()
                } else {
                    text
                });
            }
            first = false;
            at = after;
            line = next(parts, at);
        }
        // A `\` at the paragraph's end is no break: it is shown.
        if hard {
            out.bytes(b"\\");
        }
    }
    if !explanation {
        return out.len;
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
                out.bytes(b"\n");
            }
            while pending > 0 {
                out.bytes(b"\n");
                pending -= 1;
            }
            let cut = if lead(l) < indent { lead(l) } else { indent };
            out.bytes(sub(l, cut, l.len()).trim_ascii_end());
            started = true;
        }
        line = next(parts, after);
    }
    let mut at = begin;
    let mut shown = false;
    while at.part < first.part || (at.part == first.part && at.pos < first.pos) {
        let Some((l, after)) = next(parts, at) else {
            break;
        };
        if reference(l) {
            if started {
                out.bytes(if shown { b"\n" } else { b"\n\n" });
            }
            out.bytes(l.trim_ascii());
            started = true;
            shown = true;
        }
        at = after;
    }
    out.len
}

/// [`write_into`] a buffer of `N` bytes: the buffer and the text's length.
#[must_use]
#[inline]
pub const fn write<const N: usize>(parts: &[&str], explanation: bool) -> ([u8; N], usize) {
    let mut buf = [0; N];
    let len = write_into(parts, explanation, &mut buf);
    (buf, len)
}

/// The length of [`write`]'s text.
#[must_use]
#[inline]
pub const fn len(parts: &[&str], explanation: bool) -> usize {
    write_into(parts, explanation, &mut [])
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
        // One line is no block comment: its `*` is its own.
        assert_eq!(read(&["*Emphasis* first"], false), "*Emphasis* first");
    }

    #[test]
    fn empty_doc_gives_the_fallback() {
        assert_eq!(len(&[], false), 0);
        assert_eq!(text(&[], "Name"), "Name");
        assert_eq!(text(b"x", "Name"), "x");
    }

    #[test]
    fn blocks_without_a_paragraph_are_left_out() {
        let doc = |lines: &[&str]| (read(lines, false), read(lines, true));
        let rule = doc(&[" ---", "", " After rule", "", " More."]);
        assert_eq!(rule, ("After rule".to_owned(), "More.".to_owned()));
        assert_eq!(doc(&[" * * *", " After"]).0, "After");
        // An empty heading, as CommonMark has `#` alone: no text, and it
        // ends a paragraph as any heading does.
        assert_eq!(
            doc(&[" #", " After", " ##", " More"]),
            ("After".to_owned(), "##\nMore".to_owned())
        );
        assert_eq!(
            doc(&[
                " [ref]: https://example.com",
                " [^1]: a note",
                "",
                " After ref"
            ])
            .0,
            "After ref"
        );
        assert_eq!(
            doc(&[" <!-- an html comment -->", " Visible text"]).0,
            "Visible text"
        );
        assert_eq!(doc(&[" <!-- two", " lines -->", "", " Shown"]).0, "Shown");
        let code = doc(&[" ```", " code first", " ```", "", " para", "", " rest"]);
        assert_eq!(code, ("para".to_owned(), "rest".to_owned()));
        assert_eq!(doc(&[" ~~~~rust", " ~~~", " ~~~~", " para"]).0, "para");
        // An unclosed fence runs to the end: no paragraph.
        assert_eq!(doc(&[" ```", " all code"]).0, "");
        // No definition: `[a]` without `:`, a `[]` label.
        assert_eq!(doc(&[" [a] b"]).0, "[a] b");
        assert_eq!(doc(&[" []: b"]).0, "[]: b");
    }

    #[test]
    fn marks_of_quotes_lists_and_breaks_are_left_out() {
        let first = |lines: &[&str]| read(lines, false);
        assert_eq!(
            first(&[" > quoted first", " > and on"]),
            "quoted first and on"
        );
        assert_eq!(
            first(&[" - list item first", " - second item"]),
            "list item first second item"
        );
        assert_eq!(first(&[" 3. third", " 4. fourth"]), "third 4. fourth");
        assert_eq!(first(&[" Hard break\\", " next"]), "Hard break next");
        assert_eq!(first(&[" Ends in a backslash\\"]), "Ends in a backslash\\");
        assert_eq!(first(&[" Escaped \\\\", " next"]), "Escaped \\\\ next");
        assert_eq!(
            first(&["\n * Some star\n no star line\n "]),
            "Some star no star line"
        );
        assert_eq!(first(&[" -5 pods", " +1"]), "-5 pods +1");
    }

    #[test]
    fn definitions_before_the_message_stay_for_the_explanation() {
        let doc = [
            " [rfc]: https://e.example/rfc \"The RFC\"",
            "",
            " Msg",
            "",
            " See [the RFC][rfc].",
        ];
        assert_eq!(read(&doc, false), "Msg");
        assert_eq!(
            read(&doc, true),
            "See [the RFC][rfc].\n\n[rfc]: https://e.example/rfc \"The RFC\""
        );
        assert_eq!(
            read(&[" [a]: /a", " [b]: /b", " Msg"], true),
            "[a]: /a\n[b]: /b"
        );
        assert_eq!(read(&[" > # Quoted heading"], false), "Quoted heading");
        assert_eq!(read(&[" - # In an item"], false), "In an item");
    }

    #[test]
    fn blocks_are_read_past_the_common_indentation() {
        assert_eq!(read(&["    ---\n    Msg e"], false), "Msg e");
        assert_eq!(read(&["\n     * ---\n     * Msg\n     "], false), "Msg");
        let code = [
            " Not a message:",
            "",
            "     indented code",
            "",
            " Msg after",
        ];
        assert_eq!(read(&code[2..], false), "Msg after");
        assert_eq!(read(&code, false), "Not a message:");
        assert_eq!(read(&code, true), "    indented code\n\nMsg after");
        assert_eq!(read(&["     Indented alone"], false), "Indented alone");
        assert_eq!(read(&[" \tTab indented"], false), "Tab indented");
    }

    #[test]
    fn a_block_ends_the_first_paragraph() {
        let doc = |lines: &[&str]| (read(lines, false), read(lines, true));
        let heading = doc(&[" Not found", " # Fix", " Retry."]);
        assert_eq!(
            heading,
            ("Not found".to_owned(), "# Fix\nRetry.".to_owned())
        );
        assert_eq!(doc(&[" Not found", " ```", " x", " ```"]).1, "```\nx\n```");
        assert_eq!(doc(&[" Not found", " ***"]).0, "Not found");
        // `---` under a line is its underline: a heading.
        assert_eq!(doc(&[" Not found", " ---", " More"]).1, "More");
    }
}
