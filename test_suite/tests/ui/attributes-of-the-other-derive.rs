use error_code::{ErrorCategory, ErrorCode};

// The error enum's attributes on a category enum, and the category enum's
// on an error enum: each one error that says what goes there instead,
// not rustc's "cannot find attribute".
#[derive(Debug, Clone, Copy, ErrorCategory)]
#[error_code(url = "https://errors.example.com/{code}")]
pub enum Cat {
    /// Pods
    #[category(2000..=2999)]
    Pod,
    /// Nodes
    #[code(3000)]
    Node,
}

#[derive(Debug, ErrorCode)]
#[category(2000..=2999)]
pub enum PodError {
    /// Not found
    #[code(2001, status = 404)]
    #[category(2000..=2999)]
    NotFound,
}

fn main() {}
