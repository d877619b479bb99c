//! The wire: what a server writes for an error answer. [`Reply`] builds
//! the status, content type and body (the default JSON body or RFC 9457
//! problem+json); `detail` holds the one rule that decides whether a
//! value's `Display` says more than its message and is sent.

mod detail;
mod listed;
pub(crate) mod params;
mod reply;

#[cfg(feature = "tracing")]
pub(crate) use detail::display_string;
#[cfg(feature = "axum")]
pub(crate) use reply::hides_detail;
#[cfg(feature = "tonic")]
pub(crate) use reply::resolved;
pub use reply::{JSON, PROBLEM_JSON, Reply};

/// The longest request id taken from a request; longer ones are ignored.
const MAX_ID: usize = 200;

/// Whether `id` is a request id this crate passes on from a request:
/// visible ASCII, at most 200 bytes (trimmed). The one rule of the HTTP
/// layers and of gRPC.
#[cfg_attr(
    not(any(feature = "axum", feature = "actix-web", feature = "tonic")),
    allow(dead_code)
)]
pub(crate) fn is_id(id: &str) -> bool {
    let id = id.trim();
    !id.is_empty() && id.len() <= MAX_ID && id.bytes().all(|b| b.is_ascii_graphic())
}
