//! The catalog as JSON, for front-ends and other tools.

use crate::catalog::{Catalog, CodeInfo};
use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
use crate::code::ErrorCatalog;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

/// Texts by language tag, as a JSON object.
struct Texts(&'static [(&'static str, &'static str)]);

impl Serialize for Texts {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (tag, text) in self.0 {
            map.serialize_entry(tag, text)?;
        }
        map.end()
    }
}

impl Serialize for CodeInfo {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CodeInfo", 7)?;
        s.serialize_field("code", &self.code())?;
        s.serialize_field("name", self.name())?;
        s.serialize_field("status", &self.status().as_u16())?;
        s.serialize_field("message", self.message())?;
        s.serialize_field("messages", &Texts(self.messages()))?;
        s.serialize_field("category", &self.category().map(CategoryInfo::name))?;
        s.serialize_field("deprecated", &self.deprecation())?;
        if let Some(url) = self.url() {
            s.serialize_field("url", &url)?;
        }
        if let Some(grpc) = self.grpc_override() {
            s.serialize_field("grpc", grpc)?;
        }
        if let Some(domain) = self.domain() {
            s.serialize_field("domain", domain)?;
        }
        if !self.explanation().is_empty() {
            s.serialize_field("explanation", self.explanation())?;
        }
        if !self.explanations().is_empty() {
            s.serialize_field("explanations", &Texts(self.explanations()))?;
        }
        if let Some(lang) = self.lang() {
            s.serialize_field("lang", lang)?;
        }
        if !self.params().is_empty() {
            s.serialize_field("params", self.params())?;
        }
        if let Some(delay) = self.retry_after() {
            s.serialize_field("retry_after", &crate::violations::whole_seconds(delay))?;
        }
        if self.can_retry() {
            s.serialize_field("can_retry", &true)?;
        }
        if self.carries_violations() {
            s.serialize_field("violations", &true)?;
        }
        s.end()
    }
}

impl Serialize for CategoryInfo {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CategoryInfo", 5)?;
        s.serialize_field("name", self.name())?;
        s.serialize_field("start", &self.start())?;
        s.serialize_field("end", &self.end())?;
        s.serialize_field("description", self.description())?;
        s.serialize_field("descriptions", &Texts(self.descriptions()))?;
        s.end()
    }
}

impl Serialize for ReservedRange {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ReservedRange", 2)?;
        s.serialize_field("start", &self.start())?;
        s.serialize_field("end", &self.end())?;
        s.end()
    }
}

impl Serialize for Catalog {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries().serialize(serializer)
    }
}

/// A catalog with its code space, serialized as
/// `{"codes": [...], "categories": [...], "reserved": [...], "retired": [...]}`.
///
/// ```
/// use error_code::{CatalogExport, ErrorCode};
///
/// #[derive(Debug, ErrorCode)]
/// enum E {
///     /// 参数不合法
///     #[code(1001, status = 400)]
///     ParamInvalid,
/// }
///
/// let json = CatalogExport::of::<E>().to_json();
/// assert!(json.contains(r#""code": 1001"#));
/// ```
#[derive(Debug, Clone)]
pub struct CatalogExport {
    codes: Catalog,
    categories: Vec<CategoryInfo>,
    reserved: Vec<ReservedRange>,
    retired: Vec<u32>,
}

impl Serialize for CatalogExport {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CatalogExport", 4)?;
        s.serialize_field("codes", &self.codes)?;
        s.serialize_field("categories", &self.categories)?;
        s.serialize_field("reserved", &self.reserved)?;
        s.serialize_field("retired", &self.retired)?;
        s.end()
    }
}

impl CatalogExport {
    /// The export of `catalog`, its categories taken from the codes.
    #[must_use]
    #[inline]
    pub fn new(catalog: Catalog) -> Self {
        let categories = catalog.categories();
        CatalogExport {
            codes: catalog,
            categories,
            reserved: Vec::new(),
            retired: catalog.retired().to_vec(),
        }
    }

    /// The export of the catalog of `E`.
    #[must_use]
    #[inline]
    pub fn of<E: ErrorCatalog>() -> Self {
        CatalogExport::new(E::CATALOG)
    }

    /// Takes categories, reserved ranges and retired codes from the scheme `C`.
    #[must_use]
    #[inline]
    pub fn scheme<C: ErrorCategory>(mut self) -> Self {
        self.categories = C::CATEGORIES.to_vec();
        self.reserved = C::RESERVED.to_vec();
        self.retired.extend_from_slice(C::RETIRED);
        self.retired.sort_unstable();
        self.retired.dedup();
        self
    }

    /// Pretty-printed JSON.
    #[must_use]
    #[inline]
    pub fn to_json(&self) -> String {
        // Serializing plain data into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The catalog exported.
    #[must_use]
    #[inline]
    pub fn codes(&self) -> &Catalog {
        &self.codes
    }

    /// The catalog as a Go source file of package `package`, standard
    /// library only: a constant per code (named after it), a params struct
    /// per code with params (`GetPodErrorParams`, Go types from the params'
    /// JSON types), `Catalog` (each code's status, name, category, message
    /// templates per language and params), `FormatMessage(code, params,
    /// acceptLanguage)` with the server's negotiation and rendering, and
    /// `Decode(body)` reading an answer into an `*Error` (`Code`,
    /// `Message`, `Params`, `RetryAfter`, `Violations`) that implements
    /// `error`.
    ///
    /// ```
    /// use error_code::{CatalogExport, ErrorCode};
    ///
    /// #[derive(Debug, ErrorCode)]
    /// enum PodError {
    ///     /// Pod {name} not found
    ///     #[code(2001, status = 404)]
    ///     GetPodError { name: String },
    /// }
    ///
    /// let go = CatalogExport::of::<PodError>().go("apierrors");
    /// assert!(go.contains("package apierrors"));
    /// assert!(go.contains("GetPodError = 2001"));
    /// assert!(go.contains("func FormatMessage(code int, params map[string]any, acceptLanguage string) string"));
    /// ```
    #[must_use]
    #[inline]
    pub fn go(&self, package: &str) -> String {
        super::clients::go(self, package)
    }

    /// The catalog as a Python module, standard library only and typed
    /// (`mypy --strict` clean): `ErrorCode`, an `IntEnum` of the codes;
    /// `CATALOG`; `format_message(code, params, accept_language=None)`
    /// with the server's negotiation and rendering; and `decode(body)`,
    /// reading an answer into an `ApiError` exception (`code`, `message`,
    /// `params`, `retry_after`, `violations`).
    ///
    /// ```
    /// use error_code::{CatalogExport, ErrorCode};
    ///
    /// #[derive(Debug, ErrorCode)]
    /// enum PodError {
    ///     /// Pod {name} not found
    ///     #[code(2001, status = 404)]
    ///     GetPodError { name: String },
    /// }
    ///
    /// let py = CatalogExport::of::<PodError>().python();
    /// assert!(py.contains("class ErrorCode(IntEnum):"));
    /// assert!(py.contains("    GetPodError = 2001"));
    /// ```
    #[must_use]
    #[inline]
    pub fn python(&self) -> String {
        super::clients::python(self)
    }

    /// The catalog as a TypeScript module that compiles under
    /// `tsc --strict` (also with `--noUncheckedIndexedAccess` and
    /// `--exactOptionalPropertyTypes`; ES2020's library, `--target es2020`
    /// or later), for front-end teams: `ErrorCodes` (each name's code,
    /// a const object), the union type `ErrorCode` of every code and
    /// `ErrorName` of every name, `ERRORS` (each code's name, status,
    /// message and its translations, category, deprecation, link), the
    /// wire body `ErrorBody`, and `errorInfo(code)`.
    ///
    /// ```
    /// use error_code::{CatalogExport, ErrorCode};
    ///
    /// #[derive(Debug, ErrorCode)]
    /// enum E {
    ///     /// 参数不合法
    ///     #[code(1001, status = 400, message(en = "Invalid parameter"))]
    ///     ParamInvalid,
    /// }
    ///
    /// let ts = CatalogExport::of::<E>().to_typescript();
    /// assert!(ts.contains(r#""ParamInvalid": 1001,"#));
    /// assert!(ts.contains("export type ErrorCode = 1001;"));
    /// ```
    #[must_use]
    #[inline]
    pub fn to_typescript(&self) -> String {
        typescript(self)
    }
}

/// A TypeScript string literal: the clients' one escaper.
#[inline]
/// Whether every number a param of JSON shape `shape` holds is
/// floating-point: `number`, a list or a map of them (`array<number|null>`,
/// `object<string,number>`: a map's keys are strings in JSON); not where an
/// integer or a type of the user's, whose numbers the shape does not tell,
/// is in it.
fn only_floats(shape: &str) -> bool {
    let bytes = shape.as_bytes();
    let (mut any, mut i) = (false, 0);
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        let word = &shape[start..i];
        // A map's key, up to its comma.
        if word == "object" && bytes.get(i) == Some(&b'<') {
            match shape[i..].find(',') {
                Some(comma) => i += comma,
                None => return false,
            }
            continue;
        }
        match word {
            "number" => any = true,
            "" | "array" | "null" | "string" | "boolean" => {}
            _ if word.bytes().all(|b| b.is_ascii_digit()) => {}
            _ => return false,
        }
        if i == start {
            i += 1;
        }
    }
    any
}

fn ts_string(text: &str) -> String {
    super::clients::literal(text)
}

#[inline]
fn ts_option(text: Option<&str>) -> String {
    text.map_or_else(|| "null".to_owned(), ts_string)
}

#[inline]
fn typescript(export: &CatalogExport) -> String {
    use std::fmt::Write as _;
    let codes = export.codes.entries();
    // A name given twice (two composed enums) is told apart by its enum,
    // and where that is not enough (two enums of one name) by its code:
    // every key of `ErrorCodes` is unique.
    let qualified = |info: &CodeInfo| format!("{}.{}", info.owner(), info.name());
    let first_key = |info: &CodeInfo| {
        if codes.iter().filter(|i| i.name() == info.name()).count() == 1 {
            info.name().to_owned()
        } else if codes
            .iter()
            .filter(|i| qualified(i) == qualified(info))
            .count()
            == 1
        {
            qualified(info)
        } else {
            format!("{}#{}", qualified(info), info.code())
        }
    };
    // A key that is still another's (a `name = "T2.Fields"` beside the
    // qualified `T2.Fields`) takes its code too, until it is no other's.
    let firsts: Vec<String> = codes.iter().map(first_key).collect();
    let mut keys: Vec<String> = Vec::with_capacity(codes.len());
    for (info, first) in codes.iter().zip(&firsts) {
        let mut key = first.clone();
        while keys.contains(&key)
            || firsts.iter().filter(|k| **k == key).count() > 1 && key == *first
        {
            key = format!("{key}#{}", info.code());
        }
        keys.push(key);
    }
    let key = |info: &CodeInfo| {
        let at = codes
            .iter()
            .position(|i| i.code() == info.code())
            .unwrap_or(0);
        keys[at].clone()
    };
    let mut out = String::from(
        "// The API's error codes, generated by error-code from the Rust error enums.\n\
         // Do not edit: regenerate it.\n\n",
    );
    out.push_str("/** Each error's code, by name. */\nexport const ErrorCodes = {\n");
    for info in codes {
        // `__proto__` as a plain key would set the object's prototype: as a
        // computed one it is a property like any other.
        let key = key(info);
        let key = if key == "__proto__" {
            "[\"__proto__\"]".to_owned()
        } else {
            ts_string(&key)
        };
        let _ = writeln!(out, "  {key}: {},", info.code());
    }
    out.push_str("} as const;\n\n");
    let union: Vec<String> = codes.iter().map(|i| i.code().to_string()).collect();
    let union = if union.is_empty() {
        "never".to_owned()
    } else {
        union.join(" | ")
    };
    let _ = writeln!(
        out,
        "/** Every code the API answers with. */\nexport type ErrorCode = {union};\n"
    );
    // The names as the catalog has them, each once: a key of `ErrorCodes`
    // where no other code has the name, and the name a code's `name` is in
    // every output (the JSON export, Go's `Info.Name`, Python's).
    let mut names: Vec<String> = Vec::with_capacity(codes.len());
    for info in codes {
        let name = ts_string(info.name());
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let names = if names.is_empty() {
        "never".to_owned()
    } else {
        names.join(" | ")
    };
    let _ = writeln!(
        out,
        "/** Every error's name (a name two codes have is keyed apart in `ErrorCodes`). */\nexport type ErrorName = {names};\n"
    );
    out.push_str(
        "/** What the catalog says of one code. */\n\
         export interface ErrorInfo {\n\
         \x20 readonly code: ErrorCode;\n\
         \x20 readonly name: ErrorName;\n\
         \x20 readonly status: number;\n\
         \x20 readonly message: string;\n\
         \x20 readonly messages: Readonly<Record<string, string>>;\n\
         \x20 readonly category: string | null;\n\
         \x20 readonly deprecated: string | null;\n\
         \x20 readonly url: string | null;\n\
         \x20 readonly lang: string | null;\n\
         \x20 readonly params: readonly string[];\n\
         \x20 /** Seconds to wait before retrying, where the code says. */\n\
         \x20 readonly retry_after: number | null;\n\
         \x20 /** Whether the code's answers can say `Retry-After` (by its delay, or a value's). */\n\
         \x20 readonly can_retry: boolean;\n\
         \x20 /** Whether the code's answers can list field violations (`errors`). */\n\
         \x20 readonly violations: boolean;\n\
         }\n\n",
    );
    out.push_str("/** The catalog, by code. */\nexport const ERRORS: { readonly [C in ErrorCode]: ErrorInfo } = {\n");
    for info in codes {
        let messages: Vec<String> = info
            .messages()
            .iter()
            .map(|(tag, text)| format!("{}: {}", ts_string(tag), ts_string(text)))
            .collect();
        let url = info.url();
        let _ = writeln!(
            out,
            "  {}: {{ code: {}, name: {}, status: {}, message: {}, messages: {{ {} }}, category: {}, deprecated: {}, url: {}, lang: {}, params: [{}], retry_after: {}, can_retry: {}, violations: {} }},",
            info.code(),
            info.code(),
            ts_string(info.name()),
            info.status().as_u16(),
            ts_string(info.message()),
            messages.join(", "),
            ts_option(info.category().map(CategoryInfo::name)),
            ts_option(info.deprecation()),
            ts_option(url.as_deref()),
            ts_option(info.lang()),
            info.params()
                .iter()
                .map(|p| ts_string(p))
                .collect::<Vec<_>>()
                .join(", "),
            info.retry_after().map_or_else(
                || "null".to_owned(),
                |d| crate::violations::whole_seconds(d).to_string()
            ),
            info.can_retry(),
            info.carries_violations(),
        );
    }
    out.push_str("};\n\n");
    out.push_str(
        "/** Each code's params, by name, with their types. */\nexport interface ErrorParams {\n",
    );
    for info in codes {
        if info.params().is_empty() {
            let _ = writeln!(out, "  {}: Readonly<Record<string, never>>;", info.code());
            continue;
        }
        let fields: Vec<String> = info
            .params()
            .iter()
            .zip(info.param_types().iter().chain(std::iter::repeat(&"")))
            .map(|(key, ty)| {
                let ty = match *ty {
                    "string" => "string",
                    "integer" => "number",
                    // A float that is not finite is sent as `null`.
                    "number" => "number | null",
                    "boolean" => "boolean",
                    _ => "unknown",
                };
                format!("readonly {}: {ty}", ts_string(key))
            })
            .collect();
        let _ = writeln!(out, "  {}: {{ {} }};", info.code(), fields.join("; "));
    }
    out.push_str("}\n\n");
    out.push_str(
        "/** One invalid field of an answer's `errors`. */\n\
         export interface FieldViolation {\n\
         \x20 readonly field: string;\n\
         \x20 readonly message: string;\n\
         \x20 readonly code?: number;\n\
         \x20 readonly reason?: string;\n\
         \x20 readonly params?: Readonly<Record<string, unknown>>;\n\
         }\n\n\
         /** The body of an error answer. */\n\
         export interface ErrorBody {\n\
         \x20 readonly code: number;\n\
         \x20 readonly message: string;\n\
         \x20 readonly params?: Readonly<Record<string, unknown>>;\n\
         \x20 readonly errors?: readonly FieldViolation[];\n\
         \x20 readonly retry_after?: number;\n\
         \x20 readonly error?: string;\n\
         \x20 readonly request_id?: string;\n\
         }\n\n\
         /** The catalog entry of `code`, if the API has that code. */\n\
         export function errorInfo(code: number): ErrorInfo | undefined {\n\
         \x20 return (ERRORS as { readonly [code: number]: ErrorInfo | undefined })[code];\n\
         }\n\n\
         /** Whether `code` is one of the API's codes. */\n\
         export function isErrorCode(code: number): code is ErrorCode {\n\
         \x20 return errorInfo(code) !== undefined;\n\
         }\n\n",
    );
    out.push_str(
        "/** A piece of a template: text, or a param's [name, placeholder as written]. */\n\
         export type Piece = string | readonly [string, string] | Select;\n\n\
         /** A select on a param: its variants as [key, default, pieces]. */\n\
         export interface Select {\n  readonly select: string;\n  readonly variants: readonly (readonly [string, boolean, readonly Piece[]])[];\n}\n\n\
         /** Each code's templates as [tag, template, pieces]: each translation, then the untagged message (its tag null where its language is not known). */\n\
         export const TEMPLATES: { readonly [C in ErrorCode]: readonly (readonly [string | null, string, readonly Piece[]])[] } = {\n",
    );
    for info in codes {
        let messages: Vec<String> = super::clients::messages(info)
            .into_iter()
            .map(|(tag, template)| {
                format!(
                    "[{}, {}, {}]",
                    tag.map_or_else(|| "null".to_owned(), super::clients::literal),
                    super::clients::literal(template),
                    super::clients::pieces_literal(template, super::clients::Syntax::TypeScript)
                )
            })
            .collect();
        let _ = writeln!(out, "  {}: [{}],", info.code(), messages.join(", "));
    }
    out.push_str("};\n\n");
    // JSON.parse reads `2.0` as `2`: the params the server writes as
    // floating-point numbers (or lists and maps of them) are named, so that
    // their text keeps its point.
    out.push_str(
        "/** The params of each code whose every number is floating-point (an `f64`, a list or map of them), which the server writes with a point (`2.0`). */\n\
         const FLOATS: { readonly [code: number]: readonly string[] | undefined } = {\n",
    );
    for info in codes {
        let mut floats = Vec::new();
        for (i, key) in info.params().iter().enumerate() {
            if only_floats(info.param_shape(i)) {
                floats.push(ts_string(key));
            }
        }
        if !floats.is_empty() {
            let _ = writeln!(out, "  {}: [{}],", info.code(), floats.join(", "));
        }
    }
    out.push_str("};\n\n");
    // The server's plural rules, as the Go and Python clients have them:
    // each language's categories of 0 to 1999 and of a million (CLDR's
    // integer rules look at no more); none without the rules.
    out.push_str(
        "/** Each language's plural categories of the integers 0 to 1999 and of a million, one letter each, by the server's rules. */\n\
         const PLURALS: { readonly [lang: string]: string | undefined } = {\n",
    );
    for (tag, table) in super::clients::plural_tables(codes) {
        let _ = writeln!(out, "  {}: {},", ts_string(tag), ts_string(&table));
    }
    out.push_str("};\n\n");
    out.push_str(FORMAT_MESSAGE);
    out
}

/// `messageTemplate` and `formatMessage`: the language chosen by the
/// server's rule (RFC 4647 lookup, q values read in decimal, only spaces
/// and tabs trimmed), the template already cut into pieces by the server's
/// tokenizer, a param's text its JSON value.
const FORMAT_MESSAGE: &str = r#"/** Reads a q value in thousandths as the server does: digits, an optional "." and digits; the fourth decimal on cut, above 1 is 1, anything else 0. */
function qMilli(text: string): number {
  const value = ows(text);
  const dot = value.indexOf(".");
  const whole = dot < 0 ? value : value.slice(0, dot);
  const fraction = dot < 0 ? "" : value.slice(dot + 1);
  if ((whole === "" && fraction === "") || !/^[0-9]*$/.test(whole) || !/^[0-9]*$/.test(fraction)) return 0;
  if (/[1-9]/.test(whole)) return 1000;
  return Number((fraction + "000").slice(0, 3));
}

function ows(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, "");
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

function sameTag(tag: string, asked: string): boolean {
  const a = asciiLower(tag);
  const b = asciiLower(asked);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(a[i] === "-" && b[i] === "_")) return false;
  }
  return true;
}

type Template = readonly [string | null, string, readonly Piece[]];

/** The template of `code` in the best of `lang` (a tag, or an Accept-Language value: its first 32 ranges, by q, ties in order). */
function chosen(code: number, lang?: string): Template | undefined {
  const messages = (TEMPLATES as { readonly [code: number]: readonly Template[] | undefined })[code];
  if (messages === undefined) return undefined;
  const fallback = messages[messages.length - 1];
  if (lang === undefined) return fallback;
  const ranges: { tag: string; q: number; index: number }[] = [];
  const refused: string[] = [];
  lang.split(",").slice(0, 32).forEach((part, index) => {
    const pieces = part.split(";");
    const tag = ows(pieces[0] ?? "");
    let q = 1000;
    for (const param of pieces.slice(1)) {
      const eq = param.indexOf("=");
      if (eq >= 0 && asciiLower(ows(param.slice(0, eq))) === "q") {
        q = qMilli(param.slice(eq + 1));
        break;
      }
    }
    if (q > 0 && tag !== "" && tag !== "*") ranges.push({ tag, q, index });
    if (q === 0 && tag !== "" && tag !== "*") refused.push(tag);
  });
  ranges.sort((a, b) => b.q - a.q || a.index - b.index);
  for (const asked of ranges) {
    let tag = asked.tag;
    for (;;) {
      // A language the request refuses (q=0) is passed over.
      for (const message of refused.some((r) => sameTag(r, tag)) ? [] : messages) {
        if (message[0] !== null && sameTag(message[0], tag)) return message;
      }
      const cut = Math.max(tag.lastIndexOf("-"), tag.lastIndexOf("_"));
      if (cut < 0) break;
      tag = tag.slice(0, cut);
      // A single-letter subtag goes with the one after it (RFC 4647 3.4).
      const before = Math.max(tag.lastIndexOf("-"), tag.lastIndexOf("_"));
      if (before >= 0 && tag.length - before === 2 && tag.charCodeAt(before + 1) < 128) tag = tag.slice(0, before);
    }
  }
  return fallback;
}

/** The template of `info` in the best of `lang` (a tag, or an Accept-Language value). */
export function messageTemplate(info: ErrorInfo, lang?: string): string {
  return chosen(info.code, lang)?.[1] ?? info.message;
}

/** A param's text in a message: its JSON value, a string as it is, null as nothing, anything else as compact JSON, a number as the server writes it (`float`: a floating-point number, written with a point). */
export function paramText(value: unknown, float = false): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value, float);
  return jsonText(value, float);
}

function jsonText(value: unknown, float = false): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return numberText(value, float);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return "[" + value.map((v) => jsonText(v, float)).join(",") + "]";
  if (typeof value === "object") {
    return "{" + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ":" + jsonText(v, float)).join(",") + "}";
  }
  return "null";
}

/** A number as the server writes it: an integer whole; a floating-point one (`float`, or one with a fraction) by its shortest digits, plain where the point falls within 16 digits (5 places before them), else with an exponent. */
function numberText(value: number, float: boolean): string {
  if (!Number.isFinite(value)) return "null";
  if (!float && Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (value === 0) return sign + "0.0";
  const [mantissa = "", exponent = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "");
  const kk = Number(exponent) + 1;
  const n = digits.length;
  if (kk - n >= 0 && kk <= 16) return sign + digits + "0".repeat(kk - n) + ".0";
  if (kk > 0 && kk <= 16) return sign + digits.slice(0, kk) + "." + digits.slice(kk);
  if (kk > -5 && kk <= 0) return sign + "0." + "0".repeat(-kk) + digits;
  const tail = (kk > 0 ? "e+" : "e") + String(kk - 1);
  return sign + (n === 1 ? digits + tail : digits[0] + "." + digits.slice(1) + tail);
}

/** The message of `code` with its params, in the best of `lang`, as the server renders it. */
export function formatMessage<C extends ErrorCode>(code: C, params: ErrorParams[C], lang?: string): string {
  const values = params as Readonly<Record<string, unknown>>;
  const template = chosen(code, lang);
  if (template === undefined) return "";
  return render(template[2], template[0], values, FLOATS[code] ?? []);
}

function render(pieces: readonly Piece[], lang: string | null, values: Readonly<Record<string, unknown>>, floats: readonly string[]): string {
  return pieces
    .map((piece) => {
      if (typeof piece === "string") return piece;
      if ("select" in piece) return render(variant(piece, lang, values), lang, values, floats);
      return Object.prototype.hasOwnProperty.call(values, piece[0]) ? paramText(values[piece[0]], floats.indexOf(piece[0]) >= 0) : piece[1];
    })
    .join("");
}

/** The variant a select chooses, as the server chooses it (and Fluent): the first whose key is the value (a string's where the key is no number) or a whole number's plural category (the server's rules for the message's language; "other" for a fraction), else the default. */
function variant(select: Select, lang: string | null, values: Readonly<Record<string, unknown>>): readonly Piece[] {
  const present = Object.prototype.hasOwnProperty.call(values, select.select);
  const value = values[select.select];
  const isNumber = present && (typeof value === "number" || typeof value === "bigint");
  // A whole number's category; a number with a fraction is "other", as the server has it.
  const whole = typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value));
  const category = isNumber && whole && lang !== null ? pluralCategory(lang, value as number | bigint) : "other";
  let byCategory: readonly Piece[] | undefined;
  let byDefault: readonly Piece[] = [];
  for (const [key, isDefault, pieces] of select.variants) {
    const numberKey = /^-?[0-9]+(\.[0-9]+)?$/.test(key);
    if (isNumber && numberKey && sameNumber(key, value as number | bigint)) return pieces;
    if (present && typeof value === "string" && key === value && !numberKey) return pieces;
    if (isNumber && key === category) return pieces;
    if (isDefault) byDefault = pieces;
  }
  return byDefault;
}

/** Whether the number key is the value: a bigint digit by digit, whatever its size; else as numbers (`[1.0]` is 1). */
function sameNumber(key: string, value: number | bigint): boolean {
  if (typeof value === "bigint" && /^-?[0-9]+$/.test(key)) return BigInt(key) === value;
  return Number(key) === Number(value);
}

/** A whole number's plural category in `lang` by the server's own rules (its table), "other" where it has none. */
function pluralCategory(lang: string, value: number | bigint): string {
  const table = PLURALS[lang];
  if (table === undefined) return "other";
  const seen = integerRulesSee(value);
  switch (table.charAt(seen === 1000000 ? 2000 : seen)) {
    case "z":
      return "zero";
    case "o":
      return "one";
    case "t":
      return "two";
    case "f":
      return "few";
    case "m":
      return "many";
    default:
      return "other";
  }
}

/** What CLDR's integer rules see of a whole number, as the server reads it: the number below 2000; from 2000 on, a million where it is a multiple of one, else 1000 and its last three digits. */
function integerRulesSee(value: number | bigint): number {
  if (typeof value === "bigint") {
    const n = value < 0n ? -value : value;
    if (n < 2000n) return Number(n);
    return n % 1000000n === 0n ? 1000000 : 1000 + Number(n % 1000n);
  }
  const n = Math.abs(value);
  if (n < 2000) return n;
  return n % 1000000 === 0 ? 1000000 : 1000 + (n % 1000);
}
"#;
