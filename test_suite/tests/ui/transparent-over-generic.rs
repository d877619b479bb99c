use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum Base {
    #[code(1001, status = 400)]
    Bad,
}

// One error at the generic part: no `From<E>` besides it to clash with
// `From<Base>` where `E` is `Base`.
#[derive(Debug, ErrorCode)]
pub enum Wrapper<E> {
    #[code(transparent)]
    Base(Base),
    #[code(transparent)]
    Inner(E),
    #[code(1, status = 500)]
    Other,
}

fn main() {}
