//! The outside tools some tests run (`tsc`, `go`, `mypy`), named by the
//! environment as `.ci/run` installs them.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The tool the environment variable `var` names; `None` (the test then
/// skips that check) where it is not set, but with `CI` set that fails,
/// saying how to install it (`install`).
pub fn tool(var: &str, install: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(var) {
        return Some(PathBuf::from(path));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{var} is not set: {install}"
    );
    eprintln!("{var} is not set: that check is skipped");
    None
}

/// Runs `command`, failing with its output unless it succeeds; its
/// standard output.
pub fn run(command: &mut Command) -> String {
    let output = command.output().expect("the program runs");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
