//! gRPC answers through tonic: the status of every code (gRPC code, message,
//! `ErrorInfo`, `Help`, `LocalizedMessage`), the 5xx details that must stay
//! in the process, the client's reading of a status, and a real tonic server
//! and client talking over a loopback port.

use error_code::grpc::{self, GrpcReply};
use error_code::{ErrorCategory, ErrorCode, RemoteError, StatusCode};
use std::collections::HashMap;
use std::fmt;
use tonic::{Code, Request, Response, Status};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::health_server::{Health, HealthServer};
use tonic_health::pb::{HealthCheckRequest, HealthCheckResponse};
use tonic_types::{ErrorDetails, ErrorInfo, StatusExt};

/// What a 5xx detail holds and no client may see.
const SECRET: &str = "postgres://admin:hunter2@10.0.0.7/pods";

/// The test API's code space; its domain and links are the scheme's
/// defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ErrorCategory)]
#[category(
    reserved = 6000..=8999,
    domain = "k8s.example.com",
    url = "https://docs.example.com/errors/{code}"
)]
pub enum Category {
    /// 基础错误类型
    #[category(1000..=1999)]
    Base,
    /// Pod 相关错误
    #[category(2000..=2999)]
    Pod,
}

/// Its own domain, which wins over the category enum's.
#[derive(Debug, PartialEq, thiserror::Error, ErrorCode)]
#[error_code(category = Category::Pod, domain = "pods.example.com")]
pub enum PodError {
    /// 获取 Pod 失败
    #[error("获取 Pod 失败")]
    #[code(
        2001,
        status = 404,
        message(en = "Failed to get the pod", "zh-Hant" = "獲取 Pod 失敗")
    )]
    GetPodError,
    /// 获取 Pod 事件失败
    #[error("event store unreachable: {0}")]
    #[code(2002, status = 500)]
    Events(String),
    /// Pod 已存在
    #[error("pod exists")]
    #[code(2003, status = 409, grpc = ALREADY_EXISTS)]
    PodExists,
    /// 找不到 Pod
    #[error("pod {0} not found")]
    #[code(2004, status = 404, message(en = "No such pod"))]
    NotFound(String),
    /// 后端不可用
    #[error("backend unavailable")]
    #[code(2005, status = 503, grpc = UNAVAILABLE)]
    Backend,
}

/// Messages with params.
#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(category = Category::Pod, display)]
pub enum VolumeError {
    /// 卷 {volume_name} 已满（{used_gib} GiB）
    #[code(
        2010,
        status = 507,
        message(en = "Volume {volume_name} is full ({used_gib} GiB)")
    )]
    Full { volume_name: String, used_gib: u64 },
    /// 参数不合法
    #[code(2011, status = 400)]
    Invalid {
        #[violations]
        fields: error_code::Violations,
    },
    /// 稍后再试
    #[code(2012, status = 503, retry_after = 7)]
    Later,
}

/// The domain comes from the category enum.
#[derive(Debug, PartialEq, thiserror::Error, ErrorCode)]
#[error_code(category = Category::Base)]
pub enum BaseError {
    /// 参数不合法
    #[error("limit must be positive, got {0}")]
    #[code(1001, status = 400)]
    ParamInvalidError(i64),
    /// 未登录
    #[error("未登录")]
    #[code(1002, status = 401)]
    Unauthorized,
}

/// The API's error: the parts composed.
#[derive(Debug, PartialEq, thiserror::Error, ErrorCode)]
pub enum ApiError {
    #[error(transparent)]
    #[code(transparent)]
    Base(BaseError),
    #[error(transparent)]
    #[code(transparent)]
    Pod(PodError),
}

/// No category, domain or link: the defaults.
#[derive(Debug, PartialEq, ErrorCode)]
pub enum Loose {
    /// Out of quota
    #[code(9001, status = 429)]
    OutOfQuota,
}

/// One code per HTTP status the mapping names, and some it does not.
#[derive(Debug, Clone, Copy, PartialEq, ErrorCode)]
pub enum Mapped {
    #[code(400, status = 400)]
    S400,
    #[code(401, status = 401)]
    S401,
    #[code(402, status = 402)]
    S402,
    #[code(403, status = 403)]
    S403,
    #[code(404, status = 404)]
    S404,
    #[code(405, status = 405)]
    S405,
    #[code(409, status = 409)]
    S409,
    #[code(412, status = 412)]
    S412,
    #[code(418, status = 418)]
    S418,
    #[code(422, status = 422)]
    S422,
    #[code(429, status = 429)]
    S429,
    #[code(499, status = 499)]
    S499,
    #[code(500, status = 500)]
    S500,
    #[code(501, status = 501)]
    S501,
    #[code(502, status = 502)]
    S502,
    #[code(503, status = 503)]
    S503,
    #[code(504, status = 504)]
    S504,
    #[code(505, status = 505)]
    S505,
    #[code(599, status = 599)]
    S599,
}

/// A generic error converts too.
#[derive(Debug, ErrorCode)]
pub enum Wrapped<T: fmt::Debug> {
    #[code(4001, status = 422)]
    Bad(T),
}

/// A `Display` that fails halfway.
#[derive(Debug, ErrorCode)]
pub enum Faulty {
    /// Broken
    #[code(4101, status = 400)]
    Broken,
}

impl fmt::Display for Faulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("half")?;
        Err(fmt::Error)
    }
}

fn error_info(status: &Status) -> ErrorInfo {
    status
        .get_error_details()
        .error_info()
        .cloned()
        .unwrap_or_else(|| panic!("no ErrorInfo in {status:?}"))
}

#[test]
fn the_code_follows_the_http_status() {
    use Mapped::*;
    let table = [
        (S400, Code::InvalidArgument),
        (S401, Code::Unauthenticated),
        (S402, Code::FailedPrecondition),
        (S403, Code::PermissionDenied),
        (S404, Code::NotFound),
        (S405, Code::FailedPrecondition),
        (S409, Code::Aborted),
        (S412, Code::FailedPrecondition),
        (S418, Code::FailedPrecondition),
        (S422, Code::FailedPrecondition),
        (S429, Code::ResourceExhausted),
        (S499, Code::Cancelled),
        (S500, Code::Internal),
        (S501, Code::Unimplemented),
        (S502, Code::Internal),
        (S503, Code::Unavailable),
        (S504, Code::DeadlineExceeded),
        (S505, Code::Internal),
        (S599, Code::Internal),
    ];
    for (error, expected) in table {
        assert_eq!(Status::from(error).code(), expected, "{error:?}");
        assert_eq!(grpc::code_for_status(error.status()), expected, "{error:?}");
        assert_eq!(grpc::grpc_code(error.info()), expected, "{error:?}");
        assert_eq!(GrpcReply::new(&error).code(), expected, "{error:?}");
    }
    // Every error status maps to an error code.
    for n in 400..=599 {
        let status = StatusCode::from_u16(n).expect("a status");
        assert_ne!(grpc::code_for_status(status), Code::Ok, "{n}");
        assert_ne!(grpc::code_for_status(status), Code::Unknown, "{n}");
    }
    assert_eq!(
        Status::from(Wrapped::Bad(7_u8)).code(),
        Code::FailedPrecondition
    );
}

#[test]
fn conversions_code_by_code() {
    let cases: [(ApiError, Code, &str, &str, &str); 7] = [
        (
            ApiError::Pod(PodError::GetPodError),
            Code::NotFound,
            "获取 Pod 失败",
            "GET_POD_ERROR",
            "pods.example.com",
        ),
        (
            ApiError::Pod(PodError::Events(SECRET.to_owned())),
            Code::Internal,
            "获取 Pod 事件失败",
            "EVENTS",
            "pods.example.com",
        ),
        (
            ApiError::Pod(PodError::PodExists),
            Code::AlreadyExists,
            "Pod 已存在: pod exists",
            "POD_EXISTS",
            "pods.example.com",
        ),
        (
            ApiError::Pod(PodError::NotFound("web".to_owned())),
            Code::NotFound,
            "找不到 Pod: pod web not found",
            "NOT_FOUND",
            "pods.example.com",
        ),
        (
            ApiError::Pod(PodError::Backend),
            Code::Unavailable,
            "后端不可用",
            "BACKEND",
            "pods.example.com",
        ),
        (
            ApiError::Base(BaseError::ParamInvalidError(-1)),
            Code::InvalidArgument,
            "参数不合法: limit must be positive, got -1",
            "PARAM_INVALID_ERROR",
            "k8s.example.com",
        ),
        (
            ApiError::Base(BaseError::Unauthorized),
            Code::Unauthenticated,
            "未登录",
            "UNAUTHORIZED",
            "k8s.example.com",
        ),
    ];
    for (error, code, message, reason, domain) in cases {
        let number = error.code();
        // The composed error and its part give the same status.
        let part = match &error {
            ApiError::Base(e) => grpc::status(e),
            ApiError::Pod(e) => grpc::status(e),
        };
        let status = Status::from(error);
        assert_eq!(status.code(), code, "{number}");
        assert_eq!(status.message(), message, "{number}");
        let info = error_info(&status);
        assert_eq!(info.reason, reason, "{number}");
        assert_eq!(info.domain, domain, "{number}");
        assert_eq!(info.metadata["code"], number.to_string());
        assert_eq!((part.code(), part.message()), (code, message));
        // (The details' bytes may differ: ErrorInfo's metadata is a map.)
        let (ours, theirs) = (error_info(&part), error_info(&status));
        assert_eq!(
            (ours.reason, ours.domain, ours.metadata),
            (theirs.reason, theirs.domain, theirs.metadata)
        );
        // Without a locale asked, no LocalizedMessage.
        assert!(status.get_error_details().localized_message().is_none());
    }

    // `?` converts in a service method.
    fn method() -> Result<(), Status> {
        Err(PodError::PodExists)?
    }
    assert_eq!(method().map_err(|s| s.code()), Err(Code::AlreadyExists));
}

#[test]
fn the_override_wins_over_the_status() {
    assert_eq!(PodError::PodExists.status(), StatusCode::CONFLICT);
    assert_eq!(
        PodError::PodExists.info().grpc_override(),
        Some("ALREADY_EXISTS")
    );
    assert_eq!(
        Status::from(PodError::PodExists).code(),
        Code::AlreadyExists
    );
    assert_eq!(
        grpc::grpc_code(PodError::PodExists.info()),
        Code::AlreadyExists
    );
    // Without the override, 409 is ABORTED.
    assert_eq!(grpc::code_for_status(StatusCode::CONFLICT), Code::Aborted);
    assert_eq!(
        grpc::code_named("ALREADY_EXISTS"),
        Some(Code::AlreadyExists)
    );
    assert_eq!(grpc::code_named("already_exists"), None);
}

#[test]
fn error_info_names_the_error() {
    // The enum's domain, the category enum's, and the default.
    assert_eq!(
        error_info(&PodError::GetPodError.into()).domain,
        "pods.example.com"
    );
    assert_eq!(
        error_info(&BaseError::Unauthorized.into()).domain,
        "k8s.example.com"
    );
    let loose = error_info(&Loose::OutOfQuota.into());
    assert_eq!(loose.domain, "loose");
    assert_eq!(loose.reason, "OUT_OF_QUOTA");
    assert_eq!(
        loose.metadata,
        HashMap::from([("code".to_owned(), "9001".to_owned())])
    );
    // A sent detail is in the metadata too; none where none is sent.
    let info = error_info(&PodError::NotFound("web".to_owned()).into());
    assert_eq!(info.metadata["detail"], "pod web not found");
    assert_eq!(info.metadata.len(), 2);
    assert_eq!(error_info(&PodError::GetPodError.into()).metadata.len(), 1);
    // Reasons stay within AIP-193's pattern.
    for info in <ApiError as error_code::ErrorCatalog>::CATALOG {
        let reason = grpc::reason(info);
        let b = reason.as_bytes();
        assert!(b[0].is_ascii_uppercase(), "{reason}");
        assert!(
            b.iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_'),
            "{reason}"
        );
        assert_ne!(b[b.len() - 1], b'_', "{reason}");
    }
}

/// Everything a status puts on the wire, as text.
fn everything(status: &Status) -> String {
    let mut all = format!("{status:?}\n{}\n", status.message());
    all.push_str(&String::from_utf8_lossy(status.details()));
    for detail in status.get_error_details_vec() {
        all.push_str(&format!("\n{detail:?}"));
    }
    let response = status.clone().into_http::<()>();
    for (name, value) in response.headers() {
        all.push_str(&format!(
            "\n{name}: {}",
            String::from_utf8_lossy(value.as_bytes())
        ));
    }
    for (name, value) in status.metadata().clone().into_headers().iter() {
        all.push_str(&format!(
            "\n{name}: {}",
            String::from_utf8_lossy(value.as_bytes())
        ));
    }
    all
}

#[test]
fn server_details_stay_hidden() {
    let error = PodError::Events(SECRET.to_owned());
    let statuses = [
        Status::from(PodError::Events(SECRET.to_owned())),
        Status::from(ApiError::Pod(PodError::Events(SECRET.to_owned()))),
        grpc::status(&error),
        GrpcReply::new(&error)
            .accept_language("en-US")
            .into_status(),
        GrpcReply::new(&error)
            .expose_server_details(false)
            .into_status(),
    ];
    for status in &statuses {
        assert_eq!(status.code(), Code::Internal);
        assert_eq!(status.message(), "获取 Pod 事件失败");
        assert!(!status.details().is_empty());
        let all = everything(status);
        assert!(!all.contains(SECRET), "{all}");
        assert!(!all.contains("hunter2"), "{all}");
        assert!(!all.contains("event store"), "{all}");
        let info = error_info(status);
        assert!(!info.metadata.contains_key("detail"));
        let remote = RemoteError::from_status(status).expect("an error-code status");
        assert_eq!(remote.detail, None);
    }
    assert_eq!(GrpcReply::new(&error).detail(), None);

    // Opted in, the detail is sent: the checks above would have seen it.
    let exposed = GrpcReply::new(&error)
        .expose_server_details(true)
        .into_status();
    assert!(everything(&exposed).contains(SECRET));
    assert_eq!(
        exposed.message(),
        format!("获取 Pod 事件失败: event store unreachable: {SECRET}")
    );
}

#[test]
fn client_details_are_sent_once() {
    let error = PodError::NotFound("web".to_owned());
    let reply = GrpcReply::new(&error);
    assert_eq!(reply.detail().as_deref(), Some("pod web not found"));
    assert_eq!(reply.status_message(), "找不到 Pod: pod web not found");
    assert_eq!(reply.message(), "找不到 Pod");
    // A detail that repeats the message is not sent.
    let reply = GrpcReply::new(&PodError::GetPodError);
    assert_eq!(reply.detail(), None);
    assert_eq!(reply.status_message(), "获取 Pod 失败");
    // A `Display` that fails gives no detail, and no panic.
    let status = Status::from(Faulty::Broken);
    assert_eq!(status.message(), "Broken");
}

/// The `LocalizedMessage` is in the language HTTP's `Content-Language`
/// names for the same request: where no translation is accepted, the
/// untagged message of a `lang` enum, as the answer falls back to it.
#[test]
fn the_localized_message_is_in_the_language_http_names() {
    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "zh")]
    enum Quota {
        /// 配额不足
        #[code(2501, status = 429, message(en = "Quota exceeded"))]
        Exceeded,
    }
    for header in [
        "de-CH",
        "fr, *;q=0.1",
        "*",
        "en",
        "zh-CN,zh;q=0.9",
        "xx;q=0",
    ] {
        let reply = error_code::Reply::new(&Quota::Exceeded).accept_language(header);
        let status = GrpcReply::new(&Quota::Exceeded)
            .accept_language(header)
            .into_status();
        let localized = status.get_error_details().localized_message().cloned();
        assert_eq!(
            localized.map(|l| (l.locale, l.message)),
            reply
                .language()
                .map(|tag| (tag.to_owned(), reply.message().into_owned())),
            "{header}"
        );
        assert_eq!(status.message(), reply.message(), "{header}");
    }
}

/// Two names of one enum that give one reason (a reason keeps ASCII
/// letters and digits) are told apart by their numbers, as a composed
/// API's same-named codes are: no two codes answer one reason.
#[test]
fn names_of_one_reason_are_told_apart_by_their_numbers() {
    #[derive(Debug, ErrorCode)]
    #[error_code(domain = "pods.example.com")]
    enum Umlaut {
        /// a
        #[code(2001, status = 404, name = "Pod-ä")]
        A,
        /// o
        #[code(2002, status = 404, name = "Pod-ö")]
        O,
        /// Other
        #[code(2003, status = 404)]
        Other,
    }
    let reasons: Vec<String> = [Umlaut::A, Umlaut::O, Umlaut::Other]
        .into_iter()
        .map(|e| error_info(&Status::from(e)).reason)
        .collect();
    assert_eq!(reasons, ["POD_2001", "POD_2002", "OTHER"]);
    assert_eq!(Umlaut::A.info().grpc_reason(), "POD");
}

#[test]
fn messages_in_the_language_asked() {
    let error = PodError::GetPodError;
    for (locale, message, tag) in [
        ("zh-Hant-TW", "獲取 Pod 失敗", Some("zh-Hant")),
        ("en-US", "Failed to get the pod", Some("en")),
        (
            "fr-CH, fr;q=0.9, en;q=0.8",
            "Failed to get the pod",
            Some("en"),
        ),
        ("fr", "获取 Pod 失败", None),
        ("", "获取 Pod 失败", None),
    ] {
        let status = GrpcReply::new(&error).accept_language(locale).into_status();
        assert_eq!(status.message(), message, "{locale}");
        let localized = status.get_error_details().localized_message().cloned();
        assert_eq!(
            localized
                .as_ref()
                .map(|l| (l.locale.as_str(), l.message.as_str())),
            tag.map(|t| (t, message)),
            "{locale}"
        );
        // The reason and code do not depend on the language.
        let info = error_info(&status);
        assert_eq!(
            (info.reason.as_str(), info.metadata["code"].as_str()),
            ("GET_POD_ERROR", "2001")
        );
    }
    // With a detail, the message is localized and the detail follows it.
    let status = GrpcReply::new(&PodError::NotFound("web".to_owned()))
        .accept_language("en")
        .into_status();
    assert_eq!(status.message(), "No such pod: pod web not found");
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(remote.message, "No such pod");
    assert_eq!(remote.detail.as_deref(), Some("pod web not found"));
}

#[test]
fn help_links_to_the_code() {
    let details = Status::from(PodError::GetPodError).get_error_details();
    let help = details.help().expect("a Help detail");
    assert_eq!(help.links.len(), 1);
    assert_eq!(help.links[0].url, "https://docs.example.com/errors/2001");
    assert_eq!(help.links[0].description, "2001 GetPodError");
    let details = Status::from(BaseError::Unauthorized).get_error_details();
    assert_eq!(
        details.help().map(|h| h.links[0].url.as_str()),
        Some("https://docs.example.com/errors/1002")
    );
    assert!(
        Status::from(Loose::OutOfQuota)
            .get_error_details()
            .help()
            .is_none()
    );
}

#[test]
fn clients_read_the_status_back() {
    let remote = RemoteError::from_status(&PodError::GetPodError.into()).expect("ours");
    assert_eq!(remote.code, 2001);
    assert_eq!(remote.message, "获取 Pod 失败");
    assert_eq!(remote.detail, None);
    assert_eq!(remote.status, None);
    assert_eq!(
        remote.clone().typed::<PodError>(),
        Ok(PodError::GetPodError)
    );
    assert_eq!(
        remote.typed::<ApiError>(),
        Ok(ApiError::Pod(PodError::GetPodError))
    );
    let remote = RemoteError::from_status(&BaseError::ParamInvalidError(0).into()).expect("ours");
    assert_eq!(
        remote.detail.as_deref(),
        Some("limit must be positive, got 0")
    );
    // A variant with fields cannot be made from the code: the value comes back.
    assert_eq!(remote.clone().typed::<BaseError>(), Err(remote));

    // Statuses of other servers are errors, not panics.
    assert!(RemoteError::from_status(&Status::not_found("nope")).is_err());
    let garbage = Status::with_details(
        Code::Internal,
        "m",
        tonic::codegen::Bytes::from_static(b"\xff\xff\xff"),
    );
    assert!(RemoteError::from_status(&garbage).is_err());
    for code in ["abc", "", "-1", "4294967296", "99999999999999999999"] {
        let status = Status::with_error_details(
            Code::Internal,
            "m",
            ErrorDetails::with_error_info(
                "R",
                "d",
                HashMap::from([("code".to_owned(), code.to_owned())]),
            ),
        );
        assert!(RemoteError::from_status(&status).is_err(), "{code:?}");
    }
    // A detail the message does not end with leaves the message whole.
    let status = Status::with_error_details(
        Code::NotFound,
        "other text",
        ErrorDetails::with_error_info(
            "R",
            "d",
            HashMap::from([
                ("code".to_owned(), "2001".to_owned()),
                ("detail".to_owned(), "x".to_owned()),
            ]),
        ),
    );
    let remote = RemoteError::from_status(&status).expect("an ErrorInfo with a code");
    assert_eq!(remote.message, "other text");
    assert_eq!(remote.detail.as_deref(), Some("x"));
}

/// A health service whose checks fail with the API's errors.
struct Pods;

#[tonic::async_trait]
impl Health for Pods {
    async fn check(
        &self,
        request: Request<HealthCheckRequest>,
    ) -> Result<Response<HealthCheckResponse>, Status> {
        let error = match request.get_ref().service.as_str() {
            "pod" => PodError::GetPodError,
            "events" => PodError::Events(SECRET.to_owned()),
            "exists" => PodError::PodExists,
            "named" => PodError::NotFound("web".to_owned()),
            // Longer than an HTTP/2 peer takes in its headers, written whole.
            "long" => PodError::NotFound("名".repeat(6000)),
            "long-volume" => {
                let error = VolumeError::Full {
                    volume_name: "卷".repeat(6000),
                    used_gib: 10,
                };
                let mut fields = error_code::Violations::new();
                fields.add("spec.name", "x".repeat(20_000));
                fields.add("spec.size", "must be positive");
                let invalid = VolumeError::Invalid { fields };
                let error: &dyn error_code::ErrorCode = if request.metadata().contains_key("fields")
                {
                    &invalid
                } else {
                    &error
                };
                return Err(GrpcReply::new(error)
                    .accept_language("en")
                    .expose_server_details(true)
                    .into_status());
            }
            "invalid" => {
                let mut fields = error_code::Violations::new();
                fields.add("spec.size", "must be positive");
                fields.add("spec.name", "must not be empty");
                return Err(VolumeError::Invalid { fields }.into());
            }
            "many" => {
                let fields = (0..10_000)
                    .map(|i| {
                        error_code::Violation::new(format!("items[{i}].name"), "must not be empty")
                    })
                    .collect();
                return Err(VolumeError::Invalid { fields }.into());
            }
            "later" => return Err(VolumeError::Later.into()),
            "volume" => {
                let error = VolumeError::Full {
                    volume_name: "data".to_owned(),
                    used_gib: 10,
                };
                let language = request
                    .metadata()
                    .get("accept-language")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("zh");
                return Err(GrpcReply::new(&error)
                    .accept_language(language)
                    .request_id("req-7")
                    .into_status());
            }
            _ => {
                return Ok(Response::new(HealthCheckResponse {
                    status: ServingStatus::Serving as i32,
                }));
            }
        };
        // The client's language, where it sends one.
        match request
            .metadata()
            .get("accept-language")
            .and_then(|v| v.to_str().ok())
        {
            Some(language) => Err(GrpcReply::new(&error)
                .accept_language(language)
                .into_status()),
            None => Err(error.into()),
        }
    }

    type WatchStream = tokio_stream::Empty<Result<HealthCheckResponse, Status>>;

    async fn watch(
        &self,
        _request: Request<HealthCheckRequest>,
    ) -> Result<Response<Self::WatchStream>, Status> {
        Err(BaseError::Unauthorized.into())
    }
}

#[tokio::test]
async fn errors_arrive_typed_over_a_real_connection() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let address = listener.local_addr().expect("its address");
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(HealthServer::new(Pods))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{address}"))
        .expect("a URI")
        .connect()
        .await
        .expect("a connection");
    let mut client = HealthClient::new(channel);
    let check = |service: &str| {
        Request::new(HealthCheckRequest {
            service: service.to_owned(),
        })
    };

    // The server answers at all.
    let ok = client.check(check("")).await.expect("serving");
    assert_eq!(ok.get_ref().status, ServingStatus::Serving as i32);

    let status = client.check(check("pod")).await.expect_err("an error");
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "获取 Pod 失败");
    let info = error_info(&status);
    assert_eq!(
        (info.reason.as_str(), info.domain.as_str()),
        ("GET_POD_ERROR", "pods.example.com")
    );
    assert_eq!(info.metadata["code"], "2001");
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(remote.typed::<PodError>(), Ok(PodError::GetPodError));

    let status = client.check(check("exists")).await.expect_err("an error");
    assert_eq!(status.code(), Code::AlreadyExists);
    let typed = RemoteError::from_status(&status).map(|r| r.typed::<ApiError>());
    assert_eq!(typed, Ok(Ok(ApiError::Pod(PodError::PodExists))));

    let status = client.check(check("events")).await.expect_err("an error");
    assert_eq!(status.code(), Code::Internal);
    assert!(!everything(&status).contains(SECRET));
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!((remote.code, remote.detail), (2002, None));

    let mut request = check("named");
    request
        .metadata_mut()
        .insert("accept-language", "en-GB,en;q=0.9".parse().expect("ASCII"));
    let status = client.check(request).await.expect_err("an error");
    assert_eq!(status.message(), "No such pod: pod web not found");
    let localized = status.get_error_details().localized_message().cloned();
    assert_eq!(localized.map(|l| l.message), Some("No such pod".to_owned()));
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(remote.code, 2004);
    assert_eq!(remote.message, "No such pod");
    assert_eq!(remote.detail.as_deref(), Some("pod web not found"));

    // Params: in the metadata (lowerCamelCase keys), in the rendered
    // message and `LocalizedMessage`; the request id in `RequestInfo`.
    let mut request = check("volume");
    request
        .metadata_mut()
        .insert("accept-language", "en".parse().expect("ASCII"));
    let status = client.check(request).await.expect_err("an error");
    assert_eq!(status.message(), "Volume data is full (10 GiB)");
    let details = status.get_error_details();
    assert_eq!(
        details.localized_message().map(|l| l.message.as_str()),
        Some("Volume data is full (10 GiB)")
    );
    assert_eq!(
        details.request_info().map(|r| r.request_id.as_str()),
        Some("req-7")
    );
    let info = error_info(&status);
    assert_eq!(info.metadata["volumeName"], "data");
    assert_eq!(info.metadata["usedGib"], "10");
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(remote.message, "Volume data is full (10 GiB)");
    assert_eq!(
        remote.param("volume_name"),
        Some(&serde_json::json!("data"))
    );
    // A number reads back as the number, as from the JSON body.
    assert_eq!(remote.param("usedGib"), Some(&serde_json::json!(10)));
    let status = client.check(check("volume")).await.expect_err("an error");
    assert_eq!(status.message(), "卷 data 已满（10 GiB）");

    // Field violations as `BadRequest`, the retry delay as `RetryInfo`.
    let status = client.check(check("invalid")).await.expect_err("an error");
    assert_eq!(status.code(), Code::InvalidArgument);
    let bad = status
        .get_error_details()
        .bad_request()
        .cloned()
        .expect("BadRequest");
    let fields: Vec<(&str, &str)> = bad
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("spec.size", "must be positive"),
            ("spec.name", "must not be empty")
        ]
    );
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(remote.violations().len(), 2);
    let status = client.check(check("later")).await.expect_err("an error");
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(
        remote.retry_after(),
        Some(std::time::Duration::from_secs(7))
    );
    // Ten thousand violations: the status arrives, the violations cut to
    // the budget with a last one saying how many were left out.
    let status = client.check(check("many")).await.expect_err("an error");
    assert_eq!(status.code(), Code::InvalidArgument);
    let bad = status
        .get_error_details()
        .bad_request()
        .cloned()
        .expect("BadRequest");
    let last = bad.field_violations.last().expect("some");
    assert!(
        last.description.contains("more violations left out"),
        "{last:?}"
    );
    assert!(bad.field_violations.len() < 10_000);
    assert!(
        status.details().len() <= 8 * 1024,
        "{}",
        status.details().len()
    );

    // Texts longer than the headers take: cut to their budgets, so that
    // the status still arrives typed, not as a protocol error.
    let mut request = check("long");
    request
        .metadata_mut()
        .insert("accept-language", "en".parse().expect("ASCII"));
    let status = client.check(request).await.expect_err("an error");
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    assert!(status.message().starts_with("No such pod: pod 名名"));
    assert!(status.message().ends_with('…'));
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(remote.code, 2004);
    let detail = remote.detail.expect("the detail, cut");
    assert!(
        detail.len() <= error_code::grpc::TEXT_BUDGET,
        "{}",
        detail.len()
    );
    for fields in [false, true] {
        let mut request = check("long-volume");
        if fields {
            request
                .metadata_mut()
                .insert("fields", "1".parse().expect("ASCII"));
        }
        let status = client.check(request).await.expect_err("an error");
        let remote = RemoteError::from_status(&status).expect("an error-code status");
        assert_eq!(remote.code, if fields { 2011 } else { 2010 });
        assert!(status.message().len() <= error_code::grpc::TEXT_BUDGET);
        assert!(
            status.details().len() <= error_code::grpc::VIOLATIONS_BUDGET + 1024,
            "{}",
            status.details().len()
        );
        if fields {
            // What does not fit the budget is left out, and said so.
            let bad = status
                .get_error_details()
                .bad_request()
                .cloned()
                .expect("BadRequest");
            assert!(bad.field_violations.iter().all(|v| v.field != "spec.name"));
        } else {
            let param = remote
                .param("volume_name")
                .and_then(|v| v.as_str())
                .expect("the param");
            assert!(param.len() <= error_code::grpc::PARAMS_BUDGET && param.ends_with('…'));
            let localized = status
                .get_error_details()
                .localized_message()
                .cloned()
                .expect("localized");
            assert!(localized.message.len() <= error_code::grpc::TEXT_BUDGET);
        }
    }

    let status = client.watch(check("")).await.expect_err("an error");
    assert_eq!(status.code(), Code::Unauthenticated);
    let remote = RemoteError::from_status(&status).expect("an error-code status");
    assert_eq!(remote.typed::<BaseError>(), Ok(BaseError::Unauthorized));
}

/// A param whose `Display` panics or fails, and another whose `Display`
/// is not its serde form.
struct Fragile(bool);

impl fmt::Display for Fragile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 {
            panic!("a param's Display panicked");
        }
        f.write_str("half")?;
        Err(fmt::Error)
    }
}

impl serde::Serialize for Fragile {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("fragile")
    }
}

#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Tier {
    FreePlan,
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("free plan")
    }
}

impl fmt::Debug for Fragile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fragile")
    }
}

#[derive(Debug, ErrorCode)]
enum Wire {
    /// Value {value} refused
    #[code(1401, status = 400)]
    Refused { value: Fragile },
    /// Tier {tier} refused
    #[code(1402, status = 400)]
    Tier {
        tier: Tier,
        #[param]
        ratio: f64,
    },
    /// Wait
    #[code(1403, status = 429)]
    Wait {
        #[retry_after]
        wait: std::time::Duration,
    },
}

/// Metadata holds each param's serde form, as the body does, never its
/// `Display` (which may panic); retry delays are the body's whole seconds.
#[test]
fn the_status_says_what_the_body_says_and_never_panics() {
    for panics in [true, false] {
        let status = grpc::status(&Wire::Refused {
            value: Fragile(panics),
        });
        assert_eq!(error_info(&status).metadata["value"], "fragile");
    }
    let tier = Wire::Tier {
        tier: Tier::FreePlan,
        ratio: 0.5,
    };
    let metadata = error_info(&grpc::status(&tier)).metadata;
    assert_eq!(
        (metadata["tier"].as_str(), metadata["ratio"].as_str()),
        ("FREE_PLAN", "0.5")
    );
    let body: serde_json::Value =
        serde_json::from_str(&error_code::Reply::new(&tier).to_json()).unwrap();
    assert_eq!(body["params"]["tier"], "FREE_PLAN");

    for (wait, seconds) in [
        (std::time::Duration::from_millis(1500), 2),
        (std::time::Duration::MAX, 315_576_000_000),
    ] {
        let error = Wire::Wait { wait };
        let body: serde_json::Value =
            serde_json::from_str(&error_code::Reply::new(&error).to_json()).unwrap();
        assert_eq!(body["retry_after"], seconds);
        let status = grpc::status(&error);
        let delay = status
            .get_error_details()
            .retry_info()
            .and_then(|r| r.retry_delay);
        assert_eq!(delay, Some(std::time::Duration::from_secs(seconds)));
        let remote = RemoteError::from_status(&status).unwrap();
        assert_eq!(
            remote.retry_after(),
            Some(std::time::Duration::from_secs(seconds))
        );
    }
}

#[derive(Debug, thiserror::Error, ErrorCode)]
enum Named {
    /// Country {code} has no {detail}
    #[error("no such country")]
    #[code(1404, status = 404)]
    Country { code: String, detail: String },
}

/// A param named as the crate's own metadata keys is kept beside them, and
/// the client reads it back by its name.
#[test]
fn params_named_code_or_detail_are_not_lost() {
    let error = Named::Country {
        code: "XX".into(),
        detail: "flag".into(),
    };
    let status = grpc::status(&error);
    let metadata = error_info(&status).metadata;
    assert_eq!(metadata["code"], "1404");
    assert_eq!(metadata["detail"], "no such country");
    assert_eq!(
        (
            metadata["param-code"].as_str(),
            metadata["param-detail"].as_str()
        ),
        ("XX", "flag")
    );
    let remote = RemoteError::from_status(&status).unwrap();
    assert_eq!(remote.code, 1404);
    assert_eq!(remote.detail.as_deref(), Some("no such country"));
    assert_eq!(remote.param("code").and_then(|v| v.as_str()), Some("XX"));
    assert_eq!(
        remote.param("detail").and_then(|v| v.as_str()),
        Some("flag")
    );
}

/// A violation's reason reaches the client, and one of the whole request
/// (no field) is not taken for the budget's marker.
#[test]
fn violations_keep_their_reason_and_a_fieldless_one() {
    let mut fields = error_code::Violations::new();
    fields.push(error_code::Violation::new("spec.name", "too long").with_reason("LENGTH"));
    fields.add("", "the request is empty");
    let status = grpc::status(&VolumeError::Invalid { fields });
    let details = status.get_error_details();
    let bad = details.bad_request().expect("a BadRequest");
    assert_eq!(bad.field_violations[0].reason, "LENGTH");
    assert_eq!(bad.field_violations.len(), 2);
    let remote = RemoteError::from_status(&status).unwrap();
    let read: Vec<(&str, Option<String>)> = remote
        .violations()
        .iter()
        .map(|v| (v.field(), v.reason().map(|r| r.into_owned())))
        .collect();
    assert_eq!(read, [("spec.name", Some("LENGTH".to_owned())), ("", None)]);
    // Asked in a language, a violation of no known language has no
    // `LocalizedMessage`: one names its locale.
    let mut fields = error_code::Violations::new();
    fields.add("spec.name", "must not be empty");
    let error = VolumeError::Invalid { fields };
    let details = GrpcReply::new(&error)
        .accept_language("zh-CN")
        .error_details();
    let bad = details.bad_request().expect("a BadRequest");
    let localized = &bad.field_violations[0].localized_message;
    assert!(localized.is_none(), "{localized:?}");
}

#[derive(Debug, PartialEq, ErrorCode)]
#[error_code(from_params)]
#[allow(non_snake_case)]
enum Awkward {
    /// {param1} {param_2} {r#type} {pod_name} {paramCode} {x__y}
    #[code(1405, status = 400)]
    Names {
        param1: u32,
        param_2: u32,
        r#type: String,
        pod_name: String,
        paramCode: bool,
        x__y: i64,
    },
    /// {0} and {1}
    #[code(1406, status = 400)]
    Tuple(u8, String),
    /// maybe {n}
    #[code(1407, status = 400)]
    Maybe { n: Option<u8> },
}

/// Every param comes back by its Rust name over gRPC, whatever the name,
/// and the error is rebuilt from them.
#[test]
fn every_param_name_survives_the_trip() {
    let names = Awkward::Names {
        param1: 1,
        param_2: 2,
        r#type: "t".into(),
        pod_name: "web".into(),
        paramCode: true,
        x__y: -3,
    };
    let status = grpc::status(&names);
    let metadata = error_info(&status).metadata;
    assert_eq!(
        metadata["podName"], "web",
        "lowerCamelCase where it reads back"
    );
    assert_eq!(metadata["param1"], "1");
    let remote = RemoteError::from_status(&status).unwrap();
    // Each the value the JSON body gives: a number a number.
    for (name, value) in [
        ("param1", serde_json::json!(1)),
        ("param_2", serde_json::json!(2)),
        ("type", serde_json::json!("t")),
        ("pod_name", serde_json::json!("web")),
        ("paramCode", serde_json::json!(true)),
        ("x__y", serde_json::json!(-3)),
    ] {
        assert_eq!(remote.param(name), Some(&value), "{name}");
    }
    let body = error_code::Reply::new(&names).to_json();
    let over_json = RemoteError::from_slice(body.as_bytes()).unwrap();
    assert_eq!(remote.params(), over_json.params());
    assert_eq!(remote.param("podName"), Some(&serde_json::json!("web")));
    assert_eq!(remote.param("r#type"), Some(&serde_json::json!("t")));
    assert_eq!(remote.typed::<Awkward>(), Ok(names));
    let tuple = Awkward::Tuple(7, "x".into());
    let remote = RemoteError::from_status(&grpc::status(&tuple)).unwrap();
    assert_eq!(remote.param("0"), Some(&serde_json::json!(7)));
    assert_eq!(remote.typed::<Awkward>(), Ok(tuple));
    // `null` travels as no text, its key listed apart, and comes back as
    // `null` (`None`), as from the JSON body.
    for maybe in [Awkward::Maybe { n: None }, Awkward::Maybe { n: Some(3) }] {
        let status = grpc::status(&maybe);
        let remote = RemoteError::from_status(&status).unwrap();
        let body = error_code::Reply::new(&maybe).to_json();
        let over_http = RemoteError::from_slice(body.as_bytes()).unwrap();
        assert_eq!(
            remote.param("n").map(serde_json::Value::is_null),
            over_http.param("n").map(serde_json::Value::is_null),
            "{maybe:?}"
        );
        assert_eq!(remote.typed::<Awkward>(), Ok(maybe));
    }
    let status = grpc::status(&Awkward::Maybe { n: None });
    assert_eq!(error_info(&status).metadata["paramsNull"], "n");
    let remote = RemoteError::from_status(&status).unwrap();
    assert_eq!(remote.param("n"), Some(&serde_json::Value::Null));
}

/// The violations of one status stay within their budget, the marker that
/// says how many were left out included.
#[test]
fn violations_stay_within_their_budget_with_the_marker() {
    for (count, size) in [(1, 7000), (2, 3100), (40, 200), (3, 6100)] {
        let mut fields = error_code::Violations::new();
        for i in 0..count {
            fields.add(format!("f{i}"), "x".repeat(size));
        }
        let status = grpc::status(&VolumeError::Invalid { fields });
        let details = status.get_error_details();
        let bad = details.bad_request().expect("a BadRequest");
        let used: usize = bad
            .field_violations
            .iter()
            .map(|v| {
                v.field.len()
                    + v.description.len()
                    + v.reason.len()
                    + v.localized_message
                        .as_ref()
                        .map_or(0, |m| m.message.len() + m.locale.len())
                    + 32
            })
            .sum();
        assert!(
            used <= grpc::VIOLATIONS_BUDGET,
            "{count} × {size}: {used} bytes"
        );
        let left = bad.field_violations.last().unwrap();
        assert!(
            left.field.is_empty() && left.description.contains("left out"),
            "{count} × {size}"
        );
    }
}

/// A request id is taken as the HTTP layers take one (visible ASCII, at
/// most 200 bytes, trimmed); another is left out of the status, whose
/// header room it would take.
#[test]
fn a_request_id_is_taken_as_over_http() {
    let id_of = |id: &str| {
        GrpcReply::new(&Loose::OutOfQuota)
            .request_id(id)
            .into_status()
            .get_error_details()
            .request_info()
            .map(|r| r.request_id.clone())
    };
    assert_eq!(id_of(" req-7 ").as_deref(), Some("req-7"));
    assert_eq!(id_of(&"i".repeat(100_000)), None);
    assert_eq!(id_of("req\n7"), None);
    assert_eq!(id_of("ид"), None);
}

/// A `Display` that writes until it is told to stop, counting what it wrote.
#[derive(Debug)]
struct Endless;

static PULLED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl fmt::Display for Endless {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chunk = "x".repeat(4096);
        loop {
            f.write_str(&chunk)?;
            PULLED.fetch_add(chunk.len(), std::sync::atomic::Ordering::Relaxed);
        }
    }
}

#[derive(Debug, thiserror::Error, ErrorCode)]
enum Huge {
    /// Bad input
    #[error("bad: {0}")]
    #[code(1001, status = 400)]
    Bad(Endless),
}

/// A status's detail is cut to its budget, and its `Display` is stopped
/// there rather than written whole.
#[test]
fn a_status_stops_a_display_at_its_budget() {
    let status: Status = Huge::Bad(Endless).into();
    let detail = status.message().split_once(": ").map(|(_, d)| d).unwrap();
    assert!(
        detail.starts_with("bad: xxx") && detail.ends_with('…'),
        "{detail}"
    );
    assert!(detail.len() <= grpc::TEXT_BUDGET, "{}", detail.len());
    assert!(PULLED.load(std::sync::atomic::Ordering::Relaxed) < 64 * 1024);
}

/// A param the budget cuts arrives as its start and `…`, marked so: the
/// error is not rebuilt from it (it was, with the cut text as the value),
/// where the same error over HTTP comes back whole.
#[test]
fn a_cut_param_is_no_value_to_rebuild() {
    #[derive(Debug, PartialEq, ErrorCode)]
    #[error_code(from_params)]
    enum Typed {
        /// t {0} {1}
        #[code(2102, status = 400)]
        T(String, Option<u32>),
        /// {params_cut}
        #[code(2103, status = 400)]
        Named { params_cut: u32 },
    }
    let long = Typed::T("a".repeat(2000), Some(5));
    let status = grpc::status(&long);
    let metadata = error_info(&status).metadata;
    assert_eq!(metadata["paramsCut"], "param-0");
    let remote = RemoteError::from_status(&status).unwrap();
    assert!(remote.params_cut());
    assert!(remote.param("0").unwrap().as_str().unwrap().ends_with('…'));
    assert_eq!(remote.param("paramsCut"), None, "no param of its own");
    let remote = remote
        .typed::<Typed>()
        .expect_err("not rebuilt from a cut text");
    assert_eq!(remote.code, 2102);
    // Over HTTP it is whole.
    let body = error_code::Reply::new(&long).to_json();
    let whole = RemoteError::from_slice(body.as_bytes()).unwrap();
    assert!(!whole.params_cut());
    assert_eq!(whole.typed::<Typed>(), Ok(long));
    // Short enough: rebuilt over gRPC too.
    let short = Typed::T("a".into(), Some(5));
    let remote = RemoteError::from_status(&grpc::status(&short)).unwrap();
    assert!(!remote.params_cut());
    assert_eq!(remote.typed::<Typed>(), Ok(short));
    // A param named as the key is told apart, as `code` is.
    let named = Typed::Named { params_cut: 7 };
    let status = grpc::status(&named);
    assert_eq!(error_info(&status).metadata["param-params_cut"], "7");
    let remote = RemoteError::from_status(&status).unwrap();
    assert!(!remote.params_cut());
    assert_eq!(remote.typed::<Typed>(), Ok(named));
}

/// Reasons a field is invalid, with params.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
pub enum RangeError {
    /// must be between {min} and {max}
    #[code(
        1801,
        status = 400,
        message(de = "muss zwischen {min} und {max} liegen")
    )]
    Range { min: u32, max: u128 },
}

/// Each violation reads back over gRPC with the code and params the JSON
/// body gives it.
#[test]
fn violations_read_back_with_their_codes_and_params_as_over_json() {
    let mut fields = error_code::Violations::new();
    fields.add_error(
        "spec.replicas",
        &RangeError::Range {
            min: 1,
            max: u128::MAX,
        },
    );
    fields.add("spec.name", "must not be empty");
    fields.push(error_code::Violation::new("spec.image", "bad").with_param("n", 3));
    let error = VolumeError::Invalid { fields };
    for lang in ["en", "de"] {
        let over_grpc =
            RemoteError::from_status(&GrpcReply::new(&error).accept_language(lang).into_status())
                .unwrap();
        let body = error_code::Reply::new(&error)
            .accept_language(lang)
            .to_json();
        let over_json = RemoteError::from_slice(body.as_bytes()).unwrap();
        let seen = |remote: &RemoteError| -> Vec<(String, String, Option<u32>, String)> {
            remote
                .violations()
                .iter()
                .map(|v| {
                    (
                        v.field().to_owned(),
                        v.message().to_owned(),
                        v.code(),
                        serde_json::to_string(v.params()).unwrap(),
                    )
                })
                .collect()
        };
        assert_eq!(seen(&over_grpc), seen(&over_json), "{lang}");
        // An integer beyond 64 bits is kept whole, as its text, as a
        // top-level param is (and as the Go and Python clients keep it).
        for remote in [&over_grpc, &over_json] {
            let read: Vec<_> = remote.violations().iter().collect();
            assert_eq!(
                read[0].params()["max"],
                "340282366920938463463374607431768211455",
                "{lang}"
            );
            assert_eq!(read[0].params()["min"], 1, "{lang}");
            assert_eq!(read[2].params()["n"], 3, "{lang}");
        }
        assert_eq!(over_grpc.violations().len(), 3);
        assert_eq!(seen(&over_grpc)[0].2, Some(1801), "{lang}");
    }
}

/// A param whose type also reads a string.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum PodRef {
    Id(u64),
    Name(String),
}

/// An error rebuilt from params of such types.
#[derive(Debug, Clone, PartialEq, ErrorCode)]
#[error_code(from_params)]
pub enum Refs {
    /// no pod {pod} ({extra})
    #[code(1406, status = 404)]
    NotFound {
        pod: PodRef,
        extra: Option<serde_json::Value>,
    },
}

/// `typed` rebuilds over gRPC the value it rebuilds from the JSON body,
/// where the param's type reads a number's text as a string too.
#[test]
fn typed_rebuilds_what_the_body_rebuilds() {
    for error in [
        Refs::NotFound {
            pod: PodRef::Id(5),
            extra: Some(serde_json::json!({"a": null, "n": 5})),
        },
        Refs::NotFound {
            pod: PodRef::Name("5".into()),
            extra: Some(serde_json::json!("5")),
        },
        Refs::NotFound {
            pod: PodRef::Name("web".into()),
            extra: None,
        },
    ] {
        let over_grpc = RemoteError::from_status(&grpc::status(&error)).unwrap();
        let body = error_code::Reply::new(&error).to_json();
        let over_json = RemoteError::from_slice(body.as_bytes()).unwrap();
        assert_eq!(over_json.typed::<Refs>(), Ok(error.clone()), "{body}");
        assert_eq!(over_grpc.typed::<Refs>(), Ok(error), "{body}");
    }
}
