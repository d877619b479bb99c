//! Composition: what a `#[code(transparent)]` part gives the enum that
//! wraps it, and the const merge of the parts' catalogs.

use crate::catalog::{Catalog, CodeInfo};
use crate::code::ErrorCode;

/// A type that can be wrapped by a `#[code(transparent)]` variant:
/// implemented by `#[derive(ErrorCode)]`, and for `Box` of such a type.
///
/// The composing enum reaches its parts only through this trait, so a part
/// that does not derive `ErrorCode` is one error, at the part's type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `ErrorCode`, so it cannot be a #[code(transparent)] part",
    label = "this type does not derive `ErrorCode`",
    note = "add #[derive(ErrorCode)] to `{Self}`: a part brings its codes, statuses and messages into the enum that wraps it"
)]
pub trait Transparent: Sized {
    /// The error that gives code, status, name and message.
    type Error: ErrorCode + ?Sized;
    /// Every code the part can produce.
    const CATALOG: Catalog;
    /// [`Yes`] where every variant it can produce is fieldless, its parts'
    /// too (so `from_code` finds a value for every code of its catalog),
    /// else [`No`].
    type Fieldless;
    /// The error that gives code, status, name and message.
    fn error(&self) -> &Self::Error;
    /// The part's value with this code.
    fn from_part_code(code: u32) -> Option<Self>;
}

impl<T: Transparent> Transparent for Box<T> {
    type Error = T::Error;
    const CATALOG: Catalog = T::CATALOG;
    type Fieldless = T::Fieldless;
    #[inline]
    fn error(&self) -> &T::Error {
        (**self).error()
    }
    #[inline]
    fn from_part_code(code: u32) -> Option<Self> {
        T::from_part_code(code).map(Box::new)
    }
}

/// A code passed to the `from_code` of a composed type: `u32`.
pub trait Code: Copy {
    /// The code.
    fn code(self) -> u32;
}

impl Code for u32 {
    #[inline]
    fn code(self) -> u32 {
        self
    }
}

/// A type-level `true`.
#[derive(Debug)]
pub struct Yes;

/// A type-level `false`.
#[derive(Debug)]
pub struct No;

/// Type-level `and`.
pub trait Both<B> {
    /// `Self && B`.
    type Out;
}

impl Both<Yes> for Yes {
    type Out = Yes;
}

impl Both<No> for Yes {
    type Out = No;
}

impl<B> Both<B> for No {
    type Out = No;
}

/// The bound of a composed type's inherent `from_code`: `(C, Fieldless)`
/// holds only for [`Yes`], so a call fails to compile, at the call, where a
/// part has variants with fields, whose codes no lookup can make a value of.
#[diagnostic::on_unimplemented(
    message = "`from_code` cannot find every code of this composed type: a part has variants with fields",
    label = "no value can be made from the code of a variant with fields",
    note = "call `error_code::FromCode::from_code`, which answers `None` for those codes, or make the parts' variants fieldless"
)]
pub trait FindsEveryCode {}

impl<C> FindsEveryCode for (C, Yes) {}

/// `entries` with `domain` and `url` set where given: a composed enum's
/// own win over its parts'.
#[must_use]
pub const fn relink<const N: usize>(
    mut entries: [CodeInfo; N],
    domain: Option<&'static str>,
    url: Option<&'static str>,
) -> [CodeInfo; N] {
    let mut i = 0;
    while i < N {
        entries[i] = entries[i].__relinked(domain, url);
        i += 1;
    }
    entries
}

/// The entry of `error`'s code in the sorted `all`, else its own.
#[must_use]
pub fn entry_of<E: ErrorCode + ?Sized>(all: &'static [CodeInfo], error: &E) -> &'static CodeInfo {
    Catalog::__new(all, &[])
        .get(error.code())
        .unwrap_or_else(|| error.info())
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
pub const fn total_len<T>(parts: &[&[T]]) -> usize {
    let mut total = 0;
    let mut k = 0;
    while k < parts.len() {
        total += parts[k].len();
        k += 1;
    }
    total
}

const PLACEHOLDER: CodeInfo = CodeInfo::__new(0, "", crate::private::status(500), "", None, "");

/// Merges the `K` sorted `parts` into one sorted array of `N` entries. Where
/// the lengths disagree (a part failed to derive), the rest is placeholders.
#[must_use]
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

/// The union of the sorted code lists `lists`, sorted, in `N` slots (the
/// first `N` codes where there are more); [`union_len`] counts them all.
#[must_use]
pub const fn union<const N: usize, const K: usize>(lists: &[&[u32]; K]) -> [u32; N] {
    union_counted::<N, K>(lists).0
}

/// The number of distinct codes of the sorted `lists`.
#[must_use]
pub const fn union_len<const K: usize>(lists: &[&[u32]; K]) -> usize {
    union_counted::<0, K>(lists).1
}

/// The union in `N` slots, and the number of distinct codes.
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

    fn info(code: u32) -> CodeInfo {
        CodeInfo::__new(code, "x", crate::private::status(404), "m", None, "E")
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
