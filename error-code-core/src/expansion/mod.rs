//! What derived code calls: the checks run in const evaluation, the catalog
//! entries built there, the doc comments read there, and the probe of a
//! type's `Display` and `Error`. Reached only through `__private`; no
//! semver promise.

pub mod check;
pub mod doc_comment;
pub(crate) mod entries;
pub(crate) mod probe;
