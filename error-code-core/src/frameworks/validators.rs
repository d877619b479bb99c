//! The reports of the validators users already run, as [`Violations`]:
//! `validator` (feature `validator`) and `garde` (feature `garde`). Paths
//! are written as the client sent them (`spec.replicas`, `items[2].name`),
//! in a stable order.

#[cfg(any(feature = "validator", feature = "garde"))]
use crate::violations::Violation;
use crate::violations::Violations;

/// Each field error of a `validator` report: nested structs joined with
/// `.`, list items as `[i]`; its `code` is the violation's reason, its
/// `params` (but the rejected `value`) the violation's params, its message
/// the validator's message, else the code. validator names fields as the
/// struct does: where serde renames them (`#[serde(rename = …)]`), give
/// the struct the same names or map the paths.
#[cfg(feature = "validator")]
impl From<validator::ValidationErrors> for Violations {
    #[inline]
    fn from(report: validator::ValidationErrors) -> Self {
        Violations::from(&report)
    }
}

#[cfg(feature = "validator")]
impl From<&validator::ValidationErrors> for Violations {
    #[inline]
    fn from(report: &validator::ValidationErrors) -> Self {
        validator_violations(report, &mut |_, _| None)
    }
}

/// Each field error of `report` at its path, as `entry` makes it (a
/// violation of a derived field error), else from the report's text.
#[cfg(feature = "validator")]
#[inline]
fn validator_violations(
    report: &validator::ValidationErrors,
    entry: &mut dyn FnMut(&str, &validator::ValidationError) -> Option<Violation>,
) -> Violations {
    fn walk(
        report: &validator::ValidationErrors,
        prefix: &str,
        entry: &mut dyn FnMut(&str, &validator::ValidationError) -> Option<Violation>,
        out: &mut Vec<Violation>,
    ) {
        use validator::ValidationErrorsKind as Kind;
        let mut fields: Vec<_> = report.errors().iter().collect();
        fields.sort_by(|a, b| a.0.cmp(b.0));
        for (name, kind) in fields {
            // `__all__` holds the struct-level (schema) errors.
            let path = match (prefix.is_empty(), name.as_ref()) {
                (_, "__all__") => prefix.to_owned(),
                (true, name) => name.to_owned(),
                (false, name) => format!("{prefix}.{name}"),
            };
            match kind {
                Kind::Struct(inner) => walk(inner, &path, entry, out),
                Kind::List(items) => {
                    for (i, inner) in items {
                        walk(inner, &format!("{path}[{i}]"), entry, out);
                    }
                }
                Kind::Field(errors) => {
                    for error in errors {
                        if let Some(violation) = entry(&path, error) {
                            out.push(violation);
                            continue;
                        }
                        let message = error.message.clone().unwrap_or_else(|| error.code.clone());
                        let mut violation = Violation::new(path.clone(), message)
                            .with_reason(error.code.to_string());
                        let mut params: Vec<_> = error
                            .params
                            .iter()
                            .filter(|(key, _)| key.as_ref() != "value")
                            .collect();
                        params.sort_by(|a, b| a.0.cmp(b.0));
                        for (key, value) in params {
                            violation = violation.with_param(key, value.clone());
                        }
                        out.push(violation);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(report, "", entry, &mut out);
    Violations::from(out)
}

/// A validator's report, for [`Violations::from_report`]:
/// `validator::ValidationErrors` (feature `validator`) and `garde::Report`
/// (feature `garde`).
pub trait ViolationReport {
    /// The violations of the report, each whose rule `F` names (a code of
    /// `F` whose name is the rule's code) made from that code.
    fn violations_of(&self, catalog: crate::catalog::Catalog) -> Violations;
}

/// The entry of `catalog` named `rule`: by its name, else by its name
/// with case and `_` aside (`must_match` finds `MustMatch`).
#[cfg_attr(not(any(feature = "validator", feature = "garde")), allow(dead_code))]
fn named(catalog: crate::catalog::Catalog, rule: &str) -> Option<&'static crate::CodeInfo> {
    let loose = |name: &str| {
        name.chars()
            .filter(|c| *c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect::<String>()
    };
    catalog
        .entries()
        .iter()
        .find(|e| e.name() == rule)
        .or_else(|| {
            catalog
                .entries()
                .iter()
                .find(|e| loose(e.name()) == loose(rule))
        })
}

#[cfg(feature = "validator")]
impl ViolationReport for validator::ValidationErrors {
    #[inline]
    fn violations_of(&self, catalog: crate::catalog::Catalog) -> Violations {
        validator_violations(self, &mut |path, error| {
            let entry = named(catalog, &error.code)?;
            // A rule that does not give every param the code's message
            // names keeps the report's text rather than a `{max}` left
            // in the message.
            if !entry
                .params()
                .iter()
                .all(|name| error.params.contains_key(*name))
            {
                return None;
            }
            let params = error
                .params
                .iter()
                .map(|(key, value)| (key.to_string(), value.clone()))
                .collect();
            Some(Violation::of_entry(path, entry, &params).with_reason(error.code.to_string()))
        })
    }
}

/// garde's errors carry a message and no rule's name: the rule and its
/// params are read from garde's own English messages (`length is lower
/// than 3`: `length`, `min` 3), which its default `I18n` writes; a message
/// of another handler or a custom rule keeps its text.
#[cfg(feature = "garde")]
impl ViolationReport for garde::Report {
    #[inline]
    fn violations_of(&self, catalog: crate::catalog::Catalog) -> Violations {
        self.iter()
            .map(|(path, error)| {
                let path = garde_path(path);
                let message = error.message();
                let rule = garde_rule(message);
                let coded = rule.as_ref().and_then(|(rule, params)| {
                    let entry = named(catalog, rule)?;
                    // As for validator: a rule that does not give every
                    // param the code names keeps its text.
                    entry
                        .params()
                        .iter()
                        .all(|name| params.contains_key(*name))
                        .then(|| Violation::of_entry(&*path, entry, params).with_reason(*rule))
                });
                // Else as `From<&garde::Report>` gives it: the report's
                // text, with the rule and its params.
                coded.unwrap_or_else(|| garde_violation(path, message, rule))
            })
            .collect()
    }
}

/// The messages garde's default `I18n` writes: what each starts and ends
/// with around its one param, the rule, and the param's name (none: `""`).
/// In order: a message that starts as an earlier one is that one's.
#[cfg(feature = "garde")]
const GARDE_MESSAGES: &[(&str, &str, &str, &str)] = &[
    ("length is lower than ", "", "length", "min"),
    ("length is greater than ", "", "length", "max"),
    ("lower than ", "", "range", "min"),
    ("greater than ", "", "range", "max"),
    ("does not match pattern /", "/", "pattern", "pattern"),
    ("does not contain \"", "\"", "contains", "pattern"),
    ("value does not begin with \"", "\"", "prefix", "pattern"),
    ("does not end with \"", "\"", "suffix", "pattern"),
    ("does not match ", " field", "matches", "field"),
    ("not a valid email", "", "email", ""),
    ("not a valid url", "", "url", ""),
    ("not a valid credit card number", "", "credit_card", ""),
    ("not a valid phone number", "", "phone_number", ""),
    ("not a valid ", " address", "ip", "kind"),
    ("not ascii", "", "ascii", ""),
    ("not alphanumeric", "", "alphanumeric", ""),
    ("not set", "", "required", ""),
];

/// The rule of a message garde's default `I18n` wrote, and its params: a
/// bound (`min`, `max`) as a JSON number, another param as text.
#[cfg(feature = "garde")]
#[inline]
fn garde_rule(message: &str) -> Option<(&'static str, serde_json::Map<String, serde_json::Value>)> {
    for &(prefix, suffix, rule, key) in GARDE_MESSAGES {
        let Some(param) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
        else {
            continue;
        };
        let mut params = serde_json::Map::new();
        if !key.is_empty() {
            let value = match param.parse::<serde_json::Number>() {
                Ok(number) if matches!(key, "min" | "max") => serde_json::Value::Number(number),
                _ => serde_json::Value::from(param),
            };
            params.insert(key.to_owned(), value);
        }
        return Some((rule, params));
    }
    None
}

impl Violations {
    /// The violations of a validator's report (`&validator::ValidationErrors`
    /// or `&garde::Report`) in the request's language: a violation whose
    /// rule's code (`length`, `range`, `email`, or a custom code) is the
    /// name of a code of the derived field-error enum `F` takes that code
    /// and its messages, its params filled from the rule's (`min`, `max`,
    /// `value`, …), where the rule gives every param the code names;
    /// others keep the report's text.
    ///
    /// ```
    /// # #[cfg(feature = "validator")] {
    /// use error_code::{ErrorCode, Violations};
    ///
    /// #[derive(Debug, ErrorCode)]
    /// #[error_code(lang = "en")]
    /// enum FieldError {
    ///     /// must be between {min} and {max}
    ///     #[code(1101, status = 400, name = "range", message(zh = "必须在 {min} 与 {max} 之间"))]
    ///     Range { min: i64, max: i64 },
    /// }
    ///
    /// let mut report = validator::ValidationErrors::new();
    /// let mut error = validator::ValidationError::new("range");
    /// error.add_param("min".into(), &1);
    /// error.add_param("max".into(), &10);
    /// report.add("replicas", error);
    /// let violations = Violations::from_report::<FieldError>(&report);
    /// let v = violations.iter().next().unwrap();
    /// assert_eq!(v.code(), Some(1101));
    /// assert_eq!(v.message(), "must be between 1 and 10");
    /// assert_eq!(v.message_for("zh-CN"), "必须在 1 与 10 之间");
    /// # }
    /// ```
    #[must_use]
    #[inline]
    pub fn from_report<F: crate::code::ErrorCatalog>(report: &impl ViolationReport) -> Self {
        report.violations_of(F::CATALOG)
    }
}

/// Each error of a `garde` report, at its path as garde writes it
/// (`spec.replicas`, `items[2].name`), with garde's message; its rule
/// (`length`) the violation's reason and the rule's params (`min`) its
/// params, where garde's message names them.
#[cfg(feature = "garde")]
impl From<garde::Report> for Violations {
    #[inline]
    fn from(report: garde::Report) -> Self {
        Violations::from(&report)
    }
}

#[cfg(feature = "garde")]
impl From<&garde::Report> for Violations {
    #[inline]
    fn from(report: &garde::Report) -> Self {
        report
            .iter()
            .map(|(path, error)| {
                let message = error.message();
                garde_violation(garde_path(path), message, garde_rule(message))
            })
            .collect()
    }
}

/// A garde path as a violation's field: as garde writes it
/// (`spec.replicas`, `items[2].name`), but a map's key that holds a `.` or
/// a `[` in brackets (`labels[app.kubernetes.io/name].name`), and one that
/// holds a `]` or a `"`, or is empty, as a JSON string in brackets
/// (`labels["x]y"].name`), so that it stays one segment of the pointer.
#[cfg(feature = "garde")]
fn garde_path(path: &garde::Path) -> String {
    // garde says each component's kind only through its `Serialize`:
    // `[["key", "labels"], ["index", "2"]]`.
    let Ok(serde_json::Value::Array(components)) = serde_json::to_value(path) else {
        return path.to_string();
    };
    let mut out = String::new();
    for component in &components {
        let (Some(kind), Some(text)) =
            (component.get(0), component.get(1).and_then(|t| t.as_str()))
        else {
            return path.to_string();
        };
        match kind.as_str() {
            Some("index") => {
                out.push('[');
                out.push_str(text);
                out.push(']');
            }
            Some("key") => crate::violations::push_key(&mut out, text),
            _ => out.push_str(text),
        }
    }
    out
}

/// A garde error as a violation: its path, garde's message, and the rule
/// read from that message (`garde_rule`) as its reason, with the rule's
/// params, as a validator report gives them.
#[cfg(feature = "garde")]
#[inline]
fn garde_violation(
    path: String,
    message: &str,
    rule: Option<(&'static str, serde_json::Map<String, serde_json::Value>)>,
) -> Violation {
    let mut violation = Violation::new(path, message.to_owned());
    if let Some((rule, params)) = rule {
        violation = violation.with_reason(rule);
        for (key, value) in params {
            violation = violation.with_param(&key, value);
        }
    }
    violation
}
