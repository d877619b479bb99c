//! A value said to be wrong (`grpc = NOPE`) leaves the variant's other
//! mistakes to be said with it: a mark given twice, a placeholder naming
//! no field, a status that is no error's, in the same attribute or
//! elsewhere. A wrong name or message is said alone: the text that would
//! stand in for it (the doc comment, the variant's name) is not the
//! user's, and its mistakes would be none of theirs.
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
    /// {braces} that are no placeholder of the message given
    #[code(2006, status = 404, message = 5)]
    G,
    #[code(2007, status = 404, name = "H2")]
    H,
    #[code(2008, status = 404, name = H2)]
    H2,
    /// m {nope}
    #[code(2009, grpc = 5, status = 200)]
    I,
}

fn main() {}
