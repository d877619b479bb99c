use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
#[error_code(bound = "T:: Display")]
pub enum Malformed<T> {
    /// Bad payload
    #[code(2402, status = 400)]
    Bad(T),
}

#[derive(Debug, ErrorCode)]
#[error_code(bound = "")]
pub enum Empty<T> {
    /// Bad payload
    #[code(2403, status = 400)]
    Bad(T),
}

#[derive(Debug, ErrorCode)]
#[error_code(bound = T)]
pub enum NoString<T> {
    /// Bad payload
    #[code(2404, status = 400)]
    Bad(T),
}

fn main() {}
