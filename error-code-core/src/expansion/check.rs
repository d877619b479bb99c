//! The checks the derive cannot make itself, run in const evaluation: the
//! codes of an enum and of its parts against a code space declared by
//! another type, against retired codes, and against each other.
//!
//! The generated code calls [`own`] once per code, at the code's token,
//! and [`part`] once per part, at the part's: each is `#[track_caller]`, so
//! the error of a failing check points there, and its message names every
//! failing code (up to [`CAPACITY`] bytes of it).

use crate::catalog::{Catalog, CodeInfo};
use crate::category::{CategoryInfo, ReservedRange};

/// The most bytes of a check's message: the codes past it are cut.
pub const CAPACITY: usize = 8192;

/// Where the codes of an enum must lie.
#[derive(Clone, Copy)]
pub enum Space<'a> {
    /// Anywhere.
    Any,
    /// In `category` of the scheme named `scheme`.
    Category {
        scheme: &'a str,
        category: &'a CategoryInfo,
    },
    /// In some category of the scheme, in none of its reserved ranges.
    Scheme {
        scheme: &'a str,
        categories: &'a [CategoryInfo],
        reserved: &'a [ReservedRange],
    },
}

/// What every code of an enum, its parts' included, must satisfy.
#[derive(Clone, Copy)]
pub struct Rules<'a> {
    /// The code space.
    pub space: Space<'a>,
    /// Codes no variant or part may use: the retired lists of the enum and
    /// its parts (first), then its scheme's.
    pub retired: [&'a [u32]; 2],
    /// The parts' catalogs, whose code spaces' reserved ranges no code may
    /// use either.
    pub parts: &'a [Catalog],
}

impl<'a> Rules<'a> {
    /// The rules, and the reserved ranges of `parts`' code spaces.
    #[must_use]
    #[inline]
    pub const fn within(self, parts: &'a [Catalog]) -> Self {
        Rules { parts, ..self }
    }
}

impl Rules<'static> {
    /// No code space; `retired` of the enum and its parts.
    #[must_use]
    #[inline]
    pub const fn any(retired: &'static [u32]) -> Self {
        Rules {
            space: Space::Any,
            retired: [retired, &[]],
            parts: &[],
        }
    }

    /// The category named `name` of the scheme named `scheme`, whose
    /// categories and retired codes are given (read by the expansion as
    /// `<Scheme as ErrorCategory>::__SPACE`, so that a scheme that does not
    /// derive is one error); `value` is that category (so a path that
    /// names none is rustc's error).
    #[must_use]
    #[inline]
    pub const fn category<V>(
        scheme: &'static str,
        (categories, _, scheme_retired): (
            &'static [CategoryInfo],
            &'static [ReservedRange],
            &'static [u32],
        ),
        value: &V,
        name: &str,
        retired: &'static [u32],
    ) -> Self {
        let _ = value;
        let mut i = 0;
        while i < categories.len() {
            if same(categories[i].name(), name) {
                return Rules {
                    space: Space::Category {
                        scheme,
                        category: &categories[i],
                    },
                    retired: [retired, scheme_retired],
                    parts: &[],
                };
            }
            i += 1;
        }
        // The scheme failed to derive (its own error says why): no check.
        Rules {
            space: Space::Any,
            retired: [retired, scheme_retired],
            parts: &[],
        }
    }

    /// Some category of the scheme named `scheme`, whose categories,
    /// reserved ranges and retired codes are given (as for
    /// [`category`](Self::category)).
    #[must_use]
    #[inline]
    pub const fn scheme(
        scheme: &'static str,
        (categories, reserved, scheme_retired): (
            &'static [CategoryInfo],
            &'static [ReservedRange],
            &'static [u32],
        ),
        retired: &'static [u32],
    ) -> Self {
        Rules {
            space: Space::Scheme {
                scheme,
                categories,
                reserved,
            },
            retired: [retired, scheme_retired],
            parts: &[],
        }
    }
}

impl<'a> Rules<'a> {
    /// The category `code` belongs to under these rules, if any.
    #[must_use]
    #[inline]
    pub const fn category_of(&self, code: u32) -> Option<&'a CategoryInfo> {
        match self.space {
            Space::Any => None,
            Space::Category { category, .. } => Some(category),
            Space::Scheme { categories, .. } => category_of(code, categories),
        }
    }
}

/// Whether two lists of texts are the same, item by item.
#[cfg(feature = "utoipa")]
#[inline]
const fn same_list(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !same(a[i], b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `a` and `b` are the same text.
#[inline]
pub(crate) const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `a` and `b` are the same text but for ASCII case (language
/// tags, enum names).
#[inline]
pub(crate) const fn same_ignoring_case(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        // `u8::eq_ignore_ascii_case` is const since 1.52; the slice's only
        // since 1.89, after this crate's MSRV.
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Checks `code`, one of the enum's own codes, against `rules`; where it
/// fails, panics at the caller (the code's token) with what is wrong with
/// it. Each code is its own constant, so every failing code is one error
/// at its own token.
#[track_caller]
#[inline]
pub const fn own(code: u32, rules: &Rules) {
    let report = self::code(Report::<0>::NONE, code, None, "", rules);
    if report.failed() {
        let report = self::code(Report::<CAPACITY>::NONE, code, None, "", rules);
        panic!("{}", report.message());
    }
}

/// [`own`] for an enum that composes parts: `entry` (one of its own codes)
/// is also not a code of any of `parts`, so that a code used twice is one
/// error at the enum's own literal, which names both.
#[track_caller]
#[inline]
pub const fn own_among(entry: &CodeInfo, rules: &Rules, parts: &[&[CodeInfo]]) {
    let one = core::slice::from_ref(entry);
    let report = self::code(Report::<0>::NONE, entry.code(), None, "", rules);
    if disjoint_into(report, one, parts).failed() {
        let report = self::code(Report::<CAPACITY>::NONE, entry.code(), None, "", rules);
        panic!("{}", disjoint_into(report, one, parts).message());
    }
}

/// The message of `code` listed as one of `entries` (a type's catalog),
/// where it is not: names the code, the type and its codes (up to twenty).
#[must_use]
#[inline]
#[cfg(feature = "utoipa")]
pub(crate) const fn not_listed(what: &str, code: u32, entries: &[CodeInfo]) -> Report<1024> {
    let mut report = Report::<1024>::NONE
        .str(what)
        .str(" lists ")
        .num(code)
        .str(", which is not a code of ");
    report = match entries.first() {
        Some(first) => report.str(first.owner()),
        None => report.str("the type (it has no codes)"),
    };
    let mut i = 0;
    while i < entries.len() && i < 20 {
        report = report
            .str(if i == 0 { " (its codes: " } else { ", " })
            .num(entries[i].code());
        i += 1;
    }
    if entries.len() > 20 {
        report = report.str(", …");
    }
    if !entries.is_empty() {
        report = report.str(")");
    }
    report
}

/// Every code two catalogs give two meanings (another name or status, or
/// another message or params, which the document would show from one of
/// them only), as one report naming both types of each; empty where they
/// agree. A code both give one meaning (a part and the enum composing it)
/// is no conflict.
#[cfg(feature = "utoipa")]
pub(crate) const fn conflicts(catalogs: &[crate::catalog::Catalog]) -> Report<1024> {
    let mut report = Report::<1024>::NONE;
    // The codes reported, once each (three types may share one): as many
    // as the report has room for.
    let mut reported = [0u32; 32];
    let mut found = 0;
    let mut a = 0;
    while a < catalogs.len() {
        let mut b = a + 1;
        while b < catalogs.len() {
            let entries = catalogs[a].entries();
            let mut i = 0;
            while i < entries.len() {
                let one = &entries[i];
                let other = catalogs[b].get(one.code());
                let named = match other {
                    Some(other) => {
                        same(one.name(), other.name())
                            && one.status().as_u16() == other.status().as_u16()
                    }
                    None => true,
                };
                let (message, params) = match other {
                    Some(other) => (
                        !same(one.message(), other.message()),
                        !same_list(one.params(), other.params()),
                    ),
                    None => (false, false),
                };
                if let Some(other) = other
                    && (!named || message || params)
                    && !listed(&reported, found, one.code())
                {
                    if found < reported.len() {
                        reported[found] = one.code();
                    }
                    report = if found == 0 {
                        report.str("error_code::openapi::Errors lists two types that give ")
                    } else {
                        report.next()
                    };
                    report = report
                        .str("code ")
                        .num(one.code())
                        .str(" two meanings: ")
                        .code_ref(one)
                        .str(" (status ")
                        .num(one.status().as_u16() as u32)
                        .str(") and ")
                        .code_ref(other)
                        .str(" (status ")
                        .num(other.status().as_u16() as u32);
                    if named && message {
                        report = report.str(", another message");
                    }
                    if named && params {
                        report = report.str(", other params");
                    }
                    report = report.str(")");
                    found += 1;
                }
                i += 1;
            }
            b += 1;
        }
        a += 1;
    }
    match found {
        0 => report,
        1 => report.str("; give one of them another number"),
        _ => report.str("; give one of each pair another number"),
    }
}

/// Whether `code` is among the first `count` of `codes`.
#[cfg(feature = "utoipa")]
const fn listed(codes: &[u32], count: usize, code: u32) -> bool {
    let mut i = 0;
    while i < count && i < codes.len() {
        if codes[i] == code {
            return true;
        }
        i += 1;
    }
    false
}

/// Checks that a variant's discriminant, an expression the derive cannot
/// read, is its code `code`; where not, panics at the caller (the
/// discriminant's expression).
#[track_caller]
#[inline]
pub const fn discriminant(value: i128, code: u32) {
    if value != code as i128 {
        let report = Report::<256>::NONE
            .str("the discriminant of this variant is ")
            .int(value)
            .str(" but its code is ")
            .num(code)
            .str(": make them agree, or give the code in one place only");
        panic!("{}", report.message());
    }
}

/// Checks that `info` has one text per language: the language of its
/// untagged message (its enum's `lang`, else its category's, else that of
/// the enum composing it) is none of its translations'. The derive checks
/// an enum's own `lang`; this, the ones it inherits. Where it fails, panics
/// at the caller.
#[track_caller]
#[inline]
pub const fn one_text_per_language(info: &CodeInfo) {
    let Some(lang) = info.lang() else {
        return;
    };
    let messages = info.messages();
    let mut i = 0;
    while i < messages.len() {
        if same_ignoring_case(messages[i].0, lang) {
            let report = Report::<512>::NONE
                .str("error code ")
                .num(info.code())
                .str(" (")
                .code_ref(info)
                .str(") has its `")
                .str(lang)
                .str("` message twice: its untagged message is `")
                .str(lang)
                .str("` (the `lang` of its category, or of the enum that composes it), and a translation is `")
                .str(messages[i].0)
                .str("` too; keep one");
            panic!("{}", report.message());
        }
        i += 1;
    }
}

/// Checks every code of the part named `part`: against `rules` where
/// `bound`, and against the codes of `others` (the enum's own and earlier
/// parts'). Where one fails, panics at the caller (the part's token).
#[track_caller]
#[inline]
pub const fn part(
    entries: &[CodeInfo],
    part: &str,
    rules: &Rules,
    bound: bool,
    others: &[&[CodeInfo]],
) {
    let report = if bound {
        codes::<CAPACITY>(entries, part, rules)
    } else {
        Report::NONE
    };
    let report = disjoint_into(report, entries, others);
    if report.failed() {
        panic!("{}", report.message());
    }
}

/// The outcome of a check: a message naming every failing code. `N` is the capacity; `len` counts
/// every byte, also those beyond it.
pub struct Report<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Report<N> {
    const NONE: Self = Report {
        buf: [0; N],
        len: 0,
    };

    /// Whether some code failed.
    #[must_use]
    #[inline]
    pub const fn failed(&self) -> bool {
        self.len > 0
    }

    /// The length of the whole message.
    #[must_use]
    #[inline]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether the message is empty (nothing failed).
    #[must_use]
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The message, as much of it as fits.
    #[must_use]
    #[inline]
    pub const fn message(&self) -> &str {
        let kept = if self.len < N { self.len } else { N };
        let (head, _) = self.buf.split_at(kept);
        match core::str::from_utf8(head) {
            Ok(s) => s,
            Err(e) => match core::str::from_utf8(head.split_at(e.valid_up_to()).0) {
                Ok(s) => s,
                Err(_) => "",
            },
        }
    }

    #[inline]
    const fn str(mut self, s: &str) -> Self {
        let bytes = s.as_bytes();
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

    #[inline]
    const fn num(mut self, mut n: u32) -> Self {
        let mut digits = [0u8; 10];
        let mut count = 0;
        loop {
            digits[count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while count > 0 {
            count -= 1;
            if self.len < N {
                self.buf[self.len] = digits[count];
            }
            self.len += 1;
        }
        self
    }

    #[inline]
    const fn int(self, n: i128) -> Self {
        let this = if n < 0 { self.str("-") } else { self };
        let mut n = n.unsigned_abs();
        let mut digits = [0u8; 39];
        let mut count = 0;
        loop {
            digits[count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let mut this = this;
        while count > 0 {
            count -= 1;
            if this.len < N {
                this.buf[this.len] = digits[count];
            }
            this.len += 1;
        }
        this
    }

    #[inline]
    const fn range(self, start: u32, end: u32) -> Self {
        self.num(start).str("..=").num(end)
    }

    #[inline]
    const fn code_ref(self, info: &CodeInfo) -> Self {
        self.str(info.owner()).str("::").str(info.name())
    }

    /// Starts the message of one more failing code.
    #[inline]
    const fn next(self) -> Self {
        if self.len > 0 { self.str("; ") } else { self }
    }

    /// `error code 2001` or `error code 6001 (ReservedError::Gone, through part `Reserved`)`.
    #[inline]
    const fn code(self, n: u32, who: Option<&CodeInfo>, part: &str) -> Self {
        let this = self.str("error code ").num(n);
        match who {
            Some(info) if !part.is_empty() => this
                .str(" (")
                .code_ref(info)
                .str(", through part `")
                .str(part)
                .str("`)"),
            _ => this,
        }
    }
}

/// The category of `categories` whose range holds `code`.
#[must_use]
#[inline]
pub const fn category_of(code: u32, categories: &[CategoryInfo]) -> Option<&CategoryInfo> {
    let mut i = 0;
    while i < categories.len() {
        if categories[i].contains(code) {
            return Some(&categories[i]);
        }
        i += 1;
    }
    None
}

/// The first of the `retired` lists that holds `code`.
#[inline]
const fn retired_in(code: u32, retired: &[&[u32]]) -> Option<usize> {
    // The last list first: the scheme's, which the message can name.
    let mut k = retired.len();
    while k > 0 {
        k -= 1;
        let mut i = 0;
        while i < retired[k].len() {
            if retired[k][i] == code {
                return Some(k);
            }
            i += 1;
        }
    }
    None
}

/// Checks every code of the part named `part` against `rules`.
#[must_use]
#[inline]
pub const fn codes<const N: usize>(codes: &[CodeInfo], part: &str, rules: &Rules) -> Report<N> {
    let mut report = Report::<N>::NONE;
    let mut i = 0;
    while i < codes.len() {
        report = code(report, codes[i].code(), Some(&codes[i]), part, rules);
        i += 1;
    }
    report
}

#[inline]
const fn code<const N: usize>(
    report: Report<N>,
    n: u32,
    who: Option<&CodeInfo>,
    part: &str,
    rules: &Rules,
) -> Report<N> {
    let scheme = match rules.space {
        Space::Any => "",
        Space::Category { scheme, category } => {
            if !category.contains(n) {
                return report
                    .next()
                    .code(n, who, part)
                    .str(" is outside category ")
                    .str(category.name())
                    .str(" (")
                    .range(category.start(), category.end())
                    .str(")");
            }
            scheme
        }
        Space::Scheme {
            scheme,
            categories,
            reserved,
        } => {
            if categories.is_empty() {
                // The scheme failed to derive; its own error says why.
                return report;
            }
            // A part's code outside its own category: the part's check
            // says so, where the code is written.
            if let Some(info) = who
                && let Some(category) = info.category()
                && !part.is_empty()
                && !category.contains(n)
            {
                return report;
            }
            let mut r = 0;
            while r < reserved.len() {
                if reserved[r].contains(n) {
                    return report
                        .next()
                        .code(n, who, part)
                        .str(" is in the reserved range ")
                        .range(reserved[r].start(), reserved[r].end())
                        .str(" of ")
                        .str(scheme);
                }
                r += 1;
            }
            if category_of(n, categories).is_none() {
                let mut report = report
                    .next()
                    .code(n, who, part)
                    .str(" is in no category of ")
                    .str(scheme);
                let mut j = 0;
                while j < categories.len() {
                    let c = &categories[j];
                    report = report
                        .str(if j == 0 { " (" } else { ", " })
                        .str(c.name())
                        .str(" ")
                        .range(c.start(), c.end());
                    j += 1;
                }
                return report.str(")");
            }
            scheme
        }
    };
    // The reserved ranges of the parts' code spaces bind the enum too.
    let mut p = 0;
    while p < rules.parts.len() {
        if let Some((scheme, range)) = rules.parts[p].__reserved_for(n) {
            return report
                .next()
                .code(n, who, part)
                .str(" is in the reserved range ")
                .range(range.start(), range.end())
                .str(" of ")
                .str(scheme)
                .str(", the code space of a part of this enum");
        }
        p += 1;
    }
    let Some(list) = retired_in(n, &rules.retired) else {
        return report;
    };
    let report = report.next().code(n, who, part).str(" is retired");
    // The first list is the enum's and its parts'; the others, the scheme's.
    let report = if list == 0 || scheme.is_empty() {
        report.str(" by `retired` of this enum or one of its parts, or by a part's code space")
    } else {
        report.str(" in ").str(scheme)
    };
    report.str(" and cannot be reused; pick a new code")
}

/// Checks that the sorted `part` shares no code with any of the sorted
/// `others`.
#[must_use]
#[inline]
pub const fn disjoint<const N: usize>(part: &[CodeInfo], others: &[&[CodeInfo]]) -> Report<N> {
    disjoint_into(Report::<N>::NONE, part, others)
}

#[inline]
const fn disjoint_into<const N: usize>(
    mut report: Report<N>,
    part: &[CodeInfo],
    others: &[&[CodeInfo]],
) -> Report<N> {
    let mut k = 0;
    while k < others.len() {
        let other = others[k];
        let (mut i, mut j) = (0, 0);
        while i < part.len() && j < other.len() {
            let (a, b) = (&part[i], &other[j]);
            if a.code() == b.code() && same(a.owner(), b.owner()) && same(a.name(), b.name()) {
                // One code of one enum, reached through two parts.
                report = report
                    .next()
                    .str("error code ")
                    .num(a.code())
                    .str(" (")
                    .code_ref(a)
                    .str(") reaches one API error through two parts: compose `")
                    .str(a.owner())
                    .str("` once");
                i += 1;
                j += 1;
            } else if a.code() == b.code() {
                report = report
                    .next()
                    .str("error code ")
                    .num(a.code())
                    .str(" is used twice in one API error: by ")
                    .code_ref(b)
                    .str(" and by ")
                    .code_ref(a);
                i += 1;
                j += 1;
            } else if a.code() < b.code() {
                i += 1;
            } else {
                j += 1;
            }
        }
        k += 1;
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expansion::entries::status_of as status;

    const CAT: CategoryInfo = CategoryInfo::__new("PodError", 2000, 2999, "Pod");

    #[inline]
    fn info(code: u32, name: &'static str) -> CodeInfo {
        CodeInfo::__new(code, name, status(404), "m", None, "E")
    }

    #[test]
    fn two_meanings_of_one_number_are_a_conflict_naming_both() {
        use crate::catalog::Catalog;
        let leak =
            |entries: Vec<CodeInfo>| Catalog::__new(Box::leak(entries.into_boxed_slice()), &[]);
        let pod = leak(vec![info(1001, "Invalid"), info(2001, "NotFound")]);
        let same = leak(vec![info(1001, "Invalid")]);
        let renamed = leak(vec![CodeInfo::__new(
            1001,
            "Bad",
            status(404),
            "m",
            None,
            "Legacy",
        )]);
        let restatused = leak(vec![CodeInfo::__new(
            2001,
            "NotFound",
            status(410),
            "m",
            None,
            "Legacy",
        )]);
        assert!(!conflicts(&[pod, same]).failed());
        let report = conflicts(&[pod, same, renamed]);
        assert_eq!(
            report.message(),
            "error_code::openapi::Errors lists two types that give code 1001 two meanings: E::Invalid (status 404) and Legacy::Bad (status 404); give one of them another number"
        );
        assert!(
            conflicts(&[restatused, pod])
                .message()
                .contains("code 2001 two meanings")
        );
        // Every conflict is named in the one report.
        let report = conflicts(&[pod, renamed, restatused]);
        assert_eq!(
            report.message(),
            "error_code::openapi::Errors lists two types that give code 1001 two meanings: E::Invalid (status 404) and Legacy::Bad (status 404); code 2001 two meanings: E::NotFound (status 404) and Legacy::NotFound (status 410); give one of each pair another number"
        );
    }

    #[inline]
    fn entries(codes: &[u32]) -> Vec<CodeInfo> {
        codes.iter().map(|&c| info(c, "x")).collect()
    }

    #[inline]
    fn message<const N: usize>(report: &Report<N>) -> String {
        report.message().to_owned()
    }

    #[inline]
    const fn in_category<'a>(retired: [&'a [u32]; 2]) -> Rules<'a> {
        Rules {
            space: Space::Category {
                scheme: "C",
                category: &CAT,
            },
            retired,
            parts: &[],
        }
    }

    #[test]
    fn category_message_names_code_and_range() {
        let ok = codes::<256>(&entries(&[2001]), "", &in_category([&[], &[]]));
        assert!(!ok.failed());
        let bad = codes::<256>(&entries(&[3001]), "", &in_category([&[], &[]]));
        assert_eq!(
            message(&bad),
            "error code 3001 is outside category PodError (2000..=2999)"
        );
        let retired = codes::<256>(&entries(&[2003]), "", &in_category([&[], &[2003]]));
        assert_eq!(
            message(&retired),
            "error code 2003 is retired in C and cannot be reused; pick a new code"
        );
        let own = codes::<256>(&entries(&[2003]), "", &in_category([&[2003], &[]]));
        assert_eq!(
            message(&own),
            "error code 2003 is retired by `retired` of this enum or one of its parts, or by a part's code space and cannot be reused; pick a new code"
        );
    }

    #[test]
    fn part_codes_name_the_part() {
        let rules = Rules {
            space: Space::Scheme {
                scheme: "C",
                categories: &[CAT],
                reserved: &[ReservedRange::__new(6000, 8999)],
            },
            retired: [&[], &[]],
            parts: &[],
        };
        let bad = codes::<256>(&[info(6001, "Gone")], "Reserved", &rules);
        assert_eq!(
            message(&bad),
            "error code 6001 (E::Gone, through part `Reserved`) is in the reserved range 6000..=8999 of C"
        );
        let none = codes::<256>(&[info(4_294_967_295, "Max")], "P", &rules);
        assert_eq!(
            message(&none),
            "error code 4294967295 (E::Max, through part `P`) is in no category of C (PodError 2000..=2999)"
        );
    }

    #[test]
    fn every_failing_code_is_named_however_long_the_message() {
        let many: Vec<u32> = (3000..3040).collect();
        let measured = codes::<0>(&entries(&many), "", &in_category([&[], &[]]));
        assert!(measured.failed());
        assert!(measured.len() > 512);
        let full = codes::<4096>(&entries(&many), "", &in_category([&[], &[]]));
        assert_eq!(full.len(), measured.len());
        for code in many {
            assert!(message(&full).contains(&format!("error code {code} ")));
        }
    }

    #[test]
    fn disjoint_finds_every_shared_code() {
        let a = [info(1, "a"), info(5, "b")];
        let c = [info(1, "x"), info(5, "y")];
        let report = disjoint::<256>(&c, &[&a]);
        assert_eq!(
            message(&report),
            "error code 1 is used twice in one API error: by E::a and by E::x; \
             error code 5 is used twice in one API error: by E::b and by E::y"
        );
        assert!(!disjoint::<0>(&a, &[&[info(2, "z")]]).failed());
    }

    #[test]
    fn long_messages_are_cut_on_a_char_boundary() {
        let long = "错".repeat(400);
        let report = Report::<512>::NONE.str(&long);
        assert!(report.message().len() <= 512);
        assert!(report.message().chars().all(|c| c == '错'));
    }
}
