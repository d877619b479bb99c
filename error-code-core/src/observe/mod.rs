//! Observing a running service (feature `tracing`): every answer built
//! from a derived error emits one `tracing` event, so a 5xx detail hidden
//! from the client is kept in the log.
//!
//! The event's target is `error_code`, its message the catalog message
//! (rendered with the params),
//! and its fields:
//!
//! | field | value |
//! |---|---|
//! | `code` | the error code, e.g. `2001` |
//! | `name` | the error's name, e.g. `GetPodError` |
//! | `status` | the HTTP status, e.g. `404` |
//! | `request_id` | the request's id, where there is one |
//! | `language` | the language of the message sent, where it is known (`Content-Language`); behind `axum::localize`, which renders the answer again after its event, the language it was first rendered in (`ErrorLayer` reads the request first, and logs the language sent) |
//! | `params` | the params, as a JSON object, where the code has any |
//! | `violations` | the number of field violations the answer lists, where it lists any |
//! | `retry_after` | the seconds the answer asks the client to wait, where it says |
//! | `detail` | the value's `Display` where it says more than the message, by the body's rule: for a 4xx the detail sent, for a 5xx the one hidden |
//! | `source` | the `source()` chain, `: `-separated, where there is one |
//!
//! A 5xx answer's event is at `ERROR`; a 4xx answer's at `INFO` (a client's
//! mistake, not the server's). Filter with `RUST_LOG=error_code=info`, or
//! by target in a subscriber.

use crate::wire::Reply;

#[cfg(feature = "metrics")]
pub mod metrics;

/// The event's target.
pub const TARGET: &str = crate::message::EVENT_TARGET;

/// Observes one answer: its event (feature `tracing`), its count
/// (feature `metrics`).
#[inline]
pub(crate) fn answer(reply: &Reply<'_>) {
    #[cfg(feature = "metrics")]
    metrics::count(reply.info());
    #[cfg(feature = "tracing")]
    event(reply);
    let _ = reply;
}

/// The most sources an event lists of one error's chain.
#[cfg(feature = "tracing")]
const MAX_SOURCES: usize = 32;

/// Emits the event of one answer.
#[cfg(feature = "tracing")]
fn event(reply: &Reply<'_>) {
    use crate::wire::display_string;
    let info = reply.info();
    let status = info.status();
    let level_on = if status.is_server_error() {
        tracing::enabled!(target: TARGET, tracing::Level::ERROR)
    } else {
        tracing::enabled!(target: TARGET, tracing::Level::INFO)
    };
    if !level_on {
        return;
    }
    let error = reply.error();
    let message = crate::message::render(info.message(), info.lang(), error);
    // The detail by the body's rule, as a 5xx would send it if it did: a
    // 4xx's is the one sent. A 5xx's that the rule drops as failing is
    // not sent either, and the log keeps what it wrote: nothing hidden
    // from the client is lost.
    let detail = reply
        .expose_server_details(true)
        .detail_text_of(info)
        .or_else(|| {
            let text = display_string(error.detail().filter(|_| status.is_server_error())?);
            (!text.is_empty() && text != *message).then_some(text)
        });
    let params = crate::message::has_params(error)
        .then(|| serde_json::to_string(&crate::wire::params::ParamsMap(error)).unwrap_or_default());
    // The chain of sources, each `source()` guarded (a panic ends it) and
    // at most `MAX_SOURCES` long (a chain that loops ends).
    let source = error.as_std_error().and_then(|e| {
        let mut chain = Vec::new();
        let mut next = crate::message::caught(|| e.source()).flatten();
        while let Some(cause) = next {
            if chain.len() == MAX_SOURCES {
                chain.push("…".to_owned());
                break;
            }
            chain.push(display_string(&cause));
            next = crate::message::caught(|| cause.source()).flatten();
        }
        (!chain.is_empty()).then(|| chain.join(": "))
    });
    let (code, name, status) = (info.code(), info.name(), status.as_u16());
    let (request_id, language) = (reply.id(), reply.language());
    let violations = error
        .violations()
        .filter(|v| !v.is_empty())
        .map(|v| v.len() as u64);
    let retry_after = error.retry_after().map(crate::violations::whole_seconds);
    if info.status().is_server_error() {
        tracing::error!(target: TARGET, code, name, status, request_id, language, params, violations, retry_after, detail, source, "{message}");
    } else {
        tracing::info!(target: TARGET, code, name, status, request_id, language, params, violations, retry_after, detail, source, "{message}");
    }
}

impl Reply<'_> {
    /// The whole answer as an `http::Response`; with the `tracing`
    /// feature, the answer's event is emitted, and with `metrics` it is
    /// counted (see [`crate::observe`]).
    #[must_use]
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        let _answering = crate::message::Answering::start();
        answer(self);
        self.render()
    }
}
