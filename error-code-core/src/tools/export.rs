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
        if let Some(lang) = self.lang() {
            s.serialize_field("lang", lang)?;
        }
        if !self.params().is_empty() {
            s.serialize_field("params", self.params())?;
        }
        if let Some(delay) = self.retry_after() {
            s.serialize_field("retry_after", &delay.as_secs())?;
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

    /// The catalog as a TypeScript module that compiles under
    /// `tsc --strict`, for front-end teams: `ErrorCodes` (each name's code,
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

/// A TypeScript string literal: JSON's escaping, plus backticks and `${`
/// escaped, so that the text is also safe where it is pasted into a
/// template literal.
#[inline]
fn ts_string(text: &str) -> String {
    let json = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned());
    json.replace('`', "\\`")
        .replace("${", "\\${")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
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
    let key = |info: &CodeInfo| {
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
    let mut out = String::from(
        "// The API's error codes, generated by error-code from the Rust error enums.\n\
         // Do not edit: regenerate it.\n\n",
    );
    out.push_str("/** Each error's code, by name. */\nexport const ErrorCodes = {\n");
    for info in codes {
        let _ = writeln!(out, "  {}: {},", ts_string(&key(info)), info.code());
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
    out.push_str(
        "/** Every error's name. */\nexport type ErrorName = keyof typeof ErrorCodes;\n\n",
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
            "  {}: {{ code: {}, name: {}, status: {}, message: {}, messages: {{ {} }}, category: {}, deprecated: {}, url: {}, lang: {}, params: [{}], retry_after: {}, violations: {} }},",
            info.code(),
            info.code(),
            ts_string(&key(info)),
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
            info.retry_after()
                .map_or_else(|| "null".to_owned(), |d| d.as_secs().to_string()),
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
                    "integer" | "number" => "number",
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
    out.push_str(FORMAT_MESSAGE);
    out
}

/// `messageTemplate` and `formatMessage`: the language chosen as the
/// server chooses it (RFC 4647 lookup), the template filled as the server
/// fills it (`{{` and `}}` are braces).
const FORMAT_MESSAGE: &str = r#"/** The template of `info` in the best of `lang` (a tag, or an Accept-Language value: its first 32 ranges, by q, ties in order). */
export function messageTemplate(info: ErrorInfo, lang?: string): string {
  if (lang === undefined) return info.message;
  const ranges = lang
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [range, ...rest] = part.split(";");
      let q = 1000;
      for (const param of rest) {
        const eq = param.indexOf("=");
        if (eq >= 0 && param.slice(0, eq).trim().toLowerCase() === "q") {
          const value = Number(param.slice(eq + 1).trim() || "x");
          q = Number.isFinite(value) ? Math.floor(Math.min(Math.max(value, 0), 1) * 1000) : 0;
          break;
        }
      }
      return { range: range.trim().toLowerCase().replace(/_/g, "-"), q, index };
    })
    .filter((r) => r.q > 0 && r.range !== "" && r.range !== "*")
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const same = (tag: string, range: string) => tag.toLowerCase().replace(/_/g, "-") === range;
  for (const asked of ranges) {
    let range = asked.range;
    for (;;) {
      for (const tag of Object.keys(info.messages)) {
        if (same(tag, range)) return info.messages[tag];
      }
      if (info.lang !== null && same(info.lang, range)) return info.message;
      let cut = range.lastIndexOf("-");
      if (cut < 0) break;
      // A single-letter subtag goes with the one after it (RFC 4647 3.4).
      if (cut >= 2 && range[cut - 2] === "-") cut -= 2;
      range = range.slice(0, cut);
    }
  }
  return info.message;
}

/** The message of `code` with its params, in the best of `lang`. */
export function formatMessage<C extends ErrorCode>(code: C, params: ErrorParams[C], lang?: string): string {
  const values = params as Readonly<Record<string, unknown>>;
  return messageTemplate(ERRORS[code], lang).replace(
    /\{\{|\}\}|\{\s*([^{}]*?)\s*\}/g,
    (whole: string, key: string | undefined) => {
      if (whole === "{{") return "{";
      if (whole === "}}") return "}";
      const value = key === undefined ? undefined : values[key.replace(/^r#/, "")];
      return value === undefined ? whole : String(value);
    },
  );
}
"#;
