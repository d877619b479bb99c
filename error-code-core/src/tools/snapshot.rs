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
# error-code snapshot 3: what a client relies on, one line a code:
# code<TAB>name<TAB>status<TAB>category<TAB>params<TAB>retry_after<TAB>violations<TAB>grpc<TAB>reason<TAB>deprecated<TAB>domain
# params: name:json-type (what is inside a list or a map: array<integer>; a tuple: [integer,string]; a type of the user's: its path), comma-separated, `,` and `:` in them escaped; retry_after: seconds; violations, deprecated: yes; domain: the gRPC ErrorInfo's; `-`: none
# retired<TAB>code: a number no code may take again
# After an intended change, rewrite it: ERROR_CODE_SNAPSHOT=overwrite cargo test
";

/// What every snapshot's first line starts with, the first format's too.
const MARK: &str = "# error-code snapshot";

/// One published code as the snapshot records it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    name: String,
    status: u16,
    category: String,
    /// What the second format records beyond the first: `None` for a line
    /// of the first format, whose rest is then not compared.
    more: Option<More>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct More {
    /// Each param's name and its JSON as a client relies on it
    /// ([`CodeInfo::param_shape`]; `""` where unknown).
    params: Vec<(String, String)>,
    /// Each param's JSON type word alone (`array`; `""` for a type of the
    /// user's), in a row of the catalog: what a line written before the
    /// shapes were recorded says of an unchanged param. Empty in a row
    /// read from a file.
    words: Vec<String>,
    retry_after: Option<u64>,
    violations: bool,
    grpc: String,
    reason: String,
    deprecated: bool,
    /// The gRPC `ErrorInfo` domain (`""`: none); `None` in a line written
    /// before it was recorded, where it is not compared.
    domain: Option<String>,
}

impl Row {
    #[inline]
    fn of(info: &CodeInfo) -> Row {
        Row {
            name: info.name().to_owned(),
            status: info.status().as_u16(),
            category: info.category().map_or("-", CategoryInfo::name).to_owned(),
            more: Some(More {
                params: info
                    .params()
                    .iter()
                    .enumerate()
                    .map(|(i, n)| ((*n).to_owned(), info.param_shape(i).to_owned()))
                    .collect(),
                words: (0..info.params().len())
                    .map(|i| info.param_types().get(i).copied().unwrap_or("").to_owned())
                    .collect(),
                retry_after: info.retry_after().map(crate::violations::whole_seconds),
                violations: info.carries_violations(),
                grpc: info.grpc_code_name().to_owned(),
                reason: info.unique_grpc_reason().into_owned(),
                deprecated: info.is_deprecated(),
                // The domain given: the default (the enum's name) moves
                // with a code between enums, which a REST-only API does
                // not care for.
                domain: Some(info.domain().unwrap_or_default().to_owned()),
            }),
        }
    }

    /// The row's line, without the code.
    #[inline]
    fn line(&self) -> String {
        let yes = |b: bool| if b { "yes" } else { "-" };
        let mut out = format!(
            "{}\t{}\t{}",
            escape(&self.name),
            self.status,
            escape(&self.category)
        );
        if let Some(more) = &self.more {
            let params: Vec<String> = more
                .params
                .iter()
                .map(|(name, ty)| {
                    if ty.is_empty() {
                        escape_param(name)
                    } else {
                        format!("{}:{}", escape_param(name), escape_param(ty))
                    }
                })
                .collect();
            out.push_str(&format!(
                "\t{}\t{}\t{}\t{}\t{}\t{}",
                if params.is_empty() {
                    "-".to_owned()
                } else {
                    params.join(",")
                },
                more.retry_after
                    .map_or_else(|| "-".to_owned(), |s| s.to_string()),
                yes(more.violations),
                escape(&more.grpc),
                escape(&more.reason),
                yes(more.deprecated),
            ));
            out.push('\t');
            match more.domain.as_deref() {
                Some(domain) if !domain.is_empty() => out.push_str(&escape_last(domain)),
                _ => out.push('-'),
            }
        }
        out
    }
}

/// A param's name or type in the params field: `,` and `:` escaped
/// besides.
#[inline]
fn escape_param(name: &str) -> String {
    escape(name).replace(',', "\\,").replace(':', "\\:")
}

/// The params field read back.
#[inline]
fn params_of(field: &str) -> Vec<(String, String)> {
    if field == "-" {
        return Vec::new();
    }
    let mut out = Vec::new();
    let (mut name, mut ty, mut in_type, mut chars) =
        (String::new(), String::new(), false, field.chars());
    let mut flush = |name: &mut String, ty: &mut String| {
        out.push((unescape(name), unescape(ty)));
        name.clear();
        ty.clear();
    };
    while let Some(c) = chars.next() {
        // A name's and a type's `,` and `:` are escaped (a shape has both:
        // `[integer,string]`, `crate::Inner`).
        let at = if in_type { &mut ty } else { &mut name };
        match c {
            '\\' => {
                let next = chars.next().unwrap_or('\\');
                if !matches!(next, ',' | ':') {
                    at.push('\\');
                }
                at.push(next);
            }
            ':' if !in_type => in_type = true,
            ',' => {
                flush(&mut name, &mut ty);
                in_type = false;
            }
            c => at.push(c),
        }
    }
    flush(&mut name, &mut ty);
    out
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
    /// A code removed and retired with it: no client meets it again.
    Retired {
        /// The code.
        code: u32,
        /// Its name in the snapshot.
        name: String,
    },
    /// A retired number is used again, by a code of another meaning.
    RetiredReused {
        /// The code.
        code: u32,
        /// The name that uses it now.
        name: String,
    },
    /// A retired number is no longer listed as retired: breaking, for the
    /// snapshot then forgets it and a later code could take it unnoticed
    /// (taking it in the same change is [`Change::RetiredReused`]).
    Unretired {
        /// The number.
        code: u32,
    },
    /// A number retired that no published code had: compatible, and
    /// recorded from now on.
    NumberRetired {
        /// The number.
        code: u32,
    },
    /// A param of a code is gone.
    ParamRemoved {
        /// The code.
        code: u32,
        /// The param.
        param: String,
    },
    /// A param of a code has another name.
    ParamRenamed {
        /// The code.
        code: u32,
        /// The name in the snapshot.
        from: String,
        /// The name now.
        to: String,
    },
    /// A param of a code has another JSON type.
    ParamRetyped {
        /// The code.
        code: u32,
        /// The param.
        param: String,
        /// The type in the snapshot.
        from: String,
        /// The type now.
        to: String,
    },
    /// A code has a new param: an addition, not a break.
    ParamAdded {
        /// The code.
        code: u32,
        /// The param.
        param: String,
    },
    /// A code answers another gRPC code.
    GrpcChanged {
        /// The code.
        code: u32,
        /// The `google.rpc.Code` name in the snapshot.
        from: String,
        /// The name now.
        to: String,
    },
    /// A code's `google.rpc.ErrorInfo` reason changed.
    ReasonChanged {
        /// The code.
        code: u32,
        /// The reason in the snapshot.
        from: String,
        /// The reason now.
        to: String,
    },
    /// A code's gRPC `ErrorInfo` domain, where one is given
    /// ([`CodeInfo::domain`]; `""`: none), changed: a client matches a
    /// reason within its domain.
    DomainChanged {
        /// The code.
        code: u32,
        /// The domain in the snapshot.
        from: String,
        /// The domain now.
        to: String,
    },
    /// A code's default retry delay changed (seconds; `None`: none).
    RetryChanged {
        /// The code.
        code: u32,
        /// The delay in the snapshot.
        from: Option<u64>,
        /// The delay now.
        to: Option<u64>,
    },
    /// Whether a code's answers can list field violations changed.
    ViolationsChanged {
        /// The code.
        code: u32,
        /// Whether they can now.
        now: bool,
    },
    /// A code was deprecated, or is no longer.
    DeprecationChanged {
        /// The code.
        code: u32,
        /// Whether it is deprecated now.
        now: bool,
    },
}

impl Change {
    /// Whether existing clients break: a code removed and not retired,
    /// renamed or renumbered; a status, gRPC code, reason, domain or category
    /// changed; a param removed, renamed or retyped; a retired number used
    /// again or no longer retired. Additions, retirements, retry delays,
    /// violations and deprecations are compatible.
    #[must_use]
    #[inline]
    pub fn is_breaking(&self) -> bool {
        !matches!(
            self,
            Change::Added { .. }
                | Change::Retired { .. }
                | Change::NumberRetired { .. }
                | Change::ParamAdded { .. }
                | Change::RetryChanged { .. }
                | Change::ViolationsChanged { .. }
                | Change::DeprecationChanged { .. }
        )
    }

    /// The code the change is about.
    #[must_use]
    #[inline]
    pub fn code(&self) -> u32 {
        match self {
            Change::Renumbered { from, .. } => *from,
            Change::Removed { code, .. }
            | Change::Renamed { code, .. }
            | Change::StatusChanged { code, .. }
            | Change::CategoryChanged { code, .. }
            | Change::Added { code, .. }
            | Change::Retired { code, .. }
            | Change::RetiredReused { code, .. }
            | Change::Unretired { code }
            | Change::NumberRetired { code }
            | Change::ParamRemoved { code, .. }
            | Change::ParamRenamed { code, .. }
            | Change::ParamRetyped { code, .. }
            | Change::ParamAdded { code, .. }
            | Change::GrpcChanged { code, .. }
            | Change::ReasonChanged { code, .. }
            | Change::DomainChanged { code, .. }
            | Change::RetryChanged { code, .. }
            | Change::ViolationsChanged { code, .. }
            | Change::DeprecationChanged { code, .. } => *code,
        }
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
            Change::Retired { code, name } => write!(f, "retired code {code} ({name})"),
            Change::RetiredReused { code, name } => {
                write!(f, "retired code {code} used again by {name}")
            }
            Change::Unretired { code } => {
                write!(f, "{code} is no longer listed as retired")
            }
            Change::NumberRetired { code } => write!(f, "retired number {code}"),
            Change::ParamRemoved { code, param } => {
                write!(f, "code {code} lost its param `{param}`")
            }
            Change::ParamRenamed { code, from, to } => {
                write!(f, "code {code} renamed its param: `{from}` -> `{to}`")
            }
            Change::ParamRetyped {
                code,
                param,
                from,
                to,
            } => {
                // A type the derive cannot read (the user's) has no name.
                let shown = |ty: &str| {
                    if ty.is_empty() {
                        "(a type of its own)".to_owned()
                    } else {
                        ty.to_owned()
                    }
                };
                write!(
                    f,
                    "code {code} retyped its param `{param}`: {} -> {}",
                    shown(from),
                    shown(to)
                )
            }
            Change::ParamAdded { code, param } => {
                write!(f, "code {code} has a new param `{param}`")
            }
            Change::GrpcChanged { code, from, to } => {
                write!(f, "code {code} changed gRPC code: {from} -> {to}")
            }
            Change::ReasonChanged { code, from, to } => {
                write!(f, "code {code} changed gRPC reason: {from} -> {to}")
            }
            Change::DomainChanged { code, from, to } => {
                let shown = |d: &str| {
                    if d.is_empty() {
                        "(none)".to_owned()
                    } else {
                        d.to_owned()
                    }
                };
                write!(
                    f,
                    "code {code} changed gRPC domain: {} -> {}",
                    shown(from),
                    shown(to)
                )
            }
            Change::RetryChanged { code, from, to } => {
                let s = |d: &Option<u64>| d.map_or_else(|| "none".to_owned(), |d| format!("{d} s"));
                write!(
                    f,
                    "code {code} changed its retry delay: {} -> {}",
                    s(from),
                    s(to)
                )
            }
            Change::ViolationsChanged { code, now } => write!(
                f,
                "code {code} {} field violations",
                if *now { "now lists" } else { "no longer lists" }
            ),
            Change::DeprecationChanged { code, now } => write!(
                f,
                "code {code} {}",
                if *now {
                    "is deprecated"
                } else {
                    "is no longer deprecated"
                }
            ),
        }
    }
}

/// What changed between the snapshot and the catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotReport {
    /// Every change: the breaking ones first, each group sorted by code.
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
            let mark = if change.is_breaking() {
                "BREAKING"
            } else {
                "compatible"
            };
            writeln!(f, "  {mark}: {change}")?;
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
/// The file is a lockfile of what a client relies on, one line a code
/// (code, name, status, category, params and their JSON types, retry delay,
/// violations, gRPC code and reason, deprecation) and one line a retired
/// number. The check fails on any difference, listing every [`Change`],
/// the breaking ones first and marked ([`Change::is_breaking`]), and says
/// how to rewrite the file when the change is intended
/// (`ERROR_CODE_SNAPSHOT=overwrite cargo test`). A file of the first
/// format (four fields a line) is read, and compared on what it records.
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
            out.push_str(&format!("{}\t{}\n", info.code(), Row::of(info).line()));
        }
        for code in catalog.retired() {
            out.push_str(&format!("retired\t{code}\n"));
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
        let (old, retired) = self.parse(&text)?;
        Ok(diff(&old, &retired, catalog))
    }

    /// Checks `catalog` against the file, for a test: panics listing every
    /// change, the breaking ones first and marked, or with the file's
    /// problem. With
    /// `ERROR_CODE_SNAPSHOT=overwrite` it rewrites the file instead.
    ///
    /// # Panics
    /// On any change, or a missing or malformed file.
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
            Ok(report) if !report.changes.is_empty() => panic!(
                "published error codes changed (snapshot {}), {} of {} changes breaking:\n{report}If the change is intended, rewrite the snapshot: `{SNAPSHOT_ENV}=overwrite cargo test`",
                self.path.display(),
                report.breaking().count(),
                report.changes.len(),
            ),
            Ok(_) => {}
        }
    }

    #[inline]
    fn parse(&self, text: &str) -> Result<(BTreeMap<u32, Row>, Vec<u32>), SnapshotError> {
        let malformed = |line: usize, reason: String| SnapshotError::Malformed {
            path: self.path.clone(),
            line,
            reason,
        };
        // A file this crate did not write (an empty one among them) would
        // pass every code as an addition and protect nothing.
        if !text.trim_start_matches('\u{feff}').starts_with(MARK) {
            return Err(malformed(
                1,
                format!(
                    "it does not start with the snapshot header `{MARK}…`, so it was not written by error-code"
                ),
            ));
        }
        let (mut rows, mut retired) = (BTreeMap::new(), Vec::new());
        // As an editor may save it: a byte order mark, `\r\n` or `\r`
        // alone, blanks and tabs after the last field.
        let text = if text.contains('\n') {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(text.replace('\r', "\n"))
        };
        for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
            let n = i + 1;
            let line = line.trim_end_matches(['\r', ' ', '\t']);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let code_of = |code: &str| {
                code.trim()
                    .parse::<u32>()
                    .map_err(|_| malformed(n, format!("`{code}` is not an error code")))
            };
            if let ["retired", code] = fields[..] {
                retired.push(code_of(code)?);
                continue;
            }
            // The first format's 4 fields, the second's 10, or the third's
            // 11 (with the domain).
            let (code, name, status, category, more) = match fields[..] {
                [code, name, status, category] => (code, name, status, category, None),
                [
                    code,
                    name,
                    status,
                    category,
                    params,
                    retry,
                    violations,
                    grpc,
                    reason,
                    deprecated,
                    ref domain @ ..,
                ] if domain.len() <= 1 => {
                    let retry_after = match retry {
                        "-" => None,
                        s => Some(s.parse::<u64>().map_err(|_| {
                            malformed(n, format!("`{s}` is not a retry delay in seconds"))
                        })?),
                    };
                    let more = More {
                        params: params_of(params),
                        words: Vec::new(),
                        retry_after,
                        violations: violations == "yes",
                        grpc: unescape(grpc),
                        reason: unescape(reason),
                        deprecated: deprecated == "yes",
                        domain: domain.first().map(|d| match *d {
                            "-" => String::new(),
                            d => unescape(d),
                        }),
                    };
                    (code, name, status, category, Some(more))
                }
                _ => {
                    return Err(malformed(
                        n,
                        format!(
                            "expected 11 tab-separated fields (code, name, status, category, params, retry_after, violations, grpc, reason, deprecated, domain), or an earlier format's 10 or 4, found {}",
                            fields.len()
                        ),
                    ));
                }
            };
            let code = code_of(code)?;
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
                more,
            };
            if rows.insert(code, row).is_some() {
                return Err(malformed(n, format!("code {code} is listed twice")));
            }
        }
        Ok((rows, retired))
    }
}

#[inline]
fn diff(old: &BTreeMap<u32, Row>, old_retired: &[u32], catalog: Catalog) -> SnapshotReport {
    let new: BTreeMap<u32, Row> = catalog.iter().map(|i| (i.code(), Row::of(i))).collect();
    // The new codes, by code: two may share a name (one in each of two
    // composed parts), and each is reported.
    let added: Vec<(u32, &str)> = new
        .iter()
        .filter(|(code, _)| !old.contains_key(code))
        .map(|(code, row)| (*code, row.name.as_str()))
        .collect();
    let mut renumbered: Vec<u32> = Vec::new();
    let mut changes = Vec::new();
    for (code, was) in old {
        let code = *code;
        let Some(now) = new.get(&code) else {
            let name = was.name.clone();
            match renumbered_to(&added, &renumbered, &new, was) {
                Some(to) => {
                    renumbered.push(to);
                    changes.push(Change::Renumbered {
                        name,
                        from: code,
                        to,
                    });
                    // What else changed with it, under its new number.
                    if let Some(now) = new.get(&to) {
                        entry_changes(to, was, now, &mut changes);
                    }
                }
                None if catalog.retired().contains(&code) => {
                    changes.push(Change::Retired { code, name });
                }
                None => changes.push(Change::Removed { code, name }),
            }
            continue;
        };
        if now.name != was.name {
            changes.push(Change::Renamed {
                code,
                from: was.name.clone(),
                to: now.name.clone(),
            });
        }
        entry_changes(code, was, now, &mut changes);
    }
    for &(code, name) in &added {
        // A code renumbered onto a retired number takes it again too.
        let reused = old_retired.contains(&code);
        if renumbered.contains(&code) && !reused {
            continue;
        }
        let name = name.to_owned();
        changes.push(if reused {
            Change::RetiredReused { code, name }
        } else {
            Change::Added { code, name }
        });
    }
    for &code in old_retired {
        if !catalog.retired().contains(&code) && !new.contains_key(&code) {
            changes.push(Change::Unretired { code });
        }
    }
    // A number retired that no published code had: the snapshot records
    // it from now on.
    for &code in catalog.retired() {
        if !old_retired.contains(&code) && !old.contains_key(&code) {
            changes.push(Change::NumberRetired { code });
        }
    }
    // Breaking first, each group by code (a stable sort keeps a code's
    // changes in the order found).
    changes.sort_by_key(|c| (!c.is_breaking(), c.code()));
    SnapshotReport { changes }
}

/// The new number of the published code `was`, removed: a new code of its
/// name not taken yet, the one in its category first, else the lowest.
#[inline]
fn renumbered_to(
    added: &[(u32, &str)],
    taken: &[u32],
    new: &BTreeMap<u32, Row>,
    was: &Row,
) -> Option<u32> {
    let mut first = None;
    for &(code, name) in added {
        if name != was.name || taken.contains(&code) {
            continue;
        }
        if new
            .get(&code)
            .is_some_and(|now| now.category == was.category)
        {
            return Some(code);
        }
        first = first.or(Some(code));
    }
    first
}

/// The changes of one code's entry but its name: status, category and
/// what the second format records.
#[inline]
fn entry_changes(code: u32, was: &Row, now: &Row, out: &mut Vec<Change>) {
    if now.status != was.status {
        out.push(Change::StatusChanged {
            code,
            from: was.status,
            to: now.status,
        });
    }
    if now.category != was.category {
        out.push(Change::CategoryChanged {
            code,
            from: was.category.clone(),
            to: now.category.clone(),
        });
    }
    if let (Some(was), Some(now)) = (&was.more, &now.more) {
        more_changes(code, was, now, out);
    }
}

/// The changes of what the second format records, for one code.
#[inline]
fn more_changes(code: u32, was: &More, now: &More, out: &mut Vec<Change>) {
    let type_of = |params: &[(String, String)], name: &str| {
        params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
    };
    let gone: Vec<&(String, String)> = was
        .params
        .iter()
        .filter(|(name, _)| type_of(&now.params, name).is_none())
        .collect();
    let new: Vec<&(String, String)> = now
        .params
        .iter()
        .filter(|(name, _)| type_of(&was.params, name).is_none())
        .collect();
    // One param gone and one new of its type: renamed.
    if let ([(from, from_type)], [(to, to_type)]) = (&gone[..], &new[..])
        && from_type == to_type
    {
        out.push(Change::ParamRenamed {
            code,
            from: from.clone(),
            to: to.clone(),
        });
    }
    let renamed = out
        .last()
        .is_some_and(|c| matches!(c, Change::ParamRenamed { code: c, .. } if *c == code));
    if !renamed {
        for (param, _) in &gone {
            out.push(Change::ParamRemoved {
                code,
                param: param.clone(),
            });
        }
        for (param, _) in &new {
            out.push(Change::ParamAdded {
                code,
                param: param.clone(),
            });
        }
    }
    for (param, from) in &was.params {
        // A line written before shapes were recorded says the JSON word
        // alone (`array`; nothing for a type of the user's): unchanged
        // where the param still has that word.
        let word = now
            .params
            .iter()
            .position(|(n, _)| n == param)
            .and_then(|i| now.words.get(i));
        if word == Some(from) {
            continue;
        }
        if let Some(to) = type_of(&now.params, param).filter(|to| to != from) {
            out.push(Change::ParamRetyped {
                code,
                param: param.clone(),
                from: from.clone(),
                to,
            });
        }
    }
    if was.grpc != now.grpc {
        out.push(Change::GrpcChanged {
            code,
            from: was.grpc.clone(),
            to: now.grpc.clone(),
        });
    }
    if was.reason != now.reason {
        out.push(Change::ReasonChanged {
            code,
            from: was.reason.clone(),
            to: now.reason.clone(),
        });
    }
    if let (Some(from), Some(to)) = (&was.domain, &now.domain)
        && from != to
    {
        out.push(Change::DomainChanged {
            code,
            from: from.clone(),
            to: to.clone(),
        });
    }
    if was.retry_after != now.retry_after {
        out.push(Change::RetryChanged {
            code,
            from: was.retry_after,
            to: now.retry_after,
        });
    }
    if was.violations != now.violations {
        out.push(Change::ViolationsChanged {
            code,
            now: now.violations,
        });
    }
    if was.deprecated != now.deprecated {
        out.push(Change::DeprecationChanged {
            code,
            now: now.deprecated,
        });
    }
}

#[inline]
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// The line's last field, escaped so that it reads back whole: a line's
/// trailing blanks are left out when it is read (as an editor may add
/// them), so the field's own are written `\s`; and `-` alone, which
/// reads as none, is written `\-`.
#[inline]
fn escape_last(text: &str) -> String {
    let mut out = escape(text);
    if out == "-" {
        return "\\-".to_owned();
    }
    let kept = out.trim_end_matches(' ').len();
    let blanks = out.len() - kept;
    out.truncate(kept);
    out.push_str(&"\\s".repeat(blanks));
    out
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
                Some('s') => out.push(' '),
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
        for s in ["a\tb", "x\\ny", "\\", "plain", "c\r\n", "\\s", "a b"] {
            assert_eq!(unescape(&escape(s)), s);
        }
        // The last field of a line: its trailing blanks and a lone `-`.
        for s in ["-", "a ", "a  ", " ", "a\t", "--", "\\-", "a b"] {
            let line = format!("x\t{}  \t", escape_last(s));
            let field = line.trim_end_matches(['\r', ' ', '\t']).split('\t').nth(1);
            assert_eq!(field.map(unescape).as_deref(), Some(s), "{s:?}");
            assert_ne!(field, Some("-"), "{s:?}");
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
    let mut a: Vec<&str> = Vec::new();
    for l in old.lines() {
        a.push(l);
    }
    let mut b: Vec<&str> = Vec::new();
    for l in new.lines() {
        b.push(l);
    }
    let mut head = 0;
    while head < a.len() && head < b.len() && a[head] == b[head] {
        head += 1;
    }
    let mut tail = 0;
    while tail < a.len() - head
        && tail < b.len() - head
        && a[a.len() - 1 - tail] == b[b.len() - 1 - tail]
    {
        tail += 1;
    }
    let (a, b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut lines: Vec<(usize, char, &str)> = Vec::new();
    if a.len().saturating_mul(b.len()) <= 4_000_000 {
        let w = b.len() + 1;
        let mut lcs = vec![0u32; (a.len() + 1) * w];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i * w + j] = if a[i] == b[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
                lines.push((head + i + 1, '-', a[i]));
                i += 1;
            } else {
                lines.push((head + j + 1, '+', b[j]));
                j += 1;
            }
        }
    } else {
        let mut n = head;
        for line in a {
            n += 1;
            lines.push((n, '-', line));
        }
        let mut n = head;
        for line in b {
            n += 1;
            lines.push((n, '+', line));
        }
    }
    let mut out = String::new();
    for &(n, sign, line) in lines.iter().take(40) {
        let n = n.to_string();
        for _ in n.len()..5 {
            out.push(' ');
        }
        out.push_str(&n);
        out.push(' ');
        out.push(sign);
        out.push(' ');
        out.push_str(line);
        out.push('\n');
    }
    if lines.len() > 40 {
        out.push_str("      … ");
        out.push_str(&(lines.len() - 40).to_string());
        out.push_str(" more lines differ\n");
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
