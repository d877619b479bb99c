//! What a value's fields carry, in the `ErrorCode` impl: each param
//! (`for_each_param`), a value rebuilt from its params (`from_params`),
//! and the fields marked `#[retry_after]` and `#[violations]`.

use super::{part_item, wrap};
use crate::ast::{Code, Input, Kind, Marked, ParamField};
use crate::tokens::tokens;
use proc_macro2::{Literal, TokenStream};

/// `for_each_param`, where a variant has params or a part may: each param
/// passed as `&dyn Param`, located at its field (a field that cannot be a
/// param is an error there).
pub(super) fn params(input: &Input) -> TokenStream {
    let mut has_params = false;
    for v in &input.variants {
        has_params |= matches!(&v.kind, Kind::Code(c) if !c.params.is_empty());
    }
    if !has_params && input.parts().next().is_none() {
        return TokenStream::new();
    }
    let mut arms = TokenStream::new();
    for v in &input.variants {
        match &v.kind {
            Kind::Code(code) if !code.params.is_empty() => {
                let ident = v.ident;
                let (mut bindings, mut visits) = (TokenStream::new(), TokenStream::new());
                for k in 0..code.params.len() {
                    let p = &code.params[k];
                    let member = &p.member;
                    let span = proc_macro2::Span::call_site().located_at(p.span);
                    let binding = proc_macro2::Ident::new(&format!("__p{k}"), span);
                    visits.extend(visit_param(p, &binding));
                    bindings.extend(tokens!(member, binding => #member: #binding,));
                }
                arms.extend(tokens!(ident, bindings, visits => Self::#ident { #bindings .. } => { #visits }));
            }
            Kind::Code(_) => {}
            Kind::Part(p) => {
                let pat = wrap(v, &p.member);
                let visit = part_item(
                    p,
                    false,
                    "ErrorCode",
                    tokens!(=> for_each_param(__inner, __visit)),
                );
                arms.extend(tokens!(pat, visit => #pat => #visit,));
            }
        }
    }
    let mut rest = TokenStream::new();
    for v in &input.variants {
        if let Kind::Code(code) = &v.kind
            && code.params.is_empty()
        {
            rest = tokens!(=> _ => {});
            break;
        }
    }
    tokens! {rest, arms =>
        fn for_each_param(&self, __visit: __p::Visit<'_>) {
            match self {
                #arms
                #rest
            }
        }
    }
}

/// `from_params`, for `#[error_code(from_params)]` or a composed enum: each variant whose
/// every field is a param is read back from the params (each field
/// `DeserializeOwned`, an error at the field otherwise); parts are asked
/// theirs; other codes as `from_code`.
pub(super) fn from_params(input: &Input) -> TokenStream {
    // A composed enum passes params on to its parts, which may opt in
    // where it does not.
    if !input.attrs.from_params && input.parts().next().is_none() {
        return TokenStream::new();
    }
    let mut arms = TokenStream::new();
    for v in &input.variants {
        let Kind::Code(code) = &v.kind else {
            continue;
        };
        if v.fields.is_empty() || code.params.len() != v.fields.len() {
            continue;
        }
        let ident = v.ident;
        let number = Literal::u32_unsuffixed(code.code.value);
        let mut fields = TokenStream::new();
        for p in &code.params {
            let (member, key) = (&p.member, &p.key);
            let span = proc_macro2::Span::call_site().located_at(p.span);
            let read = tokens!(at span; key => __p::param_value(__params, #key)?);
            fields.extend(tokens!(member, read => #member: #read,));
        }
        arms.extend(tokens!(number, ident, fields => #number => return (|| ::core::option::Option::Some(Self::#ident { #fields }))(),));
    }
    let parts = super::from_code::ask_parts(input, &tokens!(=> __lookup_params(__code, __params)));
    let mut own = TokenStream::new();
    if input.attrs.from_params {
        own = tokens! {arms =>
            match __code {
                #arms
                _ => {}
            }
        };
    }
    tokens! {own, parts =>
        fn from_params(
            __code: ::core::primitive::u32,
            __params: &__p::ParamMap,
        ) -> ::core::option::Option<Self> {
            #own
            #parts
            <Self as __p::FromCode>::from_code(__code)
        }
    }
}

/// `retry_after` and `violations`, where a variant marks a field
/// `#[retry_after]` or `#[violations]` (or a part may): the field read
/// through the runtime's trait, located at the field.
pub(super) fn marked_fields(input: &Input) -> TokenStream {
    let parts = input.parts().next().is_some();
    let mut out = TokenStream::new();
    type FieldOf = for<'c, 'a> fn(&'c Code<'a>) -> Option<&'c crate::ast::Marked>;
    let methods: [(FieldOf, TokenStream); 2] = [
        (|c| c.retry_field.as_ref(), tokens!(=> retry_after)),
        (|c| c.violations_field.as_ref(), tokens!(=> violations)),
    ];
    for (field_of, method) in &methods {
        let mut fields = 0;
        for (_, c) in input.codes() {
            fields += usize::from(field_of(c).is_some());
        }
        if fields == 0 && !parts {
            continue;
        }
        let is_retry = method.to_string() == "retry_after";
        let mut arms = TokenStream::new();
        for v in &input.variants {
            arms.extend(match &v.kind {
                Kind::Code(code) => {
                    let Some(field) = field_of(code) else {
                        continue;
                    };
                    let ident = v.ident;
                    let member = &field.member;
                    let value = if is_retry {
                        let read = read_retry(field);
                        tokens!(read => #read.or_else(|| __p::ErrorCode::info(self).retry_after()))
                    } else {
                        read_violations(field)
                    };
                    tokens!(ident, member, value => Self::#ident { #member: __m, .. } => #value,)
                }
                Kind::Part(p) => {
                    let pat = wrap(v, &p.member);
                    let value =
                        part_item(p, false, "ErrorCode", tokens!(method => #method(__inner)));
                    tokens!(pat, value => #pat => #value,)
                }
            });
        }
        let rest_needed = input.codes().count() > fields;
        let (ret, rest) = if is_retry {
            (
                tokens!(=> ::core::option::Option<::core::time::Duration>),
                tokens!(=> _ => __p::ErrorCode::info(self).retry_after(),),
            )
        } else {
            (
                tokens!(=> ::core::option::Option<&__p::Violations>),
                tokens!(=> _ => ::core::option::Option::None,),
            )
        };
        let rest = rest_needed.then_some(rest);
        out.extend(tokens! {method, ret, rest, arms =>
            fn #method(&self) -> #ret {
                match self {
                    #arms
                    #rest
                }
            }
        });
    }
    out
}

// What the `ErrorCode` impl asks of each field it reads, located at the
// field (a field of the wrong type is an error there): one home for the
// impl and for the checks emitted beside the macro's own errors
// (`checks::field_checks`), so that both report a field alike.

/// A param passed to the visitor `__visit` (a `__p::Visit`): the field
/// must be a `Param` (`serde::Serialize`).
pub(super) fn visit_param(p: &ParamField, binding: &proc_macro2::Ident) -> TokenStream {
    let span = proc_macro2::Span::call_site().located_at(p.span);
    let key = &p.key;
    tokens!(at span; key, binding => __visit(#key, #binding);)
}

/// A `#[retry_after]` field `__m` read as a delay.
pub(super) fn read_retry(field: &Marked) -> TokenStream {
    let span = proc_macro2::Span::call_site().located_at(field.span);
    tokens!(at span; => __p::RetryAfter::retry_after(__m))
}

/// A `#[violations]` field `__m` read as field violations.
pub(super) fn read_violations(field: &Marked) -> TokenStream {
    let span = proc_macro2::Span::call_site().located_at(field.span);
    tokens!(at span; => __p::AsViolations::as_violations(__m))
}
