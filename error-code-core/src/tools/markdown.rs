//! The block rules of Markdown (CommonMark) that the error document and the
//! error index both read an explanation by: which line is a heading, which
//! opens or closes fenced code, which is indented code. One home, so that
//! the document and the index agree on what an explanation's lines are;
//! where a rule is the doc comment reader's too (a fence, a thematic break,
//! a heading's underline), it is that reader's (`expansion::doc_comment`).

/// The ATX heading `line` is, where it is one: its level and text, the
/// closing `#`s left out. Up to 3 spaces, 1 to 6 `#`, then a blank or the
/// line's end (`#hashtag` is text).
#[inline]
pub(crate) fn heading(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let level = trimmed.bytes().take_while(|&b| b == b'#').count();
    let rest = &trimmed[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim();
    // A closing sequence is a run of `#` after a blank (or all there is).
    let stem = text.trim_end_matches('#');
    let text = if stem.is_empty() || stem.ends_with([' ', '\t']) {
        stem.trim_end()
    } else {
        text
    };
    Some((level, text))
}

/// The fence `line` opens fenced code with, where it does: a run of three
/// or more backticks or tildes after up to 3 spaces (``` ```rust ```,
/// `~~~~`).
#[inline]
pub(crate) fn fence(line: &str) -> Option<&str> {
    // The rule doc comments are read by, to the marks' place.
    let (len, _) = crate::expansion::doc_comment::fence(line.as_bytes());
    let trimmed = line.trim_start_matches([' ', '\t']);
    (len > 0).then(|| &trimmed[..len])
}

/// Whether `line` closes the fenced code `open` opened: the same character,
/// at least as many, and nothing after them but blanks.
#[inline]
pub(crate) fn closes(line: &str, open: &str) -> bool {
    // The doc comment reader's rule, up to three blanks before the marks.
    let Some(&mark) = open.as_bytes().first() else {
        return false;
    };
    let line = line.as_bytes();
    crate::expansion::doc_comment::lead(line) <= 3
        && crate::expansion::doc_comment::closes(line, (open.len(), mark))
}

/// Whether `line` is a line of indented code (four spaces or more, or a
/// tab) where a paragraph does not go on.
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
#[inline]
pub(crate) fn indented(line: &str) -> bool {
    !line.trim().is_empty() && (line.starts_with("    ") || line.starts_with('\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_fences_and_indented_code_are_read_as_commonmark_reads_them() {
        assert_eq!(heading("## Fix ##"), Some((2, "Fix")));
        assert_eq!(heading("# C#"), Some((1, "C#")));
        assert_eq!(heading("   ###"), Some((3, "")));
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("####### seven"), None);
        assert_eq!(heading("    # code"), None);
        assert_eq!(fence("```rust"), Some("```"));
        assert_eq!(fence("  ~~~~"), Some("~~~~"));
        assert_eq!(fence("``not`"), None);
        assert_eq!(fence("``` a`b"), None);
        assert!(closes("````", "````") && closes("`````  ", "````"));
        assert!(!closes("```", "````") && !closes("~~~", "```") && !closes("``` x", "```"));
        assert!(
            indented("    # code") && indented("\tx") && !indented("   x") && !indented("    ")
        );
    }
}
