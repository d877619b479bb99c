use error_code::ErrorCode;

#[derive(Debug, thiserror::Error, ErrorCode)]
enum FileError {
    // No doc comment: the `#[error]` text is the message, and it names the
    // source.
    #[error("cannot read {path}: {source}")]
    #[code(1001, status = 400)]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// 文件不存在
    #[error("missing {0}")]
    #[code(1002, status = 404)]
    Missing(#[from] std::fmt::Error),
}

fn main() {}
