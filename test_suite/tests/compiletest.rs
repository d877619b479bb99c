//! Every compile-time check has a case in `tests/ui`: the `.rs` that makes the
//! mistake and the `.stderr` the user sees.

#[test]
fn ui() {
    let cases: Vec<_> = std::fs::read_dir("tests/ui")
        .expect("tests/ui exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .collect();
    // A glob that matches nothing would pass silently.
    assert!(
        cases.len() >= 20,
        "expected the UI cases in tests/ui, found {}",
        cases.len()
    );
    let overwriting = std::env::var_os("TRYBUILD").is_some_and(|v| v == "overwrite");
    for case in cases.iter().filter(|_| !overwriting) {
        let stderr = case.path().with_extension("stderr");
        assert!(
            stderr.exists(),
            "{} has no committed .stderr",
            case.path().display()
        );
    }
    // The cases' Fluent files, where the cases are built: trybuild builds
    // them in a crate of its own under the target directory, and the
    // derive reads translations relative to that crate's manifest.
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
        std::path::PathBuf::from,
    );
    copy_dir(
        std::path::Path::new("tests/ui/i18n"),
        &target.join("tests/trybuild/error-code-test-suite/tests/ui/i18n"),
    );
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

/// Copies the folder `from` to `to`, replacing what was there.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).expect("the folder is made");
    for entry in std::fs::read_dir(from).expect("the folder is read") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("its type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("the file is copied");
        }
    }
}
