use error_code::ErrorCode;

#[derive(Debug)]
pub struct NotAnErrorCode;

#[derive(Debug, ErrorCode)]
pub enum Api {
    #[code(1, status = 400)]
    Own,
    #[code(transparent)]
    Foreign(NotAnErrorCode),
}

fn main() {}
