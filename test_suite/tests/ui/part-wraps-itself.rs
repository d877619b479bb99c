use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum Recursive {
    #[code(1, status = 400)]
    Leaf,
    #[code(transparent)]
    Nested(Box<Self>),
    #[code(transparent)]
    Named(Box<Recursive>),
}

fn main() {
    let _ = Recursive::Leaf.code();
}
