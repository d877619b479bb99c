//! A generic category enum is one mistake, said once each: code that
//! names it (its category in an enum's attribute, `of`) says nothing more.
use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Cat<'a> {
    /// Pod
    #[category(2000..=2999)]
    Pod,
    #[category(3000..=3999)]
    Other(std::marker::PhantomData<&'a ()>),
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Cat::Pod)]
pub enum PodError {
    /// Gone
    #[code(2001, status = 404)]
    Gone,
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum GCat<T> {
    /// Pod
    #[category(2000..=2999)]
    Pod,
    #[category(3000..=3999)]
    Other(std::marker::PhantomData<T>),
}

fn main() {
    let _ = Cat::of(2001);
    let _ = GCat::<u8>::of(2001);
}
