use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum Inner {
    #[code(1, status = 400)]
    A,
}

#[derive(Debug, ErrorCode)]
pub enum Outer {
    #[code(transparent)]
    Unit,
    #[code(transparent)]
    Two(Inner, Inner),
    #[code(transparent)]
    Named { a: Inner, b: Inner },
    #[code(transparent, status = 404)]
    WithKey(Inner),
}

fn main() {}
