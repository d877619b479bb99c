//! Re-rendering an error answer in the request's language, for frameworks
//! whose response conversion cannot see the request.

use crate::catalog::CodeInfo;
use crate::code::ErrorCode;
use crate::wire::Reply;
use http::StatusCode;
use std::fmt::Display;
use std::sync::Arc;

/// What an error answer was made of: its catalog entry and the detail that
/// was sent, kept in the response's extensions.
#[derive(Debug, Clone)]
pub(crate) struct Rendered {
    info: &'static CodeInfo,
    detail: Option<Arc<str>>,
}

impl Rendered {
    /// An answer of `info` with this detail.
    pub(crate) fn new(info: &'static CodeInfo, detail: Option<String>) -> Self {
        Rendered {
            info,
            detail: detail.map(Arc::from),
        }
    }

    pub(crate) fn of(reply: &Reply<'_>) -> Self {
        Rendered {
            info: reply.info(),
            detail: reply
                .detail()
                .map(|d| Arc::from(crate::wire::display_string(d))),
        }
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
}
