//! The error document, the JSON export, and the seed document it replaces.

#[allow(dead_code)]
#[path = "../../examples/k8s_api.rs"]
mod k8s_api;

use error_code::{CatalogExport, Document, ErrorCode, Language};
use std::path::Path;

/// The rows of every Markdown table in `text`, cells trimmed, separator
/// rows left out.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('|') && l.ends_with('|') && l.len() > 1)
        .map(|l| {
            // An escaped pipe stays in its cell.
            let inner = l[1..l.len() - 1].replace("\\|", "\u{0}");
            inner
                .split('|')
                .map(|c| c.trim().replace('\u{0}', "\\|"))
                .collect::<Vec<_>>()
        })
        .filter(|cells| {
            !cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
        })
        .collect()
}

#[test]
fn chinese_document_holds_every_row_of_the_seed_tables() {
    let seed =
        std::fs::read_to_string("tests/data/seed.md").expect("the seed document is committed");
    let generated = table_rows(&k8s_api::document("zh"));
    let seed_rows = table_rows(&seed);
    assert!(
        seed_rows.len() > 30,
        "the seed's tables were read: {}",
        seed_rows.len()
    );
    let missing: Vec<&Vec<String>> = seed_rows
        .iter()
        .filter(|row| !generated.contains(row))
        .collect();
    assert!(
        missing.is_empty(),
        "rows of the seed missing from the document: {missing:#?}"
    );
}

#[test]
fn chinese_document_matches_the_golden_file() {
    let golden = Path::new("tests/golden/k8s_api.zh.md");
    let doc = k8s_api::document("zh");
    if std::env::var("ERROR_CODE_GOLDEN").is_ok_and(|v| v == "overwrite") {
        std::fs::write(golden, &doc).expect("golden file written");
    }
    let expected = std::fs::read_to_string(golden).expect("golden file is committed");
    assert_eq!(
        doc, expected,
        "regenerate with ERROR_CODE_GOLDEN=overwrite cargo test --test test_document"
    );
}

#[test]
fn english_document_uses_english_words_and_messages() {
    let doc = k8s_api::document("en");
    assert!(doc.starts_with("# API errors\n"));
    let rows = table_rows(&doc);
    let row = |cells: &[&str]| rows.contains(&cells.iter().map(|c| (*c).to_owned()).collect());
    assert!(row(&["2001", "GetPodError", "Failed to get the pod"]));
    assert!(row(&["6xxx", "Reserved", "Reserved"]));
    assert!(row(&["2xxx", "PodError", "Pod errors"]));
    assert!(doc.contains("### 2. Pod errors (PodError)"));
    assert!(row(&[
        "402 - Request Failed",
        "Parameters are valid but the request failed"
    ]));
    assert!(
        !doc.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "no Chinese left in the English document:\n{doc}"
    );
}

#[test]
fn json_export_lists_codes_categories_and_reserved_ranges() {
    let json: serde_json::Value =
        serde_json::from_str(&k8s_api::catalog_json()).expect("valid JSON");
    let codes = json["codes"].as_array().expect("codes");
    assert_eq!(codes.len(), 12);
    let first = &codes[0];
    assert_eq!(first["code"], 1001);
    assert_eq!(first["name"], "ParamInvalidError");
    assert_eq!(first["status"], 400);
    assert_eq!(first["message"], "参数不合法");
    assert_eq!(first["messages"]["en"], "Invalid parameter");
    assert_eq!(first["category"], "BaseError");
    assert_eq!(first["deprecated"], serde_json::Value::Null);
    assert_eq!(json["categories"].as_array().map(Vec::len), Some(6));
    assert_eq!(json["categories"][1]["start"], 2000);
    assert_eq!(json["categories"][1]["descriptions"]["en"], "Pod errors");
    assert_eq!(json["reserved"][0]["end"], 8999);
}

#[derive(Debug, ErrorCode)]
enum Tricky {
    /// Pipes | and
    /// line breaks stay in one cell.
    #[code(1, status = 418, message(en = "a | b"))]
    Pipe,
    #[code(2, status = 400, message = "line one\nline two", deprecated = "use 3")]
    Old,
    #[code(3, status = 400, deprecated)]
    AlsoOld,
}

fn has_row(doc: &str, cells: &[&str]) -> bool {
    table_rows(doc).contains(&cells.iter().map(|c| (*c).to_owned()).collect())
}

#[test]
fn cells_are_escaped_and_deprecated_codes_flagged() {
    let zh = Document::of::<Tricky>().to_markdown();
    assert!(
        has_row(
            &zh,
            &["1", "Pipe", "Pipes \\| and line breaks stay in one cell."]
        ),
        "{zh}"
    );
    assert!(
        has_row(&zh, &["2", "Old", "line one<br>line two (已弃用: use 3)"]),
        "{zh}"
    );
    assert!(has_row(&zh, &["3", "AlsoOld", "AlsoOld (已弃用)"]), "{zh}");
    let en = Document::of::<Tricky>()
        .language(Language::EN)
        .status_column(true)
        .to_markdown();
    assert!(has_row(&en, &["1", "Pipe", "a \\| b", "418"]), "{en}");
    assert!(
        has_row(&en, &["3", "AlsoOld", "AlsoOld (deprecated)", "400"]),
        "{en}"
    );
    // Statuses without a description fall back to the reason phrase.
    assert!(
        has_row(&en, &["418 - I'm a teapot", "I'm a teapot"]),
        "{en}"
    );
    // Every table line has as many unescaped pipes as its header.
    for line in en.lines().filter(|l| l.starts_with('|')) {
        let pipes = line.replace("\\|", "").matches('|').count();
        assert!(pipes == 3 || pipes == 5, "{line}");
    }
}

#[test]
fn a_language_can_be_added_without_touching_the_renderer() {
    const FR: Language = Language {
        tag: "fr",
        title: "Erreurs de l'API",
        statuses_heading: "Statuts HTTP",
        categories_heading: "Catégories",
        categories_intro: "Les codes sont groupés :",
        status: "Statut",
        description: "Description",
        code: "Code",
        category_name: "Nom",
        name: "Nom",
        code_status: "Statut",
        reserved: "Réservé",
        deprecated: "obsolète",
        uncategorized: "Autres",
        retired: "Codes retirés",
    };
    let doc = k8s_api::document_with(FR);
    assert!(doc.starts_with("# Erreurs de l'API"));
    let reserved = ["7xxx", "Réservé", "Réservé"].map(str::to_owned).to_vec();
    assert!(table_rows(&doc).contains(&reserved));
}

#[test]
fn empty_catalog_renders_a_document() {
    #[derive(Debug, ErrorCode)]
    enum Nothing {}
    let doc = Document::of::<Nothing>().to_markdown();
    assert!(doc.starts_with("# API 调用错误说明"));
    assert_eq!(
        CatalogExport::of::<Nothing>()
            .to_json()
            .matches("[]")
            .count(),
        4
    );
}
