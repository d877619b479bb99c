//! `cargo bench -p error-code-bench`: the derived impls side by side with a
//! hand-written `match` on a plain enum, a hand-written `match` on a
//! `#[repr(u16)]` enum whose discriminants are the codes, and the peer
//! combination (num_enum + strum + a hand-written status match), in one run;
//! and the derive on `#[repr(u16)]` / `#[repr(u32)]` enums whose variants
//! give their codes as discriminants ("derived repr"). Prints a Markdown
//! table of median ns/op and the ratios of derived and derived repr to the
//! fastest hand-written or peer column.

#![allow(clippy::all, clippy::pedantic, missing_docs)]

use error_code::{ErrorCode, Reply};
use error_code_bench::code;
use std::hint::black_box;
use std::time::Instant;

const fn st(n: u16) -> http::StatusCode {
    match http::StatusCode::from_u16(n) {
        Ok(s) => s,
        Err(_) => panic!("invalid status"),
    }
}

include!(concat!(env!("OUT_DIR"), "/enums.rs"));

const SAMPLES: usize = 15;
const INPUTS: usize = 4096;

/// Median ns per call of `f` over `INPUTS` inputs.
fn measure(mut f: impl FnMut() -> u64) -> f64 {
    // Calibrate so one sample takes about 2 ms.
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().as_nanos().max(1) as f64;
    let reps = ((2_000_000.0 / once) as usize).clamp(1, 10_000);
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..reps {
                black_box(f());
            }
            start.elapsed().as_nanos() as f64 / (reps * INPUTS) as f64
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[SAMPLES / 2]
}

/// Deterministic shuffle (xorshift), so every run sees the same order.
fn shuffled<T: Clone>(items: &[T]) -> Vec<T> {
    let mut out = items.to_vec();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..out.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.swap(i, (x % (i as u64 + 1)) as usize);
    }
    out
}

/// `INPUTS` items cycling through `items`, in order or shuffled.
fn inputs<T: Clone>(items: &[T], shuffle: bool) -> Vec<T> {
    let cycled: Vec<T> = items.iter().cycle().take(INPUTS).cloned().collect();
    if shuffle { shuffled(&cycled) } else { cycled }
}

struct Row {
    op: &'static str,
    n: usize,
    order: &'static str,
    derived: f64,
    derived_repr: Option<f64>,
    others: [Option<f64>; 4],
}

fn print(rows: &[Row]) {
    println!(
        "| operation | variants | order | derived | derived repr | plain match | repr match | num_enum + strum | strum FromRepr | derived / fastest | derived repr / fastest |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let cell = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{v:.2}"));
    for r in rows {
        let best = r
            .others
            .iter()
            .flatten()
            .copied()
            .fold(f64::INFINITY, f64::min);
        println!(
            "| {} | {} | {} | {:.2} | {} | {} | {} | {} | {} | {:.2}× | {} |",
            r.op,
            r.n,
            r.order,
            r.derived,
            cell(r.derived_repr),
            cell(r.others[0]),
            cell(r.others[1]),
            cell(r.others[2]),
            cell(r.others[3]),
            r.derived / best,
            r.derived_repr
                .map_or("–".to_owned(), |v| format!("{:.2}×", v / best)),
        );
    }
}

#[derive(serde::Serialize)]
struct HandBody {
    code: u32,
    message: &'static str,
}

macro_rules! unit_size {
    ($rows:ident, $n:literal, $derived:ident, $dr16:ident, $dr32:ident, $plain:ident, $repr:ident) => {{
        let codes: Vec<u32> = (0..$n).map(code).collect();
        let misses: Vec<u32> = codes.iter().map(|c| c + 1).collect();
        for (order, shuffle) in [("sequential", false), ("shuffled", true)] {
            let d = inputs(
                &codes
                    .iter()
                    .map(|&c| $derived::from_code(c).unwrap())
                    .collect::<Vec<_>>(),
                shuffle,
            );
            let dr = inputs(
                &codes
                    .iter()
                    .map(|&c| $dr16::from_code(c).unwrap())
                    .collect::<Vec<_>>(),
                shuffle,
            );
            let dr32 = inputs(
                &codes
                    .iter()
                    .map(|&c| $dr32::from_code(c).unwrap())
                    .collect::<Vec<_>>(),
                shuffle,
            );
            let p = inputs(
                &codes
                    .iter()
                    .map(|&c| $plain::from_code(c).unwrap())
                    .collect::<Vec<_>>(),
                shuffle,
            );
            let r = inputs(
                &codes
                    .iter()
                    .map(|&c| $repr::from_code(c).unwrap())
                    .collect::<Vec<_>>(),
                shuffle,
            );
            let hits = inputs(&codes, shuffle);
            let miss = inputs(&misses, shuffle);
            macro_rules! sum {
                ($v:expr, |$x:ident| $e:expr) => {
                    measure(|| $v.iter().map(|$x| $e as u64).fold(0u64, u64::wrapping_add))
                };
            }
            if wanted("code") {
                $rows.push(Row {
                    op: "code",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.code()),
                    derived_repr: Some(sum!(dr, |x| x.code())),
                    others: [
                        Some(sum!(p, |x| x.code())),
                        Some(sum!(r, |x| x.code())),
                        Some(sum!(r, |x| *x as u16)),
                        None,
                    ],
                });
            }
            if wanted("code (repr u32)") {
                $rows.push(Row {
                    op: "code (repr u32)",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.code()),
                    derived_repr: Some(sum!(dr32, |x| x.code())),
                    others: [None, Some(sum!(r, |x| x.code())), None, None],
                });
            }
            if wanted("status") {
                $rows.push(Row {
                    op: "status",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.status().as_u16()),
                    derived_repr: Some(sum!(dr, |x| x.status().as_u16())),
                    others: [
                        Some(sum!(p, |x| x.status().as_u16())),
                        Some(sum!(r, |x| x.status().as_u16())),
                        Some(sum!(r, |x| x.status().as_u16())),
                        None,
                    ],
                });
            }
            if wanted("name") {
                $rows.push(Row {
                    op: "name",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.name().len()),
                    derived_repr: Some(sum!(dr, |x| x.name().len())),
                    others: [
                        Some(sum!(p, |x| x.name().len())),
                        Some(sum!(r, |x| x.name().len())),
                        Some(sum!(r, |x| <&'static str>::from(*x).len())),
                        None,
                    ],
                });
            }
            if wanted("message") {
                $rows.push(Row {
                    op: "message",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.message().len()),
                    derived_repr: Some(sum!(dr, |x| x.message().len())),
                    others: [
                        Some(sum!(p, |x| x.message().len())),
                        Some(sum!(r, |x| x.message().len())),
                        Some(sum!(r, |x| strum::EnumMessage::get_message(x)
                            .map_or(0, str::len))),
                        None,
                    ],
                });
            }
            if wanted("from_code hit") {
                $rows.push(Row {
                    op: "from_code hit",
                    n: $n,
                    order,
                    derived: sum!(hits, |c| $derived::from_code(*c).is_some()),
                    derived_repr: Some(sum!(hits, |c| $dr16::from_code(*c).is_some())),
                    others: [
                        Some(sum!(hits, |c| $plain::from_code(*c).is_some())),
                        Some(sum!(hits, |c| $repr::from_code(*c).is_some())),
                        Some(sum!(hits, |c| u16::try_from(*c)
                            .ok()
                            .and_then(|c| $repr::try_from(c).ok())
                            .is_some())),
                        Some(sum!(hits, |c| u16::try_from(*c)
                            .ok()
                            .and_then($repr::from_repr)
                            .is_some())),
                    ],
                });
            }
            if wanted("from_code miss") {
                $rows.push(Row {
                    op: "from_code miss",
                    n: $n,
                    order,
                    derived: sum!(miss, |c| $derived::from_code(*c).is_some()),
                    derived_repr: Some(sum!(miss, |c| $dr16::from_code(*c).is_some())),
                    others: [
                        Some(sum!(miss, |c| $plain::from_code(*c).is_some())),
                        Some(sum!(miss, |c| $repr::from_code(*c).is_some())),
                        Some(sum!(miss, |c| u16::try_from(*c)
                            .ok()
                            .and_then(|c| $repr::try_from(c).ok())
                            .is_some())),
                        Some(sum!(miss, |c| u16::try_from(*c)
                            .ok()
                            .and_then($repr::from_repr)
                            .is_some())),
                    ],
                });
            }
            // A hand-written catalog: a sorted static table, binary searched.
            let table: Vec<(u32, &'static str, u16, &'static str)> = codes
                .iter()
                .map(|&c| {
                    let v = $plain::from_code(c).unwrap();
                    (c, v.name(), v.status().as_u16(), v.message())
                })
                .collect();
            if wanted("catalog get") {
                $rows.push(Row {
                    op: "catalog get",
                    n: $n,
                    order,
                    derived: sum!(hits, |c| $derived::CATALOG
                        .get(*c)
                        .map_or(0, |e| e.status().as_u16())),
                    derived_repr: Some(sum!(hits, |c| $dr16::CATALOG
                        .get(*c)
                        .map_or(0, |e| e.status().as_u16()))),
                    others: [
                        Some(sum!(hits, |c| table
                            .binary_search_by_key(c, |e| e.0)
                            .map_or(0, |i| table[i].2))),
                        None,
                        None,
                        None,
                    ],
                });
            }
            let mut buf = Vec::with_capacity(128);
            if wanted("JSON body") {
                $rows.push(Row {
                    op: "JSON body",
                    n: $n,
                    order,
                    derived: sum!(d, |x| {
                        buf.clear();
                        Reply::new(x).write_json(&mut buf);
                        buf.len()
                    }),
                    derived_repr: Some(sum!(dr, |x| {
                        buf.clear();
                        Reply::new(x).write_json(&mut buf);
                        buf.len()
                    })),
                    others: [
                        Some(sum!(p, |x| {
                            buf.clear();
                            serde_json::to_writer(
                                &mut buf,
                                &HandBody {
                                    code: x.code(),
                                    message: x.message(),
                                },
                            )
                            .unwrap();
                            buf.len()
                        })),
                        None,
                        None,
                        None,
                    ],
                });
            }
        }
    }};
}

macro_rules! fields_size {
    ($rows:ident, $n:literal, $derived:ident, $plain:ident) => {{
        for (order, shuffle) in [("sequential", false), ("shuffled", true)] {
            let d = inputs(&$derived::all(), shuffle);
            let p = inputs(&$plain::all(), shuffle);
            macro_rules! sum {
                ($v:expr, |$x:ident| $e:expr) => {
                    measure(|| $v.iter().map(|$x| $e as u64).fold(0u64, u64::wrapping_add))
                };
            }
            if wanted("code (fields)") {
                $rows.push(Row {
                    op: "code (fields)",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.code()),
                    derived_repr: None,
                    others: [Some(sum!(p, |x| x.code())), None, None, None],
                });
            }
            if wanted("status (fields)") {
                $rows.push(Row {
                    op: "status (fields)",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.status().as_u16()),
                    derived_repr: None,
                    others: [Some(sum!(p, |x| x.status().as_u16())), None, None, None],
                });
            }
            if wanted("name (fields)") {
                $rows.push(Row {
                    op: "name (fields)",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.name().len()),
                    derived_repr: None,
                    others: [Some(sum!(p, |x| x.name().len())), None, None, None],
                });
            }
            if wanted("message (fields)") {
                $rows.push(Row {
                    op: "message (fields)",
                    n: $n,
                    order,
                    derived: sum!(d, |x| x.message().len()),
                    derived_repr: None,
                    others: [Some(sum!(p, |x| x.message().len())), None, None, None],
                });
            }
        }
    }};
}

/// Whether `op` matches the filters given after `--`, if any.
fn wanted(op: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    filters.is_empty() || filters.iter().any(|f| op.contains(f.as_str()))
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: stay quick.
    if !std::env::args().any(|a| a == "--bench") {
        println!("run with `cargo bench -p error-code-bench`");
        return;
    }
    let mut rows = Vec::new();
    unit_size!(
        rows,
        20,
        DerivedUnit20,
        DerivedU16Repr20,
        DerivedU32Repr20,
        PlainUnit20,
        Repr20
    );
    unit_size!(
        rows,
        1000,
        DerivedUnit1000,
        DerivedU16Repr1000,
        DerivedU32Repr1000,
        PlainUnit1000,
        Repr1000
    );
    unit_size!(
        rows,
        5000,
        DerivedUnit5000,
        DerivedU16Repr5000,
        DerivedU32Repr5000,
        PlainUnit5000,
        Repr5000
    );
    fields_size!(rows, 20, DerivedFields20, PlainFields20);
    fields_size!(rows, 1000, DerivedFields1000, PlainFields1000);
    fields_size!(rows, 5000, DerivedFields5000, PlainFields5000);
    print(&rows);
}
