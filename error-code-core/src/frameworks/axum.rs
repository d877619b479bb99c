//! axum (feature `axum`): every derived error is an `IntoResponse`;
//! [`localize`] answers in the request's language.

use axum_core::body::Body;
use axum_core::response::Response;

/// Re-renders an error answer made by a derived error's `IntoResponse`
/// with the message in the language the request's `Accept-Language`
/// prefers; any other response passes unchanged. `IntoResponse` cannot
/// see the request, so a middleware calls this:
///
/// ```ignore
/// let app = router.layer(axum::middleware::from_fn(|request: Request, next: Next| async move {
///     let language = request.headers().get(http::header::ACCEPT_LANGUAGE).cloned();
///     error_code::axum::localize(language.as_ref(), next.run(request).await)
/// }));
/// ```
#[must_use]
pub fn localize(accept_language: Option<&http::HeaderValue>, response: Response) -> Response {
    let Some(language) = accept_language.and_then(|h| h.to_str().ok()) else {
        return response;
    };
    let Some(rendered) = response
        .extensions()
        .get::<crate::localize::Rendered>()
        .cloned()
    else {
        return response;
    };
    let (parts, _) = response.into_parts();
    let body = rendered.reply_in(language).into_body();
    Response::from_parts(parts, Body::from(body))
}

use crate::body::Reply;
use crate::code::ErrorCode;
use crate::localize::Rendered;

/// The axum answer for `error`: status, content type and JSON body,
/// with what [`localize`](crate::axum::localize) needs to re-render it.
#[doc(hidden)]
pub fn axum_response(error: &dyn ErrorCode) -> axum_core::response::Response {
    let reply = Reply::new(error);
    let mut response = reply.to_response().map(axum_core::body::Body::from);
    response.extensions_mut().insert(Rendered::of(&reply));
    response
}

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
