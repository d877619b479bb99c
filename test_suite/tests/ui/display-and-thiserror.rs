use error_code::ErrorCode;

#[derive(Debug, thiserror::Error, ErrorCode)]
#[error_code(display)]
enum PodError {
    /// Pod {name} not found
    #[error("pod {name} not found")]
    #[code(2001, status = 404)]
    NotFound { name: String },
}

fn main() {}
