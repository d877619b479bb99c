use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
#[param]
enum PodError {
    /// Busy
    #[retry_after]
    #[code(2001, status = 503)]
    Busy { wait: u64 },
    /// Invalid
    #[violations]
    #[code(2002, status = 400)]
    Invalid,
}

fn main() {}
