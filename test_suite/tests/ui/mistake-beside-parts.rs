use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum P1 {
    /// m
    #[code(2001, status = 404)]
    A,
}

#[derive(Debug, ErrorCode)]
pub enum P2 {
    /// m
    #[code(2001, status = 404)]
    A,
}

#[derive(Debug)]
pub struct NotDerived;

// A mistake the macro reports (the status) hides none of the parts': the
// code both parts use,
#[derive(Debug, ErrorCode)]
pub enum Api {
    #[code(transparent)]
    One(P1),
    #[code(transparent)]
    Two(P2),
    /// m
    #[code(2005, status = 200)]
    Four,
}

// and a part that does not derive.
#[derive(Debug, ErrorCode)]
pub enum Other {
    #[code(transparent)]
    One(P1),
    #[code(transparent)]
    Three(NotDerived),
    /// m
    #[code(2006, status = 200)]
    Four,
}

fn main() {}
