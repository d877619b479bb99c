use error_code::ErrorCode;

// Fluent names its variables: a tuple field is no placeable in a file.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/tuple/{lang}/errors.ftl")]
enum PodError {
    /// The pair {0} and {1}
    #[code(2001, status = 400)]
    Pair(u8, u8),
}

fn main() {}
