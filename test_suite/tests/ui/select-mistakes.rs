use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
enum PodError {
    /// Pods
    #[code(2001, status = 400, message(en = "{count ->[one]one pod[other]{count} pods}"))]
    NoDefault { count: u32 },
    /// Pods
    #[code(2002, status = 400, message(en = "{cuont ->[one]one pod*[other]pods}"))]
    NoField { count: u32 },
    /// Write {json} as text
    #[code(2003, status = 400)]
    Braces { count: u32 },
}

fn main() {}
