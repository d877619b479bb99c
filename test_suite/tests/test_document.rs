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

/// The one assertion a user writes so the committed document cannot drift.
#[test]
fn chinese_document_matches_the_committed_file() {
    k8s_api::doc("zh").assert_file("tests/golden/k8s_api.zh.md");
}

#[test]
fn a_drifted_document_fails_with_a_diff_and_the_command() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("drift");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("errors.md");
    let doc = k8s_api::doc("en");
    let text = doc
        .to_markdown()
        .replace("Failed to get the pod", "Pod lookup failed");
    std::fs::write(&file, text).unwrap();
    let failure = std::panic::catch_unwind(|| doc.assert_file(&file)).expect_err("it drifted");
    let message = failure
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    let line = |sign: &str, text: &str| {
        message
            .lines()
            .any(|l| l.contains(&format!("{sign} | 2001 | GetPodError")) && l.contains(text))
    };
    assert!(line("-", "Pod lookup failed"), "{message}");
    assert!(line("+", "Failed to get the pod"), "{message}");
    assert!(
        message.contains("ERROR_CODE_SNAPSHOT=overwrite cargo test"),
        "{message}"
    );
    let missing = std::panic::catch_unwind(|| doc.assert_file(dir.join("none.md")));
    assert!(missing.is_err());
}

#[test]
fn codes_link_to_their_pages_and_explain_themselves() {
    #[derive(Debug, error_code::ErrorCode)]
    #[error_code(url = "https://errors.example.com/{code}")]
    enum Linked {
        /// Pod not found
        ///
        /// Check the name.
        #[code(2001, status = 404)]
        NotFound,
    }
    let doc = error_code::Document::of::<Linked>().language(error_code::Language::EN);
    let text = doc.to_markdown();
    assert!(
        text.contains("| [2001](https://errors.example.com/2001) | NotFound | Pod not found |"),
        "{text}"
    );
    assert_eq!(
        doc.explain(2001).as_deref(),
        Some(
            "### 2001 NotFound\n\nStatus 404 Not Found: Pod not found\n\n<https://errors.example.com/2001>\n\nCheck the name.\n"
        )
    );
    assert_eq!(doc.explain(4242), None);
    // A path is no autolink in Markdown: it links as its own text.
    #[derive(Debug, error_code::ErrorCode)]
    #[error_code(url = "/errors/{code}")]
    enum Relative {
        /// Pod not found
        #[code(2001, status = 404)]
        NotFound,
    }
    let doc = error_code::Document::of::<Relative>().language(error_code::Language::EN);
    let section = doc.explain(2001).expect("a code");
    assert!(
        section.contains("\n[/errors/2001](/errors/2001)\n"),
        "{section}"
    );
}

/// `--explain` in a language with a region or script (`en-GB`): the
/// explanation in its language (`en`) is the document's own, not marked
/// as another's.
#[test]
fn an_explanation_in_the_asked_language_is_not_marked_as_another() {
    let en_gb = k8s_api::doc("en-GB").explain(2001).expect("a code");
    assert!(
        en_gb.contains("Failed to get the pod\n\nNo pod of that name"),
        "{en_gb}"
    );
    assert_eq!(Some(en_gb), k8s_api::doc("en").explain(2001));
}

#[test]
fn literal_braces_read_as_sent_where_the_code_has_no_params() {
    #[derive(Debug, error_code::ErrorCode)]
    #[allow(dead_code)]
    enum Braced {
        /// Use {{braces}}
        #[code(1001, status = 400, message(zh = "使用 {{括号}}"))]
        Plain,
        /// Pod {name} has {{labels}}
        #[code(1002, status = 400)]
        Templated { name: String },
    }
    let doc = error_code::Document::of::<Braced>().language(error_code::Language::EN);
    let text = doc.to_markdown();
    assert!(has_row(&text, &["1001", "Plain", "Use {braces}"]), "{text}");
    assert!(
        has_row(
            &text,
            &[
                "1002",
                "Templated",
                "Pod {name} has {{labels}} (params: `name`)"
            ]
        ),
        "{text}"
    );
    assert!(doc.explain(1001).unwrap().contains(": Use {braces}\n"));
    let zh = error_code::Document::of::<Braced>().language(error_code::Language::ZH);
    assert!(zh.to_markdown().contains("使用 {括号}"));
}

/// A doc comment's first paragraph is sent as written, its inline Markdown
/// included; the document shows the characters sent, not their markup
/// (it rendered `**now**` bold and the link as a link, where the client
/// gets the marks).
#[test]
fn a_message_shows_as_the_text_sent() {
    #[derive(Debug, error_code::ErrorCode)]
    #[allow(dead_code, non_camel_case_types)]
    enum Marked {
        /// Run `kubectl`, **now** or see [docs](https://x.y/) & <b>this</b>_
        #[code(1001, status = 400, deprecated = "use *1002*")]
        Marked_Up,
    }
    let sent = error_code::Reply::new(&Marked::Marked_Up)
        .message()
        .into_owned();
    assert_eq!(
        sent,
        "Run `kubectl`, **now** or see [docs](https://x.y/) & <b>this</b>_"
    );
    let escaped = r"Run \`kubectl\`, \*\*now\*\* or see [docs\](https://x.y/) \& \<b>this\</b>\_";
    let doc = Document::of::<Marked>().language(Language::EN);
    let text = doc.to_markdown();
    assert!(
        has_row(
            &text,
            &[
                "1001",
                r"Marked\_Up",
                &format!(r"{escaped} (deprecated: use \*1002\*)")
            ]
        ),
        "{text}"
    );
    let section = doc.explain(1001).unwrap();
    assert!(section.contains(&format!(": {escaped}\n")), "{section}");
}

#[test]
fn codes_that_list_field_violations_say_so_as_openapi_does() {
    #[derive(Debug, error_code::ErrorCode)]
    #[allow(dead_code)]
    enum Checked {
        /// Invalid pod
        #[code(1001, status = 400)]
        Invalid {
            #[violations]
            errors: error_code::Violations,
        },
        /// Pod not found
        #[code(2001, status = 404)]
        NotFound,
    }
    for (lang, mark) in [
        (error_code::Language::EN, "field violations in `errors`"),
        (error_code::Language::ZH, "字段错误列于 `errors`"),
    ] {
        let doc = error_code::Document::of::<Checked>().language(lang);
        let text = doc.to_markdown();
        let mark_cell = format!("Invalid pod ({mark})");
        assert!(has_row(&text, &["1001", "Invalid", &mark_cell]), "{text}");
        assert!(doc.explain(1001).unwrap().contains(mark));
        assert!(!doc.explain(2001).unwrap().contains(mark));
    }
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
    // The long explanations are the doc comments, in the language they are
    // written in; everything else is English.
    let (tables, explained) = doc
        .split_once("\n## Error codes explained\n")
        .expect("the explanations have their section");
    assert!(
        !tables
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "no Chinese left in the English document:\n{doc}"
    );
    assert!(
        explained.contains("### 2001 GetPodError\n\nStatus 404 Not Found: Failed to get the pod\n")
    );
    // The explanation in English, the Fluent file's `.explanation`.
    assert!(
        explained.contains("No pod of that name is in the namespace."),
        "{explained}"
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
        explained: "Codes expliqués",
    };
    let doc = k8s_api::document_with(FR);
    assert!(doc.starts_with("# Erreurs de l'API"));
    let reserved = ["7xxx", "Réservé", "Réservé"].map(str::to_owned).to_vec();
    assert!(table_rows(&doc).contains(&reserved));
}

/// A code with a param, a translation, and a status the document describes
/// by itself: every word of the document around them.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
#[allow(dead_code)]
enum Worded {
    /// Pod {name} not found
    #[code(2001, status = 404, message(fr = "Pod {name} introuvable", "zh-Hant" = "找不到 Pod {name}"))]
    NotFound { name: String },
}

#[test]
fn the_documents_words_follow_its_language_not_its_tag() {
    let han = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    // English words, the `zh-Hant` texts: no Chinese word outside them.
    let doc = Document::of::<Worded>()
        .language(Language {
            tag: "zh-Hant",
            ..Language::EN
        })
        .to_markdown();
    let words: String = doc.lines().filter(|l| !l.contains("Pod")).collect();
    assert!(!han(&words), "{doc}");
    assert!(
        doc.contains("找不到 Pod {name}") && doc.contains("(params: `name`)"),
        "{doc}"
    );
    let described = |doc: &str, text: &str| {
        table_rows(doc)
            .iter()
            .any(|r| r.len() == 2 && r[0].starts_with("404") && r[1] == text)
    };
    assert!(
        described(&doc, "Not Found") && doc.contains("### Messages by language"),
        "{doc}"
    );
    // Chinese words, the French texts: the words the document adds are
    // Chinese too.
    let doc = Document::of::<Worded>()
        .language(Language {
            tag: "fr",
            ..Language::ZH
        })
        .to_markdown();
    assert!(
        doc.contains("Pod {name} introuvable") && doc.contains("参数"),
        "{doc}"
    );
    assert!(
        described(&doc, "请求的资源不存在") && doc.contains("各语言的错误码说明"),
        "{doc}"
    );
    assert!(
        !doc.contains("params") && !doc.contains("Messages by language"),
        "{doc}"
    );
    // Words of its own, none a built-in language's: by its tag.
    let own = |tag| Language {
        tag,
        title: "API 錯誤說明",
        statuses_heading: "一、HTTP 狀態碼",
        categories_heading: "二、錯誤類型",
        categories_intro: "錯誤碼說明：",
        status: "狀態",
        description: "說明",
        code: "錯誤碼",
        category_name: "名稱",
        name: "名稱參考",
        code_status: "狀態",
        reserved: "保留",
        deprecated: "已棄用",
        uncategorized: "未分類",
        retired: "已停用",
        explained: "詳解",
    };
    let doc = Document::of::<Worded>()
        .language(own("zh-Hant"))
        .to_markdown();
    assert!(
        described(&doc, "请求的资源不存在") && doc.contains("参数"),
        "{doc}"
    );
    let doc = Document::of::<Worded>().language(own("fr")).to_markdown();
    assert!(
        described(&doc, "Not Found") && doc.contains("params"),
        "{doc}"
    );
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

/// `explain` says what the table and the index say of a code: its
/// deprecation, and that a retired number is retired.
#[test]
fn explain_marks_deprecated_and_retired_codes() {
    #[derive(Debug, ErrorCode)]
    #[error_code(retired = [2009])]
    enum Marked {
        /// Old interface
        #[code(2004, status = 410, deprecated = "use 2001")]
        Old,
        /// Not found
        #[code(2001, status = 404)]
        NotFound,
    }
    let doc = Document::of::<Marked>().language(Language::EN);
    let old = doc.explain(2004).expect("a code of the catalog");
    assert!(old.contains("(deprecated: use 2001)"), "{old}");
    assert!(!doc.explain(2001).unwrap().contains("deprecated"));
    let retired = doc.explain(2009).expect("a retired number");
    assert!(retired.starts_with("### 2009"), "{retired}");
    assert!(retired.contains("Retired"), "{retired}");
    assert_eq!(doc.explain(4242), None);
}
