use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(retired = [2003, 2005])]
pub enum Category {
    /// Pod errors
    #[category(2000..=2999)]
    PodError,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::PodError)]
pub enum PodError {
    #[code(2001, status = 404)]
    GetPod,
    #[code(2003, status = 404)]
    ReusesRetired,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category)]
pub enum FlatError {
    #[code(2005, status = 404)]
    AlsoReusesRetired,
}

#[derive(Debug, ErrorCode)]
#[error_code(retired = 7)]
pub enum Standalone {
    #[code(7, status = 500)]
    Reused,
}

fn main() {}
