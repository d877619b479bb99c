//! `Errors<(A, B)>` where both types give code 2001 one name and status
//! but another message and other params: the document would show one of
//! them only, so the build fails, naming both.
use error_code::ErrorCode;
use error_code::openapi::Errors;
use utoipa::IntoResponses;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    GetPodError,
}

pub mod other {
    #[derive(Debug, error_code::ErrorCode)]
    pub enum PodError {
        /// Pod {name} is gone
        #[code(2001, status = 404)]
        GetPodError { name: String },
    }
}

fn main() {
    let _ = <Errors<(PodError, other::PodError)> as IntoResponses>::responses();
}
