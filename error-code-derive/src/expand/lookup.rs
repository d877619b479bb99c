//! The `ErrorCode` impl: `code` and `info` by variant, the value's
//! `Display` and `Error` views (`__probe`), its where clause, and the
//! `Display` of `#[error_code(display)]`. What the fields carry is in
//! `fields.rs`, `from_code` in `from_code.rs`.

use super::fields::{marked_fields, params};
use super::from_code::{Lookup, from_code_impl, own_lookup};
use super::{part_item, pattern, wrap};
use crate::ast::{Code, Input, Kind, Own, Part};
use crate::tokens::tokens;
use proc_macro2::{Literal, TokenStream};
use syn::Ident;

pub fn impls(input: &Input, sorted: &[Own], position: &[usize]) -> TokenStream {
    let lookup = own_lookup(sorted, input.parts().next().is_some());
    let (error_code, index) = error_code_impl(input, position, &lookup);
    let from_code = from_code_impl(input, &lookup, &index);
    let conversions = super::conversions(input.original);
    let display = display_impl(input);
    tokens!(error_code, from_code, conversions, display => #error_code #from_code #conversions #display)
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
        return tokens!(=> match *self {});
    }
    let mut arms = TokenStream::new();
    for i in 0..input.variants.len() {
        let v = &input.variants[i];
        let (pat, value) = match &v.kind {
            Kind::Code(code) => (pattern(v), own(code, i)),
            Kind::Part(p) => (wrap(v, &p.member), part(p, tokens!(=> __inner))),
        };
        arms.extend(pat);
        arms.extend(tokens!(=> =>));
        arms.extend(value);
        arms.extend(tokens!(=> ,));
    }
    tokens!(arms => match self { #arms })
}

/// The `ErrorCode` impl, and the inherent method both `code()` and
/// `info()` index with where the enum has only codes of its own.
fn error_code_impl(
    input: &Input,
    position: &[usize],
    lookup: &Lookup,
) -> (TokenStream, TokenStream) {
    // A generic enum's thiserror `Display` holds under thiserror's bounds:
    // the impl asks for the error, so the probe finds its detail and source.
    let wc = impl_where(input);
    // `code()` is not the provided `info().code`: a table of codes is a
    // fraction of the entries' size, and for the discriminant layout the
    // match is the cast.
    let discriminants = lookup.indexed && input.codes_are_discriminants();
    // Only codes of its own: one `match` gives a variant's position, which
    // indexes the table of codes for `code()` and the entries for `info()`
    // (one match for the compiler to check instead of two; the same loads).
    if !discriminants && input.parts().next().is_none() && input.codes().next().is_some() {
        let positions = each_variant(
            input,
            &|_, i| {
                let i = Literal::usize_unsuffixed(position[i]);
                tokens!(i => #i)
            },
            &|_, _| TokenStream::new(),
        );
        let index = tokens! {positions =>
            #[inline]
            fn __error_code_index(&self) -> ::core::primitive::usize {
                #positions
            }
        };
        let code = tokens!(=> __CODES[self.__error_code_index()]);
        let info = tokens!(=> &__OWN[self.__error_code_index()]);
        return (error_code_items(input, &wc, &code, &info), index);
    }
    let code = each_variant(
        input,
        &|c, _| {
            let code = Literal::u32_unsuffixed(c.code.value);
            tokens!(code => #code)
        },
        &|part, inner| part_item(part, false, "ErrorCode", tokens!(inner => code(#inner))),
    );
    // A part's entry: its own, or the merged one, which carries the enum's
    // `domain` and `url`.
    let part_info = |part: &Part, inner: TokenStream| {
        let code = part_item(part, false, "ErrorCode", tokens!(inner => code(#inner)));
        let info = part_item(part, false, "ErrorCode", tokens!(inner => info(#inner)));
        // The merged entry where the enum relinks its parts' entries or its
        // code space categorizes them.
        if super::entries::relinks(input) || input.attrs.space.is_some() {
            tokens!(code, info => return <Self as __p::ErrorCatalog>::CATALOG.__entry_of(#code, #info))
        } else {
            let told_apart = told_apart(&code, &info);
            tokens!(told_apart => return #told_apart)
        }
    };
    let info = if discriminants {
        // Every variant is a unit whose discriminant is its code: the index
        // table gives the entry (`__slot` of a code is its position plus
        // one), where a `match` over sparse discriminants would be a search.
        tokens!(=>
            &__OWN[::core::primitive::usize::from(__slot(__p::ErrorCode::code(self)))
                .wrapping_sub(1)]
        )
    } else if input.codes().next().is_none() {
        each_variant(
            input,
            &|_, _| tokens!(=> ::core::unreachable!()),
            &part_info,
        )
    } else {
        // The arms give a position and one indexing follows: one `Index`
        // for the compiler to check instead of one per variant.
        let positions = each_variant(
            input,
            &|_, i| {
                let i = Literal::usize_unsuffixed(position[i]);
                tokens!(i => #i)
            },
            &part_info,
        );
        if input.parts().next().is_some() {
            // As a part's: the catalog lists the own code's unique reason too.
            let told_apart = told_apart(&tokens!(=> __own.code()), &tokens!(=> __own));
            tokens! {positions, told_apart =>
                let __own = &__OWN[#positions];
                #told_apart
            }
        } else {
            tokens!(positions => &__OWN[#positions])
        }
    };
    (
        error_code_items(input, &wc, &code, &info),
        TokenStream::new(),
    )
}

/// `info`, the entry of `code`, or the merged one where a reason had to be
/// told apart (known in const evaluation: the other branch is gone).
fn told_apart(code: &TokenStream, info: &TokenStream) -> TokenStream {
    tokens!(code, info => match __MERGED.1 {
        true => <Self as __p::ErrorCatalog>::CATALOG.__entry_of(#code, #info),
        false => #info,
    })
}

/// The `ErrorCode` impl around the bodies of `code()` and `info()`.
fn error_code_items(
    input: &Input,
    wc: &TokenStream,
    code: &TokenStream,
    info: &TokenStream,
) -> TokenStream {
    let ty = &input.original.ident;
    let (ig, tg, _) = input.original.generics.split_for_impl();
    let probe = probe(input);
    let params = params(input);
    let marked = marked_fields(input);
    tokens! {ig, ty, tg, wc, code, info, probe, params, marked =>
        #[automatically_derived]
        impl #ig __p::ErrorCode for #ty #tg #wc {
            fn code(&self) -> ::core::primitive::u32 {
                #code
            }
            fn info(&self) -> &'static __p::CodeInfo {
                #info
            }
            #probe
            #params
            #marked
        }
    }
}

/// The `ErrorCode` impl's where clause: the enum's own, the error bound
/// of a generic thiserror enum, and `Field: Param` for each param of a
/// generic enum (as thiserror bounds the fields its `Display` shows).
fn impl_where(input: &Input) -> TokenStream {
    params_where(input, input.answer_bounds())
}

/// The where clause of an impl over the enum's generics: the user's own
/// predicates, `more`, and of a generic enum each param's type a `Param`.
pub(super) fn params_where(input: &Input, more: TokenStream) -> TokenStream {
    let generics = &input.original.generics;
    let mut predicates = super::predicates(generics);
    predicates.extend(more);
    if generics.type_params().next().is_some() {
        for (_, code) in input.codes() {
            for param in &code.params {
                let ty = param.ty;
                predicates.extend(tokens!(ty => #ty: __p::Param,));
            }
        }
    }
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        tokens!(predicates => where #predicates)
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
    tokens! {ig, ty, tg, wc =>
        #[automatically_derived]
        impl #ig ::core::fmt::Display for #ty #tg #wc {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __p::render_message(__f, self)
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
    let found = tokens!(=> (&&&__p::Probe(self)).__probe());
    let mut body = if repeats.is_empty() {
        found
    } else {
        tokens! {found; repeats => {
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
        let with_parts = each_variant(input, &|_, _| tokens!(=> __found), &|part, inner| {
            let display = part_item(part, false, "ErrorCode", tokens!(inner => detail(#inner)));
            let error = part_item(
                part,
                false,
                "ErrorCode",
                tokens!(inner => as_std_error(#inner)),
            );
            tokens!(display, error => __found.or(__p::Probed { display: #display, error: #error }))
        });
        body = tokens! {body, with_parts =>
            let __found = #body;
            #with_parts
        };
    }
    // The probe's traits are imported with the runtime, at the block's top.
    tokens! {body =>
        fn __probe(&self) -> __p::Probed<'_> {
            #body
        }
    }
}
