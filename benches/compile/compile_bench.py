"""Compile-time benchmark of the error-code derive.

Generates one crate per (size, variant kind, implementation):
  derived - #[derive(ErrorCode)]
  hand    - hand-written matches for code/status/name/message, a from_code
            match and a static catalog table (what the derive replaces)
  peer    - num_enum TryFromPrimitive + strum IntoStaticStr/EnumMessage/FromRepr
            + a hand-written status match
and reports the median full and incremental `cargo build` time and the peak
memory of each, as ratios against hand-written. Also times a clean build of
the dependency tree of error-code against thiserror + http, and checks that
one syn major is compiled.
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


def source(kind, n, data):
    field = "(String)" if data else ""
    out = ["#![allow(dead_code, clippy::all)]"]
    if kind == "derived":
        out.append("#[derive(Debug, error_code::ErrorCode)]\npub enum E {")
        out += [f'#[code({code(i)}, status = {status(i)}, message = "message {i}")] V{i}{field},' for i in range(n)]
        out.append("}")
    elif kind == "hand":
        out.append("#[derive(Debug)]\npub enum E {")
        out += [f"V{i}{field}," for i in range(n)]
        out.append("}")
        out.append("""pub struct Info { pub code: u32, pub name: &'static str, pub status: u16, pub message: &'static str }""")
        table = ",\n".join(
            f'Info {{ code: {code(i)}, name: "V{i}", status: {status(i)}, message: "message {i}" }}' for i in range(n)
        )
        out.append(f"pub static CATALOG: [Info; {n}] = [\n{table}\n];")
        out.append("impl E {")
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


def manifest(name):
    repo = REPO.as_posix()
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
"""


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


def measure(crate_dir, name, runs):
    full, inc, mem = [], [], []
    lib = crate_dir / "src" / "lib.rs"
    text = lib.read_text()
    for r in range(runs):
        run(["cargo", "clean", "-q", "-p", name], crate_dir)
        secs, rss = run(["cargo", "build", "-q"], crate_dir)
        full.append(secs)
        mem.append(rss)
        lib.write_text(text + f"\npub fn touched_{r}() {{}}\n")
        secs, rss = run(["cargo", "build", "-q"], crate_dir)
        inc.append(secs)
        mem.append(rss)
        lib.write_text(text)
    return statistics.median(full), statistics.median(inc), max(mem)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="100,1000,5000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    shared_target = WORK / "target"
    os.environ["CARGO_TARGET_DIR"] = str(shared_target)

    # Dependencies are built once, outside the timings.
    rows = []
    for data in (False, True):
        for n in sizes:
            results = {}
            for kind in ("hand", "derived", "peer"):
                name = f"cb_{kind}_{'data' if data else 'unit'}_{n}"
                crate = WORK / name
                (crate / "src").mkdir(parents=True, exist_ok=True)
                (crate / "Cargo.toml").write_text(manifest(name))
                (crate / "src" / "lib.rs").write_text(source(kind, n, data))
                run(["cargo", "build", "-q"], crate)  # warm the dependencies
                results[kind] = measure(crate, name, args.runs)
                print(f"  measured {name}: {results[kind]}", file=sys.stderr, flush=True)
            rows.append((n, "data (String field)" if data else "unit", results))

    print(f"runs: {args.runs} (median)\n")
    print("| variants | kind | impl | full build s | × hand | incremental s | × hand | peak MiB | × hand |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for n, label, results in rows:
        hf, hi, hm = results["hand"]
        for kind in ("hand", "derived", "peer"):
            f, i, m = results[kind]
            print(f"| {n} | {label} | {kind} | {f:.2f} | {f / hf:.2f}× | {i:.2f} | {i / hi:.2f}× | {m:.0f} | {m / hm:.2f}× |")

    # A clean build of the dependency tree: error-code vs thiserror + http.
    print("\n| dependency tree (clean dev build) | seconds |")
    print("|---|---:|")
    for label, deps in (
        ("error-code (default features)", f'error-code = {{ path = "{REPO.as_posix()}" }}'),
        ("thiserror + http", 'thiserror = "2"\nhttp = "1"'),
    ):
        name = "cb_tree_" + label.split()[0].replace("-", "_")
        crate = WORK / name
        (crate / "src").mkdir(parents=True, exist_ok=True)
        (crate / "Cargo.toml").write_text(
            f'[workspace]\n\n[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n{deps}\n'
        )
        (crate / "src" / "lib.rs").write_text("")
        own_target = crate / "target"
        env_target = os.environ.pop("CARGO_TARGET_DIR")
        times = []
        for _ in range(args.runs):
            shutil.rmtree(own_target, ignore_errors=True)
            times.append(run(["cargo", "build", "-q"], crate)[0])
        os.environ["CARGO_TARGET_DIR"] = env_target
        print(f"| {label} | {statistics.median(times):.2f} |")

    tree = subprocess.run(
        ["cargo", "tree", "-p", "error-code", "-e", "normal,build", "--prefix", "none"],
        cwd=REPO, capture_output=True, text=True,
    )
    syns = sorted({line.split()[1] for line in tree.stdout.splitlines() if line.startswith("syn ")})
    print(f"\nsyn versions in error-code's dependency tree: {', '.join(syns) or 'none'}")


if __name__ == "__main__":
    main()
