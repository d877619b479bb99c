use error_code::ErrorCategory;

#[derive(Debug, ErrorCategory)]
pub enum Category {
    #[category(1000..=1999)]
    Base(u32),
    #[category(2000..=2999)]
    Pod { detail: String },
}

fn main() {}
