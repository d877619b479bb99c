use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
#[error_code(categroy = Category::PodError)]
pub enum PodError {
    #[code(2001, stauts = 404)]
    GetPod,
    // A key skipped hides none of the variant's other mistakes.
    /// Pod {nope}
    #[code(2001, status = 600, bogus = 1)]
    Hidden { y: u32 },
}

fn main() {}
