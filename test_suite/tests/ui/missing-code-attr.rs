use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code(2001, status = 404)]
    GetPod,
    /// Forgot the attribute.
    GetPodEvent,
}

fn main() {}
