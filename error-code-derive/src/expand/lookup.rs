//! The impls that find things: `code` and `info` (`ErrorCode`), the
//! value's `Display` and `Error` views, `from_code` (`FromCode`, and the
//! inherent one for `Fieldless` types), and the inherent `CATALOG`.

use super::{part_item, pattern, wrap};
use crate::ast::{Code, Input, Kind, Own, Part};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{Fields, Ident};

pub fn impls(input: &Input, sorted: &[Own], position: &[usize]) -> TokenStream {
    let lookup = own_lookup(sorted, input.parts().next().is_some());
    let error_code = error_code_impl(input, position, &lookup);
    let from_code = from_code_impl(input, &lookup);
    let conversions = super::conversions(input.original);
    let display = display_impl(input);
    quote!(#error_code #from_code #conversions #display)
}

/// A `match self` over every variant: `own` gives the arm of a variant with
/// its own code (from the code and the variant's index), `part` the arm of
/// a part (from the inner value).
fn each_variant(
    input: &Input,
    own: &dyn Fn(&Code, usize) -> TokenStream,
    part: &dyn Fn(&Part, TokenStream) -> TokenStream,
) -> TokenStream {
    if input.variants.is_empty() {
        return quote!(match *self {});
    }
    let arms = input
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| match &v.kind {
            Kind::Code(code) => {
                let (pat, value) = (pattern(v), own(code, i));
                quote!(#pat => #value,)
            }
            Kind::Part(p) => {
                let (pat, value) = (wrap(v, &p.member), part(p, quote!(__inner)));
                quote!(#pat => #value,)
            }
        });
    quote!(match self { #(#arms)* })
}

fn error_code_impl(input: &Input, position: &[usize], lookup: &Lookup) -> TokenStream {
    let ty = &input.original.ident;
    let (ig, tg, wc) = input.original.generics.split_for_impl();
    // A generic enum's thiserror `Display` holds under thiserror's bounds:
    // the impl asks for the error, so the probe finds its detail and source.
    let _ = wc;
    let wc = impl_where(input);
    // `code()` is a `match` of its own, not the provided `info().code`: a
    // table of codes is a fraction of the entries' size, and for the
    // discriminant layout the match is the cast.
    let discriminants = lookup.indexed && input.codes_are_discriminants();
    let code = {
        let code = each_variant(
            input,
            &|c, _| {
                let code = Literal::u32_unsuffixed(c.code.value);
                quote!(#code)
            },
            &|part, inner| part_item(part, false, "ErrorCode", quote!(code(#inner))),
        );
        quote! {
            fn code(&self) -> ::core::primitive::u32 {
                #code
            }
        }
    };
    // A part's entry: its own, or the merged one, which carries the enum's
    // `domain` and `url`.
    let part_info = |part: &Part, inner: TokenStream| {
        let code = part_item(part, false, "ErrorCode", quote!(code(#inner)));
        let info = part_item(part, false, "ErrorCode", quote!(info(#inner)));
        // The merged entry where the enum relinks its parts' entries or its
        // code space categorizes them.
        if super::entries::relinks(input) || input.attrs.space.is_some() {
            quote!(return <Self as __p::ErrorCatalog>::CATALOG.__entry_of(#code, #info))
        } else {
            // The merged entry where a reason had to be told apart (known
            // in const evaluation: the other branch is gone).
            quote!(return match __MERGED.1 {
                true => <Self as __p::ErrorCatalog>::CATALOG.__entry_of(#code, #info),
                false => #info,
            })
        }
    };
    let info = if discriminants {
        // Every variant is a unit whose discriminant is its code: the index
        // table gives the entry (`__slot` of a code is its position plus
        // one), where a `match` over sparse discriminants would be a search.
        quote!(
            &__OWN[::core::primitive::usize::from(__slot(__p::ErrorCode::code(self)))
                .wrapping_sub(1)]
        )
    } else if input.codes().next().is_none() {
        each_variant(input, &|_, _| quote!(::core::unreachable!()), &part_info)
    } else {
        // The arms give a position and one indexing follows: one `Index`
        // for the compiler to check instead of one per variant.
        let positions = each_variant(
            input,
            &|_, i| {
                let i = Literal::usize_unsuffixed(position[i]);
                quote!(#i)
            },
            &part_info,
        );
        quote!(&__OWN[#positions])
    };
    let probe = probe(input);
    let params = params(input);
    let marked = marked_fields(input);
    quote! {
        #[automatically_derived]
        impl #ig __p::ErrorCode for #ty #tg #wc {
            #code
            fn info(&self) -> &'static __p::CodeInfo {
                #info
            }
            #probe
            #params
            #marked
        }
    }
}

/// `for_each_param`, where a variant has params or a part may: each param
/// passed as `&dyn Param`, located at its field (a field that cannot be a
/// param is an error there).
fn params(input: &Input) -> TokenStream {
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
fn from_params(input: &Input) -> TokenStream {
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
fn marked_fields(input: &Input) -> TokenStream {
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

/// The `ErrorCode` impl's where clause: the enum's own, the error bound
/// of a generic thiserror enum, and `Field: Param` for each param of a
/// generic enum (as thiserror bounds the fields its `Display` shows).
fn impl_where(input: &Input) -> TokenStream {
    let generics = &input.original.generics;
    let mut predicates = super::predicates(generics);
    if let Some(bound) = input.display_bound() {
        predicates.extend(quote!(#bound,));
    }
    if generics.type_params().next().is_some() {
        for (_, code) in input.codes() {
            for param in &code.params {
                let ty = param.ty;
                predicates.extend(quote!(#ty: __p::Param,));
            }
        }
    }
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #predicates)
    }
}

/// `Display` from the untagged message, rendered with the params, for
/// `#[error_code(display)]`.
pub fn display_impl(input: &Input) -> TokenStream {
    if !input.attrs.display {
        return TokenStream::new();
    }
    let ty = &input.original.ident;
    let (ig, tg, _) = input.original.generics.split_for_impl();
    let wc = impl_where(input);
    quote! {
        #[automatically_derived]
        impl #ig ::core::fmt::Display for #ty #tg #wc {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __p::render_into(__f, __p::ErrorCode::message(self), self)
            }
        }
    }
}

/// `__probe`: the value's `Display` and `Error` views where the type has
/// them. Variants whose `Display` is their message (up to case and white
/// space) have no
/// detail: known here, where the answer path would format it to learn.
fn probe(input: &Input) -> TokenStream {
    let mut repeats: Vec<&Ident> = Vec::new();
    for (v, c) in input.codes() {
        if c.displays_message {
            repeats.push(v.ident);
        }
    }
    let found = quote!((&&&__p::Probe(self)).__probe());
    let mut body = if repeats.is_empty() {
        found
    } else {
        quote! {{
            let mut __found = #found;
            if ::core::matches!(self, #(Self::#repeats)|*) {
                __found.display = ::core::option::Option::None;
            }
            __found
        }}
    };
    // A part gives what the enum's own views lack: its detail and source,
    // where the enum has no `Display` or `Error` of its own.
    if input.parts().next().is_some() {
        let with_parts = each_variant(input, &|_, _| quote!(__found), &|part, inner| {
            let display = part_item(part, false, "ErrorCode", quote!(detail(#inner)));
            let error = part_item(part, false, "ErrorCode", quote!(as_std_error(#inner)));
            quote!(__found.or(__p::Probed { display: #display, error: #error }))
        });
        body = quote! {
            let __found = #body;
            #with_parts
        };
    }
    // The probe's traits are imported with the runtime, at the block's top.
    quote! {
        fn __probe(&self) -> __p::Probed<'_> {
            #body
        }
    }
}

fn from_code_impl(input: &Input, lookup: &Lookup) -> TokenStream {
    let ty = &input.original.ident;
    let (ig, tg, wc) = input.original.generics.split_for_impl();
    let (index_table, own_lookup) = (&lookup.items, &lookup.statements);
    let lookup_parts = input.parts().enumerate().map(|(i, (v, part))| {
        let value = wrap(v, &part.member);
        let entries = super::part_catalog(i);
        let found = part_item(part, false, "ErrorCatalog", quote!(__lookup(code)));
        quote! {
            if __p::in_bounds(code, #entries.entries()) {
                if let ::core::option::Option::Some(__inner) = #found {
                    return ::core::option::Option::Some(#value);
                }
            }
        }
    });
    // The own lookup ends `from_code`, unless parts are asked after it.
    let complete = input.parts().next().is_none() && !lookup.statements.is_empty();
    let miss = (!complete).then(|| quote!(#(#lookup_parts)* ::core::option::Option::None));
    // `Fieldless` where the own variants are, and the parts' are too: the
    // bounds are for every lifetime, so that one that does not hold keeps
    // the impl out instead of being an error. A part's is read from its
    // catalog where the enum is not generic (a constant cannot name its
    // parameters): enums that compose each other are then one error, the
    // cycle of their catalogs, where asking the parts' `Fieldless` would
    // add an overflow per enum.
    let fieldless = input.fieldless().then(|| {
        let generic = input.original.generics.params.iter().next().is_some();
        let parts = input.parts().enumerate().map(|(i, (_, part))| {
            let ty = part.ty;
            if generic {
                quote!(for<'__a> #ty: __p::Fieldless,)
            } else {
                let catalog = super::part_catalog(i);
                quote! {
                    for<'__a> __p::FieldlessIf<{ #catalog.__is_fieldless() }>: __p::FieldlessPart<#ty>,
                }
            }
        });
        let predicates = super::predicates(&input.original.generics);
        quote! {
            #[automatically_derived]
            impl #ig __p::Fieldless for #ty #tg where #predicates #(#parts)* {}
        }
    });
    let from_code = input.fieldless().then(|| {
        // A composed type is `Fieldless` where its parts are: a call
        // compiles only then.
        let mut parts = Vec::new();
        for (_, part) in input.parts() {
            parts.push(part.ty);
        }
        let bound =
            (!parts.is_empty()).then(|| quote!(where #(for<'__a> #parts: __p::Fieldless,)*));
        quote! {
            /// The value with this error code, or `None` for a code the type does not have.
            pub fn from_code(code: ::core::primitive::u32) -> ::core::option::Option<Self> #bound {
                <Self as __p::FromCode>::from_code(code)
            }
        }
    });
    let from_params = from_params(input);
    quote! {
        #index_table
        #[automatically_derived]
        impl #ig __p::FromCode for #ty #tg #wc {
            fn from_code(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                #own_lookup
                #miss
            }
            #from_params
        }
        #fieldless
        #[automatically_derived]
        impl #ig #ty #tg #wc {
            /// Every code this type can produce, sorted by code.
            pub const CATALOG: __p::Catalog = <Self as __p::ErrorCatalog>::CATALOG;

            #from_code
        }
    }
}

/// The lookup of the enum's own fieldless variants by code, which returns
/// on a hit.
///
/// Where the codes are dense enough (at most 16 table slots a code), a
/// static index table turns the lookup into a bounds check and two loads;
/// else a `match`, which the compiler lowers to a jump table or a search.
struct Lookup {
    /// The items: the index table and `__slot`, where there is a table.
    items: TokenStream,
    /// The statements of `from_code`.
    statements: TokenStream,
    /// Whether `__slot(code)` gives the code's position in the sorted
    /// fieldless codes, plus one (0 for a code that is not there).
    indexed: bool,
}

fn own_lookup(sorted: &[Own], then_parts: bool) -> Lookup {
    let mut units: Vec<(&Ident, u32)> = Vec::new();
    for (_, v, c) in sorted {
        if matches!(v.fields, Fields::Unit) {
            units.push((v.ident, c.code.value));
        }
    }
    let (Some(&(_, min)), Some(&(_, max))) = (units.first(), units.last()) else {
        return Lookup {
            items: TokenStream::new(),
            statements: TokenStream::new(),
            indexed: false,
        };
    };
    let span = (u64::from(max) - u64::from(min) + 1) as usize;
    let n = units.len();
    let (items, scrutinee, arms, indexed) =
        if n < 16 || n >= usize::from(u16::MAX) || span > 16 * n + 64 {
            let mut arms = Vec::with_capacity(units.len());
            for (ident, code) in &units {
                let code = Literal::u32_unsuffixed(*code);
                arms.push(quote!(#code => Self::#ident,));
            }
            (TokenStream::new(), quote!(code), arms, false)
        } else {
            // The table is one byte-string literal (little-endian u16 slots):
            // one token for the compiler to read, where an array literal would
            // be a typed expression per slot.
            let mut table = vec![0u8; 2 * span];
            for (k, (_, code)) in units.iter().enumerate() {
                // `n < u16::MAX`, so `k + 1` fits.
                let slot = 2 * (code - min) as usize;
                let k = u16::try_from(k + 1).unwrap_or_default().to_le_bytes();
                table[slot..slot + 2].copy_from_slice(&k);
            }
            let table = Literal::byte_string(&table);
            let min = Literal::u32_unsuffixed(min);
            let mut arms = Vec::with_capacity(units.len());
            for (k, (ident, _)) in units.iter().enumerate() {
                let k = Literal::u16_unsuffixed(u16::try_from(k + 1).unwrap_or_default());
                arms.push(quote!(#k => Self::#ident,));
            }
            let items = quote! {
                fn __slot(code: ::core::primitive::u32) -> ::core::primitive::u16 {
                    __p::slot(#table, #min, code)
                }
            };
            (items, quote!(__slot(code)), arms, true)
        };
    // One `Some(…)` around the match, not one an arm: fewer tokens for the
    // compiler to read and check.
    let statements = if then_parts {
        quote! {
            '__own: {
                return ::core::option::Option::Some(match #scrutinee {
                    #(#arms)*
                    _ => break '__own,
                });
            }
        }
    } else {
        quote! {
            ::core::option::Option::Some(match #scrutinee {
                #(#arms)*
                _ => return ::core::option::Option::None,
            })
        }
    };
    Lookup {
        items,
        statements,
        indexed,
    }
}
