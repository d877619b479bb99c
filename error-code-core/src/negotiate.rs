//! Which language an answer speaks: RFC 4647 lookup of a language tag, and
//! the negotiation of an `Accept-Language` list, over a code's or a
//! category's `(tag, text)` translations.

/// A text in a language: `(tag, text)`.
pub(crate) type Tagged = (&'static str, &'static str);

/// RFC 4647 lookup of one language range: the tag, then the tag with its
/// last subtag removed (and a single-letter subtag left before it), and so
/// on down to the primary language; among the translations `texts` and the
/// untagged text `source` in its language, where that is known; a tag of
/// `refused` (`q=0` in the request) is passed over. Gives the tag and the
/// text.
pub(crate) fn lookup_in(
    source: Option<Tagged>,
    texts: &'static [Tagged],
    range: &str,
    refused: &[&str],
) -> Option<Tagged> {
    let mut tag = ows(range);
    if (texts.is_empty() && source.is_none()) || tag.is_empty() || tag == "*" {
        return None;
    }
    let same = |t: &str, tag: &str| {
        t.len() == tag.len() && t.bytes().zip(tag.bytes()).all(|(a, b)| same_byte(a, b))
    };
    loop {
        if !refused.iter().any(|r| same(r, tag))
            && let Some(found) = texts
                .iter()
                .chain(source.as_ref())
                .find(|(t, _)| same(t, tag))
        {
            return Some(*found);
        }
        let cut = tag.rfind(['-', '_'])?;
        tag = &tag[..cut];
        // A singleton (`x` in `en-x-private`) goes with the subtag after it.
        if let Some(before) = tag.rfind(['-', '_'])
            && tag.len() - before == 2
        {
            tag = &tag[..before];
        }
    }
}

/// The text for an `Accept-Language` value (or a single tag): the ranges
/// in descending `q` (ties in the order given; `*` skipped), each looked up
/// with [`lookup_in`] among `texts` and `source`, a language refused
/// (`q=0`) passed over where a range is cut down to it (`en-US;q=0.5,
/// en;q=0` finds no `en`). The first 32
/// ranges are read (browsers send a handful; a longer list is cut, not a
/// denial of service). Gives the tag and the text.
pub(crate) fn negotiate_in(
    source: Option<Tagged>,
    texts: &'static [Tagged],
    accept: &str,
) -> Option<Tagged> {
    if texts.is_empty() && source.is_none() {
        return None;
    }
    // On the stack: answering an error allocates nothing.
    let mut ranges: [(&str, u16); 32] = [("", 0); 32];
    let mut refused: [&str; 32] = [""; 32];
    let (mut n, mut r) = (0, 0);
    for part in accept.split(',').take(32) {
        let (range, q) = weighted(part);
        if range.is_empty() || range == "*" {
            continue;
        }
        if q > 0 {
            ranges[n] = (range, q);
            n += 1;
        } else {
            refused[r] = range;
            r += 1;
        }
    }
    let refused = &refused[..r];
    let ranges = &mut ranges[..n];
    // Insertion sort: stable (equal weights keep the order given) and
    // without the buffer a library sort may allocate.
    for i in 1..ranges.len() {
        let mut j = i;
        while j > 0 && ranges[j - 1].1 < ranges[j].1 {
            ranges.swap(j - 1, j);
            j -= 1;
        }
    }
    ranges
        .iter()
        .find_map(|(range, _)| lookup_in(source, texts, range, refused))
}

/// An `Accept-Language` list with `tag` first, a language the request
/// chose by name (the error index's `?lang=`): `tag`, then `accept`'s
/// ranges but those that refuse (`q=0`) `tag` or a language its lookup
/// passes through (`fr;q=0` refuses `fr-FR`'s `fr`), which would overrule
/// the choice.
#[cfg(all(feature = "tools", feature = "axum"))]
pub(crate) fn chosen_first(tag: &str, accept: &str) -> String {
    let mut out = String::with_capacity(tag.len() + accept.len() + 2);
    out.push_str(tag);
    for part in accept.split(',') {
        let (range, q) = weighted(part);
        let on_the_way = tag.len() >= range.len()
            && tag.bytes().zip(range.bytes()).all(|(a, b)| same_byte(a, b))
            && matches!(tag.as_bytes().get(range.len()), None | Some(b'-' | b'_'));
        if q == 0 && !range.is_empty() && on_the_way {
            continue;
        }
        out.push_str(", ");
        out.push_str(ows(part));
    }
    out
}

/// Whether two bytes of language tags are the same: letters in any case,
/// and `_` read as `-` (`en_US` is `en-US`). The one rule of comparing
/// tags, for a lookup and for `?lang=` beside a header.
fn same_byte(a: u8, b: u8) -> bool {
    a.eq_ignore_ascii_case(&b) || matches!((a, b), (b'-' | b'_', b'-' | b'_'))
}

/// One element of a weighted list (`Accept-Language`, `Accept`): its value
/// and its `q` in thousandths, 1000 where it gives none (the first
/// parameter named `q`, any case, that has a value).
pub(crate) fn weighted(part: &str) -> (&str, u16) {
    let mut pieces = part.split(';');
    let value = ows(pieces.next().unwrap_or_default());
    let q = pieces
        .find_map(|p| {
            let (key, value) = p.split_once('=')?;
            ows(key).eq_ignore_ascii_case("q").then_some(value)
        })
        .map_or(1000, q_milli);
    (value, q)
}

/// `text` without the spaces and tabs around it (HTTP's optional white
/// space; no other character is trimmed, so every client trims alike).
pub(crate) fn ows(text: &str) -> &str {
    text.trim_matches([' ', '\t'])
}

/// A `q` value in thousandths, read as RFC 9110 writes it (`0.8`, `1`,
/// `0.125`), exactly: digits, an optional `.` and digits; a fourth decimal
/// and beyond is cut, a value above 1 is 1, anything else (`x`, `-1`,
/// `1e-1`, empty) is 0. In decimal, not a float, so that every client
/// reads a header's weights alike.
pub(crate) fn q_milli(text: &str) -> u16 {
    let text = ows(text);
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return 0;
    }
    if whole.bytes().any(|b| b != b'0') {
        return 1000;
    }
    let mut milli = 0;
    for place in 0..3 {
        let digit = fraction
            .as_bytes()
            .get(place)
            .map_or(0, |b| u16::from(b - b'0'));
        milli = milli * 10 + digit;
    }
    milli
}

/// The text of `texts`, or of `source` in its language, for `locale`
/// ([`negotiate_in`]).
pub(crate) fn translate(
    source: Option<Tagged>,
    texts: &'static [Tagged],
    locale: &str,
) -> Option<&'static str> {
    negotiate_in(source, texts, locale).map(|(_, text)| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text [`lookup_in`] finds among translations alone.
    fn lookup(texts: &'static [Tagged], range: &str) -> Option<&'static str> {
        lookup_in(None, texts, range, &[]).map(|(_, text)| text)
    }

    /// The text [`negotiate_in`] finds among translations alone.
    fn negotiate(texts: &'static [Tagged], accept: &str) -> Option<&'static str> {
        negotiate_in(None, texts, accept).map(|(_, text)| text)
    }

    const TEXTS: &[(&str, &str)] = &[
        ("zh-Hant", "找不到"),
        ("zh", "找不到 (简)"),
        ("en", "not found"),
    ];

    #[test]
    fn the_untagged_text_competes_in_its_language() {
        let en: &[Tagged] = &[("en", "not found")];
        // A Chinese browser's default: Chinese first, English after.
        let chinese = "zh-CN,zh;q=0.9,en;q=0.8";
        assert_eq!(negotiate(en, chinese), Some("not found"));
        assert_eq!(
            negotiate_in(Some(("zh", "找不到")), en, chinese),
            Some(("zh", "找不到"))
        );
        assert_eq!(
            negotiate_in(Some(("zh", "找不到")), en, "en-US"),
            Some(("en", "not found"))
        );
        assert_eq!(negotiate_in(Some(("zh", "找不到")), &[], "fr"), None);
    }

    #[test]
    fn lookup_truncates_the_range() {
        assert_eq!(lookup(TEXTS, "zh-Hant-TW"), Some("找不到"));
        assert_eq!(lookup(TEXTS, "ZH-hant"), Some("找不到"));
        assert_eq!(lookup(TEXTS, "zh_Hant_TW"), Some("找不到"));
        assert_eq!(lookup(TEXTS, "zh-CN"), Some("找不到 (简)"));
        assert_eq!(lookup(TEXTS, "en-x-private"), Some("not found"));
        assert_eq!(lookup(TEXTS, "fr"), None);
        assert_eq!(lookup(TEXTS, "*"), None);
    }

    #[test]
    fn negotiation_reads_the_whole_list_in_q_order() {
        assert_eq!(
            negotiate(TEXTS, "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5"),
            Some("not found")
        );
        assert_eq!(negotiate(TEXTS, "en;q=0.5, zh-Hant-TW"), Some("找不到"));
        assert_eq!(negotiate(TEXTS, "de, en;q=0"), None);
        // A language refused is not reached by cutting a range down to it.
        assert_eq!(negotiate(TEXTS, "en-US;q=0.5, en;q=0"), None);
        assert_eq!(negotiate(TEXTS, "zh-TW, ZH_tw;q=0, zh;q=0"), None);
        assert_eq!(
            negotiate(TEXTS, "zh-Hant-TW, zh-hant;q=0, en;q=0.1"),
            Some("找不到 (简)")
        );
        assert_eq!(negotiate(TEXTS, "de;q=abc, en;q=0.1"), Some("not found"));
        assert_eq!(negotiate(TEXTS, "de;q=NaN, en;q=0.1"), Some("not found"));
        assert_eq!(
            negotiate(TEXTS, "en; q = 0.5, zh-Hant;q=0.9"),
            Some("找不到")
        );
        assert_eq!(negotiate(TEXTS, ""), None);
        assert_eq!(negotiate(TEXTS, ",,;;q=,"), None);
    }
}
