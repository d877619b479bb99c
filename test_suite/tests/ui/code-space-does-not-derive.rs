use error_code::ErrorCode;

// Not a code space: one error per enum, at the path.
#[derive(Debug, Clone, Copy)]
pub enum NotDerived { Pod }

#[derive(Debug, ErrorCode)]
#[error_code(category = NotDerived::Pod)]
pub enum BadCat4 {
    /// a
    #[code(2004, status = 404)]
    A,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = NotDerived)]
pub enum BadCat5 {
    /// a
    #[code(2005, status = 404)]
    A,
}
fn main() {}
