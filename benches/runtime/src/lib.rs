//! Run-time benchmarks of `error-code`: `cargo bench -p error-code-bench`.
//!
//! `build.rs` generates enums of 20, 1,000 and 5,000 variants (unit and with
//! fields) in every layout compared: derived, a hand-written `match` on a
//! plain enum, a hand-written `match` on a `#[repr(u16)]` enum whose
//! discriminants are the codes, and the peer combination (num_enum
//! `TryFromPrimitive`, strum `FromRepr` + `IntoStaticStr` + `EnumMessage`, a
//! hand-written status match). The bench target includes them.

/// The code of the `i`th variant: sparse, and within `u16` for the repr layout.
#[must_use]
pub const fn code(i: usize) -> u32 {
    10_000 + 11 * i as u32
}

/// The statuses the variants cycle through.
pub const STATUSES: [u16; 10] = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
