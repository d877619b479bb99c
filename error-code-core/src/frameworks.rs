//! Framework glue, emitted into every derived type through
//! `__framework_impls!`, whose expansion depends on this crate's features.

/// Emits the framework impls enabled by this crate's features for one
/// derived type: `[impl generics] [type] [where predicates,]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __framework_impls {
    ($($t:tt)*) => {
        $crate::__axum_impl! { $($t)* }
        $crate::__actix_impl! { $($t)* }
        $crate::__utoipa_impl! { $($t)* }
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impl {
    ([$($ig:tt)*] [$($ty:tt)*] [$($pred:tt)*]) => {
        #[automatically_derived]
        impl $($ig)* $crate::private::axum_core::response::IntoResponse for $($ty)*
        where
            $($pred)*
        {
            fn into_response(self) -> $crate::private::axum_core::response::Response {
                $crate::private::axum_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impl {
    ($($t:tt)*) => {};
}

#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_impl {
    ([$($ig:tt)*] [$($ty:tt)*] [$($pred:tt)*]) => {
        // `ResponseError` needs `Display`; the higher-ranked bound keeps the
        // impl from being an error where the type has none.
        #[automatically_derived]
        impl $($ig)* $crate::private::actix_web::ResponseError for $($ty)*
        where
            $($pred)*
            for<'__w> $($ty)*: ::core::fmt::Display + ::core::fmt::Debug,
        {
            fn status_code(&self) -> $crate::private::actix_web::http::StatusCode {
                $crate::private::actix_status(self)
            }
            fn error_response(&self) -> $crate::private::actix_web::HttpResponse {
                $crate::private::actix_response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_impl {
    ($($t:tt)*) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impl {
    ([$($ig:tt)*] [$($ty:tt)*] [$($pred:tt)*]) => {
        // The responses come from the catalog, composed parts included.
        #[automatically_derived]
        impl $($ig)* $crate::private::utoipa::IntoResponses for $($ty)*
        where
            $($pred)*
        {
            fn responses() -> $crate::private::OpenApiResponses {
                $crate::private::openapi_responses(
                    <$($ty)* as $crate::private::ErrorCatalog>::CATALOG,
                )
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impl {
    ($($t:tt)*) => {};
}

#[cfg(feature = "axum")]
mod axum_glue {
    use crate::body::Reply;
    use crate::code::ErrorCode;
    use crate::localize::Rendered;

    /// The axum answer for `error`: status, content type and JSON body,
    /// with what [`localize`](crate::axum::localize) needs to re-render it.
    pub fn axum_response(error: &dyn ErrorCode) -> axum_core::response::Response {
        let reply = Reply::new(error);
        let mut response = reply.to_response().map(axum_core::body::Body::from);
        response.extensions_mut().insert(Rendered::of(&reply));
        response
    }
}

#[cfg(feature = "axum")]
pub use axum_glue::axum_response;

#[cfg(feature = "actix-web")]
mod actix_glue {
    use crate::body::Reply;
    use crate::code::ErrorCode;
    use actix_web::http::StatusCode;

    /// The status as actix-web's own `StatusCode` type.
    pub fn actix_status(error: &dyn ErrorCode) -> StatusCode {
        StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The actix-web answer for `error`: status, content type and JSON body.
    pub fn actix_response(error: &dyn ErrorCode) -> actix_web::HttpResponse {
        let reply = Reply::new(error);
        let mut body = Vec::with_capacity(96);
        reply.write_json(&mut body);
        actix_web::HttpResponse::build(actix_status(error))
            .content_type(reply.content_type())
            .body(body)
    }
}

#[cfg(feature = "actix-web")]
pub use actix_glue::{actix_response, actix_status};
