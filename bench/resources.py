"""Resource limits: hostile inputs through the real CLI, with wall time and peak RSS per run.

Each case writes one hostile input under a temporary folder (gzip bombs, a 1 GB
WARC, a 100 MB single line, deeply nested HTML, a million-line JSONL, ...), runs
`storylens extract` (or `brief`) on it in a fresh child process, and records the
outcome, exit code, first stderr line, wall time and the child's own peak RSS
(GNU time's %M, or os.wait4: one figure per process, never a maximum over earlier runs).

An outcome is `completed`, `partial` (articles out plus a clear error per broken
record), `clear_error` (exit != 0, every stderr line a `storylens: error:` line,
the first naming the input), `unclear_error`, `traceback`, `crash` (killed by a
signal) or `timeout`. The bounds asserted: every case ends in an expected outcome,
no case above MAX_RSS_MB, and the large WARC's peak RSS within WARC_RSS_RATIO of
the small one's (memory flat in the archive's size).

    .venv/bin/python bench/resources.py [--smoke] [--only NAME ...]

Smoke mode builds small versions (under 50 MB in all) and finishes in well under a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
# The input generators and the measured runner are shared with the tests (tests/resources).
sys.path.insert(0, str(ROOT / "tests" / "resources"))
from resource_inputs import (
    MB,
    WARC_READER,
    bomb_member,
    copies_jsonl,
    feed_items,
    long_line,
    nested_html,
    run_cli,
    serve_bomb,
    warc_bomb_member,
    write_lines,
    write_warc,
)

from bench.harness import EVAL_DATA, RESULTS, smoke, write_results

MAX_RSS_MB = 1536
WARC_RSS_RATIO = 1.3
OK_ERROR = ("clear_error",)
OK_ANY = ("completed", "partial", "clear_error")
# What these cases found on 2026-11-23, with the figures measured then on the code before each fix
# (this script's earlier runs); the table below is this run's own measurement of the code as it is.
FINDINGS = [
    ("fixed", ("an uncompressed WARC was read whole (up to 1 GB) before parsing; now FastWARC streams it "
              "record by record (reader-only peak RSS in the warc_read_* rows)")),
    ("fixed", "a whole-file-gzipped WARC over 20 MB failed as 'record larger than 20 MB'; now streamed"),
    ("fixed", "an oversized record in an uncompressed WARC was read whole; now skipped unread, named by id"),
    ("fixed", "a FastWARC Rust panic (pyo3 PanicException, a BaseException) escaped `except Exception`"),
    ("fixed", ("a 40 MB one-line .txt under the 50 MB file limit took 21.6 s and 1,006 MB; now refused "
              "above 8 million characters of text")),
    ("fixed", ("a 1,000,000-line JSONL (42 MB) materialised ~1 KB per record before cleaning; now refused "
              "before parsing above 250,000 records (STORYLENS_MAX_RECORDS)")),
    ("fixed", "`extract` kept every page's HTML until the batch ended; now dropped after cleaning"),
    ("fixed", ("near-duplicate marking was quadratic: 2,000 copies of one story took 43 s and 380 MB in "
              "`extract` (fixed in clean/dedup.py by its owner on request)")),
    ("fixed", ("pages nested deeper than 256 levels lose their text in libxml2 and were reported as index "
              "pages; the error now says the nesting is why")),
    ("open", "a feed item whose description is one <p> (or plain text) gives no text (clean/html.py)"),
    ("fixed", ("`extract` held every article's shingle set (~97 KB for 800 words) for duplicate marking: a "
              "1 GB WARC peaked at 1,151 MB against 251 MB for 100 MB (ratio 4.6); clean/dedup.py now keeps "
              "int64 hash arrays (by its owner, on request); this run's extract ratio is above")),
]


# ---------------------------------------------------------------- the cases

@dataclass
class Case:
    """A hostile input: how to build it (returns the CLI arguments), what outcomes are acceptable."""

    name: str
    what: str
    build: Callable[[Path], list[str]]
    expect: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    command: str = "extract"


def cases(small: bool) -> list[Case]:
    """Every case, at full size or (small=True) at smoke size."""
    s = (lambda full, tiny: tiny if small else full)
    bomb, line, limit_env = s(4 << 30, 64 * MB), s(100 * MB, 6 * MB), s({}, {"STORYLENS_MAX_FILE_MB": "4"})
    warc_small, warc_large = s(100 * MB, 2 * MB), s(1 << 30, 6 * MB)

    def one(name: str, data: Callable[[], bytes]) -> Callable[[Path], list[str]]:
        def build(tmp: Path) -> list[str]:
            (tmp / name).write_bytes(data())
            return [str(tmp / name)]
        return build

    def lines(name: str, gen: Callable[[], Iterator[bytes]]) -> Callable[[Path], list[str]]:
        def build(tmp: Path) -> list[str]:
            write_lines(tmp / name, gen())
            return [str(tmp / name)]
        return build

    def warc(name: str, size: int, gz: bool) -> Callable[[Path], list[str]]:
        def build(tmp: Path) -> list[str]:
            write_warc(tmp / name, size, gz)
            return [str(tmp / name)]
        return build

    def bomb_inside(tmp: Path) -> list[str]:
        sample = (EVAL_DATA / "warc" / "sample.warc.gz").read_bytes()
        cut = sample.find(b"\x1f\x8b\x08", len(sample) // 2)  # a member boundary half-way through
        (tmp / "bomb-inside.warc.gz").write_bytes(sample[:cut] + warc_bomb_member(bomb) + sample[cut:])
        return [str(tmp / "bomb-inside.warc.gz")]

    def http_bomb(tmp: Path) -> list[str]:
        _, url = serve_bomb(s(1 << 30, 32 * MB))
        return [url, "--allow-private"]

    bomb_page = lambda head: lambda: bomb_member(head, bomb)
    out = [
        Case("warc_gz_bomb", f"one .warc.gz member inflating to {bomb // MB} MB (one record)",
             one("bomb.warc.gz", lambda: warc_bomb_member(bomb)), OK_ERROR),
        Case("warc_bomb_record", f"the sample WARC with a {bomb // MB} MB space-filled record spliced in",
             bomb_inside, ("partial",)),
        Case("html_gz_bomb", f".html.gz inflating to {bomb // MB} MB", one("page.html.gz", bomb_page(
            b"<!doctype html><html><body><p>")), OK_ERROR),
        Case("jsonl_gz_bomb", f".jsonl.gz inflating to {bomb // MB} MB", one("items.jsonl.gz", bomb_page(
            b'{"text": "first record"}\n{"text": "')), OK_ERROR),
        Case("txt_gz_bomb", f".txt.gz inflating to {bomb // MB} MB", one("notes.txt.gz", bomb_page(
            b"Plain text to start with.\n")), OK_ERROR),
        Case("feed_gz_bomb", f".rss.gz inflating to {bomb // MB} MB", one("wire.rss.gz", bomb_page(
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><description>')),
             OK_ERROR),
        Case("http_gzip_bomb", "loopback page, Content-Encoding: gzip inflating to "
             f"{s(1 << 30, 32 * MB) // MB} MB", http_bomb, OK_ERROR),
        Case("warc_read_plain_small", f"plain WARC, {warc_small // MB} MB, reader only",
             warc("small.warc", warc_small, False), ("completed",), command="read"),
        Case("warc_read_plain_large", f"plain WARC, {warc_large // MB} MB, reader only",
             warc("large.warc", warc_large, False), ("completed",), command="read"),
        Case("warc_read_gz_small", f".warc.gz, {warc_small // MB} MB inflated, reader only",
             warc("small.warc.gz", warc_small, True), ("completed",), command="read"),
        Case("warc_read_gz_large", f".warc.gz, {warc_large // MB} MB inflated, reader only",
             warc("large.warc.gz", warc_large, True), ("completed",), command="read"),
        Case("warc_plain_small", f"plain WARC, {warc_small // MB} MB of real pages",
             warc("small.warc", warc_small, False), ("completed",)),
        Case("warc_plain_large", f"plain WARC, {warc_large // MB} MB of real pages",
             warc("large.warc", warc_large, False), ("completed",)),
        Case("warc_gz_small", f".warc.gz, {warc_small // MB} MB of records inflated",
             warc("small.warc.gz", warc_small, True), ("completed",)),
        Case("warc_gz_large", f".warc.gz, {warc_large // MB} MB of records inflated",
             warc("large.warc.gz", warc_large, True), ("completed",)),
        Case("long_line_txt", f".txt, one {line // MB} MB line", lines("line.txt", lambda: long_line(line)),
             OK_ERROR, limit_env),
        Case("long_line_txt_brief", f"`brief` on a .txt, one {line // MB} MB line",
             lines("line.txt", lambda: long_line(line)), OK_ERROR, limit_env, "brief"),
        Case("long_line_jsonl", f".jsonl, one record whose text is {line // MB} MB",
             lines("one.jsonl", lambda: iter([b'{"text": "', *long_line(line), b'"}\n'])), OK_ERROR, limit_env),
        Case("long_text_node_html", f".html, one {line // MB} MB text node",
             lines("node.html", lambda: iter([b"<html><body><p>", *long_line(line), b"</p></body></html>"])),
             OK_ERROR, limit_env),
        Case("long_line_under_limit", f".txt, one {s(40, 1)} MB line (under the file-size limit)",
             lines("under.txt", lambda: long_line(s(40, 1) * MB)), OK_ANY),
    ]
    for depth in s((10_000, 100_000, 1_000_000), (10_000, 100_000)):
        out.append(Case(f"nested_div_{depth // 1000}k", f"{depth:,} nested <div>",
                        one(f"div{depth}.html", lambda d=depth: nested_html(d)), OK_ANY))
    depth = s(1_000_000, 100_000)
    out += [
        Case(f"nested_b_{depth // 1000}k", f"{depth:,} nested <b>", one("b.html", lambda: nested_html(depth, "b")),
             OK_ANY),
        Case(f"unclosed_div_{depth // 1000}k", f"{depth:,} <div> never closed",
             one("open.html", lambda: nested_html(depth, closed=False)), OK_ANY),
    ]
    n_json, n_feed, n_tiny = s(1_000_000, 20_000), s(100_000, 300), s(10_000_000, 200_000)
    n_copies, n_limit = s(5_000, 300), s(250_000, 10_000)

    def records(n: int) -> Iterator[bytes]:
        return (b'{"id": "r%d", "text": "Short item %d."}\n' % (i, i) for i in range(n))
    out += [
        Case("jsonl_many_lines", f".jsonl, {n_json:,} short records", lines("many.jsonl", lambda: records(n_json)),
             OK_ANY),
        Case("jsonl_at_record_limit", f".jsonl, {n_limit:,} short records (the per-file record limit)",
             lines("limit.jsonl", lambda: records(n_limit)), ("completed",), {"STORYLENS_MAX_RECORDS": str(n_limit)}),
        Case("feed_many_items", f"RSS feed, {n_feed:,} distinct items", lines("wire.rss", lambda: feed_items(n_feed)),
             OK_ANY),
        Case("jsonl_near_duplicates", f".jsonl, {n_copies:,} copies of one story (dedup's worst case)",
             lines("copies.jsonl", lambda: copies_jsonl(n_copies)), OK_ANY),
        Case("txt_many_tiny_lines", f".txt, {n_tiny:,} lines of one word",
             lines("tiny.txt", lambda: (b"word\n" for _ in range(n_tiny))), OK_ANY),
    ]
    return out


# ---------------------------------------------------------------- the benchmark

def run_case(case: Case, tmp: Path, timeout: float) -> dict[str, Any]:
    t0 = time.perf_counter()
    args = case.build(tmp)
    built = time.perf_counter() - t0
    inputs = [a for a in args if not a.startswith("--")]
    size = sum(Path(a).stat().st_size for a in inputs if Path(a).exists())
    names = [Path(a).name if Path(a).exists() else a for a in inputs]
    if case.command == "read":
        run = run_cli(args, names, case.env, timeout, program=WARC_READER)
    else:
        cmd = [case.command, *args] + (["-o", str(tmp / "brief.json")] if case.command == "brief" else [])
        run = run_cli(cmd, names, case.env, timeout)
    for a in inputs:
        Path(a).unlink(missing_ok=True)  # hostile inputs are big: never keep more than one at a time
    command = "iter_warc(extract=False)" if case.command == "read" else f"storylens {case.command}"
    row = {"case": case.name, "what": case.what, "command": command,
           "input_mb": round(size / MB, 2), "env": " ".join(f"{k}={v}" for k, v in case.env.items()),
           "expected": "/".join(case.expect), **run.__dict__, "build_s": round(built, 1)}
    del row["stderr_head"]
    row["records_per_s"] = round(run.records / run.wall_s, 1) if run.records else 0.0
    row["ok"] = run.outcome in case.expect and run.peak_rss_mb <= MAX_RSS_MB
    row["run_at"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return row


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by = {r["case"]: r for r in rows}
    data: dict[str, Any] = {
        "cases_run": len(rows),
        "cases_ok": sum(r["ok"] for r in rows),
        "tracebacks": sum(r["outcome"] == "traceback" for r in rows),
        "crashes": sum(r["outcome"] == "crash" for r in rows),
        "timeouts": sum(r["outcome"] == "timeout" for r in rows),
        "unclear_errors": sum(r["outcome"] == "unclear_error" for r in rows),
        "max_peak_rss_mb": max((r["peak_rss_mb"] for r in rows), default=0.0),
        "bound_max_rss_mb": MAX_RSS_MB,
        "bound_warc_rss_ratio": WARC_RSS_RATIO,
    }
    # Memory flat in the archive's size is asserted for the reading stage (what `storylens ingest`
    # streams); `extract` holds every clean text until duplicates are marked, so its ratio is a figure.
    for stage, prefix in (("read", "warc_read_"), ("extract", "warc_")):
        for kind in ("plain", "gz"):
            small, large = by.get(f"{prefix}{kind}_small"), by.get(f"{prefix}{kind}_large")
            if small and large:
                ratio = round(large["peak_rss_mb"] / small["peak_rss_mb"], 2)
                data[f"{stage}_warc_{kind}_rss_ratio_large_vs_small"] = ratio
                data[f"{stage}_warc_{kind}_large_records_per_s"] = large["records_per_s"]
                if stage == "read":
                    data[f"read_warc_{kind}_flat_ok"] = ratio <= WARC_RSS_RATIO
    data["problems_found"] = len(FINDINGS)
    data["problems_fixed"] = sum(status == "fixed" for status, _ in FINDINGS)
    data["all_ok"] = data["cases_ok"] == len(rows) and all(v for k, v in data.items() if k.endswith("_flat_ok"))
    return data


def markdown(data: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    head = ["# Resource limits: hostile inputs through the CLI", "",
            (f"Bounds: every case ends in an expected outcome; peak RSS ≤ {MAX_RSS_MB} MB; reading the large "
            f"WARC peaks at ≤ {WARC_RSS_RATIO}× the RSS of reading the small one. All bounds met: **{data['all_ok']}** "
            f"({data['cases_ok']}/{data['cases_run']} cases ok)."), "",
            "A rerun of some cases (`--only`) keeps the other rows: each row's `run_at` in the JSON says when it ran.",
            ""]
    for stage in ("read", "extract"):
        for kind in ("plain", "gz"):
            key = f"{stage}_warc_{kind}"
            if f"{key}_rss_ratio_large_vs_small" in data:
                head.append(f"- WARC {kind}, {stage}: peak RSS large/small = "
                            f"{data[f'{key}_rss_ratio_large_vs_small']}, "
                            f"{data[f'{key}_large_records_per_s']} records/s on the large one")
    head += ["", "## What these cases found", "", *(f"- **{st}**: {what}" for st, what in FINDINGS), "",
             "## This run", ""]
    cols = ["case", "what", "command", "input_mb", "env", "expected", "outcome", "exit_code", "records", "wall_s",
            "peak_rss_mb", "records_per_s", "ok", "stderr_first"]
    table = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        table.append("| " + " | ".join(str(r[c]).replace("|", "\\|")[:160] for c in cols) + " |")
    return "\n".join([*head, "", *table, ""])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="small inputs, under a minute")
    parser.add_argument("--only", nargs="*", help="run only these cases; the other rows of the last results are kept")
    parser.add_argument("--timeout", type=float, default=None, help="seconds per case")
    opts = parser.parse_args()
    small = opts.smoke or smoke()
    timeout = opts.timeout or (60 if small else 1800)
    fresh: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="storylens-resources-") as tmp:
        for case in cases(small):
            if opts.only and case.name not in opts.only:
                continue
            row = fresh[case.name] = run_case(case, Path(tmp), timeout)
            print(f"{row['case']:24} {row['outcome']:13} rc={row['exit_code']:<3} {row['wall_s']:7.1f}s "
                  f"{row['peak_rss_mb']:7.1f} MB  {row['stderr_first'][:90]}", flush=True)
    last = {} if not opts.only else _last_rows(small)
    rows = [fresh.get(c.name) or last[c.name] for c in cases(small) if c.name in fresh or c.name in last]
    data = summarise(rows)
    path = write_results("resources", {**data, "cases": rows}, markdown(data, rows))
    print(f"wrote {path}")
    print(json.dumps(data, indent=1))
    return 0 if data["all_ok"] else 1


def _last_rows(small: bool) -> dict[str, dict[str, Any]]:
    """The rows of the previous results (same mode), so a rerun of a few cases keeps the others."""
    last = RESULTS / ("smoke" if small else "") / "resources.json"
    if not last.exists():
        return {}
    return {r["case"]: r for r in json.loads(last.read_text()).get("cases", [])}


if __name__ == "__main__":
    sys.exit(main())
