//! Runtime of [`error-code`](https://docs.rs/error-code): the traits the
//! derives implement, the static catalog types, and the const helpers the
//! generated code calls.
//!
//! Users depend on the `error-code` facade, which re-exports everything here
//! together with the derive macros.

#![deny(missing_docs)]

mod catalog;
mod category;
mod code;
#[doc(hidden)]
pub mod private;

pub use crate::catalog::{Catalog, CodeInfo};
pub use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
pub use crate::code::{ErrorCatalog, ErrorCode, FromCode};
pub use http;
pub use http::StatusCode;
