use error_code::ErrorCode;

// `de/pod.ftl` is no `de/pods.ftl`: said, not silently no German.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/misnamed/{lang}/pods.ftl")]
enum PodError {
    /// Gone
    #[code(2001, status = 404)]
    Gone,
}

fn main() {}
