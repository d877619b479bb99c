use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
enum PodError {
    /// Bad
    #[code(2001, status = 400)]
    Bad {
        #[param(rename = "w")]
        why: String,
    },
}

fn main() {}
