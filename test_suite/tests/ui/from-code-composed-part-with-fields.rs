use error_code::{ErrorCode, FromCode};

#[derive(Debug, ErrorCode)]
pub enum WithFields {
    #[code(1, status = 404)]
    NotFound { name: String },
}

#[derive(Debug, ErrorCode)]
pub enum Api {
    #[code(2, status = 400)]
    Own,
    #[code(transparent)]
    Part(WithFields),
}

#[derive(Debug, ErrorCode)]
pub enum Outer {
    #[code(3, status = 400)]
    Own,
    #[code(transparent)]
    Api(Box<Api>),
}

fn main() {
    // The trait's lookup says what it does: `None` for codes with fields.
    let _ = <Api as FromCode>::from_code(1);
    // The inherent one would silently miss code 1: refused where called.
    let _ = Api::from_code(2);
    // Also through a part of a part.
    let _ = Outer::from_code(3);
}
