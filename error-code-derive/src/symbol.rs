//! Every attribute the derives own, every key of each, and the names a
//! value may take (the `http` crate's status constants, gRPC's codes), in
//! one place.
//!
//! Adding a key is one line in its table and one arm in `attr.rs`; the
//! keyed parser answers "unknown key" (with a suggestion), "repeated key" and
//! "this key belongs elsewhere" for every key from these tables.

/// The keys of one attribute at one place.
pub struct Table {
    /// The attribute's name: `error_code`, `code` or `category`.
    pub attr: &'static str,
    /// Where it is written, as said in messages: "on the enum".
    pub place: &'static str,
    /// The keys it takes.
    pub keys: &'static [&'static str],
    /// The keys that may be given more than once.
    pub repeatable: &'static [&'static str],
}

/// `#[error_code(...)]` on an enum deriving `ErrorCode`.
pub const ERROR_CODE_ENUM: Table = Table {
    attr: "error_code",
    place: "on the enum",
    keys: &[
        "category",
        "scheme",
        "status",
        "retired",
        "domain",
        "url",
        "lang",
        "into_response",
        "display",
        "translations",
        "from_params",
        "bound",
        "crate",
    ],
    repeatable: &["retired"],
};

/// `#[code(...)]` on a variant, after the code.
pub const CODE_VARIANT: Table = Table {
    attr: "code",
    place: "on a variant",
    keys: &[
        "status",
        "name",
        "message",
        "deprecated",
        "grpc",
        "retry_after",
    ],
    // `message = "…"` once, beside `message(en = "…")`: see `attr::code_args`.
    repeatable: &["message"],
};

/// `#[category(...)]` on an enum deriving `ErrorCategory`.
pub const CATEGORY_ENUM: Table = Table {
    attr: "category",
    place: "on the enum",
    keys: &[
        "reserved",
        "retired",
        "domain",
        "url",
        "lang",
        "translations",
        "crate",
    ],
    repeatable: &["reserved", "retired"],
};

/// `#[category(...)]` on a category variant, after the range.
pub const CATEGORY_VARIANT: Table = Table {
    attr: "category",
    place: "on a category variant",
    keys: &["description"],
    repeatable: &[],
};

/// Every table, to say where a misplaced key belongs.
pub const TABLES: &[&Table] = &[
    &ERROR_CODE_ENUM,
    &CODE_VARIANT,
    &CATEGORY_ENUM,
    &CATEGORY_VARIANT,
];

/// The attributes `#[derive(ErrorCode)]` owns.
pub const ERROR_CODE_ATTRS: &[&str] = &["error_code", "code"];
/// The attributes `#[derive(ErrorCode)]` owns on fields.
pub const FIELD_ATTRS: &[&str] = &["param", "retry_after", "violations"];
/// The attribute `#[derive(ErrorCategory)]` owns.
pub const CATEGORY_ATTR: &str = "category";

/// The constant names of `http::StatusCode`, with their numbers.
pub const STATUS_NAMES: &[(&str, u16)] = &[
    ("CONTINUE", 100),
    ("SWITCHING_PROTOCOLS", 101),
    ("PROCESSING", 102),
    ("EARLY_HINTS", 103),
    ("OK", 200),
    ("CREATED", 201),
    ("ACCEPTED", 202),
    ("NON_AUTHORITATIVE_INFORMATION", 203),
    ("NO_CONTENT", 204),
    ("RESET_CONTENT", 205),
    ("PARTIAL_CONTENT", 206),
    ("MULTI_STATUS", 207),
    ("ALREADY_REPORTED", 208),
    ("IM_USED", 226),
    ("MULTIPLE_CHOICES", 300),
    ("MOVED_PERMANENTLY", 301),
    ("FOUND", 302),
    ("SEE_OTHER", 303),
    ("NOT_MODIFIED", 304),
    ("USE_PROXY", 305),
    ("TEMPORARY_REDIRECT", 307),
    ("PERMANENT_REDIRECT", 308),
    ("BAD_REQUEST", 400),
    ("UNAUTHORIZED", 401),
    ("PAYMENT_REQUIRED", 402),
    ("FORBIDDEN", 403),
    ("NOT_FOUND", 404),
    ("METHOD_NOT_ALLOWED", 405),
    ("NOT_ACCEPTABLE", 406),
    ("PROXY_AUTHENTICATION_REQUIRED", 407),
    ("REQUEST_TIMEOUT", 408),
    ("CONFLICT", 409),
    ("GONE", 410),
    ("LENGTH_REQUIRED", 411),
    ("PRECONDITION_FAILED", 412),
    ("PAYLOAD_TOO_LARGE", 413),
    ("URI_TOO_LONG", 414),
    ("UNSUPPORTED_MEDIA_TYPE", 415),
    ("RANGE_NOT_SATISFIABLE", 416),
    ("EXPECTATION_FAILED", 417),
    ("IM_A_TEAPOT", 418),
    ("MISDIRECTED_REQUEST", 421),
    ("UNPROCESSABLE_ENTITY", 422),
    ("LOCKED", 423),
    ("FAILED_DEPENDENCY", 424),
    ("TOO_EARLY", 425),
    ("UPGRADE_REQUIRED", 426),
    ("PRECONDITION_REQUIRED", 428),
    ("TOO_MANY_REQUESTS", 429),
    ("REQUEST_HEADER_FIELDS_TOO_LARGE", 431),
    ("UNAVAILABLE_FOR_LEGAL_REASONS", 451),
    ("INTERNAL_SERVER_ERROR", 500),
    ("NOT_IMPLEMENTED", 501),
    ("BAD_GATEWAY", 502),
    ("SERVICE_UNAVAILABLE", 503),
    ("GATEWAY_TIMEOUT", 504),
    ("HTTP_VERSION_NOT_SUPPORTED", 505),
    ("VARIANT_ALSO_NEGOTIATES", 506),
    ("INSUFFICIENT_STORAGE", 507),
    ("LOOP_DETECTED", 508),
    ("NOT_EXTENDED", 510),
    ("NETWORK_AUTHENTICATION_REQUIRED", 511),
];

/// The names of `google.rpc.Code`, for `grpc = ALREADY_EXISTS`.
pub const GRPC_CODES: &[&str] = &[
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];
