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
    // Each key is a mistake of its own.
    #[code(transparent, deprecated, name = "x")]
    WithKeys(Inner),
    #[code(transparent,,)]
    TwoCommas(Inner),
}

fn main() {}
