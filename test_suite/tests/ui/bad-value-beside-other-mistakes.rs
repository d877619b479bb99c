//! A value said to be wrong (`name = 5`) leaves the variant's other
//! mistakes to be said with it: a mark given twice, a placeholder naming
//! no field, a status that is no error's, in the same attribute or
//! elsewhere.
use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
pub enum E {
    /// Pod {nope}
    #[code(2001, name = 5, status = 200)]
    A {
        #[param]
        #[param]
        x: u8,
    },
    /// Gone {missing}
    #[code(2002, status = 404, grpc = NOPE, retry_after = -1, deprecated = 3)]
    B,
    #[code(2003, status = 404, message = 5)]
    C { y: u8 },
    /// Late {later}
    #[code(2004, status = 404, message(en = "x", en = "y"))]
    D,
    /// Code {none}
    #[code("2005", status = 404)]
    F,
}

fn main() {}
