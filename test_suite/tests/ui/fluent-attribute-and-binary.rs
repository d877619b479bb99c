use error_code::ErrorCode;

// An attribute has nowhere to go: an error, not dropped.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/attributes/{lang}/errors.ftl")]
enum WithAttribute {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
}

// A file that is not UTF-8 is one error: no "no file matches" besides.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/binary/{lang}/errors.ftl")]
enum NotText {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
}

fn main() {}
