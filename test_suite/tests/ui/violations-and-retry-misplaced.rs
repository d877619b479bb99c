use error_code::{ErrorCode, Violations};

#[derive(Debug, ErrorCode)]
enum Part {
    /// Part
    #[code(1, status = 400)]
    A,
}

#[derive(Debug, ErrorCode)]
enum ApiError {
    /// Invalid
    #[code(1001, status = 400, retry_after = 0)]
    Invalid {
        #[violations]
        fields: Violations,
        #[violations]
        more: Violations,
    },
    #[code(transparent)]
    Wrapped(#[retry_after] Part),
    /// Busy
    #[code(1503, status = 503, retry_after = "soon")]
    Busy,
}

fn main() {}
