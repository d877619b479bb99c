use error_code::{ErrorCategory, ErrorCode};

// The category enum has a mistake: the enums that use it see no follow-on error.
#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    #[category(2000..=1000)]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(category = Category::Pod)]
pub enum PodError {
    #[code(2001, status = 404)]
    GetPod,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Category)]
pub enum FlatError {
    #[code(2002, status = 404)]
    GetPodEvent,
}

// This enum has a mistake: code that uses it sees no follow-on error.
#[derive(Debug, ErrorCode)]
pub enum Broken {
    #[code(1, status = 200)]
    A,
}

#[derive(Debug, ErrorCode)]
pub enum Api {
    #[code(transparent)]
    Broken(Broken),
    #[code(transparent)]
    Pod(PodError),
}

fn main() {
    let _ = Broken::A.code();
    let _ = Broken::from_code(1);
    let _ = Broken::CATALOG.len();
    let _ = Api::from_code(1);
    let _ = Category::Pod.info();
    let _ = FlatError::GetPodEvent.status();
}
