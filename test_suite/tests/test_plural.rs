//! Messages complete: a Fluent select on a param chooses by the number's
//! CLDR plural category in the message's language, or by the string, in
//! every output that renders a message; `.explanation` is the code's
//! explanation in that language.

use error_code::{Document, ErrorCode, Language, Reply};

#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh", translations = "tests/i18n_plural/{lang}/volumes.ftl")]
enum VolumeError {
    /// 有 {count} 个卷待处理
    ///
    /// 卷在等待有空间的节点。
    #[code(2101, status = 409)]
    Pending { count: u64 },
    /// 卷处于 {phase}
    #[code(2102, status = 400)]
    Phase { phase: String },
}

#[derive(Debug, ErrorCode)]
#[error_code(lang = "en")]
#[allow(dead_code)] // Read through its catalog only.
enum QueueError {
    /// {count ->[one]One job*[other]{count} jobs} waiting in {queue}
    #[code(2201, status = 409)]
    Waiting { count: u64, queue: String },
}

#[test]
fn a_message_with_a_select_is_written_as_fluent_writes_it_whole() {
    // Every param as Fluent writes one, the select's and the others alike.
    let fluent = r"{ $count -> [one] One job \*[other] { $count } jobs } waiting in { $queue }";
    let document = Document::of::<QueueError>().to_string();
    assert!(document.contains(fluent), "{document}");
    let explained = Document::of::<QueueError>().explain(2201).unwrap();
    assert!(explained.contains(fluent), "{explained}");
}

fn answer(error: &VolumeError, lang: &str) -> String {
    Reply::new(error)
        .accept_language(lang)
        .message()
        .into_owned()
}

#[test]
fn numbers_choose_by_their_plural_category_in_the_messages_language() {
    let pending = |count| VolumeError::Pending { count };
    for (count, en, ru) in [
        (0, "No volumes are pending", "0 томов ожидают"),
        (1, "One volume is pending", "1 том ожидает"),
        (2, "2 volumes are pending", "2 тома ожидают"),
        (5, "5 volumes are pending", "5 томов ожидают"),
        (11, "11 volumes are pending", "11 томов ожидают"),
        (21, "21 volumes are pending", "21 том ожидает"),
        (
            1_000_000,
            "1000000 volumes are pending",
            "1000000 томов ожидают",
        ),
    ] {
        assert_eq!(answer(&pending(count), "en-US,en;q=0.9"), en);
        assert_eq!(answer(&pending(count), "ru-RU,ru;q=0.9"), ru);
        assert_eq!(
            answer(&pending(count), "zh-CN"),
            format!("有 {count} 个卷待处理")
        );
        // The body says the same.
        let body: serde_json::Value =
            serde_json::from_str(&Reply::new(&pending(count)).accept_language("ru").to_json())
                .unwrap();
        assert_eq!(body["message"], ru);
    }
}

#[test]
fn strings_choose_by_their_value_and_else_the_default() {
    let phase = |p: &str| VolumeError::Phase { phase: p.into() };
    assert_eq!(answer(&phase("running"), "en"), "The volume is running");
    assert_eq!(answer(&phase("pending"), "en"), "The volume is pending");
    assert_eq!(answer(&phase("running"), "ru"), "Том running");
}

#[test]
fn the_catalog_keeps_the_select_and_every_export_carries_it() {
    let info = VolumeError::Pending { count: 1 }.info();
    let en = info.message_for("en");
    assert!(
        en.starts_with("{count ->[0]No volumes are pending[one]"),
        "{en}"
    );
    let ts = error_code::CatalogExport::of::<VolumeError>().to_typescript();
    assert!(ts.contains("select: \"count\""), "{ts}");
}

#[test]
fn explanations_come_in_each_language() {
    let info = VolumeError::Pending { count: 1 }.info();
    assert_eq!(
        info.explanation_for("en"),
        (Some("en"), "Volumes wait for a node with room for them.")
    );
    assert_eq!(
        info.explanation_for("ru"),
        (Some("ru"), "Тома ждут узел, где для них есть место.")
    );
    assert_eq!(
        info.explanation_for("zh"),
        (Some("zh"), "卷在等待有空间的节点。")
    );
    assert_eq!(
        info.explanation_for("fr"),
        (Some("zh"), "卷在等待有空间的节点。")
    );
    let english = Document::of::<VolumeError>()
        .language(Language::EN)
        .explain(2101)
        .unwrap();
    assert!(english.contains("Volumes wait for a node"), "{english}");
    // The select as Fluent writes it, not the catalog's form of it.
    assert!(
        english.contains(r"{ $count -> [0] No volumes are pending [one] One volume is pending \*[other] { $count } volumes are pending }"),
        "{english}"
    );
    let chinese = Document::of::<VolumeError>()
        .language(Language::ZH)
        .explain(2101)
        .unwrap();
    assert!(chinese.contains("卷在等待有空间的节点。"), "{chinese}");
}

#[cfg(feature = "axum")]
#[tokio::test]
async fn the_index_shows_the_explanation_in_the_language_asked() {
    use tower::ServiceExt as _;
    let app = axum::Router::new().nest("/errors", error_code::axum::error_index::<VolumeError>());
    let page = |uri: &str| {
        let app = app.clone();
        let request = http::Request::get(uri)
            .body(axum::body::Body::empty())
            .unwrap();
        async move {
            let response = app.oneshot(request).await.unwrap();
            let bytes = http_body_util::BodyExt::collect(response.into_body())
                .await
                .unwrap()
                .to_bytes();
            String::from_utf8(bytes.to_vec()).unwrap()
        }
    };
    let english = page("/errors/2101?lang=en").await;
    assert!(
        english.contains("<section id=\"explanation\" lang=\"en\">"),
        "{english}"
    );
    assert!(english.contains("Volumes wait for a node"), "{english}");
    let chinese = page("/errors/2101?lang=zh").await;
    assert!(chinese.contains("卷在等待有空间的节点。"), "{chinese}");
    // Its JSON gives the explanation the page shows, and the answers say
    // the languages of what they show.
    let answer = |uri: &'static str, accept: &'static str| {
        let app = app.clone();
        async move {
            let request = http::Request::get(uri)
                .header("accept", accept)
                .header("accept-language", "en")
                .body(axum::body::Body::empty())
                .unwrap();
            let response = app.oneshot(request).await.unwrap();
            let language = response.headers()["content-language"]
                .to_str()
                .unwrap()
                .to_owned();
            let bytes = http_body_util::BodyExt::collect(response.into_body())
                .await
                .unwrap()
                .to_bytes();
            (language, String::from_utf8(bytes.to_vec()).unwrap())
        }
    };
    let (language, json) = answer("/errors/2101", "application/json").await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["explanation"],
        "Volumes wait for a node with room for them."
    );
    assert_eq!(json["explanation_lang"], "en");
    assert_eq!(language, "en");
    // Every language's, the untagged Chinese one's too.
    assert_eq!(json["explanations"]["zh"], "卷在等待有空间的节点。");
    assert_eq!(json["messages"]["zh"], "有 {count} 个卷待处理");
    // The page's words are English, its message Chinese (no English text
    // for 2102 in the file): both are said.
    let (language, _) = answer("/errors/2102?lang=zh", "text/html").await;
    assert_eq!(language, "zh");
    let (language, page) = answer("/errors/2101?lang=ru", "text/html").await;
    assert!(page.contains("lang=\"ru\""), "{page}");
    assert_eq!(language, "ru, en");
}

/// A select written on one line, as prose writes it.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "zh", translations = "tests/i18n_oneline/{lang}/pods.ftl")]
enum OneLine {
    /// 有 {count} 个 Pod 待处理
    #[code(2201, status = 409)]
    Pods { count: u32 },
    /// Pod 处于 {phase}
    #[code(2202, status = 400)]
    Phase { phase: String },
}

#[test]
fn a_select_on_one_line_reads_as_fluent_writes_it_out() {
    let pods = |count| {
        Reply::new(&OneLine::Pods { count })
            .accept_language("en")
            .message()
            .into_owned()
    };
    assert_eq!(pods(1), "One pod is pending");
    assert_eq!(pods(3), "3 pods are pending");
    let phase = OneLine::Phase {
        phase: "running".into(),
    };
    assert_eq!(
        Reply::new(&phase).accept_language("en").message(),
        "The pod is running"
    );
}

/// Every message in files: the file of `lang`'s language is the message.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en", translations = "tests/i18n_default/{lang}/codes.ftl")]
enum FilesOnly {
    #[code(2301, status = 404)]
    Gone,
}

#[test]
fn the_file_of_the_enums_language_is_its_message() {
    assert_eq!(FilesOnly::Gone.message(), "It is gone");
    assert_eq!(FilesOnly::Gone.message_for("de-AT"), "Es ist weg");
    assert_eq!(FilesOnly::Gone.message_for("fr"), "It is gone");
    assert_eq!(Reply::new(&FilesOnly::Gone).language(), Some("en"));
}

/// The same files under an enum whose own messages are German and carry no
/// explanation: asked in a language neither has, the message falls back to
/// the untagged German one, and the explanation to none, not to the first
/// translation's language.
#[test]
fn an_explanation_falls_back_as_the_message_does() {
    #[derive(Debug, ErrorCode)]
    #[error_code(lang = "de", translations = "tests/i18n_plural/{lang}/volumes.ftl")]
    #[allow(dead_code)]
    enum German {
        /// {count} Volumes warten
        #[code(2101, status = 409)]
        Pending { count: u64 },
        /// Volume ist {phase}
        #[code(2102, status = 400)]
        Phase { phase: String },
    }
    let info = German::Pending { count: 1 }.info();
    assert_eq!(info.message_for("zh"), "{count} Volumes warten");
    assert_eq!(info.explanation_for("zh"), (None, ""));
    assert_eq!(
        info.explanation_for("en"),
        (Some("en"), "Volumes wait for a node with room for them.")
    );
}

/// One text in five languages: `fr`, `de`, `pt` and `pt-PT` are copies of
/// the `en` file, as a file not yet translated is. Each answer still
/// chooses by the plural rules of the language it is in (0 is `one` in
/// French and Brazilian Portuguese, `other` in English, German and
/// European Portuguese), as `Content-Language` says and the clients do.
#[derive(Debug, ErrorCode)]
#[error_code(lang = "en", translations = "tests/i18n_same_text/{lang}/pods.ftl")]
enum SameText {
    #[code(2401, status = 409)]
    Count { count: u64 },
}

#[test]
fn languages_that_share_a_text_keep_their_own_plural_rules() {
    let none = SameText::Count { count: 0 };
    for (accept, language, expected) in [
        ("en", "en", "0 pods"),
        ("fr-CA", "fr", "one pod"),
        ("de", "de", "0 pods"),
        ("pt-BR", "pt", "one pod"),
        ("pt-PT", "pt-PT", "0 pods"),
        ("ja", "en", "0 pods"),
    ] {
        let reply = Reply::new(&none).accept_language(accept);
        assert_eq!(reply.language(), Some(language), "{accept}");
        assert_eq!(reply.message(), expected, "{accept}");
        let body: serde_json::Value = serde_json::from_str(&reply.to_json()).unwrap();
        assert_eq!(body["message"], expected, "{accept}");
        let problem: serde_json::Value =
            serde_json::from_str(&reply.problem("/errors/").to_json()).unwrap();
        assert_eq!(problem["title"], expected, "{accept}");
    }
    // The untagged message, in its own language.
    assert_eq!(none.rendered_message(), "0 pods");
    assert_eq!(SameText::Count { count: 1 }.rendered_message(), "one pod");
}
