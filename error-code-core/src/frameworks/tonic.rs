//! gRPC answers (feature `tonic`, tonic 0.14 and tonic-types 0.14): every
//! derived error converts into a `tonic::Status` carrying Google's rich error
//! model, and clients read it back with
//! [`RemoteError::from_status`](crate::RemoteError::from_status).
//!
//! # The status
//!
//! - **Code**: the code's `grpc = NAME` override where it has one, else its
//!   HTTP status mapped as [`code_for_status`] documents.
//! - **Message**: the catalog message (in the language asked with
//!   [`GrpcReply::accept_language`]), followed by `": "` and the detail where one is
//!   sent. Details follow the HTTP rules of [`Reply`](crate::Reply): a 4xx
//!   detail is sent, a 5xx detail is not (not in the message, not in any
//!   detail, not in any metadata) unless
//!   [`GrpcReply::expose_server_details`] opts in; a detail that only
//!   repeats the message is not sent.
//! - **Details** (`google.rpc.Status.details`, read with
//!   `tonic_types::StatusExt::get_error_details`):
//!   - `ErrorInfo`: `reason` = the name in UPPER_SNAKE_CASE ([`reason`]),
//!     `domain` = [`domain`], `metadata` = `{"code": "2001"}`, plus
//!     `"detail"` when a detail is sent, and each param's text (its JSON
//!     value: a string as it is, another value as JSON) under its key: the
//!     name in lowerCamelCase (AIP-193, `pod_name` → `podName`) where that
//!     reads back as the name, else `param-` and the name as written
//!     (`param-param_2`, `param-0` for a tuple field, `param-code`), so
//!     that [`RemoteError::param`](crate::RemoteError::param) finds every
//!     param by its name. A `null` param (`None`) has no text, which would
//!     read as an empty string's: its key is listed under
//!     [`PARAMS_NULL_KEY`] instead, and it reads back as `null`, as over
//!     JSON; a param written as JSON (a number, an array…) is listed under
//!     [`PARAMS_JSON_KEY`] and reads back as the JSON body's value. Field
//!     violations' codes and params, which a `BadRequest` has
//!     no place for, are under [`VIOLATIONS_KEY`].
//!   - `BadRequest` with the field violations (field, message, reason),
//!     in the language asked.
//!   - `RetryInfo` with the delay in whole seconds, rounded up, as HTTP's
//!     `Retry-After`.
//!   - `Help` with one link when the code has a documentation link
//!     (`url = "…"` on the enum or its category enum).
//!   - `LocalizedMessage` when a locale was asked and the language of the
//!     message chosen is known (a translation, or the untagged message of
//!     a `lang = "…"` enum, as HTTP falls back to it); its `locale` is that
//!     language's tag, the one HTTP's `Content-Language` names, and each
//!     field violation's says its own the same way.
//!
//! A status travels in HTTP/2 headers, which peers limit (16 KiB is
//! common): a longer one reaches the client as a protocol error, untyped.
//! So each text of a status (the message, the detail, the localized
//! message) takes at most [`TEXT_BUDGET`] bytes, the params' texts
//! [`PARAMS_BUDGET`] together, and all details [`VIOLATIONS_BUDGET`]; a
//! longer text is cut at a character and ends in `…`. The keys of the
//! params cut are listed under [`PARAMS_CUT_KEY`], and the client rebuilds
//! no error from them.

use crate::catalog::CodeInfo;
use crate::client::{BodyError, RemoteError};
use crate::code::ErrorCode;
use crate::message::render;
use crate::violations::Violations;
use crate::wire::Reply;
use crate::wire::params::{param_key, param_name, param_texts};

/// The bytes the details of one status may take, its field violations
/// what the other details leave: they travel in the
/// `grpc-status-details-bin` header, and many servers and proxies accept
/// 8 KiB of metadata.
pub const VIOLATIONS_BUDGET: usize = 6 * 1024;

/// The bytes each text of a status may take: the message, the detail and
/// the localized message; a longer one is cut and ends in `…`.
pub const TEXT_BUDGET: usize = 512;

/// The bytes the texts of a status's params may take together; a longer
/// text is cut and ends in `…`.
pub const PARAMS_BUDGET: usize = 1024;
use ::tonic::{Code, Status};
use ::tonic_types::{ErrorDetails, FieldViolation, LocalizedMessage, StatusExt};
use http::StatusCode;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// The `ErrorInfo` metadata key that holds the numeric error code.
pub const CODE_KEY: &str = crate::wire::params::OWN_KEYS[0];

/// The `ErrorInfo` metadata key that holds the detail, when one is sent.
pub const DETAIL_KEY: &str = crate::wire::params::OWN_KEYS[1];

/// The `ErrorInfo` metadata key that lists, comma-separated, the keys of
/// the params [`PARAMS_BUDGET`] cut, when it cut any: a client does not
/// take a cut text for the value ([`RemoteError::typed`](crate::RemoteError::typed)
/// does not rebuild the error from it).
pub const PARAMS_CUT_KEY: &str = crate::wire::params::OWN_KEYS[2];

/// The `ErrorInfo` metadata key that lists, comma-separated, the keys of
/// the params that are `null` (`None`), when there are any: their text
/// would read as an empty string's, so they come back as `null`, as over
/// JSON.
pub const PARAMS_NULL_KEY: &str = crate::wire::params::OWN_KEYS[3];

/// The `ErrorInfo` metadata key that lists, comma-separated, the keys of
/// the params whose text is JSON (a number, `true`, an array, an object),
/// not a string's own text: a client reads them back as the values the
/// JSON body gives (`5`, not `"5"`).
pub const PARAMS_JSON_KEY: &str = crate::wire::params::OWN_KEYS[5];

/// The `ErrorInfo` metadata key that holds, as a JSON array in the order
/// of the `BadRequest` field violations, each one's code and params
/// (`{"code":1101,"params":{"max":10}}`, `{}` for one without), when one
/// has either: a field violation has no place for them, and over JSON the
/// body's `errors` carry them.
pub const VIOLATIONS_KEY: &str = crate::wire::params::OWN_KEYS[4];

/// The `reason` of the last `BadRequest` violation where the budget left
/// some out (its field is empty).
const LEFT_OUT: &str = "VIOLATIONS_LEFT_OUT";

/// Adds `key` to `list`, the comma-separated keys of a metadata list
/// ([`PARAMS_CUT_KEY`], [`PARAMS_NULL_KEY`], [`PARAMS_JSON_KEY`]): the
/// lists' one writing, as [`listed_keys`] is their one reading.
fn list_key(list: &mut String, key: &str) {
    if !list.is_empty() {
        list.push(',');
    }
    list.push_str(key);
}

/// The keys listed under the metadata key `own`, none where it is absent.
fn listed_keys<'m>(
    metadata: &'m HashMap<String, String>,
    own: &str,
) -> impl Iterator<Item = &'m str> {
    let list = metadata.get(own).map_or("", String::as_str);
    list.split(',').filter(|key| !key.is_empty())
}

/// `v`'s code and params as the JSON object [`VIOLATIONS_KEY`] lists,
/// into `out` (cleared first): the params as written, as the body has them.
fn code_entry(out: &mut String, v: &crate::Violation) {
    out.clear();
    out.push('{');
    if let Some(code) = v.code() {
        out.push_str("\"code\":");
        out.push_str(&code.to_string());
    }
    let written = v.written();
    if !written.is_empty() {
        if out.len() > 1 {
            out.push(',');
        }
        out.push_str("\"params\":{");
        for (k, (key, json)) in written.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(key).unwrap_or_default());
            out.push(':');
            out.push_str(json);
        }
        out.push('}');
    }
    out.push('}');
}

/// The bytes the budget keeps for its marker: its text, reason and framing.
const MARKER_SIZE: usize = 192;

/// The gRPC code for an HTTP status, by Google's mapping:
///
/// | HTTP | gRPC |
/// |---|---|
/// | 400 | `INVALID_ARGUMENT` |
/// | 401 | `UNAUTHENTICATED` |
/// | 403 | `PERMISSION_DENIED` |
/// | 404 | `NOT_FOUND` |
/// | 409 | `ABORTED` |
/// | 429 | `RESOURCE_EXHAUSTED` |
/// | 499 | `CANCELLED` |
/// | 500 | `INTERNAL` |
/// | 501 | `UNIMPLEMENTED` |
/// | 503 | `UNAVAILABLE` |
/// | 504 | `DEADLINE_EXCEEDED` |
/// | any other 4xx | `FAILED_PRECONDITION` |
/// | any other 5xx | `INTERNAL` |
/// | anything else | `UNKNOWN` |
///
/// A code with `grpc = NAME` answers that code instead ([`grpc_code`]).
#[must_use]
pub const fn code_for_status(status: StatusCode) -> Code {
    Code::from_i32(crate::catalog::grpc_number_for_status(status.as_u16()))
}

/// The gRPC code of a `google.rpc.Code` name (`"ALREADY_EXISTS"`), if it is
/// one.
#[must_use]
pub fn code_named(name: &str) -> Option<Code> {
    let number = crate::catalog::GRPC_NAMES.iter().position(|n| *n == name)?;
    Some(Code::from_i32(i32::try_from(number).ok()?))
}

/// The gRPC code a catalog entry answers: its `grpc = NAME` override, else
/// its HTTP status by [`code_for_status`]. An override of `OK` is no error
/// code and is ignored.
#[must_use]
pub fn grpc_code(info: &CodeInfo) -> Code {
    match info.grpc_override().and_then(code_named) {
        Some(code) if code != Code::Ok => code,
        _ => code_for_status(info.status()),
    }
}

/// The `ErrorInfo.reason` of a catalog entry:
/// [`CodeInfo::unique_grpc_reason`], its name in UPPER_SNAKE_CASE
/// (`GetPodError` → `GET_POD_ERROR`, [`CodeInfo::grpc_reason`]), told apart
/// by its code where another code of the API gives the same reason
/// (`NOT_FOUND_2002`).
#[must_use]
pub fn reason(info: &CodeInfo) -> String {
    info.unique_grpc_reason().into_owned()
}

/// The `ErrorInfo.domain` of a catalog entry: `#[error_code(domain = "…")]`
/// on its enum, else `#[category(domain = "…")]` on its category enum, else
/// the name of the enum that declares the code, lower-cased (`PodError` →
/// `poderror`). Set a domain: AIP-193 asks for the service's name, such as
/// `pods.example.com`.
#[must_use]
pub fn domain(info: &CodeInfo) -> String {
    info.grpc_domain().into_owned()
}

/// The `tonic::Status` for `error`, with the defaults of [`GrpcReply`]: the
/// default message and no 5xx detail. `From<E> for tonic::Status` calls this.
#[must_use]
pub fn status(error: &dyn ErrorCode) -> Status {
    GrpcReply::new(error).into_status()
}

/// The gRPC answer of an [`ErrorCode`] value, built step by step:
/// `GrpcReply::new(&err).accept_language("zh-Hant-TW").into_status()`.
///
/// See the [module documentation](self) for what the status carries.
#[derive(Clone, Copy)]
pub struct GrpcReply<'a> {
    reply: Reply<'a>,
    locale: Option<&'a str>,
    link_base: Option<&'a str>,
}

impl fmt::Debug for GrpcReply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GrpcReply")
            .field("reply", &self.reply)
            .field("locale", &self.locale)
            .finish()
    }
}

impl<'a> GrpcReply<'a> {
    /// The answer for `error`: default message, no 5xx detail.
    #[must_use]
    pub fn new(error: &'a dyn ErrorCode) -> Self {
        GrpcReply {
            reply: Reply::new(error),
            locale: None,
            link_base: None,
        }
    }

    /// Answers in the language `accept_language` prefers: a language tag
    /// (`zh-Hant-TW`) or a whole `Accept-Language` value (gRPC metadata
    /// `accept-language`), negotiated as [`Reply::accept_language`] does.
    /// The status message is then in that language, and a
    /// `LocalizedMessage` detail carries it.
    #[must_use]
    pub fn accept_language(mut self, accept_language: &'a str) -> Self {
        self.reply = self.reply.accept_language(accept_language);
        self.locale = Some(accept_language);
        self
    }

    /// Sends the detail of 5xx answers too (off by default: it is internal).
    #[must_use]
    pub fn expose_server_details(mut self, expose: bool) -> Self {
        self.reply = self.reply.expose_server_details(expose);
        self
    }

    /// The catalog entry of the error.
    #[must_use]
    pub fn info(&self) -> &'static CodeInfo {
        self.reply.info()
    }

    /// The gRPC code of the answer ([`grpc_code`]).
    #[must_use]
    pub fn code(&self) -> Code {
        grpc_code(self.info())
    }

    /// The message in the language asked, with its params, without the
    /// detail; at most [`TEXT_BUDGET`] bytes.
    #[must_use]
    pub fn message(&self) -> Cow<'static, str> {
        cut_owned(self.reply.message(), TEXT_BUDGET)
    }

    /// Where a relative link (`url = "/errors/{code}"`, for the error index
    /// the service serves) is resolved for the `Help` detail: the service's
    /// public origin, e.g. `https://api.example.com`.
    #[must_use]
    pub fn link_base(mut self, base: &'a str) -> Self {
        self.link_base = Some(base);
        self
    }

    /// The id of the request, sent in a `google.rpc.RequestInfo` detail
    /// and recorded in the tracing event: as the HTTP layers take an id,
    /// visible ASCII of at most 200 bytes (trimmed); another is left out,
    /// as it would take the status's header room.
    #[must_use]
    pub fn request_id(mut self, id: &'a str) -> Self {
        if crate::wire::is_id(id) {
            self.reply = self.reply.request_id(id.trim());
        }
        self
    }

    /// The detail that is sent, if any, as text: the value's `Display` where
    /// it says more than the message, and only for a 4xx unless opted in;
    /// at most [`TEXT_BUDGET`] bytes.
    #[must_use]
    pub fn detail(&self) -> Option<String> {
        self.reply
            .detail_text_within(self.reply.info(), TEXT_BUDGET)
            .map(|d| cut(d, TEXT_BUDGET))
    }

    /// The status message: the catalog message, then `": "` and the detail
    /// where one is sent.
    #[must_use]
    pub fn status_message(&self) -> String {
        status_message(&self.message(), self.detail().as_deref())
    }

    /// The rich error details the status carries.
    #[must_use]
    pub fn error_details(&self) -> ErrorDetails {
        self.details_with(self.info(), self.detail(), self.status_message().len())
    }

    /// The details; `message` is the status message, counted in the
    /// budget of the details (the status carries it there too).
    fn details_with(
        &self,
        info: &'static CodeInfo,
        detail: Option<String>,
        message: usize,
    ) -> ErrorDetails {
        let mut metadata = HashMap::with_capacity(2);
        let mut used = message;
        metadata.insert(CODE_KEY.to_owned(), info.code().to_string());
        if let Some(detail) = detail {
            used += detail.len();
            metadata.insert(DETAIL_KEY.to_owned(), detail);
        }
        // Each param as the body sends it, under its metadata key; a
        // `null` one's key listed apart. What the budget leaves each is its
        // most.
        let mut params = 0;
        let mut cut_keys = String::new();
        let mut null_keys = String::new();
        let mut json_keys = String::new();
        for (key, text, json) in param_texts(self.reply.error()) {
            let listed = match (&text, json) {
                (None, _) => Some(&mut null_keys),
                (Some(_), true) => Some(&mut json_keys),
                (Some(_), false) => None,
            };
            if let Some(list) = listed {
                list_key(list, &param_key(key));
            }
            let Some(text) = text else {
                continue;
            };
            let whole = text.len();
            let text = cut(
                text,
                PARAMS_BUDGET.saturating_sub(params).max(ELLIPSIS.len()),
            );
            params += text.len();
            let key = param_key(key).into_owned();
            if text.len() != whole {
                list_key(&mut cut_keys, &key);
            }
            used += key.len() + text.len();
            metadata.insert(key, text);
        }
        for (own, keys) in [
            (PARAMS_CUT_KEY, cut_keys),
            (PARAMS_NULL_KEY, null_keys),
            (PARAMS_JSON_KEY, json_keys),
        ] {
            if !keys.is_empty() {
                used += own.len() + keys.len();
                metadata.insert(own.to_owned(), keys);
            }
        }
        // The `ErrorInfo` last: the violations add to its metadata.
        let mut details = ErrorDetails::new();
        if let Some(url) = info.url() {
            let url = match self.link_base {
                Some(base) => crate::wire::resolved(&url, base).into_owned(),
                None => url,
            };
            details.add_help_link(format!("{} {}", info.code(), info.name()), url);
        }
        // The message chosen for the locale asked, in the language HTTP's
        // `Content-Language` names (a translation, or the untagged message
        // where its language is known), as the violations' are.
        if let (Some(_), (template, Some(tag))) = (self.locale, self.reply.chosen(info)) {
            let text = cut_owned(render(template, Some(tag), self.reply.error()), TEXT_BUDGET);
            used += tag.len() + text.len();
            details.set_localized_message(tag, text);
        }
        if let Some(id) = self.reply.id() {
            used += id.len();
            details.set_request_info(id, "");
        }
        let error = self.reply.error();
        if let Some(violations) = error.violations().filter(|v| !v.is_empty()) {
            // The reason, domain, link and framing: a generous bound.
            used += 512;
            let room = VIOLATIONS_BUDGET.saturating_sub(used).max(MARKER_SIZE);
            let mut codes = String::new();
            details.set_bad_request(self.field_violations(violations, room, &mut codes));
            if !codes.is_empty() {
                metadata.insert(VIOLATIONS_KEY.to_owned(), codes);
            }
        }
        details.set_error_info(info.unique_grpc_reason(), domain(info), metadata);
        // Whole seconds, rounded up, as HTTP's `Retry-After` says it.
        if let Some(delay) = error.retry_after() {
            let seconds = crate::violations::whole_seconds(delay);
            details.set_retry_info(Some(std::time::Duration::from_secs(seconds)));
        }
        details
    }

    /// The violations as `google.rpc.BadRequest` field violations, in the
    /// language asked, within `budget` bytes (what [`VIOLATIONS_BUDGET`]
    /// leaves them): what does not fit is left out, and a last violation
    /// says how many.
    ///
    /// Each one's code and params, which a field violation has no place
    /// for, go to `codes` (the [`VIOLATIONS_KEY`] metadata): a JSON array
    /// in the violations' order, `{"code":1101,"params":{"max":10}}` or
    /// `{}` each, left empty where no violation has either.
    fn field_violations(
        &self,
        violations: &Violations,
        budget: usize,
        codes: &mut String,
    ) -> Vec<FieldViolation> {
        let mut out = Vec::with_capacity(violations.len().min(64));
        let mut used = 0;
        let mut any_code = false;
        let mut entry = String::new();
        for (i, v) in violations.iter().enumerate() {
            let message = match self.locale {
                Some(locale) => v.message_for(locale).into_owned(),
                None => v.message().to_owned(),
            };
            let reason = v.reason().unwrap_or_default().into_owned();
            code_entry(&mut entry, v);
            let size = v.field().len() + 2 * message.len() + reason.len() + entry.len() + 33;
            // Room for the marker stays, unless this is the last one.
            let room = if i + 1 == violations.len() {
                budget
            } else {
                budget.saturating_sub(MARKER_SIZE)
            };
            if used + size > room {
                let left = violations.len() - i;
                let mut marker = FieldViolation::new(
                    "",
                    format!(
                        "{left} more violations left out: the details are limited to {VIOLATIONS_BUDGET} bytes"
                    ),
                );
                marker.reason = LEFT_OUT.to_owned();
                out.push(marker);
                break;
            }
            used += size;
            any_code |= entry.len() > 2;
            codes.push(if i == 0 { '[' } else { ',' });
            codes.push_str(&entry);
            let mut violation = FieldViolation::new(v.field(), message.clone());
            violation.reason = reason;
            // A message in a known language only: a `LocalizedMessage`
            // names its locale.
            if let Some(tag) = self
                .locale
                .and_then(|locale| v.info()?.language_for(locale))
                .filter(|tag| !tag.is_empty())
            {
                violation.localized_message = Some(LocalizedMessage::new(tag, message));
            }
            out.push(violation);
        }
        if any_code {
            codes.push(']');
        } else {
            codes.clear();
        }
        out
    }

    /// The `tonic::Status`; with the `tracing` feature, the answer's event
    /// is emitted (see [`crate::observe`]).
    #[must_use]
    pub fn into_status(self) -> Status {
        let _answering = crate::message::Answering::start();
        crate::observe::answer(&self.reply);
        // The detail is written out once, and moved into the metadata.
        // The entry is found once: each lookup is a call through `dyn`.
        let info = self.info();
        let detail = self
            .reply
            .detail_text_within(info, TEXT_BUDGET)
            .map(|d| cut(d, TEXT_BUDGET));
        let (template, lang) = self.reply.chosen(info);
        let message = render(template, lang, self.reply.error());
        let message = status_message(&cut_owned(message, TEXT_BUDGET), detail.as_deref());
        let details = self.details_with(info, detail, message.len());
        let violations = details
            .bad_request()
            .map(|bad| bad.field_violations.clone());
        let status = Status::with_error_details(grpc_code(info), message, details);
        match violations {
            Some(violations) => with_whole_violations(status, violations),
            None => status,
        }
    }
}

/// `status` with its `BadRequest` encoded again, each violation's `reason`
/// and `localized_message` kept: tonic-types' encoding leaves them out.
fn with_whole_violations(status: Status, violations: Vec<FieldViolation>) -> Status {
    use ::prost::Message as _;
    use ::tonic_types::pb;
    let Ok(mut decoded) = pb::Status::decode(status.details()) else {
        return status;
    };
    let Some(any) = decoded
        .details
        .iter_mut()
        .find(|any| any.type_url.ends_with("google.rpc.BadRequest"))
    else {
        return status;
    };
    let field_violations = violations
        .into_iter()
        .map(|v| pb::bad_request::FieldViolation {
            field: v.field,
            description: v.description,
            reason: v.reason,
            localized_message: v.localized_message.map(|m| pb::LocalizedMessage {
                locale: m.locale,
                message: m.message,
            }),
        })
        .collect();
    any.value = pb::BadRequest { field_violations }.encode_to_vec();
    Status::with_details(
        status.code(),
        status.message().to_owned(),
        decoded.encode_to_vec().into(),
    )
}

/// What ends a text cut to its budget.
const ELLIPSIS: &str = "…";

/// `text` within `max` bytes: cut at a character, ending in `…`.
fn cut(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max.saturating_sub(ELLIPSIS.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push_str(ELLIPSIS);
    }
    text
}

/// [`cut`] of a message that may be borrowed.
fn cut_owned(text: Cow<'static, str>, max: usize) -> Cow<'static, str> {
    if text.len() > max {
        Cow::Owned(cut(text.into_owned(), max))
    } else {
        text
    }
}

fn status_message(message: &str, detail: Option<&str>) -> String {
    match detail {
        Some(detail) => {
            let mut out = String::with_capacity(message.len() + 2 + detail.len());
            out.push_str(message);
            out.push_str(": ");
            out.push_str(detail);
            out
        }
        None => message.to_owned(),
    }
}

/// The status for `error`; what the generated `From` impl calls.
#[doc(hidden)]
pub fn grpc_status(error: &dyn ErrorCode) -> Status {
    status(error)
}

impl RemoteError {
    /// Reads an error answer from a `tonic::Status` made by this crate (or
    /// any status with a `google.rpc.ErrorInfo` whose metadata has `"code"`):
    /// the code from that metadata, the detail from its `"detail"`, and the
    /// message from the status message, the detail removed. `status` is
    /// `None`: a gRPC status carries no HTTP status.
    ///
    /// # Errors
    /// When the status details do not decode, or hold no `ErrorInfo` with a
    /// `"code"` that is a `u32`.
    pub fn from_status(status: &Status) -> Result<RemoteError, BodyError> {
        let details = status
            .check_error_details()
            .map_err(|e| BodyError(format!("undecodable status details: {e}")))?;
        let info = details
            .error_info()
            .ok_or_else(|| BodyError("no google.rpc.ErrorInfo in the status".to_owned()))?;
        let code = info
            .metadata
            .get(CODE_KEY)
            .ok_or_else(|| BodyError("no `code` in the ErrorInfo metadata".to_owned()))?;
        let code = code.parse::<u32>().map_err(|_| {
            BodyError("`code` in the ErrorInfo metadata is not a number".to_owned())
        })?;
        let detail = info.metadata.get(DETAIL_KEY).cloned();
        let message = status.message();
        let message = detail
            .as_deref()
            .and_then(|d| message.strip_suffix(d)?.strip_suffix(": "))
            .unwrap_or(message);
        let params_cut = listed_keys(&info.metadata, PARAMS_CUT_KEY).next().is_some();
        let mut params: serde_json::Map<String, serde_json::Value> = info
            .metadata
            .iter()
            .filter(|(key, _)| !crate::wire::params::OWN_KEYS.contains(&key.as_str()))
            .map(|(key, text)| {
                let name = param_name(key).into_owned();
                let value = if listed_keys(&info.metadata, PARAMS_JSON_KEY).any(|k| k == key) {
                    crate::client::param_from_json(text)
                } else {
                    serde_json::Value::String(text.clone())
                };
                (name, value)
            })
            .collect();
        for key in listed_keys(&info.metadata, PARAMS_NULL_KEY) {
            params.insert(param_name(key).into_owned(), serde_json::Value::Null);
        }
        let retry_after = details
            .retry_info()
            .and_then(|retry| retry.retry_delay)
            // A client does not come back early: a part of a second counts.
            .map(crate::violations::whole_seconds);
        // Each violation's code and params, where the server sent them.
        let written = info.metadata.get(VIOLATIONS_KEY);
        let codes = match written.map(|c| c.parse()) {
            Some(Ok(serde_json::Value::Array(codes))) => codes,
            _ => Vec::new(),
        };
        let written = written
            .and_then(|w| crate::wire::params::items(w))
            .unwrap_or_default();
        let mut violations = Vec::new();
        if let Some(bad) = details.bad_request() {
            for (i, v) in bad.field_violations.iter().enumerate() {
                // The budget's marker is none of the request's.
                if v.field.is_empty() && v.reason == LEFT_OUT {
                    continue;
                }
                let mut violation =
                    crate::violations::Violation::new(v.field.clone(), v.description.clone());
                if !v.reason.is_empty() {
                    violation = violation.with_reason(v.reason.clone());
                }
                if let Some(serde_json::Value::Object(entry)) = codes.get(i) {
                    let code = entry.get("code").and_then(serde_json::Value::as_u64);
                    violation = violation.with_code(code.and_then(|c| u32::try_from(c).ok()));
                    if let Some(serde_json::Value::Object(params)) = entry.get("params") {
                        violation =
                            crate::client::with_params(violation, params, written.get(i).copied());
                    }
                }
                violations.push(violation);
            }
        }
        let violations = Violations::from(violations);
        let mut remote = RemoteError::from_parts(
            code,
            message.to_owned(),
            detail,
            params,
            retry_after,
            violations,
        );
        remote.params_cut = params_cut;
        Ok(remote)
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_impl {
    ([$($ig:tt)*] [$($ty:tt)*] [$($pred:tt)*]) => {
        #[automatically_derived]
        impl $($ig)* ::core::convert::From<$($ty)*> for $crate::private::tonic::Status
        where
            $($pred)*
            // An impl where the type is an error code, whatever its params
            // need: turning the feature on only adds impls.
            for<'__error_code_e> $($ty)*: $crate::private::ErrorCode,
        {
            fn from(__error: $($ty)*) -> Self {
                $crate::private::grpc_status(&__error)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALREADY_EXISTS: crate::catalog::Extras =
        crate::catalog::Extras::NONE.__grpc("ALREADY_EXISTS");
    const OK: crate::catalog::Extras = crate::catalog::Extras::NONE.__grpc("OK");

    /// The catalog's gRPC code name (the snapshot's, the exports') is the
    /// code a status answers.
    #[test]
    fn the_catalogs_grpc_name_is_the_code_answered() {
        for status in 100..=999 {
            let status = StatusCode::from_u16(status).unwrap();
            for grpc in [None, Some(&ALREADY_EXISTS), Some(&OK)] {
                let mut info = CodeInfo::__new(1, "E", status, "m", None, "E");
                if let Some(extras) = grpc {
                    info = info.__extras(extras);
                }
                assert_eq!(code_named(info.grpc_code_name()), Some(grpc_code(&info)));
            }
        }
    }

    #[test]
    fn overrides_win_except_ok() {
        let info = CodeInfo::__new(2003, "Exists", StatusCode::CONFLICT, "m", None, "PodError");
        assert_eq!(grpc_code(&info), Code::Aborted);
        assert_eq!(
            grpc_code(&info.__extras(&ALREADY_EXISTS)),
            Code::AlreadyExists
        );
        assert_eq!(grpc_code(&info.__extras(&OK)), Code::Aborted);
        assert_eq!(domain(&info), "poderror");
    }
}
