use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999)]
pub enum Category {
    /// Pod errors
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category)]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
}

// No code space of its own: its codes meet the scheme only through the
// enum that composes both.
#[derive(Debug, ErrorCode)]
pub enum NodeError {
    /// Node gone
    #[code(6001, status = 410)]
    Gone,
}

// The scheme's reserved ranges bind every code of the composed API, as
// its retired codes do.
#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Pod(PodError),
    #[code(transparent)]
    Node(NodeError),
    /// Own code in the range
    #[code(7001, status = 500)]
    Own,
}

fn main() {}
