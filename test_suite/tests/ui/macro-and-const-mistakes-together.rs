use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(reserved = 6000..=8999)]
pub enum Category {
    #[category(2000..=2999)]
    Pod,
}

// Mistakes the macro sees (a duplicate, a retired code) and mistakes only
// const evaluation sees (codes outside the category) in one build.
#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Pod, retired = [2003])]
pub enum PodError {
    #[code(2001, status = 404)]
    A,
    #[code(2001, status = 404)]
    B,
    #[code(2003, status = 404)]
    C,
    #[code(3001, status = 404)]
    D,
    #[code(6001, status = 404)]
    E,
}

fn main() {}
