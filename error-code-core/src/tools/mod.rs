//! The tools: what tests and build-time programs make of a catalog — the
//! error document ([`Document`]), the JSON and TypeScript export
//! ([`CatalogExport`]) and the contract test of the published codes
//! ([`Snapshot`]). A service's answer path uses none of them.
//!
//! Every function here is `#[inline]`: the compiler generates its code in
//! the crate that calls it, not here, so a service that never calls a tool
//! does not build it (three quarters of this crate's generated code),
//! while a test or build program that does gets it as usual.

mod clients;
mod document;
mod export;
pub(crate) mod markdown;
mod snapshot;

pub use document::{Document, Language};
pub use export::CatalogExport;
pub use snapshot::{Change, SNAPSHOT_ENV, Snapshot, SnapshotError, SnapshotReport};
