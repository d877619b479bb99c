//! A code both types of an `Errors` give one meaning (a part and the enum
//! composing it) is no conflict: it builds. (Built, not only checked: the
//! other cases here fail only where the responses are built.)
use error_code::ErrorCode;
use error_code::openapi::Errors;
use utoipa::IntoResponses;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
}

#[derive(Debug, ErrorCode)]
pub enum ApiError {
    /// Bad request
    #[code(1001, status = 400)]
    BadRequest,
    #[code(transparent)]
    Pod(PodError),
}

fn main() {
    let responses = <Errors<(ApiError, PodError)> as IntoResponses>::responses();
    // Both statuses documented: the composer's 400 and the part's 404.
    assert!(responses.contains_key("400") && responses.contains_key("404"));
}
