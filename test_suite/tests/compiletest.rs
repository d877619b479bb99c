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
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
