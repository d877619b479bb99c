//! What a value's fields carry, in the `ErrorCode` impl: each param
//! (`for_each_param`), a value rebuilt from its params (`from_params`),
//! and the fields marked `#[retry_after]` and `#[violations]`.

use super::{part_item, wrap};
use crate::ast::{Code, Input, Kind};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::Fields;

/// `for_each_param`, where a variant has params or a part may: each param
/// passed as `&dyn Param`, located at its field (a field that cannot be a
/// param is an error there).
pub(super) fn params(input: &Input) -> TokenStream {
    let has_params = input.codes().any(|(_, c)| !c.params.is_empty());
    if !has_params && input.parts().next().is_none() {
        return TokenStream::new();
    }
    let arms = input.variants.iter().filter_map(|v| match &v.kind {
        Kind::Code(code) if !code.params.is_empty() => {
            let ident = v.ident;
            let (bindings, visits): (Vec<_>, Vec<_>) = code
                .params
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let (member, key) = (&p.member, &p.key);
                    // Located at the field: a field that cannot be a param
                    // is an error there.
                    let span = proc_macro2::Span::call_site().located_at(p.span);
                    let binding = proc_macro2::Ident::new(&format!("__p{k}"), span);
                    let visit = quote::quote_spanned!(span=> __visit(#key, #binding));
                    (quote!(#member: #binding), visit)
                })
                .unzip();
            Some(quote!(Self::#ident { #(#bindings,)* .. } => { #(#visits;)* }))
        }
        Kind::Code(_) => None,
        Kind::Part(p) => {
            let pat = wrap(v, &p.member);
            let visit = part_item(
                p,
                false,
                "ErrorCode",
                quote!(for_each_param(__inner, __visit)),
            );
            Some(quote!(#pat => #visit,))
        }
    });
    let rest = (input.variants.iter().any(|v| match &v.kind {
        Kind::Code(code) => code.params.is_empty(),
        Kind::Part(_) => false,
    }))
    .then(|| quote!(_ => {}));
    quote! {
        fn for_each_param(&self, __visit: __p::Visit<'_>) {
            match self {
                #(#arms)*
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
    let arms = input.variants.iter().filter_map(|v| {
        let Kind::Code(code) = &v.kind else {
            return None;
        };
        if matches!(v.fields, Fields::Unit) || code.params.len() != v.fields.len() {
            return None;
        }
        let ident = v.ident;
        let number = Literal::u32_unsuffixed(code.code.value);
        let fields = code.params.iter().map(|p| {
            let (member, key) = (&p.member, &p.key);
            let span = proc_macro2::Span::call_site().located_at(p.span);
            let read = quote::quote_spanned!(span=> __p::param_value(params, #key)?);
            quote!(#member: #read)
        });
        Some(quote!(#number => return (|| ::core::option::Option::Some(Self::#ident { #(#fields),* }))(),))
    });
    let parts = input.parts().enumerate().map(|(i, (v, part))| {
        let value = wrap(v, &part.member);
        let entries = super::part_catalog(i);
        let found = part_item(
            part,
            false,
            "ErrorCatalog",
            quote!(__lookup_params(code, params)),
        );
        quote! {
            if __p::in_bounds(code, #entries.entries()) {
                if let ::core::option::Option::Some(__inner) = #found {
                    return ::core::option::Option::Some(#value);
                }
            }
        }
    });
    let own = input.attrs.from_params.then(|| {
        quote! {
            match code {
                #(#arms)*
                _ => {}
            }
        }
    });
    quote! {
        fn from_params(
            code: ::core::primitive::u32,
            params: &__p::ParamMap,
        ) -> ::core::option::Option<Self> {
            #own
            #(#parts)*
            <Self as __p::FromCode>::from_code(code)
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
        (|c| c.retry_field.as_ref(), quote!(retry_after)),
        (|c| c.violations_field.as_ref(), quote!(violations)),
    ];
    for (field_of, method) in methods {
        let fields = input.codes().filter(|(_, c)| field_of(c).is_some()).count();
        if fields == 0 && !parts {
            continue;
        }
        let is_retry = method.to_string() == "retry_after";
        let arms = input.variants.iter().filter_map(|v| match &v.kind {
            Kind::Code(code) => {
                let field = field_of(code)?;
                let ident = v.ident;
                let member = &field.member;
                let span = proc_macro2::Span::call_site().located_at(field.span);
                let value = if is_retry {
                    quote::quote_spanned!(span=> __p::RetryAfter::retry_after(__m)
                        .or_else(|| __p::ErrorCode::info(self).retry_after()))
                } else {
                    quote::quote_spanned!(span=> __p::AsViolations::as_violations(__m))
                };
                Some(quote!(Self::#ident { #member: __m, .. } => #value,))
            }
            Kind::Part(p) => {
                let pat = wrap(v, &p.member);
                let value = part_item(p, false, "ErrorCode", quote!(#method(__inner)));
                Some(quote!(#pat => #value,))
            }
        });
        let rest_needed = input.codes().count() > fields;
        let (ret, rest) = if is_retry {
            (
                quote!(::core::option::Option<::core::time::Duration>),
                quote!(_ => __p::ErrorCode::info(self).retry_after(),),
            )
        } else {
            (
                quote!(::core::option::Option<&__p::Violations>),
                quote!(_ => ::core::option::Option::None,),
            )
        };
        let rest = rest_needed.then_some(rest);
        out.extend(quote! {
            fn #method(&self) -> #ret {
                match self {
                    #(#arms)*
                    #rest
                }
            }
        });
    }
    out
}
