//! Framework glue, emitted into every derived type through
//! `__framework_impls!`, whose expansion depends on this crate's features.
//!
//! One module per framework that derived types implement a trait of
//! (`axum/`, `actix.rs`, `tonic.rs`, `utoipa.rs`): its `__<framework>_impl!`
//! pair (on and off by feature) and the functions the impl calls; a new one
//! is a module here and one line in `__framework_impls!`. Beside them, what they share (the
//! request's context, `context.rs`), the OpenAPI builders (`openapi.rs`)
//! and the validators' reports as violations (`validators.rs`).

/// Emits the framework impls enabled by this crate's features for one
/// derived type: `[impl generics] [type] [where predicates,]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __framework_impls {
    // `#[error_code(into_response = false)]`: the type answers HTTP itself.
    (@no_into_response $($t:tt)*) => {
        $crate::__utoipa_impl! { $($t)* }
        $crate::__tonic_impl! { $($t)* }
    };
    ($($t:tt)*) => {
        $crate::__axum_impl! { $($t)* }
        $crate::__actix_impl! { $($t)* }
        $crate::__utoipa_impl! { $($t)* }
        $crate::__tonic_impl! { $($t)* }
    };
}

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod context;
#[cfg(feature = "utoipa")]
pub mod openapi;
#[cfg(feature = "tonic")]
pub mod tonic;
mod utoipa;
pub(crate) mod validators;

// The macros of the frameworks whose feature is off expand to nothing.

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impl {
    ($($t:tt)*) => {};
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_impl {
    ($($t:tt)*) => {};
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_impl {
    ($($t:tt)*) => {};
}
