//! Field violations as a body lists them: `errors` (and problem+json's
//! pointers), each message in the request's language.

use crate::violations::{Violation, Violations};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// The violations as the body's `errors`, each message in the request's
/// language; `problem`: RFC 9457's `pointer` and `detail` beside them.
pub(crate) struct Listed<'v> {
    pub(crate) violations: &'v Violations,
    pub(crate) accept_language: Option<&'v str>,
    pub(crate) problem: bool,
}

impl Serialize for Listed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.violations.len()))?;
        for v in self.violations {
            seq.serialize_element(&One {
                violation: v,
                accept_language: self.accept_language,
                problem: self.problem,
            })?;
        }
        seq.end()
    }
}

struct One<'v> {
    violation: &'v Violation,
    accept_language: Option<&'v str>,
    problem: bool,
}

impl Serialize for One<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.violation;
        let message = match self.accept_language {
            Some(header) => v.message_for(header),
            None => Cow::Borrowed(v.message()),
        };
        let mut map = serializer.serialize_map(None)?;
        if self.problem {
            map.serialize_entry("pointer", &v.pointer())?;
            map.serialize_entry("detail", &message)?;
        }
        map.serialize_entry("field", v.field())?;
        if !self.problem {
            map.serialize_entry("message", &message)?;
        }
        if let Some(code) = v.code() {
            map.serialize_entry("code", &code)?;
        }
        if let Some(reason) = v.given_reason() {
            map.serialize_entry("reason", reason)?;
        }
        if !v.written().is_empty() {
            map.serialize_entry("params", &WrittenParams(v.written()))?;
        }
        map.end()
    }
}

/// A violation's params, each its JSON as written, in the order given.
struct WrittenParams<'v>(&'v [(String, Box<str>)]);

impl Serialize for WrittenParams<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, json) in self.0 {
            match serde_json::value::RawValue::from_string(json.to_string()) {
                Ok(raw) => map.serialize_entry(key, &raw)?,
                Err(_) => map.serialize_entry(key, &())?,
            }
        }
        map.end()
    }
}
