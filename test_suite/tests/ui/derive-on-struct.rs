use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, ErrorCode)]
pub struct NotAnEnum {
    code: u32,
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub struct NotACategory;

fn main() {}
