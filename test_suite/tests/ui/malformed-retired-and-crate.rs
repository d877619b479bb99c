use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(retired = [2003, 99999999999], crate = ::error_code, crate = ::error_code)]
pub enum Category {
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(retired = ["2003"])]
pub enum PodError {
    #[code(2001, status = 404)]
    GetPod,
}

fn main() {}
