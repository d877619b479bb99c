//! Generated code uses absolute paths only: it compiles in a module without
//! the prelude, with common names shadowed, and through a renamed path.

#![no_implicit_prelude]
#![allow(dead_code)]

#[allow(non_camel_case_types, non_upper_case_globals, unused_macros)]
mod shadowed {
    ::std::include!("common/hygiene_shadows.rs");

    #[derive(::error_code::ErrorCategory)]
    #[category(reserved = 30..=39)]
    pub enum Category {
        /// First
        #[category(10..=19)]
        First,
        /// Second
        #[category(20..=29)]
        Second,
    }

    #[derive(::error_code::ErrorCode)]
    #[error_code(category = Category::First)]
    pub enum First {
        /// One
        #[code(11, status = 400)]
        One,
        #[code(12, status = 404, name = "Two", message = "two")]
        Two { detail: ::std::string::String },
    }

    #[derive(::error_code::ErrorCode)]
    #[error_code(scheme = Category)]
    pub enum Flat<T> {
        #[code(21, status = 500)]
        A(T),
    }

    #[derive(::error_code::ErrorCode)]
    pub enum Api {
        #[code(transparent)]
        First(First),
        #[code(transparent)]
        Flat(Flat<u8>),
        #[code(99, status = 503)]
        Down,
    }

    /// Read back from its params, next to constants named like the
    /// generated functions' parameters.
    #[derive(::error_code::ErrorCode)]
    #[error_code(from_params)]
    pub enum WithParams {
        /// Pod {name} is missing
        #[code(51, status = 404)]
        Missing { name: ::std::string::String },
    }

    #[derive(::error_code::ErrorCode)]
    pub enum Borrowing<'b> {
        #[code(42, status = 400)]
        Bad(&'b ::core::primitive::str),
    }

    /// Lifetimes named like those of the generated bounds.
    #[derive(::error_code::ErrorCode)]
    pub enum Lifetimes<'__e, '__a, '__w> {
        #[code(transparent)]
        Part(Borrowing<'__a>),
        #[code(41, status = 400)]
        Own(&'__e ::core::primitive::str, &'__w ::core::primitive::str),
    }

    /// The facade under another name, as a renamed dependency would be.
    pub mod renamed {
        pub use ::error_code::*;
    }

    #[derive(::error_code::ErrorCode)]
    #[error_code(crate = self::renamed)]
    pub enum ThroughRenamed {
        #[code(7, status = 409)]
        Conflict,
    }
}

#[test]
fn derived_items_work_without_the_prelude() {
    use ::error_code::{ErrorCategory as _, ErrorCode as _};
    ::std::assert_eq!(shadowed::Api::CATALOG.len(), 4);
    ::std::assert_eq!(shadowed::Api::Down.code(), 99);
    let api = <shadowed::Api as ::error_code::FromCode>::from_code(11);
    ::std::assert!(::std::matches!(
        api,
        ::std::option::Option::Some(shadowed::Api::First(shadowed::First::One))
    ));
    ::std::assert_eq!(
        shadowed::Category::of(25).map(|c| c.name()),
        ::std::option::Option::Some("Second")
    );
    ::std::assert_eq!(shadowed::ThroughRenamed::Conflict.status().as_u16(), 409);
    ::std::assert_eq!(
        shadowed::Lifetimes::Part(shadowed::Borrowing::Bad("x")).code(),
        42
    );
    ::std::assert_eq!(shadowed::Lifetimes::Own("x", "y").code(), 41);
    let missing = shadowed::WithParams::Missing {
        name: <::std::string::String as ::std::convert::From<&::core::primitive::str>>::from("web"),
    };
    ::std::assert_eq!(missing.code(), 51);
}
