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
