use crate::category::CategoryInfo;
use http::StatusCode;

/// The static catalog entry of one error code.
///
/// The five fields of the catalog are public, and also readable through the
/// methods of the same names; the entry is built only by the derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The numeric code.
    pub code: u32,
    /// The error's name.
    pub name: &'static str,
    /// The HTTP status answered for this code.
    pub status: StatusCode,
    /// The catalog message.
    pub message: &'static str,
    /// The category the code belongs to, where its type declares one.
    pub category: Option<&'static CategoryInfo>,
    owner: &'static str,
    messages: &'static [(&'static str, &'static str)],
    deprecated: Option<&'static str>,
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
            messages: &[],
            deprecated: None,
        }
    }

    #[doc(hidden)]
    #[must_use]
    pub const fn __with_messages(
        mut self,
        messages: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.messages = messages;
        self
    }

    #[doc(hidden)]
    #[must_use]
    pub const fn __deprecated(mut self, note: &'static str) -> Self {
        self.deprecated = Some(note);
        self
    }

    /// The message in other languages, as `(language tag, text)` pairs.
    #[must_use]
    pub const fn messages(&self) -> &'static [(&'static str, &'static str)] {
        self.messages
    }

    /// The message for `locale`, e.g. `en-US`: the exact tag, then its
    /// primary language (`en`), then the default message.
    #[must_use]
    pub fn message_for(&self, locale: &str) -> &'static str {
        self.translation(locale).unwrap_or(self.message)
    }

    /// The message in the first language of `locales` that has one, else
    /// the default message: a fallback chain such as `["fr-CA", "fr", "en"]`.
    #[must_use]
    pub fn message_in<S: AsRef<str>>(&self, locales: &[S]) -> &'static str {
        locales
            .iter()
            .find_map(|l| self.translation(l.as_ref()))
            .unwrap_or(self.message)
    }

    /// The message in `locale` (or its primary language), if translated.
    fn translation(&self, locale: &str) -> Option<&'static str> {
        translate(self.messages, locale)
    }

    /// Whether the code is deprecated: still answered and documented, but
    /// not to be used by new code.
    #[must_use]
    pub const fn is_deprecated(&self) -> bool {
        self.deprecated.is_some()
    }

    /// The deprecation note, when the code is deprecated (may be empty).
    #[must_use]
    pub const fn deprecation(&self) -> Option<&'static str> {
        self.deprecated
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

    /// The categories the codes belong to, each once, in code order.
    #[must_use]
    pub fn categories(&self) -> Vec<CategoryInfo> {
        let mut categories: Vec<CategoryInfo> = Vec::new();
        for info in self.entries.iter().filter_map(CodeInfo::category) {
            if !categories.contains(info) {
                categories.push(*info);
            }
        }
        categories
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

/// The text of `texts` for `locale`: the exact tag, then its primary language.
pub(crate) fn translate(
    texts: &'static [(&'static str, &'static str)],
    locale: &str,
) -> Option<&'static str> {
    let exact = |tag: &str| {
        texts
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(tag))
            .map(|(_, m)| *m)
    };
    exact(locale).or_else(|| {
        let primary = locale.split(['-', '_']).next()?;
        exact(primary)
    })
}
