//! The compile-time checks evaluated where a generic is instantiated
//! (`openapi::Errors`, `openapi::Only`), which `cargo check` (and so a
//! compile-fail case of `compiletest`) does not reach: each binary of
//! `tests/built` is built, and what rustc says of it (each error, and where
//! in the case it points) is compared with its committed `.stderr`. A case
//! without a `.stderr` must build, and its run succeed. `TRYBUILD=overwrite` writes them anew.

use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn checks_reached_only_by_a_build() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/built");
    // The workspace's target: its dependencies are built already.
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
        PathBuf::from,
    );
    let overwrite = std::env::var_os("TRYBUILD").is_some_and(|v| v == "overwrite");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir.join("src/bin"))
        .expect("tests/built/src/bin exists")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 3,
        "expected the built cases, found {cases:?}"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_stem().unwrap().to_str().unwrap();
        let output = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--color=never", "--bin", name])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .expect("cargo runs");
        let said = said(&String::from_utf8_lossy(&output.stderr));
        let expected_path = case.with_extension("stderr");
        if overwrite {
            if output.status.success() {
                let _ = std::fs::remove_file(&expected_path);
            } else {
                std::fs::write(&expected_path, &said).unwrap();
            }
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if output.status.success() => {
                failures.push(format!("{name} built, but should fail with:\n{expected}"));
            }
            Ok(expected) if expected != said => {
                failures.push(format!("{name}: expected\n{expected}\ngot\n{said}"));
            }
            Ok(_) => {}
            Err(_) if !output.status.success() => failures.push(format!(
                "{name} failed to build:\n{}",
                String::from_utf8_lossy(&output.stderr)
            )),
            // A case that builds runs: its `main` asserts what it gives.
            Err(_) => {
                let exe = target.join("debug").join(name);
                let ran = Command::new(&exe).status().expect("the case runs");
                if !ran.success() {
                    failures.push(format!("{name} built, and its run failed"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Each error rustc reports, and each place in the case it points at:
/// what a user reads first, without the runtime's own lines.
fn said(stderr: &str) -> String {
    let mut out = String::new();
    for line in stderr.lines() {
        let trimmed = line.trim_start();
        if line.starts_with("error") && !line.starts_with("error: could not compile")
            || line.starts_with("note: the above error")
            || trimmed.starts_with("--> src/bin/")
        {
            out.push_str(trimmed);
            out.push('\n');
        }
    }
    out
}
