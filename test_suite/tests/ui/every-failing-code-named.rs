use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    #[category(1000..=1999)]
    Base,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Base)]
pub enum Thirty {
    #[code(3000)] A00, #[code(3001)] A01, #[code(3002)] A02, #[code(3003)] A03, #[code(3004)] A04,
    #[code(3005)] A05, #[code(3006)] A06, #[code(3007)] A07, #[code(3008)] A08, #[code(3009)] A09,
    #[code(3010)] A10, #[code(3011)] A11, #[code(3012)] A12, #[code(3013)] A13, #[code(3014)] A14,
    #[code(3015)] A15, #[code(3016)] A16, #[code(3017)] A17, #[code(3018)] A18, #[code(3019)] A19,
    #[code(3020)] A20, #[code(3021)] A21, #[code(3022)] A22, #[code(3023)] A23, #[code(3024)] A24,
    #[code(3025)] A25, #[code(3026)] A26, #[code(3027)] A27, #[code(3028)] A28, #[code(3029)] A29,
}

fn main() {}
