//! The catalog entries the derive builds in const evaluation: an enum's
//! own, from one row per code, and the merge of its parts' catalogs.

use crate::catalog::CodeInfo;
use crate::expansion::check::{Rules, same, same_ignoring_case};

/// One code as the derive writes it: code, name, status, message.
pub type Row = (u32, &'static str, u16, &'static str);

/// The entries of `rows` (sorted by code) of the enum named `owner`, each
/// with its gRPC reason from `reasons` (in the same order; a list beside
/// the rows keeps them short), in the category `rules` gives it, with the
/// enum's `domain`, `url` and `lang` (`""` for none; the language of the
/// untagged messages is the enum's, else its category's).
#[must_use]
#[inline]
pub const fn entries<const N: usize>(
    rows: [Row; N],
    reasons: &[&'static str],
    (owner, rules, domain, url, lang): (
        &'static str,
        &Rules<'static>,
        &'static str,
        &'static str,
        &'static str,
    ),
) -> [CodeInfo; N] {
    let (domain, url, lang) = (non_empty(domain), non_empty(url), non_empty(lang));
    let mut out = [PLACEHOLDER; N];
    let mut i = 0;
    while i < N {
        let (code, name, status, message) = rows[i];
        let reason = if i < reasons.len() { reasons[i] } else { "" };
        let category = rules.category_of(code);
        // The enum's language, else its category's: one value, built in
        // one call (const evaluation copies an entry per call).
        let lang = match (lang, category) {
            (Some(lang), _) => Some(lang),
            (None, Some(category)) => category.lang(),
            (None, None) => None,
        };
        out[i] = CodeInfo::__entry(
            code,
            name,
            reason,
            status_of(status),
            message,
            category,
            owner,
            (domain, url, lang),
        );
        i += 1;
    }
    out
}

#[inline]
const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

/// The status with this number; the derive only passes 400..=599. The
/// statuses with a name are one step each for const evaluation, which runs
/// this once per code (`from_u16` is several calls).
#[must_use]
#[inline]
pub const fn status_of(n: u16) -> http::StatusCode {
    use http::StatusCode as S;
    match n {
        400 => S::BAD_REQUEST,
        401 => S::UNAUTHORIZED,
        402 => S::PAYMENT_REQUIRED,
        403 => S::FORBIDDEN,
        404 => S::NOT_FOUND,
        405 => S::METHOD_NOT_ALLOWED,
        406 => S::NOT_ACCEPTABLE,
        407 => S::PROXY_AUTHENTICATION_REQUIRED,
        408 => S::REQUEST_TIMEOUT,
        409 => S::CONFLICT,
        410 => S::GONE,
        411 => S::LENGTH_REQUIRED,
        412 => S::PRECONDITION_FAILED,
        413 => S::PAYLOAD_TOO_LARGE,
        414 => S::URI_TOO_LONG,
        415 => S::UNSUPPORTED_MEDIA_TYPE,
        416 => S::RANGE_NOT_SATISFIABLE,
        417 => S::EXPECTATION_FAILED,
        418 => S::IM_A_TEAPOT,
        421 => S::MISDIRECTED_REQUEST,
        422 => S::UNPROCESSABLE_ENTITY,
        423 => S::LOCKED,
        424 => S::FAILED_DEPENDENCY,
        425 => S::TOO_EARLY,
        426 => S::UPGRADE_REQUIRED,
        428 => S::PRECONDITION_REQUIRED,
        429 => S::TOO_MANY_REQUESTS,
        431 => S::REQUEST_HEADER_FIELDS_TOO_LARGE,
        451 => S::UNAVAILABLE_FOR_LEGAL_REASONS,
        500 => S::INTERNAL_SERVER_ERROR,
        501 => S::NOT_IMPLEMENTED,
        502 => S::BAD_GATEWAY,
        503 => S::SERVICE_UNAVAILABLE,
        504 => S::GATEWAY_TIMEOUT,
        505 => S::HTTP_VERSION_NOT_SUPPORTED,
        506 => S::VARIANT_ALSO_NEGOTIATES,
        507 => S::INSUFFICIENT_STORAGE,
        508 => S::LOOP_DETECTED,
        510 => S::NOT_EXTENDED,
        511 => S::NETWORK_AUTHENTICATION_REQUIRED,
        _ => match S::from_u16(n) {
            Ok(status) => status,
            Err(_) => S::INTERNAL_SERVER_ERROR,
        },
    }
}

/// `entries` with `domain` and `url` set where given (a composed enum's own
/// win over its parts'), and `lang` where an entry has none.
#[must_use]
#[inline]
#[track_caller]
pub const fn relink<const N: usize>(
    mut entries: [CodeInfo; N],
    domain: Option<&'static str>,
    url: Option<&'static str>,
    lang: Option<&'static str>,
) -> [CodeInfo; N] {
    let mut i = 0;
    while i < N {
        entries[i] = entries[i].__relinked(domain, url, lang);
        i += 1;
    }
    entries
}

/// The parts' entries that have no category given the composing enum's,
/// where its code space has one for their codes: the scheme's domain,
/// links and language then reach them as they reach its own entries, and
/// catalog, document and metrics agree with the check that placed them.
#[must_use]
#[track_caller]
pub const fn categorized<const N: usize>(
    mut entries: [CodeInfo; N],
    rules: &Rules<'static>,
) -> [CodeInfo; N] {
    let mut i = 0;
    while i < N {
        if entries[i].category.is_none()
            && let Some(category) = rules.category_of(entries[i].code())
        {
            entries[i].category = Some(category);
            if entries[i].lang().is_none() {
                entries[i] = entries[i].__lang(category.lang());
                crate::expansion::check::one_text_per_language(&entries[i]);
            }
        }
        i += 1;
    }
    entries
}

/// The slot of `code` in the derive's index `table` (little-endian `u16`
/// slots from code `min`): its position among the enum's fieldless codes
/// plus one, or 0.
#[inline]
#[must_use]
pub fn slot(table: &'static [u8], min: u32, code: u32) -> u16 {
    // Bounded before it is doubled: a far code must not wrap around onto a
    // slot where `usize` is 32 bits.
    let off = code.wrapping_sub(min) as usize;
    if off >= table.len() / 2 {
        return 0;
    }
    match (table.get(2 * off), table.get(2 * off + 1)) {
        (Some(&lo), Some(&hi)) => u16::from_le_bytes([lo, hi]),
        _ => 0,
    }
}

/// Whether `code` lies between the first and last code of sorted `entries`.
#[inline]
#[must_use]
pub const fn in_bounds(code: u32, entries: &[CodeInfo]) -> bool {
    match (entries.first(), entries.last()) {
        (Some(first), Some(last)) => first.code() <= code && code <= last.code(),
        _ => false,
    }
}

/// The total number of items of `parts`.
#[must_use]
#[inline]
pub const fn total_len<T>(parts: &[&[T]]) -> usize {
    let mut total = 0;
    let mut k = 0;
    while k < parts.len() {
        total += parts[k].len();
        k += 1;
    }
    total
}

const PLACEHOLDER: CodeInfo = CodeInfo::__new(0, "", status_of(500), "", None, "");

/// Merges the `K` sorted `parts` into one sorted array of `N` entries. Where
/// the lengths disagree (a part failed to derive), the rest is placeholders.
#[must_use]
#[inline]
pub const fn merge<const N: usize, const K: usize>(parts: &[&[CodeInfo]; K]) -> [CodeInfo; N] {
    let mut out = [PLACEHOLDER; N];
    let mut heads = [0usize; K];
    let mut n = 0;
    while n < N {
        let mut best = usize::MAX;
        let mut k = 0;
        while k < K {
            if heads[k] < parts[k].len()
                && (best == usize::MAX
                    || parts[k][heads[k]].code() < parts[best][heads[best]].code())
            {
                best = k;
            }
            k += 1;
        }
        if best == usize::MAX {
            break;
        }
        out[n] = parts[best][heads[best]];
        heads[best] += 1;
        n += 1;
    }
    out
}

/// `entries` with every code whose gRPC reason another code shares in the
/// same domain marked (its answers then qualify the reason with the code),
/// and whether any is.
#[must_use]
#[inline]
pub const fn qualify_reasons<const N: usize>(mut entries: [CodeInfo; N]) -> ([CodeInfo; N], bool) {
    let mut any = false;
    let mut i = 0;
    while i < N {
        let mut j = i + 1;
        while j < N {
            if same(entries[i].grpc_reason(), entries[j].grpc_reason())
                && same_domain(&entries[i], &entries[j])
            {
                entries[i] = entries[i].__shared_reason();
                entries[j] = entries[j].__shared_reason();
                any = true;
            }
            j += 1;
        }
        i += 1;
    }
    (entries, any)
}

/// Whether `a` and `b` answer in one domain, as
/// [`CodeInfo::grpc_domain`] gives it: the entry's, else its enum's name
/// in lower case.
#[inline]
const fn same_domain(a: &CodeInfo, b: &CodeInfo) -> bool {
    match (a.domain(), b.domain()) {
        (Some(x), Some(y)) => same(x, y),
        (None, None) => same_ignoring_case(a.owner(), b.owner()),
        (Some(given), None) => lowered(given, b.owner()),
        (None, Some(given)) => lowered(given, a.owner()),
    }
}

/// Whether `text` is `name` in lower case: [`CodeInfo::grpc_domain`]'s
/// default domain, compared in const evaluation, where that `Cow` cannot be
/// built.
#[inline]
const fn lowered(text: &str, name: &str) -> bool {
    let (text, name) = (text.as_bytes(), name.as_bytes());
    if text.len() != name.len() {
        return false;
    }
    let mut i = 0;
    while i < text.len() {
        if text[i] != name[i].to_ascii_lowercase() {
            return false;
        }
        i += 1;
    }
    true
}

/// The union of the sorted code lists `lists`, sorted, in `N` slots (the
/// first `N` codes where there are more); [`union_len`] counts them all.
#[must_use]
#[inline]
pub const fn union<const N: usize, const K: usize>(lists: &[&[u32]; K]) -> [u32; N] {
    union_counted::<N, K>(lists).0
}

/// The number of distinct codes of the sorted `lists`.
#[must_use]
#[inline]
pub const fn union_len<const K: usize>(lists: &[&[u32]; K]) -> usize {
    union_counted::<0, K>(lists).1
}

/// The union in `N` slots, and the number of distinct codes.
#[inline]
const fn union_counted<const N: usize, const K: usize>(lists: &[&[u32]; K]) -> ([u32; N], usize) {
    let mut out = [0u32; N];
    let mut heads = [0usize; K];
    let mut n = 0;
    loop {
        let mut best = u64::MAX;
        let mut k = 0;
        while k < K {
            if heads[k] < lists[k].len() && (lists[k][heads[k]] as u64) < best {
                best = lists[k][heads[k]] as u64;
            }
            k += 1;
        }
        if best == u64::MAX {
            return (out, n);
        }
        let mut k = 0;
        while k < K {
            while heads[k] < lists[k].len() && lists[k][heads[k]] as u64 == best {
                heads[k] += 1;
            }
            k += 1;
        }
        if n < N {
            out[n] = best as u32;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[inline]
    fn info(code: u32) -> CodeInfo {
        CodeInfo::__new(code, "x", status_of(404), "m", None, "E")
    }

    #[test]
    fn the_named_statuses_are_the_numbers_they_name() {
        for n in 400..=599 {
            assert_eq!(status_of(n).as_u16(), n, "{n}");
        }
    }

    #[test]
    fn merge_sorts_any_number_of_parts() {
        let a = [info(1), info(5)];
        let b = [info(2), info(9)];
        let merged: [CodeInfo; 4] = merge(&[&a, &b]);
        let codes: Vec<u32> = merged.iter().map(CodeInfo::code).collect();
        assert_eq!(codes, [1, 2, 5, 9]);
        let many: Vec<[CodeInfo; 1]> = (0..100).rev().map(|c| [info(c)]).collect();
        let parts: [&[CodeInfo]; 100] = core::array::from_fn(|i| &many[i][..]);
        let merged: [CodeInfo; 100] = merge(&parts);
        assert!(merged.windows(2).all(|w| w[0].code() < w[1].code()));
    }

    #[test]
    fn union_of_retired_lists() {
        let lists: [&[u32]; 3] = [&[1, 5], &[2, 5, 9], &[]];
        assert_eq!(union_len(&lists), 4);
        let all: [u32; 4] = union(&lists);
        assert_eq!(all, [1, 2, 5, 9]);
    }
}
