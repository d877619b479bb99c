use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
enum PodError {
    /// The body must be {"replicas": 3}
    #[code(2001, status = 400)]
    BadBody,
    /// Closing } alone
    #[code(2002, status = 400)]
    Closing,
}

fn main() {}
