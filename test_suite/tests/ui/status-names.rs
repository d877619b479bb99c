use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum E {
    #[code(1, status = NOT_FUOND)]
    Misspelt,
    #[code(2, status = StatusCode::OK)]
    NotAnError,
    #[code(3, status = Status::NOT_FOUND)]
    NotStatusCode,
    #[code(4, status = StatusCode::IM_A_TEAPOT)]
    Teapot,
    #[code(5, status = "404")]
    Quoted,
}

fn main() {
    let _ = E::Teapot.code();
}
