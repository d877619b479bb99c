//! Published codes as a contract: compare the catalog with a committed
//! snapshot file and fail on any change a client would notice.

use crate::catalog::{Catalog, CodeInfo};
use crate::category::CategoryInfo;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The environment variable that makes [`Snapshot::assert`] rewrite the file.
pub const SNAPSHOT_ENV: &str = "ERROR_CODE_SNAPSHOT";

const HEADER: &str = "\
# error-code snapshot: the published error codes, one line a code:
# code<TAB>name<TAB>status<TAB>category
# After an intended change, rewrite it: ERROR_CODE_SNAPSHOT=overwrite cargo test
";

/// One published code as the snapshot records it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    name: String,
    status: u16,
    category: String,
}

impl Row {
    #[inline]
    fn of(info: &CodeInfo) -> Row {
        Row {
            name: info.name().to_owned(),
            status: info.status().as_u16(),
            category: info.category().map_or("-", CategoryInfo::name).to_owned(),
        }
    }
}

/// A change between the snapshot and the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A published code is gone.
    Removed {
        /// The code.
        code: u32,
        /// Its name in the snapshot.
        name: String,
    },
    /// A published code now has another name.
    Renamed {
        /// The code.
        code: u32,
        /// The name in the snapshot.
        from: String,
        /// The name now.
        to: String,
    },
    /// A published name now has another code.
    Renumbered {
        /// The name.
        name: String,
        /// The code in the snapshot.
        from: u32,
        /// The code now.
        to: u32,
    },
    /// A published code answers another HTTP status.
    StatusChanged {
        /// The code.
        code: u32,
        /// The status in the snapshot.
        from: u16,
        /// The status now.
        to: u16,
    },
    /// A published code moved to another category.
    CategoryChanged {
        /// The code.
        code: u32,
        /// The category in the snapshot (`-` for none).
        from: String,
        /// The category now.
        to: String,
    },
    /// A new code: an addition, not a break.
    Added {
        /// The code.
        code: u32,
        /// Its name.
        name: String,
    },
}

impl Change {
    /// Whether existing clients would notice: everything but an addition.
    #[must_use]
    #[inline]
    pub fn is_breaking(&self) -> bool {
        !matches!(self, Change::Added { .. })
    }
}

impl fmt::Display for Change {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Removed { code, name } => write!(f, "removed code {code} ({name})"),
            Change::Renamed { code, from, to } => write!(f, "code {code} renamed: {from} -> {to}"),
            Change::Renumbered { name, from, to } => write!(f, "{name} renumbered: {from} -> {to}"),
            Change::StatusChanged { code, from, to } => {
                write!(f, "code {code} changed status: {from} -> {to}")
            }
            Change::CategoryChanged { code, from, to } => {
                write!(f, "code {code} changed category: {from} -> {to}")
            }
            Change::Added { code, name } => write!(f, "added code {code} ({name})"),
        }
    }
}

/// What changed between the snapshot and the catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotReport {
    /// Every change, sorted by code.
    pub changes: Vec<Change>,
}

impl SnapshotReport {
    /// Whether any change would break existing clients.
    #[must_use]
    #[inline]
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// The changes that would break existing clients.
    #[inline]
    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.is_breaking())
    }
}

impl fmt::Display for SnapshotReport {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            writeln!(f, "  {change}")?;
        }
        Ok(())
    }
}

/// A snapshot file that is missing, unreadable or malformed.
#[derive(Debug)]
pub enum SnapshotError {
    /// The file does not exist.
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line of the file is not a snapshot line.
    Malformed {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

impl fmt::Display for SnapshotError {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Missing { path } => write!(
                f,
                "error code snapshot {} does not exist; create it with `{SNAPSHOT_ENV}=overwrite cargo test`",
                path.display()
            ),
            SnapshotError::Io { path, source } => {
                write!(
                    f,
                    "cannot read error code snapshot {}: {source}",
                    path.display()
                )
            }
            SnapshotError::Malformed { path, line, reason } => write!(
                f,
                "error code snapshot {}:{line} is malformed: {reason}; fix it or rewrite it with `{SNAPSHOT_ENV}=overwrite cargo test`",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SnapshotError {
    #[inline]
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SnapshotError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A committed snapshot of the published codes.
///
/// Put one check in your test suite:
///
/// ```no_run
/// # use error_code::{ErrorCode, Snapshot};
/// # #[derive(Debug, ErrorCode)] enum ApiError { #[code(1, status = 400)] A }
/// Snapshot::new("tests/error-codes.snapshot").assert(ApiError::CATALOG);
/// ```
///
/// It fails listing each removed code, renamed or renumbered name, changed
/// status or category, and says how to rewrite the file when the change is
/// intended (`ERROR_CODE_SNAPSHOT=overwrite cargo test`). New codes pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    path: PathBuf,
}

impl Snapshot {
    /// The snapshot at `path`.
    #[inline]
    pub fn new(path: impl AsRef<Path>) -> Self {
        Snapshot {
            path: path.as_ref().to_path_buf(),
        }
    }

    /// The file's path.
    #[must_use]
    #[inline]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The snapshot text of `catalog`.
    #[must_use]
    #[inline]
    pub fn render(catalog: Catalog) -> String {
        let mut out = String::from(HEADER);
        for info in catalog.iter() {
            let row = Row::of(info);
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\n",
                info.code(),
                escape(&row.name),
                row.status,
                escape(&row.category)
            ));
        }
        out
    }

    /// Writes the snapshot of `catalog` to the file.
    ///
    /// # Errors
    /// When the file cannot be written.
    #[inline]
    pub fn write(&self, catalog: Catalog) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&self.path, Snapshot::render(catalog))
    }

    /// Compares the file with `catalog`.
    ///
    /// # Errors
    /// When the file is missing, unreadable or malformed.
    #[inline]
    pub fn compare(&self, catalog: Catalog) -> Result<SnapshotReport, SnapshotError> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(SnapshotError::Missing {
                    path: self.path.clone(),
                });
            }
            Err(source) => {
                return Err(SnapshotError::Io {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        let old = self.parse(&text)?;
        Ok(diff(&old, catalog))
    }

    /// Checks `catalog` against the file, for a test: panics with every
    /// breaking change, or with the file's problem. With
    /// `ERROR_CODE_SNAPSHOT=overwrite` it rewrites the file instead.
    ///
    /// # Panics
    /// On a breaking change, or a missing or malformed file.
    #[track_caller]
    #[inline]
    pub fn assert(&self, catalog: Catalog) {
        if std::env::var(SNAPSHOT_ENV).is_ok_and(|v| v == "overwrite") {
            if let Err(e) = self.write(catalog) {
                panic!(
                    "cannot write error code snapshot {}: {e}",
                    self.path.display()
                );
            }
            return;
        }
        match self.compare(catalog) {
            Err(e) => panic!("{e}"),
            Ok(report) if report.is_breaking() => panic!(
                "published error codes changed (snapshot {}):\n{report}If the change is intended, rewrite the snapshot: `{SNAPSHOT_ENV}=overwrite cargo test`",
                self.path.display()
            ),
            Ok(_) => {}
        }
    }

    #[inline]
    fn parse(&self, text: &str) -> Result<BTreeMap<u32, Row>, SnapshotError> {
        let malformed = |line: usize, reason: String| SnapshotError::Malformed {
            path: self.path.clone(),
            line,
            reason,
        };
        // A file this crate did not write (an empty one among them) would
        // pass every code as an addition and protect nothing.
        let first = HEADER.lines().next().unwrap_or_default();
        if !text.trim_start_matches('\u{feff}').starts_with(first) {
            return Err(malformed(
                1,
                format!(
                    "it does not start with the snapshot header `{first}`, so it was not written by error-code"
                ),
            ));
        }
        let mut rows = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [code, name, status, category] = fields[..] else {
                return Err(malformed(
                    n,
                    format!(
                        "expected 4 tab-separated fields (code, name, status, category), found {}",
                        fields.len()
                    ),
                ));
            };
            let code: u32 = code
                .trim()
                .parse()
                .map_err(|_| malformed(n, format!("`{code}` is not an error code")))?;
            let status: u16 = status
                .trim()
                .parse()
                .ok()
                .filter(|s| (100..=999).contains(s))
                .ok_or_else(|| malformed(n, format!("`{status}` is not an HTTP status")))?;
            let row = Row {
                name: unescape(name),
                status,
                category: unescape(category),
            };
            if rows.insert(code, row).is_some() {
                return Err(malformed(n, format!("code {code} is listed twice")));
            }
        }
        Ok(rows)
    }
}

#[inline]
fn diff(old: &BTreeMap<u32, Row>, catalog: Catalog) -> SnapshotReport {
    let new: BTreeMap<u32, Row> = catalog.iter().map(|i| (i.code(), Row::of(i))).collect();
    let added: BTreeMap<&str, u32> = new
        .iter()
        .filter(|(code, _)| !old.contains_key(code))
        .map(|(code, row)| (row.name.as_str(), *code))
        .collect();
    let mut renumbered: Vec<u32> = Vec::new();
    let mut changes = Vec::new();
    for (code, was) in old {
        let Some(now) = new.get(code) else {
            match added.get(was.name.as_str()) {
                Some(&to) => {
                    renumbered.push(to);
                    changes.push((
                        *code,
                        Change::Renumbered {
                            name: was.name.clone(),
                            from: *code,
                            to,
                        },
                    ));
                }
                None => changes.push((
                    *code,
                    Change::Removed {
                        code: *code,
                        name: was.name.clone(),
                    },
                )),
            }
            continue;
        };
        if now.name != was.name {
            changes.push((
                *code,
                Change::Renamed {
                    code: *code,
                    from: was.name.clone(),
                    to: now.name.clone(),
                },
            ));
        }
        if now.status != was.status {
            changes.push((
                *code,
                Change::StatusChanged {
                    code: *code,
                    from: was.status,
                    to: now.status,
                },
            ));
        }
        if now.category != was.category {
            changes.push((
                *code,
                Change::CategoryChanged {
                    code: *code,
                    from: was.category.clone(),
                    to: now.category.clone(),
                },
            ));
        }
    }
    for (name, code) in added {
        if !renumbered.contains(&code) {
            changes.push((
                code,
                Change::Added {
                    code,
                    name: name.to_owned(),
                },
            ));
        }
    }
    changes.sort_by_key(|(code, _)| *code);
    SnapshotReport {
        changes: changes.into_iter().map(|(_, c)| c).collect(),
    }
}

#[inline]
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

#[inline]
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_round_trips() {
        for s in ["a\tb", "x\\ny", "\\", "plain", "c\r\n"] {
            assert_eq!(unescape(&escape(s)), s);
        }
    }
}

/// Compares `generated` with the file at `path` (or rewrites it, with
/// `ERROR_CODE_SNAPSHOT=overwrite`); panics with a line diff otherwise.
#[track_caller]
#[inline]
pub(crate) fn assert_text(path: &Path, generated: &str, what: &str) {
    if std::env::var(SNAPSHOT_ENV).is_ok_and(|v| v == "overwrite") {
        if let Err(e) = std::fs::write(path, generated) {
            panic!("cannot write the {what} {}: {e}", path.display());
        }
        return;
    }
    let committed = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => panic!(
            "cannot read the {what} {}: {e}; write it: `{SNAPSHOT_ENV}=overwrite cargo test`",
            path.display()
        ),
    };
    if committed.replace("\r\n", "\n") == generated {
        return;
    }
    panic!(
        "the {what} {} differs from the one generated from the code:\n{}\
         If the change is intended, rewrite it: `{SNAPSHOT_ENV}=overwrite cargo test`",
        path.display(),
        line_diff(&committed, generated)
    );
}

/// The lines only in `old` (`-`) and only in `new` (`+`), with their line
/// numbers, in order (a longest-common-subsequence diff of the part that
/// differs); at most 40 lines.
#[inline]
fn line_diff(old: &str, new: &str) -> String {
    use std::fmt::Write as _;
    let (old, new): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);
    let mut lines: Vec<String> = Vec::new();
    if a.len().saturating_mul(b.len()) <= 4_000_000 {
        // lcs[i][j]: the common length of a[i..] and b[j..].
        let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
                lines.push(format!("{:>5} - {}", head + i + 1, a[i]));
                i += 1;
            } else {
                lines.push(format!("{:>5} + {}", head + j + 1, b[j]));
                j += 1;
            }
        }
    } else {
        lines.extend(
            a.iter()
                .enumerate()
                .map(|(i, l)| format!("{:>5} - {l}", head + i + 1)),
        );
        lines.extend(
            b.iter()
                .enumerate()
                .map(|(j, l)| format!("{:>5} + {l}", head + j + 1)),
        );
    }
    let mut out = String::new();
    for line in lines.iter().take(40) {
        let _ = writeln!(out, "{line}");
    }
    if lines.len() > 40 {
        let _ = writeln!(out, "      … {} more lines differ", lines.len() - 40);
    }
    out
}

#[cfg(test)]
mod diff_tests {
    use super::line_diff;

    #[test]
    fn the_diff_shows_the_changed_lines_only() {
        let diff = line_diff("a\nb\nc\n", "a\nB\nc\nd\n");
        assert_eq!(diff, "    2 - b\n    2 + B\n    4 + d\n");
    }
}
