//! What the derives emit beside their errors: the same items as the real
//! expansion, with bodies that are never run, so that a mistake in one
//! derive causes no follow-on error anywhere else. The test at the bottom
//! keeps the item lists of both in step.

use crate::expand::framework_impls;
use crate::tokens::tokens;
use proc_macro2::TokenStream;
use syn::DeriveInput;

pub fn error_code(input: &DeriveInput, private: &TokenStream) -> TokenStream {
    let ty = &input.ident;
    let (ig, tg, wc) = input.generics.split_for_impl();
    // The same framework impls as the real expansion would have emitted, so
    // that a user's own `IntoResponse` is no follow-on conflict.
    let attrs = crate::attr::enum_attrs(&input.attrs, &mut crate::errors::Errors::default());
    let into_response = attrs.emits_into_response();
    // The `Display` the real expansion would write, so that code using it
    // is no follow-on error.
    // Not beside thiserror's: that clash is the error reported.
    let mut display = TokenStream::new();
    if attrs.display && !crate::ast::uses_thiserror(input) {
        display = tokens! {ig, ty, tg, wc =>
            #[automatically_derived]
            impl #ig ::core::fmt::Display for #ty #tg #wc {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
        };
    }
    let frameworks = framework_impls(input, into_response, &TokenStream::new());
    let conversions = crate::expand::conversions(input);
    tokens! {private, ig, ty, tg, wc, conversions, display, frameworks =>
        #[allow(deprecated, unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #[automatically_derived]
            impl #ig __p::ErrorCode for #ty #tg #wc {
                fn code(&self) -> ::core::primitive::u32 { ::core::unreachable!() }
                fn info(&self) -> &'static __p::CodeInfo { ::core::unreachable!() }
                fn __probe(&self) -> __p::Probed<'_> { ::core::unreachable!() }
                fn for_each_param(&self, _: __p::Visit<'_>) { ::core::unreachable!() }
                fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> { ::core::unreachable!() }
                fn violations(&self) -> ::core::option::Option<&__p::Violations> { ::core::unreachable!() }
            }
            #[automatically_derived]
            impl #ig __p::ErrorCatalog for #ty #tg #wc {
                const CATALOG: __p::Catalog = __p::Catalog::EMPTY;
            }
            #[automatically_derived]
            impl #ig __p::FromCode for #ty #tg #wc {
                fn from_code(_: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
                fn from_params(
                    _: ::core::primitive::u32,
                    _: &__p::ParamMap,
                ) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }
            #[automatically_derived]
            impl #ig __p::Fieldless for #ty #tg #wc {}
            #[automatically_derived]
            impl #ig #ty #tg #wc {
                pub const CATALOG: __p::Catalog = __p::Catalog::EMPTY;
                pub fn from_code(_: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }
            #conversions
            #display
            #frameworks
        };
    }
}

pub fn error_category(input: &DeriveInput, private: &TokenStream) -> TokenStream {
    // A category enum with type or lifetime parameters is that mistake,
    // said once: the impl beside it asks the enum to be `'static`, as the
    // trait does, so that code naming it (`Cat::of`, `category =
    // Cat::Pod`) finds the trait and says nothing more.
    let ty = &input.ident;
    let (ig, tg, _) = input.generics.split_for_impl();
    let predicates = input.generics.where_clause.as_ref().map(|w| &w.predicates);
    let wc = if input.generics.params.is_empty() {
        TokenStream::new()
    } else {
        tokens!(ty, tg, predicates => where #ty #tg: 'static, #predicates)
    };
    tokens! {private, ig, ty, tg, wc =>
        #[allow(deprecated, unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #[automatically_derived]
            impl #ig __p::ErrorCategory for #ty #tg #wc {
                const ALL: &'static [Self] = &[];
                const CATEGORIES: &'static [__p::CategoryInfo] = &[];
                const RESERVED: &'static [__p::ReservedRange] = &[];
                const RETIRED: &'static [::core::primitive::u32] = &[];
                fn of(_: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
                fn info(&self) -> &'static __p::CategoryInfo { ::core::unreachable!() }
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;
    use std::collections::BTreeSet;

    /// `impl <trait or inherent>: item` for every impl item of an expansion.
    fn items(tokens: proc_macro2::TokenStream) -> BTreeSet<String> {
        fn walk(items: &[&syn::Item], out: &mut BTreeSet<String>) {
            for item in items {
                match item {
                    syn::Item::Const(c) => {
                        if let syn::Expr::Block(block) = &*c.expr {
                            let inner: Vec<&syn::Item> = block
                                .block
                                .stmts
                                .iter()
                                .filter_map(|s| match s {
                                    syn::Stmt::Item(item) => Some(item),
                                    _ => None,
                                })
                                .collect();
                            walk(&inner, out);
                        }
                    }
                    syn::Item::Impl(imp) => {
                        let of = imp
                            .trait_
                            .as_ref()
                            .map_or("inherent".to_owned(), |(path, _)| {
                                path.segments
                                    .last()
                                    .map(|s| s.ident.to_string())
                                    .unwrap_or_default()
                            });
                        for item in &imp.items {
                            // A private helper of the real impls: nothing
                            // outside them names it.
                            if let syn::ImplItem::Fn(f) = item
                                && matches!(f.vis, syn::Visibility::Inherited)
                                && f.sig.ident.to_string().starts_with("__error_code")
                            {
                                continue;
                            }
                            let name = match item {
                                syn::ImplItem::Const(c) => c.ident.to_string(),
                                syn::ImplItem::Fn(f) => f.sig.ident.to_string(),
                                syn::ImplItem::Type(t) => t.ident.to_string(),
                                other => other.to_token_stream().to_string(),
                            };
                            out.insert(format!("{of}: {name}"));
                        }
                    }
                    syn::Item::Macro(m) => {
                        out.insert(format!("macro: {}", m.mac.path.to_token_stream()));
                    }
                    _ => {}
                }
            }
        }
        let file: syn::File = syn::parse2(tokens).expect("the expansion parses");
        let mut out = BTreeSet::new();
        walk(&file.items.iter().collect::<Vec<_>>(), &mut out);
        out
    }

    fn without_errors(tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
        let file: syn::File = syn::parse2(tokens).expect("parses");
        let kept = file.items.into_iter().filter(|item| {
            !matches!(item, syn::Item::Macro(m) if m.mac.path.is_ident("compile_error") || m.mac.path.segments.last().is_some_and(|s| s.ident == "compile_error"))
        });
        quote::quote!(#(#kept)*)
    }

    #[test]
    fn error_code_fallback_emits_the_same_items() {
        let good = crate::error_code(quote::quote! {
            enum E { #[code(1, status = 404)] A, #[code(2)] B(u8) }
        });
        let bad = crate::error_code(quote::quote! {
            enum E { #[code(1, status = 200)] A, #[code(2)] B(u8) }
        });
        assert!(bad.to_string().contains("compile_error"));
        // The fallback also has the inherent `from_code`, which the real
        // expansion emits only for fieldless enums: a call to it is then
        // no follow-on error either.
        let (good, bad) = (items(good), items(without_errors(bad)));
        let extra: Vec<&String> = bad.difference(&good).collect();
        assert!(
            good.is_subset(&bad),
            "missing from the fallback: {:?}",
            good.difference(&bad)
        );
        assert_eq!(
            extra,
            [
                "ErrorCode: for_each_param",
                "ErrorCode: retry_after",
                "ErrorCode: violations",
                "FromCode: from_params",
                "inherent: from_code"
            ]
        );
    }

    #[test]
    fn error_code_fallback_matches_a_fieldless_composed_enum() {
        let good = crate::error_code(quote::quote! {
            enum E { #[code(1, status = 404)] A, #[code(transparent)] P(Part) }
        });
        let bad = crate::error_code(quote::quote! {
            enum E { #[code(1, status = 404, bogus)] A, #[code(transparent)] P(Part) }
        });
        assert_eq!(items(good), items(without_errors(bad)));
    }

    #[test]
    fn error_category_fallback_emits_the_same_items() {
        let good = crate::error_category(quote::quote! {
            enum C { #[category(1..=9)] A }
        });
        let bad = crate::error_category(quote::quote! {
            enum C { #[category(9..=1)] A }
        });
        assert_eq!(items(good), items(without_errors(bad)));
    }
}
