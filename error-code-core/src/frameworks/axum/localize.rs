//! Re-rendering an error answer in the request's language, for frameworks
//! whose response conversion cannot see the request.

use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use crate::wire::params::Spans;
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
    /// The params' JSON, one after another, as the first answer wrote them.
    json: Vec<u8>,
    /// Each param's key and where its JSON ends in `json`.
    params: Vec<(&'static str, usize)>,
    violations: Option<Violations>,
    retry_after: Option<Duration>,
}

impl Extras {
    /// What of `error` goes beyond its entry, `None` where nothing does;
    /// the params copied from `written` (a body and where its params' JSON
    /// lies) where given, else written anew.
    fn of(error: &dyn ErrorCode, written: Option<(&[u8], &Spans)>) -> Option<Arc<Extras>> {
        let mut json = Vec::new();
        let mut params = Vec::new();
        match written {
            Some((body, spans)) => {
                for (key, range) in spans {
                    json.extend_from_slice(body.get(range.clone()).unwrap_or(b"null"));
                    params.push((*key, json.len()));
                }
            }
            None => error.for_each_param(&mut |key, value| {
                value.write_json(&mut json);
                params.push((key, json.len()));
            }),
        }
        let violations = error.violations().filter(|v| !v.is_empty()).cloned();
        let retry_after = error.retry_after();
        (!params.is_empty() || violations.is_some() || retry_after != error.info().retry_after())
            .then(|| {
                Arc::new(Extras {
                    json,
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

    /// The answer of `error` with this detail (as sent), its params read
    /// from `written` where given (see [`Extras::of`]).
    pub(crate) fn of_error(
        error: &dyn ErrorCode,
        detail: Option<String>,
        written: Option<(&[u8], &Spans)>,
    ) -> Self {
        Rendered {
            info: error.info(),
            detail: detail.map(Arc::from),
            extras: Extras::of(error, written),
        }
    }

    /// An answer with these violations, for an extractor's rejection.
    pub(crate) fn with_violations(mut self, violations: Violations) -> Self {
        // The code's own retry delay stays, as without violations.
        self.extras = Some(Arc::new(Extras {
            json: Vec::new(),
            params: Vec::new(),
            violations: Some(violations),
            retry_after: self.info.retry_after(),
        }));
        self
    }

    pub(crate) fn of(reply: &Reply<'_>) -> Self {
        let detail = reply.detail().map(crate::wire::display_string);
        Rendered::of_error(reply.error(), detail, None)
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
            let mut start = 0;
            for &(key, end) in &extras.params {
                let json = extras.json.get(start..end).unwrap_or(b"null");
                visit(key, &crate::wire::params::Written(json));
                start = end;
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
