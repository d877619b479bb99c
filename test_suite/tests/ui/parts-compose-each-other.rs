use error_code::ErrorCode;

// Each enum's catalog would contain the other's, and so itself: one
// error, the cycle of their catalogs, naming both parts.
#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(1, status = 400)]
    Bad,
    #[code(transparent)]
    Batch(Box<BatchError>),
}

#[derive(Debug, ErrorCode)]
pub enum BatchError {
    #[code(2, status = 400)]
    Empty,
    #[code(transparent)]
    Api(Box<ApiError>),
}

fn main() {
    let _ = ApiError::from_code(1);
}
