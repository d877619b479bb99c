use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(retired = [2009])]
pub enum Category {
    /// Pod
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category)]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    GetPod,
}

// No code space of its own: only the scheme's retired list, carried by the
// part's catalog, stops 2009.
#[derive(Debug, ErrorCode)]
pub enum Other {
    /// Reuses a retired code
    #[code(2009, status = 400)]
    Recycled,
}

#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Pod(PodError),
    #[code(transparent)]
    Other(Other),
}

fn main() {}
