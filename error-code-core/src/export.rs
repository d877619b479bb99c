//! The catalog as JSON, for front-ends and other tools.

use crate::catalog::{Catalog, CodeInfo};
use crate::category::{CategoryInfo, ErrorCategory, ReservedRange};
use crate::code::ErrorCatalog;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

/// Texts by language tag, as a JSON object.
struct Texts(&'static [(&'static str, &'static str)]);

impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (tag, text) in self.0 {
            map.serialize_entry(tag, text)?;
        }
        map.end()
    }
}

impl Serialize for CodeInfo {
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
        s.end()
    }
}

impl Serialize for CategoryInfo {
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
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ReservedRange", 2)?;
        s.serialize_field("start", &self.start())?;
        s.serialize_field("end", &self.end())?;
        s.end()
    }
}

impl Serialize for Catalog {
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
    pub fn of<E: ErrorCatalog>() -> Self {
        CatalogExport::new(E::CATALOG)
    }

    /// Takes categories, reserved ranges and retired codes from the scheme `C`.
    #[must_use]
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
    pub fn to_json(&self) -> String {
        // Serializing plain data into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
