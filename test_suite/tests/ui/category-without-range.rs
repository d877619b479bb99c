use error_code::ErrorCategory;

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    #[category(1000..=1999)]
    Base,
    /// No range given.
    Pod,
    #[category(3000)]
    Deployment,
    #[category(4000..=4999, 5000)]
    Service,
}

fn main() {}

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum WrongKey {
    #[category(1000..=1999, descripton(en = "x"))]
    Base,
}

const BASE: u32 = 1000;

// A constant as a bound is one error, not an unknown key and no range.
#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum ConstantBound {
    #[category(BASE..=1999)]
    Base,
}
