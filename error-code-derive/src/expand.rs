//! Code generation only, one emitter per generated item. Every path is
//! absolute and reaches the runtime through `<crate>::__private`; helper
//! items live in `const _: () = {...}`, where the runtime is the short path
//! `__p` (a small expansion for enums of thousands of variants).

use crate::ast::{self, Code, Input, Kind, Message, Own, Part, Scheme, Variant};
use crate::attr::{self, Space};
use crate::errors::Errors;
use crate::{fallback, valid};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{DeriveInput, Fields, Ident, Member, Path};

/// `<crate>::__private`, `::error_code::__private` unless renamed.
pub fn private(krate: Option<&Path>) -> TokenStream {
    match krate {
        Some(path) => quote!(#path::__private),
        None => quote!(::error_code::__private),
    }
}

/// The runtime inside the generated block.
fn p() -> TokenStream {
    quote!(__p)
}

pub fn error_code(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let attrs = attr::enum_attrs(&input.attrs, &mut errors);
    let private = private(attrs.krate.as_ref());
    let model = Input::from_syn(input, attrs, &mut errors);
    if let Some(model) = &model {
        valid::error_code(model, &mut errors);
    }
    match (errors.finish(), model) {
        (None, Some(model)) => expand_error_code(&model, &private),
        (error, model) => {
            let fallback = fallback::error_code(input, &private);
            let checks = model
                .as_ref()
                .map(|model| own_codes_check_beside_errors(model, &private));
            quote!(#error #fallback #checks)
        }
    }
}

fn expand_error_code(input: &Input, private: &TokenStream) -> TokenStream {
    let (sorted, position) = input.sorted();
    let texts = Texts::new(input);
    let own = own_entries(input, &sorted, &texts);
    let catalog = catalog_items(input);
    let checks = checks(input, &sorted);
    let lookup = own_lookup(&sorted);
    let error_code = error_code_impl(input, &position, &lookup);
    let catalog_impl = catalog_impl(input);
    let from_code = from_code_impl(input, &lookup);
    let transparent = transparent_impl(input);
    let frameworks = framework_impls(input.original, input.attrs.own_answer);
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, non_snake_case, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #own
            #catalog
            #checks
            #error_code
            #catalog_impl
            #from_code
            #transparent
            #frameworks
        };
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

/// `<Part as Transparent>::<item>`, all of it at the part's type, so that
/// a part that does not derive `ErrorCode` is one error there.
fn part_item(part: &Part, in_const: bool, item: &TokenStream) -> TokenStream {
    let p = p();
    let ty = if in_const {
        part.static_ty()
    } else {
        quote!(#part)
    };
    // Located at the type, resolved where the derive's own names live.
    let span = Span::call_site().located_at(part.ty.span());
    let item = respan(item, span);
    quote_spanned!(span=> <#ty as #p::Transparent>::#item)
}

/// `tokens` with every span set to `span`.
fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut tt| {
            if let proc_macro2::TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(&g.stream(), span));
                group.set_span(span);
                tt = proc_macro2::TokenTree::Group(group);
            }
            tt.set_span(span);
            tt
        })
        .collect()
}

impl quote::ToTokens for Part<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.ty.to_tokens(tokens);
    }
}

/// The entries of the parts, in declaration order.
fn part_entries(input: &Input) -> Vec<TokenStream> {
    input
        .parts()
        .map(|(_, part)| part_item(part, true, &quote!(CATALOG.entries())))
        .collect()
}

/// The texts the macro cannot read itself (doc comments built by macros):
/// one constant each, computed by the runtime in const evaluation.
struct Texts {
    items: TokenStream,
}

impl Texts {
    fn new(input: &Input) -> Self {
        let mut items = TokenStream::new();
        for (i, v) in input.variants.iter().enumerate() {
            let Kind::Code(code) = &v.kind else {
                continue;
            };
            for (text, suffix) in [(&code.message, "M"), (&code.explanation, "X")] {
                let Message::Doc {
                    exprs,
                    explanation,
                    fallback,
                } = text
                else {
                    continue;
                };
                let ident = format_ident!("__{}{}", suffix, i);
                let text = doc_block(exprs, *explanation, fallback);
                items.extend(quote! {
                    const #ident: &::core::primitive::str = #text;
                });
            }
        }
        Texts { items }
    }

    /// The text as an expression: a literal, or the constant of variant `i`.
    fn of(message: &Message, i: usize, suffix: &str) -> TokenStream {
        match message {
            Message::Text(text) => quote!(#text),
            Message::Doc { .. } => {
                let ident = format_ident!("__{}{}", suffix, i);
                quote!(#ident)
            }
        }
    }
}

/// A block that reads the doc made of `exprs` in const evaluation: its
/// first paragraph, or the rest (`explanation`), or `fallback` if empty.
fn doc_block(exprs: &[&syn::Expr], explanation: bool, fallback: &str) -> TokenStream {
    let p = p();
    quote! {{
        const PARTS: &[&::core::primitive::str] = &[#(#exprs),*];
        const LEN: ::core::primitive::usize = #p::doc_comment::len(PARTS, #explanation);
        const TEXT: ([::core::primitive::u8; LEN], ::core::primitive::usize) =
            #p::doc_comment::write::<LEN>(PARTS, #explanation);
        #p::doc_comment::text(&TEXT.0, #fallback)
    }}
}

/// The status constants, the entry constructor and `__OWN`, the enum's own
/// entries sorted by code.
fn own_entries(input: &Input, sorted: &[Own], texts: &Texts) -> TokenStream {
    let p = p();
    let n = sorted.len();
    if n == 0 {
        return quote!(const __OWN: &[#p::CodeInfo] = &[];);
    }
    let owner = input.original.ident.unraw().to_string();
    // Each entry is built by one local `const fn`, so the category, the
    // owner and the links are written once, not once per variant.
    let category = match &input.attrs.space {
        Some(Space::Category(path)) => {
            let cat_ty = category_type(path);
            quote!(::core::option::Option::Some(<#cat_ty>::info(&#path)))
        }
        Some(Space::Scheme(scheme)) => {
            quote!(#p::check::category_of(code, <#scheme as #p::ErrorCategory>::CATEGORIES))
        }
        None => quote!(::core::option::Option::None),
    };
    let (domain, url) = (
        option_lit(&input.attrs.domain),
        option_lit(&input.attrs.url),
    );
    // Each entry's data is a tuple of constants, built into entries by one
    // loop in const evaluation: a `__e(…)` call per entry in the
    // initializer would be a body of thousands of calls for the compiler to
    // check and run.
    let data = sorted.iter().map(|&(i, _, c)| {
        let (code, status, name) = (c.code.value, status_ident(status_u16(c)), &c.name);
        let reason = ast::grpc_reason(name, code);
        let message = Texts::of(&c.message, i, "M");
        quote!((#code, #name, #reason, #status, #message))
    });
    // The rarer parts of an entry, set after the loop.
    let extras = sorted.iter().enumerate().filter_map(|(k, &(i, _, c))| {
        let messages = (!c.messages.is_empty()).then(|| {
            let (tags, texts): (Vec<_>, Vec<_>) = c.messages.iter().cloned().unzip();
            quote!(.__with_messages(&[#((#tags, #texts)),*]))
        });
        let deprecated = c
            .deprecated
            .as_ref()
            .map(|note| quote!(.__deprecated(#note)));
        let explanation = match &c.explanation {
            Message::Text(text) if text.is_empty() => None,
            other => {
                let text = Texts::of(other, i, "X");
                Some(quote!(.__explained(#text)))
            }
        };
        let grpc = c.grpc.as_ref().map(|g| quote!(.__grpc(#g)));
        if messages.is_none() && deprecated.is_none() && explanation.is_none() && grpc.is_none() {
            return None;
        }
        let k = proc_macro2::Literal::usize_unsuffixed(k);
        Some(quote!(__all[#k] = __all[#k] #messages #deprecated #explanation #grpc;))
    });
    // One constant per distinct status, not one per variant: each constant
    // is a body the compiler checks and evaluates.
    let mut statuses: Vec<u16> = sorted.iter().map(|(_, _, c)| status_u16(c)).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let status_consts = statuses.iter().map(|&s| {
        let ident = status_ident(s);
        quote!(const #ident: #p::StatusCode = #p::status(#s);)
    });
    let text_items = &texts.items;
    quote! {
        #(#status_consts)*
        #text_items
        const fn __e(
            code: ::core::primitive::u32,
            name: &'static ::core::primitive::str,
            reason: &'static ::core::primitive::str,
            status: #p::StatusCode,
            message: &'static ::core::primitive::str,
        ) -> #p::CodeInfo {
            #p::CodeInfo::__entry(code, name, reason, status, message, #category, #owner, (#domain, #url))
        }
        const __DATA: [(
            ::core::primitive::u32,
            &::core::primitive::str,
            &::core::primitive::str,
            #p::StatusCode,
            &::core::primitive::str,
        ); #n] = [#(#data),*];
        const __OWN_ALL: [#p::CodeInfo; #n] = {
            let mut __all = [__e(0, "", "", #p::status(500), ""); #n];
            // One reference: each use of the constant itself is a copy of it.
            let __data = &__DATA;
            let mut __k = 0;
            while __k < #n {
                let (code, name, reason, status, message) = __data[__k];
                __all[__k] = __e(code, name, reason, status, message);
                __k += 1;
            }
            #(#extras)*
            __all
        };
        const __OWN: &[#p::CodeInfo] = &__OWN_ALL;
    }
}

/// The enum's own retired codes, sorted, once each.
fn own_retired(input: &Input) -> Vec<u32> {
    let mut retired: Vec<u32> = input.attrs.retired.iter().map(|n| n.value).collect();
    retired.sort_unstable();
    retired.dedup();
    retired
}

/// `Some("…")` or `None`, as an expression.
fn option_lit(text: &Option<syn::LitStr>) -> TokenStream {
    match text {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

/// Whether the enum's `domain` or `url` overrides its parts' entries.
fn relinks(input: &Input) -> bool {
    input.parts().next().is_some() && (input.attrs.domain.is_some() || input.attrs.url.is_some())
}

/// `__ALL`, every entry with the parts' merged in, `__ALL_CODES`, their codes,
/// and `__RETIRED`, the retired codes of the enum and its parts.
fn catalog_items(input: &Input) -> TokenStream {
    let p = p();
    let retired = own_retired(input);
    let parts = part_entries(input);
    // The codes of `__ALL` beside it, which `Catalog::get` searches.
    let codes = quote! {
        const __ALL_CODES: [::core::primitive::u32; __ALL.len()] = #p::Catalog::__codes(__ALL);
    };
    if parts.is_empty() {
        return quote! {
            const __ALL: &[#p::CodeInfo] = __OWN;
            const __RETIRED: &[::core::primitive::u32] = &[#(#retired),*];
            #codes
        };
    }
    let k = parts.len() + 1;
    // The enum's `domain` and `url` win over its parts' own.
    let merged = if relinks(input) {
        let (domain, url) = (
            option_lit(&input.attrs.domain),
            option_lit(&input.attrs.url),
        );
        quote!(#p::relink::<__LEN>(#p::merge::<__LEN, #k>(&__PARTS), #domain, #url))
    } else {
        quote!(#p::merge::<__LEN, #k>(&__PARTS))
    };
    let part_retired = input
        .parts()
        .map(|(_, part)| part_item(part, true, &quote!(CATALOG.retired())));
    quote! {
        const __PARTS: [&[#p::CodeInfo]; #k] = [__OWN, #(#parts),*];
        const __LEN: ::core::primitive::usize = #p::total_len(&__PARTS);
        const __MERGED: [#p::CodeInfo; __LEN] = #merged;
        const __ALL: &[#p::CodeInfo] = &__MERGED;
        const __RETIRED_LISTS: [&[::core::primitive::u32]; #k] = [&[#(#retired),*], #(#part_retired),*];
        const __RETIRED_LEN: ::core::primitive::usize = #p::union_len(&__RETIRED_LISTS);
        const __RETIRED_ALL: [::core::primitive::u32; __RETIRED_LEN] = #p::union(&__RETIRED_LISTS);
        const __RETIRED: &[::core::primitive::u32] = &__RETIRED_ALL;
        #codes
    }
}

/// The checks made in const evaluation (see `valid.rs`): each a named
/// constant that panics at the user's token with a message naming every
/// failing code.
/// `__RULES`: the code space and the retired lists (`retired`, then the
/// scheme's) the enum's codes are checked against.
fn rules(input: &Input, retired: &TokenStream) -> TokenStream {
    let p = p();
    let space = match &input.attrs.space {
        Some(Space::Category(path)) => {
            let cat_ty = category_type(path);
            let scheme = path_name(path, 2);
            quote!(#p::check::Space::Category {
                scheme: #scheme,
                category: <#cat_ty>::info(&#path),
            })
        }
        Some(Space::Scheme(path)) => {
            let scheme = path_name(path, 1);
            quote!(#p::check::Space::Scheme {
                scheme: #scheme,
                categories: <#path as #p::ErrorCategory>::CATEGORIES,
                reserved: <#path as #p::ErrorCategory>::RESERVED,
            })
        }
        None => quote!(#p::check::Space::Any),
    };
    let scheme_retired = match &input.attrs.space {
        Some(Space::Category(path)) => {
            let cat_ty = category_type(path);
            quote!(<#cat_ty as #p::ErrorCategory>::RETIRED)
        }
        Some(Space::Scheme(path)) => quote!(<#path as #p::ErrorCategory>::RETIRED),
        None => quote!(&[]),
    };
    quote! {
        const __RULES: #p::check::Rules = #p::check::Rules {
            space: #space,
            retired: &[#retired, #scheme_retired],
        };
    }
}

/// The check of the enum's own codes against `__RULES`, at each code.
fn own_codes_check(sorted: &[Own]) -> TokenStream {
    let p = p();
    let codes = sorted.iter().map(|(_, _, c)| c.code.value);
    let spans: Vec<Span> = sorted.iter().map(|(_, _, c)| c.code.span).collect();
    let check = report(
        &format_ident!("ERROR_CODES_IN_CODE_SPACE"),
        &quote!(#p::check::numbers::<LEN>(__CODES, &__RULES)),
        &spans,
    );
    quote! {
        const __CODES: &[::core::primitive::u32] = &[#(#codes),*];
        #check
    }
}

/// The own-code check alone, for an enum with mistakes the macro found:
/// the codes outside the code space are reported in the same build.
fn own_codes_check_beside_errors(input: &Input, private: &TokenStream) -> TokenStream {
    let (sorted, _) = input.sorted();
    if input.attrs.space.is_none() || sorted.is_empty() {
        return TokenStream::new();
    }
    let rules = rules(input, &quote!(&[]));
    let check = own_codes_check(&sorted);
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #rules
            #check
        };
    }
}

fn checks(input: &Input, sorted: &[Own]) -> TokenStream {
    let p = p();
    let parts: Vec<(&Variant, &Part)> = input.parts().collect();
    let entries = part_entries(input);
    // The enum's own codes: in the code space, and not retired by a part
    // (its own retired list is checked by the macro).
    let own = (input.attrs.space.is_some() || !parts.is_empty()) && !sorted.is_empty();
    let bound = input.attrs.space.is_some() || !input.attrs.retired.is_empty() || parts.len() > 1;
    // No rules where nothing is checked against them: less for every build.
    let mut out = if own || (bound && !parts.is_empty()) {
        rules(input, &quote!(__RETIRED))
    } else {
        TokenStream::new()
    };
    if own {
        out.extend(own_codes_check(sorted));
    }
    // Each part's codes: in the code space, not retired by anyone, and not
    // used by the enum or an earlier part.
    for (i, ((variant, part), this)) in parts.iter().zip(&entries).enumerate() {
        let name = variant.ident.unraw().to_string();
        if bound {
            out.extend(report(
                &format_ident!("CODES_OF_PART_{}_IN_CODE_SPACE", name),
                &quote!(#p::check::codes::<LEN>(#this, #name, &__RULES)),
                &[part.span],
            ));
        }
        let earlier = &entries[..i];
        out.extend(report(
            &format_ident!("CODES_OF_PART_{}_UNIQUE", name),
            &quote!(#p::check::disjoint::<LEN>(#this, &[__OWN, #(#earlier),*])),
            &[part.span],
        ));
    }
    out
}

/// A named constant that runs `check` (a `Report<LEN>`) twice, to measure
/// and then to write its message, and panics at `spans[first failure]`.
fn report(name: &Ident, check: &TokenStream, spans: &[Span]) -> TokenStream {
    let p = p();
    let measure = {
        let mut tokens = TokenStream::new();
        for tt in check.clone() {
            match tt {
                proc_macro2::TokenTree::Ident(ident) if ident == "LEN" => {
                    tokens.extend(quote!(0));
                }
                other => tokens.extend([other]),
            }
        }
        tokens
    };
    let panic_at = |span: Span| quote_spanned!(span=> ::core::panic!("{}", REPORT.message()));
    let body = if let [span] = spans {
        panic_at(*span)
    } else {
        let arms = spans.iter().enumerate().map(|(i, span)| {
            let panic = panic_at(*span);
            quote!(#i => #panic,)
        });
        let last = panic_at(spans.first().copied().unwrap_or_else(Span::call_site));
        quote!(match REPORT.first() { #(#arms)* _ => #last })
    };
    quote! {
        const #name: () = {
            const LEN: ::core::primitive::usize = #measure.len();
            const REPORT: #p::check::Report<LEN> = #check;
            if REPORT.failed() {
                #body
            }
        };
    }
}

/// A `match self` over every variant: `own` gives the arm of a variant with
/// its own code (from the code and the variant's index), `part` the arm
/// of a part (from the inner value's `Transparent::error`).
fn each_variant(
    input: &Input,
    own: &dyn Fn(&Code, usize) -> TokenStream,
    part: &dyn Fn(TokenStream) -> TokenStream,
) -> TokenStream {
    let arms = input
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| match &v.kind {
            Kind::Code(code) => {
                let pat = pattern(v);
                let value = own(code, i);
                quote!(#pat => #value,)
            }
            Kind::Part(p) => {
                let pat = wrap(v, &p.member);
                let value = part(part_item(p, false, &quote!(error(__inner))));
                quote!(#pat => #value,)
            }
        });
    if input.variants.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#arms)* })
    }
}

fn error_code_impl(input: &Input, position: &[usize], lookup: &Lookup) -> TokenStream {
    let p = p();
    let ty = &input.original.ident;
    let (ig, tg, wc) = input.original.generics.split_for_impl();
    let forward = |method: &'static str| {
        let method = format_ident!("{}", method);
        move |inner: TokenStream| quote!(__p::ErrorCode::#method(#inner))
    };
    let code = each_variant(
        input,
        &|c, _| {
            let code = c.code.value;
            quote!(#code)
        },
        &forward("code"),
    );
    // Status, name and message are read from the entry `info()` finds:
    // one match for the compiler instead of one per accessor (a third of
    // the dev build at 5,000 variants), and as fast at run time.
    // The arms give a position and one indexing follows: one `Index` for
    // the compiler to check instead of one per variant.
    let info = if lookup.indexed && input.codes_are_discriminants() {
        // Every variant is a unit whose discriminant is its code, so
        // `code()` is the discriminant and the index table gives the
        // entry: a `match` over sparse discriminants would be a search.
        // `__slot` of one of the enum's codes is its position plus one.
        quote! {
            &__OWN[::core::primitive::usize::from(__slot(#p::ErrorCode::code(self))).wrapping_sub(1)]
        }
    } else if input.codes().next().is_none() {
        each_variant(
            input,
            &|_, _| quote!(::core::unreachable!()),
            &forward("info"),
        )
    } else {
        let positions = each_variant(
            input,
            &|_, i| {
                let i = proc_macro2::Literal::usize_unsuffixed(position[i]);
                quote!(#i)
            },
            &|inner| {
                if relinks(input) {
                    // The merged entry, which carries the enum's link.
                    quote!(return #p::entry_of(__ALL, #inner))
                } else {
                    quote!(return #p::ErrorCode::info(#inner))
                }
            },
        );
        quote!(&__OWN[#positions])
    };
    // Variants whose `Display` is their message word for word have no
    // detail: known here, where the answer path would format it to learn.
    let repeats: Vec<&Ident> = input
        .codes()
        .filter(|(_, c)| c.displays_message)
        .map(|(v, _)| v.ident)
        .collect();
    let repeats = (!repeats.is_empty()).then(|| {
        quote! {
            if ::core::matches!(self, #(Self::#repeats)|*) {
                return ::core::option::Option::None;
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #ig #p::ErrorCode for #ty #tg #wc {
            #[inline]
            fn code(&self) -> ::core::primitive::u32 {
                #code
            }
            #[inline]
            fn status(&self) -> #p::StatusCode {
                #p::ErrorCode::info(self).status()
            }
            #[inline]
            fn name(&self) -> &'static ::core::primitive::str {
                #p::ErrorCode::info(self).name()
            }
            #[inline]
            fn message(&self) -> &'static ::core::primitive::str {
                #p::ErrorCode::info(self).message()
            }
            #[inline]
            fn info(&self) -> &'static #p::CodeInfo {
                #info
            }
            #[inline]
            fn detail(&self) -> ::core::option::Option<&dyn ::core::fmt::Display> {
                #repeats
                #[allow(unused_imports)]
                use #p::{NoDisplay as _, ViaDisplay as _};
                (&#p::Probe(self)).__detail()
            }
            #[inline]
            fn as_std_error(&self) -> ::core::option::Option<&dyn ::std::error::Error> {
                #[allow(unused_imports)]
                use #p::{NoError as _, ViaError as _};
                (&#p::Probe(self)).__error()
            }
        }
    }
}

fn catalog_impl(input: &Input) -> TokenStream {
    let p = p();
    let ty = &input.original.ident;
    let (ig, tg, wc) = input.original.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #ig #p::ErrorCatalog for #ty #tg #wc {
            const CATALOG: #p::Catalog = #p::Catalog::__indexed(__ALL, &__ALL_CODES, __RETIRED);
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
    }
}

fn from_code_impl(input: &Input, lookup: &Lookup) -> TokenStream {
    let p = p();
    let ty = &input.original.ident;
    let (ig, tg, wc) = input.original.generics.split_for_impl();
    let (index_table, own_lookup) = (&lookup.items, &lookup.statements);
    let lookup_parts = input.parts().map(|(v, part)| {
        let value = wrap(v, &part.member);
        let entries = part_item(part, false, &quote!(CATALOG.entries()));
        let found = part_item(part, false, &quote!(from_part_code(code)));
        quote! {
            if #p::in_bounds(code, #entries) {
                if let ::core::option::Option::Some(__inner) = #found {
                    return ::core::option::Option::Some(#value);
                }
            }
        }
    });
    // A type without parts has `from_code` where its variants are
    // fieldless; a composed one also needs its parts' to be, which only
    // const evaluation knows: its `from_code` checks that where it is
    // called (a generic over the code type delays the check to the call).
    let inherent = input.fieldless().then(|| {
        let doc = "The value with this error code, or `None` for a code the type does not have.";
        if input.parts().next().is_none() {
            quote! {
                #[automatically_derived]
                impl #ig #ty #tg #wc {
                    #[doc = #doc]
                    #[inline]
                    #[must_use]
                    pub fn from_code(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                        <Self as #p::FromCode>::from_code(code)
                    }
                }
            }
        } else {
            quote! {
                #[automatically_derived]
                impl #ig #ty #tg #wc {
                    #[doc = #doc]
                    ///
                    /// A composed type has this lookup only where its parts' variants are
                    /// fieldless too: a call does not compile otherwise.
                    #[inline]
                    #[must_use]
                    pub fn from_code<C: #p::Code>(code: C) -> ::core::option::Option<Self>
                    where
                        (C, <Self as #p::Transparent>::Fieldless): #p::FindsEveryCode,
                    {
                        <Self as #p::FromCode>::from_code(#p::Code::code(code))
                    }
                }
            }
        }
    });
    quote! {
        #index_table
        #[automatically_derived]
        impl #ig #p::FromCode for #ty #tg #wc {
            #[inline]
            fn from_code(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                #own_lookup
                #(#lookup_parts)*
                ::core::option::Option::None
            }
        }
        #inherent
    }
}

fn transparent_impl(input: &Input) -> TokenStream {
    let p = p();
    // `Yes` or `No` for the enum's own variants, `and`-ed with each part's.
    let mut fieldless = if input.fieldless() {
        quote!(#p::Yes)
    } else {
        quote!(#p::No)
    };
    for (_, part) in input.parts() {
        let theirs = part_item(part, false, &quote!(Fieldless));
        fieldless = quote!(<#fieldless as #p::Both<#theirs>>::Out);
    }
    let ty = &input.original.ident;
    let (ig, tg, wc) = input.original.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #ig #p::Transparent for #ty #tg #wc {
            type Error = Self;
            const CATALOG: #p::Catalog = <Self as #p::ErrorCatalog>::CATALOG;
            type Fieldless = #fieldless;
            #[inline]
            fn error(&self) -> &Self {
                self
            }
            #[inline]
            fn from_part_code(code: ::core::primitive::u32) -> ::core::option::Option<Self> {
                <Self as #p::FromCode>::from_code(code)
            }
        }
    }
}

/// The framework impls the runtime's features enable; `own_answer` leaves
/// out the HTTP answer impls (`into_response = false`).
pub fn framework_impls(input: &DeriveInput, own_answer: bool) -> TokenStream {
    let p = p();
    let ty = &input.ident;
    let (ig, tg, wc) = input.generics.split_for_impl();
    let predicates = wc.iter().flat_map(|w| w.predicates.iter());
    let mode = if own_answer {
        quote!(@own_answer)
    } else {
        quote!()
    };
    quote!(#p::__framework_impls! { #mode [#ig] [#ty #tg] [#(#predicates,)*] })
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

fn own_lookup(sorted: &[Own]) -> Lookup {
    let units: Vec<(&Ident, u32)> = sorted
        .iter()
        .filter(|(_, v, _)| matches!(v.fields, Fields::Unit))
        .map(|(_, v, c)| (v.ident, c.code.value))
        .collect();
    let (Some(&(_, min)), Some(&(_, max))) = (units.first(), units.last()) else {
        return Lookup {
            items: TokenStream::new(),
            statements: TokenStream::new(),
            indexed: false,
        };
    };
    let span = (u64::from(max) - u64::from(min) + 1) as usize;
    let n = units.len();
    if n < 16 || n >= usize::from(u16::MAX) || span > 16 * n + 64 {
        let arms = units
            .iter()
            .map(|(ident, code)| quote!(#code => Self::#ident,));
        let statements = quote! {
            '__own: {
                return ::core::option::Option::Some(
                    #[deny(unreachable_patterns)]
                    match code {
                        #(#arms)*
                        _ => break '__own,
                    }
                );
            }
        };
        return Lookup {
            items: TokenStream::new(),
            statements,
            indexed: false,
        };
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
    // `span <= 16 * n + 64` with `n < u16::MAX`, so it fits a `u32`.
    let span_lit = proc_macro2::Literal::u32_suffixed(u32::try_from(span).unwrap_or(u32::MAX));
    let arms = units.iter().enumerate().map(|(k, (ident, _))| {
        let k = proc_macro2::Literal::u16_unsuffixed(u16::try_from(k + 1).unwrap_or_default());
        quote!(#k => Self::#ident,)
    });
    let items = quote! {
        static __INDEX: &[::core::primitive::u8] = #table;
        #[inline]
        fn __slot(code: ::core::primitive::u32) -> ::core::primitive::u16 {
            // Bounded before it is doubled: a far code must not wrap
            // around onto a slot where `usize` is 32 bits.
            let __off = code.wrapping_sub(#min);
            if __off >= #span_lit {
                return 0;
            }
            let __at = 2 * __off as ::core::primitive::usize;
            match (__INDEX.get(__at), __INDEX.get(__at + 1)) {
                (::core::option::Option::Some(&__lo), ::core::option::Option::Some(&__hi)) => {
                    ::core::primitive::u16::from_le_bytes([__lo, __hi])
                }
                _ => 0,
            }
        }
    };
    // One `Some(…)` around the match, not one an arm: fewer tokens for the
    // compiler to read and check.
    let statements = quote! {
        '__own: {
            return ::core::option::Option::Some(match __slot(code) {
                #(#arms)*
                _ => break '__own,
            });
        }
    };
    Lookup {
        items,
        statements,
        indexed: true,
    }
}

/// The name of the generated constant that holds `status`.
fn status_ident(status: u16) -> Ident {
    format_ident!("__STATUS_{}", status)
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

pub fn error_category(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let attrs = attr::scheme_attrs(&input.attrs, &mut errors);
    let private = private(attrs.krate.as_ref());
    let scheme = Scheme::from_syn(input, attrs, &mut errors);
    if let Some(scheme) = &scheme {
        valid::error_category(scheme, &mut errors);
    }
    match (errors.finish(), scheme) {
        (None, Some(scheme)) => expand_error_category(&scheme, &private),
        (error, _) => {
            let fallback = fallback::error_category(input, &private);
            quote!(#error #fallback)
        }
    }
}

fn expand_error_category(scheme: &Scheme, p: &TokenStream) -> TokenStream {
    let ty = &scheme.original.ident;
    let idents: Vec<_> = scheme.categories.iter().map(|c| c.ident).collect();
    let linked = (scheme.attrs.domain.is_some() || scheme.attrs.url.is_some()).then(|| {
        let (domain, url) = (
            option_lit(&scheme.attrs.domain),
            option_lit(&scheme.attrs.url),
        );
        quote!(.__linked(#domain, #url))
    });
    let infos = scheme.categories.iter().map(|c| {
        let name = c.ident.unraw().to_string();
        let (start, end) = (c.range.start, c.range.last().unwrap_or_default());
        let desc = match &c.description {
            Message::Text(text) => quote!(#text),
            Message::Doc {
                exprs,
                explanation,
                fallback,
            } => doc_block(exprs, *explanation, fallback),
        };
        let descriptions = (!c.descriptions.is_empty()).then(|| {
            let (tags, texts): (Vec<_>, Vec<_>) = c.descriptions.iter().cloned().unzip();
            quote!(.__with_descriptions(&[#((#tags, #texts)),*]))
        });
        quote!(#p::CategoryInfo::__new(#name, #start, #end, #desc) #descriptions #linked)
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
    let mut retired: Vec<u32> = scheme.attrs.retired.iter().map(|n| n.value).collect();
    retired.sort_unstable();
    retired.dedup();
    let index = 0..idents.len();
    quote! {
        #[doc(hidden)]
        #[allow(clippy::all, clippy::pedantic)]
        const _: () = {
            #[allow(unused_imports)]
            use #p as __p;
            #[automatically_derived]
            impl #ty {
                /// Every category, in declaration order.
                pub const ALL: &'static [Self] = &[#(Self::#idents),*];
                /// The static description of every category, in declaration order.
                pub const CATEGORIES: &'static [#p::CategoryInfo] = &[#(#infos),*];
                /// The reserved ranges of the code space.
                pub const RESERVED: &'static [#p::ReservedRange] = &[#(#reserved_infos),*];
                /// Retired codes, sorted: no enum of the scheme may use them again.
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
