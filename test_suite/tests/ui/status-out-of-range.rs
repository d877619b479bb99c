use error_code::ErrorCode;

// A status no `u32` holds, or a negative one, is no error status either:
// said as the range of error statuses, not as the integer type.
#[derive(Debug, ErrorCode)]
enum PodError {
    #[code(2001, status = 4294967700)]
    Huge,
    #[code(2002, status = -404)]
    Negative,
    #[code(-2003, status = 404)]
    NegativeCode,
}

#[derive(Debug, ErrorCode)]
#[error_code(lang = "")]
enum NoLanguage {
    #[code(2001, status = 404)]
    NotFound,
}

#[derive(Debug, ErrorCode)]
enum NoTag {
    #[code(2001, status = 404, message(en = "x", "" = "y"))]
    NotFound,
}

fn main() {}
