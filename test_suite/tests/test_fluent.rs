//! Translations kept in Fluent files: read at compile time, they go where
//! inline translations go (negotiation, bodies, the catalog, exports); an
//! edit of a file rebuilds the crate.

use error_code::{CatalogExport, ErrorCode, Reply};
use std::path::Path;
use std::process::Command;

/// Chinese in the doc comments; English and German from
/// `tests/i18n/{lang}/pods.ftl`; French inline.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh", translations = "tests/i18n/{lang}/pods.ftl")]
pub enum PodError {
    /// 命名空间 {namespace} 中找不到 Pod {name}
    #[code(2001, status = 404)]
    NotFound { namespace: String, name: String },
    /// Pod 已存在
    #[code(2002, status = 409, message(fr = "Le pod existe déjà"))]
    Exists,
}

fn not_found() -> PodError {
    PodError::NotFound {
        namespace: "default".into(),
        name: "web".into(),
    }
}

#[test]
fn file_messages_are_translations_like_inline_ones() {
    let info = PodError::CATALOG.get(2001).unwrap();
    let tags: Vec<&str> = info.messages().iter().map(|(t, _)| *t).collect();
    assert_eq!(tags, ["de", "en"]);
    assert_eq!(
        info.message_for("en"),
        "Pod {name} was not found in {namespace}"
    );
    // A multi-line Fluent value, and string literals for braces.
    assert_eq!(
        info.message_for("de-AT"),
        "Pod {name} wurde in {namespace}\nnicht gefunden {{sic}}"
    );
    assert_eq!(PodError::Exists.message_for("fr"), "Le pod existe déjà");
    assert_eq!(PodError::Exists.message_for("de"), "Pod existiert bereits");
}

#[test]
fn answers_render_file_messages_with_params() {
    let e = not_found();
    let en = Reply::new(&e).accept_language("en-US,en;q=0.9");
    assert_eq!(en.message(), "Pod web was not found in default");
    assert_eq!(en.language(), Some("en"));
    let de = Reply::new(&e).accept_language("de");
    assert_eq!(
        de.message(),
        "Pod web wurde in default\nnicht gefunden {sic}"
    );
    let zh = Reply::new(&e).accept_language("zh-CN,zh;q=0.9,en;q=0.8");
    assert_eq!(zh.message(), "命名空间 default 中找不到 Pod web");
}

#[test]
fn exports_carry_file_messages() {
    let json = CatalogExport::of::<PodError>().to_json();
    assert!(
        json.contains("Pod {name} was not found in {namespace}"),
        "{json}"
    );
    let ts = CatalogExport::of::<PodError>().to_typescript();
    assert!(
        ts.contains("\"de\": \"Pod {name} wurde in {namespace}\\nnicht gefunden {{sic}}\""),
        "{ts}"
    );
}

/// A crate of its own, built twice: the message changes with its file,
/// without `cargo clean`.
#[test]
fn an_edited_file_rebuilds_the_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = root.canonicalize().expect("the workspace");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fluent-rebuild");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(dir.join("i18n/en")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"fluent-rebuild\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerror-code = {{ path = {:?}, features = [\"fluent\"] }}\n\n[workspace]\n",
            root.display().to_string()
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("src/main.rs"),
        "use error_code::ErrorCode;\n\
         #[derive(Debug, ErrorCode)]\n\
         #[error_code(translations = \"i18n/{lang}/errors.ftl\")]\n\
         enum E {\n    /// Gone\n    #[code(1, status = 404)]\n    Gone,\n}\n\
         fn main() { print!(\"{}\", E::Gone.message_for(\"en\")); }\n",
    )
    .unwrap();
    // The workspace's lock file: the same versions, nothing to resolve.
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let run = |text: &str| {
        std::fs::write(dir.join("i18n/en/errors.ftl"), format!("Gone = {text}\n")).unwrap();
        let output = Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--offline"])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", dir.join("target"))
            .env_remove("RUSTFLAGS")
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(run("It is gone"), "It is gone");
    assert_eq!(run("It is gone for good"), "It is gone for good");
}

/// A `{" "}` at a message's edge is text, as Fluent's own libraries keep
/// it (fluent-bundle formats `{" "}x` as ` x`); the blanks around a
/// pattern's plain text are not part of it.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh", translations = "tests/i18n_edges/{lang}/edges.ftl")]
#[allow(dead_code)]
enum Edges {
    /// 开头
    #[code(1001, status = 400)]
    Leading,
    /// 结尾
    #[code(1002, status = 400)]
    Trailing,
    /// 平常
    #[code(1003, status = 400)]
    Plain,
    /// 制表 {count}
    #[code(1004, status = 400)]
    Tabbed { count: u32 },
}

#[test]
fn a_string_literal_at_an_edge_is_kept() {
    assert_eq!(Edges::Leading.message_for("en"), " starts with a space");
    assert_eq!(Edges::Trailing.message_for("en"), "ends with a space ");
    assert_eq!(Edges::Plain.message_for("en"), "no spaces kept");
    // A tab after a variant's key is its text's (Fluent skips spaces
    // there only), as fluent-bundle formats it.
    for (count, text) in [(1, "\tone"), (2, "\tmany")] {
        let error = Edges::Tabbed { count };
        let reply = error_code::Reply::new(&error).accept_language("en");
        assert_eq!(reply.message(), text);
    }
}
