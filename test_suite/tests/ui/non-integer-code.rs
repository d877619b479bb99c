use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code("2001", status = 404)]
    Quoted,
    #[code(20.01, status = 404)]
    Float,
    #[code(2003, status = "404")]
    QuotedStatus,
    #[code(99999999999, status = 404)]
    TooBig,
    #[code(status = 404)]
    NoCode,
    #[code(2004i8, status = 404)]
    Suffixed,
}

fn main() {}

#[derive(Debug, ErrorCode)]
pub enum Computed {
    #[code(2000 + 1, status = 404)]
    Sum,
}
