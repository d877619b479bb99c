use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, ErrorCode)]
#[code(2001, status = 404)]
pub enum CodeOnEnum {
    #[code(1, status = 400)]
    A,
}

#[derive(Debug, ErrorCode)]
#[code(garbage here!)]
pub enum GarbageOnEnum {
    #[code(1, status = 400)]
    A,
}

#[derive(Debug, ErrorCode)]
pub enum Misplaced {
    #[error_code(status = 404)]
    #[code(1, status = 400)]
    A,
    #[code(2, status = 400)]
    B(#[code(3)] String),
    #[code(4, status = 400, retired = [5])]
    C,
    // A flag of the enum's: said as it is written there.
    #[code(6, status = 400, display)]
    F,
    // The enum's attribute alone: that mistake, no missing `#[code]`.
    #[error_code(transparent)]
    D,
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(1000..=1999)]
pub enum RangeOnEnum {
    #[category(2000..=2999, reserved = 6000..=8999)]
    Pod,
    #[category(reserved = 6000..=8999)]
    Other,
    // A second attribute with a key that goes elsewhere: that key's
    // mistake, not "a second attribute".
    #[category(3000..=3999)]
    #[category(reserved = 3500..=3599)]
    Node,
}

#[derive(Debug, ErrorCode)]
#[error_code(status = 404u8)]
pub enum Suffixes {
    #[code(2001u8, status = 404)]
    A,
    #[code(2002u16, status = 404u16)]
    B,
}

fn main() {}
