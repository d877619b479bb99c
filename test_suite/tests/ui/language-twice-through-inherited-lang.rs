use error_code::{ErrorCategory, ErrorCode};

// The untagged text takes its category's `lang`, or that of the enum that
// composes it: a tagged text of the same language would be a second one,
// as with the enum's own `lang`.
#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(lang = "zh")]
pub enum Category {
    /// 其他错误
    #[category(9000..=9999)]
    Other,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Other)]
pub enum OtherError {
    /// 出错了
    #[code(9001, status = 500, message(zh = "另一个中文", en = "Failed"))]
    Broken,
}

#[derive(Debug, ErrorCode)]
pub enum PodError {
    /// Pod missing
    #[code(2001, status = 404, message(ZH = "找不到 Pod"))]
    NotFound,
}

#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh")]
pub enum ApiError {
    #[code(transparent)]
    Pod(PodError),
}

fn main() {}
