//! The rules an enum's codes are checked against, and the checks the macro
//! cannot make itself (see `valid.rs`), run in const evaluation: each a call
//! at the user's token (the code literal, the part's `transparent`) to a
//! `#[track_caller]` runtime check, so a failure is reported there.

use super::entries::own_retired;
use crate::ast::{Input, Kind, Own};
use crate::attr::Space;
use crate::tokens::tokens;
use proc_macro2::TokenStream;
use syn::Path;
use syn::ext::IdentExt as _;

/// Whether `__RULES` is emitted: where a code space or a part binds codes.
fn has_rules(input: &Input) -> bool {
    input.attrs.space.is_some() || input.parts().next().is_some()
}

/// The rules as the entries take them: `&__RULES`, or no code space.
pub fn rules_ref(input: &Input) -> TokenStream {
    if has_rules(input) {
        tokens!(=> &__RULES)
    } else {
        tokens!(=> &__p::check::Rules::any(&[]))
    }
}

/// `__RULES`: the code space, the retired codes of the enum and its parts
/// and those of its scheme; nothing where neither binds the codes.
pub fn rules(input: &Input) -> TokenStream {
    if !has_rules(input) {
        return TokenStream::new();
    }
    let retired = if input.parts().next().is_some() {
        tokens!(=> __RETIRED)
    } else {
        let retired = own_retired(input);
        tokens!(; retired => &[#(#retired),*])
    };
    rules_with(input, &retired, true)
}

/// `__RULES`, binding the codes by the parts' code spaces too where
/// `parts` (the catalog's `__PARTS` is then in scope).
fn rules_with(input: &Input, retired: &TokenStream, parts: bool) -> TokenStream {
    let rules = match &input.attrs.space {
        // The scheme's items read in one `<Scheme as ErrorCategory>` path:
        // a scheme that does not derive is one error, at its path.
        Some(Space::Category(path)) => {
            let scheme = category_type(path);
            let (scheme_name, name) = (path_name(path, 2), path_name(path, 1));
            tokens!(scheme_name, scheme, path, name, retired => __p::check::Rules::category(#scheme_name, <#scheme as __p::ErrorCategory>::__SPACE, &#path, #name, #retired))
        }
        Some(Space::Scheme(path)) => {
            let name = path_name(path, 1);
            tokens!(name, path, retired => __p::check::Rules::scheme(#name, <#path as __p::ErrorCategory>::__SPACE, #retired))
        }
        None => tokens!(retired => __p::check::Rules::any(#retired)),
    };
    // The parts' code spaces reserve their ranges here too.
    let rules = if parts && input.parts().next().is_some() {
        tokens!(rules => #rules.within(&__PARTS))
    } else {
        rules
    };
    tokens!(rules => const __RULES: __p::check::Rules = #rules;)
}

/// The checks of the enum's own codes (where a code space or a part binds
/// them) and of each part's codes.
pub fn checks(input: &Input, sorted: &[Own]) -> TokenStream {
    let parts = input.part_list();
    let mut out = TokenStream::new();
    // A discriminant the macro cannot read agrees with the code given.
    for (_, _, code) in sorted {
        if let Some(expr) = code.discriminant_expr {
            let value = proc_macro2::Literal::u32_unsuffixed(code.code.value);
            let span = syn::spanned::Spanned::span(expr);
            out.extend(tokens! {at span; expr, value =>
                const _: () = __p::check::discriminant((#expr) as ::core::primitive::i128, #value);
            });
        }
    }
    let mut entries = Vec::with_capacity(parts.len());
    for i in 0..parts.len() {
        entries.push(super::part_catalog(i));
    }
    if has_rules(input) && !sorted.is_empty() {
        if parts.is_empty() {
            out.extend(own_codes(sorted));
        } else {
            // Each own code is also none of the parts': a code used twice
            // is an error at the enum's own literal.
            out.extend(tokens!(; entries => const __PART_CODES: &[&[__p::CodeInfo]] = &[#(#entries.entries()),*];));
            for k in 0..sorted.len() {
                let (_, variant, c) = &sorted[k];
                let check = quote::format_ident!("CODE_OF_{}", variant.ident.unraw());
                let k = proc_macro2::Literal::usize_unsuffixed(k);
                out.extend(tokens!(at c.code.span; check, k => const #check: () = __p::check::own_among(&__OWN[#k], &__RULES, __PART_CODES);));
            }
        }
    }
    out.extend(part_checks(input, &parts));
    out
}

/// A part's codes: in the code space and not retired (where something
/// binds them), and not used by an earlier part (the enum's own codes
/// check themselves against the parts).
fn part_checks(input: &Input, parts: &[(&crate::ast::Variant, &crate::ast::Part)]) -> TokenStream {
    let mut out = TokenStream::new();
    let bound = input.attrs.space.is_some() || !input.attrs.retired.is_empty() || parts.len() > 1;
    let mut entries = Vec::with_capacity(parts.len());
    for i in 0..parts.len() {
        entries.push(super::part_catalog(i));
    }
    for i in 0..parts.len() {
        let (variant, part) = parts[i];
        let (name, this) = (variant.ident.unraw().to_string(), &entries[i]);
        let earlier = &entries[..i];
        let check = quote::format_ident!("CODES_OF_PART_{}", name);
        out.extend(tokens!{at part.span; check, this, name, bound; earlier =>
            const #check: () = __p::check::part(#this.entries(), #name, &__RULES, #bound, &[#(#earlier.entries()),*]);
        });
    }
    out
}

/// One check per own code, each a constant of its own at the code's
/// literal: every failing code is an error at its token.
fn own_codes(sorted: &[Own]) -> TokenStream {
    let mut out = TokenStream::new();
    for (_, variant, c) in sorted {
        let code = proc_macro2::Literal::u32_unsuffixed(c.code.value);
        let check = quote::format_ident!("CODE_OF_{}", variant.ident.unraw());
        out.extend(tokens!(at c.code.span; check, code => const #check: () = __p::check::own(#code, &__RULES);));
    }
    out
}

/// The checks the real expansion makes that the macro's mistakes do not
/// stop, for an enum with mistakes the macro found, so that they are
/// reported in the same build: the codes outside the code space, each
/// part's (that it derives, that its codes sit in the code space and are
/// no earlier part's), and each field that cannot be what it is used as (a
/// param, a `#[retry_after]` delay, `#[violations]`).
pub fn beside_errors(input: &Input, private: &TokenStream) -> TokenStream {
    let (sorted, _) = input.sorted();
    let parts = input.part_list();
    let mut out = TokenStream::new();
    if !parts.is_empty() {
        let mut catalogs = Vec::with_capacity(parts.len());
        for (_, part) in &parts {
            catalogs.push(super::part_item(
                part,
                true,
                "ErrorCatalog",
                tokens!(=> CATALOG),
            ));
        }
        let n = proc_macro2::Literal::usize_unsuffixed(parts.len());
        out.extend(tokens!(n; catalogs => const __PARTS: [__p::Catalog; #n] = [#(#catalogs),*];));
    }
    if has_rules(input) {
        // No retired code: the macro reports the enum's own.
        out.extend(rules_with(input, &tokens!(=> &[]), !parts.is_empty()));
        if input.attrs.space.is_some() {
            out.extend(own_codes(&sorted));
        }
        out.extend(part_checks(input, &parts));
    }
    out.extend(field_checks(input));
    if out.is_empty() {
        return out;
    }
    tokens! {private, out =>
        #[allow(dead_code, deprecated, irrefutable_let_patterns, non_upper_case_globals, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private as __p;
            #out
        };
    }
}

/// Each field's use checked by the trait the real expansion asks of it,
/// at the field, as it is reported there: in an impl over the enum's
/// generics with the real impl's bounds of its params.
fn field_checks(input: &Input) -> TokenStream {
    let original = input.original;
    let mut checks = TokenStream::new();
    for v in &input.variants {
        // A mistake the macro reported in the variant may be the field's
        // (a source its message names): no second error for it.
        let (Kind::Code(code), true) = (&v.kind, v.sound) else {
            continue;
        };
        let ident = v.ident;
        let mut each = |member: &syn::Member, check: TokenStream| {
            checks.extend(tokens! {ident, member, check =>
                if let Self::#ident { #member: __m, .. } = self { #check }
            });
        };
        for p in &code.params {
            // The field bound as in the impl: located at the field.
            let span = proc_macro2::Span::call_site().located_at(p.span);
            let m = proc_macro2::Ident::new("__m", span);
            each(&p.member, super::fields::visit_param(p, &m));
        }
        if let Some(field) = &code.retry_field {
            let read = super::fields::read_retry(field);
            each(&field.member, tokens!(read => #read;));
        }
        if let Some(field) = &code.violations_field {
            let read = super::fields::read_violations(field);
            each(&field.member, tokens!(read => #read;));
        }
    }
    if checks.is_empty() {
        return checks;
    }
    let ty = &original.ident;
    let (ig, tg, _) = original.generics.split_for_impl();
    let wc = super::lookup::params_where(input, TokenStream::new());
    tokens! {ig, ty, tg, wc, checks =>
        impl #ig #ty #tg #wc {
            fn __error_code_fields(&self, __visit: __p::Visit<'_>) {
                #checks
            }
        }
    }
}

/// The type of the enum's code space: `Category` of `category =
/// Category::Pod` or of `scheme = Category`.
pub fn scheme_type(input: &Input) -> Option<TokenStream> {
    match &input.attrs.space {
        Some(Space::Category(path)) => Some(category_type(path)),
        Some(Space::Scheme(path)) => Some(tokens!(path => #path)),
        None => None,
    }
}

/// The name of the enum's code space's type, as messages name it.
pub fn scheme_name(input: &Input) -> Option<String> {
    match &input.attrs.space {
        Some(Space::Category(path)) => Some(path_name(path, 2)),
        Some(Space::Scheme(path)) => Some(path_name(path, 1)),
        None => None,
    }
}

/// The name of the `nth` last segment: `Category` of `Category::PodError` for 2.
fn path_name(path: &Path, nth: usize) -> String {
    let segments = path.segments.len();
    if nth == 0 || nth > segments {
        return String::new();
    }
    path.segments[segments - nth].ident.unraw().to_string()
}

/// `Category` of `category = Category::PodError`.
fn category_type(path: &Path) -> TokenStream {
    let lead = &path.leading_colon;
    let mut segments = Vec::new();
    for i in 0..path.segments.len().saturating_sub(1) {
        segments.push(quote::ToTokens::to_token_stream(&path.segments[i]));
    }
    tokens!(lead; segments => #lead #(#segments)::*)
}
