//! `Errors<(A, B)>` where both types give code 2001 another name and
//! status: the build fails where the responses are built, naming both.
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
pub enum NodeError {
    /// Node is cordoned
    #[code(2001, status = 409)]
    Cordoned,
}

fn main() {
    let _ = <Errors<(PodError, NodeError)> as IntoResponses>::responses();
}
