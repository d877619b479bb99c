//! The seed document's API, shared by the behaviour tests.

#![allow(dead_code, clippy::enum_variant_names)]

use error_code::{ErrorCategory, ErrorCode};

/// The API's code space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCategory)]
#[category(reserved = 6000..=8999)]
pub enum Category {
    /// 基础错误类型
    #[category(1000..=1999)]
    BaseError,
    /// Pod 相关错误
    #[category(2000..=2999)]
    PodError,
    /// Deployment 相关错误
    #[category(3000..=3999)]
    DeploymentError,
    /// 其他类型错误
    #[category(9000..=9999)]
    OtherError,
}

/// 基础错误
#[derive(Debug, PartialEq, Eq, ErrorCode)]
#[error_code(category = Category::BaseError)]
pub enum BaseError {
    /// 参数不合法
    #[code(1001, status = 400)]
    ParamInvalidError,
    /// 记录不存在
    #[code(1002, status = 404)]
    RecordNotExistError,
}

/// Pod 类型错误
#[derive(Debug, PartialEq, Eq, ErrorCode)]
#[error_code(category = Category::PodError)]
pub enum PodError {
    /// 获取 Pod 失败
    ///
    /// Only the first paragraph is the message.
    #[code(2001, status = 404)]
    GetPodError,
    #[code(
        2002,
        status = 500,
        message = "获取 Pod 事件失败",
        name = "PodEventError"
    )]
    GetPodEventError,
}

/// Codes declared out of order, over the whole scheme.
#[derive(Debug, PartialEq, Eq, ErrorCode)]
#[error_code(scheme = Category, status = 502)]
pub enum FlatError {
    /// 获取 Node 错误
    #[code(9003)]
    GetNodeError,
    /// 获取 Deployment 失败
    #[code(3001, status = 404)]
    GetDeploymentError,
}

/// The API's error.
#[derive(Debug, PartialEq, Eq, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Base(BaseError),
    #[code(transparent)]
    Pod(PodError),
    #[code(transparent)]
    Flat { inner: FlatError },
    /// 未知错误
    #[code(9999, status = 500)]
    Unknown,
}
