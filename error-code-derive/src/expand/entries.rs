//! The catalog data: one row per own code, the texts rustc computes, the
//! rarer parts of an entry, and the merge of the parts' catalogs.

use super::{part_item, text_or_empty};
use crate::ast::{self, Code, Input, Kind, Message, Own};
use crate::tokens::tokens;
use proc_macro2::{Literal, TokenStream};
use quote::format_ident;
use syn::ext::IdentExt as _;

/// `__OWN` (the enum's own entries, sorted), `__ALL` (with the parts'
/// merged in), `__CODES` and `__RETIRED`, and the `ErrorCatalog` impl.
pub fn catalog(input: &Input, sorted: &[Own]) -> TokenStream {
    let own = own_entries(input, sorted);
    let (all, catalog) = all_entries(input, sorted.len());
    // Whether a value can be made from each code alone, where it matters:
    // a variant with fields, or parts to ask.
    let catalog = if !input.fieldless() {
        tokens!(catalog => #catalog.__fieldless(false))
    } else if input.parts().next().is_some() {
        let mut parts = Vec::new();
        for i in 0..input.parts().count() {
            parts.push(super::part_catalog(i));
        }
        tokens!(catalog; parts => #catalog.__fieldless(#(#parts.__is_fieldless())&&*))
    } else {
        catalog
    };
    // What binds the codes of an enum composing this one: the code space's
    // reserved ranges, and the parts' catalogs (theirs).
    let scheme = super::checks::scheme_type(input);
    let has_parts = input.parts().next().is_some();
    let catalog = if scheme.is_some() || has_parts {
        let name = super::checks::scheme_name(input).unwrap_or_default();
        let reserved = match &scheme {
            Some(scheme) => tokens!(scheme => <#scheme as __p::ErrorCategory>::RESERVED),
            None => tokens!(=> &[]),
        };
        let parts = if has_parts {
            tokens!(=> &__PARTS)
        } else {
            tokens!(=> &[])
        };
        tokens!(catalog, name, reserved, parts => #catalog.__bound(#name, #reserved, #parts))
    } else {
        catalog
    };
    let ty = &input.original.ident;
    let (ig, tg, _) = input.original.generics.split_for_impl();
    let wc = super::from_code::catalog_where(input);
    tokens! {own, all, ig, ty, tg, wc, catalog =>
        #own
        #all
        #[automatically_derived]
        impl #ig __p::ErrorCatalog for #ty #tg #wc {
            const CATALOG: __p::Catalog = #catalog;
        }
    }
}

/// The enum's own retired codes, sorted, once each.
pub fn own_retired(input: &Input) -> Vec<u32> {
    let retired: Vec<u32> = crate::ast::sorted_numbers(&input.attrs.retired);
    retired
}

/// `__OWN`: one row per code, built into entries by the runtime in const
/// evaluation, then the rarer parts of an entry where a code has them.
fn own_entries(input: &Input, sorted: &[Own]) -> TokenStream {
    if sorted.is_empty() {
        return tokens!(=>
            const __OWN: &[__p::CodeInfo] = &[];
        );
    }
    let texts = texts(input);
    // The gRPC reasons in a list beside the rows: rows of four short
    // fields stay on one line.
    let (mut rows, mut reasons) = (Vec::new(), Vec::new());
    for &(i, _, c) in sorted {
        let (code, status, name) = (Literal::u32_unsuffixed(c.code.value), status_of(c), &c.name);
        let message = text(&c.message, i, "M");
        rows.push(tokens!(code, name, status, message => (#code, #name, #status, #message)));
        reasons.push(ast::grpc_reason(&c.name, c.code.value));
    }
    let owner = input.original.ident.unraw().to_string();
    let (domain, url, lang) = (
        text_or_empty(input.attrs.domain.as_ref()),
        text_or_empty(input.attrs.url.as_ref()),
        text_or_empty(input.attrs.lang.as_ref()),
    );
    let rules = super::checks::rules_ref(input);
    let entries = tokens!(owner, rules, domain, url, lang; rows, reasons => __p::entries([#(#rows),*], &[#(#reasons),*], (#owner, #rules, #domain, #url, #lang)));
    // Names that differ beyond case and separators may give one reason
    // (`Pod-ä`, `Pod-ö`: `POD`, a reason keeps ASCII letters and digits):
    // each is then told apart by its number, as a composed API's are.
    let earlier = crate::valid::earlier_equal(&reasons);
    let mut shared = vec![false; earlier.len()];
    for k in 0..earlier.len() {
        let &e = &earlier[k];
        if let Some(first) = shared.get_mut(e) {
            *first = true;
            shared[k] = true;
        }
    }
    let generics = input.generic_names();
    let mut setters = TokenStream::new();
    for k in 0..sorted.len() {
        let &(i, _, c) = &sorted[k];
        if let Some(setter) = extras(k, i, c, shared[k], &generics) {
            setters.extend(setter);
        }
    }
    if setters.is_empty() {
        tokens! {texts, entries =>
            #texts
            const __OWN: &[__p::CodeInfo] = &#entries;
        }
    } else {
        tokens! {texts, entries, setters =>
            #texts
            const __OWN: &[__p::CodeInfo] = &{
                let mut __e = #entries;
                #setters
                __e
            };
        }
    }
}

/// The rarer parts of the `k`th entry (variant `i`), set after it is built.
fn extras(
    k: usize,
    i: usize,
    c: &Code,
    shared_reason: bool,
    generics: &[String],
) -> Option<TokenStream> {
    // The rarer parts, each a call on `Extras::NONE` where the code has it.
    let mut parts = TokenStream::new();
    if !c.messages.is_empty() {
        let pairs = super::pairs(&c.messages);
        parts.extend(tokens!(; pairs => .__with_messages(&[#(#pairs),*])));
    }
    if let Some(note) = &c.deprecated {
        parts.extend(tokens!(note => .__deprecated(#note)));
    }
    match &c.explanation {
        Message::Text(text) if text.is_empty() => {}
        other => {
            let text = text(other, i, "X");
            parts.extend(tokens!(text => .__explained(#text)));
        }
    }
    if !c.explanations.is_empty() {
        let pairs = super::pairs(&c.explanations);
        parts.extend(tokens!(; pairs => .__explanations(&[#(#pairs),*])));
    }
    if let Some(g) = &c.grpc {
        parts.extend(tokens!(g => .__grpc(#g)));
    }
    if !c.params.is_empty() {
        let (mut keys, mut types, mut shapes) = (Vec::new(), Vec::new(), Vec::new());
        let mut shaped = false;
        for p in &c.params {
            keys.push(Literal::string(&p.key));
            let shape = crate::ast::json_shape(p.ty, generics);
            let word = crate::ast::json_word(&shape);
            types.push(Literal::string(word));
            // The shape where it says more than the word.
            let more = if shape == word { "" } else { shape.as_str() };
            shaped |= !more.is_empty();
            shapes.push(Literal::string(more));
        }
        parts.extend(tokens!(; keys, types => .__params(&[#(#keys),*], &[#(#types),*])));
        // What is inside a list, a map or a type of the user's, for the
        // snapshot: only where some param has more than its JSON type.
        if shaped {
            parts.extend(tokens!(; shapes => .__shapes(&[#(#shapes),*])));
        }
    }
    if let Some(seconds) = &c.retry_after {
        let seconds = Literal::u32_unsuffixed(seconds.value);
        parts.extend(tokens!(seconds => .__retry_after(#seconds)));
    }
    let (violations, retry_field) = (c.violations_field.is_some(), c.retry_field.is_some());
    let mut carries = TokenStream::new();
    if violations || retry_field {
        carries = tokens!(violations, retry_field => .__carries(#violations, #retry_field));
    }
    if shared_reason {
        carries.extend(tokens!(=> .__shared_reason()));
    }
    if parts.is_empty() && carries.is_empty() {
        return None;
    }
    // The rarer parts are a constant of their own, which the entry points
    // to: an entry without them stays small.
    let (mut item, mut extras) = (TokenStream::new(), TokenStream::new());
    if !parts.is_empty() {
        let name = format_ident!("__EXTRAS{}", k);
        item = tokens!(name, parts => const #name: __p::Extras = __p::Extras::NONE #parts;);
        extras = tokens!(name => .__extras(&#name));
    }
    let k = Literal::usize_unsuffixed(k);
    Some(tokens!(item, k, extras, carries => #item __e[#k] = __e[#k] #extras #carries;))
}

/// The status as the row's `u16`; `valid.rs` ensures it is in 400..=599.
fn status_of(code: &Code) -> Literal {
    Literal::u16_unsuffixed(u16::try_from(code.status.value).unwrap_or(500))
}

/// The texts the macro cannot read itself (doc comments built by macros):
/// one constant each, computed by the runtime in const evaluation.
fn texts(input: &Input) -> TokenStream {
    let mut items = TokenStream::new();
    for i in 0..input.variants.len() {
        let v = &input.variants[i];
        let Kind::Code(code) = &v.kind else {
            continue;
        };
        for (message, suffix) in [(&code.message, "M"), (&code.explanation, "X")] {
            if let Message::Doc { .. } = message {
                let ident = format_ident!("__{}{}", suffix, i);
                let text = doc_block(message);
                items
                    .extend(tokens!(ident, text => const #ident: &::core::primitive::str = #text;));
                if suffix == "M" {
                    // The macro cannot read this text: a placeholder in it
                    // would go unchecked, and is an error in const
                    // evaluation instead.
                    let why = format!(
                        "the message of `{}` is built by a macro (`concat!`, `include_str!`), so its placeholders cannot be checked: write it with `///` or `message = \"…\"`, or double each brace",
                        v.ident
                    );
                    // Reported at the macro that builds the text.
                    let span = match message {
                        Message::Doc { exprs, .. } => {
                            let mut at = v.ident.span();
                            for e in exprs {
                                if !matches!(e, syn::Expr::Lit(_)) {
                                    at = syn::spanned::Spanned::span(*e);
                                    break;
                                }
                            }
                            at
                        }
                        Message::Text(_) => v.ident.span(),
                    };
                    let span = proc_macro2::Span::call_site().located_at(span);
                    items.extend(tokens!(at span; ident, why =>
                        const _: () =
                            ::core::assert!(!__p::doc_comment::has_placeholder(#ident), #why);
                    ));
                }
            }
        }
    }
    items
}

/// The text as an expression: a literal, or the constant of variant `i`.
fn text(message: &Message, i: usize, suffix: &str) -> TokenStream {
    match message {
        Message::Text(text) => tokens!(text => #text),
        Message::Doc { .. } => {
            let ident = format_ident!("__{}{}", suffix, i);
            tokens!(ident => #ident)
        }
    }
}

/// A literal, or a block that reads the doc made of the doc attributes'
/// expressions in const evaluation: its first paragraph, or the rest
/// (`explanation`), or the fallback if empty.
pub fn doc_block(message: &Message) -> TokenStream {
    let Message::Doc {
        exprs,
        explanation,
        fallback,
    } = message
    else {
        return match message {
            Message::Text(text) => tokens!(text => #text),
            Message::Doc { .. } => TokenStream::new(),
        };
    };
    tokens! {explanation, fallback; exprs => {
        const PARTS: &[&::core::primitive::str] = &[#(#exprs),*];
        const LEN: ::core::primitive::usize = __p::doc_comment::len(PARTS, #explanation);
        const TEXT: ([::core::primitive::u8; LEN], ::core::primitive::usize) =
            __p::doc_comment::write::<LEN>(PARTS, #explanation);
        __p::doc_comment::text(&TEXT.0, #fallback)
    }}
}

/// `__CODES`, and `__ALL` and `__RETIRED` where the own entries are merged
/// with the parts' (the enum's `domain` and `url` win over theirs); and the
/// catalog made of them.
fn all_entries(input: &Input, own: usize) -> (TokenStream, TokenStream) {
    let retired = own_retired(input);
    // The scheme's retired codes travel with the catalog, so that an enum
    // composing this one keeps them retired too.
    let scheme_retired = super::checks::scheme_type(input)
        .map(|scheme| tokens!(scheme => <#scheme as __p::ErrorCategory>::RETIRED));
    // Each part's catalog named once, in `__PARTS`; read from there.
    let mut catalogs: Vec<TokenStream> = Vec::new();
    let mut parts: Vec<TokenStream> = Vec::new();
    for (_, part) in input.parts() {
        catalogs.push(part_item(part, true, "ErrorCatalog", tokens!(=> CATALOG)));
        parts.push(super::part_catalog(part.index));
    }
    if parts.is_empty() {
        let n = Literal::usize_unsuffixed(own);
        let codes = tokens!(n => const __CODES: [::core::primitive::u32; #n] = __p::Catalog::__codes(__OWN););
        let scheme_retired = match scheme_retired {
            None => {
                let catalog = tokens!(; retired => __p::Catalog::__indexed(__OWN, &__CODES, &[#(#retired),*]));
                return (codes, catalog);
            }
            // Nothing of its own to add: the scheme's list as it is.
            Some(list) if retired.is_empty() => {
                return (
                    codes,
                    tokens!(list => __p::Catalog::__indexed(__OWN, &__CODES, #list)),
                );
            }
            Some(list) => list,
        };
        return (
            tokens! {codes, scheme_retired; retired =>
                #codes
                const __RETIRED_LISTS: [&[::core::primitive::u32]; 2] = [&[#(#retired),*], #scheme_retired];
                const __RETIRED: &[::core::primitive::u32] =
                    &__p::union::<{ __p::union_len(&__RETIRED_LISTS) }, 2>(&__RETIRED_LISTS);
            },
            tokens!(=> __p::Catalog::__indexed(__OWN, &__CODES, __RETIRED)),
        );
    }
    let lists = parts.len() + 1 + usize::from(scheme_retired.is_some());
    let k = parts.len() + 1;
    let merged = tokens!(k; parts => __p::merge::<__LEN, #k>(&[__OWN, #(#parts.entries()),*]));
    let merged = if relinks(input) {
        let (domain, url, lang) = (
            option(input.attrs.domain.as_ref()),
            option(input.attrs.url.as_ref()),
            option(input.attrs.lang.as_ref()),
        );
        tokens!(merged, domain, url, lang => __p::relink::<__LEN>(#merged, #domain, #url, #lang))
    } else {
        merged
    };
    // The parts' codes in the enum's code space take its categories.
    let merged = if input.attrs.space.is_some() {
        tokens!(merged => __p::categorized::<__LEN>(#merged, &__RULES))
    } else {
        merged
    };
    let n = parts.len();
    let items = tokens! {n, merged, lists, scheme_retired; catalogs, parts, retired =>
        const __PARTS: [__p::Catalog; #n] = [#(#catalogs),*];
        const __LEN: ::core::primitive::usize = __p::total_len(&[__OWN, #(#parts.entries()),*]);
        // Codes of different parts whose gRPC reasons meet in one domain
        // are told apart (AIP-193: a reason is unique within its domain).
        const __MERGED: ([__p::CodeInfo; __LEN], ::core::primitive::bool) = __p::qualify_reasons::<__LEN>(#merged);
        const __ALL: &[__p::CodeInfo] = &__MERGED.0;
        const __CODES: [::core::primitive::u32; __LEN] = __p::Catalog::__codes(__ALL);
        const __RETIRED_LISTS: [&[::core::primitive::u32]; #lists] = [&[#(#retired),*], #(#parts.retired(),)* #scheme_retired];
        const __RETIRED: &[::core::primitive::u32] =
            &__p::union::<{ __p::union_len(&__RETIRED_LISTS) }, #lists>(&__RETIRED_LISTS);
    };
    (
        items,
        tokens!(=> __p::Catalog::__indexed(__ALL, &__CODES, __RETIRED)),
    )
}

/// Whether the enum's `domain`, `url` or `lang` reaches its parts' entries
/// (in its catalog and in what its values' `info()` answers alike).
pub fn relinks(input: &Input) -> bool {
    input.parts().next().is_some()
        && (input.attrs.domain.is_some() || input.attrs.url.is_some() || input.attrs.lang.is_some())
}

/// `Some("…")` or `None`, as an expression.
pub(super) fn option(text: Option<&syn::LitStr>) -> TokenStream {
    match text {
        Some(text) => tokens!(text => ::core::option::Option::Some(#text)),
        None => tokens!(=> ::core::option::Option::None),
    }
}
