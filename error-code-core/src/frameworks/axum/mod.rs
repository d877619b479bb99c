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
    let Some(rendered) = response.extensions().get::<localize::Rendered>().cloned() else {
        return response;
    };
    let (parts, _) = response.into_parts();
    let body = rendered.reply_in(language).into_body();
    Response::from_parts(parts, Body::from(body))
}

use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use crate::frameworks::context::{RequestContext, Scoped, current};
use crate::wire::Reply;
mod localize;

use localize::Rendered;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

/// The axum answer for `error`: status, content type and JSON body, in the
/// language and with the id of the request where an [`ErrorLayer`] is set,
/// with what [`localize`] needs to re-render it.
#[doc(hidden)]
pub fn axum_response(error: &dyn ErrorCode) -> Response {
    let context = current();
    let reply = with_context(Reply::new(error), context.as_deref());
    // The detail is written out once, for the body and for `localize`.
    let detail = reply.detail_text();
    let mut response = reply.respond_with(detail.as_deref()).map(Body::from);
    let rendered = Rendered::new(reply.info(), detail);
    response.extensions_mut().insert(rendered);
    response
}

fn with_context<'a>(reply: Reply<'a>, context: Option<&'a RequestContext>) -> Reply<'a> {
    match context {
        Some(context) => context.apply(reply),
        None => reply,
    }
}

/// One layer for the whole router that gives error answers their
/// request's context: the message in the language of its
/// `Accept-Language`, and its id (`x-request-id`, as tower-http's
/// request-id layers set it) as the body's `request_id` and in the
/// tracing event. With [`rejections`](Self::rejections), malformed input
/// rejected by axum's extractors answers in the API's format too.
///
/// ```
/// # #[derive(Debug, error_code::ErrorCode)]
/// # enum BaseError {
/// #     /// 参数不合法
/// #     #[code(1001, status = 400)]
/// #     ParamInvalidError,
/// # }
/// let app: axum::Router = axum::Router::new()
///     // .route(...)
///     .layer(error_code::axum::ErrorLayer::new().rejections(BaseError::ParamInvalidError));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ErrorLayer {
    rejection: Option<&'static CodeInfo>,
}

impl ErrorLayer {
    /// The layer: language and request id for every error answer.
    #[must_use]
    pub fn new() -> Self {
        ErrorLayer::default()
    }

    /// Answers axum's extractor rejections (`Json`, `Query`, `Path`, `Form`)
    /// in the API's format, with `error`'s code, status and message and the
    /// rejection's text as the detail (hidden if `error` is a 5xx, as every
    /// detail is).
    ///
    /// axum marks its rejections in no way but their form, so what is
    /// answered so is every plain-text (`text/plain`) 400, 413, 415 or 422
    /// answer that is not already an error-code answer: a handler's own
    /// plain-text answer with one of those statuses too. Answer with a
    /// derived error (or another content type) to keep yours as it is.
    #[must_use]
    pub fn rejections(mut self, error: impl ErrorCode) -> Self {
        self.rejection = Some(error.info());
        self
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            layer: *self,
        }
    }
}

/// The service of an [`ErrorLayer`].
#[derive(Debug, Clone)]
pub struct ErrorService<S> {
    inner: S,
    layer: ErrorLayer,
}

/// The future of an [`ErrorService`].
pub type ErrorFuture = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl<S, B> tower_service::Service<http::Request<B>> for ErrorService<S>
where
    S: tower_service::Service<http::Request<B>, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = ErrorFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> ErrorFuture {
        let context = Arc::new(RequestContext::from_headers(request.headers()));
        let future = Scoped::new(Arc::clone(&context), self.inner.call(request));
        let rejection = self.layer.rejection;
        Box::pin(async move {
            let response = future.await?;
            Ok(match rejection {
                Some(info) if is_rejection(&response) => rejected(response, info, &context).await,
                _ => response,
            })
        })
    }
}

/// Whether `response` is what axum's extractors answer for malformed
/// input: plain text, 400, 413, 415 or 422, and not an error-code answer.
fn is_rejection(response: &Response) -> bool {
    let plain = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    plain
        && matches!(response.status().as_u16(), 400 | 413 | 415 | 422)
        && response.extensions().get::<Rendered>().is_none()
}

/// The rejection `response` answered as `info`, its text the detail.
async fn rejected(
    response: Response,
    info: &'static CodeInfo,
    context: &RequestContext,
) -> Response {
    use http_body_util::BodyExt as _;
    // Rejection texts are short; a longer body is cut, not buffered whole.
    const LIMIT: usize = 4096;
    let body = http_body_util::Limited::new(response.into_body(), LIMIT);
    let text = match body.collect().await {
        Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
        Err(_) => String::new(),
    };
    let error = Rendered::new(info, (!text.is_empty()).then_some(text));
    let reply = with_context(Reply::new(&error), Some(context));
    let mut response = reply.to_response().map(Body::from);
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
