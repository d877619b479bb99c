use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code(2001, status = 404)]
    NotFound { name: String },
    #[code(2002, status = 500)]
    Events,
}

fn main() {
    // `PodError::from_code` exists only where every variant is fieldless.
    let _ = PodError::from_code(2002);
}
