use error_code::ErrorCode;

#[derive(Debug, ErrorCode)]
enum PodError {
    /// Pods
    #[code(2001, status = 400, message(en = "{count ->[one]one pod[other]{count} pods}"))]
    NoDefault { count: u32 },
    /// Pods
    #[code(2002, status = 400, message(en = "{cuont ->[one]one pod*[other]pods}"))]
    NoField { count: u32 },
    /// Write {json} as text
    #[code(2003, status = 400)]
    Braces { count: u32 },
    /// {ratio ->[one]about one*[other]{ratio}}
    #[code(2004, status = 400)]
    Float { ratio: f64 },
    #[code(2005, status = 400, message(fr = "{on ->[true]oui*[other]non}"))]
    Boolean { on: bool },
    #[code(2006, status = 400, message = "{left ->[0]none[ones]one left*[other]{left} left}")]
    NoSuchCategory { left: Option<u32> },
    #[code(2007, status = 400, message = "{n ->[0]{m ->[1]a*[other]b}*[other]c {n}}")]
    Nested { n: u32, m: u32 },
    #[code(2008, status = 400, message = "{n ->[0]{m ->[1]a*[other]b {m}}*[other]c {n}}")]
    NestedParam { n: u32, m: u32 },
    #[code(2009, status = 400, message = "{n ->[1.0]one*[other]{n}}")]
    WholeKey { n: u32 },
    /// {n ->[0]5 * 3*[other]c}
    #[code(2010, status = 400)]
    Star { n: u32 },
}

fn main() {}
