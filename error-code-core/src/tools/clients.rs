//! Clients in Go and Python, generated from the catalog. Each client is
//! given the catalog prepared in Rust: every template already cut into
//! pieces by the runtime's own tokenizer (`grammar::pieces`), so the
//! template grammar has one home. What a client still does itself is the
//! negotiation of an `Accept-Language` value and a param's text, each a
//! port of the server's rule (`negotiate::negotiate_in`, `q_milli`, `ows`;
//! `message::write_text_with`) that the project's tests check against the
//! server over one shared set of cases.

use super::export::CatalogExport;
use crate::catalog::CodeInfo;
use crate::category::CategoryInfo;
use crate::grammar::{Piece, pieces, pieces_of_variant, variants};
use std::fmt::Write as _;

/// A client's name for each code: the code's name as an identifier
/// (`GetPodError`; a name that is none, `pod.not-found`, as `PodNotFound`),
/// made unique by its number where two codes would share it, or where it
/// is one of `taken` (the client's own names) or another code's params
/// type (`…Params`).
#[inline]
pub(crate) fn identifiers(codes: &[CodeInfo], taken: &[&str]) -> Vec<String> {
    let base: Vec<String> = codes
        .iter()
        .map(|info| identifier(info.name(), "Code"))
        .collect();
    let params_types: Vec<String> = base
        .iter()
        .zip(codes)
        .filter(|(_, info)| !info.params().is_empty())
        .map(|(ident, _)| format!("{ident}Params"))
        .collect();
    let kept = |ident: &String| {
        base.iter().filter(|b| *b == ident).count() == 1
            && !taken.contains(&ident.as_str())
            && !params_types.contains(ident)
    };
    // The names kept as they are come first; a name told apart by its
    // number then takes one no other constant or params type has
    // (`Error1001` may be another code's own name).
    let mut used: Vec<String> = taken.iter().map(|t| (*t).to_owned()).collect();
    for (ident, info) in base.iter().zip(codes) {
        if kept(ident) {
            used.push(ident.clone());
            if !info.params().is_empty() {
                used.push(format!("{ident}Params"));
            }
        }
    }
    let mut out = Vec::with_capacity(codes.len());
    for (ident, info) in base.iter().zip(codes) {
        if kept(ident) {
            out.push(ident.clone());
            continue;
        }
        let mut name = format!("{ident}{}", info.code());
        let with_params = !info.params().is_empty();
        while used.contains(&name) || (with_params && used.contains(&format!("{name}Params"))) {
            name.push('_');
        }
        used.push(name.clone());
        if with_params {
            used.push(format!("{name}Params"));
        }
        out.push(name);
    }
    out
}

/// The Go fields of a code's params: each param's name as an identifier,
/// told apart by its position where two would share one (`名前` and `値`
/// are both `Field`) or where it is the struct's method, `Map`.
#[inline]
fn go_fields(info: &CodeInfo) -> Vec<String> {
    let mut fields: Vec<String> = Vec::new();
    for (i, (param, _)) in typed_params(info).enumerate() {
        let mut field = identifier(param, "Field");
        if field == "Map" || fields.contains(&field) {
            field = format!("{field}{}", i + 1);
        }
        while fields.contains(&field) {
            field.push('_');
        }
        fields.push(field);
    }
    fields
}

/// The Go client's own names, which no code's constant may take.
const GO_NAMES: &[&str] = &[
    "Piece",
    "Variant",
    "Message",
    "Param",
    "Info",
    "Violation",
    "Error",
    "Decode",
    "FormatMessage",
    "ParamText",
    "Catalog",
];

/// `name` as an identifier that starts with a capital letter (after
/// `prefix` where it would start with a digit).
#[inline]
fn identifier(name: &str, prefix: &str) -> String {
    let mut out = String::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, prefix);
    }
    out
}

/// A string literal Go, Python and TypeScript all read as `text`: JSON's
/// escaping, with every other character of the BMP beyond ASCII escaped
/// too (`\u00e9`, which all three read; one beyond the BMP, an emoji, is
/// written as itself), and a backtick and `$` as well, so that the text stays text where it is
/// pasted into a TypeScript template literal. The one string escaper of
/// every generated client.
#[inline]
pub(crate) fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '`' => out.push_str("\\u0060"),
            '$' => out.push_str("\\u0024"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            // Beyond the BMP the three languages escape differently (Go
            // has no surrogate escapes): the character itself, in UTF-8
            // source, reads the same in each.
            '\u{10000}'.. => out.push(c),
            _ => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// The messages of `info` a client negotiates among, in the server's
/// order: each translation, then the untagged message in its language
/// (`None` where that is not known); and the untagged message's pieces.
#[inline]
pub(crate) fn messages(info: &CodeInfo) -> Vec<(Option<&'static str>, &'static str)> {
    let mut out: Vec<_> = info
        .messages()
        .iter()
        .map(|(t, m)| (Some(*t), *m))
        .collect();
    out.push((info.lang(), info.message()));
    out
}

/// How a client writes a template's pieces.
#[derive(Clone, Copy)]
pub(crate) enum Syntax {
    TypeScript,
    Go,
    Python,
}

/// The pieces of `template` as a client's list: text as a string literal,
/// a placeholder as its name and the placeholder as written, a select as
/// its name and variants (key, default, pieces).
#[inline]
pub(crate) fn pieces_literal(template: &str, syntax: Syntax) -> String {
    list(pieces(template), syntax)
}

#[inline]
fn list(pieces: crate::grammar::Pieces<'_>, syntax: Syntax) -> String {
    let items: Vec<String> = pieces
        .map(|piece| match (piece, syntax) {
            (Piece::Text(text) | Piece::Stray(text), Syntax::Go) => {
                format!("{{Text: {}}}", literal(text))
            }
            (Piece::Text(text) | Piece::Stray(text), _) => literal(text),
            (Piece::Param { name, written }, Syntax::TypeScript) => {
                format!("[{}, {}]", literal(name), literal(written))
            }
            (Piece::Param { name, written }, Syntax::Python) => {
                format!("({}, {})", literal(name), literal(written))
            }
            (Piece::Param { name, written }, Syntax::Go) => {
                format!("{{Param: {}, Text: {}}}", literal(name), literal(written))
            }
            (
                Piece::Select {
                    name,
                    variants: raw,
                    ..
                },
                _,
            ) => {
                let variants: Vec<String> = variants(raw)
                    .map(|v| {
                        let body = list(pieces_of_variant(v.body), syntax);
                        match syntax {
                            Syntax::TypeScript => {
                                format!("[{}, {}, {body}]", literal(v.key), v.default)
                            }
                            Syntax::Python => format!(
                                "({}, {}, {body})",
                                literal(v.key),
                                if v.default { "True" } else { "False" }
                            ),
                            Syntax::Go => format!(
                                "{{Key: {}, Default: {}, Pieces: {body}}}",
                                literal(v.key),
                                v.default
                            ),
                        }
                    })
                    .collect();
                match syntax {
                    Syntax::TypeScript => format!(
                        "{{ select: {}, variants: [{}] }}",
                        literal(name),
                        variants.join(", ")
                    ),
                    Syntax::Python => {
                        format!("Select({}, ({},))", literal(name), variants.join(", "))
                    }
                    Syntax::Go => format!(
                        "{{Param: {}, Variants: []Variant{{{}}}}}",
                        literal(name),
                        variants.join(", ")
                    ),
                }
            }
        })
        .collect();
    match syntax {
        Syntax::TypeScript => format!("[{}]", items.join(", ")),
        Syntax::Python if items.len() == 1 => format!("({},)", items[0]),
        Syntax::Python => format!("({})", items.join(", ")),
        Syntax::Go => format!("[]Piece{{{}}}", items.join(", ")),
    }
}

/// The languages whose plural rules the clients need: each message's that
/// has a select, with its categories of the integers 0 to 1999 and of a
/// million (one letter each: `z`ero, `o`ne, `t`wo, `f`ew, `m`any, other
/// `x`). An integer from 2000 on takes the category of a million where it
/// is a multiple of one, else of 1000 and its last three digits: CLDR's
/// integer rules look at no more than that.
#[inline]
pub(crate) fn plural_tables(codes: &[CodeInfo]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for info in codes {
        for (tag, template) in messages(info) {
            let Some(tag) = tag else { continue };
            let has_select = pieces(template).any(|p| matches!(p, Piece::Select { .. }));
            if !has_select || out.iter().any(|(t, _)| *t == tag) {
                continue;
            }
            let letter = |n: &str| match crate::plural::category(Some(tag), n) {
                "zero" => 'z',
                "one" => 'o',
                "two" => 't',
                "few" => 'f',
                "many" => 'm',
                _ => 'x',
            };
            let mut table: String = (0..2000).map(|i| letter(&i.to_string())).collect();
            table.push(letter("1000000"));
            out.push((tag, table));
        }
    }
    out
}

/// The params of `info` with their JSON types (`""` where unknown).
#[inline]
fn typed_params(info: &CodeInfo) -> impl Iterator<Item = (&'static str, &'static str)> {
    info.params()
        .iter()
        .zip(info.param_types().iter().chain(std::iter::repeat(&"")))
        .map(|(name, ty)| (*name, *ty))
}

#[inline]
pub(crate) fn go(export: &CatalogExport, package: &str) -> String {
    let codes = export.codes().entries();
    let names = identifiers(codes, GO_NAMES);
    let mut out = format!(
        "// Code generated by error-code from the Rust error enums. DO NOT EDIT.\n\n\
         // Package {package} holds the API's error codes, their messages in every\n\
         // language the API speaks, and the reading of its error answers.\n\
         package {package}\n\n"
    );
    out.push_str(GO_PRELUDE);
    out.push_str("// The API's error codes.\nconst (\n");
    for (info, name) in codes.iter().zip(&names) {
        let _ = writeln!(out, "\t{name} = {}", info.code());
    }
    out.push_str(")\n\n");
    for (info, name) in codes.iter().zip(&names) {
        if info.params().is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "// {name}Params are the params of {name}.\ntype {name}Params struct {{"
        );
        let fields = go_fields(info);
        for ((param, ty), field) in typed_params(info).zip(&fields) {
            let ty = match ty {
                "string" => "string",
                "integer" => "int64",
                "number" => "float64",
                "boolean" => "bool",
                // As its JSON text: a map's keys keep their order.
                "array" | "object" | "" | "array|null" | "object|null" => "json.RawMessage",
                _ => "any",
            };
            let _ = writeln!(out, "\t{field} {ty} `json:{}`", literal(param));
        }
        out.push_str("}\n\n");
        let _ = writeln!(
            out,
            "// Map gives the params as FormatMessage takes them.\nfunc (p {name}Params) Map() map[string]any {{\n\treturn map[string]any{{"
        );
        for ((param, _), field) in typed_params(info).zip(&fields) {
            let _ = writeln!(out, "\t\t{}: p.{field},", literal(param));
        }
        out.push_str("\t}\n}\n\n");
    }
    out.push_str("// Catalog is what the API says of each code.\nvar Catalog = map[int]*Info{\n");
    for info in codes {
        let _ = writeln!(out, "\t{}: {{", info.code());
        let _ = writeln!(
            out,
            "\t\tCode: {}, Name: {}, Status: {}, Category: {},",
            info.code(),
            literal(info.name()),
            info.status().as_u16(),
            literal(info.category().map_or("", CategoryInfo::name)),
        );
        out.push_str("\t\tMessages: []Message{\n");
        for (tag, template) in messages(info) {
            let _ = writeln!(
                out,
                "\t\t\t{{Lang: {}, Pieces: {}}},",
                literal(tag.unwrap_or("")),
                pieces_literal(template, Syntax::Go)
            );
        }
        out.push_str("\t\t},\n\t\tParams: []Param{");
        for (param, ty) in typed_params(info) {
            let _ = write!(out, "{{Name: {}, Type: {}}}, ", literal(param), literal(ty));
        }
        out.push_str("},\n");
        if let Some(delay) = info.retry_after() {
            let _ = writeln!(
                out,
                "\t\tRetryAfter: {},",
                crate::violations::whole_seconds(delay)
            );
        }
        if info.can_retry() {
            out.push_str("\t\tCanRetry: true,\n");
        }
        let _ = writeln!(out, "\t\tViolations: {},\n\t}},", info.carries_violations());
    }
    out.push_str("}\n\n// plurals holds each language's plural categories of the integers 0 to\n// 1999 and of a million, one letter each.\nvar plurals = map[string]string{\n");
    for (tag, table) in plural_tables(codes) {
        let _ = writeln!(out, "\t{}: \"{table}\",", literal(tag));
    }
    out.push_str("}\n");
    out
}

/// What every Go client holds besides its catalog: the types, the
/// server's negotiation and a param's text, and `Decode`.
const GO_PRELUDE: &str = r##"import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Piece is a piece of a message template: text, or a param's place
// (Param is its name, Text the placeholder as written, kept where no
// param has that name), or a select on a param (Variants).
type Piece struct {
	Text     string
	Param    string
	Variants []Variant
}

// Variant is a variant of a select: its key (a plural category, a number
// or a string), whether it is the default, and its pieces.
type Variant struct {
	Key     string
	Default bool
	Pieces  []Piece
}

// Message is a template in a language ("" where it is not known).
type Message struct {
	Lang   string
	Pieces []Piece
}

// Param is a param's name and JSON type.
type Param struct {
	Name string
	Type string
}

// Info is what the catalog says of one code.
type Info struct {
	Code     int
	Name     string
	Status   int
	Category string
	// Messages holds each translation, then the untagged message last.
	Messages []Message
	Params   []Param
	// RetryAfter is the code's retry delay in seconds, 0 where none.
	RetryAfter int
	// CanRetry is whether the code's answers can say Retry-After (by its
	// delay, or a value's).
	CanRetry bool
	// Violations is whether the code's answers can list field violations.
	Violations bool
}

// Violation is one invalid field of an answer.
type Violation struct {
	Field   string         `json:"field"`
	Message string         `json:"message"`
	Code    int            `json:"code,omitempty"`
	Reason  string         `json:"reason,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
}

// Error is an error answer of the API.
type Error struct {
	Code    int
	Message string
	// Params are the answer's params by name: a string, a json.Number (as
	// the server wrote it), a bool or nil, and a list or an object as its
	// JSON text (a json.RawMessage, its keys in the server's order).
	Params map[string]any
	// RetryAfter is the seconds to wait before retrying, nil where none
	// (a delay beyond math.MaxInt seconds reads as math.MaxInt).
	RetryAfter *int
	Violations []Violation
	// Detail is the answer's `error`, where it has one.
	Detail    string
	RequestID string
}

// Error gives the code and the message.
func (e *Error) Error() string {
	if e.Detail != "" {
		return fmt.Sprintf("error %d: %s: %s", e.Code, e.Message, e.Detail)
	}
	return fmt.Sprintf("error %d: %s", e.Code, e.Message)
}

// Info is what the catalog says of the error's code, nil where it has none.
func (e *Error) Info() *Info { return Catalog[e.Code] }

// Decode reads an error answer's body, JSON or problem+json, by the
// rules of the server's own client: a JSON object whose code is a whole
// number up to 4294967295 and whose message (problem+json's title) is a
// string; its error (detail) a string, params an object and retry_after
// a whole number of seconds where given (null as not given). Each entry of
// errors with a field (or a pointer) and a message (or a detail) is a
// violation, its code, reason and params kept where of their type. Any
// other body is an error.
func Decode(body []byte) (*Error, error) {
	if err := wellFormed(body); err != nil {
		return nil, fmt.Errorf("not an error answer: %w", err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil || fields == nil {
		var notObject *json.UnmarshalTypeError
		if err == nil || errorAs(err, &notObject) {
			return nil, fmt.Errorf("not an error answer: not a JSON object")
		}
		return nil, fmt.Errorf("not an error answer: %w", err)
	}
	code, err := wholeField(fields, "code", math.MaxUint32)
	if err != nil {
		return nil, err
	}
	if code == nil {
		return nil, fmt.Errorf("not an error answer: no code")
	}
	message, err := eitherText(fields, "message", "title")
	if err != nil {
		return nil, err
	}
	if message == nil {
		return nil, fmt.Errorf("not an error answer: no message")
	}
	detail, err := eitherText(fields, "error", "detail")
	if err != nil {
		return nil, err
	}
	e := &Error{Code: int(*code), Message: *message, Params: map[string]any{}}
	if detail != nil {
		e.Detail = *detail
	}
	if id, _ := textField(fields, "request_id"); id != nil {
		e.RequestID = *id
	}
	if raw, ok := fields["params"]; ok && string(raw) != "null" {
		var params map[string]json.RawMessage
		if err := json.Unmarshal(raw, &params); err != nil {
			return nil, fmt.Errorf("not an error answer: `params` is not an object")
		}
		for name, value := range params {
			v, err := decodeValue(value)
			if err != nil {
				return nil, err
			}
			e.Params[name] = v
		}
	}
	retry, err := wholeField(fields, "retry_after", math.MaxUint64)
	if err != nil {
		return nil, err
	}
	if retry != nil {
		seconds := math.MaxInt
		if *retry < uint64(math.MaxInt) {
			seconds = int(*retry)
		}
		e.RetryAfter = &seconds
	}
	var entries []json.RawMessage
	if raw, ok := fields["errors"]; ok && json.Unmarshal(raw, &entries) == nil {
		for _, entry := range entries {
			if v, ok := violationOf(entry); ok {
				e.Violations = append(e.Violations, v)
			}
		}
	}
	return e, nil
}

// wellFormed is nil where body is JSON the server's client reads: UTF-8,
// each surrogate escape in a pair, nested less than 128 deep, every
// number a float64 holds. (Go's own reader takes more.)
func wellFormed(body []byte) error {
	if !utf8.Valid(body) {
		return fmt.Errorf("not UTF-8")
	}
	depth, inString := 0, false
	for i := 0; i < len(body); i++ {
		c := body[i]
		if inString {
			switch c {
			case '"':
				inString = false
			case '\\':
				if i+1 < len(body) && body[i+1] == 'u' {
					r, ok := hex4(body, i+2)
					switch {
					case ok && r >= 0xD800 && r < 0xDC00:
						low, lok := hex4(body, i+8)
						if !lok || body[i+6] != '\\' || body[i+7] != 'u' || low < 0xDC00 || low >= 0xE000 {
							return fmt.Errorf("a lone surrogate in a string")
						}
						i += 11
						continue
					case ok && r >= 0xDC00 && r < 0xE000:
						return fmt.Errorf("a lone surrogate in a string")
					}
				}
				i++
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth >= 128 {
				return fmt.Errorf("nested 128 deep")
			}
		case ']', '}':
			depth--
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			end := i
			for end < len(body) && strings.IndexByte("+-.0123456789eE", body[end]) >= 0 {
				end++
			}
			if _, err := strconv.ParseFloat(string(body[i:end]), 64); err != nil {
				return fmt.Errorf("the number %s is out of range", body[i:end])
			}
			i = end - 1
		}
	}
	return nil
}

// hex4 reads the four hex digits at body[at:], where there are.
func hex4(body []byte, at int) (rune, bool) {
	if at+4 > len(body) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(body[at:at+4]), 16, 32)
	return rune(n), err == nil
}

// errorAs is errors.As for one type, without the import.
func errorAs(err error, target **json.UnmarshalTypeError) bool {
	for err != nil {
		if t, ok := err.(*json.UnmarshalTypeError); ok {
			*target = t
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// textField is the string fields[key]: nil where absent or null, an
// error where another value.
func textField(fields map[string]json.RawMessage, key string) (*string, error) {
	raw, ok := fields[key]
	if !ok || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("not an error answer: `%s` is not a string", key)
	}
	return &s, nil
}

// eitherText is textField of first, else (absent or null) of second: a
// JSON body's name of a member, else problem+json's.
func eitherText(fields map[string]json.RawMessage, first, second string) (*string, error) {
	s, err := textField(fields, first)
	if err == nil && s == nil {
		s, err = textField(fields, second)
	}
	return s, err
}

// wholeField is the whole number fields[key] up to most: nil where absent
// or null, an error where another value.
func wholeField(fields map[string]json.RawMessage, key string, most uint64) (*uint64, error) {
	raw, ok := fields[key]
	if !ok || string(raw) == "null" {
		return nil, nil
	}
	n, ok := wholeNumber(raw, most)
	if !ok {
		return nil, fmt.Errorf("not an error answer: `%s` is not a whole number up to %d", key, most)
	}
	return &n, nil
}

// wholeNumber reads raw as a JSON number written as a whole number from 0
// to most (no sign, fraction or exponent).
func wholeNumber(raw json.RawMessage, most uint64) (uint64, bool) {
	text := strings.TrimSpace(string(raw))
	if text == "" || strings.Trim(text, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseUint(text, 10, 64)
	return n, err == nil && n <= most
}

// violationOf reads one entry of an answer's errors: ok where it has a
// field (or a pointer) and a message (or a detail).
func violationOf(entry json.RawMessage) (Violation, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(entry, &fields) != nil || fields == nil {
		return Violation{}, false
	}
	text := func(key string) (string, bool) {
		s, err := textField(fields, key)
		if err != nil || s == nil {
			return "", false
		}
		return *s, true
	}
	var v Violation
	var ok bool
	if v.Field, ok = text("field"); !ok {
		pointer, ok := text("pointer")
		if !ok {
			return Violation{}, false
		}
		v.Field = fieldOfPointer(pointer)
	}
	if v.Message, ok = text("message"); !ok {
		if v.Message, ok = text("detail"); !ok {
			return Violation{}, false
		}
	}
	if code, ok := wholeNumber(fields["code"], math.MaxUint32); ok {
		v.Code = int(code)
	}
	v.Reason, _ = text("reason")
	var params map[string]json.RawMessage
	if raw, ok := fields["params"]; ok && json.Unmarshal(raw, &params) == nil && params != nil {
		v.Params = map[string]any{}
		for key, value := range params {
			if p, err := decodeValue(value); err == nil {
				v.Params[key] = p
			}
		}
	}
	return v, true
}

// decodeValue reads a JSON value, its numbers kept as written, and a list
// or an object as its JSON text (a json.RawMessage), whose keys stay in the
// server's order: a map[string]any has none.
func decodeValue(raw json.RawMessage) (any, error) {
	if trimmed := bytes.TrimSpace(raw); len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		var out bytes.Buffer
		if err := json.Compact(&out, trimmed); err != nil {
			return nil, err
		}
		return json.RawMessage(out.Bytes()), nil
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	err := d.Decode(&v)
	return v, err
}

// FormatMessage renders the message of code with params in the language
// acceptLanguage (an Accept-Language value, or "") prefers, as the
// server renders it; "" for a code the catalog lacks. Take params from
// Decode, which keeps every number as the server wrote it and every list
// and object as its JSON text: a plain json.Unmarshal reads a number as a
// float64, which renders as a float ("1.0", not "1"), and an object as a
// map, whose keys have no order (written sorted). A typed ...Params keeps
// a list, a map or a type of the API's own as its JSON text too.
func FormatMessage(code int, params map[string]any, acceptLanguage string) string {
	info := Catalog[code]
	if info == nil {
		return ""
	}
	var out strings.Builder
	message := info.Template(acceptLanguage)
	render(&out, message.Pieces, message.Lang, params)
	return out.String()
}

func render(out *strings.Builder, pieces []Piece, lang string, params map[string]any) {
	for _, piece := range pieces {
		value, ok := params[piece.Param]
		switch {
		case piece.Param == "":
			out.WriteString(piece.Text)
		case piece.Variants != nil:
			render(out, chosen(piece.Variants, value, ok, lang), lang, params)
		case ok:
			out.WriteString(ParamText(value))
		default:
			out.WriteString(piece.Text)
		}
	}
}

// chosen is the variant a select chooses, as the server chooses it (and
// Fluent): the first whose key is the value (a string's where the key is
// no number) or a number's plural category, else the default.
func chosen(variants []Variant, value any, ok bool, lang string) []Piece {
	// A value given as its JSON text chooses as the value it holds.
	if raw, isRaw := value.(json.RawMessage); isRaw {
		value = nil
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		if d.Decode(&value) != nil {
			value = nil
		}
	}
	number, isNumber := "", false
	text, isText := value.(string)
	if ok && !isText && value != nil {
		switch value.(type) {
		case bool, []any, map[string]any:
		default:
			number, isNumber = jsonText(value), true
		}
	}
	var byDefault []Piece
	category := ""
	if isNumber {
		category = plural(lang, number)
	}
	for _, v := range variants {
		if isNumber {
			if numberKey(v.Key) && sameNumber(v.Key, number) {
				return v.Pieces
			}
		} else if isText && ok && v.Key == text && !numberKey(v.Key) {
			return v.Pieces
		}
		if isNumber && v.Key == category {
			return v.Pieces
		}
		if v.Default {
			byDefault = v.Pieces
		}
	}
	return byDefault
}

// sameNumber is whether the number key is the number written number: two
// integers digit by digit, whatever their size; else as floats ([1.0] is 1).
func sameNumber(key, number string) bool {
	integer := func(s string) bool {
		d := strings.TrimPrefix(s, "-")
		return d != "" && strings.Trim(d, "0123456789") == ""
	}
	if integer(key) && integer(number) {
		parts := func(s string) (bool, string) {
			d := strings.TrimLeft(strings.TrimPrefix(s, "-"), "0")
			return strings.HasPrefix(s, "-") && d != "", d
		}
		keyNegative, keyDigits := parts(key)
		negative, digits := parts(number)
		return keyNegative == negative && keyDigits == digits
	}
	k, kerr := strconv.ParseFloat(key, 64)
	n, nerr := strconv.ParseFloat(number, 64)
	return kerr == nil && nerr == nil && k == n
}

// numberKey is whether Fluent reads key as a number ([1], [-0.5]), which
// a string never selects.
func numberKey(key string) bool {
	digits := strings.TrimPrefix(key, "-")
	whole, fraction, dotted := strings.Cut(digits, ".")
	allDigits := func(s string) bool {
		if s == "" {
			return false
		}
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return allDigits(whole) && (!dotted || allDigits(fraction))
}

// plural is the CLDR plural category of the number written number in
// lang, from the server's tables; "other" for a language without one,
// and for a number with a fraction (1.0 is the whole 1, as JavaScript
// reads it).
func plural(lang, number string) string {
	table, ok := plurals[lang]
	digits := strings.TrimPrefix(number, "-")
	if whole, zeros, dotted := strings.Cut(digits, "."); dotted && zeros != "" && strings.Trim(zeros, "0") == "" {
		digits = whole
	}
	if !ok || digits == "" || strings.Trim(digits, "0123456789") != "" {
		return "other"
	}
	i, err := strconv.ParseUint(digits, 10, 64)
	index := 0
	switch {
	case err != nil && strings.Trim(digits[len(digits)-6:], "0") == "":
		index = 2000
	case err != nil:
		index = 1000 + int(digits[len(digits)-3]-'0')*100 + int(digits[len(digits)-2]-'0')*10 + int(digits[len(digits)-1]-'0')
	case i < 2000:
		index = int(i)
	case i%1000000 == 0:
		index = 2000
	default:
		index = 1000 + int(i%1000)
	}
	switch table[index] {
	case 'z':
		return "zero"
	case 'o':
		return "one"
	case 't':
		return "two"
	case 'f':
		return "few"
	case 'm':
		return "many"
	}
	return "other"
}

// ParamText is a param's text in a message: its JSON value, a string as
// it is, null as nothing, anything else as compact JSON, a float as the
// server writes it (0.1, 1e-6, 1e16); a json.RawMessage as the JSON it
// holds, its keys in their order.
func ParamText(value any) string {
	switch v := value.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.RawMessage:
		trimmed := bytes.TrimSpace(v)
		if len(trimmed) == 0 || string(trimmed) == "null" {
			return ""
		}
		var text string
		if trimmed[0] == '"' && json.Unmarshal(trimmed, &text) == nil {
			return text
		}
	}
	return jsonText(value)
}

// jsonText is value as compact JSON, as the server writes it.
func jsonText(value any) string {
	switch v := value.(type) {
	case nil:
		return "null"
	case json.Number:
		return v.String()
	case json.RawMessage:
		return rawText(v)
	case string:
		return stringText(v)
	case float64:
		return floatText(v, 64)
	case float32:
		return floatText(float64(v), 32)
	case []any:
		parts := make([]string, len(v))
		for i, item := range v {
			parts[i] = jsonText(item)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, key := range keys {
			parts[i] = jsonText(key) + ":" + jsonText(v[key])
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	// Any other value (a typed slice, map or struct) as encoding/json
	// writes it, its strings then escaped as the server escapes them.
	text, err := json.Marshal(value)
	if err != nil {
		return "null"
	}
	return rawText(text)
}

// rawText is the JSON text raw as the server writes it: compact, its keys
// in their order, each string escaped as the server escapes one (a body
// another wrote may escape `é` as `\u00e9`), each number as written.
func rawText(raw json.RawMessage) string {
	if !json.Valid(raw) {
		return "null"
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var b strings.Builder
	// Each open list or object: whether it is an object, and how many
	// tokens (keys and values) it has had.
	type open struct {
		object bool
		n      int
	}
	var stack []open
	for {
		t, err := d.Token()
		if err != nil {
			break
		}
		if delim, ok := t.(json.Delim); ok && (delim == ']' || delim == '}') {
			stack = stack[:len(stack)-1]
			b.WriteString(delim.String())
			continue
		}
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			switch {
			case top.object && top.n%2 == 1:
				b.WriteByte(':')
			case top.n > 0:
				b.WriteByte(',')
			}
			top.n++
		}
		switch v := t.(type) {
		case json.Delim:
			b.WriteString(v.String())
			stack = append(stack, open{object: v == '{'})
		case string:
			b.WriteString(stringText(v))
		case json.Number:
			b.WriteString(v.String())
		case bool:
			b.WriteString(strconv.FormatBool(v))
		default:
			b.WriteString("null")
		}
	}
	return b.String()
}

// fieldOfPointer is the field a JSON pointer in a URI fragment names,
// written as the server reads a field: `#/spec/replicas` is
// `spec.replicas`, `#/items/2/name` is `items[2].name`; a segment holding
// a `.` or a `[` is bracketed, and one holding a `]` or a `"`, or empty,
// is a JSON string in brackets (`labels[""]`). Each segment is
// percent-decoded where that gives UTF-8, then its `~1` and `~0` read.
func fieldOfPointer(pointer string) string {
	path := strings.TrimPrefix(pointer, "#")
	if path == "" {
		return ""
	}
	path = strings.TrimPrefix(path, "/")
	var b strings.Builder
	for i, part := range strings.Split(path, "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(percentDecoded(part), "~1", "/"), "~0", "~")
		digits := part != ""
		for j := 0; j < len(part); j++ {
			if part[j] < '0' || part[j] > '9' {
				digits = false
			}
		}
		switch {
		case digits:
			b.WriteString("[" + part + "]")
		case part == "" || strings.ContainsAny(part, "]\""):
			b.WriteString("[" + stringText(part) + "]")
		case strings.ContainsAny(part, ".["):
			b.WriteString("[" + part + "]")
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(part)
		}
	}
	return b.String()
}

// percentDecoded is s with each `%` and two hex digits read as the byte
// they write, where the bytes are UTF-8; else s as it is.
func percentDecoded(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	unhex := func(c byte) (byte, bool) {
		switch {
		case '0' <= c && c <= '9':
			return c - '0', true
		case 'a' <= c && c <= 'f':
			return c - 'a' + 10, true
		case 'A' <= c && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			high, okHigh := unhex(s[i+1])
			low, okLow := unhex(s[i+2])
			if okHigh && okLow {
				out = append(out, high<<4|low)
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	if !utf8.Valid(out) {
		return s
	}
	return string(out)
}

// stringText is a string as JSON, escaped as the server escapes it: a
// quote, a backslash and the control characters, those with a short
// escape by it (`\b`, not `\u0008`, which Go before 1.22 writes).
func stringText(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// floatText writes a float as the server does: its shortest digits, plain
// where the point falls within 16 digits (5 places before them), else with
// an exponent.
func floatText(v float64, bits int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "null"
	}
	sign := ""
	if math.Signbit(v) {
		sign = "-"
		v = -v
	}
	if v == 0 {
		return sign + "0.0"
	}
	mantissa, exponent, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, bits), "e")
	digits := strings.TrimRight(strings.Replace(mantissa, ".", "", 1), "0")
	exp, _ := strconv.Atoi(exponent)
	return sign + pointed(digits, exp+1)
}

// pointed places the decimal point kk digits into digits.
func pointed(digits string, kk int) string {
	n := len(digits)
	k := kk - n
	switch {
	case k >= 0 && kk <= 16:
		return digits + strings.Repeat("0", k) + ".0"
	case kk > 0 && kk <= 16:
		return digits[:kk] + "." + digits[kk:]
	case kk > -5 && kk <= 0:
		return "0." + strings.Repeat("0", -kk) + digits
	}
	exp := "e" + strconv.Itoa(kk-1)
	if kk > 0 {
		exp = "e+" + strconv.Itoa(kk-1)
	}
	if n == 1 {
		return digits + exp
	}
	return digits[:1] + "." + digits[1:] + exp
}

// Template is the message in the best language acceptLanguage accepts:
// its ranges by q (ties in order), each looked up as RFC 4647 says; the
// untagged message where none matches.
func (info *Info) Template(acceptLanguage string) Message {
	type weighted struct {
		tag string
		q   int
	}
	var ranges []weighted
	var refused []string
	for i, part := range strings.Split(acceptLanguage, ",") {
		if i == 32 {
			break
		}
		pieces := strings.Split(part, ";")
		tag := ows(pieces[0])
		q := 1000
		for _, p := range pieces[1:] {
			if eq := strings.IndexByte(p, '='); eq >= 0 {
				if asciiLower(ows(p[:eq])) == "q" {
					q = qMilli(p[eq+1:])
					break
				}
			}
		}
		if q > 0 && tag != "" && tag != "*" {
			ranges = append(ranges, weighted{tag, q})
		}
		if q == 0 && tag != "" && tag != "*" {
			refused = append(refused, tag)
		}
	}
	sort.SliceStable(ranges, func(a, b int) bool { return ranges[a].q > ranges[b].q })
	for _, r := range ranges {
		tag := r.tag
		for {
			// A language the request refuses (q=0) is passed over.
			isRefused := false
			for _, r := range refused {
				isRefused = isRefused || sameTag(r, tag)
			}
			for _, m := range info.Messages {
				if !isRefused && m.Lang != "" && sameTag(m.Lang, tag) {
					return m
				}
			}
			cut := strings.LastIndexAny(tag, "-_")
			if cut < 0 {
				break
			}
			tag = tag[:cut]
			if before := strings.LastIndexAny(tag, "-_"); before >= 0 && len(tag)-before == 2 {
				tag = tag[:before]
			}
		}
	}
	return info.Messages[len(info.Messages)-1]
}

func ows(s string) string { return strings.Trim(s, " \t") }

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func sameTag(tag, asked string) bool {
	if len(tag) != len(asked) {
		return false
	}
	a, b := asciiLower(tag), asciiLower(asked)
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] && !(a[i] == '-' && b[i] == '_') {
			return false
		}
	}
	return true
}

// qMilli reads a q value in thousandths, as the server does: digits, an
// optional '.' and digits; the fourth decimal on cut, above 1 is 1,
// anything else 0.
func qMilli(text string) int {
	text = ows(text)
	whole, fraction, _ := strings.Cut(text, ".")
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	if (whole == "" && fraction == "") || !digits(whole) || !digits(fraction) {
		return 0
	}
	if strings.Trim(whole, "0") != "" {
		return 1000
	}
	milli := 0
	for place := 0; place < 3; place++ {
		milli *= 10
		if place < len(fraction) {
			milli += int(fraction[place] - '0')
		}
	}
	return milli
}

"##;

#[inline]
pub(crate) fn python(export: &CatalogExport) -> String {
    let codes = export.codes().entries();
    let names = identifiers(codes, &[]);
    let mut out = String::from(
        "# The API's error codes, generated by error-code from the Rust error enums.\n\
         # Do not edit: regenerate it.\n\"\"\"The API's error codes, their messages and the reading of its answers.\"\"\"\n\n",
    );
    out.push_str(PY_PRELUDE);
    out.push_str("class ErrorCode(IntEnum):\n    \"\"\"The API's error codes.\"\"\"\n\n");
    if codes.is_empty() {
        out.push_str("    pass\n");
    }
    for (info, name) in codes.iter().zip(&names) {
        let name = if matches!(name.as_str(), "None" | "True" | "False") {
            format!("{name}_")
        } else {
            name.clone()
        };
        let _ = writeln!(out, "    {name} = {}", info.code());
    }
    out.push_str("\n\nCATALOG: Final[Dict[int, Info]] = {\n");
    for info in codes {
        let _ = writeln!(
            out,
            "    {}: Info(\n        code={},\n        name={},\n        status={},\n        category={},",
            info.code(),
            info.code(),
            literal(info.name()),
            info.status().as_u16(),
            info.category()
                .map_or_else(|| "None".to_owned(), |c| literal(c.name())),
        );
        out.push_str("        messages=(\n");
        for (tag, template) in messages(info) {
            let tag = tag.map_or_else(|| "None".to_owned(), literal);
            let _ = writeln!(
                out,
                "            ({tag}, {}),",
                pieces_literal(template, Syntax::Python)
            );
        }
        out.push_str("        ),\n        params=(");
        for (param, ty) in typed_params(info) {
            let _ = write!(out, "({}, {}), ", literal(param), literal(ty));
        }
        let _ = writeln!(
            out,
            "),\n        retry_after={},\n        can_retry={},\n        violations={},\n    ),",
            info.retry_after().map_or_else(
                || "None".to_owned(),
                |d| crate::violations::whole_seconds(d).to_string()
            ),
            if info.can_retry() { "True" } else { "False" },
            if info.carries_violations() {
                "True"
            } else {
                "False"
            },
        );
    }
    out.push_str("}\n\n#: Each language's plural categories of the integers 0 to 1999 and of a\n#: million, one letter each.\n_PLURALS: Final[Dict[str, str]] = {\n");
    for (tag, table) in plural_tables(codes) {
        let _ = writeln!(out, "    {}: \"{table}\",", literal(tag));
    }
    out.push_str("}\n");
    out
}

/// What every Python client holds besides its catalog.
const PY_PRELUDE: &str = r##"from __future__ import annotations

import json
from enum import IntEnum
from typing import Any, Dict, Final, List, Mapping, NamedTuple, Optional, Tuple, Union

#: A piece of a template: text, a param's ``(name, placeholder as written)``,
#: or a select.
Piece = Union[str, Tuple[str, str], "Select"]


class Select(NamedTuple):
    """A select on a param: its variants ``(key, default, pieces)``."""

    name: str
    variants: Tuple[Tuple[str, bool, Tuple[Piece, ...]], ...]


class Info(NamedTuple):
    """What the catalog says of one code."""

    code: int
    name: str
    status: int
    category: Optional[str]
    #: Each translation ``(tag, pieces)``, then the untagged message last
    #: (its tag ``None`` where its language is not known).
    messages: Tuple[Tuple[Optional[str], Tuple[Piece, ...]], ...]
    #: Each param's name and JSON type.
    params: Tuple[Tuple[str, str], ...]
    retry_after: Optional[int]
    #: Whether the code's answers can say ``Retry-After`` (by its delay, or
    #: a value's).
    can_retry: bool
    violations: bool


class Violation(NamedTuple):
    """One invalid field of an answer."""

    field: str
    message: str
    code: Optional[int] = None
    reason: Optional[str] = None
    params: Mapping[str, Any] = {}


class ApiError(Exception):
    """An error answer of the API."""

    def __init__(
        self,
        code: int,
        message: str,
        params: Optional[Mapping[str, Any]] = None,
        retry_after: Optional[int] = None,
        violations: Optional[List[Violation]] = None,
        detail: Optional[str] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(f"error {code}: {message}" + (f": {detail}" if detail else ""))
        self.code = code
        self.message = message
        self.params: Mapping[str, Any] = dict(params or {})
        self.retry_after = retry_after
        self.violations: List[Violation] = list(violations or [])
        self.detail = detail
        self.request_id = request_id

    @property
    def info(self) -> Optional[Info]:
        """What the catalog says of the code, ``None`` where it has none."""
        return CATALOG.get(self.code)


def decode(body: Union[bytes, str]) -> ApiError:
    """Reads an error answer's body, JSON or problem+json, by the rules of
    the server's own client: a JSON object whose ``code`` is a whole number
    up to 4294967295 and whose ``message`` (problem+json's ``title``) is a
    string; its ``error`` (``detail``) a string, ``params`` an object and
    ``retry_after`` a whole number of seconds where given (``null`` as not
    given). Each entry of ``errors`` with a ``field`` (or a ``pointer``) and
    a ``message`` (or a ``detail``) is a violation, its ``code``, ``reason``
    and ``params`` kept where of their type. Any other body raises
    ``ValueError``."""
    # Read as the server's client reads it: UTF-8 without a byte order
    # mark, each surrogate escape in a pair, nested less than 128 deep,
    # every number a float holds (Python's own reader takes more).
    source = body.decode("utf-8") if isinstance(body, bytes) else body
    if source.startswith("\ufeff"):
        raise ValueError("not an error answer: a byte order mark before the JSON")
    _well_formed(source)
    try:
        data = json.loads(source, parse_constant=_no_constant, parse_float=_float, parse_int=_int)
    except (ValueError, RecursionError) as error:
        raise ValueError(f"not an error answer: {error}") from None
    if not isinstance(data, dict):
        raise ValueError("not an error answer: not a JSON object")

    def text(key: str) -> Optional[str]:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        raise ValueError(f"not an error answer: `{key}` is not a string")

    def whole(key: str, most: int) -> Optional[int]:
        value = data.get(key)
        if value is None:
            return None
        if not _whole(value, most):
            raise ValueError(f"not an error answer: `{key}` is not a whole number up to {most}")
        return int(value)

    code = whole("code", 0xFFFFFFFF)
    if code is None:
        raise ValueError("not an error answer: no code")
    message = text("message")
    if message is None:
        message = text("title")
    if message is None:
        raise ValueError("not an error answer: no message")
    detail = text("error")
    if detail is None:
        detail = text("detail")
    params = data.get("params")
    if params is None:
        params = {}
    elif not isinstance(params, dict):
        raise ValueError("not an error answer: `params` is not an object")
    retry_after = whole("retry_after", 0xFFFFFFFFFFFFFFFF)
    entries = data.get("errors")
    violations: List[Violation] = []
    if isinstance(entries, list):
        for entry in entries:
            violation = _violation(entry)
            if violation is not None:
                violations.append(violation)
    request_id = data.get("request_id")
    return ApiError(
        code,
        message,
        params,
        retry_after,
        violations,
        detail,
        request_id if isinstance(request_id, str) else None,
    )


def _no_constant(name: str) -> Any:
    """``NaN`` and ``Infinity`` are no JSON."""
    raise ValueError(f"{name} is no JSON")


def _float(text: str) -> float:
    """A JSON number with a fraction or an exponent, which a float holds."""
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text} is out of range")
    return value


def _int(text: str) -> Union[int, float]:
    """A JSON integer: ``-0`` is the float -0.0, as the server's client
    reads it; one beyond a float's range is refused."""
    if text == "-0":
        return -0.0
    value = int(text)
    if abs(value) > 1.7976931348623157e308:
        raise ValueError(f"the number {text} is out of range")
    return value


def _well_formed(text: str) -> None:
    """Raises ``ValueError`` where ``text`` nests 128 deep or escapes a
    lone surrogate."""
    depth, in_string, i = 0, False, 0
    while i < len(text):
        c = text[i]
        if in_string:
            if c == '"':
                in_string = False
            elif c == "\\":
                if text[i + 1 : i + 2] == "u":
                    r = _hex4(text, i + 2)
                    if r is not None and 0xD800 <= r < 0xDC00:
                        low = _hex4(text, i + 8)
                        if text[i + 6 : i + 8] != "\\u" or low is None or not 0xDC00 <= low < 0xE000:
                            raise ValueError("not an error answer: a lone surrogate in a string")
                        i += 12
                        continue
                    if r is not None and 0xDC00 <= r < 0xE000:
                        raise ValueError("not an error answer: a lone surrogate in a string")
                i += 1
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            if depth >= 128:
                raise ValueError("not an error answer: nested 128 deep")
        elif c in "]}":
            depth -= 1
        i += 1


def _hex4(text: str, at: int) -> Optional[int]:
    digits = text[at : at + 4]
    if len(digits) != 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        return None
    return int(digits, 16)


def _whole(value: Any, most: int) -> bool:
    """Whether ``value`` is a whole number from 0 to ``most`` as JSON's
    digits write it (not a float, not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= most


def _violation(entry: Any) -> Optional[Violation]:
    """One entry of an answer's ``errors``: ``None`` where it lacks a
    ``field`` (or a ``pointer``) or a ``message`` (or a ``detail``)."""
    if not isinstance(entry, dict):
        return None

    def text(key: str) -> Optional[str]:
        value = entry.get(key)
        return value if isinstance(value, str) else None

    field = text("field")
    if field is None:
        pointer = text("pointer")
        if pointer is None:
            return None
        field = _field_of_pointer(pointer)
    message = text("message")
    if message is None:
        message = text("detail")
    if message is None:
        return None
    code: Any = entry.get("code")
    params = entry.get("params")
    return Violation(
        field,
        message,
        int(code) if _whole(code, 0xFFFFFFFF) else None,
        text("reason"),
        params if isinstance(params, dict) else {},
    )


def _field_of_pointer(pointer: str) -> str:
    """The field a JSON pointer in a URI fragment names, written as the
    server reads a field: ``#/spec/replicas`` is ``spec.replicas``,
    ``#/items/2/name`` is ``items[2].name``; a segment holding a ``.`` or a
    ``[`` is bracketed, and one holding a ``]`` or a ``"``, or empty, is a
    JSON string in brackets (``labels[""]``). Each segment is
    percent-decoded where that gives UTF-8, then its ``~1`` and ``~0``
    read."""
    path = pointer[1:] if pointer.startswith("#") else pointer
    if path == "":
        return ""
    if path.startswith("/"):
        path = path[1:]
    out = ""
    for i, part in enumerate(path.split("/")):
        part = _percent_decoded(part).replace("~1", "/").replace("~0", "~")
        if part != "" and part.isascii() and part.isdigit():
            out += "[" + part + "]"
        elif part == "" or "]" in part or '"' in part:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
        elif "." in part or "[" in part:
            out += "[" + part + "]"
        else:
            out += ("." if i > 0 else "") + part
    return out


def _percent_decoded(text: str) -> str:
    """``text`` with each ``%`` and two hex digits read as the byte they
    write, where the bytes are UTF-8; else ``text`` as it is."""
    if "%" not in text:
        return text
    hexdigits = "0123456789abcdefABCDEF"
    raw = text.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(raw):
        pair = raw[i + 1 : i + 3].decode("latin-1")
        if raw[i] == ord("%") and len(pair) == 2 and all(c in hexdigits for c in pair):
            out.append(int(pair, 16))
            i += 3
            continue
        out.append(raw[i])
        i += 1
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return text


def param_text(value: Any) -> str:
    """A param's text in a message: its JSON value, a string as it is,
    ``None`` as nothing, anything else as compact JSON, a float as the
    server writes it (``0.1``, ``1e-6``, ``1e16``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return _json_text(value)


def _json_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_json_text(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(
            json.dumps(str(k), ensure_ascii=False) + ":" + _json_text(v) for k, v in value.items()
        ) + "}"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _float_text(value: float) -> str:
    """A float as the server writes it: its shortest digits, plain where the
    point falls within 16 digits (5 places before them), else with an
    exponent."""
    if value != value or value in (float("inf"), float("-inf")):
        return "null"
    text = repr(value)
    sign = "-" if text.startswith("-") else ""
    mantissa, _, exponent = text.lstrip("-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    significant = all_digits.lstrip("0")
    point = len(whole) + (int(exponent) if exponent else 0) - (len(all_digits) - len(significant))
    digits = significant.rstrip("0")
    if digits == "":
        return sign + "0.0"
    n, k = len(digits), point - len(digits)
    if 0 <= k and point <= 16:
        return sign + digits + "0" * k + ".0"
    if 0 < point <= 16:
        return sign + digits[:point] + "." + digits[point:]
    if -5 < point <= 0:
        return sign + "0." + "0" * -point + digits
    tail = ("e+" if point > 0 else "e") + str(point - 1)
    return sign + (digits + tail if n == 1 else digits[0] + "." + digits[1:] + tail)


def format_message(
    code: int, params: Mapping[str, Any], accept_language: Optional[str] = None
) -> str:
    """The message of ``code`` with ``params`` in the language
    ``accept_language`` prefers, as the server renders it."""
    info = CATALOG.get(code)
    if info is None:
        return ""
    out: List[str] = []
    lang, pieces = _chosen_message(info, accept_language)
    _render(out, pieces, lang, params)
    return "".join(out)


def _render(out: List[str], pieces: Tuple[Piece, ...], lang: Optional[str], params: Mapping[str, Any]) -> None:
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        elif isinstance(piece, Select):
            _render(out, _chosen(piece, params, lang), lang, params)
        elif piece[0] in params:
            out.append(param_text(params[piece[0]]))
        else:
            out.append(piece[1])


def _chosen(select: Select, params: Mapping[str, Any], lang: Optional[str]) -> Tuple[Piece, ...]:
    """The variant a select chooses, as the server chooses it (and
    Fluent): the first whose key is the value (a string's where the key is
    no number) or a number's plural category, else the default."""
    present = select.name in params
    value = params.get(select.name)
    is_number = present and isinstance(value, (int, float)) and not isinstance(value, bool)
    number = _json_text(value) if is_number else ""
    category = _plural(lang, number) if is_number else None
    default: Tuple[Piece, ...] = ()
    for key, is_default, pieces in select.variants:
        if is_number:
            if _number_key(key) and _same_number(key, number):
                return pieces
        elif present and isinstance(value, str) and key == value and not _number_key(key):
            return pieces
        if key == category:
            return pieces
        if is_default:
            default = pieces
    return default


def _same_number(key: str, number: str) -> bool:
    """Whether the number key ``key`` is the number written ``number``: two
    integers digit by digit, whatever their size; else as floats (``[1.0]``
    is 1)."""

    def integer(text: str) -> bool:
        digits = text[1:] if text.startswith("-") else text
        return digits.isascii() and digits.isdigit()

    if integer(key) and integer(number):
        return int(key) == int(number)
    try:
        return float(key) == float(number)
    except ValueError:
        return False


def _number_key(key: str) -> bool:
    """Whether Fluent reads ``key`` as a number (``[1]``, ``[-0.5]``),
    which a string never selects."""
    whole, dot, fraction = key[1:].partition(".") if key.startswith("-") else key.partition(".")
    return whole.isascii() and whole.isdigit() and (not dot or (fraction.isascii() and fraction.isdigit()))


def _plural(lang: Optional[str], number: str) -> str:
    """The CLDR plural category of the number written ``number`` in
    ``lang``, from the server's tables; ``other`` for a language without
    one, and for a number with a fraction (``1.0`` is the whole 1, as
    JavaScript reads it)."""
    table = _PLURALS.get(lang or "")
    digits = number.lstrip("-")
    whole, dot, zeros = digits.partition(".")
    if dot and zeros and zeros.strip("0") == "":
        digits = whole
    if table is None or not digits or not _digits(digits):
        return "other"
    i = int(digits)
    index = i if i < 2000 else (2000 if i % 1000000 == 0 else 1000 + i % 1000)
    return {"z": "zero", "o": "one", "t": "two", "f": "few", "m": "many"}.get(table[index], "other")


def template(info: Info, accept_language: Optional[str] = None) -> Tuple[Piece, ...]:
    """The template in the best language ``accept_language`` accepts: its
    ranges by q (ties in order), each looked up as RFC 4647 says."""
    return _chosen_message(info, accept_language)[1]


def _chosen_message(
    info: Info, accept_language: Optional[str]
) -> Tuple[Optional[str], Tuple[Piece, ...]]:
    if accept_language is None:
        return info.messages[-1]
    ranges: List[Tuple[str, int]] = []
    refused: List[str] = []
    for part in accept_language.split(",")[:32]:
        pieces = part.split(";")
        tag = _ows(pieces[0])
        q = 1000
        for p in pieces[1:]:
            key, eq, value = p.partition("=")
            if eq and _ascii_lower(_ows(key)) == "q":
                q = _q_milli(value)
                break
        if q > 0 and tag != "" and tag != "*":
            ranges.append((tag, q))
        if q == 0 and tag != "" and tag != "*":
            refused.append(tag)
    ranges.sort(key=lambda r: -r[1])
    for tag, _ in ranges:
        while True:
            # A language the request refuses (q=0) is passed over.
            refuses = any(_same(r, tag) for r in refused)
            for message in info.messages:
                if not refuses and message[0] is not None and _same(message[0], tag):
                    return message
            cut = max(tag.rfind("-"), tag.rfind("_"))
            if cut < 0:
                break
            tag = tag[:cut]
            before = max(tag.rfind("-"), tag.rfind("_"))
            if before >= 0 and len(tag.encode("utf-8")) - len(tag[:before].encode("utf-8")) == 2:
                tag = tag[:before]
    return info.messages[-1]


def _ows(text: str) -> str:
    return text.strip(" \t")


def _ascii_lower(text: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def _same(tag: str, asked: str) -> bool:
    a, b = _ascii_lower(tag), _ascii_lower(asked)
    if len(a.encode("utf-8")) != len(b.encode("utf-8")) or len(a) != len(b):
        return False
    return all(x == y or (x == "-" and y == "_") for x, y in zip(a, b))


def _q_milli(text: str) -> int:
    text = _ows(text)
    whole, _, fraction = text.partition(".")
    if (whole == "" and fraction == "") or not _digits(whole) or not _digits(fraction):
        return 0
    if whole.strip("0") != "":
        return 1000
    return int((fraction + "000")[:3])


def _digits(text: str) -> bool:
    return all("0" <= c <= "9" for c in text)


"##;
