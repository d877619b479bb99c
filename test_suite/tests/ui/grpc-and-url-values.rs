use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
#[error_code(url = "https://errors.example.com/{id}", domain = 7, into_response = "no")]
pub enum E {
    #[code(1, status = 409, grpc = ALREADY_EXIST)]
    Misspelt,
    #[code(2, status = 409, grpc = OK)]
    NotAnErrorToo,
    #[code(3, status = 409, grpc = "NOT_FOUND")]
    NotAnError,
}

/// A domain is a name: no blank in it or after it.
#[derive(Debug, ErrorCode)]
#[error_code(domain = "pods.example.com ")]
pub enum Blank {
    #[code(4, status = 404)]
    Gone,
}

/// Nor an invisible character: a zero-width space.
#[derive(Debug, ErrorCode)]
#[error_code(domain = "pods\u{200b}.example.com")]
pub enum Unseen {
    #[code(5, status = 404)]
    Gone,
}

fn main() {}
