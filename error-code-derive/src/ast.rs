//! Typed models of the derive inputs, borrowing from syn, and the facts
//! derived from them once (`prop`-style methods), which the checks and the
//! expansion ask for instead of re-scanning variants.

use crate::attr::{self, CodeArgs, CodeAttr, EnumAttrs, Num, Range, SchemeAttrs};
use crate::doc::{self, Doc};
use crate::errors::Errors;
use crate::fluent;
use crate::symbol;
use crate::template;
use crate::tokens::tokens;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Expr, Fields, Ident, Lit, LitStr, Member, Type};

/// An enum deriving `ErrorCode`.
pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub attrs: EnumAttrs,
    pub variants: Vec<Variant<'a>>,
    /// The Fluent files of `translations = …`, a language each.
    pub languages: Vec<fluent::Language>,
    /// The indices of the variants with their own code, sorted by code
    /// (declaration order among equal codes): derived once.
    order: Vec<usize>,
}

/// A variant with its own code, with its index among all variants.
pub type Own<'i, 'a> = (usize, &'i Variant<'a>, &'i Code<'a>);

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub fields: &'a Fields,
    pub kind: Kind<'a>,
    /// Whether the macro found no mistake in the variant: beside other
    /// mistakes, its fields are checked as the real expansion checks them.
    pub sound: bool,
}

#[allow(clippy::large_enum_variant)] // Built once per variant, never moved around.
pub enum Kind<'a> {
    /// `#[code(2001, status = 404, ...)]`
    Code(Code<'a>),
    /// `#[code(transparent)]` on a variant with exactly one field.
    Part(Part<'a>),
}

/// A wrapped error: `#[code(transparent)] Pod(PodError)`.
pub struct Part<'a> {
    pub member: Member,
    pub ty: &'a Type,
    /// The span of `transparent`.
    pub span: Span,
    /// Its place among the enum's parts (`__PARTS[index]`).
    pub index: usize,
}

/// One code declared by a variant, defaults applied.
pub struct Code<'a> {
    pub code: Num<u32>,
    /// The discriminant, where it is an integer literal.
    pub discriminant: Option<Num<u32>>,
    /// The discriminant expression, where the code is written in
    /// `#[code]` and the discriminant is no literal: checked to agree in
    /// const evaluation.
    pub discriminant_expr: Option<&'a Expr>,
    pub status: Num<u32>,
    /// Whether the variant gave its own status (else the enum's default).
    pub own_status: bool,
    pub name: String,
    /// The span of `name = "…"`, else of the variant's identifier.
    pub name_span: Span,
    /// `message = "…"`, else the doc comment's first paragraph.
    pub message: Message<'a>,
    /// The doc comment after its first paragraph.
    pub explanation: Message<'a>,
    /// The explanation in other languages (Fluent `.explanation`): (tag, text).
    pub explanations: Vec<(String, String)>,
    /// The message in other languages: (language tag, text).
    pub messages: Vec<(String, String)>,
    /// The fields the messages name or `#[param]` marks, in field order:
    /// what the answer sends as `params`.
    pub params: Vec<ParamField<'a>>,
    /// `Some(note)` when deprecated; the note may be empty.
    pub deprecated: Option<String>,
    /// `grpc = NAME`
    pub grpc: Option<String>,
    /// `retry_after = 30`
    pub retry_after: Option<Num<u32>>,
    /// The field marked `#[retry_after]`.
    pub retry_field: Option<Marked>,
    /// The field marked `#[violations]`.
    pub violations_field: Option<Marked>,
    /// Whether the variant is a unit whose `#[error("…")]` (thiserror's
    /// `Display`) is its message up to case and white space: its `Display` then never
    /// says more than the message, which the answer path need not check.
    pub displays_message: bool,
}

/// A field sent with the answer: named by a message or marked `#[param]`.
pub struct ParamField<'a> {
    /// The key on the wire: the field's name, or its index in a tuple.
    pub key: String,
    pub member: Member,
    pub ty: &'a Type,
    /// The span of the field.
    pub span: Span,
}

/// A field marked with one of the field attributes.
pub struct Marked {
    pub member: Member,
    /// The span of the field.
    pub span: Span,
}

/// The field of `variant` marked `#[name]`, if any: one at most, with no
/// arguments.
fn marked(variant: &syn::Variant, name: &str, errors: &mut Errors) -> Option<Marked> {
    let mut found: Option<Marked> = None;
    for (key, member, field) in field_keys(&variant.fields) {
        let mut member = Some(member);
        for a in crate::attr::named(&field.attrs, name) {
            if !matches!(a.meta, syn::Meta::Path(_)) {
                errors.spanned(a, format!("#[{name}] takes no arguments"));
            }
            let Some(member) = member.take() else {
                errors.spanned(a, format!("#[{name}] is given twice on this field"));
                continue;
            };
            if let Some(first) = &found {
                let first = match &first.member {
                    Member::Named(ident) => ident.to_string(),
                    Member::Unnamed(index) => index.index.to_string(),
                };
                errors.spanned(
                    a,
                    format!(
                        "`{}` has two fields marked #[{name}], `{first}` and `{key}`; mark one",
                        variant.ident
                    ),
                );
                continue;
            }
            found = Some(Marked {
                member,
                span: field_span(field),
            });
        }
    }
    found
}

/// A text known to the macro, or one rustc computes from doc expressions.
pub enum Message<'a> {
    Text(String),
    /// The doc attributes' expressions, and which part of the doc: the
    /// first paragraph (`false`) or the rest (`true`); the fallback is used
    /// where the doc is empty.
    Doc {
        exprs: Vec<&'a Expr>,
        explanation: bool,
        fallback: String,
    },
}

/// Where [`Translated::add`] puts what a file gives a code: its messages,
/// their spans, and its explanations (codes only).
type Given<'v> = (
    &'v mut Vec<(String, String)>,
    Option<&'v mut Vec<Span>>,
    Option<&'v mut Vec<(String, String)>>,
);

/// The Fluent messages given to the codes so far: which of each file's
/// messages a code took, and which codes each language lacks.
struct Translated<'l> {
    languages: &'l [fluent::Language],
    used: Vec<Vec<bool>>,
    missing: Vec<Vec<String>>,
    codes: Vec<String>,
    /// Whether the ids are categories (descriptions), not codes.
    codes_are_categories: bool,
}

impl<'l> Translated<'l> {
    fn new(languages: &'l [fluent::Language]) -> Self {
        Translated {
            languages,
            used: {
                let mut used = Vec::with_capacity(languages.len());
                for l in languages {
                    used.push(vec![false; l.messages.len()]);
                }
                used
            },
            missing: {
                let mut missing = Vec::with_capacity(languages.len());
                for _ in languages {
                    missing.push(Vec::new());
                }
                missing
            },
            codes: Vec::new(),
            codes_are_categories: false,
        }
    }

    /// Gives the code `name` of `variant` its message of each language,
    /// as `message(tag = …)` would.
    fn add(
        &mut self,
        variant: &syn::Variant,
        name: &str,
        (messages, mut spans, mut explanations): Given<'_>,
        lang: Option<&LitStr>,
        pattern: &LitStr,
        errors: &mut Errors,
    ) {
        self.codes.push(name.to_owned());
        let fields = field_keys(&variant.fields);
        let mut keys: Vec<String> = Vec::with_capacity(fields.len());
        for (k, _, _) in &fields {
            keys.push(k.clone());
        }
        for li in 0..self.languages.len() {
            let language = &self.languages[li];
            let tag = &language.tag;
            let Some(mi) = language.messages.iter().position(|m| m.id == name) else {
                let inline = crate::errors::tag_at(messages, tag).is_some() || is_lang(lang, tag);
                if !inline {
                    self.missing[li].push(name.to_owned());
                }
                continue;
            };
            self.used[li][mi] = true;
            let message = &language.messages[mi];
            if message.failed {
                // Said where it was read: the code has a text here.
                continue;
            }
            let shown = &language.shown;
            let mut fits = true;
            for (var, line) in &message.variables {
                if key_at(&fields, var).is_some() {
                    continue;
                }
                fits = false;
                let list = crate::errors::strs(&keys);
                let why = no_such_field(var, &variant.ident, &list, &|n| format!("{{ ${n} }}"));
                errors.at(
                    pattern.span(),
                    format!("{shown}:{line}: `{{ ${var} }}` in `{name}` {why}"),
                );
            }
            // A select chooses by a number (its plural category) or a string.
            for (var, line) in &message.selects {
                let Some(at) = key_at(&fields, var) else {
                    continue;
                };
                let field = fields[at].2;
                if let Some(kind) = unselectable(&field.ty) {
                    fits = false;
                    errors.at(
                        pattern.span(),
                        format!("{shown}:{line}: `{{ ${var} -> … }}` in `{name}` selects by `{var}`, {kind}: a select chooses by a number (its plural category) or a string"),
                    );
                }
            }
            for (var, key, default) in template::select_keys(&message.template) {
                let Some(at) = key_at(&fields, var) else {
                    continue;
                };
                if !default
                    && unselectable(&fields[at].2.ty).is_none()
                    && let Some(why) = dead_key(&fields[at].2.ty, key, cfg!(feature = "fluent"))
                {
                    fits = false;
                    let mut line = message.line;
                    for (selected, at) in &message.selects {
                        if selected == var {
                            line = *at;
                            break;
                        }
                    }
                    errors.at(
                        pattern.span(),
                        format!("{shown}:{line}: `[{key}]` in `{name}` is never chosen: {why}"),
                    );
                }
            }
            if let (Some(explanation), Some(explanations)) =
                (&message.explanation, explanations.as_deref_mut())
            {
                explanations.push((tag.clone(), explanation.clone()));
            }
            let twice = crate::errors::tag_at(messages, tag).is_some() || is_lang(lang, tag);
            if twice {
                errors.at(
                    pattern.span(),
                    format!(
                        "{shown}:{}: `{name}` has its `{tag}` message twice, here and in the enum (`message({} = …)` or a `lang = \"{tag}\"` doc comment); keep one",
                        message.line,
                        inline_key(tag)
                    ),
                );
                continue;
            }
            if fits {
                messages.push((tag.clone(), message.template.clone()));
                if let Some(spans) = spans.as_deref_mut() {
                    spans.push(pattern.span());
                }
            }
        }
    }

    /// The stale messages (ids that name no code), and the codes each
    /// language lacks, all in one error per file.
    fn finish(&self, ty: &Ident, pattern: &LitStr, errors: &mut Errors) {
        let what = if self.codes_are_categories {
            "category"
        } else {
            "code"
        };
        let codes = crate::errors::strs(&self.codes);
        for li in 0..self.languages.len() {
            let language = &self.languages[li];
            for mi in 0..language.messages.len() {
                let message = &language.messages[mi];
                // A message with a mistake is said once, for that mistake.
                if self.used[li][mi] || message.failed {
                    continue;
                }
                let mut text = format!(
                    "{}:{}: `{}` names no {what} of `{ty}` (a stale translation?)",
                    language.shown, message.line, message.id
                );
                let near = crate::errors::nearest(&message.id, &codes);
                if self.codes_are_categories {
                    if let Some(near) = near {
                        text.push_str(&format!("; did you mean `{near}`?"));
                    }
                } else {
                    // The derive sees no variant a `#[cfg]` leaves out,
                    // whether or not a name is near.
                    let id = &message.id;
                    match near {
                        Some(near) => text.push_str(&format!(
                            "; did you mean `{near}`, or is `{id}` a code behind a `#[cfg]`? Such a code"
                        )),
                        None => text.push_str(&format!(
                            "; if `{id}` is a code behind a `#[cfg]`, it"
                        )),
                    }
                    text.push_str(&format!(
                        " gives its texts inline, as `#[code(…, message({} = \"…\"))]`",
                        inline_key(&language.tag)
                    ));
                }
                errors.at(pattern.span(), text);
            }
            if !self.missing[li].is_empty() && !language.reported {
                let missing = crate::errors::strs(&self.missing[li]);
                let mut text = format!(
                    "{} lacks {}: every {what} of `{ty}` needs a text in each language's file",
                    language.shown,
                    crate::errors::join(&missing, ", ")
                );
                // A name Fluent cannot write as a message id.
                let mut unwritable = None;
                for name in &missing {
                    if !fluent_id(name) {
                        unwritable = Some(name);
                        break;
                    }
                }
                if let Some(name) = unwritable {
                    text.push_str(&format!(
                        "; `{name}` is no Fluent id: give its texts inline, as `message({} = \"…\")`",
                        inline_key(&language.tag)
                    ));
                }
                errors.at(pattern.span(), text);
            }
        }
    }
}

/// A language tag as a key of `message(…)`: quoted where it has a `-`.
fn inline_key(tag: &str) -> String {
    if tag.contains('-') {
        format!("\"{tag}\"")
    } else {
        tag.to_owned()
    }
}

/// Whether `name` can be a Fluent message id: a letter, then letters,
/// digits, `_` and `-`.
fn fluent_id(name: &str) -> bool {
    let mut chars = name.chars();
    if !matches!(chars.next(), Some(c) if c.is_ascii_alphabetic()) {
        return false;
    }
    for c in chars {
        if !(c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return false;
        }
    }
    true
}

/// Where a field is: its name, or its type for a tuple field.
fn field_span(field: &syn::Field) -> Span {
    match &field.ident {
        Some(ident) => ident.span(),
        None => syn::spanned::Spanned::span(&field.ty),
    }
}

/// Whether `lang = "…"` names the language `tag`.
fn is_lang(lang: Option<&LitStr>, tag: &str) -> bool {
    match lang {
        Some(lang) => lang.value().eq_ignore_ascii_case(tag),
        None => false,
    }
}

/// What a placeholder that names no field of `ident` is told: the fields
/// there are, or that there are none, and the nearest one, written as
/// `shown` writes a placeholder (`{name}`, `{ $name }`).
fn no_such_field(
    var: &str,
    ident: &Ident,
    keys: &[&str],
    shown: &dyn Fn(&str) -> String,
) -> String {
    let mut why = if keys.is_empty() {
        format!("names no field: `{ident}` has none")
    } else {
        format!(
            "names no field of `{ident}`; its fields are `{}`",
            crate::errors::join(keys, "`, `")
        )
    };
    if let Some(near) = crate::errors::nearest(var, keys) {
        why.push_str(&format!(" (did you mean `{}`?)", shown(near)));
    }
    why
}

/// Whether thiserror derives on `input`: `#[error(…)]` on the enum or a
/// variant.
pub fn uses_thiserror(input: &DeriveInput) -> bool {
    if crate::attr::has(&input.attrs, &["error"]) {
        return true;
    }
    if let Data::Enum(data) = &input.data {
        for v in &data.variants {
            if crate::attr::has(&v.attrs, &["error"]) {
                return true;
            }
        }
    }
    false
}

/// The status of a variant that gives none and whose enum gives no default.
pub const DEFAULT_STATUS: u32 = 500;

/// Names the item kind for "can only be derived for enums" errors.
pub fn not_an_enum(input: &DeriveInput, derive: &str, errors: &mut Errors) {
    let (span, kind) = match &input.data {
        Data::Struct(s) => (s.struct_token.span, "a struct"),
        Data::Union(u) => (u.union_token.span, "a union"),
        Data::Enum(_) => return,
    };
    errors.at(
        span,
        format!("#[derive({derive})] applies to enums only, not to {kind}"),
    );
}

/// The text of a variant's thiserror `#[error("…")]`, where it is a single
/// string literal (no arguments): that literal, word for word, and its span.
fn display_text(attrs: &[syn::Attribute]) -> Option<(String, Span)> {
    // One `#[error("…")]`, a string literal.
    let [a] = crate::attr::named(attrs, "error")[..] else {
        return None;
    };
    let list = a.meta.require_list().ok()?;
    let lit = syn::parse2::<LitStr>(list.tokens.clone()).ok()?;
    Some((lit.value(), lit.span()))
}

/// The thiserror text as a literal without braces: what `Display` shows
/// whatever the fields.
fn display_literal(attrs: &[syn::Attribute]) -> Option<String> {
    match display_text(attrs) {
        Some((text, _)) if !text.contains(['{', '}']) => Some(text),
        _ => None,
    }
}

/// The code a `#[code(…)]` variant declares, its message resolved (the
/// doc comment, `message = …`, thiserror's text, a file of `translations`,
/// the variant's name) and its params found; `None` where a mistake leaves
/// it without a code (pushed to `errors`).
fn code_of<'a>(
    variant: &'a syn::Variant,
    mut args: CodeArgs,
    read: Result<Option<Num<u32>>, ()>,
    (attrs, default_status): (&EnumAttrs, Num<u32>),
    translated: &mut Translated<'_>,
    errors: &mut Errors,
) -> Option<Code<'a>> {
    let name = variant.ident.unraw().to_string();
    let code_written = args.code.is_some();
    let discriminant = read.ok().flatten();
    let Some(code) = args.code.or(discriminant) else {
        match (&variant.discriminant, read) {
            // A literal that is no code: said where it was read.
            (Some(_), Err(())) => {}
            // At the expression: the derive cannot compute it.
            (Some((_, expr)), Ok(_)) => errors.spanned(
                expr,
                format!(
                    "the code of `{name}` is this discriminant, which the derive cannot read: write the code as #[code(<code>, …)] (the discriminant is then checked against it), or the discriminant as an integer literal, `{name} = <code>`"
                ),
            ),
            // A mistake in the attribute is said there: no code is its.
            (None, _) if args.mistaken => {}
            (None, _) => errors.spanned(
                &variant.ident,
                format!(
                    "variant `{name}` has no code; write #[code(<code>, status = <status>)] or give the code as its discriminant, `{name} = <code>`"
                ),
            ),
        }
        return None;
    };
    let status = args.status.unwrap_or(default_status);
    let doc = doc::doc(&variant.attrs);
    let mut message_span = match crate::attr::named(&variant.attrs, "doc").first() {
        Some(doc) => syn::spanned::Spanned::span(doc),
        None => variant.ident.span(),
    };
    let from_doc = matches!(&doc, Doc::Text { summary, .. } if !summary.is_empty());
    // Whether the message is the variant's name, for want of any.
    let mut fell_back = false;
    let (message, mut explanation) = match doc {
        // No doc comment: thiserror's `#[error("…")]` text where it
        // reads as a message, else the variant's name.
        Doc::Text {
            summary,
            explanation,
        } => (
            Message::Text(if summary.is_empty() {
                match display_message(variant, status.value) {
                    Some((text, span)) => {
                        message_span = span;
                        if args.message.is_none() {
                            sources_named(variant, &text, span, errors);
                        }
                        text
                    }
                    None => {
                        fell_back = true;
                        name.clone()
                    }
                }
            } else {
                summary
            }),
            Message::Text(explanation),
        ),
        Doc::Exprs(exprs) => (
            Message::Doc {
                exprs: exprs.clone(),
                explanation: false,
                fallback: name.clone(),
            },
            Message::Doc {
                exprs,
                explanation: true,
                fallback: String::new(),
            },
        ),
    };
    if let Some(m) = &args.message {
        message_span = m.span();
    }
    // `lang` makes the untagged message that language's.
    if let Some(lang) = &attrs.lang {
        let lang = lang.value();
        for ((tag, _), span) in args.messages.iter().zip(&args.message_spans) {
            if tag.eq_ignore_ascii_case(&lang) {
                errors.at(
                    *span,
                    format!(
                        "`{name}` has its `{tag}` message twice: with `lang = \"{lang}\"` the untagged message (the doc comment or `message = …`) is the `{tag}` one; keep one"
                    ),
                );
            }
        }
    }
    let mut explanations = Vec::new();
    if let Some(pattern) = &attrs.translations {
        let code_name = match &args.name {
            Some(given) => given.value(),
            None => name.clone(),
        };
        // A code with no message of its own takes the file
        // of `lang`'s language as its message.
        let own = !(fell_back && args.message.is_none());
        translated.add(
            variant,
            &code_name,
            (
                &mut args.messages,
                Some(&mut args.message_spans),
                Some(&mut explanations),
            ),
            if own { attrs.lang.as_ref() } else { None },
            pattern,
            errors,
        );
        if let (false, Some(lang)) = (own, &attrs.lang) {
            let lang = lang.value();
            if let Some(at) = crate::errors::tag_at(&args.messages, &lang) {
                let (_, text) = args.messages.remove(at);
                let span = args.message_spans.remove(at);
                args.message = Some(LitStr::new(&text, span));
                if let Some(i) = crate::errors::tag_at(&explanations, &lang) {
                    explanation = Message::Text(explanations.remove(i).1);
                }
            }
        }
    }
    // Whether the message is the doc comment's, as written.
    let from_doc = args.message.is_none() && from_doc;
    let message = match args.message {
        Some(given) => Message::Text(given.value()),
        None => message,
    };
    let mut texts: Vec<(&str, Span, bool)> = Vec::new();
    if let Message::Text(text) = &message {
        texts.push((text, message_span, from_doc));
    }
    for ((_, text), span) in args.messages.iter().zip(&args.message_spans) {
        texts.push((text, *span, false));
    }
    let params = params(variant, &texts, errors);
    let retry_field = marked(variant, "retry_after", errors);
    let violations_field = marked(variant, "violations", errors);
    if let Some(seconds) = &args.retry_after
        && seconds.value == 0
    {
        errors.at(
            seconds.span,
            format!(
                "`retry_after = 0` on `{name}` says nothing: give the seconds to wait, at least 1"
            ),
        );
    }
    // Its text says nothing more than the message, also where it only
    // capitalises or spaces it otherwise: the runtime's rule for a
    // `Display` it writes, through the same comparison.
    let displays_message = matches!(variant.fields, Fields::Unit)
        && matches!((&message, display_literal(&variant.attrs)),
            (Message::Text(text), Some(shown)) if crate::grammar::reads_as(&shown, text));
    let discriminant_expr = match (&variant.discriminant, read) {
        (Some((_, expr)), Ok(None)) if code_written => Some(expr),
        _ => None,
    };
    // Checked as written; kept with each placeholder as its param's name.
    let message = match message {
        Message::Text(text) => Message::Text(template::canonical(text)),
        doc @ Message::Doc { .. } => doc,
    };
    let mut messages = args.messages;
    for pair in &mut messages {
        pair.1 = template::canonical(std::mem::take(&mut pair.1));
    }
    Some(Code {
        code,
        discriminant,
        discriminant_expr,
        own_status: args.status.is_some(),
        status,
        name_span: match &args.name {
            Some(given) => given.span(),
            None => variant.ident.span(),
        },
        name: match args.name {
            Some(given) => given.value(),
            None => name,
        },
        message,
        explanation,
        explanations,
        messages,
        params,
        deprecated: args.deprecated,
        grpc: args.grpc,
        retry_after: args.retry_after,
        retry_field,
        violations_field,
        displays_message,
    })
}

/// The part a `#[code(transparent)]` variant wraps; `None` where it has
/// not exactly one field (pushed to `errors`).
fn part_of<'a>(
    variant: &'a syn::Variant,
    span: Span,
    index: usize,
    errors: &mut Errors,
) -> Option<Part<'a>> {
    for field in &variant.fields {
        for a in &field.attrs {
            if !crate::attr::is_one_of(a, &["param", "retry_after", "violations"]) {
                continue;
            }
            errors.spanned(
                a,
                format!(
                    "#[{}] does not go on the field of a #[code(transparent)] variant: the wrapped error's own fields say it",
                    a.path().get_ident().map(ToString::to_string).unwrap_or_default()
                ),
            );
        }
    }
    let mut fields = variant.fields.iter();
    match (fields.next(), fields.next()) {
        (Some(field), None) => Some(Part {
            member: match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::from(0),
            },
            ty: &field.ty,
            span,
            index,
        }),
        _ => {
            errors.at(
                span,
                format!(
                    "#[code(transparent)] needs exactly one field, the wrapped error; variant `{}` has {}",
                    variant.ident,
                    variant.fields.len()
                ),
            );
            None
        }
    }
}

/// Whether `ident` is one of the enum's type parameters.
fn is_generic(ident: &Ident, generics: &[String]) -> bool {
    for g in generics {
        if ident == g.as_str() {
            return true;
        }
    }
    false
}

/// Where the field of key `name` is among `keys`: one search for every
/// lookup by key, where a closure at each compiled its own.
fn key_at(keys: &[(String, Member, &syn::Field)], name: &str) -> Option<usize> {
    let mut at = 0;
    while at < keys.len() {
        if keys[at].0 == name {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The keys of a variant's fields (`name`, or `0` in a tuple), with each
/// field.
fn field_keys(fields: &Fields) -> Vec<(String, Member, &syn::Field)> {
    let mut out = Vec::with_capacity(fields.len());
    for (i, f) in fields.iter().enumerate() {
        out.push(match &f.ident {
            Some(ident) => (ident.unraw().to_string(), Member::Named(ident.clone()), f),
            None => (i.to_string(), Member::from(i), f),
        });
    }
    out
}

/// The thiserror text as a message, where it reads as one: a plain literal,
/// or one whose placeholders name fields (not for a 5xx code, whose fields
/// are internal unless a message names them).
fn display_message(variant: &syn::Variant, status: u32) -> Option<(String, Span)> {
    let (text, span) = display_text(&variant.attrs)?;
    let keys = field_keys(&variant.fields);
    let names = template::placeholders(&text).ok()?;
    let reads = names.is_empty()
        || (status < 500 && {
            let mut all = true;
            for n in &names {
                all &= key_at(&keys, n).is_some();
            }
            all
        });
    // Words of its own beside the placeholders: `"{0}"` is no message.
    let mut words = text.clone();
    for name in &names {
        words = words.replace(&format!("{{{name}}}"), "");
    }
    if reads && words.chars().any(char::is_alphanumeric) {
        Some((text, span))
    } else {
        None
    }
}

/// Where thiserror's text is taken as the message and names the error's
/// source (`#[source]`, `#[from]`, or a field named `source`), that would
/// make the source a param: one error saying why, and what to write.
fn sources_named(variant: &syn::Variant, text: &str, span: Span, errors: &mut Errors) {
    let Ok(names) = template::placeholders(text) else {
        return;
    };
    for (key, _, field) in field_keys(&variant.fields) {
        let is_source = key == "source" || crate::attr::has(&field.attrs, &["source", "from"]);
        if is_source && names.contains(&key.as_str()) {
            let ident = &variant.ident;
            errors.at(
                span,
                format!(
                    "`#[error(\"…\")]` is `{ident}`'s message, as it has no doc comment or `message = …`, and `{{{key}}}` there makes its source `{key}` a param (a param is sent to clients, and is `serde::Serialize`); give `{ident}` a doc comment or `message = \"…\"` that does not name `{key}`"
                ),
            );
        }
    }
}

/// The string literal of the first of `variant`'s doc attributes that
/// holds `needle`.
fn doc_line(variant: &syn::Variant, needle: &str) -> Option<Span> {
    crate::attr::named(&variant.attrs, "doc")
        .iter()
        .find_map(|a| match &a.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }),
                ..
            }) if text.value().contains(needle) => Some(text.span()),
            _ => None,
        })
}

/// The params of a variant: the fields its messages (`texts`, each with its
/// span) name, and those marked `#[param]`, in field order. A placeholder
/// naming no field, or malformed braces, is an error at the text.
fn params<'a>(
    variant: &'a syn::Variant,
    texts: &[(&str, Span, bool)],
    errors: &mut Errors,
) -> Vec<ParamField<'a>> {
    let keys = field_keys(&variant.fields);
    let mut named = vec![false; keys.len()];
    for i in 0..keys.len() {
        let (_, _, field) = &keys[i];
        for a in crate::attr::named(&field.attrs, "param") {
            if !matches!(a.meta, syn::Meta::Path(_)) {
                errors.spanned(a, "#[param] takes no arguments");
            } else if named[i] {
                errors.spanned(a, "#[param] is given twice on this field");
            } else {
                named[i] = true;
            }
        }
    }
    let ident = &variant.ident;
    for &(text, span, from_doc) in texts {
        let (names, wrong) = template::names_and_mistakes(text);
        for why in &wrong {
            errors.at(span, format!("in the message of `{ident}`: {why}"));
        }
        // A select chooses by a number or a string, and each of its keys
        // can be chosen: checked as a file's selects are.
        let mut told: Vec<&str> = Vec::new();
        // Where the template is malformed, its selects are not read: a
        // key there may be a mistake's, said once already.
        let selects = if wrong.is_empty() {
            template::select_keys(text)
        } else {
            Vec::new()
        };
        for (name, key, default) in selects {
            let name = name.strip_prefix("r#").unwrap_or(name);
            let Some(i) = key_at(&keys, name) else {
                continue;
            };
            let ty = &keys[i].2.ty;
            if let Some(kind) = unselectable(ty) {
                if crate::errors::str_at(&told, name).is_none() {
                    told.push(name);
                    errors.at(
                        span,
                        format!("`{{{name} -> …}}` in the message of `{ident}` selects by `{name}`, {kind}: a select chooses by a number (its plural category) or a string"),
                    );
                }
            } else if !default && let Some(why) = dead_key(ty, key, cfg!(feature = "fluent")) {
                errors.at(
                    span,
                    format!("`[{key}]` in the message of `{ident}` is never chosen: {why}"),
                );
            }
        }
        for name in names {
            let name = name.strip_prefix("r#").unwrap_or(name);
            if let Some(i) = key_at(&keys, name) {
                named[i] = true;
                continue;
            }
            let mut list: Vec<&str> = Vec::with_capacity(keys.len());
            for (k, _, _) in &keys {
                list.push(k);
            }
            let why = no_such_field(name, ident, &list, &|n| format!("{{{n}}}"));
            // No field, or none near: perhaps braces meant as text.
            let braces = if list.is_empty() || crate::errors::nearest(name, &list).is_none() {
                "; write `{{` and `}}` for literal braces"
            } else {
                ""
            };
            // In a doc comment, the line that holds it.
            let mut at = span;
            if from_doc && let Some(line) = doc_line(variant, &format!("{{{name}}}")) {
                at = line;
            }
            errors.at(
                at,
                format!("`{{{name}}}` in the message of `{ident}` {why}{braces}"),
            );
        }
    }
    let mut params = Vec::new();
    let mut named = named.iter();
    for (key, member, field) in keys {
        if named.next() == Some(&true) {
            params.push(ParamField {
                key,
                member,
                ty: &field.ty,
                span: field_span(field),
            });
        }
    }
    params
}

/// The variant's discriminant, where it is an integer literal (also one
/// passed through a `macro_rules!` fragment, which arrives wrapped in an
/// invisible group, or written in parentheses); `Err` where it is a
/// literal that is no code (a negative one, one beyond `u32`), said in
/// `errors`.
fn discriminant(variant: &syn::Variant, errors: &mut Errors) -> Result<Option<Num<u32>>, ()> {
    let Some((_, written)) = variant.discriminant.as_ref() else {
        return Ok(None);
    };
    let mut expr: &Expr = written;
    loop {
        match expr {
            Expr::Group(group) => expr = &group.expr,
            Expr::Paren(paren) => expr = &paren.expr,
            _ => break,
        }
    }
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(lit), ..
        }) => attr::int(lit, "error code")
            .map(Some)
            .map_err(|e| errors.push(e)),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr: negated,
            ..
        }) => match &**negated {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Int(lit), ..
            }) => {
                let digits = lit.base10_digits();
                errors.spanned(expr, format!("error code -{digits} does not fit in u32"));
                Err(())
            }
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

impl<'a> Input<'a> {
    /// The model, or `None` where the item is no enum. Mistakes in single
    /// attributes are pushed to `errors` and their variants left out.
    pub fn from_syn(input: &'a DeriveInput, attrs: EnumAttrs, errors: &mut Errors) -> Option<Self> {
        let Data::Enum(data) = &input.data else {
            not_an_enum(input, "ErrorCode", errors);
            return None;
        };
        attr::misplaced(&input.attrs, &["code", "category"], "the enum", errors);
        attr::misplaced(&input.attrs, symbol::FIELD_ATTRS, "the enum", errors);
        if attrs.display && uses_thiserror(input) {
            errors.spanned(
                &input.ident,
                format!(
                    "`{}` has thiserror's `#[error(…)]`, which writes `Display`, and `#[error_code(display)]`, which writes it too: keep one",
                    input.ident
                ),
            );
        }
        let default_status = attrs.status.unwrap_or(Num {
            value: DEFAULT_STATUS,
            span: Span::call_site(),
        });
        let languages = match &attrs.translations {
            Some(pattern) => fluent::load(pattern, errors),
            None => Vec::new(),
        };
        let mut translated = Translated::new(&languages);
        let mut variants = Vec::new();
        let mut parts = 0;
        for variant in &data.variants {
            // A key skipped (unknown, repeated) leaves the fields whole.
            let before = errors.unsound();
            attr::misplaced(
                &variant.attrs,
                &["error_code", "category"],
                "a variant",
                errors,
            );
            attr::misplaced(&variant.attrs, symbol::FIELD_ATTRS, "a variant", errors);
            for field in &variant.fields {
                attr::misplaced(&field.attrs, symbol::ERROR_CODE_ATTRS, "a field", errors);
            }
            let Some((parsed, _)) = attr::code_attr(&variant.ident, &variant.attrs, errors) else {
                continue;
            };
            let kind = match parsed {
                CodeAttr::Code(args) => {
                    // Read as a code only where the variant has one.
                    let discriminant = discriminant(variant, errors);
                    let Some(code) = code_of(
                        variant,
                        args,
                        discriminant,
                        (&attrs, default_status),
                        &mut translated,
                        errors,
                    ) else {
                        continue;
                    };
                    Kind::Code(code)
                }
                CodeAttr::Transparent(span) => {
                    let Some(part) = part_of(variant, span, parts, errors) else {
                        continue;
                    };
                    parts += 1;
                    Kind::Part(part)
                }
            };
            variants.push(Variant {
                ident: &variant.ident,
                fields: &variant.fields,
                kind,
                sound: errors.unsound() == before,
            });
        }
        if let Some(pattern) = &attrs.translations {
            translated.finish(&input.ident, pattern, errors);
        }
        // By code, then declaration order.
        let mut codes = Vec::new();
        let mut keys = Vec::new();
        for i in 0..variants.len() {
            let variant = &variants[i];
            if let Kind::Code(code) = &variant.kind {
                codes.push(i);
                keys.push(code.code.value);
            }
        }
        let mut order = order_by(&keys);
        for k in &mut order {
            *k = codes[*k];
        }
        Some(Input {
            original: input,
            attrs,
            variants,
            languages,
            order,
        })
    }

    /// The variants that declare their own code.
    pub fn codes(&self) -> std::vec::IntoIter<(&Variant<'a>, &Code<'a>)> {
        self.code_list().into_iter()
    }

    /// [`codes`](Self::codes) as a list.
    pub fn code_list(&self) -> Vec<(&Variant<'a>, &Code<'a>)> {
        let mut out = Vec::new();
        for v in &self.variants {
            if let Kind::Code(code) = &v.kind {
                out.push((v, code));
            }
        }
        out
    }

    /// The variants that wrap another error.
    pub fn parts(&self) -> std::vec::IntoIter<(&Variant<'a>, &Part<'a>)> {
        self.part_list().into_iter()
    }

    /// [`parts`](Self::parts) as a list.
    pub fn part_list(&self) -> Vec<(&Variant<'a>, &Part<'a>)> {
        let mut out = Vec::new();
        for v in &self.variants {
            if let Kind::Part(part) = &v.kind {
                out.push((v, part));
            }
        }
        out
    }

    /// The enum's own codes sorted by code (with each variant's index), and
    /// each variant's position among them by variant index (0 for parts).
    pub fn sorted(&self) -> (Vec<Own<'_, 'a>>, Vec<usize>) {
        let mut sorted: Vec<Own<'_, 'a>> = Vec::with_capacity(self.order.len());
        for &i in &self.order {
            if let Kind::Code(code) = &self.variants[i].kind {
                sorted.push((i, &self.variants[i], code));
            }
        }
        let mut position = vec![0; self.variants.len()];
        for at in 0..sorted.len() {
            let (i, _, _) = &sorted[at];
            position[*i] = at;
        }
        (sorted, position)
    }

    /// Whether every variant with its own code has no fields.
    pub fn fieldless(&self) -> bool {
        for v in &self.variants {
            if matches!(v.kind, Kind::Code(_)) && !v.fields.is_empty() {
                return false;
            }
        }
        true
    }

    /// Whether every variant is a unit variant that gives its code as its
    /// discriminant (the `#[repr(u16)]` layout): `code()` is then the
    /// discriminant, and the entry is found from it through the index table.
    pub fn codes_are_discriminants(&self) -> bool {
        for v in &self.variants {
            let given = matches!(&v.kind, Kind::Code(code) if code.discriminant.is_some());
            if !matches!(v.fields, Fields::Unit) || !given {
                return false;
            }
        }
        !self.variants.is_empty()
    }

    /// Whether the enum is generic over types and its `Display` is
    /// thiserror's (`#[error]` on the enum or a variant): thiserror bounds
    /// that `Display`, so the derive's impl asks for it where it applies.
    pub fn display_is_bounded(&self) -> bool {
        self.original.generics.type_params().next().is_some() && uses_thiserror(self.original)
    }

    /// The predicates every impl that answers with a value carries beyond
    /// the enum's own, each followed by a comma: `Enum<T>:
    /// std::error::Error` where [`display_is_bounded`](Self::display_is_bounded),
    /// and the user's `bound = "…"`.
    pub fn answer_bounds(&self) -> TokenStream {
        let mut out = TokenStream::new();
        if self.display_is_bounded() {
            let ty = &self.original.ident;
            let (_, tg, _) = self.original.generics.split_for_impl();
            out.extend(tokens!(ty, tg => #ty #tg: ::std::error::Error,));
        }
        if let Some(bound) = &self.attrs.bound {
            out.extend(bound.clone());
        }
        out
    }

    /// The names of the enum's generic parameters, lifetimes included.
    pub fn generic_names(&self) -> Vec<String> {
        generic_names(&self.original.generics)
    }
}

/// The names of the type and const parameters of `generics`.
pub fn generic_names(generics: &syn::Generics) -> Vec<String> {
    let mut names = Vec::new();
    for p in generics.type_params() {
        names.push(p.ident.to_string());
    }
    for p in generics.const_params() {
        names.push(p.ident.to_string());
    }
    names
}

impl Part<'_> {
    /// The wrapped type with every lifetime made `'static`, for the items
    /// outside the impls (constants cannot name the enum's lifetimes).
    pub fn static_ty(&self) -> TokenStream {
        fn walk(tokens: TokenStream) -> TokenStream {
            let mut out = Vec::new();
            let mut iter = tokens.into_iter().peekable();
            while let Some(tt) = iter.next() {
                match tt {
                    TokenTree::Punct(p) if p.as_char() == '\'' => {
                        if let Some(TokenTree::Ident(_)) = iter.peek() {
                            iter.next();
                            out.extend(tokens!(at p.span();  => 'static));
                            continue;
                        }
                        out.push(TokenTree::Punct(p));
                    }
                    TokenTree::Group(g) => {
                        let mut group = proc_macro2::Group::new(g.delimiter(), walk(g.stream()));
                        group.set_span(g.span());
                        out.push(TokenTree::Group(group));
                    }
                    other => out.push(other),
                }
            }
            out.into_iter().collect()
        }
        walk(self.ty.to_token_stream())
    }
}

/// A fieldless enum deriving `ErrorCategory`.
pub struct Scheme<'a> {
    pub original: &'a DeriveInput,
    pub attrs: SchemeAttrs,
    pub categories: Vec<Category<'a>>,
    /// The Fluent files of `translations = …`, a language each.
    pub languages: Vec<fluent::Language>,
}

pub struct Category<'a> {
    pub ident: &'a Ident,
    pub range: Range,
    /// The doc comment's first paragraph.
    pub description: Message<'a>,
    /// The description in other languages: (language tag, text).
    pub descriptions: Vec<(String, String)>,
}

impl<'a> Scheme<'a> {
    pub fn from_syn(
        input: &'a DeriveInput,
        attrs: SchemeAttrs,
        errors: &mut Errors,
    ) -> Option<Self> {
        let Data::Enum(data) = &input.data else {
            not_an_enum(input, "ErrorCategory", errors);
            return None;
        };
        if data.variants.is_empty() {
            errors.spanned(
                &input.ident,
                format!(
                    "`{}` declares no category; add variants with #[category(<start>..=<end>)]",
                    input.ident
                ),
            );
        }
        if let Some(param) = input.generics.params.first() {
            errors.spanned(
                param,
                "#[derive(ErrorCategory)] needs an enum without generic parameters",
            );
        }
        let languages = match &attrs.translations {
            Some(pattern) => fluent::load(pattern, errors),
            None => Vec::new(),
        };
        let mut translated = Translated::new(&languages);
        translated.codes_are_categories = true;
        let mut categories = Vec::new();
        attr::misplaced(
            &input.attrs,
            &["error_code", "code"],
            "a category enum",
            errors,
        );
        for variant in &data.variants {
            // The error enum's attributes: that mistake, and no missing
            // range beside it where the variant has no #[category].
            let before = errors.count();
            attr::misplaced(
                &variant.attrs,
                &["code", "error_code"],
                "a category's variant",
                errors,
            );
            if errors.count() > before
                && attr::named(&variant.attrs, symbol::CATEGORY_ATTR).is_empty()
            {
                continue;
            }
            if !variant.fields.is_empty() {
                errors.spanned(
                    &variant.fields,
                    format!("category `{}` cannot have fields: a category is a name for a range of codes", variant.ident),
                );
            }
            if let Some((range, mut descriptions)) =
                attr::category_range(&variant.ident, &variant.attrs, errors)
            {
                // `lang` makes the doc comment that language's description.
                if let Some(lang) = &attrs.lang {
                    let lang = lang.value();
                    if let Some(at) = crate::errors::tag_at(&descriptions, &lang) {
                        let tag = &descriptions[at].0;
                        errors.spanned(
                            &variant.ident,
                            format!(
                                "category `{}` has its `{tag}` description twice: with `lang = \"{lang}\"` the doc comment is the `{tag}` one; keep one",
                                variant.ident
                            ),
                        );
                    }
                }
                if let Some(pattern) = &attrs.translations {
                    translated.add(
                        variant,
                        &variant.ident.unraw().to_string(),
                        (&mut descriptions, None, None),
                        attrs.lang.as_ref(),
                        pattern,
                        errors,
                    );
                }
                let description = match doc::doc(&variant.attrs) {
                    Doc::Text { summary, .. } => Message::Text(summary),
                    Doc::Exprs(exprs) => Message::Doc {
                        exprs,
                        explanation: false,
                        fallback: String::new(),
                    },
                };
                categories.push(Category {
                    ident: &variant.ident,
                    range,
                    description,
                    descriptions,
                });
            }
        }
        if let Some(pattern) = &attrs.translations {
            translated.finish(&input.ident, pattern, errors);
        }
        Some(Scheme {
            original: input,
            attrs,
            categories,
            languages,
        })
    }
}

/// What a field of type `ty` is where a select cannot choose by it (a
/// boolean, a float, a list, a map, a tuple), `None` where it can or the
/// type does not tell: read from its [`json_shape`], the one reading of a
/// param's type.
fn unselectable(ty: &Type) -> Option<&'static str> {
    let shape = json_shape(ty, &[]);
    let shape = shape.strip_suffix("|null").unwrap_or(&shape);
    if shape.starts_with('[') {
        Some("a tuple")
    } else if shape.starts_with("array<") {
        Some("a list")
    } else if shape.starts_with("object<") {
        Some("a map")
    } else if shape == "boolean" {
        Some("a boolean")
    } else if shape == "number" {
        // A number written with a fraction takes no plural category (the
        // clients' tables are whole numbers'), and TypeScript reads `1.0`
        // as the whole `1`: a select on it says little, and not the same
        // everywhere.
        Some(
            "a float (a number with a fraction selects only its exact key or `[other]`, and JavaScript reads `1.0` as `1`; select by an integer field)",
        )
    } else {
        None
    }
}

/// Why a select by a field of type `ty` can never choose its variant
/// `[key]`, where it cannot: a number chooses its exact key or its CLDR
/// plural category where `plural` (the feature `fluent`, whose rules give
/// it).
fn dead_key(ty: &Type, key: &str, plural: bool) -> Option<String> {
    let shape = json_shape(ty, &[]);
    if shape.strip_suffix("|null").unwrap_or(&shape) != "integer" {
        return None;
    }
    // A number key is a whole number's where its fraction is zeros
    // (`[1.0]` is `1`); one with a fraction no integer takes.
    if crate::grammar::number_key(key) {
        let fraction = key.split_once('.').map_or("", |(_, fraction)| fraction);
        return if fraction.bytes().all(|b| b == b'0') {
            None
        } else {
            Some("an integer never has a fraction".to_owned())
        };
    }
    match key {
        "other" => None,
        "zero" | "one" | "two" | "few" | "many" if plural => None,
        "zero" | "one" | "two" | "few" | "many" => Some(
            "a number takes its plural category by CLDR's rules, which the feature `fluent` of error-code gives (`error-code = { …, features = [\"fluent\"] }`); or select by exact numbers (`[1]`)".to_owned(),
        ),
        _ => Some(
            "a number chooses its exact key (`[0]`) or its plural category (`zero`, `one`, `two`, `few`, `many`, `other`)".to_owned(),
        ),
    }
}

/// The JSON Schema type of a param whose Rust type has the shape `shape`
/// ([`json_shape`]): `"string"`, `"integer"`, `"number"`, `"boolean"`,
/// `"array"` (a `Vec`, a set, a slice, an array or a tuple), `"object"` (a
/// map), each with `"|null"` for an `Option` of it; else `""` (a type of
/// the user's, whose JSON its `Serialize` decides).
pub fn json_word(shape: &str) -> &'static str {
    let (base, null) = match shape.strip_suffix("|null") {
        Some(base) => (base, true),
        None => (shape, false),
    };
    let word = if base.starts_with("array<") || base.starts_with('[') {
        "array"
    } else if base.starts_with("object<") {
        "object"
    } else {
        match base {
            "string" => "string",
            "integer" => "integer",
            "number" => "number",
            "boolean" => "boolean",
            _ => "",
        }
    };
    if null { nullable(word) } else { word }
}

/// What a client relies on of a param's JSON, where its Rust type tells:
/// `string`, `integer`, `number`, `boolean`; a list with its items
/// (`array<integer>`: a `Vec`, a set, a slice; an array with its length,
/// `array<integer>[2]`), a map with its keys and values
/// (`object<string,boolean>`), a tuple's items (`[integer,string]`), a
/// type of the user's by its path as written (`Inner`); each followed by
/// `|null` for an `Option` of it, a pointer (`Box`, `Rc`, `Arc`, `Cow`, a
/// reference) as what it points to; `""` where the type does not tell.
///
/// A type that names one of the enum's type parameters (`generics`) does
/// not tell: its JSON type is the instance's, which the derive cannot see.
pub fn json_shape(ty: &Type, generics: &[String]) -> String {
    let mut shape = String::new();
    shape_into(ty, generics, &mut shape);
    shape
}

/// Writes the shape of `ty` to `out`: one writer, with no list or
/// `format!` of its own, since the derive compiles each anew.
fn shape_into(ty: &Type, generics: &[String], out: &mut String) {
    let path = match ty {
        Type::Reference(r) => return shape_into(&r.elem, generics, out),
        Type::Paren(p) => return shape_into(&p.elem, generics, out),
        Type::Group(g) => return shape_into(&g.elem, generics, out),
        Type::Slice(s) => {
            out.push_str("array<");
            shape_into(&s.elem, generics, out);
            out.push('>');
            return;
        }
        Type::Array(a) => {
            out.push_str("array<");
            shape_into(&a.elem, generics, out);
            out.push_str(">[");
            written(&a.len, out);
            out.push(']');
            return;
        }
        Type::Tuple(t) if !t.elems.is_empty() => {
            out.push('[');
            let mut first = true;
            for elem in &t.elems {
                if !first {
                    out.push(',');
                }
                first = false;
                shape_into(elem, generics, out);
            }
            out.push(']');
            return;
        }
        Type::Path(p) => p,
        _ => return,
    };
    let Some(last) = path.path.segments.last() else {
        return;
    };
    match last.ident.to_string().as_str() {
        "Option" => {
            let start = out.len();
            arguments(last, generics, out);
            if out.len() > start && !out.ends_with("|null") {
                out.push_str("|null");
            }
        }
        "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "BinaryHeap" | "IndexSet" => {
            out.push_str("array<");
            arguments(last, generics, out);
            out.push('>');
        }
        "HashMap" | "BTreeMap" | "IndexMap" => {
            out.push_str("object<");
            arguments(last, generics, out);
            out.push('>');
        }
        "String" | "str" | "char" => out.push_str("string"),
        // A pointer serializes as what it points to.
        "Cow" | "Arc" | "Box" | "Rc" => arguments(last, generics, out),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" | "NonZero" | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64"
        | "NonZeroU128" | "NonZeroUsize" | "NonZeroI8" | "NonZeroI16" | "NonZeroI32"
        | "NonZeroI64" | "NonZeroI128" | "NonZeroIsize" => out.push_str("integer"),
        "f32" | "f64" => out.push_str("number"),
        "bool" => out.push_str("boolean"),
        // A type parameter's (`T`, `T::Item`) is the instance's: unknown.
        _ if path.qself.is_none()
            && path.path.leading_colon.is_none()
            && is_generic(&path.path.segments[0].ident, generics) => {}
        // A type of the user's: its path, as written.
        _ => written(path, out),
    }
}

/// The shapes of the type arguments of `segment`, separated by `,`.
fn arguments(segment: &syn::PathSegment, generics: &[String], out: &mut String) {
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return;
    };
    let mut first = true;
    for arg in &args.args {
        if let syn::GenericArgument::Type(ty) = arg {
            if !first {
                out.push(',');
            }
            first = false;
            shape_into(ty, generics, out);
        }
    }
}

/// `tokens` as written, without the spaces between tokens.
fn written(tokens: &dyn crate::tokens::Put, out: &mut String) {
    let mut stream = TokenStream::new();
    tokens.put(&mut stream);
    for c in stream.to_string().chars() {
        if c != ' ' {
            out.push(c);
        }
    }
}

/// `ty` that may also be `null`: `""` stays unknown.
fn nullable(ty: &'static str) -> &'static str {
    match ty {
        "string" => "string|null",
        "integer" => "integer|null",
        "number" => "number|null",
        "boolean" => "boolean|null",
        "array" => "array|null",
        "object" => "object|null",
        _ => "",
    }
}

/// The `google.rpc.ErrorInfo` reason of a code named `name`: the name in
/// UPPER_SNAKE_CASE, within AIP-193's `[A-Z][A-Z0-9_]+[A-Z0-9]` and 63
/// characters (the rules are documented on `CodeInfo::grpc_reason`).
pub fn grpc_reason(name: &str, code: u32) -> String {
    const MAX: usize = 63;
    let name = name.as_bytes();
    let mut out = String::with_capacity(name.len() + 4);
    for i in 0..name.len() {
        let &c = &name[i];
        if !c.is_ascii_alphanumeric() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        let next_lower = i + 1 < name.len() && name[i + 1].is_ascii_lowercase();
        let breaks = c.is_ascii_uppercase()
            && i > 0
            && (name[i - 1].is_ascii_lowercase()
                || name[i - 1].is_ascii_digit()
                || (name[i - 1].is_ascii_uppercase() && next_lower));
        if breaks && !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        out.push(char::from(c.to_ascii_uppercase()));
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() {
        return format!("ERROR_{code}");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "ERROR_");
    }
    if out.len() < 3 {
        out.push_str("_ERROR");
    }
    // ASCII only, so any byte index is a character boundary.
    out.truncate(MAX);
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The positions `0..` of `keys` in the order of their keys, ties in the
/// order given: one sort for every ordering of the derive.
pub fn order_by(keys: &[u32]) -> Vec<usize> {
    let mut packed: Vec<u64> = Vec::with_capacity(keys.len());
    for i in 0..keys.len() {
        let &key = &keys[i];
        packed.push(u64::from(key) << 32 | i as u64);
    }
    heapsort(&mut packed);
    let mut order = Vec::with_capacity(packed.len());
    for k in packed {
        order.push((k & u64::from(u32::MAX)) as usize);
    }
    order
}

/// `numbers` sorted, once each.
pub fn sorted_numbers(numbers: &[Num<u32>]) -> Vec<u32> {
    let mut values = Vec::with_capacity(numbers.len());
    for n in numbers {
        values.push(n.value);
    }
    let mut sorted: Vec<u32> = Vec::with_capacity(numbers.len());
    for i in order_by(&values) {
        let value = numbers[i].value;
        if sorted.last() != Some(&value) {
            sorted.push(value);
        }
    }
    sorted
}

/// The derive's one sort: a heapsort of plain numbers, in place. Written
/// out because the standard library's sorts are generic over their element
/// and comparison, and each one the derive used was a few thousand lines of
/// its build; this is a few dozen, and `O(n log n)` on any input.
fn heapsort(v: &mut [u64]) {
    fn sift_down(v: &mut [u64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::{Type, dead_key, grpc_reason, json_shape, json_word};

    #[test]
    fn a_select_key_no_number_can_take_is_dead() {
        let int: Type = syn::parse_str("u32").expect("parses");
        let maybe: Type = syn::parse_str("Option<i64>").expect("parses");
        let text: Type = syn::parse_str("String").expect("parses");
        // Exact numbers and `other` always; categories with CLDR's rules.
        for key in ["0", "-1", "12", "1.0", "-2.00", "other"] {
            assert_eq!(dead_key(&int, key, false), None, "{key}");
        }
        for key in ["zero", "one", "two", "few", "many"] {
            assert_eq!(dead_key(&maybe, key, true), None, "{key}");
            let why = dead_key(&int, key, false).expect("dead without the rules");
            assert!(why.contains("feature `fluent`"), "{why}");
        }
        // A key no number is, and no category: never chosen.
        for key in ["ones", "One", "1.5", "-0.25", "-", "", "1.", ".5"] {
            assert!(dead_key(&int, key, true).is_some(), "{key}");
        }
        // A string chooses by any key.
        assert_eq!(dead_key(&text, "ones", false), None);
    }

    #[test]
    fn heapsort_sorts_any_order_and_order_by_keeps_ties_in_order() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for len in 0..64 {
            let mut v: Vec<u64> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state % 8
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            super::heapsort(&mut v);
            assert_eq!(v, expected);
        }
        assert_eq!(super::order_by(&[3, 1, 3, 0, 1]), [3, 1, 4, 0, 2]);
    }

    /// AIP-193: `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters.
    fn valid(reason: &str) -> bool {
        let b = reason.as_bytes();
        (3..=63).contains(&b.len())
            && b[0].is_ascii_uppercase()
            && b.iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_')
            && b[b.len() - 1] != b'_'
    }

    #[test]
    fn shapes_say_what_is_inside() {
        let shape = |ty: &str| json_shape(&syn::parse_str::<Type>(ty).unwrap(), &[]);
        for (ty, want, word) in [
            ("u32", "integer", "integer"),
            ("Option<String>", "string|null", "string|null"),
            ("Option<Option<f64>>", "number|null", "number|null"),
            ("std::num::NonZeroU128", "integer", "integer"),
            ("Vec<u32>", "array<integer>", "array"),
            ("Vec<String>", "array<string>", "array"),
            ("&[Option<u8>]", "array<integer|null>", "array"),
            ("[u8; 2]", "array<integer>[2]", "array"),
            ("(u32, String)", "[integer,string]", "array"),
            (
                "BTreeMap<String, Vec<bool>>",
                "object<string,array<boolean>>",
                "object",
            ),
            ("Option<Vec<u32>>", "array<integer>|null", "array|null"),
            ("Inner", "Inner", ""),
            ("Option<Inner>", "Inner|null", ""),
            ("Box<[u8]>", "array<integer>", "array"),
            ("Arc<Inner<u8>>", "Inner<u8>", ""),
            ("Cow<'static, str>", "string", "string"),
            ("Box<str>", "string", "string"),
            ("fn()", "", ""),
        ] {
            assert_eq!(shape(ty), want, "{ty}");
            assert_eq!(json_word(want), word, "{ty}");
        }
    }

    #[test]
    fn reasons_are_upper_snake_case() {
        for (name, expected) in [
            ("GetPodError", "GET_POD_ERROR"),
            ("HTTPServer", "HTTP_SERVER"),
            ("IOError", "IO_ERROR"),
            ("HTTP2Upstream", "HTTP2_UPSTREAM"),
            ("Http2Error", "HTTP2_ERROR"),
            ("Error404NotFound", "ERROR404_NOT_FOUND"),
            ("get_pod_error", "GET_POD_ERROR"),
            ("Pod not found!", "POD_NOT_FOUND"),
            ("__Weird__Name__", "WEIRD_NAME"),
            ("Über", "BER"),
            ("2faRequired", "ERROR_2FA_REQUIRED"),
            ("Io", "IO_ERROR"),
            ("A", "A_ERROR"),
            ("获取失败", "ERROR_2001"),
            ("", "ERROR_2001"),
        ] {
            let got = grpc_reason(name, 2001);
            assert_eq!(got, expected, "{name}");
            assert!(valid(&got), "{got}");
        }
        let long = grpc_reason(
            "AVeryLongErrorNameThatGoesOnAndOnWellPastTheLimitOfSixtyThreeCharacters",
            2001,
        );
        assert!(valid(&long), "{long}");
        assert!(long.starts_with("A_VERY_LONG_ERROR_NAME"));
    }
}
