//! Message templates: `{name}` and `{0}` name a variant's fields, `{{` and
//! `}}` are literal braces. The runtime's `wire::params` renders them with
//! the same grammar.

/// The names a template's placeholders give, in order, or what is wrong
/// with its braces.
pub fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => {
                let rest = &text[i + 1..];
                let Some(end) = rest.find('}') else {
                    return Err("a `{` opens no placeholder: write `{{` for a literal brace".into());
                };
                let name = rest[..end].trim();
                if !is_name(name) {
                    return Err(format!(
                        "`{{{}}}` is not a placeholder: a placeholder names a field, `{{name}}` or `{{0}}`; write `{{{{` and `}}}}` for literal braces",
                        &rest[..end]
                    ));
                }
                names.push(name);
                i += end + 2;
            }
            b'}' => {
                return Err("a `}` closes no placeholder: write `}}` for a literal brace".into());
            }
            _ => i += 1,
        }
    }
    Ok(names)
}

/// A field's name (`name`, `r#type` without its `r#`) or a tuple index.
fn is_name(name: &str) -> bool {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => name.bytes().all(|b| b.is_ascii_digit()),
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_and_braces() {
        assert_eq!(placeholders("Pod {name} in {ns}").unwrap(), ["name", "ns"]);
        assert_eq!(placeholders("key {0} of {1}").unwrap(), ["0", "1"]);
        assert!(placeholders("literal {{braces}} only").unwrap().is_empty());
        assert!(placeholders("plain").unwrap().is_empty());
        assert!(placeholders("a { b").is_err());
        assert!(placeholders("a } b").is_err());
        assert!(placeholders("json {\"a\": 1}").is_err());
        assert!(placeholders("{0:?}").is_err());
        assert_eq!(placeholders("名字 {名前}").unwrap(), ["名前"]);
    }
}
