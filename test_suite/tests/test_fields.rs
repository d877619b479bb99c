//! Variants with data, generic enums, and thiserror on the same enum.

use error_code::{ErrorCode, StatusCode};
use std::error::Error as _;
use std::fmt::Debug;

#[derive(Debug, thiserror::Error, ErrorCode)]
pub enum PodError {
    /// 获取 Pod 失败
    #[error("pod {name} not found in {namespace}")]
    #[code(2001, status = 404)]
    NotFound { namespace: String, name: String },
    /// 获取 Pod 事件失败
    #[error("listing events failed")]
    #[code(2002, status = 502)]
    Events(#[source] std::io::Error),
    /// 参数不合法
    #[error("bad limit")]
    #[code(1001, status = 400)]
    BadLimit,
}

#[test]
fn thiserror_and_error_code_side_by_side() {
    let e = PodError::NotFound {
        namespace: "default".into(),
        name: "web".into(),
    };
    assert_eq!(e.to_string(), "pod web not found in default");
    assert_eq!((e.code(), e.status()), (2001, StatusCode::NOT_FOUND));
    assert_eq!(e.message(), "获取 Pod 失败");
    let e = PodError::Events(std::io::Error::other("connection reset"));
    assert_eq!(e.code(), 2002);
    assert_eq!(
        e.source().map(ToString::to_string).as_deref(),
        Some("connection reset")
    );
    assert_eq!(PodError::BadLimit.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn catalog_holds_data_variants_too() {
    let codes: Vec<u32> = PodError::CATALOG.iter().map(|e| e.code()).collect();
    assert_eq!(codes, [1001, 2001, 2002]);
}

#[derive(Debug, ErrorCode)]
pub enum Generic<'a, T: Debug, const N: usize>
where
    T: Clone,
{
    /// 记录不存在
    #[code(1002, status = 404)]
    Missing(&'a str),
    /// 参数不合法
    #[code(1001, status = 400)]
    Invalid { value: T, limits: [u8; N] },
}

#[test]
fn generic_enums_with_lifetimes_and_const_parameters() {
    let e: Generic<'_, u8, 2> = Generic::Missing("x");
    assert_eq!((e.code(), e.name()), (1002, "Missing"));
    let e: Generic<'_, String, 1> = Generic::Invalid {
        value: "v".into(),
        limits: [1],
    };
    assert_eq!((e.code(), e.status()), (1001, StatusCode::BAD_REQUEST));
    assert_eq!(Generic::<'static, u8, 0>::CATALOG.len(), 2);
}

#[derive(Debug, PartialEq, Eq, ErrorCode)]
pub enum Fieldless {
    #[code(1, status = 400)]
    A,
}

#[derive(Debug, ErrorCode)]
pub enum Composed<T: Debug> {
    #[code(transparent)]
    Part(Fieldless),
    #[code(transparent)]
    Pod(PodError),
    /// 泛型
    #[code(7, status = 500)]
    Carry(T),
}

#[test]
fn generic_enum_composing_concrete_parts() {
    let e: Composed<u8> = Composed::Pod(PodError::BadLimit);
    assert_eq!(e.code(), 1001);
    let codes: Vec<u32> = Composed::<u8>::CATALOG.iter().map(|e| e.code()).collect();
    assert_eq!(codes, [1, 7, 1001, 2001, 2002]);
    assert_eq!(
        Composed::<u8>::CATALOG.get(7).map(|e| e.message()),
        Some("泛型")
    );
}

#[derive(Debug, ErrorCode)]
pub enum Composite {
    #[code(transparent)]
    Part(Fieldless),
    #[code(transparent)]
    Pod(PodError),
}

#[test]
fn from_code_through_parts_returns_fieldless_values_only() {
    // A part has variants with fields: the inherent `from_code` does not
    // compile here (a UI case shows it); the trait's answers `None` for them.
    let find = <Composite as error_code::FromCode>::from_code;
    assert_eq!(find(1).map(|e| e.code()), Some(1));
    assert_eq!(find(1001).map(|e| e.code()), Some(1001));
    // 2001 carries fields: no value can be made from the code alone.
    assert!(find(2001).is_none());
    assert!(find(3).is_none());
}

#[derive(Debug, ErrorCode)]
pub enum Empty {}

#[test]
fn empty_enum_has_an_empty_catalog() {
    assert!(Empty::CATALOG.is_empty());
    assert!(Empty::from_code(1).is_none());
}

#[derive(Debug, ErrorCode)]
pub enum Undocumented {
    #[code(5, status = 418)]
    Teapot,
    /// Explicit message wins over the doc comment.
    #[code(6, status = 422, message = "unprocessable")]
    Unprocessable,
}

#[test]
fn message_falls_back_to_the_name_and_odd_statuses_are_kept() {
    assert_eq!(Undocumented::Teapot.message(), "Teapot");
    assert_eq!(Undocumented::Teapot.status().as_u16(), 418);
    assert_eq!(Undocumented::Unprocessable.message(), "unprocessable");
}

#[derive(Debug, ErrorCode)]
pub enum DefaultStatus {
    #[code(8)]
    NoStatus,
}

#[test]
fn status_defaults_to_500() {
    assert_eq!(
        DefaultStatus::NoStatus.status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
}

#[test]
fn detail_is_the_display_where_the_type_has_one() {
    let e = PodError::NotFound {
        namespace: "default".into(),
        name: "web".into(),
    };
    assert_eq!(
        e.detail().map(ToString::to_string).as_deref(),
        Some("pod web not found in default")
    );
    assert!(Fieldless::A.detail().is_none(), "no Display: no detail");
    let generic: Generic<'_, u8, 0> = Generic::Missing("x");
    assert!(generic.detail().is_none());
    let dynamic: &dyn ErrorCode = &e;
    assert!(dynamic.detail().is_some());
}

#[test]
fn trait_lookup_finds_fieldless_codes_of_types_with_data() {
    use error_code::FromCode;
    assert!(matches!(
        <PodError as FromCode>::from_code(1001),
        Some(PodError::BadLimit)
    ));
    assert!(
        <PodError as FromCode>::from_code(2001).is_none(),
        "2001 carries fields"
    );
    assert!(<PodError as FromCode>::from_code(9).is_none());
}
