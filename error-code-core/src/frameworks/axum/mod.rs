//! axum (feature `axum`): every derived error is an `IntoResponse`;
//! [`localize`] answers in the request's language.

use axum_core::body::Body;
use axum_core::response::Response;

/// Re-renders an error answer made by a derived error's `IntoResponse`
/// with the message in the language the request's `Accept-Language`
/// prefers; any other response passes unchanged. `IntoResponse` cannot
/// see the request, so a middleware calls this, with the request's
/// headers (every `Accept-Language` line read as one list, as
/// [`ErrorLayer`] reads them) or one `Accept-Language` value:
///
/// ```ignore
/// let app = router.layer(axum::middleware::from_fn(|request: Request, next: Next| async move {
///     let headers = request.headers().clone();
///     error_code::axum::localize(&headers, next.run(request).await)
/// }));
/// ```
#[must_use]
pub fn localize<'h>(
    accept_language: impl Into<AcceptLanguage<'h>>,
    response: Response,
) -> Response {
    let Some(language) = accept_language.into().0 else {
        return response;
    };
    let Some(rendered) = response.extensions().get::<localize::Rendered>().cloned() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    let (again, body) = rendered.reply_in(&language).into_parts();
    // The language said is the one of the body sent, and the headers it
    // was chosen by are the re-rendered answer's.
    for name in [http::header::CONTENT_LANGUAGE, http::header::VARY] {
        match again.headers.get(&name) {
            Some(value) => parts.headers.insert(name, value.clone()),
            None => parts.headers.remove(name),
        };
    }
    Response::from_parts(parts, Body::from(body))
}

/// What [`localize`] answers by: a request's `Accept-Language`, from its
/// headers (every line) or from one value.
#[derive(Debug, Clone, Default)]
pub struct AcceptLanguage<'h>(Option<std::borrow::Cow<'h, str>>);

impl<'h> From<&'h http::HeaderMap> for AcceptLanguage<'h> {
    /// Every `Accept-Language` line, as one list (RFC 9110).
    fn from(headers: &'h http::HeaderMap) -> Self {
        AcceptLanguage(crate::frameworks::context::accept_language_of(headers))
    }
}

impl<'h> From<Option<&'h http::HeaderValue>> for AcceptLanguage<'h> {
    /// One `Accept-Language` value.
    fn from(value: Option<&'h http::HeaderValue>) -> Self {
        AcceptLanguage(
            value
                .and_then(|v| crate::frameworks::context::language_text(v.as_bytes()))
                .map(std::borrow::Cow::Borrowed),
        )
    }
}

use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use crate::frameworks::context::{REQUEST_ID, RequestContext, Scoped, current, make_id};
use crate::violations::{Violation, Violations};
use crate::wire::Reply;
#[cfg(feature = "tools")]
mod index;
mod localize;

#[cfg(feature = "tools")]
#[cfg_attr(docsrs, doc(cfg(feature = "tools")))]
pub use index::{error_index, error_index_with_scheme};

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
    respond(error, current().as_ref())
}

/// The answer for `error` in `context` (where an [`ErrorLayer`] gives
/// one), with its event and what [`localize`] needs to render it again.
fn respond(error: &dyn ErrorCode, context: Option<&Arc<RequestContext>>) -> Response {
    let _answering = crate::message::Answering::start();
    let reply = in_context(error, context);
    // The detail is written out once, for the body and for `localize`.
    let detail = reply.detail_text();
    crate::observe::answer(&reply);
    let (parts, body) = reply.respond_with(detail.as_deref()).into_parts();
    // The body is kept for `localize` as it was sent (a reference count).
    let body = bytes::Bytes::from(body);
    let rendered = Rendered::of_error(error, detail, &body, context);
    let mut response = Response::from_parts(parts, Body::from(body));
    response.extensions_mut().insert(rendered);
    response
}

/// The reply for `error` in the request's `context`: its language, its
/// id, the format it asks for, whether 5xx details are sent.
pub(super) fn in_context<'a>(
    error: &'a dyn ErrorCode,
    context: Option<&'a Arc<RequestContext>>,
) -> Reply<'a> {
    match context {
        Some(context) => context.apply(Reply::new(error)),
        None => Reply::new(error),
    }
}

/// One layer for the whole router that gives error answers their
/// request's context: the message in the language of its
/// `Accept-Language`, and its id (`x-request-id`, as tower-http's
/// request-id layers set it) as the body's `request_id` and in the
/// tracing event. With [`rejections`](Self::rejections), malformed input
/// rejected by axum's extractors answers in the API's format too; with
/// [`unmatched`](Self::unmatched), unknown routes and methods.
///
/// **Request ids, in any layer order.** A request without an
/// `x-request-id` gets one here, in its headers (so a tower-http
/// `SetRequestIdLayer` inside keeps it, and handlers and logs see it); one
/// that has an id keeps it; every answer carries the id in its headers. So the id in a
/// body is the request's whether this layer is outside or inside
/// tower-http's request-id layers. The usual stack, outermost last:
///
/// ```text
/// Router::new()
///     .route(...)
///     .layer(ErrorLayer::new())              // language, id, the API's format
///     .layer(PropagateRequestIdLayer::x_request_id())
///     .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
/// ```
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
#[derive(Debug, Clone, Default)]
pub struct ErrorLayer {
    rejection: Option<Rejection>,
    problem: Option<&'static str>,
    expose_server_details: bool,
    not_found: Option<Given>,
    method_not_allowed: Option<Given>,
}

impl ErrorLayer {
    /// The layer: language and request id for every error answer.
    #[must_use]
    pub fn new() -> Self {
        ErrorLayer::default()
    }

    /// Answers axum's extractor rejections (`Json`, `Query`, `Path`, `Form`)
    /// in the API's format, with `error`'s code, status, message and params
    /// and the rejection's text as the detail (hidden if `error` is a 5xx,
    /// as every detail is).
    ///
    /// axum marks its rejections in no way but their form, so what is
    /// answered so is every plain-text (`text/plain`) 400, 413, 415 or 422
    /// answer that is not already an error-code answer: a handler's own
    /// plain-text answer with one of those statuses too. Answer with a
    /// derived error (or another content type) to keep yours as it is.
    #[must_use]
    pub fn rejections(mut self, error: impl ErrorCode + Send + Sync + 'static) -> Self {
        self.rejection = Some(Rejection::Given(Given(Arc::new(error))));
        self
    }

    /// As [`rejections`](Self::rejections), with the error built from the
    /// rejection's text, for a variant that carries it:
    /// `.rejections_with(BaseError::ParamInvalid)` for
    /// `ParamInvalid(String)`. The error's own detail is sent (its
    /// `Display`, where it has one); without one, the rejection's text, as
    /// [`rejections`](Self::rejections) sends it.
    #[must_use]
    pub fn rejections_with<E, F>(mut self, build: F) -> Self
    where
        E: ErrorCode + Send + 'static,
        F: Fn(String) -> E + Send + Sync + 'static,
    {
        self.rejection = Some(Rejection::Built(Arc::new(move |text| {
            Box::new(build(text))
        })));
        self
    }

    /// Answers every error in RFC 9457 `application/problem+json`, whose
    /// `type` is the code's link, else `type_base` and the code (as
    /// [`Reply::problem`]); a request whose `Accept` prefers plain JSON or
    /// refuses problem+json (`application/problem+json;q=0`) gets JSON.
    #[must_use]
    pub fn problem(mut self, type_base: &'static str) -> Self {
        self.problem = Some(type_base);
        self
    }

    /// Sends the detail of 5xx answers too: for development only, as the
    /// detail of a server error is internal.
    #[must_use]
    pub fn expose_server_details(mut self, expose: bool) -> Self {
        self.expose_server_details = expose;
        self
    }

    /// Answers a request no route matches (axum's empty 404) with
    /// `not_found`, and one whose route has no handler for its method
    /// (axum's empty 405, its `Allow` header kept) with
    /// `method_not_allowed`, in the API's format, each with its params and
    /// without a detail. Without it those answers have empty bodies;
    /// `Router::fallback` is the other way.
    #[must_use]
    pub fn unmatched(
        mut self,
        not_found: impl ErrorCode + Send + Sync + 'static,
        method_not_allowed: impl ErrorCode + Send + Sync + 'static,
    ) -> Self {
        self.not_found = Some(Given(Arc::new(not_found)));
        self.method_not_allowed = Some(Given(Arc::new(method_not_allowed)));
        self
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            layer: self.clone(),
        }
    }
}

/// What answers an extractor's rejection.
#[derive(Clone)]
enum Rejection {
    /// This error, with the rejection's text as the detail.
    Given(Given),
    /// The error built from the rejection's text.
    Built(Arc<dyn Fn(String) -> Box<dyn ErrorCode + Send> + Send + Sync>),
}

impl std::fmt::Debug for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::Given(given) => f.debug_tuple("Given").field(given).finish(),
            Rejection::Built(_) => f.write_str("Built"),
        }
    }
}

/// An error the layer was given to answer with: the value whole, so that
/// its params are sent as its own answer sends them.
#[derive(Clone)]
struct Given(Arc<dyn ErrorCode + Send + Sync>);

impl std::fmt::Debug for Given {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Given").field(&self.0.code()).finish()
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

    fn call(&mut self, mut request: http::Request<B>) -> ErrorFuture {
        // A request without an id gets one, which layers inside keep.
        let made = match request
            .headers()
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
        {
            Some(id) if crate::wire::is_id(id) => None,
            _ => http::HeaderValue::from_str(&make_id()).ok(),
        };
        if let Some(id) = &made {
            request.headers_mut().insert(REQUEST_ID, id.clone());
        }
        let mut context = RequestContext::from_headers(request.headers());
        context.problem = self.layer.problem;
        context.expose_server_details = self.layer.expose_server_details;
        let context = Arc::new(context);
        let future = Scoped::new(Arc::clone(&context), self.inner.call(request));
        let layer = self.layer.clone();
        Box::pin(async move {
            let response = future.await?;
            let mut response = match &layer.rejection {
                Some(rejection) if is_rejection(&response) => {
                    rejected(response, rejection, &context).await
                }
                _ => match unmatched(&response, &layer) {
                    Some(given) => answered(response, given, &context),
                    None => response,
                },
            };
            // The answer carries the id it was given, or the one made here.
            let id = made.or_else(|| {
                let id = context.request_id.as_deref()?;
                http::HeaderValue::from_str(id).ok()
            });
            if let Some(id) = id {
                response.headers_mut().entry(REQUEST_ID).or_insert(id);
            }
            Ok(response)
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

/// The error that answers `response`, an empty 404 or 405 of axum's
/// router, where the layer has one.
fn unmatched<'a>(response: &Response, layer: &'a ErrorLayer) -> Option<&'a Given> {
    use http_body::Body as _;
    let empty = response.body().size_hint().exact() == Some(0)
        && response.headers().get(http::header::CONTENT_TYPE).is_none()
        && response.extensions().get::<Rendered>().is_none();
    match response.status().as_u16() {
        404 if empty => layer.not_found.as_ref(),
        405 if empty => layer.method_not_allowed.as_ref(),
        _ => None,
    }
}

/// `response` answered as `given` without a detail, its headers (`Allow`
/// of a 405) kept.
fn answered(response: Response, given: &Given, context: &Arc<RequestContext>) -> Response {
    let (mut parts, _) = response.into_parts();
    let error = Answer {
        error: &*given.0,
        detail: Some(None),
        violations: None,
    };
    let (answer, body) = respond(&error, Some(context)).into_parts();
    parts.status = answer.status;
    for (name, value) in &answer.headers {
        parts.headers.insert(name, value.clone());
    }
    parts.extensions.extend(answer.extensions);
    Response::from_parts(parts, body)
}

/// The rejection `response` answered as the API's error.
async fn rejected(
    response: Response,
    rejection: &Rejection,
    context: &Arc<RequestContext>,
) -> Response {
    use http_body_util::BodyExt as _;
    // Rejection texts are short; a longer body is cut, not buffered whole.
    const LIMIT: usize = 4096;
    let body = http_body_util::Limited::new(response.into_body(), LIMIT);
    let text = match body.collect().await {
        Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
        Err(_) => String::new(),
    };
    // serde's text is a detail: a 5xx keeps it in the log, as it keeps
    // every detail, unless the server opts in.
    let violation = |info: &CodeInfo| {
        if crate::wire::hides_detail(info.status(), context.expose_server_details) {
            None
        } else {
            json_violation(&text)
        }
    };
    match rejection {
        Rejection::Given(given) => {
            let violations = violation(given.0.info()).map(|v| Violations::from(vec![v]));
            let detail = (violations.is_some() || !text.is_empty()).then_some(text);
            let error = Answer {
                error: &*given.0,
                detail: Some(detail),
                violations,
            };
            respond(&error, Some(context))
        }
        Rejection::Built(build) => {
            let built = build(text.clone());
            let violations = violation(built.info())
                .filter(|_| built.violations().is_none_or(Violations::is_empty))
                .map(|v| Violations::from(vec![v]));
            // The error's own detail where it has one (a `Display`), else
            // the rejection's text, as a given error sends it.
            let detail = match built.detail() {
                Some(_) => None,
                None => Some((!text.is_empty()).then_some(text)),
            };
            let error = Answer {
                error: &*built,
                detail,
                violations,
            };
            respond(&error, Some(context))
        }
    }
}

/// An error answered with another detail or violations than its own: a
/// given one with the rejection's text (or, unmatched, none), a built one
/// with the field serde named.
struct Answer<'a> {
    error: &'a dyn ErrorCode,
    /// The detail sent in place of the error's own, where `Some`.
    detail: Option<Option<String>>,
    /// The violations sent in place of the error's own, where `Some`.
    violations: Option<Violations>,
}

impl ErrorCode for Answer<'_> {
    fn info(&self) -> &'static CodeInfo {
        self.error.info()
    }
    fn detail(&self) -> Option<&dyn std::fmt::Display> {
        match &self.detail {
            Some(detail) => detail.as_ref().map(|text| text as &dyn std::fmt::Display),
            None => self.error.detail(),
        }
    }
    fn as_std_error(&self) -> Option<&dyn std::error::Error> {
        // A detail of the layer's own is no error's.
        match self.detail {
            Some(_) => None,
            None => self.error.as_std_error(),
        }
    }
    fn for_each_param(&self, visit: crate::message::Visit<'_>) {
        self.error.for_each_param(visit);
    }
    fn retry_after(&self) -> Option<std::time::Duration> {
        self.error.retry_after()
    }
    fn violations(&self) -> Option<&Violations> {
        self.violations.as_ref().or_else(|| self.error.violations())
    }
}

/// The field a `Json` rejection names, with serde's message: axum reads
/// bodies through `serde_path_to_error`, so its text is `Failed to
/// deserialize the JSON body into the target type: spec.replicas: invalid
/// type: …`; a missing field is named in backticks, after the path of the
/// object that lacks it (none at the root, `.`).
fn json_violation(text: &str) -> Option<Violation> {
    let rest = text.strip_prefix("Failed to deserialize the JSON body into the target type: ")?;
    // The path ends at the first `: ` (a type's own message may hold more);
    // at the root (`.`) it is left out, and serde_json's message begins
    // the text. A map's key may hold a space.
    let root = SERDE_JSON_MESSAGES.iter().any(|m| rest.starts_with(m));
    let (path, message) = match rest.split_once(": ") {
        Some((path, message)) if !root => (path, message),
        _ => (".", rest),
    };
    // serde_json's position says nothing to a client that did not pretty
    // print its body the same way.
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|named| named.split_once('`'))
        .map(|(field, _)| field);
    let field = match (path, missing) {
        (".", Some(field)) => field.to_owned(),
        (".", None) => return None,
        (path, Some(field)) => format!("{path}.{field}"),
        (path, None) => path.to_owned(),
    };
    Some(Violation::new(field, message.to_owned()))
}

/// How serde's messages of a value (which serde_json gives) begin.
const SERDE_JSON_MESSAGES: [&str; 13] = [
    "invalid type: ",
    "invalid value: ",
    "invalid length ",
    "unknown variant ",
    "unknown field ",
    "missing field ",
    "duplicate field ",
    "expected ",
    "EOF while ",
    "trailing ",
    "key must be ",
    "number out of range",
    "recursion limit ",
];

#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impl {
    ([$($ig:tt)*] [$($ty:tt)*] [$($pred:tt)*]) => {
        #[automatically_derived]
        impl $($ig)* $crate::private::axum_core::response::IntoResponse for $($ty)*
        where
            $($pred)*
            // An impl where the type is an error code, whatever its params
            // need: turning the feature on only adds impls.
            for<'__error_code_e> $($ty)*: $crate::private::ErrorCode,
        {
            fn into_response(self) -> $crate::private::axum_core::response::Response {
                $crate::private::axum_response(&self)
            }
        }
    };
}
