use error_code::ErrorCategory;

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    #[category(1000..=1999)]
    Base,
    #[category(1500..=2999)]
    Pod,
    #[category(3000..=3999)]
    Deployment,
}

fn main() {}
