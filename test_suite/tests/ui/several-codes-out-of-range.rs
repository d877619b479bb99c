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
    #[code(2001, status = 404)]
    GetPod,
    #[code(3001, status = 500)]
    GetDeployment,
    #[code(6001, status = 500)]
    Reserved,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category)]
pub enum FlatError {
    #[code(1001, status = 400)]
    ParamInvalid,
    #[code(7001, status = 500)]
    Reserved,
    #[code(4001, status = 500)]
    NoCategory,
}

fn main() {}
