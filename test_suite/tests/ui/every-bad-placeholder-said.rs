//! Each mistake of one message is said, not the first alone.
use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum E {
    /// {x:?} and {x:>5}
    #[code(2001, status = 404)]
    Formatted { x: u8 },
    #[code(2002, status = 404, message = "{0.1} {self} } and {")]
    Odd(u8),
    /// {n -> [one] one {n -> *[x] y} *[other] many} then {m -> [a] b}
    #[code(2003, status = 404)]
    Selects { n: u8, m: String },
}

fn main() {}
