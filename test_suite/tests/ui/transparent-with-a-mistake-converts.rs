//! A part's `From` is there whatever follows `transparent`: a trailing
//! comma is none of a mistake, and a key after it is its own, said once;
//! no `?` that converts the part says more.
use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum PodError {
    /// Pod gone
    #[code(2001, status = 404)]
    Gone,
}

#[derive(Debug, ErrorCode)]
pub enum NodeError {
    /// Node gone
    #[code(3001, status = 404)]
    Gone,
}

#[derive(Debug, ErrorCode)]
pub enum Api {
    #[code(transparent,)]
    Pod(PodError),
    #[code(transparent, status = 404)]
    Node(NodeError),
}

fn pod() -> Result<(), Api> {
    Err(PodError::Gone)?;
    Ok(())
}

fn node() -> Result<(), Api> {
    Err(NodeError::Gone)?;
    Ok(())
}

fn main() {
    let _ = (pod(), node());
}
