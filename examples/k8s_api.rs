//! The API of the seed document: a Kubernetes dashboard's error codes,
//! declared once as Rust enums.
//!
//! `cargo run --example k8s_api` prints every code with its status, name and
//! message.

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
    /// Service 相关错误
    #[category(4000..=4999)]
    ServiceError,
    /// Terminal 相关错误
    #[category(5000..=5999)]
    TerminalError,
    /// 其他类型错误
    #[category(9000..=9999)]
    OtherError,
}

/// 基础错误
#[derive(Debug, ErrorCode)]
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
#[derive(Debug, ErrorCode)]
#[error_code(category = Category::PodError)]
pub enum PodError {
    /// 获取 Pod 失败
    #[code(2001, status = 404)]
    GetPodError,
    /// 获取 Pod 事件失败
    #[code(2002, status = 500)]
    GetPodEventError,
}

/// Deployment 类型错误
#[derive(Debug, ErrorCode)]
#[error_code(category = Category::DeploymentError)]
pub enum DeploymentError {
    /// 获取 Deployment 失败
    #[code(3001, status = 404)]
    GetDeploymentError,
}

/// Service 类型错误
#[derive(Debug, ErrorCode)]
#[error_code(category = Category::ServiceError)]
pub enum ServiceError {
    /// 获取 Service 失败
    #[code(4001, status = 404)]
    GetServiceError,
}

/// Terminal 类型错误
#[derive(Debug, ErrorCode)]
#[error_code(category = Category::TerminalError)]
pub enum TerminalError {
    /// 获取 Terminal 失败
    #[code(5001, status = 500)]
    GetTerminalError,
    /// Websocket 相关错误
    #[code(5002, status = 500)]
    WebsocketError,
    /// 请求 K8s Exec 命令错误
    #[code(5003, status = 502)]
    RequestK8sExecError,
}

/// 其他错误
#[derive(Debug, ErrorCode)]
#[error_code(category = Category::OtherError)]
pub enum OtherError {
    /// 获取集群信息错误
    #[code(9001, status = 502)]
    GetClusterError,
    /// 获取 Endpoint 错误
    #[code(9002, status = 502)]
    GetEndpointError,
    /// 获取 Node 错误
    #[code(9003, status = 502)]
    GetNodeError,
}

/// The API's error: every category's enum composed into one.
#[derive(Debug, ErrorCode)]
pub enum ApiError {
    #[code(transparent)]
    Base(BaseError),
    #[code(transparent)]
    Pod(PodError),
    #[code(transparent)]
    Deployment(DeploymentError),
    #[code(transparent)]
    Service(ServiceError),
    #[code(transparent)]
    Terminal(TerminalError),
    #[code(transparent)]
    Other(OtherError),
}

fn main() {
    for entry in ApiError::CATALOG {
        let category = entry.category().map_or("-", |c| c.name());
        println!(
            "{} {:>3} {:<20} {:<16} {}",
            entry.code(),
            entry.status().as_u16(),
            entry.name(),
            category,
            entry.message()
        );
    }
    let err = ApiError::from_code(2001).expect("2001 is a Pod error");
    println!("{err:?}: {} {}", err.status(), err.message());
    println!("{:?}", Category::of(6001));
}
