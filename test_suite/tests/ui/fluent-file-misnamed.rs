use error_code::ErrorCode;

// `de/pod.ftl` is no `de/pods.ftl`: said, not silently no German.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/misnamed/{lang}/pods.ftl")]
enum PodError {
    /// Gone
    #[code(2001, status = 404)]
    Gone,
}


// `en/pods.ftl` is a directory: said as one.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/folders/{lang}/pods.ftl")]
enum FolderError {
    /// Gone
    #[code(2001, status = 404)]
    Gone,
}

// `{lang}` twice is the tag twice: `de/de.ftl` is read, and says nothing.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/folders/{lang}/{lang}.ftl")]
enum TwiceError {
    /// Gone
    #[code(2001, status = 404)]
    Gone,
}

// `{lang}` twice in one name: `de-de.ftl` is German, and says nothing.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/pairs/{lang}-{lang}.ftl")]
enum PairError {
    /// Gone
    #[code(2001, status = 404)]
    Gone,
}

fn main() {}
