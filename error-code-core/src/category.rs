use core::ops::RangeInclusive;

/// One category of an API's code space: a name, a range and a description.
///
/// The fields are public, and also readable through the methods of the same
/// names; the value is built only by the derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CategoryInfo {
    /// The category's name: the variant's identifier.
    pub name: &'static str,
    /// The first code of the category.
    pub start: u32,
    /// The last code of the category.
    pub end: u32,
    /// The category's description: the variant's doc comment.
    pub description: &'static str,
    descriptions: &'static [(&'static str, &'static str)],
    domain: Option<&'static str>,
    url: Option<&'static str>,
    lang: Option<&'static str>,
}

impl CategoryInfo {
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __new(
        name: &'static str,
        start: u32,
        end: u32,
        description: &'static str,
    ) -> Self {
        CategoryInfo {
            name,
            start,
            end,
            description,
            descriptions: &[],
            domain: None,
            url: None,
            lang: None,
        }
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __lang(mut self, lang: &'static str) -> Self {
        self.lang = Some(lang);
        self
    }

    /// The language of the untagged descriptions and messages of the
    /// scheme: `#[category(lang = "zh")]`.
    #[must_use]
    pub const fn lang(&self) -> Option<&'static str> {
        self.lang
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __linked(
        mut self,
        domain: Option<&'static str>,
        url: Option<&'static str>,
    ) -> Self {
        self.domain = domain;
        self.url = url;
        self
    }

    /// The error domain of the scheme: `#[category(domain = "…")]`.
    #[must_use]
    pub const fn domain(&self) -> Option<&'static str> {
        self.domain
    }

    /// The link template of the scheme's codes: `#[category(url = "…")]`.
    #[must_use]
    pub const fn url(&self) -> Option<&'static str> {
        self.url
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __with_descriptions(
        mut self,
        descriptions: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.descriptions = descriptions;
        self
    }

    /// The description in other languages, as `(language tag, text)` pairs:
    /// `#[category(2000..=2999, description(en = "Pod errors"))]`.
    #[must_use]
    pub const fn descriptions(&self) -> &'static [(&'static str, &'static str)] {
        self.descriptions
    }

    /// The description for `locale` (a tag or a whole `Accept-Language`
    /// value), found by RFC 4647 lookup among the translations, else the
    /// doc comment.
    #[must_use]
    pub fn description_for(&self, locale: &str) -> &'static str {
        let source = self.lang.map(|lang| (lang, self.description));
        crate::negotiate::translate(source, self.descriptions, locale).unwrap_or(self.description)
    }

    /// The category's name: the variant's identifier.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The category's description: the variant's doc comment.
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The first code of the category.
    #[must_use]
    pub const fn start(&self) -> u32 {
        self.start
    }

    /// The last code of the category.
    #[must_use]
    pub const fn end(&self) -> u32 {
        self.end
    }

    /// The category's codes, e.g. `2000..=2999`.
    #[must_use]
    pub const fn range(&self) -> RangeInclusive<u32> {
        RangeInclusive::new(self.start, self.end)
    }

    /// Whether `code` is in this category's range.
    #[must_use]
    pub const fn contains(&self, code: u32) -> bool {
        self.start <= code && code <= self.end
    }
}

/// A range of codes kept out of use, e.g. `6000..=8999`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReservedRange {
    /// The first reserved code.
    pub start: u32,
    /// The last reserved code.
    pub end: u32,
}

impl ReservedRange {
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __new(start: u32, end: u32) -> Self {
        ReservedRange { start, end }
    }

    /// The first reserved code.
    #[must_use]
    pub const fn start(&self) -> u32 {
        self.start
    }

    /// The last reserved code.
    #[must_use]
    pub const fn end(&self) -> u32 {
        self.end
    }

    /// The reserved codes as a range.
    #[must_use]
    pub const fn range(&self) -> RangeInclusive<u32> {
        RangeInclusive::new(self.start, self.end)
    }

    /// Whether `code` is reserved by this range.
    #[must_use]
    pub const fn contains(&self, code: u32) -> bool {
        self.start <= code && code <= self.end
    }
}

/// The code space of an API, declared once with `#[derive(ErrorCategory)]`.
///
/// The derive adds no inherent item to the enum: `Category::of(code)` and
/// `Category::ALL` are this trait's (in scope wherever the derive is
/// imported by name), and a method of the enum's own with one of these
/// names is no conflict.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `ErrorCategory`",
    label = "this type does not derive `ErrorCategory`",
    note = "add #[derive(ErrorCategory)] to `{Self}`: `category = …` and `scheme = …` name a code space"
)]
pub trait ErrorCategory: Sized + 'static {
    /// Every category, in declaration order.
    const ALL: &'static [Self];
    /// The static description of every category, in declaration order.
    const CATEGORIES: &'static [CategoryInfo];
    /// The reserved ranges, in declaration order.
    const RESERVED: &'static [ReservedRange];
    /// Retired codes: no enum of the scheme may use them again.
    const RETIRED: &'static [u32] = &[];

    /// The categories, reserved ranges and retired codes, as the derive's
    /// checks read them in one path. Not public API.
    #[doc(hidden)]
    const __SPACE: (
        &'static [CategoryInfo],
        &'static [ReservedRange],
        &'static [u32],
    ) = (Self::CATEGORIES, Self::RESERVED, Self::RETIRED);

    /// The category whose range holds `code`.
    fn of(code: u32) -> Option<Self>;

    /// This category's static description.
    fn info(&self) -> &'static CategoryInfo;

    /// The category's name.
    fn name(&self) -> &'static str {
        self.info().name()
    }

    /// The category's range of codes.
    fn range(&self) -> RangeInclusive<u32> {
        self.info().range()
    }

    /// The category's description.
    fn description(&self) -> &'static str {
        self.info().description()
    }

    /// Whether `code` lies in a reserved range.
    fn is_reserved(code: u32) -> bool {
        Self::RESERVED.iter().any(|r| r.contains(code))
    }
}
