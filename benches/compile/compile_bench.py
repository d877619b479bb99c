"""Compile-time benchmark of the error-code derive.

Generates one crate per (size, variant kind, implementation):
  hand         - hand-written matches for code/status/name/message, a
                 from_code match and a static catalog table (what the derive
                 replaces)
  derived      - #[derive(ErrorCode)]
  derived repr - the derive on a #[repr(u16)] enum whose variants give their
                 codes as discriminants (unit variants only)
  hand repr    - hand-written for that layout: a #[repr(u16)] enum with the
                 codes as discriminants, code() the cast, the other matches,
                 from_code and the table as in hand (unit variants only)
  derived opt  - derived, with the macro (and syn) built optimized:
                 [profile.dev.build-override] opt-level = 3
  peer         - num_enum TryFromPrimitive + strum IntoStaticStr/EnumMessage/
                 FromRepr + a hand-written status match
and reports the median full and incremental `cargo build` time and the peak
memory of each, as ratios against hand-written. The runs alternate between
the implementations, so that drift of the machine affects all alike.

Then what a real service builds: an axum service that already has serde
and serde_json is built clean once; from a copy of that build, the marginal
seconds of adding error-code (default features, then `axum`) or thiserror,
each with a small error enum answered from a handler. Also checks that one
syn major is compiled.

`--crates` measures, in that service, the seconds cargo's `--timings`
report gives each crate that error-code (`axum`) brings — error-code-core,
error-code-derive, error-code — against thiserror's crates (thiserror-impl,
thiserror and its build script), one crate at a time (`-j1`) and without
incremental compilation, as a crate from a registry is built; the builds
alternate. `--expansion` counts the lines of the derive's expansion of a
three-variant enum (`-Zunpretty=expanded`, rustfmt'd, blank lines left out),
without and with a category.

`--instructions` counts, in the same services, the instructions rustc
executes to build each of those crates (valgrind's cachegrind, through a
`RUSTC_WRAPPER`): a count that does not drift with the machine, so a
change of a few percent shows in one run where the seconds need many.
thiserror's side counts its build script's build too.

`--error-code PATH` measures another checkout of the workspace (a prototype
of the derive) in place of this one. `--spread E` spreads each size's
variants over E enums of the crate (a crate of many small error enums: the
derive's cost per expansion, where one large enum shows its cost per
variant).
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "target" / "compile-bench"
# The workspace whose error-code is measured (`--error-code`).
ERROR_CODE = REPO
STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503]
# What a hand-writer uses: http's named constants.
STATUS_NAMES = {
    400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT",
    422: "UNPROCESSABLE_ENTITY", 429: "TOO_MANY_REQUESTS", 500: "INTERNAL_SERVER_ERROR",
    502: "BAD_GATEWAY", 503: "SERVICE_UNAVAILABLE",
}


def code(i):
    return 10_000 + 11 * i


def status(i):
    return STATUSES[i % len(STATUSES)]


def matcher(n, data, value):
    pat = "(..)" if data else ""
    arms = "\n".join(f"Self::V{i}{pat} => {value(i)}," for i in range(n))
    return f"match self {{\n{arms}\n}}"


# `--spread E`: the variants spread over E enums of the crate, each its
# own derive (a crate of many small error enums).
SPREAD = 1


def source(kind, n, data):
    if SPREAD > 1 and kind in ("hand", "derived"):
        per = max(1, n // SPREAD)
        one = source_one(kind, per, data)
        head, body = one.split("\n", 1)
        parts = [head]
        for k in range(SPREAD):
            part = body.replace("pub enum E {", f"pub enum E{k} {{").replace("impl E {", f"impl E{k} {{")
            part = part.replace("CATALOG", f"CATALOG{k}")
            if k > 0:
                # One table type for all of them, as a hand-writer would.
                part = "\n".join(l for l in part.split("\n") if not l.startswith("pub struct Info "))
            parts.append(part)
        return "\n".join(parts)
    return source_one(kind, n, data)


def source_one(kind, n, data):
    field = "(String)" if data else ""
    out = ["#![allow(dead_code, clippy::all)]"]
    if kind == "derived repr":
        out.append("#[derive(Debug, error_code::ErrorCode)]\n#[repr(u16)]\npub enum E {")
        out += [f'#[code(status = {status(i)}, message = "message {i}")] V{i} = {code(i)},' for i in range(n)]
        out.append("}")
    elif kind in ("derived", "derived opt"):
        out.append("#[derive(Debug, error_code::ErrorCode)]\npub enum E {")
        out += [f'#[code({code(i)}, status = {status(i)}, message = "message {i}")] V{i}{field},' for i in range(n)]
        out.append("}")
    elif kind in ("hand", "hand repr"):
        is_repr = kind == "hand repr"
        if is_repr:
            out.append("#[derive(Debug, Clone, Copy)]\n#[repr(u16)]\npub enum E {")
            out += [f"V{i} = {code(i)}," for i in range(n)]
        else:
            out.append("#[derive(Debug)]\npub enum E {")
            out += [f"V{i}{field}," for i in range(n)]
        out.append("}")
        out.append("""pub struct Info { pub code: u32, pub name: &'static str, pub status: u16, pub message: &'static str }""")
        table = ",\n".join(
            f'Info {{ code: {code(i)}, name: "V{i}", status: {status(i)}, message: "message {i}" }}' for i in range(n)
        )
        out.append(f"pub static CATALOG: [Info; {n}] = [\n{table}\n];")
        out.append("impl E {")
        if is_repr:
            out.append("pub fn code(&self) -> u32 { *self as u32 }")
        else:
            out.append(f"pub fn code(&self) -> u32 {{ {matcher(n, data, lambda i: code(i))} }}")
        out.append(f"pub fn status(&self) -> http::StatusCode {{ {matcher(n, data, lambda i: f'http::StatusCode::{STATUS_NAMES[status(i)]}')} }}")
        out.append(f"pub fn name(&self) -> &'static str {{ {matcher(n, data, lambda i: repr(f'V{i}').replace(chr(39), chr(34)))} }}")
        out.append(f"pub fn message(&self) -> &'static str {{ {matcher(n, data, lambda i: chr(34) + f'message {i}' + chr(34))} }}")
        if not data:
            arms = "\n".join(f"{code(i)} => Some(Self::V{i})," for i in range(n))
            out.append(f"pub fn from_code(code: u32) -> Option<Self> {{ match code {{\n{arms}\n_ => None }} }}")
        out.append("}")
    else:
        if data:
            out.append("#[derive(Debug, strum::IntoStaticStr, strum::EnumMessage)]\npub enum E {")
            out += [f'#[strum(message = "message {i}")] V{i}{field},' for i in range(n)]
        else:
            out.append(
                "#[derive(Debug, Clone, Copy, num_enum::TryFromPrimitive, strum::IntoStaticStr, strum::EnumMessage, strum::FromRepr)]\n#[repr(u16)]\npub enum E {"
            )
            out += [f'#[strum(message = "message {i}")] V{i} = {code(i)},' for i in range(n)]
        out.append("}")
        out.append(f"impl E {{ pub fn status(&self) -> http::StatusCode {{ {matcher(n, data, lambda i: f'http::StatusCode::{STATUS_NAMES[status(i)]}')} }} }}")
    return "\n".join(out) + "\n"


def manifest(name, opt_macro=False):
    repo = ERROR_CODE.as_posix()
    profile = "\n[profile.dev.build-override]\nopt-level = 3\n" if opt_macro else ""
    return f"""[workspace]

[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
error-code = {{ path = "{repo}" }}
http = "1"
num_enum = "0.7"
strum = {{ version = "0.28", features = ["derive"] }}
{profile}"""


def run(cmd, cwd):
    """Runs `cmd`; returns (seconds, peak RSS in MiB of any process it started)."""
    probe = (
        "import resource,subprocess,sys,time;"
        "t=time.perf_counter();r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
        "e=time.perf_counter()-t;"
        "sys.stderr.write(r.stderr.decode()[-2000:] if r.returncode else '');"
        "print(e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, capture_output=True, text=True)
    secs, rss_kib, rc = out.stdout.split()
    if rc != "0":
        sys.exit(f"failed: {' '.join(cmd)} in {cwd}\n{out.stderr}")
    return float(secs), int(rss_kib) / 1024


def measure_once(crate_dir, name, r):
    """One full build after `cargo clean -p`, then one incremental rebuild
    after adding a function: (full s, incremental s, peak MiB)."""
    lib = crate_dir / "src" / "lib.rs"
    text = lib.read_text()
    run(["cargo", "clean", "-q", "-p", name], crate_dir)
    full, rss_full = run(["cargo", "build", "-q"], crate_dir)
    lib.write_text(text + f"\npub fn touched_{r}() {{}}\n")
    inc, rss_inc = run(["cargo", "build", "-q"], crate_dir)
    lib.write_text(text)
    return full, inc, max(rss_full, rss_inc)


KINDS = ("hand", "derived", "hand repr", "derived repr", "derived opt", "peer")
# The kinds that exist for unit variants only.
UNIT_ONLY = ("hand repr", "derived repr")


def crate_name(kind, data, n):
    spread = f"_in_{SPREAD}" if SPREAD > 1 else ""
    return f"cb_{kind.replace(' ', '_')}_{'data' if data else 'unit'}_{n}{spread}"


# `--unit-only`: the enums of unit variants alone.
UNIT_ONLY_RUN = False


def compile_rows(sizes, runs, kinds):
    rows = []
    for data in (False,) if UNIT_ONLY_RUN else (False, True):
        for n in sizes:
            todo = [k for k in kinds if not (data and k in UNIT_ONLY)]
            crates = {}
            for kind in todo:
                name = crate_name(kind, data, n)
                crate = WORK / name
                (crate / "src").mkdir(parents=True, exist_ok=True)
                (crate / "Cargo.toml").write_text(manifest(name, opt_macro=kind == "derived opt"))
                (crate / "src" / "lib.rs").write_text(source(kind, n, data))
                run(["cargo", "build", "-q"], crate)  # warm the dependencies
                crates[kind] = (crate, name)
            samples = {k: [] for k in todo}
            for r in range(runs):
                # Alternate: one run of each implementation in turn.
                for kind in todo:
                    crate, name = crates[kind]
                    samples[kind].append(measure_once(crate, name, r))
            results = {}
            for kind in todo:
                full, inc, mem = zip(*samples[kind])
                results[kind] = (statistics.median(full), statistics.median(inc), max(mem))
                print(f"  measured {crates[kind][1]}: {samples[kind]}", file=sys.stderr, flush=True)
            label = "data (String field)" if data else "unit"
            if SPREAD > 1:
                label += f", in {SPREAD} enums"
            rows.append((n, label, results))
    return rows


SERVICE_DEPS = """axum = "0.8"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread", "net"] }
"""

SERVICE_MAIN = """use axum::{routing::get, Json, Router};

#[derive(serde::Serialize)]
struct Pod { name: String }

async fn pod() -> Json<Pod> { Json(Pod { name: "web".to_owned() }) }
"""

SERVICE_ROUTER = """
#[tokio::main]
async fn main() {
    let app = Router::new().route("/pod", get(pod))%s;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
"""

# What each variant adds to the service: a dependency and an error enum
# answered from a handler.
SERVICE_VARIANTS = {
    "+ error-code (default features)": (
        'error-code = {{ path = "{repo}" }}',
        """
#[derive(Debug, error_code::ErrorCode)]
enum ApiError {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
    /// Quota exceeded
    #[code(2002, status = 429)]
    Quota,
}

async fn missing() -> (axum::http::StatusCode, String) {
    let e = ApiError::NotFound;
    let _ = ApiError::Quota;
    (axum::http::StatusCode::from_u16(e.status().as_u16()).unwrap(), error_code::Reply::new(&e).to_json())
}
use error_code::ErrorCode as _;
""",
        '.route("/missing", get(missing))',
    ),
    "+ error-code (`axum`)": (
        'error-code = {{ path = "{repo}", features = ["axum"] }}',
        """
#[derive(Debug, error_code::ErrorCode)]
enum ApiError {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
    /// Quota exceeded
    #[code(2002, status = 429)]
    Quota,
}

async fn missing() -> Result<(), ApiError> {
    let _ = ApiError::Quota;
    Err(ApiError::NotFound)
}
""",
        '.route("/missing", get(missing))',
    ),
    "+ error-code (`axum`, no `tools`)": (
        'error-code = {{ path = "{repo}", default-features = false, features = ["axum"] }}',
        """
#[derive(Debug, error_code::ErrorCode)]
enum ApiError {
    /// Pod not found
    #[code(2001, status = 404)]
    NotFound,
    /// Quota exceeded
    #[code(2002, status = 429)]
    Quota,
}

async fn missing() -> Result<(), ApiError> {
    let _ = ApiError::Quota;
    Err(ApiError::NotFound)
}
""",
        '.route("/missing", get(missing))',
    ),
    "+ thiserror, hand-written `IntoResponse`": (
        'thiserror = "2"',
        """
#[derive(Debug, thiserror::Error)]
enum ApiError {
    #[error("Pod not found")]
    NotFound,
    #[error("Quota exceeded")]
    Quota,
}

impl axum::response::IntoResponse for ApiError {
    fn into_response(self) -> axum::response::Response {
        let (code, status) = match self {
            ApiError::NotFound => (2001, axum::http::StatusCode::NOT_FOUND),
            ApiError::Quota => (2002, axum::http::StatusCode::TOO_MANY_REQUESTS),
        };
        (status, Json(serde_json::json!({"code": code, "message": self.to_string()}))).into_response()
    }
}

async fn missing() -> Result<(), ApiError> {
    let _ = ApiError::Quota;
    Err(ApiError::NotFound)
}
""",
        '.route("/missing", get(missing))',
    ),
}


def service_rows(runs):
    """The clean build of the service, and the marginal seconds of each
    variant built from a copy of that build."""
    base = WORK / "cb_service"
    (base / "src").mkdir(parents=True, exist_ok=True)
    manifest_head = '[workspace]\n\n[package]\nname = "cb_service"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n'
    (base / "Cargo.toml").write_text(manifest_head + SERVICE_DEPS)
    (base / "src" / "main.rs").write_text(SERVICE_MAIN + SERVICE_ROUTER % "")
    env_target = os.environ.pop("CARGO_TARGET_DIR")
    base_target = base / "target"
    base_times = []
    for _ in range(runs):
        shutil.rmtree(base_target, ignore_errors=True)
        base_times.append(run(["cargo", "build", "-q"], base)[0])
    rows = [("axum service with serde, serde_json, tokio (clean build)", statistics.median(base_times), base_times)]
    samples = {label: [] for label in SERVICE_VARIANTS}
    dirs = {}
    for label, (dep, code, route) in SERVICE_VARIANTS.items():
        d = WORK / ("cb_service_" + str(len(dirs)))
        if d.exists():
            shutil.rmtree(d)
        (d / "src").mkdir(parents=True)
        shutil.copy(base / "Cargo.lock", d / "Cargo.lock")
        (d / "Cargo.toml").write_text(manifest_head + SERVICE_DEPS + dep.format(repo=ERROR_CODE.as_posix()) + "\n")
        (d / "src" / "main.rs").write_text(SERVICE_MAIN + code + SERVICE_ROUTER % route)
        dirs[label] = d
    for _ in range(runs):
        for label, d in dirs.items():
            shutil.rmtree(d / "target", ignore_errors=True)
            shutil.copytree(base_target, d / "target", symlinks=True)
            samples[label].append(run(["cargo", "build", "-q"], d)[0])
    # The service crate itself is rebuilt in every variant: time that too.
    rebuild = []
    for _ in range(runs):
        (base / "src" / "main.rs").write_text(SERVICE_MAIN + SERVICE_ROUTER % "" + f"\n// {_}\n")
        rebuild.append(run(["cargo", "build", "-q"], base)[0])
    (base / "src" / "main.rs").write_text(SERVICE_MAIN + SERVICE_ROUTER % "")
    rows.append(("the service crate alone, rebuilt", statistics.median(rebuild), rebuild))
    for label in SERVICE_VARIANTS:
        rows.append((label, statistics.median(samples[label]), samples[label]))
    os.environ["CARGO_TARGET_DIR"] = env_target
    return rows


def crate_seconds(target, names):
    """Seconds of each unit of the crates `names` in the newest --timings report."""
    import glob
    import json
    import re
    path = max(glob.glob(str(target / "cargo-timings" / "cargo-timing-*.html")), key=os.path.getmtime)
    units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", Path(path).read_text(), re.S).group(1))
    return sum(u["duration"] for u in units if u["name"] in names)


# The crates each side of `--crates` and `--instructions` brings, by service.
OURS = ["error-code-core", "error-code-derive", "error-code"]
THEIRS = ["thiserror", "thiserror-impl"]
CRATE_LABELS = {
    "+ error-code (`axum`)": OURS,
    "+ error-code (`axum`, no `tools`)": OURS,
    "+ thiserror, hand-written `IntoResponse`": THEIRS,
}


def crates_service(prefix, k, label):
    """The service of `label` in `WORK/{prefix}_{k}`: its directory."""
    dep, code, route = SERVICE_VARIANTS[label]
    manifest_head = '[workspace]\n\n[package]\nname = "cb_crates"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n'
    d = WORK / f"{prefix}_{k}"
    (d / "src").mkdir(parents=True, exist_ok=True)
    (d / "Cargo.toml").write_text(manifest_head + SERVICE_DEPS + dep.format(repo=ERROR_CODE.as_posix()) + "\n")
    (d / "src" / "main.rs").write_text(SERVICE_MAIN + code + SERVICE_ROUTER % route)
    return d


def crates_rows(runs):
    """Per-crate seconds of error-code (`axum`) and of thiserror in the service."""
    labels = CRATE_LABELS
    target = WORK / "cb_crates_target"
    env = dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TARGET_DIR=str(target))
    env.pop("CARGO_TARGET_DIR_SAVED", None)
    dirs = {}
    for k, label in enumerate(labels):
        d = crates_service("cb_crates", k, label)
        subprocess.run(["cargo", "build", "-q"], cwd=d, env=env, check=True)
        dirs[label] = d
    samples = {label: [] for label in labels}
    for _ in range(runs):
        for label, names in labels.items():
            clean = ["cargo", "clean", "-q"] + [a for n in names for a in ("-p", n)]
            subprocess.run(clean, cwd=dirs[label], env=env, check=True)
            subprocess.run(["cargo", "build", "-q", "-j1", "--timings"], cwd=dirs[label], env=env, check=True)
            samples[label].append(crate_seconds(target, names))
    return [(label, ", ".join(names), samples[label]) for label, names in labels.items()]


WRAPPER = """#!/bin/sh
# Runs rustc under cachegrind for the crates in $CB_CRATES, else as is.
rustc="$1"; shift
for c in $CB_CRATES; do
  case " $* " in *" --crate-name $c "*)
    exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
      --log-file="$CB_LOGS/$c.log" "$rustc" "$@";;
  esac
done
exec "$rustc" "$@"
"""


def instructions_rows():
    """Instructions rustc executes for each crate error-code (`axum`) and
    thiserror add to the service, counted by cachegrind."""
    import re
    wrapper = WORK / "count-instructions.sh"
    wrapper.write_text(WRAPPER)
    wrapper.chmod(0o755)
    target = WORK / "cb_instructions_target"
    rows = []
    for k, (label, names) in enumerate(CRATE_LABELS.items()):
        d = crates_service("cb_instructions", k, label)
        logs = WORK / f"cb_instructions_logs_{k}"
        shutil.rmtree(logs, ignore_errors=True)
        logs.mkdir()
        crates = [n.replace("-", "_") for n in names] + (["build_script_build"] if names is THEIRS else [])
        env = dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TARGET_DIR=str(target))
        subprocess.run(["cargo", "build", "-q"], cwd=d, env=env, check=True)
        subprocess.run(["cargo", "clean", "-q"] + [a for n in names for a in ("-p", n)], cwd=d, env=env, check=True)
        env.update(RUSTC_WRAPPER=str(wrapper), CB_CRATES=" ".join(crates), CB_LOGS=str(logs))
        subprocess.run(["cargo", "build", "-q", "-j1"], cwd=d, env=env, check=True)
        counts = {}
        for log in logs.glob("*.log"):
            m = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text())
            if m:
                counts[log.stem] = int(m.group(1).replace(",", ""))
        rows.append((label, counts))
    return rows


EXPANSION_SAMPLE = """use error_code::{ErrorCategory, ErrorCode};

#[derive(Debug, Clone, Copy, ErrorCategory)]
pub enum Category {
    /// Pod errors
    #[category(2000..=2999)]
    Pod,
}

#[derive(Debug, ErrorCode)]
%s
pub enum PodError {
    /// Pod not found
    #[code(2001, status = 404)]
    GetPodError,
    /// Pod events failed
    #[code(2002, status = 500)]
    GetPodEventError,
    /// Pod exists
    #[code(2003, status = 409)]
    PodExists,
}
"""


def expansion_rows():
    """Lines of the ErrorCode expansion of a three-variant enum."""
    d = WORK / "cb_expansion"
    (d / "src").mkdir(parents=True, exist_ok=True)
    (d / "Cargo.toml").write_text(
        '[workspace]\n\n[package]\nname = "cb_expansion"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f'[dependencies]\nerror-code = {{ path = "{ERROR_CODE.as_posix()}" }}\n'
    )
    rows = []
    for label, attr in [("without a category", ""), ("with `category = Category::Pod`", "#[error_code(category = Category::Pod)]")]:
        (d / "src" / "lib.rs").write_text(EXPANSION_SAMPLE % attr)
        env = dict(os.environ, RUSTC_BOOTSTRAP="1", CARGO_TARGET_DIR=str(d / "target"))
        out = subprocess.run(["cargo", "rustc", "-q", "--", "-Zunpretty=expanded"], cwd=d, env=env,
                             capture_output=True, text=True, check=True).stdout
        formatted = subprocess.run(["rustfmt", "--edition", "2021"], input=out, capture_output=True, text=True, check=True).stdout
        # The derive's block: from the `const _` after `enum PodError` to its end.
        text = formatted[formatted.index("pub enum PodError"):]
        lines = text.splitlines()
        block = next(i for i, l in enumerate(lines) if l == "const _: () = {")
        start = block
        while start > 0 and lines[start - 1].startswith("#["):
            start -= 1
        end = next(i for i in range(block, len(lines)) if lines[i] == "};")
        block = [l for l in lines[start:end + 1] if l.strip()]
        rows.append((label, len(block)))
    return rows


def main():
    global ERROR_CODE
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated subset of: " + ", ".join(KINDS))
    ap.add_argument("--no-service", action="store_true", help="skip the service build")
    ap.add_argument("--unit-only", action="store_true", help="only enums of unit variants")
    ap.add_argument("--error-code", type=Path, help="another checkout of the workspace to measure")
    ap.add_argument("--crates", action="store_true", help="only the per-crate seconds in the service")
    ap.add_argument("--spread", type=int, default=1, help="spread each size's variants over this many enums")
    ap.add_argument("--expansion", action="store_true", help="only the lines of a three-variant expansion")
    ap.add_argument("--instructions", action="store_true", help="only the instructions rustc executes for each crate (valgrind)")
    args = ap.parse_args()
    if args.error_code:
        ERROR_CODE = args.error_code.resolve()
    global UNIT_ONLY_RUN, SPREAD
    UNIT_ONLY_RUN = args.unit_only
    SPREAD = max(1, args.spread)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.expansion:
        print("| three-variant enum, default features | lines |")
        print("|---|---:|")
        for label, n in expansion_rows():
            print(f"| {label} | {n} |")
        return
    if args.instructions:
        rows = instructions_rows()
        print(f"error-code at {ERROR_CODE}; instructions executed by rustc (cachegrind), millions\n")
        print("| in an axum service | crate: instructions | total |")
        print("|---|---|---:|")
        for label, counts in rows:
            cells = ", ".join(f"{c} {n / 1e6:,.0f}" for c, n in sorted(counts.items()))
            print(f"| {label} | {cells} | {sum(counts.values()) / 1e6:,.0f} |")
        print()
        base = sum(rows[-1][1].values())
        for label, counts in rows[:-1]:
            print(f"{label}: error-code's crates / thiserror's: {sum(counts.values()) / base:.2f}×")
        return
    if args.crates:
        rows = crates_rows(args.runs)
        print(f"runs: {args.runs} (alternating; -j1, CARGO_INCREMENTAL=0); error-code at {ERROR_CODE}\n")
        print("| in an axum service | crates | median s | runs |")
        print("|---|---|---:|---|")
        for label, names, times in rows:
            print(f"| {label} | {names} | {statistics.median(times):.2f} | {', '.join(f'{t:.2f}' for t in times)} |")
        print()
        for label, _, times in rows[:-1]:
            ratios = [a / b for a, b in zip(times, rows[-1][2])]
            print(f"{label}: error-code's crates / thiserror's, median of the runs' ratios: {statistics.median(ratios):.2f}×")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = [k for k in KINDS if k in args.kinds.split(",")]
    if "hand" not in kinds:
        kinds.insert(0, "hand")
    if "derived repr" in kinds and "hand repr" not in kinds:
        kinds.insert(kinds.index("derived repr"), "hand repr")
    WORK.mkdir(parents=True, exist_ok=True)
    shared_target = WORK / "target"
    os.environ["CARGO_TARGET_DIR"] = str(shared_target)

    rows = compile_rows(sizes, args.runs, kinds)
    print(f"runs: {args.runs} (median, alternating); error-code at {ERROR_CODE}\n")
    print("Ratios are against hand-written code of the same layout: `derived repr` against `hand repr`, the rest against `hand`.\n")
    print("| variants | kind | impl | full build s | × hand | incremental s | × hand | peak MiB | × hand |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for n, label, results in rows:
        for kind in kinds:
            if kind not in results:
                continue
            base = "hand repr" if kind == "derived repr" and "hand repr" in results else "hand"
            hf, hi, hm = results[base]
            f, i, m = results[kind]
            print(f"| {n} | {label} | {kind} | {f:.2f} | {f / hf:.2f}× | {i:.2f} | {i / hi:.2f}× | {m:.0f} | {m / hm:.2f}× |")
    sys.stdout.flush()

    if not args.no_service:
        print("\n| what a service builds (dev) | median s | runs |")
        print("|---|---:|---|")
        for label, med, times in service_rows(args.runs):
            print(f"| {label} | {med:.2f} | {', '.join(f'{t:.2f}' for t in times)} |")

    tree = subprocess.run(
        ["cargo", "tree", "-p", "error-code", "-e", "normal,build", "--prefix", "none"],
        cwd=ERROR_CODE, capture_output=True, text=True,
    )
    syns = sorted({line.split()[1] for line in tree.stdout.splitlines() if line.startswith("syn ")})
    print(f"\nsyn versions in error-code's dependency tree: {', '.join(syns) or 'none'}")


if __name__ == "__main__":
    main()
