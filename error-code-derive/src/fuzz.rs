//! Property test of both pipelines over generated and mutated inputs: they
//! never panic, and return either code that parses as items or at least one
//! `compile_error!`, at a real span of the input wherever the input is an
//! item rustc could hand to a derive.
//!
//! A bounded run is part of `cargo test`; a long one:
//! `ERROR_CODE_FUZZ_CASES=100000 cargo test -p error-code-derive --release fuzz`.

use proc_macro2::{TokenStream, TokenTree};

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const LITERALS: &[&str] = &[
    "0",
    "1",
    "404",
    "2001",
    "599",
    "600",
    "200",
    "4294967295",
    "4294967296",
    "99999999999999999999999",
    "-1",
    "1.5",
    "1e3",
    "0x10",
    "0b1",
    "1_000",
    "1u8",
    "2001u32",
    "7i64",
    "'c'",
    "\"s\"",
    "\"\"",
    "b'x'",
    "b\"x\"",
    "c\"x\"",
    "true",
    "r\"raw\"",
    "\"a|b\\nc\"",
    "\"错误\"",
    "\"{x ->[one]a*[other]{x} b}\"",
    "\"{x ->[one]{x}}\"",
    "\"{0 ->*[a]{{}\"",
    "\"{x -> [[]*[b]]}\"",
    "\"{inner ->[1]***[x]}}}\"",
];
const KEYS: &[&str] = &[
    "status",
    "name",
    "message",
    "deprecated",
    "description",
    "transparent",
    "colour",
    "r#status",
    "category",
    "scheme",
    "crate",
    "retired",
    "reserved",
    "en",
    "_",
    "grpc",
    "domain",
    "url",
    "into_response",
];
const PUNCT: &[&str] = &[
    ",", ",", ",", ", ,", ";", "=", "==", "=>", "..", "..=", "::", "", "#",
];
const FIELDS: &[&str] = &[
    "",
    "",
    "",
    "(u32)",
    "(Inner)",
    "(A, B)",
    "{ x: u32 }",
    "{ inner: Inner }",
    "(T)",
    "()",
    "{}",
    "(#[source] E)",
    "(Box<Self>)",
    "(Part<'a>)",
    "(#[code(1)] u32)",
];
const GENERICS: &[&str] = &[
    "",
    "",
    "<T>",
    "<'a, T: Clone, const N: usize>",
    "<T> where T: Copy",
    "<E: Trait>",
];
const PATHS: &[&str] = &[
    "C::A",
    "C",
    "crate::C::A",
    "::c::C",
    "self::m",
    "C::A::B",
    "1",
    "\"C\"",
    "NOT_FOUND",
    "StatusCode::OK",
    "http::StatusCode::IM_A_TEAPOT",
    "ALREADY_EXISTS",
    "NOT_FUOND",
    "true",
    "\"https://e.example/{code}/{name}\"",
    "\"https://e.example/{id}\"",
    "\"{\"",
];
const RANGES: &[&str] = &[
    "1000..=1999",
    "2000..2000",
    "1999..=1000",
    "0..=4294967295",
    "5..",
    "..=5",
    "1..=2..=3",
    "a..=b",
    "7",
];

fn value(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => rng.pick(PATHS).to_owned(),
        1 => format!("[{}, {}]", rng.pick(LITERALS), rng.pick(LITERALS)),
        2 => rng.pick(RANGES).to_owned(),
        _ => rng.pick(LITERALS).to_owned(),
    }
}

fn args(rng: &mut Rng, first: Option<String>) -> String {
    let mut out = first.unwrap_or_default();
    for _ in 0..rng.below(4) {
        out.push_str(rng.pick(PUNCT));
        out.push(' ');
        let key = rng.pick(KEYS);
        match rng.below(5) {
            0 => out.push_str(key),
            1 => out.push_str(&format!(
                "{key}(en = {}, {} = \"x\")",
                rng.pick(LITERALS),
                rng.pick(KEYS)
            )),
            _ => out.push_str(&format!("{key} = {}", value(rng))),
        }
    }
    out
}

fn attr(rng: &mut Rng, name: &str, first: Option<String>) -> String {
    match rng.below(12) {
        0 => format!("#[{name}]"),
        1 => format!("#[{name} = {}]", rng.pick(LITERALS)),
        2 => format!("#[{name}{{{}}}]", args(rng, first)),
        3 => format!("#[{name}[{}]]", args(rng, first)),
        _ => format!("#[{name}({})]", args(rng, first)),
    }
}

/// A random item for `#[derive(ErrorCode)]` or `#[derive(ErrorCategory)]`.
fn item(rng: &mut Rng, category: bool) -> String {
    let mut out = String::new();
    let (enum_attr, variant_attr) = if category {
        ("category", "category")
    } else {
        ("error_code", "code")
    };
    for _ in 0..rng.below(3) {
        let first = category.then(|| format!("reserved = {}", rng.pick(RANGES)));
        out.push_str(&attr(rng, enum_attr, first));
    }
    if rng.chance(10) {
        out.push_str("#[doc = \"docs\"] #[repr(u16)]");
    }
    let kind = match rng.below(20) {
        0 => "struct",
        1 => "union",
        _ => "enum",
    };
    out.push_str(&format!(" pub {kind} E{} ", rng.pick(GENERICS)));
    if kind == "struct" && rng.chance(50) {
        out.push_str("(u32);");
        return out;
    }
    out.push('{');
    for i in 0..rng.below(7) {
        match rng.below(8) {
            0 => out.push_str("/// doc line\n///\n/// more\n"),
            1 => out.push_str("/**\n * block\n *\n * more\n */\n"),
            2 => out.push_str("#[doc = concat!(\"a\", \"b\")]"),
            3 => out.push_str("#[doc = include_str!(\"x.md\")] #[doc(hidden)]"),
            _ => {}
        }
        for _ in 0..rng.below(3).max(usize::from(rng.chance(85))) {
            let first = if category {
                rng.pick(RANGES).to_owned()
            } else if rng.chance(15) {
                "transparent".to_owned()
            } else if rng.chance(10) {
                format!("status = {}", rng.pick(PATHS))
            } else {
                rng.pick(LITERALS).to_owned()
            };
            out.push_str(&attr(rng, variant_attr, Some(first)));
        }
        if kind == "enum" {
            out.push_str(&format!(" V{i}{}", rng.pick(FIELDS)));
            if rng.chance(5) {
                out.push_str(" = 3");
            } else if rng.chance(5) {
                out.push_str(&format!(" = {}", rng.pick(LITERALS)));
            }
        } else {
            out.push_str(&format!(" f{i}: u32"));
        }
        out.push(',');
    }
    out.push('}');
    out
}

/// Mutates the token trees: drops, duplicates or swaps a few at the top level.
fn mutate(rng: &mut Rng, tokens: TokenStream) -> TokenStream {
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    for _ in 0..rng.below(3) {
        if trees.is_empty() {
            break;
        }
        let i = rng.below(trees.len());
        match rng.below(3) {
            0 => {
                trees.remove(i);
            }
            1 => {
                let t = trees[i].clone();
                trees.insert(i, t);
            }
            _ => {
                let j = rng.below(trees.len());
                trees.swap(i, j);
            }
        }
    }
    trees.into_iter().collect()
}

/// Every `compile_error` in `tokens`, with the span it carries.
fn compile_errors(tokens: TokenStream, out: &mut Vec<proc_macro2::Span>) {
    for tt in tokens {
        match tt {
            TokenTree::Ident(ident) if ident == "compile_error" => out.push(ident.span()),
            TokenTree::Group(group) => compile_errors(group.stream(), out),
            _ => {}
        }
    }
}

fn check(source: &str, tokens: TokenStream, category: bool) {
    // rustc hands a derive only well-formed items; on anything else syn's
    // own error (possibly at the call site) is the answer.
    let well_formed = syn::parse2::<syn::DeriveInput>(tokens.clone()).is_ok();
    let output = std::panic::catch_unwind(|| {
        if category {
            crate::error_category(tokens)
        } else {
            crate::error_code(tokens)
        }
    })
    .unwrap_or_else(|_| panic!("the derive panicked on:\n{source}"));
    let mut errors = Vec::new();
    compile_errors(output.clone(), &mut errors);
    if errors.is_empty() {
        if let Err(e) = syn::parse2::<syn::File>(output.clone()) {
            panic!("generated code does not parse ({e}) for:\n{source}\n---\n{output}");
        }
    } else if well_formed {
        for span in errors {
            // The call site is the empty span 0..0; every token has a length.
            assert!(
                span.byte_range().end > 0,
                "an error at the call site, not at the user's token, for:\n{source}\n---\n{output}"
            );
        }
    }
}

#[test]
fn pipelines_never_panic_and_always_answer() {
    let cases: usize = std::env::var("ERROR_CODE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let mut rng = Rng(0x005E_ED0F_E770_C0DE);
    let (mut valid, mut invalid) = (0, 0);
    for case in 0..cases {
        let category = case % 4 == 3;
        let source = item(&mut rng, category);
        let Ok(tokens) = source.parse::<TokenStream>() else {
            continue;
        };
        let tokens = if rng.chance(30) {
            mutate(&mut rng, tokens)
        } else {
            tokens
        };
        let before = format!("{tokens}");
        check(&before, tokens.clone(), category);
        let mut errs = Vec::new();
        let out = if category {
            crate::error_category(tokens)
        } else {
            crate::error_code(tokens)
        };
        compile_errors(out, &mut errs);
        if errs.is_empty() {
            valid += 1
        } else {
            invalid += 1
        }
    }
    // The generator reaches both outcomes.
    assert!(valid > cases / 50, "valid inputs: {valid} of {cases}");
    assert!(invalid > cases / 4, "invalid inputs: {invalid} of {cases}");
}

#[test]
fn hand_picked_hostile_inputs() {
    for source in [
        "",
        "enum",
        "enum E",
        "enum E {}",
        "struct S;",
        "union U { a: u32 }",
        "enum E { #[code(1, status = 400)] A, #[code(1, status = 400)] B }",
        "enum E { #[code(transparent)] A(Inner), #[code(transparent)] B(Inner) }",
        "enum E<T> { #[code(transparent)] A(Vec<T>) }",
        "#[error_code(category = C::A)] #[error_code(category = C::B)] enum E { #[code(1)] A }",
        "enum E { #[code(4294967295, status = 599)] A }",
        "enum E { #[code(1, status = 400, message(), message = \"\")] A }",
        "#[category(reserved = 0..=4294967295)] enum C { #[category(0..=4294967295)] A }",
        "#[category(reserved = 5..5)] enum C { #[category(0..0)] A, #[category(1..=0)] B }",
    ] {
        let tokens: TokenStream = source.parse().expect("lexes");
        check(source, tokens.clone(), false);
        check(source, tokens, true);
    }
}
