use error_code::{ErrorCategory, ErrorCode};

// With `lang`, the untagged text is that language's: a tagged text of the
// same language would be a second one.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh")]
pub enum PodError {
    /// 找不到 Pod
    #[code(2001, status = 404, message(zh = "Pod 不存在", en = "Pod not found"))]
    NotFound,
    /// 已存在
    #[code(2002, status = 409, message(EN = "Exists"))]
    Exists,
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(lang = "zh")]
pub enum Category {
    /// Pod 错误
    #[category(2000..=2999, description(zh = "Pod 的错误"))]
    Pod,
}

fn main() {}
