use error_code::ErrorCode;

const BASE: u16 = 2000;

// The macro cannot read `BASE + 2`: the agreement is checked in const
// evaluation, at the expression.
#[derive(Debug, ErrorCode)]
#[repr(u16)]
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    GetPod = BASE + 2,
    /// Pod exists
    #[code(2003, status = 409)]
    Exists = BASE + 3,
}

fn main() {}
