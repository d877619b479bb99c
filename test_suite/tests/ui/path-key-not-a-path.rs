use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Cat {
    /// Pod
    #[category(2000..=2999)]
    Pod,
}

// A path-valued key given a string or a number: one error each that says
// the form, and the mistakes after it in the attribute are reported too.
#[derive(Debug, ErrorCode)]
#[error_code(category = "Cat::Pod", status = "404", lang = zh)]
pub enum Strings {
    /// A
    #[code(2001)]
    A,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = 5, crate = "error_code")]
pub enum Numbers {
    /// A
    #[code(2001, status = 404)]
    A,
}

fn main() {}
