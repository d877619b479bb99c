use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
enum ApiError {
    /// Invalid
    #[code(1001, status = 400)]
    Invalid {
        #[violations]
        fields: Vec<String>,
    },
    /// Busy
    #[code(1503, status = 503)]
    Busy {
        #[retry_after]
        wait: String,
    },
}

fn main() {}
