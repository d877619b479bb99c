//! Published codes as a contract: the snapshot check, deprecated and
//! retired codes, and messages in several languages.

#[allow(dead_code)]
#[path = "../../examples/k8s_api.rs"]
mod k8s_api;

use error_code::{Change, ErrorCategory, ErrorCode, Snapshot, SnapshotError};
use std::path::PathBuf;

/// The example API's published codes: this is the check a user keeps.
#[test]
fn example_api_matches_its_committed_snapshot() {
    Snapshot::new("tests/data/k8s_api.snapshot").assert(k8s_api::ApiError::CATALOG);
}

fn temp_file(name: &str, text: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("error-code-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    if let Some(text) = text {
        std::fs::write(&path, text).expect("written");
    }
    path
}

#[derive(Debug, ErrorCode)]
enum V1 {
    #[code(1001, status = 400)]
    ParamInvalid,
    #[code(1002, status = 404)]
    RecordNotExist,
    #[code(2001, status = 404)]
    GetPod,
    #[code(2002, status = 500)]
    GetPodEvent,
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
enum Cat {
    /// Pod
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, ErrorCode)]
#[error_code(scheme = Cat)]
enum V2Pod {
    #[code(2001, status = 500)]
    GetPod,
    #[code(2005, status = 500)]
    GetPodEvent,
    #[code(2010, status = 500)]
    NewOne,
}

#[derive(Debug, ErrorCode)]
enum V2 {
    #[code(1001, status = 400)]
    ParamInvalidRenamed,
    #[code(transparent)]
    Pod(V2Pod),
}

#[test]
fn every_breaking_change_is_listed_and_additions_pass() {
    let path = temp_file("v1.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot.write(V1::CATALOG).expect("written");
    assert!(
        !snapshot
            .compare(V1::CATALOG)
            .expect("readable")
            .is_breaking()
    );

    let report = snapshot.compare(V2::CATALOG).expect("readable");
    assert_eq!(
        report.changes,
        [
            Change::Renamed {
                code: 1001,
                from: "ParamInvalid".into(),
                to: "ParamInvalidRenamed".into()
            },
            Change::Removed {
                code: 1002,
                name: "RecordNotExist".into()
            },
            Change::StatusChanged {
                code: 2001,
                from: 404,
                to: 500
            },
            Change::CategoryChanged {
                code: 2001,
                from: "-".into(),
                to: "Pod".into()
            },
            Change::Renumbered {
                name: "GetPodEvent".into(),
                from: 2002,
                to: 2005
            },
            Change::Added {
                code: 2010,
                name: "NewOne".into()
            },
        ]
    );
    assert!(report.is_breaking());
    assert_eq!(report.breaking().count(), 5);

    // Only additions: not a break.
    #[derive(Debug, ErrorCode)]
    enum V1Plus {
        #[code(transparent)]
        Old(V1),
        #[code(3001, status = 404)]
        Added,
    }
    let report = snapshot.compare(V1Plus::CATALOG).expect("readable");
    assert!(!report.is_breaking());
    assert_eq!(
        report.changes,
        [Change::Added {
            code: 3001,
            name: "Added".into()
        }]
    );
    snapshot.assert(V1Plus::CATALOG);
}

#[test]
fn assert_fails_naming_the_changes_and_the_command() {
    let path = temp_file("assert.snapshot", None);
    Snapshot::new(&path).write(V1::CATALOG).expect("written");
    let failure = std::panic::catch_unwind(|| Snapshot::new(&path).assert(V2::CATALOG))
        .expect_err("a break fails");
    let message = failure.downcast_ref::<String>().expect("a message");
    assert!(
        message.contains("removed code 1002 (RecordNotExist)"),
        "{message}"
    );
    assert!(
        message.contains("GetPodEvent renumbered: 2002 -> 2005"),
        "{message}"
    );
    assert!(
        message.contains("ERROR_CODE_SNAPSHOT=overwrite cargo test"),
        "{message}"
    );
    assert!(message.contains("assert.snapshot"), "{message}");
}

#[test]
fn missing_or_malformed_files_are_errors_naming_the_file() {
    let missing = temp_file("missing.snapshot", None);
    let err = Snapshot::new(&missing)
        .compare(V1::CATALOG)
        .expect_err("missing file");
    assert!(matches!(err, SnapshotError::Missing { .. }));
    assert!(err.to_string().contains("missing.snapshot"), "{err}");
    assert!(
        err.to_string().contains("ERROR_CODE_SNAPSHOT=overwrite"),
        "{err}"
    );
    let failure = std::panic::catch_unwind(|| Snapshot::new(&missing).assert(V1::CATALOG));
    assert!(failure.is_err(), "a missing snapshot never passes silently");

    // A file the crate did not write, an empty one among them, would pass
    // every code as an addition: it is malformed.
    let header = "# error-code snapshot: the published error codes, one line a code:\n";
    for (body, line, what) in [
        ("", 1, "not written by error-code"),
        ("1001\tA\t400\t-\n", 1, "not written by error-code"),
        ("1001\tA\t400\n", 2, "expected 4 tab-separated fields"),
        ("# c\n\nabc\tA\t400\t-\n", 4, "`abc` is not an error code"),
        ("1001\tA\tfour\t-\n", 2, "`four` is not an HTTP status"),
        ("1001\tA\t400\t-\n1001\tB\t400\t-\n", 3, "listed twice"),
        ("99999999999\tA\t400\t-\n", 2, "is not an error code"),
    ] {
        let text = if what.contains("not written") {
            body.to_owned()
        } else {
            format!("{header}{body}")
        };
        let path = temp_file("bad.snapshot", Some(&text));
        let err = Snapshot::new(&path)
            .compare(V1::CATALOG)
            .expect_err("malformed");
        let shown = err.to_string();
        assert!(
            matches!(err, SnapshotError::Malformed { line: l, .. } if l == line),
            "{shown}"
        );
        assert!(
            shown.contains(what) && shown.contains("bad.snapshot"),
            "{shown}"
        );
    }
}

#[derive(Debug, ErrorCode)]
enum Translated {
    /// 获取 Pod 失败
    #[code(2001, status = 404, message(en = "Failed to get the pod", "zh-Hant" = "取得 Pod 失敗"))]
    GetPod,
    /// 旧错误
    #[code(2002, status = 410, deprecated = "use 2001")]
    Old,
}

#[test]
fn messages_are_chosen_by_locale_with_fallbacks() {
    let e = Translated::GetPod;
    assert_eq!(e.message(), "获取 Pod 失败");
    assert_eq!(e.message_for("en"), "Failed to get the pod");
    assert_eq!(e.message_for("en-GB"), "Failed to get the pod");
    assert_eq!(e.message_for("EN_us"), "Failed to get the pod");
    assert_eq!(e.message_for("zh-Hant"), "取得 Pod 失敗");
    assert_eq!(e.message_for("fr"), "获取 Pod 失败");
    assert_eq!(
        e.info().message_in(&["fr-CA", "fr", "zh-Hant"]),
        "取得 Pod 失敗"
    );
    assert_eq!(e.info().message_in::<&str>(&[]), "获取 Pod 失败");
    assert_eq!(e.info().messages().len(), 2);
}

#[test]
fn deprecated_codes_stay_in_the_catalog_flagged() {
    let info = Translated::CATALOG.get(2002).expect("still in the catalog");
    assert!(info.is_deprecated());
    assert_eq!(info.deprecation(), Some("use 2001"));
    assert!(!Translated::GetPod.info().is_deprecated());
    assert_eq!(Translated::from_code(2002).map(|e| e.code()), Some(2002));
}

#[derive(Debug, Clone, Copy, ErrorCategory)]
#[category(retired = [2003, 2004])]
enum WithRetired {
    /// Pod
    #[category(2000..=2999)]
    Pod,
}

#[test]
fn retired_codes_are_listed_by_the_scheme() {
    assert_eq!(WithRetired::RETIRED, [2003, 2004]);
    assert_eq!(<WithRetired as ErrorCategory>::RETIRED, [2003, 2004]);
    assert_eq!(WithRetired::Pod.range(), 2000..=2999);
}
