use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code(2001, status = 404, status = 500)]
    GetPod,
    #[code(2002, message = "a", name = "B", message = "c")]
    GetPodEvent,
}

fn main() {}
