//! Typed models of the derive inputs, borrowing from syn.

use crate::attr::{self, CodeAttr, EnumAttrs, Num, Range, SchemeAttrs};
use crate::errors::Errors;
use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Fields, Ident, Member, Type};

/// An enum deriving `ErrorCode`.
pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub attrs: EnumAttrs,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub fields: &'a Fields,
    pub kind: Kind<'a>,
}

pub enum Kind<'a> {
    /// `#[code(2001, status = 404, ...)]`
    Code(Code),
    /// `#[code(transparent)]` on a variant with exactly one field.
    Transparent {
        member: Member,
        ty: &'a Type,
        span: Span,
    },
}

/// One code declared by a variant, defaults applied.
pub struct Code {
    pub code: Num<u32>,
    pub status: Num<u32>,
    /// Whether the variant gave its own status (else the enum's default).
    pub own_status: bool,
    pub name: String,
    pub message: String,
    /// The message in other languages: (language tag, text).
    pub messages: Vec<(String, String)>,
    /// `Some(note)` when deprecated; the note may be empty.
    pub deprecated: Option<String>,
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

impl<'a> Input<'a> {
    /// The model, or `None` where the item is no enum. Mistakes in single
    /// attributes are pushed to `errors` and their variants left out.
    pub fn from_syn(input: &'a DeriveInput, attrs: EnumAttrs, errors: &mut Errors) -> Option<Self> {
        let Data::Enum(data) = &input.data else {
            not_an_enum(input, "ErrorCode", errors);
            return None;
        };
        let default_status = attrs.status.unwrap_or(Num {
            value: DEFAULT_STATUS,
            span: Span::call_site(),
        });
        let mut variants = Vec::new();
        for variant in &data.variants {
            let Some((parsed, _)) = attr::code_attr(&variant.ident, &variant.attrs, errors) else {
                continue;
            };
            let kind = match parsed {
                CodeAttr::Code(args) => Kind::Code(Code {
                    code: args.code,
                    own_status: args.status.is_some(),
                    status: args.status.unwrap_or(default_status),
                    name: args
                        .name
                        .map_or_else(|| variant.ident.unraw().to_string(), |n| n.value()),
                    message: args
                        .message
                        .map(|m| m.value())
                        .or_else(|| attr::doc_summary(&variant.attrs))
                        .unwrap_or_else(|| variant.ident.unraw().to_string()),
                    messages: args.messages,
                    deprecated: args.deprecated,
                }),
                CodeAttr::Transparent(span) => {
                    let mut fields = variant.fields.iter();
                    match (fields.next(), fields.next()) {
                        (Some(field), None) => Kind::Transparent {
                            member: field
                                .ident
                                .clone()
                                .map_or_else(|| Member::from(0), Member::Named),
                            ty: &field.ty,
                            span,
                        },
                        _ => {
                            errors.at(
                                span,
                                format!(
                                    "#[code(transparent)] needs exactly one field, the wrapped error; variant `{}` has {}",
                                    variant.ident,
                                    variant.fields.len()
                                ),
                            );
                            continue;
                        }
                    }
                }
            };
            variants.push(Variant {
                ident: &variant.ident,
                fields: &variant.fields,
                kind,
            });
        }
        Some(Input {
            original: input,
            attrs,
            variants,
        })
    }

    /// The variants that declare their own code.
    pub fn codes(&self) -> impl Iterator<Item = (&Variant<'a>, &Code)> {
        self.variants.iter().filter_map(|v| match &v.kind {
            Kind::Code(code) => Some((v, code)),
            Kind::Transparent { .. } => None,
        })
    }

    /// The variants that wrap another error.
    pub fn parts(&self) -> impl Iterator<Item = (&Variant<'a>, &Member, &'a Type, Span)> {
        self.variants.iter().filter_map(|v| match &v.kind {
            Kind::Transparent { member, ty, span } => Some((v, member, *ty, *span)),
            Kind::Code(_) => None,
        })
    }
}

/// A fieldless enum deriving `ErrorCategory`.
pub struct Scheme<'a> {
    pub original: &'a DeriveInput,
    pub attrs: SchemeAttrs,
    pub categories: Vec<Category<'a>>,
}

pub struct Category<'a> {
    pub ident: &'a Ident,
    pub range: Range,
    pub description: String,
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
        let mut categories = Vec::new();
        for variant in &data.variants {
            if !variant.fields.is_empty() {
                errors.spanned(
                    &variant.fields,
                    format!("category `{}` cannot have fields: a category is a name for a range of codes", variant.ident),
                );
            }
            if let Some((range, descriptions)) =
                attr::category_range(&variant.ident, &variant.attrs, errors)
            {
                categories.push(Category {
                    ident: &variant.ident,
                    range,
                    description: attr::doc_summary(&variant.attrs).unwrap_or_default(),
                    descriptions,
                });
            }
        }
        Some(Scheme {
            original: input,
            attrs,
            categories,
        })
    }
}
