//! actix-web (feature `actix-web`): every derived error with `Display` is a
//! `ResponseError`.

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
