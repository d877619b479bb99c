//! The tools: what tests and build-time programs make of a catalog — the
//! error document ([`Document`]), the JSON and TypeScript export
//! ([`CatalogExport`]) and the contract test of the published codes
//! ([`Snapshot`]). A service's answer path uses none of them.

mod document;
mod export;
mod snapshot;

pub use document::{Document, Language};
pub use export::CatalogExport;
pub use snapshot::{Change, SNAPSHOT_ENV, Snapshot, SnapshotError, SnapshotReport};
