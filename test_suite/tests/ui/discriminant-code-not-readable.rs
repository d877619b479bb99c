use error_code::ErrorCode;

const BASE: u16 = 2000;

// The code would be the discriminant, which the derive cannot compute.
#[derive(Debug, ErrorCode)]
#[repr(u16)]
pub enum PodError {
    /// Pod not found
    #[code(status = 404)]
    NotFound = BASE + 1,
    /// Pod exists
    #[code(2002, status = 409)]
    Exists = BASE + 2,
}

fn main() {}
