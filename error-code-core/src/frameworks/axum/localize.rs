//! Re-rendering an error answer in the request's language, for frameworks
//! whose response conversion cannot see the request.

use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use crate::wire::{Reply, Violations, Visit};
use http::StatusCode;
use std::fmt::Display;
use std::sync::Arc;
use std::time::Duration;

/// What an error answer was made of: its catalog entry and the detail that
/// was sent, kept in the response's extensions.
#[derive(Debug, Clone)]
pub(crate) struct Rendered {
    info: &'static CodeInfo,
    detail: Option<Arc<str>>,
    /// The params, violations and retry delay of the error, where it has
    /// any: a re-rendered answer carries them as the first did.
    extras: Option<Arc<Extras>>,
}

#[derive(Debug)]
struct Extras {
    params: Vec<(&'static str, crate::wire::params::Written)>,
    violations: Option<Violations>,
    retry_after: Option<Duration>,
}

impl Extras {
    /// What of `error` goes beyond its entry, `None` where nothing does.
    fn of(error: &dyn ErrorCode) -> Option<Arc<Extras>> {
        let mut params = Vec::new();
        error.for_each_param(&mut |key, value| {
            params.push((key, crate::wire::params::Written::of(value)))
        });
        let violations = error.violations().filter(|v| !v.is_empty()).cloned();
        let retry_after = error.retry_after();
        (!params.is_empty() || violations.is_some() || retry_after != error.info().retry_after())
            .then(|| {
                Arc::new(Extras {
                    params,
                    violations,
                    retry_after,
                })
            })
    }
}

impl Rendered {
    /// An answer of `info` with this detail.
    pub(crate) fn new(info: &'static CodeInfo, detail: Option<String>) -> Self {
        Rendered {
            info,
            detail: detail.map(Arc::from),
            extras: None,
        }
    }

    /// The answer of `error` with this detail (as sent).
    pub(crate) fn of_error(error: &dyn ErrorCode, detail: Option<String>) -> Self {
        Rendered {
            info: error.info(),
            detail: detail.map(Arc::from),
            extras: Extras::of(error),
        }
    }

    /// An answer with these violations, for an extractor's rejection.
    pub(crate) fn with_violations(mut self, violations: Violations) -> Self {
        // The code's own retry delay stays, as without violations.
        self.extras = Some(Arc::new(Extras {
            params: Vec::new(),
            violations: Some(violations),
            retry_after: self.info.retry_after(),
        }));
        self
    }

    pub(crate) fn of(reply: &Reply<'_>) -> Self {
        let detail = reply.detail().map(crate::wire::display_string);
        Rendered::of_error(reply.error(), detail)
    }

    /// The answer again, with the message in the language `accept_language`
    /// prefers; no second event: the first answer had its own.
    pub(crate) fn reply_in(&self, accept_language: &str) -> http::Response<Vec<u8>> {
        Reply::new(self).accept_language(accept_language).render()
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
        if let Some(extras) = &self.extras {
            for (key, value) in &extras.params {
                visit(key, value);
            }
        }
    }
    fn violations(&self) -> Option<&Violations> {
        self.extras.as_ref().and_then(|e| e.violations.as_ref())
    }
    fn retry_after(&self) -> Option<Duration> {
        match &self.extras {
            Some(extras) => extras.retry_after,
            None => self.info.retry_after(),
        }
    }
}
