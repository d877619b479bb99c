//! Derive macros of [`error-code`](https://docs.rs/error-code); use them
//! through that crate, which re-exports them.
//!
//! Each derive is one pipeline, one file a step:
//! - `symbol`: every attribute and key the derives own (a new key: one line);
//! - `attr`: attribute parsing only, through one keyed parser;
//! - `doc`: what a doc comment means (the message, the explanation);
//! - `ast`: the typed model, and the facts derived from it once;
//! - `valid`: every check, by name (macro-time here; const-time ones are
//!   emitted by `expand::checks` and run by the runtime's `expansion::check`);
//! - `expand`: code generation, a file per what is emitted (`entries`,
//!   `checks`, `lookup`, `category`); framework impls come from the
//!   runtime's `__framework_impls!`, one file each;
//! - `fallback`: the same items with dummy bodies, emitted beside errors.
//!
//! Every mistake is collected into one `errors::Errors` (which also holds
//! the "did you mean" suggestions) and reported together; the fallback keeps the user from a cascade of follow-on errors.

#![allow(clippy::needless_pass_by_value, clippy::too_many_lines)]
// A list is walked by index where its place is needed: a range compiles
// once, where `enumerate` compiles its iterator again for every element
// type, and every service builds this crate.
#![allow(clippy::needless_range_loop)]
// So is an `Option` matched where `map` or `then` would take a closure:
// each closure compiles the adapter again, about 2 M instructions a site.
#![allow(clippy::manual_map)]

extern crate proc_macro;

mod ast;
mod attr;
mod doc;
#[allow(dead_code)]
mod doc_comment;
mod errors;
mod expand;
mod fallback;
mod fluent;
#[allow(dead_code)]
mod grammar;
mod symbol;
mod template;
mod tokens;
mod valid;

#[cfg(test)]
mod fuzz;

use proc_macro::TokenStream;
use syn::DeriveInput;

/// Derives `error_code::ErrorCode` and friends; see the `error-code` crate.
#[proc_macro_derive(
    ErrorCode,
    attributes(code, error_code, param, retry_after, violations, category)
)]
pub fn derive_error_code(input: TokenStream) -> TokenStream {
    error_code(input.into()).into()
}

/// Derives `error_code::ErrorCategory`; see the `error-code` crate.
#[proc_macro_derive(ErrorCategory, attributes(category, error_code, code))]
pub fn derive_error_category(input: TokenStream) -> TokenStream {
    error_category(input.into()).into()
}

/// The `ErrorCode` pipeline over `proc_macro2` tokens: parse, validate,
/// expand; errors come back as `compile_error!` tokens, never as a panic.
fn error_code(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    match syn::parse2::<DeriveInput>(input) {
        Ok(input) => expand::error_code(&input),
        Err(error) => error.to_compile_error(),
    }
}

/// The `ErrorCategory` pipeline over `proc_macro2` tokens.
fn error_category(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    match syn::parse2::<DeriveInput>(input) {
        Ok(input) => expand::error_category(&input),
        Err(error) => error.to_compile_error(),
    }
}
