//! Errors counted by code (feature `metrics`, the `metrics` facade 0.24):
//! every answer built from a derived error, HTTP or gRPC, increments
//! [`COUNTER`] with the labels `code`, `name`, `status` and `category`;
//! [`describe`] registers every series of a catalog at zero, so that
//! dashboards and alerts see the codes that never fired.
//!
//! The labels come from the catalog only, never from a value, so the
//! number of series is bounded by the catalog (OpenTelemetry's advice for
//! `error.type`).
//!
//! ```
//! use error_code::ErrorCode;
//!
//! #[derive(Debug, ErrorCode)]
//! enum PodError {
//!     /// Pod not found
//!     #[code(2001, status = 404)]
//!     NotFound,
//! }
//!
//! // Once at start-up, after the recorder (e.g. a Prometheus exporter) is installed.
//! error_code::metrics::describe::<PodError>();
//! ```

use crate::catalog::CodeInfo;
use crate::category::CategoryInfo;
use crate::code::ErrorCatalog;

/// The counter's name.
pub const COUNTER: &str = "api_errors_total";

/// The labels of `info`'s series.
fn labels(info: &CodeInfo) -> [(&'static str, String); 4] {
    [
        ("code", info.code().to_string()),
        ("name", info.name().to_owned()),
        ("status", info.status().as_u16().to_string()),
        (
            "category",
            info.category()
                .map(CategoryInfo::name)
                .unwrap_or_default()
                .to_owned(),
        ),
    ]
}

/// Counts one answer of `info`.
#[inline]
pub(crate) fn count(info: &CodeInfo) {
    metrics::counter!(COUNTER, &labels(info)).increment(1);
}

/// Describes [`COUNTER`] and registers the series of every code of `E`'s
/// catalog at zero.
pub fn describe<E: ErrorCatalog>() {
    metrics::describe_counter!(
        COUNTER,
        metrics::Unit::Count,
        "Error answers sent, by error code (HTTP and gRPC)."
    );
    for info in E::CATALOG {
        metrics::counter!(COUNTER, &labels(info)).increment(0);
    }
}
