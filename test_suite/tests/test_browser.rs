//! The example server's error index in a real browser: headless Chromium
//! (Debian's `chromium`, which `.ci/run` installs) driven by
//! playwright-core (npm, into `target/ts`). The list renders, the search
//! box filters without a round trip, a code's page shows its explanation,
//! the language switches; a screenshot of each page is written under
//! `target/error-index/` for a reviewer to look at.
//!
//! `CHROMIUM` names the browser and `PLAYWRIGHT` the folder that holds
//! `node_modules/playwright-core`; with `CI` set, a missing one fails the
//! test instead of skipping it.

#[allow(dead_code)]
#[path = "../../examples/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::Command;

fn start() -> String {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    std::thread::spawn(move || {
        runtime.block_on(async move {
            axum::serve(listener, server::app(server::Store::with_sample_pods()))
                .await
                .expect("serves");
        });
    });
    format!("http://{address}")
}

fn tools() -> Option<(PathBuf, PathBuf)> {
    let chromium = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    let playwright = std::env::var_os("PLAYWRIGHT").map(PathBuf::from);
    match playwright {
        Some(folder)
            if chromium.exists() && folder.join("node_modules/playwright-core").exists() =>
        {
            Some((chromium, folder))
        }
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "the browser test needs Chromium ({}) and playwright-core in $PLAYWRIGHT/node_modules: `.ci/run` installs both",
                chromium.display()
            );
            eprintln!("no Chromium or playwright-core: the browser test is skipped");
            None
        }
    }
}

#[test]
fn the_error_index_in_a_real_browser() {
    let Some((chromium, playwright)) = tools() else {
        return;
    };
    let base = start();
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/error-index");
    std::fs::create_dir_all(&shots).expect("the screenshot folder");
    // The script runs beside playwright-core, so that node finds it.
    let script = playwright.join("error-index.mjs");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/index.mjs"),
        &script,
    )
    .expect("the script copied");
    let output = Command::new("node")
        .arg(&script)
        .arg(&base)
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "the browser script failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let seen: serde_json::Value =
        serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("one JSON line");

    let codes = server::ServerError::CATALOG.len() as u64;
    assert_eq!(
        seen["title"], "API 错误码",
        "a Chinese browser gets the Chinese page"
    );
    assert_eq!(seen["rows"], codes, "every code listed");
    assert!(
        seen["first"].as_str().unwrap().starts_with("1001"),
        "{seen}"
    );
    assert_eq!(
        seen["overflows"], false,
        "readable on a phone: no sideways scroll"
    );
    assert_eq!(seen["filtered"], 1, "the search box filters in the page");
    assert_eq!(seen["filteredCode"], "2001");
    assert!(
        seen["codeUrl"].as_str().unwrap().ends_with("/errors/2002"),
        "{seen}"
    );
    assert_eq!(seen["codeTitle"], "2002 Events");
    assert!(
        seen["explanation"]
            .as_str()
            .unwrap()
            .contains("事件存储暂时不可用"),
        "{seen}"
    );
    assert_eq!(seen["explanationCode"], "kubectl get events -n <namespace>");
    assert!(
        seen["englishUrl"].as_str().unwrap().ends_with("?lang=en"),
        "{seen}"
    );
    assert_eq!(seen["englishMessage"], "Failed to get the pod's events");
    assert_eq!(
        seen["foreign"],
        serde_json::json!([]),
        "no asset from elsewhere"
    );
    for shot in [
        "index.png",
        "index-search.png",
        "code-2002.png",
        "code-2002-en.png",
    ] {
        let size = std::fs::metadata(shots.join(shot)).map_or(0, |m| m.len());
        assert!(size > 1000, "{shot} written");
    }
}
