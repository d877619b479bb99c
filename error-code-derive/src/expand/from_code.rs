//! `from_code`: the `FromCode` impl, the inherent `from_code` of a
//! `Fieldless` type, and the lookup of the own fieldless variants by code
//! (a `match`, or an index table where the codes are dense).

use super::fields::from_params;
use super::{part_item, wrap};
use crate::ast::{Input, Own, Variant};
use crate::tokens::tokens;
use proc_macro2::{Literal, TokenStream};

/// Each part asked in turn (`__inner` the answer of `found`), where `code`
/// is within its catalog's bounds.
pub(super) fn ask_parts(input: &Input, found: &TokenStream) -> TokenStream {
    let mut asked = TokenStream::new();
    for (v, part) in input.parts() {
        let value = wrap(v, &part.member);
        let entries = super::part_catalog(part.index);
        let found = part_item(part, false, "ErrorCatalog", found.clone());
        asked.extend(tokens! {entries, found, value =>
            if __p::in_bounds(__code, #entries.entries()) {
                if let ::core::option::Option::Some(__inner) = #found {
                    return ::core::option::Option::Some(#value);
                }
            }
        });
    }
    asked
}

pub(super) fn from_code_impl(
    input: &Input,
    lookup: &Lookup,
    inherent: &TokenStream,
) -> TokenStream {
    let ty = &input.original.ident;
    let (ig, tg, _) = input.original.generics.split_for_impl();
    let wc = catalog_where(input);
    let (index_table, own_lookup) = (&lookup.items, &lookup.statements);
    let lookup_parts = ask_parts(input, &tokens!(=> __lookup(__code)));
    // The own lookup ends `from_code`, unless parts are asked after it.
    let complete = input.parts().next().is_none() && !lookup.statements.is_empty();
    let mut miss = TokenStream::new();
    if !complete {
        miss = tokens!(lookup_parts => #lookup_parts ::core::option::Option::None);
    }
    // `Fieldless` where the own variants are, and the parts' are too: the
    // bounds are for every lifetime, so that one that does not hold keeps
    // the impl out instead of being an error. A part's is read from its
    // catalog where the enum is not generic (a constant cannot name its
    // parameters): enums that compose each other are then one error, the
    // cycle of their catalogs, where asking the parts' `Fieldless` would
    // add an overflow per enum.
    let (mut fieldless, mut from_code) = (TokenStream::new(), TokenStream::new());
    if input.fieldless() {
        let generic = input.original.generics.params.iter().next().is_some();
        let mut parts = TokenStream::new();
        for (_, part) in input.parts() {
            let ty = part.ty;
            parts.extend(if generic {
                tokens!(ty => for<'__error_code_a> #ty: __p::Fieldless,)
            } else {
                let catalog = super::part_catalog(part.index);
                tokens!{catalog, ty =>
                    for<'__error_code_a> __p::FieldlessIf<{ #catalog.__is_fieldless() }>: __p::FieldlessPart<#ty>,
                }
            });
        }
        let mut predicates = super::predicates(&input.original.generics);
        if let Some(bound) = &input.attrs.bound {
            predicates.extend(bound.clone());
        }
        fieldless = tokens! {ig, ty, tg, predicates, parts =>
            #[automatically_derived]
            impl #ig __p::Fieldless for #ty #tg where #predicates #parts {}
        };
        // A composed type is `Fieldless` where its parts are: a call
        // compiles only then.
        let mut parts = Vec::new();
        for (_, part) in input.parts() {
            parts.push(part.ty);
        }
        let mut bound = TokenStream::new();
        if !parts.is_empty() {
            bound = tokens!(; parts => where #(for<'__error_code_a> #parts: __p::Fieldless,)*);
        }
        from_code = tokens! {bound =>
            /// The value with this error code, or `None` for a code the type does not have.
            pub fn from_code(__code: ::core::primitive::u32) -> ::core::option::Option<Self> #bound {
                <Self as __p::FromCode>::from_code(__code)
            }
        };
    }
    let from_params = from_params(input);
    tokens! {index_table, ig, ty, tg, wc, own_lookup, miss, from_params, fieldless, from_code, inherent =>
        #index_table
        #[automatically_derived]
        impl #ig __p::FromCode for #ty #tg #wc {
            fn from_code(__code: ::core::primitive::u32) -> ::core::option::Option<Self> {
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
            #inherent
        }
    }
}

/// The where clause of the impls that read a value back (`FromCode`,
/// `Fieldless`, `ErrorCatalog`, whose supertrait `FromCode` is, and the
/// inherent `CATALOG` and `from_code`): the enum's own and the user's
/// `bound`, which a generic enum that reads its params back gives
/// (`T: serde::de::DeserializeOwned`).
pub(super) fn catalog_where(input: &Input) -> TokenStream {
    let mut predicates = super::predicates(&input.original.generics);
    if let Some(bound) = &input.attrs.bound {
        predicates.extend(bound.clone());
    }
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        tokens!(predicates => where #predicates)
    }
}

/// The lookup of the enum's own fieldless variants by code, which returns
/// on a hit.
///
/// Where the codes are dense enough (at most 16 table slots a code), a
/// static index table turns the lookup into a bounds check and two loads;
/// else a `match`, which the compiler lowers to a jump table or a search.
pub(super) struct Lookup {
    /// The items: the index table and `__slot`, where there is a table.
    pub(super) items: TokenStream,
    /// The statements of `from_code`.
    pub(super) statements: TokenStream,
    /// Whether `__slot(code)` gives the code's position in the sorted
    /// fieldless codes, plus one (0 for a code that is not there).
    pub(super) indexed: bool,
}

pub(super) fn own_lookup(sorted: &[Own], then_parts: bool) -> Lookup {
    let mut units: Vec<(&Variant, u32)> = Vec::new();
    for (_, v, c) in sorted {
        if v.fields.is_empty() {
            units.push((v, c.code.value));
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
            let mut arms = TokenStream::new();
            for (v, code) in &units {
                super::arm(&mut arms, Literal::u32_unsuffixed(*code), v);
            }
            (TokenStream::new(), tokens!(=> __code), arms, false)
        } else {
            // The table is one byte-string literal (little-endian u16 slots):
            // one token for the compiler to read, where an array literal would
            // be a typed expression per slot.
            let mut table = vec![0u8; 2 * span];
            for k in 0..units.len() {
                let (_, code) = &units[k];
                // `n < u16::MAX`, so `k + 1` fits.
                let slot = 2 * (code - min) as usize;
                let k = u16::try_from(k + 1).unwrap_or_default().to_le_bytes();
                table[slot..slot + 2].copy_from_slice(&k);
            }
            let table = Literal::byte_string(&table);
            let min = Literal::u32_unsuffixed(min);
            let mut arms = TokenStream::new();
            for k in 0..units.len() {
                let (v, _) = &units[k];
                let k = Literal::u16_unsuffixed(u16::try_from(k + 1).unwrap_or_default());
                super::arm(&mut arms, k, v);
            }
            let items = tokens! {table, min =>
                fn __slot(__code: ::core::primitive::u32) -> ::core::primitive::u16 {
                    __p::slot(#table, #min, __code)
                }
            };
            (items, tokens!(=> __slot(__code)), arms, true)
        };
    // One `Some(…)` around the match, not one an arm: fewer tokens for the
    // compiler to read and check.
    let statements = if then_parts {
        tokens! {scrutinee, arms =>
            '__own: {
                return ::core::option::Option::Some(match #scrutinee {
                    #arms
                    _ => break '__own,
                });
            }
        }
    } else {
        tokens! {scrutinee, arms =>
            ::core::option::Option::Some(match #scrutinee {
                #arms
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
