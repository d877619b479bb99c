//! Code generation only. Every path is absolute and reaches the runtime
//! through `<crate>::__private`; helper items live in `const _: () = {...}`.

use crate::ast::{Code, Input, Scheme, Variant};
use crate::attr::{self, Space};
use crate::errors::Errors;
use crate::valid;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::{DeriveInput, Fields, Member, Path};

/// `<crate>::__private`, `::error_code::__private` unless renamed.
fn private(krate: Option<&Path>) -> TokenStream {
    match krate {
        Some(path) => quote!(#path::__private),
        None => quote!(::error_code::__private),
    }
}

pub fn error_code(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let attrs = attr::enum_attrs(&input.attrs, &mut errors);
    let p = private(attrs.krate.as_ref());
    let model = Input::from_syn(input, attrs, &mut errors);
    if let Some(model) = &model {
        valid::error_code(model, &mut errors);
    }
    match (errors.finish(), model) {
        (None, Some(model)) => expand_error_code(&model, &p),
        (error, _) => {
            let fallback = error_code_fallback(input, &p);
            quote!(#error #fallback)
        }
    }
}

/// `Self::V`, `Self::V(..)` or `Self::V { .. }`.
fn pattern(v: &Variant) -> TokenStream {
    let ident = v.ident;
    match v.fields {
        Fields::Unit => quote!(Self::#ident),
        Fields::Unnamed(_) => quote!(Self::#ident(..)),
        Fields::Named(_) => quote!(Self::#ident { .. }),
    }
}

/// `Self::V(__inner)` or `Self::V { field: __inner }`, as pattern or value.
fn wrap(v: &Variant, member: &Member) -> TokenStream {
    let ident = v.ident;
    match member {
        Member::Named(name) => quote!(Self::#ident { #name: __inner }),
        Member::Unnamed(_) => quote!(Self::#ident(__inner)),
    }
}

/// A `const` item that fails the build with `message` at the user's span.
fn const_check(span: proc_macro2::Span, check: TokenStream) -> TokenStream {
    quote_spanned! {span=>
        const _: () = {
            let __msg = #check;
            if __msg.is_some() {
                ::core::panic!("{}", __msg.as_str())
            }
        };
    }
}

fn expand_error_code(input: &Input, private: &TokenStream) -> TokenStream {
    // Inside the generated block the runtime is `__p`: a short path keeps
    // the expansion small for enums of thousands of variants.
    let p = &quote!(__p);
    let ty = &input.original.ident;
    let owner = ty.unraw().to_string();
    let (ig, tg, wc) = input.original.generics.split_for_impl();

    // The enum's own codes sorted, and each variant's place among them by
    // declaration index.
    let mut order: Vec<(usize, &Variant, &Code)> = input
        .variants
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match &v.kind {
            crate::ast::Kind::Code(code) => Some((i, v, code)),
            crate::ast::Kind::Transparent { .. } => None,
        })
        .collect();
    order.sort_by_key(|(_, _, code)| code.code.value);
    let mut position = vec![0; input.variants.len()];
    for (sorted, (declared, _, _)) in order.iter().enumerate() {
        position[*declared] = sorted;
    }
    let own: Vec<(&Variant, &Code)> = order.iter().map(|(_, v, c)| (*v, *c)).collect();

    // Each entry is built by one local `const fn`, so the category and the
    // owner are written once, not once per variant. One constant checks
    // every code against the code space: one body for the compiler, however
    // many variants; it reads the codes from `__OWN`.
    let (category, check_all) = match &input.attrs.space {
        Some(Space::Category(path)) => {
            let cat_ty = category_type(path);
            let name = path_name(path, 2);
            (
                quote!(::core::option::Option::Some(<#cat_ty>::info(&#path))),
                Some(quote!(#p::check_all_in_category(
                    __OWN,
                    <#cat_ty>::info(&#path),
                    <#cat_ty as #p::ErrorCategory>::RETIRED,
                    #name,
                ))),
            )
        }
        Some(Space::Scheme(scheme)) => {
            let name = path_name(scheme, 1);
            (
                quote!(#p::category_of(code, <#scheme as #p::ErrorCategory>::CATEGORIES)),
                Some(quote!(#p::check_all_in_scheme(
                    __OWN,
                    #name,
                    <#scheme as #p::ErrorCategory>::CATEGORIES,
                    <#scheme as #p::ErrorCategory>::RESERVED,
                    <#scheme as #p::ErrorCategory>::RETIRED,
                ))),
            )
        }
        None => (quote!(::core::option::Option::None), None),
    };
    let entry_fn = quote! {
        const fn __e(
            code: ::core::primitive::u32,
            name: &'static ::core::primitive::str,
            status: #p::StatusCode,
            message: &'static ::core::primitive::str,
        ) -> #p::CodeInfo {
            #p::CodeInfo::__new(code, name, status, message, #category, #owner)
        }
    };
    let entries = own.iter().map(|(_, c)| {
        let (code, status, name, message) = (
            c.code.value,
            status_ident(status_u16(c)),
            &c.name,
            &c.message,
        );
        let messages = (!c.messages.is_empty()).then(|| {
            let (tags, texts): (Vec<_>, Vec<_>) = c.messages.iter().cloned().unzip();
            quote!(.__with_messages(&[#((#tags, #texts)),*]))
        });
        let deprecated = c
            .deprecated
            .as_ref()
            .map(|note| quote!(.__deprecated(#note)));
        quote!(__e(#code, #name, #status, #message) #messages #deprecated)
    });
    // It panics at the literal of the first failing code, with a message
    // naming every failing code.
    let range_checks = check_all.filter(|_| !own.is_empty()).map(|check| {
        let arms = own.iter().enumerate().map(|(i, (_, c))| {
            quote_spanned!(c.code.span=> #i => ::core::panic!("{}", __failure.message()),)
        });
        quote! {
            const _: () = {
                let __failure = #check;
                if __failure.failed() {
                    match __failure.index() {
                        #(#arms)*
                        _ => ::core::panic!("{}", __failure.message()),
                    }
                }
            };
        }
    });

    let parts: Vec<_> = input.parts().collect();
    let part_entries: Vec<TokenStream> = parts
        .iter()
        .map(|(_, _, ty, _)| quote!(<#ty as #p::ErrorCatalog>::CATALOG.entries()))
        .collect();
    let disjoint = parts.iter().enumerate().map(|(i, (_, _, _, span))| {
        let this = &part_entries[i];
        let earlier = &part_entries[..i];
        const_check(
            *span,
            quote!(#p::check_disjoint(#this, &[__OWN, #(#earlier),*])),
        )
    });
    let (all_items, all) = if parts.is_empty() {
        (quote!(), quote!(__OWN))
    } else {
        (
            quote! {
                const __PARTS: &[&[#p::CodeInfo]] = &[__OWN, #(#part_entries),*];
                const __LEN: ::core::primitive::usize = #p::total_len(__PARTS);
                const __ALL: [#p::CodeInfo; __LEN] = #p::merge::<__LEN>(__PARTS);
            },
            quote!(&__ALL),
        )
    };

    let accessor = |name: TokenStream, own_value: &dyn Fn(&Code, usize) -> TokenStream| {
        let arms = input
            .variants
            .iter()
            .enumerate()
            .map(|(i, v)| match &v.kind {
                crate::ast::Kind::Code(code) => {
                    let pat = pattern(v);
                    let value = own_value(code, position[i]);
                    quote!(#pat => #value,)
                }
                crate::ast::Kind::Transparent { member, .. } => {
                    let pat = wrap(v, member);
                    quote!(#pat => return #p::ErrorCode::#name(__inner),)
                }
            });
        if input.variants.is_empty() {
            quote!(match *self {})
        } else {
            quote!(match self { #(#arms)* })
        }
    };
    let code_body = accessor(quote!(code), &|c, _| {
        let code = c.code.value;
        quote!(#code)
    });
    let status_body = accessor(quote!(status), &|c, _| {
        let status = status_ident(status_u16(c));
        quote!(#status)
    });
    // One constant per distinct status, not one per variant: each constant
    // is a body the compiler checks and evaluates.
    let mut statuses: Vec<u16> = own.iter().map(|(_, c)| status_u16(c)).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let status_consts = statuses.iter().map(|&s| {
        let ident = status_ident(s);
        quote!(const #ident: #p::StatusCode = #p::status(#s);)
    });
    let name_body = accessor(quote!(name), &|c, _| {
        let name = &c.name;
        quote!(#name)
    });
    let message_body = accessor(quote!(message), &|c, _| {
        let message = &c.message;
        quote!(#message)
    });
    // The arms give a position and one indexing follows: one `Index` for
    // the compiler to check instead of one per variant.
    let info_body = if own.is_empty() {
        accessor(quote!(info), &|_, _| quote!(::core::unreachable!()))
    } else {
        let positions = accessor(quote!(info), &|_, i| {
            let i = proc_macro2::Literal::usize_unsuffixed(i);
            quote!(#i)
        });
        quote!(&__OWN[#positions])
    };

    let units: Vec<(&syn::Ident, u32)> = own
        .iter()
        .filter(|(v, _)| matches!(v.fields, Fields::Unit))
        .map(|(v, c)| (v.ident, c.code.value))
        .collect();
    let (index_table, own_lookup) = own_lookup(&units);
    let lookup_parts = parts.iter().zip(&part_entries).map(|((v, member, ty, _), entries)| {
        let value = wrap(v, member);
        quote! {
            if #p::in_bounds(code, #entries) {
                if let ::core::option::Option::Some(__inner) = <#ty as #p::FromCode>::from_code(code) {
                    return ::core::option::Option::Some(#value);
                }
            }
        }
    });
    let fieldless = own.iter().all(|(v, _)| matches!(v.fields, Fields::Unit));
    let from_code = fieldless.then(|| {
        quote! {
            #[automatically_derived]
            impl #ig #ty #tg #wc {
                /// The value with this error code, or `None` for a code the type does not have.
                #[inline]
                #[must_use]
                pub fn from_code(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    <Self as #p::FromCode>::from_code(code)
                }
            }
        }
    });
    let check_items = range_checks.into_iter().chain(disjoint);
    let predicates = wc.iter().flat_map(|w| w.predicates.iter());

    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #(#status_consts)*
            #entry_fn
            const __OWN: &[#p::CodeInfo] = &[#(#entries),*];
            #index_table
            #all_items
            #(#check_items)*

            #[automatically_derived]
            impl #ig #p::ErrorCode for #ty #tg #wc {
                #[inline]
                fn code(&self) -> ::core::primitive::u32 {
                    #code_body
                }
                #[inline]
                fn status(&self) -> #p::StatusCode {
                    #status_body
                }
                #[inline]
                fn name(&self) -> &'static ::core::primitive::str {
                    #name_body
                }
                #[inline]
                fn message(&self) -> &'static ::core::primitive::str {
                    #message_body
                }
                #[inline]
                fn info(&self) -> &'static #p::CodeInfo {
                    #info_body
                }
                #[inline]
                fn detail(&self) -> ::core::option::Option<&dyn ::core::fmt::Display> {
                    #[allow(unused_imports)]
                    use #p::{NoDisplay as _, ViaDisplay as _};
                    (&#p::Probe(self)).__detail()
                }
            }

            #[automatically_derived]
            impl #ig #p::ErrorCatalog for #ty #tg #wc {
                const CATALOG: #p::Catalog = #p::Catalog::__new(#all);
            }

            #[automatically_derived]
            impl #ig #p::FromCode for #ty #tg #wc {
                #[inline]
                fn from_code(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    #own_lookup
                    #(#lookup_parts)*
                    ::core::option::Option::None
                }
            }

            #[automatically_derived]
            impl #ig #ty #tg #wc {
                /// Every code this type can produce, sorted by code.
                pub const CATALOG: #p::Catalog = <Self as #p::ErrorCatalog>::CATALOG;

                /// Every code this type can produce, sorted by code.
                #[must_use]
                pub const fn catalog() -> #p::Catalog {
                    Self::CATALOG
                }
            }

            #from_code

            #p::__framework_impls! { [#ig] [#ty #tg] [#(#predicates,)*] }
        };
    }
}

/// The lookup of the enum's own fieldless variants by code, which returns
/// on a hit: `(items, statements)`.
///
/// Where the codes are dense enough (at most 16 table slots a code), a
/// static index table turns the lookup into a bounds check and two loads;
/// else a `match`, which the compiler lowers to a jump table or a search.
fn own_lookup(units: &[(&syn::Ident, u32)]) -> (TokenStream, TokenStream) {
    let (Some(&(_, min)), Some(&(_, max))) = (units.first(), units.last()) else {
        return (TokenStream::new(), TokenStream::new());
    };
    let span = (u64::from(max) - u64::from(min) + 1) as usize;
    let n = units.len();
    if n < 16 || n >= usize::from(u16::MAX) || span > 16 * n + 64 {
        let arms = units.iter().map(
            |(ident, code)| quote!(#code => return ::core::option::Option::Some(Self::#ident),),
        );
        let statements = quote! {
            #[deny(unreachable_patterns)]
            match code {
                #(#arms)*
                _ => {}
            }
        };
        return (TokenStream::new(), statements);
    }
    // The table is one byte-string literal (little-endian u16 slots): one
    // token for the compiler to read, where an array literal would be a
    // typed expression per slot.
    let mut table = vec![0u8; 2 * span];
    for (k, (_, code)) in units.iter().enumerate() {
        // `n < u16::MAX`, so `k + 1` fits.
        let slot = 2 * (code - min) as usize;
        let k = u16::try_from(k + 1).unwrap_or_default().to_le_bytes();
        table[slot..slot + 2].copy_from_slice(&k);
    }
    let table = proc_macro2::Literal::byte_string(&table);
    let arms = units.iter().enumerate().map(|(k, (ident, _))| {
        let k = proc_macro2::Literal::u16_unsuffixed(u16::try_from(k + 1).unwrap_or_default());
        quote!(#k => return ::core::option::Option::Some(Self::#ident),)
    });
    let items = quote! {
        static __INDEX: &[::core::primitive::u8] = #table;
    };
    let statements = quote! {
        let __slot = (code.wrapping_sub(#min) as ::core::primitive::usize).wrapping_mul(2);
        if let (::core::option::Option::Some(&__lo), ::core::option::Option::Some(&__hi)) =
            (__INDEX.get(__slot), __INDEX.get(__slot.wrapping_add(1)))
        {
            match ::core::primitive::u16::from_le_bytes([__lo, __hi]) {
                #(#arms)*
                _ => {}
            }
        }
    };
    (items, statements)
}

/// The name of the generated constant that holds `status`.
fn status_ident(status: u16) -> proc_macro2::Ident {
    quote::format_ident!("__STATUS_{}", status)
}

/// The validated status as `u16`; `valid.rs` ensures it is in 400..=599.
fn status_u16(code: &Code) -> u16 {
    u16::try_from(code.status.value).unwrap_or(500)
}

/// The name of the `nth` last segment: `Category` of `Category::PodError` for 2.
fn path_name(path: &Path, nth: usize) -> String {
    path.segments
        .iter()
        .rev()
        .nth(nth - 1)
        .map(|s| s.ident.unraw().to_string())
        .unwrap_or_default()
}

/// `Category` of `category = Category::PodError`.
fn category_type(path: &Path) -> TokenStream {
    let lead = &path.leading_colon;
    let segments = path
        .segments
        .iter()
        .take(path.segments.len().saturating_sub(1));
    quote!(#lead #(#segments)::*)
}

/// A minimal impl beside the errors, so the user sees the real mistake and
/// not a cascade of "trait not implemented".
fn error_code_fallback(input: &DeriveInput, p: &TokenStream) -> TokenStream {
    let ty = &input.ident;
    let (ig, tg, wc) = input.generics.split_for_impl();
    quote! {
        #[allow(unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            #[automatically_derived]
            impl #ig #p::ErrorCode for #ty #tg #wc {
                fn code(&self) -> ::core::primitive::u32 { ::core::unreachable!() }
                fn status(&self) -> #p::StatusCode { ::core::unreachable!() }
                fn name(&self) -> &'static ::core::primitive::str { ::core::unreachable!() }
                fn message(&self) -> &'static ::core::primitive::str { ::core::unreachable!() }
                fn info(&self) -> &'static #p::CodeInfo { ::core::unreachable!() }
            }
            #[automatically_derived]
            impl #ig #p::ErrorCatalog for #ty #tg #wc {
                const CATALOG: #p::Catalog = #p::Catalog::EMPTY;
            }
            #[automatically_derived]
            impl #ig #p::FromCode for #ty #tg #wc {
                fn from_code(_: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }
            #[automatically_derived]
            impl #ig #ty #tg #wc {
                pub const CATALOG: #p::Catalog = #p::Catalog::EMPTY;
                pub const fn catalog() -> #p::Catalog { #p::Catalog::EMPTY }
                pub fn from_code(_: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }
        };
    }
}

pub fn error_category(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let attrs = attr::scheme_attrs(&input.attrs, &mut errors);
    let p = private(attrs.krate.as_ref());
    let scheme = Scheme::from_syn(input, attrs, &mut errors);
    if let Some(scheme) = &scheme {
        valid::error_category(scheme, &mut errors);
    }
    match (errors.finish(), scheme) {
        (None, Some(scheme)) => expand_error_category(&scheme, &p),
        (error, _) => {
            let fallback = error_category_fallback(input, &p);
            quote!(#error #fallback)
        }
    }
}

fn expand_error_category(scheme: &Scheme, p: &TokenStream) -> TokenStream {
    let ty = &scheme.original.ident;
    let idents: Vec<_> = scheme.categories.iter().map(|c| c.ident).collect();
    let infos = scheme.categories.iter().map(|c| {
        let name = c.ident.unraw().to_string();
        let (start, end, desc) = (
            c.range.start,
            c.range.last().unwrap_or_default(),
            &c.description,
        );
        let descriptions = (!c.descriptions.is_empty()).then(|| {
            let (tags, texts): (Vec<_>, Vec<_>) = c.descriptions.iter().cloned().unzip();
            quote!(.__with_descriptions(&[#((#tags, #texts)),*]))
        });
        quote!(#p::CategoryInfo::__new(#name, #start, #end, #desc) #descriptions)
    });
    let of_arms = scheme.categories.iter().map(|c| {
        let (ident, start, end) = (c.ident, c.range.start, c.range.last().unwrap_or_default());
        quote!(#start..=#end => ::core::option::Option::Some(Self::#ident),)
    });
    let reserved: Vec<_> = scheme
        .attrs
        .reserved
        .iter()
        .map(|r| (r.start, r.last().unwrap_or_default()))
        .collect();
    let reserved_infos = reserved
        .iter()
        .map(|(s, e)| quote!(#p::ReservedRange::__new(#s, #e)));
    let reserved_tests = reserved
        .iter()
        .map(|(s, e)| quote!(|| (code >= #s && code <= #e)));
    let retired = scheme.attrs.retired.iter().map(|n| n.value);
    let index = 0..idents.len();
    quote! {
        #[doc(hidden)]
        #[allow(clippy::all, clippy::pedantic)]
        const _: () = {
            #[automatically_derived]
            impl #ty {
                /// Every category, in declaration order.
                pub const ALL: &'static [Self] = &[#(Self::#idents),*];
                /// The static description of every category, in declaration order.
                pub const CATEGORIES: &'static [#p::CategoryInfo] = &[#(#infos),*];
                /// The reserved ranges of the code space.
                pub const RESERVED: &'static [#p::ReservedRange] = &[#(#reserved_infos),*];
                /// Retired codes: no enum of the scheme may use them again.
                pub const RETIRED: &'static [::core::primitive::u32] = &[#(#retired),*];

                /// The category whose range holds `code`.
                #[must_use]
                pub const fn of(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    match code {
                        #(#of_arms)*
                        _ => ::core::option::Option::None,
                    }
                }

                /// This category's static description.
                #[must_use]
                pub const fn info(&self) -> &'static #p::CategoryInfo {
                    match self {
                        #(Self::#idents => &Self::CATEGORIES[#index],)*
                    }
                }

                /// The category's name.
                #[must_use]
                pub const fn name(&self) -> &'static ::core::primitive::str {
                    self.info().name()
                }

                /// The category's range of codes.
                #[must_use]
                pub const fn range(&self) -> ::core::ops::RangeInclusive<::core::primitive::u32> {
                    self.info().range()
                }

                /// The category's description, from its doc comment.
                #[must_use]
                pub const fn description(&self) -> &'static ::core::primitive::str {
                    self.info().description()
                }

                /// Whether `code` lies in a reserved range.
                #[must_use]
                pub const fn is_reserved(code: ::core::primitive::u32) -> ::core::primitive::bool {
                    false #(#reserved_tests)*
                }
            }

            #[automatically_derived]
            impl #p::ErrorCategory for #ty {
                const ALL: &'static [Self] = <#ty>::ALL;
                const CATEGORIES: &'static [#p::CategoryInfo] = <#ty>::CATEGORIES;
                const RESERVED: &'static [#p::ReservedRange] = <#ty>::RESERVED;
                const RETIRED: &'static [::core::primitive::u32] = <#ty>::RETIRED;

                #[inline]
                fn of(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    <#ty>::of(code)
                }

                #[inline]
                fn info(&self) -> &'static #p::CategoryInfo {
                    <#ty>::info(self)
                }
            }
        };
    }
}

fn error_category_fallback(input: &DeriveInput, p: &TokenStream) -> TokenStream {
    let ty = &input.ident;
    let (ig, tg, wc) = input.generics.split_for_impl();
    quote! {
        #[allow(unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            const __ANY: #p::CategoryInfo = #p::CategoryInfo::__new("", 0, ::core::primitive::u32::MAX, "");
            #[automatically_derived]
            impl #ig #ty #tg #wc {
                pub const fn info(&self) -> &'static #p::CategoryInfo { &__ANY }
            }
            #[automatically_derived]
            impl #ig #p::ErrorCategory for #ty #tg #wc {
                const ALL: &'static [Self] = &[];
                const CATEGORIES: &'static [#p::CategoryInfo] = &[];
                const RESERVED: &'static [#p::ReservedRange] = &[];
                fn of(_: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
                fn info(&self) -> &'static #p::CategoryInfo { &__ANY }
            }
        };
    }
}
