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
    // Nor the type of one of its fields.
    #[code(2002, status = 400, bogus = 2, message = "at {at}")]
    Timed { at: std::time::Instant },
    // `transparent` given a value: that one mistake, no missing code too.
    #[code(transparent = 1)]
    Wrapped(u8),
}

fn main() {}
