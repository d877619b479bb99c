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
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::{OnceLock, RwLock};

/// The counter's name.
pub const COUNTER: &str = "api_errors_total";

/// The key of `info`'s series (name and labels), made once per catalog
/// entry and kept: an answer then builds no string, no list and no key
/// (making a key costs more than counting with it), and their number is
/// bounded by the catalogs' entries. Each thread keeps the ones it used,
/// in front of the shared ones.
fn key(info: &'static CodeInfo) -> &'static metrics::Key {
    thread_local! {
        static NEAR: RefCell<HashMap<usize, &'static metrics::Key, Address>> =
            RefCell::new(HashMap::default());
    }
    let at = std::ptr::from_ref(info) as usize;
    if let Some(key) = NEAR.with(|near| near.borrow().get(&at).copied()) {
        return key;
    }
    let key = shared_key(info, at);
    NEAR.with(|near| near.borrow_mut().insert(at, key));
    key
}

/// The keys every thread shares, made on first use.
#[cold]
fn shared_key(info: &'static CodeInfo, at: usize) -> &'static metrics::Key {
    type Cache = RwLock<HashMap<usize, &'static metrics::Key, Address>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Cache::default);
    if let Some(key) = cache.read().ok().and_then(|c| c.get(&at).copied()) {
        return key;
    }
    let labels: &'static [metrics::Label] = Box::leak(Box::new([
        metrics::Label::new("code", info.code().to_string()),
        metrics::Label::from_static_parts("name", info.name()),
        metrics::Label::new("status", info.status().as_u16().to_string()),
        metrics::Label::from_static_parts(
            "category",
            info.category().map(CategoryInfo::name).unwrap_or_default(),
        ),
    ]));
    let made: &'static metrics::Key =
        Box::leak(Box::new(metrics::Key::from_static_parts(COUNTER, labels)));
    match cache.write() {
        Ok(mut cache) => cache.entry(at).or_insert(made),
        Err(_) => made,
    }
}

/// Hashes an entry's address as it is: addresses of distinct statics
/// differ, and no client chooses them.
#[derive(Default, Clone, Copy)]
struct Address;

impl BuildHasher for Address {
    type Hasher = AddressHasher;
    fn build_hasher(&self) -> AddressHasher {
        AddressHasher(0)
    }
}

struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        // Entries are 8-byte aligned and about 200 bytes apart.
        self.0.rotate_right(3).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = n as u64;
    }
}

/// Where the counter is recorded from.
static METADATA: metrics::Metadata<'static> =
    metrics::Metadata::new(module_path!(), metrics::Level::INFO, Some(module_path!()));

/// Counts one answer of `info`.
#[inline]
pub(crate) fn count(info: &'static CodeInfo) {
    let key = key(info);
    metrics::with_recorder(|recorder| recorder.register_counter(key, &METADATA).increment(1));
}

/// Describes [`COUNTER`] and registers the series of every code of `E`'s
/// catalog at zero.
///
/// The labels are those of the type answered: a part whose codes take
/// their category from the enum composing it (`scheme = …` there, none on
/// the part) counts, where a handler answers the part itself, under no
/// category, beside the series registered here. Give such a part its own
/// `category`, or answer with the composing enum.
pub fn describe<E: ErrorCatalog>() {
    metrics::describe_counter!(
        COUNTER,
        metrics::Unit::Count,
        "Error answers sent, by error code (HTTP and gRPC)."
    );
    for info in E::CATALOG {
        let key = key(info);
        metrics::with_recorder(|recorder| recorder.register_counter(key, &METADATA).increment(0));
    }
}
