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

fn main() {
    // The trait's lookup says what it does: `None` for codes with fields.
    let _ = <Api as FromCode>::from_code(1);
    // The inherent one would silently miss code 1: refused where called.
    let _ = Api::from_code(2);
}
