use crate::category::CategoryInfo;
use http::StatusCode;

/// The static catalog entry of one error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    code: u32,
    name: &'static str,
    status: StatusCode,
    message: &'static str,
    category: Option<&'static CategoryInfo>,
    owner: &'static str,
}

impl CodeInfo {
    #[doc(hidden)]
    #[must_use]
    pub const fn __new(
        code: u32,
        name: &'static str,
        status: StatusCode,
        message: &'static str,
        category: Option<&'static CategoryInfo>,
        owner: &'static str,
    ) -> Self {
        CodeInfo {
            code,
            name,
            status,
            message,
            category,
            owner,
        }
    }

    /// The numeric code.
    #[must_use]
    pub const fn code(&self) -> u32 {
        self.code
    }

    /// The error's name, e.g. `GetPodError`.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The HTTP status answered for this code.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The catalog message.
    #[must_use]
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// The category the code belongs to, where its type declares one.
    #[must_use]
    pub const fn category(&self) -> Option<&'static CategoryInfo> {
        self.category
    }

    /// The name of the enum that declares the code, e.g. `PodError`.
    #[must_use]
    pub const fn owner(&self) -> &'static str {
        self.owner
    }
}

/// Every code a type can produce, sorted by code; readable in const context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Catalog {
    entries: &'static [CodeInfo],
}

impl Catalog {
    /// A catalog without codes.
    pub const EMPTY: Catalog = Catalog { entries: &[] };

    #[doc(hidden)]
    #[must_use]
    pub const fn __new(entries: &'static [CodeInfo]) -> Self {
        Catalog { entries }
    }

    /// The entries, sorted by code.
    #[must_use]
    pub const fn entries(&self) -> &'static [CodeInfo] {
        self.entries
    }

    /// The number of codes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalog has no codes.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of `code`, found by binary search.
    #[must_use]
    pub const fn get(&self, code: u32) -> Option<&'static CodeInfo> {
        let entries = self.entries;
        let (mut lo, mut hi) = (0, entries.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let here = entries[mid].code;
            if here == code {
                return Some(&entries[mid]);
            } else if here < code {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        None
    }

    /// Whether the catalog has `code`.
    #[must_use]
    pub const fn contains(&self, code: u32) -> bool {
        self.get(code).is_some()
    }

    /// The entries in code order.
    pub fn iter(&self) -> core::slice::Iter<'static, CodeInfo> {
        self.entries.iter()
    }
}

impl core::ops::Deref for Catalog {
    type Target = [CodeInfo];
    fn deref(&self) -> &[CodeInfo] {
        self.entries
    }
}

impl IntoIterator for Catalog {
    type Item = &'static CodeInfo;
    type IntoIter = core::slice::Iter<'static, CodeInfo>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl IntoIterator for &Catalog {
    type Item = &'static CodeInfo;
    type IntoIter = core::slice::Iter<'static, CodeInfo>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}
