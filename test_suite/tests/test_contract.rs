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
            Change::ReasonChanged {
                code: 1001,
                from: "PARAM_INVALID".into(),
                to: "PARAM_INVALID_RENAMED".into()
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
            Change::GrpcChanged {
                code: 2001,
                from: "NOT_FOUND".into(),
                to: "INTERNAL".into()
            },
            Change::Renumbered {
                name: "GetPodEvent".into(),
                from: 2002,
                to: 2005
            },
            // What changed with it is listed too, under its new number.
            Change::CategoryChanged {
                code: 2005,
                from: "-".into(),
                to: "Pod".into()
            },
            Change::Added {
                code: 2010,
                name: "NewOne".into()
            },
        ]
    );
    assert!(report.is_breaking());
    assert_eq!(report.breaking().count(), 8);

    // Only additions: not a break, but a change all the same.
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
    let failure = std::panic::catch_unwind(|| snapshot.assert(V1Plus::CATALOG))
        .expect_err("any difference fails");
    let message = failure.downcast_ref::<String>().expect("a message");
    assert!(
        message.contains("0 of 1 changes breaking")
            && message.contains("compatible: added code 3001 (Added)"),
        "{message}"
    );
}

mod lock {
    use error_code::{ErrorCategory, ErrorCode};

    #[derive(Debug, Clone, Copy, ErrorCategory)]
    #[category(retired = [1003])]
    pub enum Scheme {
        /// Base
        #[category(1000..=1999)]
        Base,
    }

    /// The same code space, before 1003 was retired.
    #[derive(Debug, Clone, Copy, ErrorCategory)]
    pub enum Earlier {
        /// Base
        #[category(1000..=1999)]
        Base,
    }

    #[derive(Debug, ErrorCode)]
    #[error_code(scheme = Earlier)]
    pub enum Before {
        /// {name} {size} {gone}
        #[code(1001, status = 400)]
        Params { name: String, size: u32, gone: bool },
        /// {old}
        #[code(1002, status = 404)]
        Renamed { old: String },
        #[code(1003, status = 409)]
        ToRetire,
        #[code(1004, status = 429)]
        Slow,
        #[code(1005, status = 400)]
        Grpc,
    }

    #[derive(Debug, ErrorCode)]
    #[error_code(scheme = Scheme)]
    pub enum After {
        /// {name} {size} {extra}
        #[code(1001, status = 400)]
        Params {
            name: String,
            size: String,
            extra: u8,
        },
        /// {new}
        #[code(1002, status = 404)]
        Renamed { new: String },
        #[code(1004, status = 429, retry_after = 5, deprecated = "wait")]
        Slow,
        #[code(1005, status = 400, grpc = OUT_OF_RANGE)]
        Grpc,
    }

    /// `After` in the code space that never retired 1003.
    #[derive(Debug, ErrorCode)]
    #[error_code(scheme = Earlier)]
    pub enum Unretired {
        /// {name} {size} {extra}
        #[code(1001, status = 400)]
        Params {
            name: String,
            size: String,
            extra: u8,
        },
        /// {new}
        #[code(1002, status = 404)]
        Renamed { new: String },
        #[code(1004, status = 429, retry_after = 5, deprecated = "wait")]
        Slow,
        #[code(1005, status = 400, grpc = OUT_OF_RANGE)]
        Grpc,
    }

    #[derive(Debug, ErrorCode)]
    pub enum Reuses {
        #[code(1003, status = 400)]
        NewMeaning,
    }
}

/// The snapshot is a lockfile of what a client relies on: each rule of a
/// breaking change, and what is compatible.
#[test]
fn the_lockfile_marks_each_breaking_change() {
    let path = temp_file("lock.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot.write(lock::Before::CATALOG).expect("written");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("1001\tParams\t400\tBase\tname:string,size:integer,gone:boolean\t-\t-\tINVALID_ARGUMENT\tPARAMS\t-\t-\n"),
        "{text}"
    );
    let report = snapshot.compare(lock::After::CATALOG).expect("readable");
    let shown: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "code 1001 lost its param `gone`",
            "code 1001 retyped its param `size`: integer -> string",
            "code 1002 renamed its param: `old` -> `new`",
            "code 1005 changed gRPC code: INVALID_ARGUMENT -> OUT_OF_RANGE",
            "code 1001 has a new param `extra`",
            "retired code 1003 (ToRetire)",
            "code 1004 changed its retry delay: none -> 5 s",
            "code 1004 is deprecated",
        ],
        "{report}"
    );
    assert_eq!(report.breaking().count(), 4);
    // The retired number, given another meaning later.
    snapshot.write(lock::After::CATALOG).expect("written");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\nretired\t1003\n"), "{text}");
    let report = snapshot.compare(lock::Reuses::CATALOG).expect("readable");
    let reused = Change::RetiredReused {
        code: 1003,
        name: "NewMeaning".into(),
    };
    assert!(report.changes.contains(&reused), "{report}");
    assert!(reused.is_breaking());
    // Dropping the retired number is said too, as breaking: the rewritten
    // snapshot would forget it, and a later code could take it unnoticed.
    let report = snapshot
        .compare(lock::Unretired::CATALOG)
        .expect("readable");
    assert_eq!(
        report.changes,
        [Change::Unretired { code: 1003 }],
        "{report}"
    );
    assert!(report.is_breaking(), "{report}");
}

/// A file of the first format (four fields a line) is still read, its
/// codes compared on what it records.
#[test]
fn a_first_format_file_is_read() {
    let text = "# error-code snapshot: the published error codes, one line a code:\n\
                1001\tParams\t400\tBase\n1002\tRenamed\t404\tBase\n1003\tToRetire\t409\tBase\n\
                1004\tSlow\t429\tBase\n1005\tGrpc\t400\tBase\n";
    let path = temp_file("first.snapshot", Some(text));
    let report = Snapshot::new(&path)
        .compare(lock::Before::CATALOG)
        .expect("readable");
    assert!(report.changes.is_empty(), "{report}");
}

/// A lockfile an editor saved (a byte order mark, `\r\n`, blanks and
/// tabs after a line) reads as the one written.
#[test]
fn a_lockfile_saved_by_an_editor_is_read() {
    let path = temp_file("edited.snapshot", None);
    Snapshot::new(&path).write(V1::CATALOG).expect("written");
    let written = std::fs::read_to_string(&path).expect("readable");
    let mut edited = String::from("\u{feff}");
    for line in written.lines() {
        edited.push_str(line);
        edited.push_str(if line.starts_with('#') {
            " \r\n"
        } else {
            "\t \r\n"
        });
    }
    std::fs::write(&path, edited).expect("written");
    let report = Snapshot::new(&path)
        .compare(V1::CATALOG)
        .expect("an edited file is read");
    assert!(report.changes.is_empty(), "{report}");
    // Lines ended by `\r` alone, as an old editor saves them.
    std::fs::write(&path, written.replace('\n', "\r")).expect("written");
    let report = Snapshot::new(&path)
        .compare(V1::CATALOG)
        .expect("an edited file is read");
    assert!(report.changes.is_empty(), "{report}");
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
        ("1001\tA\t400\n", 2, "tab-separated fields"),
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

mod typed {
    use error_code::ErrorCode;
    use std::collections::BTreeMap;

    #[derive(Debug, serde::Serialize)]
    pub struct Spec {
        pub replicas: u32,
    }

    #[derive(Debug, ErrorCode)]
    pub enum Before {
        /// {name} {ids} {labels} {spec} {pair}
        #[code(1001, status = 400)]
        Params {
            name: Option<String>,
            ids: Vec<u32>,
            labels: BTreeMap<String, String>,
            spec: Spec,
            pair: (u8, bool),
        },
    }

    #[derive(Debug, ErrorCode)]
    pub enum After {
        /// {name} {ids} {labels} {spec} {pair}
        #[code(1001, status = 400)]
        Params {
            name: String,
            ids: Option<Vec<u32>>,
            labels: BTreeMap<String, String>,
            spec: Spec,
            pair: (u8, bool),
        },
    }
}

/// The lockfile records a param's JSON type past the scalars: a
/// `null`-able one, a list, a map; a type of the user's is left open. A
/// param that may no longer be `null`, or may now be, is retyped.
#[test]
fn the_lockfile_records_lists_maps_and_nulls() {
    let path = temp_file("typed.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot.write(typed::Before::CATALOG).expect("written");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(
            "name:string|null,ids:array<integer>,labels:object<string\\,string>,spec:Spec,pair:[integer\\,boolean]\t"
        ),
        "{text}"
    );
    let report = snapshot.compare(typed::After::CATALOG).expect("readable");
    let shown: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "code 1001 retyped its param `name`: string|null -> string",
            "code 1001 retyped its param `ids`: array<integer> -> array<integer>|null",
        ],
        "{report}"
    );
}

/// Two versions whose params keep their JSON type word and change what
/// is inside it.
mod deep {
    use error_code::ErrorCode;
    use std::collections::BTreeMap;

    #[derive(Debug, serde::Serialize)]
    pub struct Inner {
        pub a: u32,
    }

    #[derive(Debug, serde::Serialize)]
    pub struct Other {
        pub a: String,
    }

    pub type Text = String;

    #[derive(Debug, ErrorCode)]
    pub enum Before {
        /// {list} {map} {pair} {fixed} {inner} {nullable} {text} {same}
        #[code(1001, status = 400)]
        Params {
            list: Vec<u32>,
            map: BTreeMap<String, u32>,
            pair: (u32, String),
            fixed: [u8; 2],
            inner: Inner,
            nullable: Inner,
            text: Text,
            same: Vec<Option<crate::deep::Inner>>,
        },
    }

    #[derive(Debug, ErrorCode)]
    pub enum After {
        /// {list} {map} {pair} {fixed} {inner} {nullable} {text} {same}
        #[code(1001, status = 400)]
        Params {
            list: Vec<String>,
            map: BTreeMap<String, String>,
            pair: (String, u32),
            fixed: [u8; 3],
            inner: Other,
            nullable: Option<Inner>,
            text: Text,
            same: Vec<Option<crate::deep::Inner>>,
        },
    }
}

/// A param retyped inside its JSON type (a list's items, a map's values,
/// a tuple's order, an array's length, a type of the user's, `null` now
/// possible) is a breaking change, as a retyped scalar is; `,` and `::`
/// in a recorded type read back as written.
#[test]
fn a_param_retyped_inside_its_json_type_is_breaking() {
    let path = temp_file("deep.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot.write(deep::Before::CATALOG).expect("written");
    assert!(
        snapshot
            .compare(deep::Before::CATALOG)
            .expect("readable")
            .changes
            .is_empty(),
        "a shape reads back as written"
    );
    let report = snapshot.compare(deep::After::CATALOG).expect("readable");
    let shown: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "code 1001 retyped its param `list`: array<integer> -> array<string>",
            "code 1001 retyped its param `map`: object<string,integer> -> object<string,string>",
            "code 1001 retyped its param `pair`: [integer,string] -> [string,integer]",
            "code 1001 retyped its param `fixed`: array<integer>[2] -> array<integer>[3]",
            "code 1001 retyped its param `inner`: Inner -> Other",
            "code 1001 retyped its param `nullable`: Inner -> Inner|null",
        ],
        "{report}"
    );
    assert!(report.is_breaking());
}

/// A lockfile written before the types inside a list, a map or a type of
/// the user's were recorded (`ids:array`, `spec`) stays unchanged for the
/// same params: an upgrade reports no change that is not one.
#[test]
fn a_lockfile_of_json_words_alone_still_matches() {
    let path = temp_file("words.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot.write(typed::Before::CATALOG).expect("written");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "ids:array<integer>,labels:object<string\\,string>,spec:Spec,pair:[integer\\,boolean]",
        "ids:array,labels:object,spec,pair:array",
    );
    std::fs::write(&path, text).unwrap();
    let report = snapshot.compare(typed::Before::CATALOG).expect("readable");
    assert!(report.changes.is_empty(), "{report}");
    let report = snapshot.compare(typed::After::CATALOG).expect("readable");
    let shown: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "code 1001 retyped its param `name`: string|null -> string",
            "code 1001 retyped its param `ids`: array -> array<integer>|null",
        ],
        "{report}"
    );
}

/// A param retyped to a type of the user's, whose JSON type the derive
/// cannot read, says so, not an empty type.
#[test]
fn a_type_of_its_own_is_named_so() {
    let change = Change::ParamRetyped {
        code: 1001,
        param: "count".into(),
        from: "integer".into(),
        to: String::new(),
    };
    assert_eq!(
        change.to_string(),
        "code 1001 retyped its param `count`: integer -> (a type of its own)"
    );
}

/// Two versions of a composed API whose parts add a code of one name.
mod shared_name {
    pub mod before {
        use error_code::ErrorCode;

        #[derive(Debug, ErrorCode)]
        #[error_code(retired = [1003])]
        pub enum Base {
            #[code(1001, status = 404)]
            NotFound,
        }

        #[derive(Debug, ErrorCode)]
        pub enum Pod {
            #[code(2001, status = 404)]
            Missing,
        }

        #[derive(Debug, ErrorCode)]
        pub enum Api {
            #[code(transparent)]
            Base(Base),
            #[code(transparent)]
            Pod(Pod),
        }
    }

    pub mod after {
        use error_code::ErrorCode;

        /// Takes the retired 1003 again, by a name the other part adds too.
        #[derive(Debug, ErrorCode)]
        pub enum Base {
            #[code(1001, status = 404)]
            NotFound,
            #[code(1003, status = 409)]
            Dup,
        }

        #[derive(Debug, ErrorCode)]
        pub enum Pod {
            #[code(2001, status = 404)]
            Missing,
            #[code(2002, status = 409)]
            Dup,
        }

        #[derive(Debug, ErrorCode)]
        pub enum Api {
            #[code(transparent)]
            Base(Base),
            #[code(transparent)]
            Pod(Pod),
        }
    }

    /// `before` with one more number retired, which no code had.
    pub mod retiring {
        use error_code::ErrorCode;

        #[derive(Debug, ErrorCode)]
        #[error_code(retired = [1003, 1004])]
        pub enum Api {
            #[code(1001, status = 404)]
            NotFound,
            #[code(2001, status = 404)]
            Missing,
        }
    }
}

/// Each new code is reported, whatever names the others have: a retired
/// number taken again is breaking though another part adds the same name.
#[test]
fn new_codes_of_one_name_are_each_reported() {
    let path = temp_file("shared-name.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot
        .write(shared_name::before::Api::CATALOG)
        .expect("written");
    let report = snapshot
        .compare(shared_name::after::Api::CATALOG)
        .expect("readable");
    let shown: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "retired code 1003 used again by Dup",
            "added code 2002 (Dup)"
        ],
        "{report}"
    );
    assert!(report.is_breaking(), "{report}");
}

/// A code moved onto a number retired before.
mod onto_retired {
    pub mod before {
        #[derive(Debug, error_code::ErrorCode)]
        #[error_code(retired = [1009])]
        pub enum Api {
            #[code(1001, status = 404)]
            NotFound,
        }
    }

    pub mod after {
        #[derive(Debug, error_code::ErrorCode)]
        pub enum Api {
            #[code(1009, status = 404)]
            NotFound,
        }
    }
}

/// A code renumbered onto a retired number is listed both ways: renumbered,
/// and the retired number used again.
#[test]
fn a_code_renumbered_onto_a_retired_number_says_it_is_used_again() {
    let path = temp_file("onto-retired.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot
        .write(onto_retired::before::Api::CATALOG)
        .expect("written");
    let report = snapshot
        .compare(onto_retired::after::Api::CATALOG)
        .expect("readable");
    let shown: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
    assert!(
        shown.contains(&"retired code 1009 used again by NotFound".to_owned()),
        "{report}"
    );
    assert!(
        report.changes.iter().any(|c| matches!(
            c,
            Change::Renumbered {
                from: 1001,
                to: 1009,
                ..
            }
        )),
        "{report}"
    );
    assert!(report.is_breaking(), "{report}");
}

/// A number retired that no code had is a difference: compatible, and
/// written to the snapshot, so that un-retiring it later is reported.
#[test]
fn a_number_retired_unused_is_recorded() {
    let path = temp_file("retiring.snapshot", None);
    let snapshot = Snapshot::new(&path);
    snapshot
        .write(shared_name::before::Api::CATALOG)
        .expect("written");
    let report = snapshot
        .compare(shared_name::retiring::Api::CATALOG)
        .expect("readable");
    assert_eq!(
        report.changes,
        [Change::NumberRetired { code: 1004 }],
        "{report}"
    );
    assert!(!report.is_breaking(), "{report}");
    assert_eq!(report.changes[0].to_string(), "retired number 1004");
    snapshot
        .write(shared_name::retiring::Api::CATALOG)
        .expect("written");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\nretired\t1004\n"), "{text}");
    let report = snapshot
        .compare(shared_name::before::Api::CATALOG)
        .expect("readable");
    assert!(
        report.changes.contains(&Change::Unretired { code: 1004 }),
        "{report}"
    );
}

/// One generic enum, its type parameter renamed and its instance retyped.
mod generic_param {
    pub mod t {
        use error_code::ErrorCode;

        #[derive(Debug, ErrorCode)]
        pub enum Gen<T: serde::Serialize + std::fmt::Debug> {
            /// Bad {value}
            #[code(1001, status = 400)]
            Bad {
                value: T,
                #[param]
                list: Vec<T>,
                #[param]
                count: u32,
            },
        }
    }

    pub mod u {
        use error_code::ErrorCode;

        #[derive(Debug, ErrorCode)]
        pub enum Gen<U: serde::Serialize + std::fmt::Debug> {
            /// Bad {value}
            #[code(1001, status = 400)]
            Bad {
                value: U,
                #[param]
                list: Vec<U>,
                #[param]
                count: u32,
            },
        }
    }
}

/// A param typed by the enum's type parameter is recorded as a type the
/// derive cannot read (its JSON type is the instance's), not by the
/// parameter's name: renaming `T` is no change, and no retype is claimed.
#[test]
fn a_generic_param_is_recorded_by_no_parameter_name() {
    let t = generic_param::t::Gen::<String>::CATALOG;
    let u = generic_param::u::Gen::<u64>::CATALOG;
    let info = t.entries()[0];
    assert_eq!(info.params(), ["value", "list", "count"]);
    assert_eq!(info.param_types(), ["", "array", "integer"]);
    let rendered = Snapshot::render(t);
    assert!(
        rendered.contains("\tvalue,list:array<>,count:integer\t"),
        "{rendered}"
    );
    assert_eq!(Snapshot::render(t), Snapshot::render(u));
    let path = temp_file("generic.lock", Some(&Snapshot::render(t)));
    let report = Snapshot::new(&path).compare(u).expect("reads");
    assert_eq!(report.changes, []);
}

/// One code, its gRPC domain moved.
mod domain {
    pub mod before {
        #[derive(Debug, error_code::ErrorCode)]
        #[error_code(domain = "pods.example.com")]
        pub enum Api {
            #[code(1001, status = 404)]
            NotFound,
        }
    }

    pub mod after {
        #[derive(Debug, error_code::ErrorCode)]
        #[error_code(domain = "other.example.com")]
        pub enum Api {
            #[code(1001, status = 404)]
            NotFound,
        }
    }
}

/// A domain the line's reading would change: `-` (none, in the file).
/// (One with a blank, which a line's end would lose, is a compile error.)
mod odd_domains {
    #[derive(Debug, error_code::ErrorCode)]
    #[error_code(domain = "-")]
    pub enum Dash {
        #[code(1001, status = 404)]
        NotFound,
    }
}

/// A lockfile written is read back as it was: no change on an unchanged
/// catalog, whatever its domain.
#[test]
fn every_domain_reads_back_as_written() {
    let catalog = odd_domains::Dash::CATALOG;
    let text = Snapshot::render(catalog);
    assert!(text.contains("\t\\-\n"), "{text}");
    let path = temp_file("dash.lock", Some(&text));
    let report = Snapshot::new(&path).compare(catalog).expect("reads");
    assert_eq!(report.changes, []);
}

/// A gRPC client matches a reason within its `ErrorInfo` domain: the
/// lockfile records the domain, and moving it is breaking. A line of the
/// second format, written before the domain was recorded, still matches.
#[test]
fn a_moved_grpc_domain_is_breaking() {
    let text = Snapshot::render(domain::before::Api::CATALOG);
    assert!(
        text.contains("\tNOT_FOUND\t-\tpods.example.com\n"),
        "{text}"
    );
    let path = temp_file("domain.lock", Some(&text));
    let report = Snapshot::new(&path)
        .compare(domain::after::Api::CATALOG)
        .expect("reads");
    assert_eq!(
        report.changes,
        [Change::DomainChanged {
            code: 1001,
            from: "pods.example.com".into(),
            to: "other.example.com".into(),
        }]
    );
    assert!(report.is_breaking());
    assert_eq!(
        report.changes[0].to_string(),
        "code 1001 changed gRPC domain: pods.example.com -> other.example.com"
    );
    let second = text.replace("\tpods.example.com\n", "\n");
    let path = temp_file("domain2.lock", Some(&second));
    let report = Snapshot::new(&path)
        .compare(domain::after::Api::CATALOG)
        .expect("reads");
    assert_eq!(report.changes, []);
}
