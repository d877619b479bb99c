//! `Only<E, …>` lists a code `E` does not answer: the build fails where
//! the responses are built, naming the code and `E`'s codes.
use error_code::ErrorCode;
use error_code::openapi::Only;
use utoipa::IntoResponses;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
    /// Pod already exists
    #[code(2002, status = 409)]
    Exists,
}

fn main() {
    let _ = <Only<PodError, 2001, 2999> as IntoResponses>::responses();
}
