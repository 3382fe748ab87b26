"""Run the atheris harnesses for a bounded time each and write bench/results/fuzz.{json,md}.

    .venv/bin/python fuzz/run.py --seconds 60          # what `make fuzz` runs
    .venv/bin/python fuzz/run.py --smoke               # a few seconds per target (results/smoke/)

Each target (HTML, JSONL, WARC reader) runs in its own subprocess under libFuzzer with
`-max_total_time`, on a corpus seeded from real inputs read at run time (the demo corpus,
the extraction pages and the WARC sample of the eval data; nothing is copied into the repo).
libFuzzer stops at the first crash: the crashing input is kept under fuzz/crashes/<target>/
and the target is restarted for the rest of its time, so one crash does not end the run.
The figures: cases run per target (libFuzzer's executed units), crashes found this run,
and the crashes found so far and fixed with a regression test (tests/fuzz/crashes/index.json).
The exit status is 1 when this run found a crash.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import json
import re
import subprocess
import sys
import time
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import CORPUS, EVAL_DATA, write_results

FUZZ = ROOT / "fuzz"
CRASHES = FUZZ / "crashes"
WORK = FUZZ / "corpus"  # libFuzzer's growing corpus, kept between runs (git-ignored)
LOGS = FUZZ / "logs"
INDEX = ROOT / "tests" / "fuzz" / "crashes" / "index.json"
TARGETS = ("html", "jsonl", "warc")
# Largest input libFuzzer builds per target: a news page, a few JSON lines, a few WARC records.
MAX_LEN = {"html": 65536, "jsonl": 32768, "warc": 262144}
MAX_RESTARTS = 5  # after this many crashes in one run, a target stops: its fix comes first
PER_INPUT_TIMEOUT = 20  # seconds; libFuzzer reports a slower input as a hang ("timeout-" artifact)


@dataclass
class TargetRun:
    target: str
    seconds: int
    wall_seconds: float = 0.0
    cases_run: int = 0
    exec_per_sec: float = 0.0
    coverage: int = 0
    seeds: int = 0
    corpus_size: int = 0
    crashes_found: int = 0  # distinct failures (by exception line); `crashes` has every saved input
    crashes: list[dict[str, str]] = field(default_factory=list)


# --- seeds ---------------------------------------------------------------------------------------


def _gzip_members(data: bytes) -> list[bytes]:
    """The compressed bytes of each gzip member of a .warc.gz (one record per member)."""
    members, pos = [], 0
    while pos < len(data):
        d = zlib.decompressobj(wbits=31)
        d.decompress(data[pos:])
        if not d.eof:
            break
        end = len(data) - len(d.unused_data)
        members.append(data[pos:end])
        pos = end
    return members


def _demo_texts(limit: int) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8", errors="replace")) for p in sorted(CORPUS.glob("*.txt"))[:limit]]


def _pages(limit: int) -> list[bytes]:
    folder = EVAL_DATA / "extraction" / "html"
    return [gzip.decompress(p.read_bytes()) for p in sorted(folder.glob("*.html.gz"))[:limit]] if folder.is_dir() else []


def seeds(target: str, smoke: bool) -> list[bytes]:
    """Seed inputs for a target, built from real data at run time."""
    n = 3 if smoke else 40
    texts = _demo_texts(n)
    if target == "html":
        return _pages(n) + [t.encode() for _, t in texts]
    if target == "jsonl":
        out = [json.dumps({"id": sid, "text": text[:3000], "title": text.split("\n", 1)[0][:120]},
                          ensure_ascii=False).encode() for sid, text in texts]
        out.append(b"\n".join(out))
        out += [json.dumps({"id": f"p{i}", "html": page.decode("utf-8", "replace")[:12000],
                            "published": "2019-11-20"}).encode() for i, page in enumerate(_pages(min(n, 6)))]
        for name in ("mds/multinews-test-250.jsonl", "clustering/ecbplus_public.jsonl"):
            path = EVAL_DATA / name
            if path.is_file():
                with path.open("rb") as fh:
                    out += [line for _, line in zip(range(3), fh) if len(line) < MAX_LEN["jsonl"]]
        return out
    sample = EVAL_DATA / "warc" / "sample.warc.gz"
    if not sample.is_file():
        return []
    members = _gzip_members(sample.read_bytes())
    # A request+response pair and single records, compressed and plain: both WARC layouts.
    out = [b"".join(members[i:i + 2]) for i in range(1, min(len(members), 2 * n), 2)]
    out += [gzip.decompress(m) for m in members[: min(len(members), n)]]
    return [s for s in out if len(s) <= MAX_LEN["warc"]]


def write_seeds(target: str, smoke: bool) -> tuple[Path, int]:
    folder = WORK / target
    folder.mkdir(parents=True, exist_ok=True)
    items = seeds(target, smoke)
    for data in items:
        (folder / f"seed-{hashlib.sha1(data).hexdigest()[:16]}").write_bytes(data)
    return folder, len(items)


# --- running -------------------------------------------------------------------------------------

_UNITS = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
_STATUS = re.compile(r"^#(\d+)\s+\w+\s+cov: (\d+).*?(?:exec/s: (\d+))?", re.MULTILINE)
_ARTIFACT = re.compile(r"Test unit written to (\S+)")


def _crash_summary(log: str) -> str:
    """The exception line of atheris's report ('ValueError: ...'), or libFuzzer's error line."""
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if "Uncaught Python exception" in line:
            for follow in lines[i + 1:]:
                if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b", follow) or follow.startswith(
                        ("AssertionError", "RecursionError", "MemoryError")):
                    return follow.strip()[:200]
    err = next((ln for ln in lines if "ERROR: libFuzzer" in ln), "")
    return err.split("ERROR: libFuzzer:", 1)[-1].strip() or "unknown failure"


def run_target(target: str, seconds: int, smoke: bool) -> TargetRun:
    corpus, n_seeds = write_seeds(target, smoke)
    artifacts = CRASHES / target
    artifacts.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(exist_ok=True)
    result = TargetRun(target, seconds, seeds=n_seeds)
    start = time.monotonic()
    for attempt in range(MAX_RESTARTS + 1):
        remaining = seconds - int(time.monotonic() - start)
        if remaining <= 0:
            break
        cmd = [sys.executable, str(FUZZ / f"fuzz_{target}.py"), str(corpus), f"-max_total_time={remaining}",
               f"-max_len={MAX_LEN[target]}", f"-timeout={PER_INPUT_TIMEOUT}", "-rss_limit_mb=3072",
               "-print_final_stats=1", f"-artifact_prefix={artifacts}/", f"-dict={FUZZ / 'dicts' / f'{target}.dict'}"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", cwd=ROOT, check=False,
                                  timeout=remaining + 120)
            log, code = proc.stdout + proc.stderr, proc.returncode
        except subprocess.TimeoutExpired as exc:
            log = _text(exc.stdout) + _text(exc.stderr) + "\nERROR: libFuzzer: the whole run overran its time\n"
            code = -1
        (LOGS / f"{target}-{attempt}.log").write_text(log, encoding="utf-8")
        units = [int(u) for u in _UNITS.findall(log)]
        status = _STATUS.findall(log)
        result.cases_run += units[-1] if units else (int(status[-1][0]) if status else 0)
        if status:
            result.coverage = max(result.coverage, int(status[-1][1]))
        if code == 0:
            break
        artifact = _ARTIFACT.search(log)
        result.crashes.append({"summary": _crash_summary(log),
                               "input": str(Path(artifact.group(1)).relative_to(ROOT)) if artifact else "",
                               "log": str((LOGS / f"{target}-{attempt}.log").relative_to(ROOT))})
        if not artifact:
            break  # not a crash libFuzzer could save (e.g. the harness failed to start): do not loop on it
    result.wall_seconds = round(time.monotonic() - start, 1)
    result.exec_per_sec = round(result.cases_run / result.wall_seconds, 1) if result.wall_seconds else 0.0
    # A restarted target often trips over the same bug again: count distinct failures.
    result.crashes_found = len({c["summary"] for c in result.crashes})
    result.corpus_size = sum(1 for p in corpus.iterdir() if p.is_file())
    return result


_PHASE = re.compile(r"- (\d+) passing, (\d+) failing, and (\d+) invalid")
_PYTEST_TALLY = re.compile(r"(\d+) (passed|failed|error)")


def run_properties() -> dict[str, int]:
    """Run the hypothesis property tests of tests/fuzz once and count the examples they tried."""
    cmd = [sys.executable, "-m", "pytest", "tests/fuzz", "-q", "-p", "no:cacheprovider", "-p", "no:logging",
           "--hypothesis-show-statistics"]
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", cwd=ROOT, check=False, timeout=1800)
    log = proc.stdout + proc.stderr
    LOGS.mkdir(exist_ok=True)
    (LOGS / "properties.log").write_text(log, encoding="utf-8")
    phases = [tuple(map(int, m)) for m in _PHASE.findall(log)]
    tally = {word: int(n) for n, word in _PYTEST_TALLY.findall(log.splitlines()[-1] if log else "")}
    return {
        "property_cases_run": sum(p + f for p, f, _ in phases),
        "property_tests_passed": tally.get("passed", 0),
        "property_tests_failed": tally.get("failed", 0) + tally.get("error", 0),
    }


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


# --- report --------------------------------------------------------------------------------------


def report(runs: list[TargetRun], seconds: int, properties: dict[str, int]) -> tuple[dict, str]:
    findings = json.loads(INDEX.read_text(encoding="utf-8")) if INDEX.is_file() else []
    fixed = [f for f in findings if f["kind"] == "crash"]
    data = {
        "atheris_version": _version("atheris"),
        "seconds_per_target": seconds,
        "targets": len(runs),
        "cases_run": sum(r.cases_run for r in runs),
        "crashes_found": sum(r.crashes_found for r in runs),  # by atheris in this run: still open
        **properties,
        "crashes_found_total": len(fixed) + sum(r.crashes_found for r in runs),  # ever, hypothesis and atheris
        "crashes_fixed": len(fixed),
        "hangs_fixed": sum(f["kind"] == "hang" for f in findings),
        "contract_violations_fixed": sum(f["kind"] == "contract" for f in findings),
        "crashes_fixed_by_atheris": sum(f["found_by"] == "atheris" for f in fixed),
        "crashes_fixed_by_hypothesis": sum(f["found_by"] == "hypothesis" for f in fixed),
        "per_target": [asdict(r) for r in runs],
        "findings": findings,
    }
    lines = [
        "# Fuzzing: atheris harnesses and hypothesis property tests",
        "",
        (f"Each reader ran {seconds} s under coverage-guided fuzzing (atheris {data['atheris_version']}), "
        "from a corpus seeded with real inputs."),
        "Contract: a reader returns articles or raises `InputError`; anything else is a crash.",
        "",
        "| target | seconds | cases run | exec/s | coverage (edges) | seeds | corpus | crashes found |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(f"| {r.target} | {r.wall_seconds:.0f} | {r.cases_run:,} | {r.exec_per_sec:,.0f} | {r.coverage:,} | "
                     f"{r.seeds} | {r.corpus_size} | {r.crashes_found} |")
    lines += ["", f"**Total: {data['cases_run']:,} cases, {data['crashes_found']} crashes found in this run.**", ""]
    if properties:
        lines += [(f"Property tests (`tests/fuzz`, hypothesis): {properties['property_cases_run']:,} generated cases, "
                   f"{properties['property_tests_passed']} tests passed, {properties['property_tests_failed']} failed."),
                  ""]
    for r in runs:
        for c in r.crashes:
            lines.append(f"- new crash in `{r.target}`: {c['summary']} (input `{c['input']}`, log `{c['log']}`)")
    heading = (f"## Found so far and fixed: {len(fixed)} crashes, {data['hangs_fixed']} hang(s), "
               f"{data['contract_violations_fixed']} contract violations")
    lines += ["", heading, "", "Each has a regression test replaying its input in `tests/fuzz/test_regressions.py`.", "",
              "| finding | kind | found by | where | what broke | fix |", "|---|---|---|---|---|---|"]
    for f in findings:
        lines.append(f"| {f['id']} | {f['kind']} | {f['found_by']} | `{f['target']}` | {f['description']} | {f['fix']} |")
    return data, "\n".join(lines)


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="fuzzing time per target (default 60)")
    parser.add_argument("--smoke", action="store_true", help="5 s per target, few seeds; results go to results/smoke/")
    parser.add_argument("--no-properties", action="store_true", help="skip counting the hypothesis property tests")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated subset of html,jsonl,warc")
    args = parser.parse_args(argv)
    seconds = 5 if args.smoke else args.seconds
    chosen = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = sorted(set(chosen) - set(TARGETS))
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    runs = []
    for target in chosen:
        print(f"fuzzing {target} for {seconds} s ...", flush=True)
        run = run_target(target, seconds, args.smoke)
        print(f"  {run.cases_run:,} cases, {run.crashes_found} crash(es)", flush=True)
        runs.append(run)
    properties: dict[str, int] = {}
    if not args.smoke and not args.no_properties:
        print("running the property tests (tests/fuzz) ...", flush=True)
        properties = run_properties()
        print(f"  {properties['property_cases_run']:,} cases, {properties['property_tests_failed']} failed", flush=True)
    data, markdown = report(runs, seconds, properties)
    path = write_results("fuzz", data, markdown)
    print(f"wrote {path} and {path.with_suffix('.json')}")
    return 1 if data["crashes_found"] or properties.get("property_tests_failed") else 0


if __name__ == "__main__":
    sys.exit(main())
