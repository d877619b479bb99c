use error_code::ErrorCategory;

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999)]
#[category(reserved = 2500..=2599)]
pub enum Category {
    #[category(2000..=2999)]
    Pod,
    #[category(9000..=9999)]
    Other,
}

fn main() {}
