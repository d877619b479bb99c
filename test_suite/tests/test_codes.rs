mod common;

use common::{ApiError, BaseError, Category, FlatError, PodError};
use error_code::{ErrorCatalog, ErrorCategory, ErrorCode, FromCode, StatusCode};

#[test]
fn accessors_come_from_the_attributes() {
    let e = PodError::GetPodError;
    assert_eq!(e.code(), 2001);
    assert_eq!(e.status(), StatusCode::NOT_FOUND);
    assert_eq!(e.name(), "GetPodError");
    assert_eq!(e.message(), "获取 Pod 失败");

    let e = PodError::GetPodEventError;
    assert_eq!(e.code(), 2002);
    assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(e.name(), "PodEventError");
    assert_eq!(e.message(), "获取 Pod 事件失败");
}

#[test]
fn enum_default_status_applies_where_a_variant_gives_none() {
    assert_eq!(FlatError::GetNodeError.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(
        FlatError::GetDeploymentError.status(),
        StatusCode::NOT_FOUND
    );
}

#[test]
fn info_and_category_of_a_value() {
    let info = BaseError::RecordNotExistError.info();
    assert_eq!(info.code(), 1002);
    assert_eq!(info.status(), StatusCode::NOT_FOUND);
    assert_eq!(info.name(), "RecordNotExistError");
    assert_eq!(info.owner(), "BaseError");
    let category = BaseError::RecordNotExistError
        .category()
        .expect("has a category");
    assert_eq!(category.name(), "BaseError");
    assert_eq!(category.range(), 1000..=1999);
    assert_eq!(category.description(), "基础错误类型");
    assert_eq!(
        FlatError::GetNodeError.category().map(|c| c.name()),
        Some("OtherError")
    );
    assert_eq!(
        FlatError::GetDeploymentError.category().map(|c| c.name()),
        Some("DeploymentError")
    );
}

#[test]
fn transparent_variants_forward_everything() {
    let e = ApiError::Pod(PodError::GetPodEventError);
    assert_eq!(e.code(), 2002);
    assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(e.name(), "PodEventError");
    assert_eq!(e.message(), "获取 Pod 事件失败");
    assert_eq!(e.info(), PodError::GetPodEventError.info());
    let e = ApiError::Flat {
        inner: FlatError::GetNodeError,
    };
    assert_eq!((e.code(), e.status().as_u16()), (9003, 502));
    assert_eq!(ApiError::Unknown.code(), 9999);
    assert_eq!(ApiError::Unknown.category(), None);
}

/// Variants written with no fields, `T()` and `S {}`, are fieldless too.
#[derive(Debug, PartialEq, ErrorCode)]
pub enum EmptyFields {
    /// Tuple
    #[code(1101, status = 400)]
    Tuple(),
    /// Braced
    #[code(1102, status = 400)]
    Braced {},
    /// Unit
    #[code(1103, status = 400)]
    Unit,
}

/// Placeholders written otherwise than their params' names.
#[derive(Debug, ErrorCode)]
pub enum RawNames {
    /// Raw {r#type} and { name }
    #[code(1201, status = 400, message(de = "Roh {r#type}"))]
    Raw { r#type: String, name: u8 },
    /// { r#type -> [a] A { name } *[other] O { r#type } }
    #[code(1202, status = 400)]
    Select { r#type: String, name: u8 },
}

#[test]
fn the_catalog_writes_each_placeholder_as_its_params_name() {
    let error = RawNames::Raw {
        r#type: "t".into(),
        name: 7,
    };
    let info = error.info();
    assert_eq!(info.message(), "Raw {type} and {name}");
    assert_eq!(info.params(), ["type", "name"]);
    assert!(
        info.messages().contains(&("de", "Roh {type}")),
        "{:?}",
        info.messages()
    );
    let body = error_code::Reply::new(&error).to_json();
    assert!(body.contains(r#""message":"Raw t and 7""#), "{body}");
    let select = RawNames::Select {
        r#type: "a".into(),
        name: 7,
    };
    assert_eq!(
        select.info().message(),
        "{type -> [a] A {name} *[other] O {type} }"
    );
    let body = error_code::Reply::new(&select).to_json();
    assert!(body.contains("A 7"), "{body}");
}

/// `#[code(transparent,)]`: a trailing comma, as every other key list takes
/// (kept from rustfmt, which drops it).
#[rustfmt::skip]
#[derive(Debug, PartialEq, ErrorCode)]
pub enum TrailingComma {
    #[code(transparent,)]
    Empty(EmptyFields),
}

#[test]
fn variants_written_with_no_fields_are_found_by_code() {
    assert_eq!(EmptyFields::from_code(1101), Some(EmptyFields::Tuple()));
    assert_eq!(EmptyFields::from_code(1102), Some(EmptyFields::Braced {}));
    assert_eq!(EmptyFields::from_code(1103), Some(EmptyFields::Unit));
    let body = error_code::Reply::new(&EmptyFields::Tuple()).to_json();
    let remote = error_code::RemoteError::from_slice(body.as_bytes()).unwrap();
    assert_eq!(remote.typed::<EmptyFields>(), Ok(EmptyFields::Tuple()));
    assert_eq!(
        TrailingComma::from_code(1102),
        Some(TrailingComma::Empty(EmptyFields::Braced {}))
    );
}

#[test]
fn from_code_finds_every_fieldless_variant_and_nothing_else() {
    assert_eq!(PodError::from_code(2001), Some(PodError::GetPodError));
    assert_eq!(PodError::from_code(2002), Some(PodError::GetPodEventError));
    assert_eq!(PodError::from_code(1001), None);
    assert_eq!(PodError::from_code(0), None);
    assert_eq!(PodError::from_code(u32::MAX), None);
    assert_eq!(
        ApiError::from_code(1002),
        Some(ApiError::Base(BaseError::RecordNotExistError))
    );
    assert_eq!(
        ApiError::from_code(2001),
        Some(ApiError::Pod(PodError::GetPodError))
    );
    assert_eq!(
        ApiError::from_code(3001),
        Some(ApiError::Flat {
            inner: FlatError::GetDeploymentError
        })
    );
    assert_eq!(ApiError::from_code(9999), Some(ApiError::Unknown));
    assert_eq!(ApiError::from_code(2003), None);
    assert_eq!(
        <ApiError as FromCode>::from_code(9003).map(|e| e.code()),
        Some(9003)
    );
    for entry in ApiError::CATALOG {
        let value = ApiError::from_code(entry.code()).expect("every code maps back");
        assert_eq!(value.info(), entry);
    }
}

#[test]
fn catalog_is_sorted_and_is_the_union_of_the_parts() {
    let codes: Vec<u32> = ApiError::CATALOG.iter().map(|e| e.code()).collect();
    assert_eq!(codes, [1001, 1002, 2001, 2002, 3001, 9003, 9999]);
    let flat: Vec<u32> = FlatError::CATALOG.iter().map(|e| e.code()).collect();
    assert_eq!(flat, [3001, 9003]);
    assert_eq!(<PodError as ErrorCatalog>::CATALOG.len(), 2);
    let entry = ApiError::CATALOG.get(2002).expect("2002 is in the catalog");
    assert_eq!(entry.name(), "PodEventError");
    assert_eq!(entry.owner(), "PodError");
    assert!(ApiError::CATALOG.get(2003).is_none());
    assert!(!ApiError::CATALOG.is_empty());
}

// The catalog is readable in const context.
const API_CODES: usize = ApiError::CATALOG.len();
const FIRST: u32 = ApiError::CATALOG.entries()[0].code();
const HAS_2001: bool = ApiError::CATALOG.contains(2001);
const POD_RANGE_END: u32 = Category::CATEGORIES[1].end();

#[test]
fn catalog_and_categories_in_const_context() {
    assert_eq!(API_CODES, 7);
    assert_eq!(FIRST, 1001);
    const { assert!(HAS_2001) };
    assert_eq!(POD_RANGE_END, 2999);
}

#[test]
fn category_lookup_names_ranges_and_descriptions() {
    assert_eq!(Category::of(1500), Some(Category::BaseError));
    assert_eq!(Category::of(2999), Some(Category::PodError));
    assert_eq!(Category::of(6001), None);
    assert_eq!(Category::of(10_000), None);
    assert_eq!(Category::PodError.name(), "PodError");
    assert_eq!(Category::PodError.range(), 2000..=2999);
    assert_eq!(Category::PodError.description(), "Pod 相关错误");
    assert!(Category::is_reserved(7000));
    assert!(!Category::is_reserved(9000));
    assert_eq!(Category::ALL.len(), 4);
    assert_eq!(Category::ALL[3], Category::OtherError);
    assert_eq!(Category::RESERVED.len(), 1);
    assert_eq!(Category::RESERVED[0].range(), 6000..=8999);
    let names: Vec<&str> = Category::CATEGORIES.iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        ["BaseError", "PodError", "DeploymentError", "OtherError"]
    );
}

#[test]
fn category_trait_is_usable_generically() {
    fn names<C: error_code::ErrorCategory>() -> Vec<&'static str> {
        C::ALL.iter().map(error_code::ErrorCategory::name).collect()
    }
    assert_eq!(names::<Category>().len(), 4);
    assert_eq!(
        <Category as error_code::ErrorCategory>::of(9001),
        Some(Category::OtherError)
    );
    assert!(<Category as error_code::ErrorCategory>::is_reserved(6000));
}

#[test]
fn dyn_error_code_is_object_safe() {
    let errors: Vec<Box<dyn ErrorCode>> = vec![
        Box::new(PodError::GetPodError),
        Box::new(ApiError::Base(BaseError::ParamInvalidError)),
        Box::new(FlatError::GetNodeError),
    ];
    let codes: Vec<(u32, u16)> = errors
        .iter()
        .map(|e| (e.code(), e.status().as_u16()))
        .collect();
    assert_eq!(codes, [(2001, 404), (1001, 400), (9003, 502)]);
    let by_ref: &dyn ErrorCode = &PodError::GetPodEventError;
    assert_eq!(by_ref.name(), "PodEventError");
    assert_eq!((&by_ref).code(), 2002);
}

/// Enough fieldless variants with dense codes for the index-table lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCode)]
pub enum Dense {
    #[code(122, status = 400)]
    D11,
    #[code(110, status = 400)]
    D5,
    #[code(134, status = 400)]
    D17,
    #[code(138, status = 400)]
    D19,
    #[code(118, status = 400)]
    D9,
    #[code(100, status = 400)]
    D0,
    #[code(132, status = 400)]
    D16,
    #[code(102, status = 400)]
    D1,
    #[code(130, status = 400)]
    D15,
    #[code(112, status = 400)]
    D6,
    #[code(120, status = 400)]
    D10,
    #[code(126, status = 400)]
    D13,
    #[code(128, status = 400)]
    D14,
    #[code(124, status = 400)]
    D12,
    #[code(114, status = 400)]
    D7,
    #[code(106, status = 400)]
    D3,
    #[code(116, status = 400)]
    D8,
    #[code(104, status = 400)]
    D2,
    #[code(136, status = 400)]
    D18,
    #[code(108, status = 400)]
    D4,
    #[code(7, status = 500)]
    WithField(u8),
}

#[test]
fn dense_codes_map_back_through_the_index_table() {
    for entry in Dense::CATALOG.iter().filter(|e| e.code() != 7) {
        let value = Dense::from_code_any(entry.code()).expect("every fieldless code maps back");
        assert_eq!(value.code(), entry.code());
        assert_eq!(value.name(), entry.name());
        assert!(
            Dense::from_code_any(entry.code() + 1).is_none(),
            "odd codes are gaps"
        );
    }
    for miss in [0, 6, 7, 8, 99, 139, 140, 141, u32::MAX, 100 + 40 * 16 + 64] {
        assert!(Dense::from_code_any(miss).is_none(), "{miss}");
    }
}

impl Dense {
    fn from_code_any(code: u32) -> Option<Self> {
        <Self as error_code::FromCode>::from_code(code)
    }
}

#[test]
fn catalog_fields_read_like_the_methods() {
    let entry = ApiError::CATALOG.get(2001).expect("2001");
    assert_eq!(
        (entry.code, entry.name, entry.message),
        (2001, "GetPodError", "获取 Pod 失败")
    );
    assert_eq!(entry.status, StatusCode::NOT_FOUND);
    let category = entry.category.expect("categorised");
    assert_eq!(
        (category.name, category.start, category.end),
        ("PodError", 2000, 2999)
    );
    assert_eq!(category.description, category.description());
}

#[derive(Debug, PartialEq, Eq, ErrorCode)]
pub enum Boxed {
    #[code(transparent)]
    Pod(Box<PodError>),
    /// 类型
    #[code(1, status = 400)]
    r#Type,
}

#[test]
fn boxed_parts_compose_and_raw_identifiers_lose_their_prefix() {
    let e = Boxed::Pod(Box::new(PodError::GetPodError));
    assert_eq!(e.code(), 2001);
    assert_eq!(Boxed::CATALOG.len(), 3);
    assert_eq!(
        Boxed::from_code(2002),
        Some(Boxed::Pod(Box::new(PodError::GetPodEventError)))
    );
    assert_eq!(Boxed::r#Type.name(), "Type");
}

/// A part whose path ends in the enum's own name (`pod::Error` in an
/// `Error`), or in a name the enum is generic over, is another type.
mod named_alike {
    pub mod pod {
        #[derive(Debug, error_code::ErrorCode)]
        pub enum Error {
            /// Pod missing
            #[code(2001, status = 404)]
            NotFound,
        }
    }

    pub mod other {
        #[derive(Debug, error_code::ErrorCode)]
        pub enum T {
            /// Node missing
            #[code(3001, status = 404)]
            NodeMissing,
        }
    }

    #[derive(Debug, error_code::ErrorCode)]
    pub enum Error {
        #[code(transparent)]
        Pod(pod::Error),
        /// Route missing
        #[code(1001, status = 404)]
        NoRoute,
    }

    #[derive(Debug, error_code::ErrorCode)]
    pub enum Generic<T: core::fmt::Debug> {
        #[code(transparent)]
        Node(other::T),
        /// Bad input
        #[code(1002, status = 400)]
        Bad { input: T },
    }
}

#[test]
fn a_part_named_like_the_enum_is_another_type() {
    use named_alike::{Error, Generic, other, pod};
    assert_eq!(Error::Pod(pod::Error::NotFound).code(), 2001);
    assert_eq!(Error::NoRoute.code(), 1001);
    assert_eq!(Error::CATALOG.len(), 2);
    assert_eq!(Generic::<u8>::Node(other::T::NodeMissing).code(), 3001);
    assert_eq!(Generic::Bad { input: 7u8 }.code(), 1002);
}

mod same_reasons {
    #[derive(Debug, error_code::ErrorCode)]
    pub enum PodError {
        /// Pod missing
        #[code(2001, status = 404)]
        NotFound,
    }

    #[derive(Debug, error_code::ErrorCode)]
    #[error_code(domain = "api.example.com")]
    pub enum ApiError {
        #[code(transparent)]
        Pod(PodError),
        /// Route missing
        #[code(1001, status = 404)]
        NotFound,
    }
}

/// Where two codes of one composed API share a domain and a reason, each
/// is told apart, its own codes' as its parts': the value's entry is the
/// catalog's.
#[test]
fn an_own_code_of_a_composed_enum_has_the_catalogs_reason() {
    use same_reasons::{ApiError, PodError};
    for (value, code) in [
        (ApiError::NotFound, 1001),
        (ApiError::Pod(PodError::NotFound), 2001),
    ] {
        let listed = ApiError::CATALOG.get(code).expect("listed");
        assert_eq!(
            value.info().unique_grpc_reason(),
            listed.unique_grpc_reason()
        );
        assert_eq!(value.info(), listed);
    }
    assert_eq!(
        ApiError::NotFound.info().unique_grpc_reason(),
        "NOT_FOUND_1001"
    );
}
