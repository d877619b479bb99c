use error_code::ErrorCode;

// A retired code listed twice, and a `message(…)` with no language: each
// a mistake at its place, not quietly passed over.
#[derive(Debug, ErrorCode)]
#[error_code(retired = [2003, 2004, 2003])]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404, message())]
    NotFound,
}

fn main() {}
