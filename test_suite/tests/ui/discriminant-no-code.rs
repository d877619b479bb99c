use error_code::ErrorCode;

// Discriminants that are no code: each one error, naming the number.
#[derive(Debug, ErrorCode)]
#[repr(i64)]
pub enum E {
    /// Too large for a code
    #[code(status = 404)]
    Large = 5_000_000_000,
    /// Negative
    #[code(status = 404)]
    Negative = -5,
    /// Written as a code too
    #[code(2001, status = 404)]
    AlsoNegative = -1,
}

// A code its discriminant contradicts is that one mistake, not also a
// duplicate of the code before it.
#[derive(Debug, ErrorCode)]
#[repr(u16)]
pub enum Contradicted {
    /// A
    #[code]
    A = 2001,
    /// B
    #[code(2001)]
    B = 2002,
}

fn main() {}
