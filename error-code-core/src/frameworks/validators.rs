//! The reports of the validators users already run, as [`Violations`]:
//! `validator` (feature `validator`) and `garde` (feature `garde`). Paths
//! are written as the client sent them (`spec.replicas`, `items[2].name`),
//! in a stable order.

use crate::wire::{Violation, Violations};

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
        fn walk(report: &validator::ValidationErrors, prefix: &str, out: &mut Vec<Violation>) {
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
                    Kind::Struct(inner) => walk(inner, &path, out),
                    Kind::List(items) => {
                        for (i, inner) in items {
                            walk(inner, &format!("{path}[{i}]"), out);
                        }
                    }
                    Kind::Field(errors) => {
                        for error in errors {
                            let message =
                                error.message.clone().unwrap_or_else(|| error.code.clone());
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
        walk(report, "", &mut out);
        Violations::from(out)
    }
}

/// Each error of a `garde` report, at its path as garde writes it
/// (`spec.replicas`, `items[2].name`), with garde's message.
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
            .map(|(path, error)| Violation::new(path.to_string(), error.message().to_owned()))
            .collect()
    }
}
