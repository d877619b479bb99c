use error_code::ErrorCode;

#[derive(Debug)]
struct Opaque;

impl std::fmt::Display for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("opaque")
    }
}

#[derive(Debug)]
struct Hidden;

#[derive(Debug, ErrorCode)]
enum PodError {
    /// Pod {pod} failed
    #[code(2001, status = 400)]
    Failed { pod: Opaque },
    /// Bad
    #[code(2002, status = 400)]
    Bad {
        #[param]
        why: Hidden,
    },
}

fn main() {}
