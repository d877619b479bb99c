//! OpenAPI error responses (feature `utoipa`): one response per HTTP status
//! a catalog can answer, with the body's schema inlined and one example per
//! code, each the exact body the server sends for that code.

use crate::catalog::{Catalog, CodeInfo};
use crate::code::{ErrorCatalog, ErrorCode};
use crate::message::Visit;
use crate::violations::{Violation, Violations};
use crate::wire::{JSON, PROBLEM_JSON, Reply};
use http::StatusCode;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use utoipa::openapi::example::{Example, ExampleBuilder};
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};

/// The responses of an operation, keyed by status (`"404"`), as
/// `utoipa::IntoResponses::responses` returns them.
pub type Responses = BTreeMap<String, RefOr<Response>>;

/// The name of the extension that holds the other languages' messages:
/// `{"2001": {"en": "Failed to get the pod"}}` (templates where the code has
/// params, else the text as sent).
pub const MESSAGES_EXTENSION: &str = "x-messages";

/// The error responses of `catalog` for the default JSON body
/// (`application/json`, `{"code": …, "message": …, "error": …}`).
///
/// One response per HTTP status, keyed `"404"`; its description is the
/// status's reason phrase and the codes under it; its schema is inlined (no
/// `$ref`, so nothing needs registering), `code` limited to the codes under
/// that status; one example per code, named after the code's name, whose
/// value is the body the server sends for that code without a detail.
#[must_use]
pub fn catalog_responses(catalog: Catalog) -> Responses {
    build(catalog, Media::Json)
}

/// The error responses of `catalog` for RFC 9457 problem bodies
/// (`application/problem+json`, as [`Reply::problem`] sends them with
/// `type_base`); laid out as [`catalog_responses`].
#[must_use]
pub fn catalog_problem_responses(catalog: Catalog, type_base: &str) -> Responses {
    build(catalog, Media::Problem { type_base })
}

/// The error responses of `E` for the default JSON body: one per HTTP
/// status `E` can answer (composed parts included), keyed `"404"`, with
/// the body's schema inlined and one example per code, the exact body the
/// server sends for it.
///
/// ```
/// use error_code::ErrorCode;
/// use utoipa::OpenApi;
///
/// #[derive(Debug, ErrorCode)]
/// enum PodError {
///     /// 获取 Pod 失败
///     #[code(2001, status = 404)]
///     GetPodError,
///     /// 获取 Pod 事件失败
///     #[code(2002, status = 500)]
///     GetPodEventError,
/// }
///
/// let responses = error_code::openapi::responses::<PodError>();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "500"]);
/// let doc = serde_json::to_value(&responses["404"]).unwrap();
/// assert_eq!(doc["description"], "Not Found: 2001 GetPodError");
/// assert_eq!(
///     doc["content"]["application/json"]["examples"]["GetPodError"]["value"],
///     serde_json::json!({"code": 2001, "message": "获取 Pod 失败"})
/// );
///
/// // The same responses, listed in a handler's documentation.
/// #[utoipa::path(get, path = "/pods/{name}", responses((status = 200, description = "The pod"), PodError))]
/// async fn get_pod() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(get_pod))]
/// struct ApiDoc;
///
/// let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
/// assert!(doc["paths"]["/pods/{name}"]["get"]["responses"]["500"].is_object());
/// ```
///
/// **Two or more error types: list them in one [`Errors`].** utoipa's
/// `responses(...)` keeps only the last of the types listed side by
/// side for a status they share, silently.
///
/// ```
/// use error_code::ErrorCode;
/// use error_code::openapi::{Errors, Only};
/// use utoipa::OpenApi;
///
/// #[derive(Debug, ErrorCode)]
/// enum PodError {
///     /// 获取 Pod 失败
///     #[code(2001, status = 404)]
///     GetPodError,
///     /// Pod 已存在
///     #[code(2003, status = 409)]
///     PodExists,
/// }
///
/// #[derive(Debug, ErrorCode)]
/// enum BaseError {
///     /// 记录不存在
///     #[code(1002, status = 404)]
///     RecordNotExistError,
/// }
///
/// // Not `responses(..., PodError, BaseError)`: that keeps one 404.
/// #[utoipa::path(get, path = "/pods/{name}", responses((status = 200, description = "The pod"), Errors<(PodError, BaseError)>))]
/// async fn get_pod() {}
///
/// // A handler that answers some of a type's codes: checked at compile time.
/// #[utoipa::path(post, path = "/pods", responses((status = 201, description = "Created"), Only<PodError, 2003>))]
/// async fn create_pod() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(get_pod, create_pod))]
/// struct ApiDoc;
///
/// let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
/// let not_found = &doc["paths"]["/pods/{name}"]["get"]["responses"]["404"];
/// let examples = &not_found["content"]["application/json"]["examples"];
/// assert!(examples["GetPodError"].is_object() && examples["RecordNotExistError"].is_object());
/// let created = &doc["paths"]["/pods"]["post"]["responses"];
/// assert!(created["409"].is_object() && created.get("404").is_none());
/// ```
///
/// A code the type does not answer does not compile:
///
/// ```compile_fail
/// use error_code::ErrorCode;
/// use utoipa::IntoResponses as _;
///
/// #[derive(Debug, ErrorCode)]
/// enum PodError {
///     /// 获取 Pod 失败
///     #[code(2001, status = 404)]
///     GetPodError,
/// }
///
/// // 2002 is no code of PodError.
/// let _ = error_code::openapi::Only::<PodError, 2001, 2002>::responses();
/// ```
#[must_use]
pub fn responses<E: ErrorCatalog>() -> Responses {
    catalog_responses(E::CATALOG)
}

/// The error responses of `E` for RFC 9457 problem bodies
/// (`application/problem+json`), as [`Reply::problem`](crate::Reply::problem)
/// sends them with `type_base`; laid out as [`responses`].
///
/// ```
/// use error_code::ErrorCode;
///
/// #[derive(Debug, ErrorCode)]
/// enum PodError {
///     /// 获取 Pod 失败
///     #[code(2001, status = 404)]
///     GetPodError,
/// }
///
/// let responses = error_code::openapi::problem_responses::<PodError>("https://errors.example.com/");
/// let doc = serde_json::to_value(&responses["404"]).unwrap();
/// assert_eq!(
///     doc["content"]["application/problem+json"]["examples"]["GetPodError"]["value"]["type"],
///     "https://errors.example.com/2001"
/// );
/// ```
#[must_use]
pub fn problem_responses<E: ErrorCatalog>(type_base: &str) -> Responses {
    catalog_problem_responses(E::CATALOG, type_base)
}

#[derive(Clone, Copy)]
enum Media<'a> {
    Json,
    Problem { type_base: &'a str },
}

/// A catalog entry as an error value without a detail, so that the example
/// comes out of [`Reply`], the code that renders the server's answers.
struct Documented(&'static CodeInfo, Option<Violations>);

impl ErrorCode for Documented {
    fn code(&self) -> u32 {
        self.0.code()
    }
    fn status(&self) -> StatusCode {
        self.0.status()
    }
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn message(&self) -> &'static str {
        self.0.message()
    }
    fn info(&self) -> &'static CodeInfo {
        self.0
    }
    fn violations(&self) -> Option<&Violations> {
        self.1.as_ref()
    }
    fn for_each_param(&self, visit: Visit<'_>) {
        for (key, ty) in self.0.params().iter().zip(param_types(self.0)) {
            visit(key, &example_value(key, ty));
        }
    }
    fn retry_after(&self) -> Option<std::time::Duration> {
        // A delay its value gives (`#[retry_after]`): an example of one.
        let example = self
            .0
            .can_retry()
            .then_some(std::time::Duration::from_secs(30));
        self.0.retry_after().or(example)
    }
}

/// The JSON Schema type of each param of `info`, `""` where unknown.
fn param_types(info: &CodeInfo) -> impl Iterator<Item = &'static str> {
    info.param_types()
        .iter()
        .copied()
        .chain(std::iter::repeat(""))
}

/// An example value of a param of type `ty`: `"<name>"` for text, and
/// for a type not known; a value that may be `null` is one of its type.
fn example_value(key: &str, ty: &str) -> serde_json::Value {
    match ty.strip_suffix("|null").unwrap_or(ty) {
        "integer" => serde_json::Value::from(1),
        "number" => serde_json::Value::from(1.5),
        "boolean" => serde_json::Value::from(true),
        "array" => serde_json::Value::Array(Vec::new()),
        "object" => serde_json::Value::Object(serde_json::Map::new()),
        _ => serde_json::Value::from(format!("<{key}>")),
    }
}

/// The schema type of a param of JSON type `ty` (as the derive names it:
/// `string`, `integer|null`, …): any value where it is not known. A float
/// may also be `null`: one that is not finite (NaN, ±∞) is sent as
/// `null`, as serde_json writes it.
fn schema_type(ty: &str) -> utoipa::openapi::schema::SchemaType {
    use utoipa::openapi::schema::SchemaType;
    let (base, null) = match ty.strip_suffix("|null") {
        Some(base) => (base, true),
        None => (ty, ty == "number"),
    };
    let base = match base {
        "string" => Type::String,
        "integer" => Type::Integer,
        "number" => Type::Number,
        "boolean" => Type::Boolean,
        "array" => Type::Array,
        "object" => Type::Object,
        _ => return SchemaType::AnyValue,
    };
    if null {
        SchemaType::Array(vec![base, Type::Null])
    } else {
        SchemaType::Type(base)
    }
}

/// `errors` where a code of `codes` can list field violations, and
/// `retry_after` where one can say when to retry.
fn extras_schema(
    schema: ObjectBuilder,
    codes: &[&'static CodeInfo],
    problem: bool,
) -> ObjectBuilder {
    let listed: Vec<String> = codes
        .iter()
        .filter(|info| info.carries_violations())
        .map(|info| info.code().to_string())
        .collect();
    let schema = if listed.is_empty() {
        schema
    } else {
        let mut item = ObjectBuilder::new().schema_type(Type::Object);
        if problem {
            item = item
                .property(
                    "pointer",
                    string_schema(
                        "The field as an RFC 6901 JSON pointer in a URI fragment (RFC 9457).",
                    ),
                )
                .property("detail", string_schema("What is wrong with the field."))
                .required("pointer")
                .required("detail");
        } else {
            item = item
                .property(
                    "message",
                    string_schema("What is wrong with the field, in the request's language."),
                )
                .required("message");
        }
        let item = item
            .property(
                "field",
                string_schema("The field as the client sent it, e.g. `spec.replicas`."),
            )
            .property(
                "code",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .description(Some("The reason's own error code, where it has one.")),
            )
            .property(
                "reason",
                string_schema("The reason as a word, e.g. a validator's `length`."),
            )
            .property(
                "params",
                ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .description(Some("The values the reason's message names.")),
            )
            .required("field");
        schema.property(
            "errors",
            utoipa::openapi::schema::ArrayBuilder::new()
                .items(item)
                .description(Some(format!(
                    "The invalid fields, one entry each (codes {}).",
                    listed.join(", ")
                ))),
        )
    };
    if codes.iter().any(|info| info.can_retry()) {
        schema.property(
            "retry_after",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(0))
                .description(Some(
                    "Seconds to wait before retrying, as the `Retry-After` header says.",
                )),
        )
    } else {
        schema
    }
}

/// The `params` member: each param any of `codes` sends, with its type.
fn params_schema(codes: &[&'static CodeInfo]) -> Option<ObjectBuilder> {
    let mut params: BTreeMap<&'static str, (&'static str, Vec<u32>)> = BTreeMap::new();
    for info in codes {
        for (key, ty) in info.params().iter().zip(param_types(info)) {
            let entry = params.entry(key).or_insert((ty, Vec::new()));
            if entry.0 != ty {
                entry.0 = "";
            }
            entry.1.push(info.code());
        }
    }
    if params.is_empty() {
        return None;
    }
    let mut schema = ObjectBuilder::new().schema_type(Type::Object).description(Some(
        "The values the message names, by name: public data of the error, as the code's catalog entry lists them.",
    ));
    for (key, (ty, of)) in params {
        let of: Vec<String> = of.iter().map(u32::to_string).collect();
        let mut param =
            ObjectBuilder::new().description(Some(format!("A param of {}.", of.join(", "))));
        // Unknown, or different between codes: any value.
        param = param.schema_type(schema_type(ty));
        schema = schema.property(key, param);
    }
    Some(schema)
}

fn build(catalog: Catalog, media: Media<'_>) -> Responses {
    build_from(catalog.iter(), media)
}

fn build_from(entries: impl Iterator<Item = &'static CodeInfo>, media: Media<'_>) -> Responses {
    let mut by_status: BTreeMap<u16, Vec<&'static CodeInfo>> = BTreeMap::new();
    for info in entries {
        by_status
            .entry(info.status().as_u16())
            .or_default()
            .push(info);
    }
    by_status
        .into_iter()
        .filter_map(|(status, codes)| {
            let first = codes.first()?;
            let response = response(first.status(), &codes, media);
            Some((status.to_string(), RefOr::T(response)))
        })
        .collect()
}

fn response(status: StatusCode, codes: &[&'static CodeInfo], media: Media<'_>) -> Response {
    let mut description = format!("{}:", status.canonical_reason().unwrap_or("Error"));
    for (i, info) in codes.iter().enumerate() {
        let sep = if i == 0 { " " } else { ", " };
        let _ = write!(description, "{sep}{} {}", info.code(), info.name());
    }

    let content_of = |media: Media<'_>| {
        let mut examples: Vec<(String, RefOr<Example>)> = Vec::with_capacity(codes.len());
        for info in codes {
            // Names may repeat across composed enums; codes do not.
            let name = if examples.iter().any(|(n, _)| n == info.name()) {
                format!("{} {}", info.code(), info.name())
            } else {
                info.name().to_owned()
            };
            examples.push((name, RefOr::T(example(info, media))));
        }
        let schema = match media {
            Media::Json => json_schema(status, codes),
            Media::Problem { .. } => problem_schema(status, codes),
        };
        ContentBuilder::new()
            .schema(Some(schema))
            .examples_from_iter(examples)
            .build()
    };
    let content_type = match media {
        Media::Json => JSON,
        Media::Problem { .. } => PROBLEM_JSON,
    };
    let content = content_of(media);

    let translations: serde_json::Map<String, serde_json::Value> = codes
        .iter()
        .filter(|info| !info.messages().is_empty())
        .map(|info| {
            let messages = info
                .messages()
                .iter()
                .map(|(tag, text)| {
                    let text = crate::wire::params::readable(info, text);
                    ((*tag).to_owned(), serde_json::Value::from(text.as_ref()))
                })
                .collect::<serde_json::Map<_, _>>();
            (info.code().to_string(), serde_json::Value::Object(messages))
        })
        .collect();
    // Each builder call moves the whole builder: only the ones that add
    // something are made.
    let mut response = ResponseBuilder::new()
        .description(description)
        .content(content_type, content);
    // A request that asks for problem+json gets it (`Accept`), so the
    // default responses list it beside the JSON body.
    if let Media::Json = media {
        response = response.content(PROBLEM_JSON, content_of(Media::Problem { type_base: "" }));
    }
    // The header the answers of these codes send, as the body's member.
    let retrying: Vec<String> = codes
        .iter()
        .filter(|info| info.can_retry())
        .map(|info| info.code().to_string())
        .collect();
    if !retrying.is_empty() {
        let header = utoipa::openapi::header::HeaderBuilder::new()
            .schema(Some(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0)),
            ))
            .description(Some(format!(
                "Seconds to wait before retrying, sent by {}.",
                retrying.join(", ")
            )))
            .build();
        response = response.header("Retry-After", header);
    }
    if translations.is_empty() {
        return response.build();
    }
    let extensions = ExtensionsBuilder::new()
        .add(MESSAGES_EXTENSION, serde_json::Value::Object(translations))
        .build();
    response.extensions(Some(extensions)).build()
}

fn example(info: &'static CodeInfo, media: Media<'_>) -> Example {
    // One made-up violation where the code can list them.
    let violations = info
        .carries_violations()
        .then(|| Violations::from(vec![Violation::new("<field>", "<what is wrong>")]));
    let error = Documented(info, violations);
    let reply = match media {
        Media::Json => Reply::new(&error),
        Media::Problem { type_base } => Reply::new(&error).problem(type_base),
    };
    // The value the body's text parses to, without the text.
    let value = serde_json::to_value(reply).ok();
    let summary = reply.message().into_owned();
    let example = ExampleBuilder::new().summary(summary).value(value);
    match info.deprecation() {
        None => example.build(),
        Some("") => example.description("Deprecated.").build(),
        Some(note) => example.description(format!("Deprecated: {note}")).build(),
    }
}

fn codes_schema(codes: &[&'static CodeInfo]) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .description(Some("The error code."))
        .enum_values(Some(codes.iter().map(|info| info.code())))
}

fn string_schema(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

/// What the detail field holds; a 5xx answer leaves it out by default.
fn detail_description(status: StatusCode) -> &'static str {
    if status.is_server_error() {
        "The error's own detail; a server error sends it only where the server opts in."
    } else {
        "The error's own detail, where it says more than the message."
    }
}

/// The body's `request_id`, in either format.
fn request_id_schema() -> ObjectBuilder {
    string_schema("The request's id, where the server knows it.")
}

fn json_schema(status: StatusCode, codes: &[&'static CodeInfo]) -> ObjectBuilder {
    let schema = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("code", codes_schema(codes))
        .property(
            "message",
            string_schema(
                "The catalog message with its params, in the request's language where translated.",
            ),
        );
    let schema = match params_schema(codes) {
        Some(params) => schema.property("params", params),
        None => schema,
    };
    let schema = extras_schema(schema, codes, false);
    schema
        .property("error", string_schema(detail_description(status)))
        .property("request_id", request_id_schema())
        .required("code")
        .required("message")
}

fn problem_schema(status: StatusCode, codes: &[&'static CodeInfo]) -> ObjectBuilder {
    let schema = ObjectBuilder::new();
    let schema = match params_schema(codes) {
        Some(params) => schema.property("params", params),
        None => schema,
    };
    let schema = extras_schema(schema, codes, true);
    schema
        .schema_type(Type::Object)
        .property(
            "type",
            string_schema("A link to the code's documentation: the base URL and the code.")
                .format(Some(SchemaFormat::Custom("uri-reference".to_owned()))),
        )
        .property("title", string_schema("The catalog message."))
        .property(
            "status",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .description(Some("The HTTP status."))
                .enum_values(Some([status.as_u16()])),
        )
        .property("detail", string_schema(detail_description(status)))
        .property("code", codes_schema(codes))
        .property("request_id", request_id_schema())
        .required("type")
        .required("title")
        .required("status")
        .required("code")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Extras;
    use crate::expansion::entries::status_of as status;

    static CODES: [CodeInfo; 3] = [
        CodeInfo::__new(1001, "Invalid", status(400), "参数不合法", None, "E"),
        CodeInfo::__new(2001, "Missing", status(404), "获取 \"Pod\" 失败", None, "E")
            .__extras(&Extras::NONE.__with_messages(&[("en", "Failed to get the pod")])),
        CodeInfo::__new(2004, "Missing", status(404), "旧", None, "F")
            .__extras(&Extras::NONE.__deprecated("")),
    ];

    fn json(catalog: Catalog) -> serde_json::Value {
        serde_json::to_value(catalog_responses(catalog)).unwrap_or_default()
    }

    #[test]
    fn one_response_per_status_with_the_codes_under_it() {
        let doc = json(Catalog::__new(&CODES, &[]));
        let keys: Vec<&String> = doc.as_object().map(|o| o.keys().collect()).unwrap();
        assert_eq!(keys, ["400", "404"]);
        let not_found = &doc["404"];
        assert_eq!(
            not_found["description"],
            "Not Found: 2001 Missing, 2004 Missing"
        );
        let content = &not_found["content"]["application/json"];
        assert_eq!(
            content["schema"]["properties"]["code"]["enum"],
            serde_json::json!([2001, 2004])
        );
        assert_eq!(
            content["examples"]["Missing"]["value"],
            serde_json::json!({"code": 2001, "message": "获取 \"Pod\" 失败"})
        );
        assert_eq!(
            content["examples"]["2004 Missing"]["description"],
            "Deprecated."
        );
        // What a request that asks for problem+json gets, beside it.
        let problem = &not_found["content"]["application/problem+json"];
        assert_eq!(
            problem["examples"]["Missing"]["value"],
            serde_json::json!({"type": "about:blank", "title": "获取 \"Pod\" 失败", "status": 404, "code": 2001})
        );
        assert_eq!(
            not_found[MESSAGES_EXTENSION]["2001"]["en"],
            "Failed to get the pod"
        );
        assert!(doc["400"].get(MESSAGES_EXTENSION).is_none());
    }

    #[test]
    fn problem_examples_are_problem_bodies() {
        let doc = serde_json::to_value(catalog_problem_responses(
            Catalog::__new(&CODES, &[]),
            "https://e.x/",
        ))
        .unwrap_or_default();
        let content = &doc["400"]["content"]["application/problem+json"];
        assert_eq!(
            content["examples"]["Invalid"]["value"],
            serde_json::json!({"type": "https://e.x/1001", "title": "参数不合法", "status": 400, "code": 1001})
        );
        assert_eq!(
            content["schema"]["properties"]["status"]["enum"],
            serde_json::json!([400])
        );
    }

    #[test]
    fn an_empty_catalog_has_no_responses() {
        assert!(catalog_responses(Catalog::EMPTY).is_empty());
    }
}

/// The error responses of several catalogs merged per status (a code in two
/// of them is documented once), as one handler that can answer any of
/// them documents them: what [`Errors`] gives utoipa.
#[must_use]
pub fn merged_responses(catalogs: &[Catalog]) -> Responses {
    let members: Vec<(Catalog, Option<&'static [u32]>)> =
        catalogs.iter().map(|&catalog| (catalog, None)).collect();
    member_responses(&members)
}

/// The error responses of `catalog`'s codes `codes` only.
#[must_use]
pub fn subset_responses(catalog: Catalog, codes: &[u32]) -> Responses {
    build_from(
        catalog.iter().filter(|info| codes.contains(&info.code)),
        Media::Json,
    )
}

/// Several derived error types as one `utoipa::IntoResponses`, merged per
/// HTTP status: `responses((status = 200), Errors<(PodError, BaseError)>)`.
///
/// utoipa's `responses(...)` extends a map by status with each listed
/// type in turn, so listing `PodError, BaseError` side by side keeps only
/// the last type's response for a status both answer (a 404 of each: the
/// first's codes vanish from the document, and the document still
/// validates). List them in one `Errors` instead; any number of types
/// (up to twelve) may be in the tuple. Two types that give one number two
/// meanings (another name or status, or another message or params) fail
/// the build, naming both; a code
/// both give one meaning (a part and the enum composing it) is documented
/// once.
pub struct Errors<T>(core::marker::PhantomData<T>);

/// What one member of an [`Errors`] tuple documents: a derived error type
/// (every code it answers) or an [`Only`] of one (the codes listed).
///
/// A type that is neither is told to derive `ErrorCode` (the blanket impl
/// asks for [`ErrorCatalog`]).
pub trait ErrorsMember {
    /// The catalog of the member's type.
    const CATALOG: Catalog;
    /// The codes documented: `None` for every code of the catalog.
    const CODES: Option<&'static [u32]>;
    /// Evaluated where the responses are built: for an [`Only`], fails
    /// the build where a code listed is not one its type answers.
    const CHECKED: ();
}

impl<E: ErrorCatalog> ErrorsMember for E {
    const CATALOG: Catalog = E::CATALOG;
    const CODES: Option<&'static [u32]> = None;
    const CHECKED: () = ();
}

/// The responses of several members, each code documented once.
fn member_responses(members: &[(Catalog, Option<&'static [u32]>)]) -> Responses {
    let mut entries: Vec<&'static CodeInfo> = Vec::new();
    for (catalog, codes) in members {
        for info in catalog.iter() {
            if codes.is_none_or(|codes| codes.contains(&info.code)) {
                entries.push(info);
            }
        }
    }
    entries.sort_by_key(|info| info.code);
    entries.dedup_by_key(|info| info.code);
    build_from(entries.into_iter(), Media::Json)
}

macro_rules! errors_of_tuples {
    ($(($($t:ident),+)),+) => {$(
        impl<$($t: ErrorsMember),+> utoipa::IntoResponses for Errors<($($t,)+)> {
            fn responses() -> Responses {
                // Two types that give one number two meanings fail the
                // build, where the responses are built; so does a code an
                // `Only` lists that its type does not answer.
                const {
                    $(let () = $t::CHECKED;)+
                    let report = crate::expansion::check::conflicts(&[$($t::CATALOG),+]);
                    if report.failed() {
                        panic!("{}", report.message());
                    }
                };
                member_responses(&[$(($t::CATALOG, $t::CODES)),+])
            }
        }
    )+};
}

errors_of_tuples!(
    (A),
    (A, B),
    (A, B, C),
    (A, B, C, D),
    (A, B, C, D, E),
    (A, B, C, D, E, F),
    (A, B, C, D, E, F, G),
    (A, B, C, D, E, F, G, H),
    (A, B, C, D, E, F, G, H, I),
    (A, B, C, D, E, F, G, H, I, J),
    (A, B, C, D, E, F, G, H, I, J, K),
    (A, B, C, D, E, F, G, H, I, J, K, L)
);

/// Panics (in const evaluation) where a code of `codes` is not one `E`
/// answers, naming it and `E`'s codes.
const fn check_listed<E: ErrorCatalog>(codes: &[u32]) {
    let mut i = 0;
    while i < codes.len() {
        let code = codes[i];
        if !E::CATALOG.contains(code) {
            let report = crate::expansion::check::not_listed(
                "error_code::openapi::Only",
                code,
                E::CATALOG.entries(),
            );
            panic!("{}", report.message());
        }
        i += 1;
    }
}

/// Some codes of a derived error type, as one `utoipa::IntoResponses`, for
/// a handler that answers only those: `Only<PodError, 2001, 2003>` (up to
/// eight codes). A code the type cannot answer is a compile error, where
/// the responses are built.
pub struct Only<
    E,
    const A: u32,
    const B: u32 = A,
    const C: u32 = A,
    const D: u32 = A,
    const F: u32 = A,
    const G: u32 = A,
    const H: u32 = A,
    const I: u32 = A,
>(core::marker::PhantomData<E>);

impl<
    E: crate::code::ErrorCatalog,
    const A: u32,
    const B: u32,
    const C: u32,
    const D: u32,
    const F: u32,
    const G: u32,
    const H: u32,
    const I: u32,
> utoipa::IntoResponses for Only<E, A, B, C, D, F, G, H, I>
{
    fn responses() -> Responses {
        // The codes listed (a code not given repeats the first); each one
        // `E` answers, checked where this is instantiated.
        const { check_listed::<E>(&[A, B, C, D, F, G, H, I]) };
        subset_responses(E::CATALOG, &[A, B, C, D, F, G, H, I])
    }
}

/// An `Only` in an [`Errors`] tuple documents its codes beside the other
/// members': `Errors<(Only<PodError, 2001>, BaseError)>`.
impl<
    E: ErrorCatalog,
    const A: u32,
    const B: u32,
    const C: u32,
    const D: u32,
    const F: u32,
    const G: u32,
    const H: u32,
    const I: u32,
> ErrorsMember for Only<E, A, B, C, D, F, G, H, I>
{
    const CATALOG: Catalog = E::CATALOG;
    const CODES: Option<&'static [u32]> = Some(&[A, B, C, D, F, G, H, I]);
    const CHECKED: () = check_listed::<E>(&[A, B, C, D, F, G, H, I]);
}
