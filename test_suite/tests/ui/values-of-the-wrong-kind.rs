//! A value of the wrong kind is said in the key's own words.
use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, ErrorCode)]
pub enum E {
    #[code(2001, status = 404, message(en = 5))]
    A,
    #[code(2002, status = 404, grpc = 5)]
    B,
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    /// Pod
    #[category(1000..)]
    Pod,
}

fn main() {}
