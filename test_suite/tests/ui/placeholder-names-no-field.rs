use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
enum PodError {
    /// Pod {nmae} not found in {namespace}
    #[code(2001, status = 404, message(zh = "找不到 Pod {name}，{zone}"))]
    NotFound { name: String, namespace: String },
    #[code(2002, status = 400, message = "bad value {0}")]
    Unit,
}

fn main() {}

#[derive(Debug, ErrorCode)]
enum Lines {
    /// Pod {name} not found
    /// in {nmespace}
    #[code(2003, status = 404)]
    NotFound { name: String, namespace: String },
    #[doc = "Attribute {nope}"]
    #[code(2004, status = 404)]
    Attribute { name: String },
}
