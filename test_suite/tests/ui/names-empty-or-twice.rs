use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum E {
    #[code(1, status = 400)]
    N,
    #[code(2, status = 400, name = "N")]
    Other,
    #[code(3, status = 400, name = " ")]
    Blank,
    #[code(4, status = 400, name = "N")]
    Third,
}

fn main() {}
