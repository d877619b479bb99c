use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999)]
pub enum Category {
    /// Base errors
    #[category(1000..=1999)]
    BaseError,
    /// Pod errors
    #[category(2000..=2999)]
    PodError,
    /// Other errors
    #[category(9000..=9999)]
    OtherError,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::PodError)]
pub enum PodError {
    #[code(2001, status = 200)]
    BadStatus,
    #[code(2001, status = 404)]
    Duplicate,
    NoAttribute,
    #[code(2004, colour = "red")]
    UnknownKey,
}

fn main() {}
