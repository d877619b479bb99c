use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999, retired = [2009])]
pub enum Category {
    #[category(1000..=1999)]
    Base,
    #[category(2000..=2999)]
    Pod,
}

// No code space of its own: each part's codes are fine on their own.
#[derive(Debug, ErrorCode)]
pub enum Reserved {
    #[code(6001, status = 500)]
    InReserved,
    #[code(4001, status = 500)]
    InNoCategory,
}

#[derive(Debug, ErrorCode)]
pub enum Recycled {
    #[code(2009, status = 500)]
    SchemeRetired,
    #[code(1005, status = 500)]
    EnumRetired,
}

// The scheme binds every code the composed type can produce.
#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category, retired = [1005])]
pub enum ApiError {
    #[code(transparent)]
    Reserved(Reserved),
    #[code(transparent)]
    Recycled(Recycled),
}

#[derive(Debug, ErrorCode)]
#[error_code(retired = [2, 4])]
pub enum OldCodes {
    #[code(1, status = 400)]
    One,
}

#[derive(Debug, ErrorCode)]
pub enum UsesRetired {
    #[code(2, status = 400)]
    Two,
}

// A part may not bring back a code another part retired.
#[derive(Debug, ErrorCode)]
pub enum Both {
    #[code(transparent)]
    Old(OldCodes),
    #[code(transparent)]
    New(UsesRetired),
}

fn main() {}

// The enum's own code may not bring back a code its part retired.
#[derive(Debug, ErrorCode)]
pub enum OwnReusesPartRetired {
    #[code(4, status = 400)]
    Four,
    #[code(transparent)]
    Old(OldCodes),
}
