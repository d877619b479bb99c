use error_code::ErrorCode;

// An empty message or domain says nothing: an error at the string, not a
// body with `"message":""`. A field marked #[param] twice: one error.
#[derive(Debug, ErrorCode)]
#[error_code(domain = "")]
pub enum E {
    /// The doc comment an empty `message` would have hidden
    #[code(1001, status = 400, message = " ")]
    Blank,
    /// Twice {a}
    #[code(1002, status = 400)]
    Twice {
        #[param]
        #[param]
        a: u8,
    },
}

fn main() {}
