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

// A field's type is checked beside the mistakes the macro finds: all are
// reported in one build.
#[derive(Debug, ErrorCode)]
enum Mixed {
    /// Not sent {at}
    #[code(2004, status = 400)]
    NotSent { at: std::time::Instant },
    #[code(2010, status = 429, message = "Later")]
    Later(#[retry_after] String),
    #[code(2011, status = 400, message = "Fields")]
    Fields {
        #[violations]
        v: Vec<String>,
    },
    #[code(2005, status = 400, message("en US" = "y"))]
    BadLanguage,
}

// And in a generic enum, under the bounds the real impl has.
#[derive(Debug, ErrorCode)]
enum Generic<'a, T: std::fmt::Debug> {
    #[code(2012, status = 429, message = "Later")]
    Later {
        #[retry_after]
        wait: &'a str,
    },
    #[code(2013, status = 400, message = "Shown {shown}")]
    Shown { shown: T },
    #[code(2014, status = 400, colour = "red")]
    Coloured,
}

fn main() {}
