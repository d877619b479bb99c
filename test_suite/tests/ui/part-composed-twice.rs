use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum Inner {
    /// Not found
    #[code(2001, status = 404)]
    NotFound,
}

// One enum composed twice: its codes reach the API through two parts,
// said so, not as two variants of one name using one code.
#[derive(Debug, ErrorCode)]
pub enum Api {
    #[code(transparent)]
    First(Inner),
    #[code(transparent)]
    Second(Box<Inner>),
}

fn main() {}
