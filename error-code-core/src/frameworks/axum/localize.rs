//! Re-rendering an error answer in the request's language, for frameworks
//! whose response conversion cannot see the request.

use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use crate::frameworks::context::RequestContext;
use crate::message::Visit;
use crate::violations::Violations;
use bytes::Bytes;
use http::StatusCode;
use std::fmt::Display;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// What an error answer was made of: its catalog entry, the detail that
/// was sent and the body, kept in the response's extensions.
#[derive(Debug, Clone)]
pub(crate) struct Rendered {
    info: &'static CodeInfo,
    detail: Option<Arc<str>>,
    /// The first answer's body, where its error has params: a re-rendered
    /// answer reads them back from its `params` member, as they were
    /// written (a reference count, not a copy).
    body: Option<Bytes>,
    /// The params read back from `body`, once asked for.
    params: OnceLock<Vec<(&'static str, Box<str>)>>,
    /// The violations and retry delay of the error, where it has any: a
    /// re-rendered answer carries them as the first did.
    carried: Option<Arc<Carried>>,
    /// The request's context the first answer was made in (its id, the
    /// format asked for, whether 5xx details are sent), where an
    /// `ErrorLayer` gave one: a re-rendered answer is made in it too.
    context: Option<Arc<RequestContext>>,
}

#[derive(Debug)]
struct Carried {
    violations: Option<Violations>,
    retry_after: Option<Duration>,
}

impl Carried {
    /// What of `error` beyond its entry and params, `None` where nothing.
    fn of(error: &dyn ErrorCode) -> Option<Arc<Carried>> {
        let violations = error.violations().filter(|v| !v.is_empty()).cloned();
        let retry_after = error.retry_after();
        (violations.is_some() || retry_after != error.info().retry_after()).then(|| {
            Arc::new(Carried {
                violations,
                retry_after,
            })
        })
    }
}

impl Rendered {
    /// The answer of `error` with this detail and `body` (as sent), made
    /// in `context`.
    pub(crate) fn of_error(
        error: &dyn ErrorCode,
        detail: Option<String>,
        body: &Bytes,
        context: Option<&Arc<RequestContext>>,
    ) -> Self {
        Rendered {
            info: error.info(),
            detail: detail.map(Arc::from),
            body: crate::message::has_params(error).then(|| body.clone()),
            params: OnceLock::new(),
            carried: Carried::of(error),
            context: context.cloned(),
        }
    }

    /// The params of the first answer, in the order its entry names them,
    /// each as its body wrote it.
    fn params(&self) -> &[(&'static str, Box<str>)] {
        self.params.get_or_init(|| {
            let Some(body) = &self.body else {
                return Vec::new();
            };
            let params = crate::wire::params::written_params(body);
            let mut out = Vec::with_capacity(params.0.len());
            for &name in self.info.params() {
                if let Some(value) = params.get(name) {
                    out.push((name, Box::from(value)));
                }
            }
            out
        })
    }

    /// The answer again, with the message in the language `accept_language`
    /// prefers; no second event: the first answer had its own.
    pub(crate) fn reply_in(&self, accept_language: &str) -> http::Response<Vec<u8>> {
        super::in_context(self, self.context.as_ref())
            .accept_language(accept_language)
            .render()
    }
}

impl ErrorCode for Rendered {
    fn code(&self) -> u32 {
        self.info.code()
    }
    fn status(&self) -> StatusCode {
        self.info.status()
    }
    fn name(&self) -> &'static str {
        self.info.name()
    }
    fn message(&self) -> &'static str {
        self.info.message()
    }
    fn info(&self) -> &'static CodeInfo {
        self.info
    }
    fn detail(&self) -> Option<&dyn Display> {
        self.detail.as_ref().map(|d| d as &dyn Display)
    }
    fn for_each_param(&self, visit: Visit<'_>) {
        for (key, value) in self.params() {
            visit(key, &crate::wire::params::Written(value.as_bytes()));
        }
    }
    fn violations(&self) -> Option<&Violations> {
        self.carried.as_ref().and_then(|e| e.violations.as_ref())
    }
    fn retry_after(&self) -> Option<Duration> {
        match &self.carried {
            Some(carried) => carried.retry_after,
            None => self.info.retry_after(),
        }
    }
}
