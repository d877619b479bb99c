use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum Wrapper<E> {
    #[code(transparent)]
    Inner(E),
    #[code(1, status = 500)]
    Other,
}

fn main() {}
