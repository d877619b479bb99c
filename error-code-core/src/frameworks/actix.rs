//! actix-web (feature `actix-web`): every derived error with `Display` is a
//! `ResponseError`; [`ErrorContext`] gives its answers the request's
//! language and id.

use crate::code::ErrorCode;
use crate::frameworks::context::{RequestContext, Scoped, current};
use crate::wire::Reply;
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::StatusCode;
use std::future::{Ready, ready};
use std::sync::Arc;

/// The status as actix-web's own `StatusCode` type.
#[doc(hidden)]
pub fn actix_status(error: &dyn ErrorCode) -> StatusCode {
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The actix-web answer for `error`: status, content type and JSON body,
/// in the language and with the id of the request under [`ErrorContext`].
#[doc(hidden)]
pub fn actix_response(error: &dyn ErrorCode) -> actix_web::HttpResponse {
    let _answering = crate::message::Answering::start();
    let context = current();
    let reply = match context.as_deref() {
        Some(context) => context.apply(Reply::new(error)),
        None => Reply::new(error),
    };
    crate::observe::answer(&reply);
    let mut body = Vec::with_capacity(96);
    reply.write_json(&mut body);
    let mut response = actix_web::HttpResponse::build(actix_status(error));
    reply.each_header(&mut |name, value| {
        response.insert_header((name, value));
    });
    response.body(body)
}

/// Middleware that gives error answers their request's context: the
/// message in the language of its `Accept-Language`, problem+json where
/// its `Accept` asks for it (as `ErrorLayer` answers), and its id
/// (`x-request-id`) as the body's `request_id` and in the tracing event.
///
/// ```
/// let app = actix_web::App::new().wrap(error_code::actix::ErrorContext);
/// # let _ = app;
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ErrorContext;

impl<S, B> Transform<S, ServiceRequest> for ErrorContext
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = ErrorContextService<S>;
    type InitError = ();
    type Future = Ready<Result<ErrorContextService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ErrorContextService { service }))
    }
}

/// The service of [`ErrorContext`].
#[derive(Debug)]
pub struct ErrorContextService<S> {
    service: S,
}

impl<S, B> Service<ServiceRequest> for ErrorContextService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = Scoped<S::Future>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let headers = request.headers();
        let context = RequestContext::of_request(
            &mut headers.get_all("accept-language").map(|v| v.as_bytes()),
            headers
                .get(crate::frameworks::context::REQUEST_ID)
                .map(|v| v.as_bytes()),
            &mut headers.get_all("accept").map(|v| v.as_bytes()),
        );
        Scoped::new(Arc::new(context), self.service.call(request))
    }
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
            // An impl where the type is an error code, whatever its params
            // need: turning the feature on only adds impls.
            for<'__error_code_e> $($ty)*: $crate::private::ErrorCode,
            for<'__error_code_w> $($ty)*: ::core::fmt::Display + ::core::fmt::Debug,
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
