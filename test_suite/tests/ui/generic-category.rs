use error_code::ErrorCategory;

// A category enum is no generic type: that one error, and no other from
// the impl it would have.
#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category<T> {
    #[category(1000..=1999)]
    Base,
    #[category(2000..=2999)]
    Pod(std::marker::PhantomData<T>),
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Borrowed<'a> {
    #[category(1000..=1999)]
    Base,
    #[category(2000..=2999)]
    Pod(&'a str),
}

fn main() {}
