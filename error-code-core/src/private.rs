//! Items the derive-generated code calls. Not public API: no semver promise.

pub use crate::__framework_impls;
pub use crate::catalog::{Catalog, CodeInfo};
pub use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
pub use crate::code::{ErrorCatalog, ErrorCode, FromCode};
#[cfg(feature = "axum")]
pub use crate::frameworks::axum_response;
#[cfg(feature = "actix-web")]
pub use crate::frameworks::{actix_response, actix_status};
#[cfg(feature = "utoipa")]
pub use crate::openapi::{Responses as OpenApiResponses, responses as openapi_responses};
#[cfg(feature = "actix-web")]
pub use actix_web;
#[cfg(feature = "axum")]
pub use axum_core;
pub use http::StatusCode;
#[cfg(feature = "utoipa")]
pub use utoipa;

/// Finds out whether a derived type implements `Display`, without requiring
/// it: `(&Probe(self)).__detail()` picks [`ViaDisplay`] where it applies and
/// [`NoDisplay`] otherwise (method resolution tries `&Probe` before
/// `&&Probe`).
pub struct Probe<'a, T: ?Sized>(pub &'a T);

pub trait ViaDisplay<'a> {
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display>;
}

impl<'a, T: core::fmt::Display> ViaDisplay<'a> for Probe<'a, T> {
    #[inline]
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display> {
        Some(self.0)
    }
}

pub trait NoDisplay<'a> {
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display>;
}

impl<'a, T: ?Sized> NoDisplay<'a> for &Probe<'a, T> {
    #[inline]
    fn __detail(&self) -> Option<&'a dyn core::fmt::Display> {
        None
    }
}

/// The status with this number; the derive only passes 400..=599.
#[must_use]
pub const fn status(n: u16) -> StatusCode {
    match StatusCode::from_u16(n) {
        Ok(status) => status,
        Err(_) => panic!("invalid HTTP status"),
    }
}

const MSG_CAP: usize = 512;

/// A message built in const context, for `panic!("{}", msg.as_str())`.
pub struct Msg {
    buf: [u8; MSG_CAP],
    len: usize,
}

impl Msg {
    const NONE: Msg = Msg {
        buf: [0; MSG_CAP],
        len: 0,
    };

    #[must_use]
    pub const fn is_some(&self) -> bool {
        self.len > 0
    }

    #[must_use]
    pub const fn as_str(&self) -> &str {
        let (head, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(head) {
            Ok(s) => s,
            // Only whole strings are pushed, so a cut can only fall at the end.
            Err(e) => match core::str::from_utf8(head.split_at(e.valid_up_to()).0) {
                Ok(s) => s,
                Err(_) => "",
            },
        }
    }

    const fn str(mut self, s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() && self.len < MSG_CAP {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

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
        while count > 0 && self.len < MSG_CAP {
            count -= 1;
            self.buf[self.len] = digits[count];
            self.len += 1;
        }
        self
    }

    const fn range(self, start: u32, end: u32) -> Self {
        self.num(start).str("..=").num(end)
    }

    const fn code_ref(self, info: &CodeInfo) -> Self {
        self.str(info.owner()).str("::").str(info.name())
    }
}

/// Checks that `code` is not one of the `retired` codes.
#[must_use]
pub const fn check_not_retired(code: u32, retired: &[u32], scheme: &str) -> Msg {
    let mut i = 0;
    while i < retired.len() {
        if retired[i] == code {
            return Msg::NONE
                .str("error code ")
                .num(code)
                .str(" is retired in ")
                .str(scheme)
                .str(" and cannot be reused; pick a new code");
        }
        i += 1;
    }
    Msg::NONE
}

/// Checks that `code` lies in `category` and is not retired.
#[must_use]
pub const fn check_in_category(
    code: u32,
    category: &CategoryInfo,
    retired: &[u32],
    scheme: &str,
) -> Msg {
    if category.contains(code) {
        return check_not_retired(code, retired, scheme);
    }
    Msg::NONE
        .str("error code ")
        .num(code)
        .str(" is outside category ")
        .str(category.name())
        .str(" (")
        .range(category.start(), category.end())
        .str(")")
}

/// Checks that `code` lies in a category of the scheme and in no reserved
/// range of it.
#[must_use]
pub const fn check_in_scheme(
    code: u32,
    scheme: &str,
    categories: &[CategoryInfo],
    reserved: &[ReservedRange],
    retired: &[u32],
) -> Msg {
    if categories.is_empty() {
        // The scheme failed to derive; its own error says why.
        return Msg::NONE;
    }
    let mut i = 0;
    while i < reserved.len() {
        let r = &reserved[i];
        if r.contains(code) {
            return Msg::NONE
                .str("error code ")
                .num(code)
                .str(" is in the reserved range ")
                .range(r.start(), r.end())
                .str(" of ")
                .str(scheme);
        }
        i += 1;
    }
    if category_of(code, categories).is_some() {
        return check_not_retired(code, retired, scheme);
    }
    let mut msg = Msg::NONE
        .str("error code ")
        .num(code)
        .str(" is in no category of ")
        .str(scheme);
    let mut j = 0;
    while j < categories.len() {
        let c = &categories[j];
        msg = msg
            .str(if j == 0 { " (" } else { ", " })
            .str(c.name())
            .str(" ")
            .range(c.start(), c.end());
        j += 1;
    }
    if j > 0 {
        msg = msg.str(")");
    }
    msg
}

/// The first failing code of a list and the message naming every failing
/// one.
pub struct Failure {
    index: usize,
    msg: Msg,
}

impl Failure {
    #[must_use]
    pub const fn failed(&self) -> bool {
        self.msg.is_some()
    }

    /// The position of the first failing code.
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index
    }

    #[must_use]
    pub const fn message(&self) -> &str {
        self.msg.as_str()
    }

    const fn add(mut self, i: usize, msg: Msg) -> Self {
        if !msg.is_some() {
            return self;
        }
        if self.msg.is_some() {
            self.msg = self.msg.str("; ");
        } else {
            self.index = i;
        }
        self.msg = self.msg.str(msg.as_str());
        self
    }
}

const NO_FAILURE: Failure = Failure {
    index: usize::MAX,
    msg: Msg::NONE,
};

/// [`check_in_category`] for the code of every entry.
#[must_use]
pub const fn check_all_in_category(
    codes: &[CodeInfo],
    category: &CategoryInfo,
    retired: &[u32],
    scheme: &str,
) -> Failure {
    let mut failure = NO_FAILURE;
    let mut i = 0;
    while i < codes.len() {
        failure = failure.add(
            i,
            check_in_category(codes[i].code(), category, retired, scheme),
        );
        i += 1;
    }
    failure
}

/// [`check_in_scheme`] for the code of every entry.
#[must_use]
pub const fn check_all_in_scheme(
    codes: &[CodeInfo],
    scheme: &str,
    categories: &[CategoryInfo],
    reserved: &[ReservedRange],
    retired: &[u32],
) -> Failure {
    let mut failure = NO_FAILURE;
    let mut i = 0;
    while i < codes.len() {
        failure = failure.add(
            i,
            check_in_scheme(codes[i].code(), scheme, categories, reserved, retired),
        );
        i += 1;
    }
    failure
}

/// The category of `categories` whose range holds `code`.
#[must_use]
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

/// Checks that the sorted `part` shares no code with any of the sorted
/// `others`.
#[must_use]
pub const fn check_disjoint(part: &[CodeInfo], others: &[&[CodeInfo]]) -> Msg {
    let mut k = 0;
    while k < others.len() {
        let other = others[k];
        let (mut i, mut j) = (0, 0);
        while i < part.len() && j < other.len() {
            let (a, b) = (&part[i], &other[j]);
            if a.code() == b.code() {
                return Msg::NONE
                    .str("error code ")
                    .num(a.code())
                    .str(" is used twice in one API error: by ")
                    .code_ref(b)
                    .str(" and by ")
                    .code_ref(a);
            } else if a.code() < b.code() {
                i += 1;
            } else {
                j += 1;
            }
        }
        k += 1;
    }
    Msg::NONE
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

/// The total number of entries of `parts`.
#[must_use]
pub const fn total_len(parts: &[&[CodeInfo]]) -> usize {
    let mut total = 0;
    let mut k = 0;
    while k < parts.len() {
        total += parts[k].len();
        k += 1;
    }
    total
}

const PLACEHOLDER: CodeInfo = CodeInfo::__new(0, "", status(500), "", None, "");

/// Merges sorted `parts` into one sorted array of `N` entries.
#[must_use]
pub const fn merge<const N: usize>(parts: &[&[CodeInfo]]) -> [CodeInfo; N] {
    assert!(total_len(parts) == N, "catalog length mismatch");
    let mut out = [PLACEHOLDER; N];
    let mut heads = [0usize; 64];
    assert!(parts.len() <= heads.len(), "too many composed parts");
    let mut n = 0;
    while n < N {
        let mut best = usize::MAX;
        let mut k = 0;
        while k < parts.len() {
            if heads[k] < parts[k].len()
                && (best == usize::MAX
                    || parts[k][heads[k]].code() < parts[best][heads[best]].code())
            {
                best = k;
            }
            k += 1;
        }
        out[n] = parts[best][heads[best]];
        heads[best] += 1;
        n += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAT: CategoryInfo = CategoryInfo::__new("PodError", 2000, 2999, "Pod");

    fn info(code: u32, name: &'static str) -> CodeInfo {
        CodeInfo::__new(code, name, status(404), "m", None, "E")
    }

    #[test]
    fn category_message_names_code_and_range() {
        assert!(!check_in_category(2001, &CAT, &[], "C").is_some());
        assert_eq!(
            check_in_category(3001, &CAT, &[], "C").as_str(),
            "error code 3001 is outside category PodError (2000..=2999)"
        );
        assert_eq!(
            check_in_category(0, &CAT, &[], "C")
                .as_str()
                .split(' ')
                .nth(2),
            Some("0")
        );
        assert_eq!(
            check_in_category(2003, &CAT, &[2003], "C").as_str(),
            "error code 2003 is retired in C and cannot be reused; pick a new code"
        );
    }

    #[test]
    fn scheme_message_for_reserved_and_missing() {
        let cats = [CAT];
        let reserved = [ReservedRange::__new(6000, 8999)];
        assert!(!check_in_scheme(2999, "C", &cats, &reserved, &[]).is_some());
        assert_eq!(
            check_in_scheme(6001, "C", &cats, &reserved, &[]).as_str(),
            "error code 6001 is in the reserved range 6000..=8999 of C"
        );
        assert_eq!(
            check_in_scheme(4_294_967_295, "C", &cats, &reserved, &[]).as_str(),
            "error code 4294967295 is in no category of C (PodError 2000..=2999)"
        );
    }

    fn entries(codes: &[u32]) -> Vec<CodeInfo> {
        codes.iter().map(|&c| info(c, "x")).collect()
    }

    #[test]
    fn all_failing_codes_are_named_and_the_first_is_located() {
        let ok = check_all_in_category(&entries(&[2001, 2002]), &CAT, &[], "C");
        assert!(!ok.failed());
        let bad = check_all_in_category(&entries(&[2001, 3001, 2003, 4001]), &CAT, &[2003], "C");
        assert!(bad.failed());
        assert_eq!(bad.index(), 1);
        assert_eq!(
            bad.message(),
            "error code 3001 is outside category PodError (2000..=2999); \
             error code 2003 is retired in C and cannot be reused; pick a new code; \
             error code 4001 is outside category PodError (2000..=2999)"
        );
        let scheme = check_all_in_scheme(
            &entries(&[6001]),
            "C",
            &[CAT],
            &[ReservedRange::__new(6000, 6999)],
            &[],
        );
        assert_eq!((scheme.index(), scheme.failed()), (0, true));
    }

    #[test]
    fn merge_sorts_and_disjoint_finds_shared_code() {
        let a = [info(1, "a"), info(5, "b")];
        let b = [info(2, "c"), info(9, "d")];
        let merged: [CodeInfo; 4] = merge(&[&a, &b]);
        let codes: Vec<u32> = merged.iter().map(CodeInfo::code).collect();
        assert_eq!(codes, [1, 2, 5, 9]);
        assert!(!check_disjoint(&a, &[&b]).is_some());
        let c = [info(5, "x")];
        assert_eq!(
            check_disjoint(&c, &[&b, &a]).as_str(),
            "error code 5 is used twice in one API error: by E::b and by E::x"
        );
    }

    #[test]
    fn long_messages_are_cut_on_a_char_boundary() {
        let long = "错".repeat(400);
        let msg = Msg::NONE.str(&long);
        assert!(msg.as_str().len() <= MSG_CAP);
        assert!(msg.as_str().chars().all(|c| c == '错'));
    }
}
