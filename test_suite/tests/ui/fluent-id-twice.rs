use error_code::ErrorCode;

// The file starts with a byte-order mark, which is no mistake; an id
// given twice is.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/twice/{lang}/errors.ftl")]
enum PodError {
    /// Pod {name} not found
    #[code(2001, status = 404)]
    NotFound { name: String },
    /// Pod exists
    #[code(2002, status = 409)]
    Exists,
}

fn main() {}
