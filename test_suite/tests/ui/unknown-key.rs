use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
#[error_code(categroy = Category::PodError)]
pub enum PodError {
    #[code(2001, stauts = 404)]
    GetPod,
}

fn main() {}
