use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
enum PodError {
    #[doc = concat!("Pod {", "nmae} not found")]
    #[code(2001, status = 404)]
    NotFound { name: String },
    #[doc = concat!("Literal {{", "braces}} are fine")]
    #[code(2002, status = 400)]
    Braces,
}

fn main() {}
