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

fn main() {}
