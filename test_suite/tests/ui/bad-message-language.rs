use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    #[code(2001, status = 404, message(en = "a", "zh Hans" = "b", EN = "c"))]
    GetPod,
    #[code(2002, status = 404, deprecated = 3)]
    Old,
}

fn main() {}
