use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999)]
pub enum Cat {
    /// Pod errors
    #[category(2000..=2999)]
    Pod,
}

// A code outside its enum's category: one error, there. The enum that
// composes it under the scheme does not say it again.
#[derive(Debug, ErrorCode)]
#[error_code(category = Cat::Pod)]
pub enum PodError {
    /// Outside
    #[code(3001, status = 500)]
    Outside,
    /// Reserved, and outside too
    #[code(6001, status = 500)]
    Reserved,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Cat)]
pub enum Api {
    #[code(transparent)]
    Pod(PodError),
}

fn main() {}
