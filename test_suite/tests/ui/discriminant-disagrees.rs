use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
#[repr(u16)]
pub enum E {
    #[code(2001, status = 404)]
    Agrees = 2001,
    #[code(2002, status = 404)]
    Disagrees = 2003,
    #[code(status = 404)]
    NoCode,
}

fn main() {}
