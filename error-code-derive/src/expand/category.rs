//! `#[derive(ErrorCategory)]`: the `ErrorCategory` impl, and nothing on the
//! user's enum itself (its own methods named `of` or `name` stay theirs).

use super::entries::doc_block;
use super::private;
use crate::ast::Scheme;
use crate::attr;
use crate::errors::Errors;
use crate::tokens::tokens;
use crate::{fallback, valid};
use proc_macro2::TokenStream;
use syn::DeriveInput;
use syn::ext::IdentExt as _;

pub fn error_category(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let attrs = attr::scheme_attrs(&input.attrs, &mut errors);
    let private = private(attrs.krate.as_ref());
    let scheme = Scheme::from_syn(input, attrs, &mut errors);
    if let Some(scheme) = &scheme {
        valid::error_category(scheme, &mut errors);
    }
    match (errors.finish(), scheme) {
        (None, Some(scheme)) => expand(&scheme, &private),
        (error, _) => {
            let fallback = fallback::error_category(input, &private);
            tokens!(error, fallback => #error #fallback)
        }
    }
}

fn expand(scheme: &Scheme, private: &TokenStream) -> TokenStream {
    let ty = &scheme.original.ident;
    let mut idents = Vec::with_capacity(scheme.categories.len());
    for c in &scheme.categories {
        idents.push(c.ident);
    }
    let linked = (scheme.attrs.domain.is_some() || scheme.attrs.url.is_some()).then(|| {
        let option = |text: &Option<syn::LitStr>| match text {
            Some(text) => tokens!(text => ::core::option::Option::Some(#text)),
            None => tokens!(=> ::core::option::Option::None),
        };
        let (domain, url) = (option(&scheme.attrs.domain), option(&scheme.attrs.url));
        tokens!(domain, url => .__linked(#domain, #url))
    });
    let lang = scheme
        .attrs
        .lang
        .as_ref()
        .map(|lang| tokens!(lang => .__lang(#lang)));
    let infos = scheme.categories.iter().map(|c| {
        let name = c.ident.unraw().to_string();
        let (start, end) = (c.range.start, c.range.last().unwrap_or_default());
        let desc = doc_block(&c.description);
        let descriptions = (!c.descriptions.is_empty()).then(|| {
            let (tags, texts): (Vec<_>, Vec<_>) = c.descriptions.iter().cloned().unzip();
            tokens!(; tags, texts => .__with_descriptions(&[#((#tags, #texts)),*]))
        });
        tokens!(name, start, end, desc, descriptions, linked, lang => __p::CategoryInfo::__new(#name, #start, #end, #desc) #descriptions #linked #lang)
    });
    let of_arms = scheme.categories.iter().map(|c| {
        let (ident, start, end) = (c.ident, c.range.start, c.range.last().unwrap_or_default());
        tokens!(start, end, ident => #start..=#end => ::core::option::Option::Some(Self::#ident),)
    });
    let reserved = scheme.attrs.reserved.iter().map(|r| {
        let (start, end) = (r.start, r.last().unwrap_or_default());
        tokens!(start, end => __p::ReservedRange::__new(#start, #end))
    });
    let retired: Vec<u32> = crate::ast::sorted_numbers(&scheme.attrs.retired);
    let index = 0..idents.len();
    let tracked = crate::fluent::tracked(&scheme.languages);
    tokens! {private, tracked, ty; idents, infos, reserved, retired, of_arms, index =>
        #[allow(clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #tracked
            #[automatically_derived]
            impl __p::ErrorCategory for #ty {
                const ALL: &'static [Self] = &[#(Self::#idents),*];
                const CATEGORIES: &'static [__p::CategoryInfo] = &[#(#infos),*];
                const RESERVED: &'static [__p::ReservedRange] = &[#(#reserved),*];
                const RETIRED: &'static [::core::primitive::u32] = &[#(#retired),*];

                fn of(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    match code {
                        #(#of_arms)*
                        _ => ::core::option::Option::None,
                    }
                }

                fn info(&self) -> &'static __p::CategoryInfo {
                    match self {
                        #(Self::#idents => &<Self as __p::ErrorCategory>::CATEGORIES[#index],)*
                    }
                }
            }
        };
    }
}
