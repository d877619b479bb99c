use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code(2001, status = 200)]
    Ok,
    #[code(2002, status = 302)]
    Redirect,
    #[code(2003, status = 600)]
    TooHigh,
    #[code(2004, status = 70000)]
    Huge,
}

#[derive(Debug, ErrorCode)]
#[error_code(status = 204)]
pub enum WithDefault {
    #[code(2005)]
    UsesDefault,
}

fn main() {}
