use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum E {
    #[code(1, status = 400)]
    N,
    #[code(2, status = 400, name = "N")]
    Other,
    #[code(3, status = 400, name = " ")]
    Blank,
    #[code(4, status = 400, name = "N")]
    Third,
    #[code(5, status = 400)]
    GetPod,
    // One gRPC reason (`GET_POD`) and one client name (`GetPod`).
    #[code(6, status = 400, name = "get_pod")]
    Snake,
    // Names without an ASCII letter are told apart by their codes.
    #[code(7, status = 400, name = "名前")]
    Seventh,
    #[code(8, status = 400, name = "名前!")]
    Eighth,
}

fn main() {}
