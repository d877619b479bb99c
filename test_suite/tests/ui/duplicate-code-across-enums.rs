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
#[error_code(category = Category::BaseError)]
pub enum BaseError {
    #[code(1001, status = 400)]
    ParamInvalid,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category)]
pub enum MoreErrors {
    #[code(2001, status = 404)]
    GetPod,
    #[code(1001, status = 400)]
    AlsoParamInvalid,
}

#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Base(BaseError),
    #[code(transparent)]
    More(MoreErrors),
    /// A code of the enum's own that a part has: the error is at its literal.
    #[code(2001, status = 404)]
    OwnGetPod,
}

fn main() {}
