use crate::category::{CategoryInfo, ReservedRange};
use crate::negotiate::{lookup_in, negotiate_in};
use http::StatusCode;

/// The static catalog entry of one error code.
///
/// The five fields of the catalog are public, and also readable through the
/// methods of the same names; the entry is built only by the derive.
// Laid out in declaration order, what an answer reads first: the code,
// status and message of an entry share a cache line, where the default
// layout may spread them over the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct CodeInfo {
    /// The numeric code.
    pub code: u32,
    /// The HTTP status answered for this code.
    pub status: StatusCode,
    /// The catalog message.
    pub message: &'static str,
    /// The error's name.
    pub name: &'static str,
    /// The category the code belongs to, where its type declares one.
    pub category: Option<&'static CategoryInfo>,
    owner: &'static str,
    reason: &'static str,
    domain: Option<&'static str>,
    url: Option<&'static str>,
    lang: Option<&'static str>,
    /// What few codes have, set apart so that an entry stays small (const
    /// evaluation builds and checks each entry of every catalog).
    extras: &'static Extras,
    /// Bit 0: a field carries violations; bit 1: a field says when to retry;
    /// bit 2: another code of the catalog has the same gRPC reason in the
    /// same domain.
    carries: u8,
}

impl CodeInfo {
    /// An entry with no gRPC reason, domain or link (placeholders, tests).
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __new(
        code: u32,
        name: &'static str,
        status: StatusCode,
        message: &'static str,
        category: Option<&'static CategoryInfo>,
        owner: &'static str,
    ) -> Self {
        Self::__entry(
            code,
            name,
            "",
            status,
            message,
            category,
            owner,
            (None, None, None),
        )
    }

    /// An entry as the derive writes it: one call, which const evaluation
    /// runs once per variant (each builder call would be one more).
    #[doc(hidden)]
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub const fn __entry(
        code: u32,
        name: &'static str,
        reason: &'static str,
        status: StatusCode,
        message: &'static str,
        category: Option<&'static CategoryInfo>,
        owner: &'static str,
        (domain, url, lang): (
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        ),
    ) -> Self {
        CodeInfo {
            code,
            name,
            status,
            message,
            category,
            owner,
            reason,
            domain,
            url,
            lang,
            extras: &Extras::NONE,
            carries: 0,
        }
    }

    /// The keys of the code's params: the fields its messages name and
    /// those marked `#[param]`, in field order (`["namespace", "name"]`).
    /// A value's answer sends each with its value.
    #[must_use]
    pub const fn params(&self) -> &'static [&'static str] {
        self.extras.params
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    #[track_caller]
    pub const fn __extras(mut self, extras: &'static Extras) -> Self {
        self.extras = extras;
        crate::expansion::check::one_text_per_language(&self);
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __carries(mut self, violations: bool, retry: bool) -> Self {
        self.carries = violations as u8 | ((retry as u8) << 1);
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __shared_reason(mut self) -> Self {
        self.carries |= 4;
        self
    }

    /// The `google.rpc.ErrorInfo` reason the code's answers carry: its
    /// [`grpc_reason`](Self::grpc_reason), unique within its domain as
    /// AIP-193 asks. Where two codes of one composed API share a domain
    /// and their names give the same reason (`NotFound` in two enums), each
    /// is told apart by its code: `NOT_FOUND_1004`, `NOT_FOUND_2004`.
    #[must_use]
    pub fn unique_grpc_reason(&self) -> std::borrow::Cow<'static, str> {
        if self.carries & 4 == 0 {
            return std::borrow::Cow::Borrowed(self.reason);
        }
        let suffix = format!("_{}", self.code);
        // ASCII only: any byte index is a character boundary.
        let keep = self.reason.len().min(63 - suffix.len());
        let stem = self.reason[..keep].trim_end_matches('_');
        std::borrow::Cow::Owned(format!("{stem}{suffix}"))
    }

    /// Whether the code's answers can list field violations (`errors`):
    /// its variant has a `#[violations]` field.
    #[must_use]
    pub const fn carries_violations(&self) -> bool {
        self.carries & 1 != 0
    }

    /// Whether the code's answers can say when to retry: `retry_after = …`
    /// or a `#[retry_after]` field.
    #[must_use]
    pub const fn can_retry(&self) -> bool {
        self.extras.retry_after != 0 || self.carries & 2 != 0
    }

    /// How long a client should wait before retrying: the code's
    /// `retry_after = …` (seconds).
    #[must_use]
    pub const fn retry_after(&self) -> Option<std::time::Duration> {
        if self.extras.retry_after == 0 {
            None
        } else {
            Some(std::time::Duration::from_secs(
                self.extras.retry_after as u64,
            ))
        }
    }

    /// The JSON Schema type of each of [`params`](Self::params), as the
    /// derive reads it from the field's type: `"string"`, `"integer"`,
    /// `"number"`, `"boolean"`, `"array"` (a `Vec`, a set, a slice, an
    /// array, a tuple) or `"object"` (a map), each followed by `"|null"`
    /// for an `Option` of it; `""` where it cannot tell (a type of the
    /// user's).
    #[must_use]
    pub const fn param_types(&self) -> &'static [&'static str] {
        self.extras.param_types
    }

    /// What a client relies on of the JSON of param `i` (the contract
    /// snapshot records it): its [`param_types`](Self::param_types) word
    /// with what is inside a list or a map (`array<integer>`), a tuple's
    /// items, an array's length, or a type of the user's by its path as
    /// written (`Inner|null`).
    #[cfg(feature = "tools")]
    #[inline]
    pub(crate) fn param_shape(&self, i: usize) -> &'static str {
        match self.extras.param_shapes.get(i) {
            Some(shape) if !shape.is_empty() => shape,
            _ => self.extras.param_types.get(i).copied().unwrap_or(""),
        }
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __lang(mut self, lang: Option<&'static str>) -> Self {
        self.lang = lang;
        self
    }

    /// The language of the untagged message (`lang = "zh"` on the enum or
    /// its category enum): negotiation treats that message as this
    /// language, beside its translations.
    #[must_use]
    pub const fn lang(&self) -> Option<&'static str> {
        self.lang
    }

    /// The untagged message in its language, where that is known.
    pub(crate) fn source(&self) -> Option<(&'static str, &'static str)> {
        self.lang.map(|lang| (lang, self.message))
    }

    /// The language tag of the message [`message_for`](Self::message_for)
    /// chooses for `locale`: a translation's tag, or [`lang`](Self::lang)
    /// where the untagged message is chosen (`None` if its language is not
    /// known). What an answer's `Content-Language` says.
    #[must_use]
    pub fn language_for(&self, locale: &str) -> Option<&'static str> {
        self.chosen_for(locale).1
    }

    /// The message [`message_for`](Self::message_for) chooses for
    /// `locale` and its language ([`language_for`](Self::language_for)),
    /// from one negotiation: a message is rendered by its language's
    /// plural rules, which its text alone does not tell (two languages
    /// may share a text).
    pub(crate) fn chosen_for(&self, locale: &str) -> (&'static str, Option<&'static str>) {
        match negotiate_in(self.source(), self.extras.messages, locale) {
            Some((tag, text)) => (text, Some(tag)),
            None => (self.message, self.lang),
        }
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    #[track_caller]
    pub const fn __relinked(
        mut self,
        domain: Option<&'static str>,
        url: Option<&'static str>,
        lang: Option<&'static str>,
    ) -> Self {
        if domain.is_some() {
            self.domain = domain;
        }
        if url.is_some() {
            self.url = url;
        }
        // A part that says its language keeps it: its messages are its own.
        if self.lang.is_none() {
            self.lang = lang;
            crate::expansion::check::one_text_per_language(&self);
        }
        self
    }

    /// The explanation in other languages (a Fluent `.explanation`
    /// attribute), as `(language tag, text)`.
    #[must_use]
    pub const fn explanations(&self) -> &'static [(&'static str, &'static str)] {
        self.extras.explanations
    }

    /// The explanation in the best language `locale` accepts (a tag or an
    /// `Accept-Language` value), with that language's tag where it is
    /// known: a translation, else the doc comment's (in [`lang`](Self::lang)),
    /// as the message falls back to the untagged one. Empty where neither
    /// is there.
    #[must_use]
    pub fn explanation_for(&self, locale: &str) -> (Option<&'static str>, &'static str) {
        let source = (!self.extras.explanation.is_empty())
            .then_some(self.lang)
            .flatten()
            .map(|lang| (lang, self.extras.explanation));
        match crate::negotiate::negotiate_in(source, self.extras.explanations, locale) {
            Some((tag, text)) => (Some(tag), text),
            None if !self.extras.explanation.is_empty() => (self.lang, self.extras.explanation),
            // As the message falls back to the untagged one only: no
            // explanation in a language picked for no reason.
            None => (None, ""),
        }
    }

    /// The long explanation: the doc comment after its first paragraph
    /// (Markdown), empty where there is none.
    #[must_use]
    pub const fn explanation(&self) -> &'static str {
        self.extras.explanation
    }

    /// The `google.rpc.Code` name given by `grpc = NAME`, where one is given;
    /// else the gRPC code follows the HTTP status.
    #[must_use]
    pub const fn grpc_override(&self) -> Option<&'static str> {
        self.extras.grpc
    }

    /// The `google.rpc.Code` name the code answers over gRPC: its `grpc =
    /// NAME`, else its HTTP status by Google's mapping (`404` →
    /// `NOT_FOUND`; another 4xx `FAILED_PRECONDITION`, another 5xx
    /// `INTERNAL`); the `grpc` module's `grpc_code` is this code.
    #[must_use]
    pub const fn grpc_code_name(&self) -> &'static str {
        match self.extras.grpc {
            Some(name) if !matches!(name.as_bytes(), b"OK") => name,
            _ => GRPC_NAMES[grpc_number_for_status(self.status.as_u16()) as usize],
        }
    }

    /// The `google.rpc.ErrorInfo` reason the code's name gives: the name in
    /// UPPER_SNAKE_CASE, within AIP-193's `[A-Z][A-Z0-9_]+[A-Z0-9]` and 63
    /// characters, written out by the derive (`GetPodError` →
    /// `GET_POD_ERROR`, `HTTPServer` → `HTTP_SERVER`). The reason an answer
    /// carries is [`unique_grpc_reason`](Self::unique_grpc_reason): this
    /// one, but where another code of the same API gives it too
    /// (`NOT_FOUND_2002`).
    ///
    /// Words break before an upper-case letter that follows a lower-case
    /// letter or a digit, and before the last capital of an acronym;
    /// characters other than ASCII letters and digits separate words. A
    /// result that would start with a digit is prefixed with `ERROR_`, one
    /// shorter than three characters is suffixed with `_ERROR`, and a name
    /// with no ASCII letter or digit gives `ERROR_` and the code.
    #[must_use]
    pub const fn grpc_reason(&self) -> &'static str {
        self.reason
    }

    /// The error domain: `#[error_code(domain = "…")]` on the enum, else
    /// `#[category(domain = "…")]` on its category enum.
    #[must_use]
    pub const fn domain(&self) -> Option<&'static str> {
        match (self.domain, self.category) {
            (Some(domain), _) => Some(domain),
            (None, Some(category)) => category.domain(),
            (None, None) => None,
        }
    }

    /// The `google.rpc.ErrorInfo` domain its gRPC answers carry: the
    /// [`domain`](Self::domain), else the name of the enum that declares
    /// the code, lower-cased (`PodError` → `poderror`).
    #[must_use]
    #[inline]
    pub fn grpc_domain(&self) -> std::borrow::Cow<'static, str> {
        match self.domain() {
            Some(domain) => std::borrow::Cow::Borrowed(domain),
            None => std::borrow::Cow::Owned(self.owner().to_ascii_lowercase()),
        }
    }

    /// The link template: `#[error_code(url = "…")]` on the enum, else
    /// `#[category(url = "…")]` on its category enum.
    #[must_use]
    pub const fn url_template(&self) -> Option<&'static str> {
        match (self.url, self.category) {
            (Some(url), _) => Some(url),
            (None, Some(category)) => category.url(),
            (None, None) => None,
        }
    }

    /// The code's documentation link, `{code}` and `{name}` filled in; the
    /// name percent-encoded (RFC 3986: every byte but the unreserved
    /// characters), so that `Pod Missing` or `找不到` makes a valid link.
    #[must_use]
    pub fn url(&self) -> Option<String> {
        let template = self.url_template()?;
        let mut name = String::with_capacity(self.name.len());
        for byte in self.name.bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                name.push(char::from(byte));
            } else {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                name.push('%');
                name.push(char::from(HEX[usize::from(byte >> 4)]));
                name.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
        Some(
            template
                .replace("{code}", &self.code.to_string())
                .replace("{name}", &name),
        )
    }

    /// The message in other languages, as `(language tag, text)` pairs.
    #[must_use]
    pub const fn messages(&self) -> &'static [(&'static str, &'static str)] {
        self.extras.messages
    }

    /// The message for `locale`: a language tag (`zh-Hant-TW`) or a whole
    /// `Accept-Language` value (`fr-CH, fr;q=0.9, en;q=0.8`). Each language
    /// range, in `q` order, is looked up as RFC 4647 says (`zh-Hant-TW`,
    /// then `zh-Hant`, then `zh`); the default message where none matches.
    #[must_use]
    pub fn message_for(&self, locale: &str) -> &'static str {
        self.chosen_for(locale).0
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

    /// The message in `locale` (or a shorter form of it), if translated.
    fn translation(&self, locale: &str) -> Option<&'static str> {
        lookup_in(self.source(), self.extras.messages, locale, &[]).map(|(_, text)| text)
    }

    /// Whether the code is deprecated: still answered and documented, but
    /// not to be used by new code.
    #[must_use]
    pub const fn is_deprecated(&self) -> bool {
        self.extras.deprecated.is_some()
    }

    /// The deprecation note, when the code is deprecated (may be empty).
    #[must_use]
    pub const fn deprecation(&self) -> Option<&'static str> {
        self.extras.deprecated
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

/// The rarer parts of an entry: translations, deprecation, explanation,
/// gRPC code, params and retry delay. Not public API: the derive writes
/// one constant of these for each code that has any.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extras {
    messages: &'static [(&'static str, &'static str)],
    deprecated: Option<&'static str>,
    explanation: &'static str,
    explanations: &'static [(&'static str, &'static str)],
    grpc: Option<&'static str>,
    params: &'static [&'static str],
    param_types: &'static [&'static str],
    param_shapes: &'static [&'static str],
    retry_after: u32,
}

impl Extras {
    /// None of them.
    pub const NONE: Extras = Extras {
        messages: &[],
        deprecated: None,
        explanation: "",
        explanations: &[],
        grpc: None,
        params: &[],
        param_types: &[],
        param_shapes: &[],
        retry_after: 0,
    };

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __with_messages(
        mut self,
        messages: &'static [(&'static str, &'static str)],
    ) -> Self {
        self.messages = messages;
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __deprecated(mut self, note: &'static str) -> Self {
        self.deprecated = Some(note);
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __explained(mut self, explanation: &'static str) -> Self {
        self.explanation = explanation;
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __explanations(mut self, texts: &'static [(&'static str, &'static str)]) -> Self {
        self.explanations = texts;
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __grpc(mut self, code: &'static str) -> Self {
        self.grpc = Some(code);
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __params(
        mut self,
        params: &'static [&'static str],
        types: &'static [&'static str],
    ) -> Self {
        self.params = params;
        self.param_types = types;
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __shapes(mut self, shapes: &'static [&'static str]) -> Self {
        self.param_shapes = shapes;
        self
    }

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __retry_after(mut self, seconds: u32) -> Self {
        self.retry_after = seconds;
        self
    }
}

/// Every code a type can produce, sorted by code; readable in const context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Catalog {
    entries: &'static [CodeInfo],
    retired: &'static [u32],
    /// The entries' codes, in the same order, where the type lists them:
    /// `get` searches them instead of the much larger entries.
    codes: &'static [u32],
    /// Whether a value can be made from each code alone (every variant
    /// fieldless, its parts' too).
    fieldless: bool,
    /// The reserved ranges of the type's code space, and its name: no code
    /// of an enum composing this one may lie in them either.
    reserved: (&'static str, &'static [ReservedRange]),
    /// The catalogs of the type's `transparent` parts.
    parts: &'static [Catalog],
}

impl Catalog {
    /// A catalog without codes.
    pub const EMPTY: Catalog = Catalog {
        entries: &[],
        retired: &[],
        codes: &[],
        fieldless: true,
        reserved: ("", &[]),
        parts: &[],
    };

    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __new(entries: &'static [CodeInfo], retired: &'static [u32]) -> Self {
        Catalog {
            entries,
            retired,
            codes: &[],
            fieldless: true,
            reserved: ("", &[]),
            parts: &[],
        }
    }

    /// The catalog of `entries` whose codes are `codes`, in order.
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __indexed(
        entries: &'static [CodeInfo],
        codes: &'static [u32],
        retired: &'static [u32],
    ) -> Self {
        Catalog {
            entries,
            retired,
            codes,
            fieldless: true,
            reserved: ("", &[]),
            parts: &[],
        }
    }

    /// The catalog, saying whether a value can be made from each of its
    /// codes alone (what `Fieldless` asks of a part). Not public API.
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __fieldless(self, fieldless: bool) -> Self {
        Catalog { fieldless, ..self }
    }

    /// The catalog with its code space's reserved ranges (`scheme` names
    /// it) and its parts' catalogs, which bind the codes of an enum that
    /// composes it. Not public API.
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __bound(
        self,
        scheme: &'static str,
        reserved: &'static [ReservedRange],
        parts: &'static [Catalog],
    ) -> Self {
        Catalog {
            reserved: (scheme, reserved),
            parts,
            ..self
        }
    }

    /// The reserved range of this catalog's code space, or of a part's,
    /// that holds `code`, with the space's name. Not public API.
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __reserved_for(&self, code: u32) -> Option<(&'static str, ReservedRange)> {
        let (scheme, ranges) = self.reserved;
        let mut i = 0;
        while i < ranges.len() {
            if ranges[i].contains(code) {
                return Some((scheme, ranges[i]));
            }
            i += 1;
        }
        let mut p = 0;
        while p < self.parts.len() {
            if let Some(found) = self.parts[p].__reserved_for(code) {
                return Some(found);
            }
            p += 1;
        }
        None
    }

    /// Whether a value can be made from each code alone. Not public API.
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __is_fieldless(&self) -> bool {
        self.fieldless
    }

    /// The entry of `code` here, else `own`, the part's: a composed enum's
    /// catalog carries its own `domain` and `url`.
    #[doc(hidden)]
    #[must_use]
    pub fn __entry_of(&self, code: u32, own: &'static CodeInfo) -> &'static CodeInfo {
        match self.get(code) {
            Some(entry) => entry,
            None => own,
        }
    }

    /// The codes of `entries`, in order: what [`Catalog::__indexed`] takes.
    #[doc(hidden)]
    #[must_use]
    #[inline]
    pub const fn __codes<const N: usize>(entries: &[CodeInfo]) -> [u32; N] {
        let mut codes = [0; N];
        let mut i = 0;
        while i < N && i < entries.len() {
            codes[i] = entries[i].code;
            i += 1;
        }
        codes
    }

    /// The codes retired by the type and its parts (`#[error_code(retired
    /// = [...])]`) and by their code spaces (`#[category(retired = [...])]`,
    /// [`ErrorCategory::RETIRED`](crate::ErrorCategory::RETIRED)), sorted: no
    /// variant may use them again, also through an enum that composes this one.
    #[must_use]
    pub const fn retired(&self) -> &'static [u32] {
        self.retired
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
        // The codes alone, where the type lists them: a search over them
        // touches a few cache lines where one over the entries touches one
        // an entry.
        const fn code_at(entries: &[CodeInfo], codes: &[u32], i: usize) -> u32 {
            if codes.len() == entries.len() {
                codes[i]
            } else {
                entries[i].code
            }
        }
        let (entries, codes) = (self.entries, self.codes);
        if entries.is_empty() {
            return None;
        }
        // Without a branch on the comparison (a select, as the standard
        // library's search): the next probe does not wait for a guess.
        let (mut base, mut size) = (0, entries.len());
        while size > 1 {
            let half = size / 2;
            let mid = base + half;
            base = if code_at(entries, codes, mid) <= code {
                mid
            } else {
                base
            };
            size -= half;
        }
        if code_at(entries, codes, base) == code {
            Some(&entries[base])
        } else {
            None
        }
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

/// The `google.rpc.Code` names, by number.
pub(crate) const GRPC_NAMES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/// The `google.rpc.Code` number an HTTP status answers, by Google's
/// mapping: the one home of that table (the gRPC glue and the snapshot
/// read it).
pub(crate) const fn grpc_number_for_status(status: u16) -> i32 {
    match status {
        400 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 10,
        429 => 8,
        499 => 1,
        500 => 13,
        501 => 12,
        503 => 14,
        504 => 4,
        n => match n / 100 {
            4 => 9,
            5 => 13,
            _ => 2,
        },
    }
}
