//! Serializing the body of a unit variant allocates nothing but the output
//! buffer.

mod common;

use common::{ApiError, PodError};
use error_code::Reply;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: same layout contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[derive(Debug, thiserror::Error, error_code::ErrorCode)]
enum WithDisplay {
    /// 参数不合法
    #[error("limit is not a number")]
    #[code(1001, status = 400, message(en = "Invalid parameter"))]
    InvalidLimit,
}

#[test]
fn unit_variant_bodies_write_into_the_buffer_only() {
    // The counter sees allocations at all.
    assert!(allocations(|| drop(std::hint::black_box(String::from("counted")))) >= 1);
    let mut out = Vec::with_capacity(256);
    let errors: [&dyn error_code::ErrorCode; 3] = [
        &PodError::GetPodError,
        &ApiError::Pod(PodError::GetPodEventError),
        &WithDisplay::InvalidLimit,
    ];
    for e in errors {
        out.clear();
        let reply = Reply::new(e).accept_language("en-US,en;q=0.9");
        assert_eq!(
            allocations(|| reply.write_json(&mut out)),
            0,
            "{}",
            String::from_utf8_lossy(&out)
        );
        assert!(!out.is_empty());
        out.clear();
        let problem = Reply::new(e).problem("https://api.example.com/errors/");
        assert_eq!(allocations(|| problem.write_json(&mut out)), 0);
    }
    // The detail was written too, without an intermediate String.
    out.clear();
    Reply::new(&WithDisplay::InvalidLimit).write_json(&mut out);
    assert!(String::from_utf8_lossy(&out).contains("limit is not a number"));
}
