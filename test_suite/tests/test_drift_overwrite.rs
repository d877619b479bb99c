//! `ERROR_CODE_SNAPSHOT=overwrite` rewrites a drifted document. In a test
//! binary of its own: it sets the variable for the whole process.

#[derive(Debug, error_code::ErrorCode)]
enum E {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
}

#[test]
fn overwrite_rewrites_the_committed_document() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("drift-overwrite");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("errors.md");
    std::fs::write(&file, "stale").unwrap();
    let doc = error_code::Document::of::<E>();
    assert!(std::panic::catch_unwind(|| doc.assert_file(&file)).is_err());
    // SAFETY: this binary's only test; no other thread reads the variable.
    unsafe { std::env::set_var(error_code::SNAPSHOT_ENV, "overwrite") };
    doc.assert_file(&file);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), doc.to_markdown());
    unsafe { std::env::remove_var(error_code::SNAPSHOT_ENV) };
    doc.assert_file(&file);
}
