use error_code::ErrorCode;

#[derive(ErrorCode)]
pub union NotAnEnum {
    code: u32,
    other: f32,
}

fn main() {}
