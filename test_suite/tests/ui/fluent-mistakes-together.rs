use error_code::ErrorCode;

// A message with a mistake still gives its code a text: the file's other
// mistakes (a second `.explanation`, a code it lacks) are each reported too.
#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/together/{lang}/errors.ftl")]
enum PodError {
    /// Pod {name} not found
    #[code(2001, status = 404)]
    GetPod { name: String },
    /// Events of {name} down
    #[code(2002, status = 500)]
    Events { name: String },
    /// Missing
    #[code(2003, status = 404)]
    Missing,
}

fn main() {}
