// Names a user's module may define, which generated code must not pick up.
pub struct Result;
pub struct Option;
pub struct Some;
pub struct None;
pub struct Ok;
pub struct Err;
pub struct u32;
pub struct u16;
pub struct str;
pub struct bool;
pub struct usize;
pub mod core {}
pub mod std {}
pub mod error_code {}
pub mod http {}
pub trait ErrorCode {}
pub trait ErrorCategory {}
pub trait Lookup {}
pub trait FromCode {}
// Values a generated function's parameters would be taken for.
pub const code: u8 = 0;
pub const params: u8 = 0;
pub const error: u8 = 0;
pub const inner: u8 = 0;
pub const value: u8 = 0;
pub const f: u8 = 0;
macro_rules! panic {
    ($($t:tt)*) => {
        compile_error!("generated code must call ::core::panic!")
    };
}
macro_rules! matches {
    ($($t:tt)*) => {
        compile_error!("generated code must not call a bare matches!")
    };
}
