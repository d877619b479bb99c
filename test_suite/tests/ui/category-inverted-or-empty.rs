use error_code::ErrorCategory;

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    #[category(1999..=1000)]
    Inverted,
    #[category(2000..2000)]
    Empty,
}

fn main() {}
