use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
#[error_code(translations = "tests/ui/i18n/mistakes/{lang}/errors.ftl")]
enum PodError {
    /// Pod {name} not found
    #[code(2001, status = 404)]
    NotFound { name: String },
    /// Pod exists
    #[code(2002, status = 409, message(fr = "Le pod existe"))]
    Exists,
    /// Count
    #[code(2003, status = 400)]
    Count { count: bool },
    /// Ref
    #[code(2004, status = 400)]
    Ref { id: String },
    /// Ratio
    #[code(2005, status = 400)]
    Ratio { ratio: Option<f64> },
    /// Termed
    #[code(2006, status = 400)]
    Termed,
    /// Called {n}
    #[code(2007, status = 400)]
    Called { n: u32 },
    /// Left
    #[code(2009, status = 400)]
    Left { left: u32 },
    /// A name no Fluent id can be
    #[code(2008, status = 400, name = "pod.gone")]
    Gone,
}

fn main() {}
