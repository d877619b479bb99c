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

fn main() {}
