use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    /// 获取 Pod 失败
    #[code(2001, status = 404, message(en-GB = "Pod not found"))]
    GetPod,
}

fn main() {}
