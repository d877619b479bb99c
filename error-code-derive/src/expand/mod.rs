//! Code generation only. Every path is absolute and reaches the runtime
//! through `<crate>::__private`; helper items live in `const _: () = {...}`,
//! where the runtime is the short path `__p`. One room per what is emitted:
//! - `entries`: the catalog data (rows, texts, the parts' merge);
//! - `checks`: the rules and the checks made in const evaluation;
//! - `lookup`: the `ErrorCode` impl (`code`, `info` by variant, the
//!   `Display`/`Error` probe, its where clause) and `#[error_code(display)]`;
//! - `fields`: what a value's fields carry (each param, a value from its
//!   params, the fields marked `#[retry_after]` and `#[violations]`);
//! - `from_code`: `FromCode`, `Fieldless`, and the lookup by code;
//! - here: the `From` conversions of parts and the framework impls;
//! - `category`: everything of `#[derive(ErrorCategory)]`.
//!
//! The trait methods the runtime provides (`status`, `name`, `message`,
//! `detail`, …) are not emitted: an expansion holds what only it can know.

mod category;
mod checks;
mod entries;
mod fields;
mod from_code;
mod lookup;

pub use category::error_category;

use crate::ast::{Input, Part, Variant};
use crate::attr;
use crate::errors::Errors;
use crate::tokens::tokens;
use crate::{fallback, valid};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens as _;
use syn::spanned::Spanned as _;
use syn::{DeriveInput, Fields, Member, Path};

/// `<crate>::__private`, `::error_code::__private` unless renamed.
pub fn private(krate: Option<&Path>) -> TokenStream {
    match krate {
        Some(path) => tokens!(path => #path::__private),
        None => tokens!(=> ::error_code::__private),
    }
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
            let mut checks = TokenStream::new();
            if let Some(model) = &model {
                checks = checks::beside_errors(model, &private);
            }
            tokens!(error, fallback, checks => #error #fallback #checks)
        }
    }
}

fn expand_error_code(input: &Input, private: &TokenStream) -> TokenStream {
    let (sorted, position) = input.sorted();
    let rules = checks::rules(input);
    let catalog = entries::catalog(input, &sorted);
    let checks = checks::checks(input, &sorted);
    let lookup = lookup::impls(input, &sorted, &position);
    let bounds = input.answer_bounds();
    // Each translation file is a dependency of the crate: an edit rebuilds it.
    let tracked = crate::fluent::tracked(&input.languages);
    let frameworks = framework_impls(input.original, input.attrs.emits_into_response(), &bounds);
    tokens! {private, tracked, rules, catalog, checks, lookup, frameworks =>
        #[allow(dead_code, deprecated, non_upper_case_globals, clippy::all, clippy::pedantic)]
        const _: () = {
            use #private::{self as __p, Neither as _, ViaDisplay as _, ViaError as _};
            #tracked
            #rules
            #catalog
            #checks
            #lookup
            #frameworks
        };
    }
}

/// `Self::V`, `Self::V(..)` or `Self::V { .. }`.
fn pattern(v: &Variant) -> TokenStream {
    let ident = v.ident;
    match v.fields {
        Fields::Unit => tokens!(ident => Self::#ident),
        Fields::Unnamed(_) => tokens!(ident => Self::#ident(..)),
        Fields::Named(_) => tokens!(ident => Self::#ident { .. }),
    }
}

/// `Self::V(__inner)` or `Self::V { field: __inner }`, as pattern or value.
fn wrap(v: &Variant, member: &Member) -> TokenStream {
    let ident = v.ident;
    match member {
        Member::Named(name) => tokens!(ident, name => Self::#ident { #name: __inner }),
        Member::Unnamed(_) => tokens!(ident => Self::#ident(__inner)),
    }
}

/// `<Part as __p::Trait>::item`, located at the part's type, so that a
/// part that does not derive `ErrorCode` is one error there. `in_const`:
/// with the part's lifetimes made `'static`, for the items outside impls.
fn part_item(part: &Part, in_const: bool, trait_: &str, item: TokenStream) -> TokenStream {
    let ty = if in_const {
        part.static_ty()
    } else {
        tokens!(part => #part)
    };
    // Located at the type, resolved where the derive's own names live.
    let span = Span::call_site().located_at(part.ty.span());
    let trait_ = proc_macro2::Ident::new(trait_, span);
    let item = respan(&item, span);
    tokens!(at span; ty, trait_, item => <#ty as __p::#trait_>::#item)
}

/// `__PARTS[i]`: the catalog of the enum's `i`th part, named once in the
/// expansion (`__PARTS`), so that a part that does not derive is an error
/// there and nowhere else in const evaluation.
fn part_catalog(i: usize) -> TokenStream {
    let i = proc_macro2::Literal::usize_unsuffixed(i);
    tokens!(i => __PARTS[#i])
}

/// `tokens` with every span set to `span`.
fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    let mut out = TokenStream::new();
    for mut tt in tokens.clone() {
        if let proc_macro2::TokenTree::Group(g) = &tt {
            let mut group = proc_macro2::Group::new(g.delimiter(), respan(&g.stream(), span));
            group.set_span(span);
            tt = proc_macro2::TokenTree::Group(group);
        }
        tt.set_span(span);
        crate::tokens::push(&mut out, tt);
    }
    out
}

impl quote::ToTokens for Part<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.ty.to_tokens(tokens);
    }
}

/// The framework impls the runtime's features enable; without
/// `into_response`, not the HTTP answer impls (`into_response = false`);
/// `bounds` are predicates beyond the enum's own, each with its comma.
pub fn framework_impls(
    input: &DeriveInput,
    into_response: bool,
    bounds: &TokenStream,
) -> TokenStream {
    let ty = &input.ident;
    let (ig, tg, _) = input.generics.split_for_impl();
    let mut predicates = predicates(&input.generics);
    predicates.extend(bounds.clone());
    let mut mode = TokenStream::new();
    if !into_response {
        mode = tokens!(=> @no_into_response);
    }
    tokens!(mode, ig, ty, tg, predicates => __p::__framework_impls! { #mode [#ig] [#ty #tg] [#predicates] })
}

/// The predicates of `generics`' where clause, each followed by a comma.
pub fn predicates(generics: &syn::Generics) -> TokenStream {
    let mut out = TokenStream::new();
    if let Some(clause) = &generics.where_clause {
        for predicate in &clause.predicates {
            predicate.to_tokens(&mut out);
            <syn::Token![,]>::default().to_tokens(&mut out);
        }
    }
    out
}

/// `"…"`, or `""` for none, as the runtime's `entries` takes it.
fn text_or_empty(text: Option<&syn::LitStr>) -> TokenStream {
    match text {
        Some(text) => tokens!(text => #text),
        None => tokens!(=> ""),
    }
}

/// `From<Part>` for each `#[code(transparent)]` part, so that `?` and
/// `.into()` lift a part's error into the enum; not where the field has
/// thiserror's `#[from]` (which writes it) or where two parts share a type.
/// Read from the input itself: the fallback emits the same impls.
pub fn conversions(input: &DeriveInput) -> TokenStream {
    let syn::Data::Enum(data) = &input.data else {
        return TokenStream::new();
    };
    // The `#[code(transparent)]` variants of one field, read from the
    // tokens: no parse (and no error built) for the other variants.
    let mut parts: Vec<(&syn::Variant, &syn::Field, TokenStream)> = Vec::new();
    for v in &data.variants {
        let mut transparent = false;
        for a in &v.attrs {
            if let syn::Meta::List(list) = &a.meta
                && list.path.is_ident("code")
            {
                // `transparent` first, whatever follows (a comma, or a key
                // that is a mistake of its own): the part's `From` is
                // there, so that no `?` says more.
                let mut tokens = list.tokens.clone().into_iter();
                transparent |= matches!(
                    tokens.next(),
                    Some(proc_macro2::TokenTree::Ident(i)) if i == "transparent"
                );
            }
        }
        let mut fields = v.fields.iter();
        if let (true, Some(field), None) = (transparent, fields.next(), fields.next()) {
            parts.push((v, field, field.ty.to_token_stream()));
        }
    }
    // A part that names the enum itself, or one of its generic parameters,
    // is an error of its own: no `From` to clash with the standard
    // `From<T> for T` besides.
    let mut own_names = crate::ast::generic_names(&input.generics);
    own_names.push(input.ident.to_string());
    own_names.push("Self".to_owned());
    let ty = &input.ident;
    let (ig, tg, wc) = input.generics.split_for_impl();
    let mut out = TokenStream::new();
    for (v, field, this) in &parts {
        let names_itself = valid::mentions(this.clone(), &own_names).is_some();
        let text = this.to_string();
        let mut spelled = 0;
        for (_, _, t) in &parts {
            spelled += usize::from(t.to_string() == text);
        }
        let shared = spelled > 1;
        if names_itself || shared || crate::attr::has(&field.attrs, &["from"]) {
            continue;
        }
        let ident = &v.ident;
        let value = match &field.ident {
            Some(name) => tokens!(ident, name => Self::#ident { #name: __inner }),
            None => tokens!(ident => Self::#ident(__inner)),
        };
        let part_ty = &field.ty;
        out.extend(tokens! {ig, part_ty, ty, tg, wc, value =>
            #[automatically_derived]
            impl #ig ::core::convert::From<#part_ty> for #ty #tg #wc {
                fn from(__inner: #part_ty) -> Self {
                    #value
                }
            }
        });
    }
    out
}

/// `("tag", "text")` for each of a code's or a category's texts in other
/// languages.
pub fn pairs(texts: &[(String, String)]) -> Vec<TokenStream> {
    let mut out = Vec::with_capacity(texts.len());
    for (tag, text) in texts {
        out.push(tokens!(tag, text => (#tag, #text)));
    }
    out
}

/// `#number => Self::#ident,`, the arm of a lookup: written token by token,
/// as it is written once a variant.
pub fn arm(arms: &mut TokenStream, number: proc_macro2::Literal, v: &Variant) {
    use proc_macro2::{Delimiter, Group, Punct, Spacing, TokenTree};
    arms.extend([
        TokenTree::Literal(number),
        TokenTree::Punct(Punct::new('=', Spacing::Joint)),
        TokenTree::Punct(Punct::new('>', Spacing::Alone)),
        TokenTree::Ident(syn::Ident::new("Self", proc_macro2::Span::call_site())),
        TokenTree::Punct(Punct::new(':', Spacing::Joint)),
        TokenTree::Punct(Punct::new(':', Spacing::Alone)),
        TokenTree::Ident(v.ident.clone()),
        // A variant written with no fields, `V()` or `V {}`, is built `V {}`.
        if matches!(v.fields, Fields::Unit) {
            TokenTree::Punct(Punct::new(',', Spacing::Alone))
        } else {
            TokenTree::Group(Group::new(Delimiter::Brace, TokenStream::new()))
        },
    ]);
    if !matches!(v.fields, Fields::Unit) {
        arms.extend(tokens!(=> ,));
    }
}
