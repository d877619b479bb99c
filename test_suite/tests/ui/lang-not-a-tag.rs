use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, ErrorCode)]
#[error_code(lang = "Chinese (simplified)")]
pub enum PodError {
    /// 获取 Pod 失败
    #[code(2001, status = 404)]
    GetPod,
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(lang = "zh_CN")]
pub enum Category {
    /// Pod 相关错误
    #[category(2000..=2999)]
    Pod,
}


/// Subtags of letters and digits, but not in a language tag's order.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "123")]
pub enum Misshapen {
    /// a
    #[code(1001, status = 404, message(e = "x", "a-b" = "y", "en-US-x" = "z", "zh-Hant-TW" = "w"))]
    A,
}

fn main() {}
