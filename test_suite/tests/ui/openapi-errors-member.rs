//! `Errors` lists a type that is neither derived nor an `Only` of one.
use error_code::openapi::Errors;
use error_code::ErrorCode;
use utoipa::IntoResponses;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
}

pub struct NotDerived;

fn main() {
    let _ = <Errors<(PodError, NotDerived)> as IntoResponses>::responses();
}
