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
    // What every category's info is given after its own parts.
    let mut shared = TokenStream::new();
    if scheme.attrs.domain.is_some() || scheme.attrs.url.is_some() {
        let (domain, url) = (&scheme.attrs.domain, &scheme.attrs.url);
        let (domain, url) = (
            super::entries::option(domain.as_ref()),
            super::entries::option(url.as_ref()),
        );
        shared = tokens!(domain, url => .__linked(#domain, #url));
    }
    if let Some(lang) = &scheme.attrs.lang {
        shared.extend(tokens!(lang => .__lang(#lang)));
    }
    // One arm or row per category: its info, the arm of `of` and that of
    // `info`.
    let (mut idents, mut infos, mut of_arms, mut info_arms) = (
        Vec::new(),
        Vec::new(),
        TokenStream::new(),
        TokenStream::new(),
    );
    for index in 0..scheme.categories.len() {
        let c = &scheme.categories[index];
        let (ident, name) = (c.ident, c.ident.unraw().to_string());
        let (start, end) = (c.range.start, c.range.last().unwrap_or_default());
        let desc = doc_block(&c.description);
        let mut info =
            tokens!(name, start, end, desc => __p::CategoryInfo::__new(#name, #start, #end, #desc));
        if !c.descriptions.is_empty() {
            let pairs = super::pairs(&c.descriptions);
            info.extend(tokens!(; pairs => .__with_descriptions(&[#(#pairs),*])));
        }
        info.extend(shared.clone());
        infos.push(info);
        of_arms.extend(tokens!(start, end, ident => #start..=#end => ::core::option::Option::Some(Self::#ident),));
        info_arms.extend(tokens!(ident, index => Self::#ident => &<Self as __p::ErrorCategory>::CATEGORIES[#index],));
        idents.push(ident);
    }
    let mut reserved = Vec::new();
    for r in &scheme.attrs.reserved {
        let (start, end) = (r.start, r.last().unwrap_or_default());
        reserved.push(tokens!(start, end => __p::ReservedRange::__new(#start, #end)));
    }
    let retired: Vec<u32> = crate::ast::sorted_numbers(&scheme.attrs.retired);
    let tracked = crate::fluent::tracked(&scheme.languages);
    tokens! {private, tracked, ty, of_arms, info_arms; idents, infos, reserved, retired =>
        #[allow(deprecated, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #tracked
            #[automatically_derived]
            impl __p::ErrorCategory for #ty {
                const ALL: &'static [Self] = &[#(Self::#idents),*];
                const CATEGORIES: &'static [__p::CategoryInfo] = &[#(#infos),*];
                const RESERVED: &'static [__p::ReservedRange] = &[#(#reserved),*];
                const RETIRED: &'static [::core::primitive::u32] = &[#(#retired),*];

                fn of(__code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                    match __code {
                        #of_arms
                        _ => ::core::option::Option::None,
                    }
                }

                fn info(&self) -> &'static __p::CategoryInfo {
                    match self {
                        #info_arms
                    }
                }
            }
        };
    }
}
