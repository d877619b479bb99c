//! Translations as translators keep them: Fluent files, one per language,
//! read at compile time with Project Fluent's parser and compiled to the
//! derive's static templates (`{ $name }` becomes `{name}`).

use crate::errors::Errors;
use crate::tokens::tokens;
#[cfg(feature = "fluent")]
use fluent_syntax::ast;
use std::path::{Path, PathBuf};
use syn::LitStr;

/// One language's file, parsed.
pub struct Language {
    /// The language tag: the directory (or file name part) `{lang}` matched.
    pub tag: String,
    /// The file as the pattern names it, relative to the manifest, for
    /// messages: `i18n/en/pods.ftl`.
    pub shown: String,
    /// The file's absolute path, for `include_bytes!`.
    pub path: PathBuf,
    /// Each message: id, template, line (1-based).
    pub messages: Vec<Message>,
    /// Whether the file has a syntax error: what the parser skipped may
    /// hold any code, so none is reported missing from it, which would
    /// only repeat that mistake.
    pub reported: bool,
}

pub struct Message {
    pub id: String,
    pub template: String,
    pub line: usize,
    /// The variables the message names, with their lines.
    pub variables: Vec<(String, usize)>,
    /// The variables its selects choose by, with their lines.
    pub selects: Vec<(String, usize)>,
    /// Its `.explanation` attribute: the code's explanation in this language.
    pub explanation: Option<String>,
    /// Whether it had a mistake, reported: its code has a text here, which
    /// is not compiled.
    pub failed: bool,
}

/// The files `pattern` names, one per language, parsed; every mistake in
/// them pushed to `errors` at the pattern's literal, naming file and line.
pub fn load(pattern: &LitStr, errors: &mut Errors) -> Vec<Language> {
    load_if(cfg!(feature = "fluent"), pattern, errors)
}

/// [`load`] where the feature `fluent` is on, else one error naming it.
fn load_if(enabled: bool, pattern: &LitStr, errors: &mut Errors) -> Vec<Language> {
    // Without the feature the reader is not compiled at all.
    #[cfg(feature = "fluent")]
    if enabled {
        return load_files(pattern, errors);
    }
    #[cfg(not(feature = "fluent"))]
    let _ = enabled;
    errors.at(
        pattern.span(),
        "`translations = …` reads Fluent files, which needs the feature `fluent` of error-code: `error-code = { …, features = [\"fluent\"] }`",
    );
    Vec::new()
}

/// The tag `{lang}` stands for in `name`, a directory or file name that
/// `pattern` (one segment of the path, `{lang}` in it once or more)
/// matches: `en` in `en-en.ftl` for `{lang}-{lang}.ftl`.
#[cfg(feature = "fluent")]
fn tag_in<'n>(pattern: &str, name: &'n str) -> Option<&'n str> {
    let (before, _) = pattern.split_once("{lang}")?;
    let rest = name.strip_prefix(before)?;
    for end in 1..=rest.len() {
        if rest.is_char_boundary(end) && pattern.replace("{lang}", &rest[..end]) == name {
            return Some(&rest[..end]);
        }
    }
    None
}

/// [`load`], the feature on.
#[cfg(feature = "fluent")]
fn load_files(pattern: &LitStr, errors: &mut Errors) -> Vec<Language> {
    let text = pattern.value();
    let Some(root) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        errors.at(pattern.span(), "the translations are read relative to the crate's manifest, and `CARGO_MANIFEST_DIR` is not set: build with cargo");
        return Vec::new();
    };
    let segments: Vec<&str> = text.split('/').collect();
    let Some(at) = segments.iter().position(|s| s.contains("{lang}")) else {
        errors.at(
            pattern.span(),
            format!("`{text}` names no language: write `{{lang}}` where the language tag goes, like `i18n/{{lang}}/errors.ftl`"),
        );
        return Vec::new();
    };
    let pattern_segment = segments[at];
    let dir = segments[..at].join("/");
    let rest = segments[at + 1..].join("/");
    let listed = match std::fs::read_dir(root.join(&dir)) {
        Ok(entries) => entries,
        Err(_) => {
            errors.at(
                pattern.span(),
                format!(
                    "`{text}`: there is no directory `{}` beside the crate's Cargo.toml",
                    if dir.is_empty() { "." } else { &dir }
                ),
            );
            return Vec::new();
        }
    };
    let mut names: Vec<String> = listed
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    let mut out = Vec::new();
    // Whether a file matched, read or not: a file that fails is its own
    // error, not also "no file matches".
    let mut matched = false;
    for name in names {
        let Some(tag) = tag_in(pattern_segment, &name) else {
            continue;
        };
        // `{lang}` again further on is the same tag (`i18n/{lang}/{lang}.ftl`).
        let rest = rest.replace("{lang}", tag);
        let relative = join(&[&dir, &name, &rest]);
        let path = root.join(&relative);
        if path.is_dir() {
            matched = true;
            errors.at(
                pattern.span(),
                format!("`{relative}` is a directory; `{text}` names a Fluent file there"),
            );
            continue;
        }
        if !path.is_file() {
            // A language directory whose file is named otherwise is said,
            // not silently no language.
            let folder = root.join(join(&[&dir, &name]));
            if !rest.is_empty() && !rest.contains('/') && folder.is_dir() {
                let mut others: Vec<String> = std::fs::read_dir(&folder)
                    .into_iter()
                    .flatten()
                    .filter_map(Result::ok)
                    .filter(|e| e.path().is_file())
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".ftl"))
                    .collect();
                if !others.is_empty() {
                    others.sort();
                    matched = true;
                    errors.at(
                        pattern.span(),
                        format!(
                            "`{}` has no `{rest}` (it has `{}`): name the file `{relative}`, as `{text}` says",
                            join(&[&dir, &name]),
                            others.join("`, `")
                        ),
                    );
                }
            }
            continue;
        }
        matched = true;
        if !crate::attr::is_tag(tag) {
            errors.at(
                pattern.span(),
                format!("`{relative}`: `{tag}` is not a language tag; name the directory after one, like `en` or `zh-Hant`"),
            );
            continue;
        }
        let source = match std::fs::read_to_string(&path) {
            Ok(source) => source,
            Err(e) => {
                errors.at(pattern.span(), format!("`{relative}` cannot be read: {e}"));
                continue;
            }
        };
        // Two directories of one tag in another case (`en`, `EN`) are one
        // language twice.
        let tag = canonical_tag(tag);
        if let Some(first) = out.iter().find(|l: &&Language| l.tag == tag) {
            errors.at(
                pattern.span(),
                format!(
                    "`{relative}` and `{}` are both the language `{tag}`; keep one",
                    first.shown
                ),
            );
            continue;
        }
        // A byte-order mark some editors write is no part of the text.
        let source = source.strip_prefix('\u{feff}').unwrap_or(&source);
        let (messages, reported) = parse(source, &relative, pattern, errors);
        out.push(Language {
            tag,
            shown: relative,
            path,
            messages,
            reported,
        });
    }
    if !matched {
        errors.at(
            pattern.span(),
            format!("no file matches `{text}` beside the crate's Cargo.toml; each language is a file there, like `{}`", text.replace("{lang}", "en")),
        );
    }
    out
}

/// `tag` in the case BCP 47 writes it: `en-GB`, `zh-Hant`, `pt-BR` for
/// a directory `EN-gb`, `ZH-hant`, `pt-br`; after a singleton (`u`, `x`)
/// every subtag lower case (`en-US-u-ca-gregory`), as RFC 5646 §2.1.1 has
/// it.
#[cfg(feature = "fluent")]
fn canonical_tag(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut extended = false;
    for (i, sub) in tag.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        extended |= sub.len() == 1;
        let alpha = sub.bytes().all(|b| b.is_ascii_alphabetic());
        if i > 0 && !extended && alpha && sub.len() == 2 {
            out.push_str(&sub.to_ascii_uppercase());
        } else if i > 0 && !extended && alpha && sub.len() == 4 {
            let lower = sub.to_ascii_lowercase();
            out.push_str(&lower[..1].to_ascii_uppercase());
            out.push_str(&lower[1..]);
        } else {
            out.push_str(&sub.to_ascii_lowercase());
        }
    }
    out
}

#[cfg(feature = "fluent")]
fn join(parts: &[&str]) -> String {
    let parts: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    parts.join("/")
}

/// The 1-based line of byte `offset` in `source`.
#[cfg(feature = "fluent")]
fn line_of(source: &str, offset: usize) -> usize {
    source
        .as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The messages of one file; syntax errors and constructs the derive does
/// not compile pushed with file and line.
#[cfg(feature = "fluent")]
fn parse(source: &str, shown: &str, pattern: &LitStr, errors: &mut Errors) -> (Vec<Message>, bool) {
    // A select written on one line (`{ $n -> [one] a *[other] b }`, as
    // prose often writes it) is no Fluent; it is read as the same select
    // with each variant on a line of its own, and the lines said are the
    // file's own.
    if fluent_syntax::parser::parse(source).is_err()
        && let Some((expanded, lines)) = one_line_selects(source)
        && fluent_syntax::parser::parse(expanded.as_str()).is_ok()
    {
        return messages(&expanded, &lines, shown, pattern, errors);
    }
    let lines: Vec<usize> = (1..=source.lines().count() + 1).collect();
    messages(source, &lines, shown, pattern, errors)
}

/// `source` with every one-line select written out, a variant a line, and
/// for each of its lines the file's line it comes from; `None` where
/// there is none.
#[cfg(feature = "fluent")]
fn one_line_selects(source: &str) -> Option<(String, Vec<usize>)> {
    let mut out = String::with_capacity(source.len() + 64);
    let mut lines = Vec::new();
    let mut changed = false;
    for (n, line) in source.lines().enumerate() {
        let Some(arrow) = line.find("->").filter(|&a| line[..a].contains('{')) else {
            out.push_str(line);
            out.push('\n');
            lines.push(n + 1);
            continue;
        };
        let (head, rest) = line.split_at(arrow + 2);
        if !rest.trim_start().starts_with(['[', '*']) {
            out.push_str(line);
            out.push('\n');
            lines.push(n + 1);
            continue;
        }
        changed = true;
        out.push_str(head);
        // Each `[key]` or `*[key]` that follows white space starts a line;
        // the `}` that closes the select, the last on the line, too.
        let close = rest.rfind('}').unwrap_or(rest.len());
        let (variants, tail) = rest.split_at(close);
        let bytes = variants.as_bytes();
        let mut start = 0;
        for i in 0..bytes.len() {
            let key = bytes[i] == b'[' || (bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'['));
            let after_space = i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t';
            let starred = i > 0 && bytes[i] == b'[' && bytes[i - 1] == b'*';
            if key && after_space && !starred {
                out.push_str(variants[start..i].trim_end());
                out.push('\n');
                lines.push(n + 1);
                out.push_str("    ");
                start = i;
            }
        }
        out.push_str(variants[start..].trim_end());
        out.push('\n');
        lines.push(n + 1);
        out.push_str(tail);
        out.push('\n');
        lines.push(n + 1);
    }
    lines.push(source.lines().count() + 1);
    changed.then_some((out, lines))
}

/// The messages of `source`, whose line `i` (from 0) is the file's line
/// `lines[i]`.
#[cfg(feature = "fluent")]
fn messages(
    source: &str,
    lines: &[usize],
    shown: &str,
    pattern: &LitStr,
    errors: &mut Errors,
) -> (Vec<Message>, bool) {
    let line_of = |source: &str, offset: usize| {
        let at = line_of(source, offset);
        lines.get(at - 1).copied().unwrap_or(at)
    };
    let mut syntax = false;
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, found)) => {
            syntax = true;
            for error in &found {
                let line = line_of(
                    source,
                    error.slice.as_ref().map_or(error.pos.start, |s| s.start),
                );
                // A variable Fluent cannot name: a tuple field's `{ $0 }`.
                let hint = if source.lines().nth(line - 1).is_some_and(|l| {
                    l.as_bytes()
                        .windows(2)
                        .any(|w| w[0] == b'$' && w[1].is_ascii_digit())
                }) {
                    "; Fluent names its variables, so a tuple field is no placeable (`{ $0 }`): name the fields, or keep that message inline"
                } else {
                    ""
                };
                // The parser's expectation, on one line.
                let kind = error.kind.to_string().replace(['\n', '\r'], " ");
                let kind = kind.split_whitespace().collect::<Vec<_>>().join(" ");
                errors.at(
                    pattern.span(),
                    format!("{shown}:{line}: Fluent syntax error: {kind}{hint}"),
                );
            }
            resource
        }
    };
    let mut out = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let before = errors.count();
        // The line of the message: where its id is.
        let offset = id.as_ptr() as usize - source.as_ptr() as usize;
        let line = line_of(source, offset);
        // `.explanation` is the code's explanation in this language; other
        // attributes (`.hint = …`) have nowhere to go: said, not dropped.
        let mut explanation = None;
        for attribute in &message.attributes {
            let at = line_of(
                source,
                attribute.id.name.as_ptr() as usize - source.as_ptr() as usize,
            );
            if attribute.id.name != "explanation" {
                errors.at(
                    pattern.span(),
                    format!(
                        "{shown}:{at}: `{id}` has an attribute (`.{}`), which the derive does not compile: a code has its message and an `.explanation`",
                        attribute.id.name
                    ),
                );
                continue;
            }
            if explanation.is_some() {
                errors.at(
                    pattern.span(),
                    format!("{shown}:{at}: `{id}` has its `.explanation` twice; keep one"),
                );
                continue;
            }
            let mut text = String::new();
            for element in &attribute.value.elements {
                match element {
                    ast::PatternElement::TextElement { value } => text.push_str(value),
                    ast::PatternElement::Placeable {
                        expression:
                            ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
                    } => text.push_str(&unescape(value)),
                    ast::PatternElement::Placeable { .. } => errors.at(
                        pattern.span(),
                        format!("{shown}:{at}: the explanation of `{id}` has a placeable: an explanation is text"),
                    ),
                }
            }
            explanation = Some(text.trim().to_owned());
        }
        let mut template = String::new();
        let mut variables = Vec::new();
        let mut selects = Vec::new();
        if let Some(value) = &message.value {
            let mut problems = Vec::new();
            let context = Context { source, lines };
            convert(
                &value.elements,
                &context,
                false,
                &mut template,
                &mut variables,
                &mut selects,
                &mut problems,
            );
            for problem in &problems {
                errors.at(pattern.span(), format!("{shown}:{line}: `{id}` {problem}"));
            }
        } else {
            errors.at(
                pattern.span(),
                format!("{shown}:{line}: `{id}` has no text"),
            );
        }
        if let Some(first) = out.iter().find(|m: &&Message| m.id == id) {
            errors.at(
                pattern.span(),
                format!(
                    "{shown}:{line}: `{id}` is given twice, here and on line {}; keep one",
                    first.line
                ),
            );
            continue;
        }
        out.push(Message {
            id: id.to_owned(),
            template,
            line,
            variables,
            selects,
            explanation,
            failed: errors.count() > before,
        });
    }
    (out, syntax)
}

/// Where a message is, for the lines of its variables.
#[cfg(feature = "fluent")]
struct Context<'s> {
    source: &'s str,
    /// The file's line of each line of `source`.
    lines: &'s [usize],
}

/// Writes a Fluent pattern's elements as a template (in a select's
/// variant, its text escaped as a variant's body is); the variables it
/// names and selects by are pushed, and what it cannot compile.
#[cfg(feature = "fluent")]
fn convert(
    elements: &[ast::PatternElement<&str>],
    context: &Context<'_>,
    in_variant: bool,
    template: &mut String,
    variables: &mut Vec<(String, usize)>,
    selects: &mut Vec<(String, usize)>,
    problems: &mut Vec<String>,
) {
    let text = |template: &mut String, value: &str| {
        if in_variant {
            template.push_str(&crate::grammar::escape_variant_text(value));
        } else {
            for c in value.chars() {
                match c {
                    '{' => template.push_str("{{"),
                    '}' => template.push_str("}}"),
                    c => template.push(c),
                }
            }
        }
    };
    let line_at = |name: &str| {
        let at = name.as_ptr() as usize - context.source.as_ptr() as usize;
        let line = line_of(context.source, at);
        context.lines.get(line - 1).copied().unwrap_or(line)
    };
    for i in 0..elements.len() {
        let element = &elements[i];
        match element {
            ast::PatternElement::TextElement { value } => {
                // A variant's text is trimmed at its ends, as Fluent reads
                // it: the blanks after its key (spaces, not a tab).
                let mut value = *value;
                if in_variant && i == 0 {
                    value = value.trim_start_matches(' ');
                }
                if in_variant && i + 1 == elements.len() {
                    value = value.trim_end();
                }
                text(template, value);
            }
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id: var }) => {
                    variables.push((var.name.to_owned(), line_at(var.name)));
                    template.push('{');
                    template.push_str(var.name);
                    template.push('}');
                }
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    text(template, &unescape(value));
                }
                ast::Expression::Inline(ast::InlineExpression::NumberLiteral { value }) => {
                    template.push_str(value);
                }
                ast::Expression::Select { selector, variants } => {
                    let ast::InlineExpression::VariableReference { id: var } = selector else {
                        problems.push("selects by something other than a variable: a select chooses by a field, `{ $count -> … }`".to_owned());
                        continue;
                    };
                    if in_variant {
                        problems.push("has a select inside a select, which error-code does not compile: write the outer select's variants out".to_owned());
                        continue;
                    }
                    selects.push((var.name.to_owned(), line_at(var.name)));
                    variables.push((var.name.to_owned(), line_at(var.name)));
                    template.push('{');
                    template.push_str(var.name);
                    template.push_str(" ->");
                    for variant in variants {
                        if variant.default {
                            template.push('*');
                        }
                        template.push('[');
                        match &variant.key {
                            ast::VariantKey::Identifier { name } => template.push_str(name),
                            ast::VariantKey::NumberLiteral { value } => template.push_str(value),
                        }
                        template.push(']');
                        convert(
                            &variant.value.elements,
                            context,
                            true,
                            template,
                            variables,
                            selects,
                            problems,
                        );
                    }
                    template.push('}');
                }
                ast::Expression::Inline(ast::InlineExpression::MessageReference {
                    id,
                    attribute,
                }) => {
                    problems.push(match attribute {
                        Some(attribute) => format!(
                            "refers to the attribute `{0}.{1}` (`{{ {0}.{1} }}`), which error-code does not compile: write its text here",
                            id.name, attribute.name
                        ),
                        None => format!(
                            "refers to the message `{0}` (`{{ {0} }}`), which error-code does not compile: write its text here, or, for a param `{0}`, `{{ ${0} }}`",
                            id.name
                        ),
                    });
                }
                ast::Expression::Inline(ast::InlineExpression::TermReference { id, .. }) => {
                    problems.push(format!(
                        "uses the term `-{}`, which error-code does not compile: write its text here",
                        id.name
                    ));
                }
                ast::Expression::Inline(ast::InlineExpression::FunctionReference { id, .. }) => {
                    problems.push(format!(
                        "calls the function `{}`, which error-code does not compile: write text and `{{ $var }}` placeables",
                        id.name
                    ));
                }
                _ => problems.push("uses a placeable error-code does not compile: write text and `{ $var }` placeables".to_owned()),
            },
        }
    }
}

/// A Fluent string literal's escapes: `\"`, `\\`, `\uXXXX`, `\UXXXXXX`.
#[cfg(feature = "fluent")]
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            // A code point that is no character (a surrogate, `\UFFFFFF`)
            // is U+FFFD, as fluent-bundle writes it.
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char_of(&hex));
            }
            Some('U') => {
                let hex: String = chars.by_ref().take(6).collect();
                out.push(char_of(&hex));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The character of the hex digits `hex`, else U+FFFD.
#[cfg(feature = "fluent")]
fn char_of(hex: &str) -> char {
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// `include_bytes!` of every file, so that an edit rebuilds the crate.
pub fn tracked(languages: &[Language]) -> proc_macro2::TokenStream {
    let mut files = proc_macro2::TokenStream::new();
    for l in languages {
        let path = path_text(&l.path);
        files.extend(tokens!(path =>
            const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
        ));
    }
    files
}

fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod gate {
    #[test]
    fn translations_without_the_feature_are_one_error_naming_it() {
        let pattern: syn::LitStr = syn::parse_quote!("i18n/{lang}/pods.ftl");
        let mut errors = crate::errors::Errors::default();
        assert!(super::load_if(false, &pattern, &mut errors).is_empty());
        assert_eq!(errors.count(), 1);
        let text = errors.finish().map(|t| t.to_string()).unwrap_or_default();
        assert!(text.contains("feature `fluent`"), "{text}");
    }
}

#[cfg(all(test, feature = "fluent"))]
mod tests {
    /// Two directories of one language in two cases are one error naming
    /// both files, not a message "twice, here and in the enum".
    #[test]
    fn one_language_in_two_directories_is_one_error_naming_both() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("../target/tmp/fluent-case");
        let _ = std::fs::remove_dir_all(&dir);
        for (lang, text) in [("en", "A = lower\n"), ("EN", "A = upper\n")] {
            std::fs::create_dir_all(dir.join(lang)).unwrap();
            std::fs::write(dir.join(lang).join("e.ftl"), text).unwrap();
        }
        let pattern: syn::LitStr = syn::parse_quote!("../target/tmp/fluent-case/{lang}/e.ftl");
        let mut errors = crate::errors::Errors::default();
        let languages = super::load_files(&pattern, &mut errors);
        assert_eq!(languages.len(), 1);
        assert_eq!(errors.count(), 1);
        let text = errors.finish().map(|t| t.to_string()).unwrap_or_default();
        assert!(
            text.contains("fluent-case/en/e.ftl") && text.contains("fluent-case/EN/e.ftl"),
            "{text}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn directory_tags_are_written_as_bcp_47_writes_them() {
        for (dir, tag) in [
            ("EN-gb", "en-GB"),
            ("zh-hant", "zh-Hant"),
            ("pt-br", "pt-BR"),
            ("de", "de"),
            ("es-419", "es-419"),
            ("en-us-U-CA-gregory", "en-US-u-ca-gregory"),
            ("X-AB-cd", "x-ab-cd"),
            ("sr-latn-rs-x-mine", "sr-Latn-RS-x-mine"),
        ] {
            assert_eq!(super::canonical_tag(dir), tag);
        }
    }

    use super::unescape;

    #[test]
    fn string_literals_unescape() {
        assert_eq!(unescape(r#"a\"b\\c\u0041"#), "a\"b\\cA");
        // No character: U+FFFD, as fluent-bundle writes it.
        assert_eq!(unescape(r#"x\uD800y\UFFFFFFz"#), "x\u{fffd}y\u{fffd}z");
    }
}
