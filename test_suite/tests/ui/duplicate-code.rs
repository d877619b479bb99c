use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code(2001, status = 404)]
    GetPod,
    #[code(2002, status = 500)]
    GetPodEvent,
    #[code(2001, status = 500)]
    ListPods,
}

fn main() {}
