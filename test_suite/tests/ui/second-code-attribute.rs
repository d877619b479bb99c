use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code(2001, status = 404)]
    #[code(2002, status = 404)]
    GetPod,
    #[code]
    Bare,
    #[code = 2003]
    NameValue,
}

fn main() {}
