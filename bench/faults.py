"""Fault injection on the story database, in big loops, with figures (issue 8, "Faults").

    .venv/bin/python bench/faults.py [--smoke]

Scenarios (see tests/faults/fault_scenarios.py for each one's rules):
- SIGKILL during `storylens ingest` at random moments, 120 times (the real CLI
  with cheap stand-ins for the NLP models, so kills land in reading, cleaning and the
  database writes rather than in model loading), plus a few kills of the real CLI;
- SIGKILL during brief recomputation (`storylens brief --story`, real models);
- a full disk (RLIMIT_FSIZE), a read-only database, two writers at once.
After each: `check_store` (integrity_check, foreign keys, orphans, duplicates, briefs),
and every input record stored exactly once after the next run.
Writes bench/results/faults.{json,md} (smoke runs: bench/results/smoke/).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "faults"))

import fault_scenarios as fs

from bench.harness import CORPUS, EVAL_DATA, options, smoke, write_results

# Full run / smoke run sizes.
LITE_KILLS = (120, 3)
REAL_INGEST_KILLS = (6, 0)
RECOMPUTE_KILLS = (12, 0)
TWO_WRITER_ROUNDS = (10, 1)
DISK_FULL_ROUNDS = (5, 1)
READ_ONLY_ROUNDS = (4, 1)


def _size(pair: tuple[int, int]) -> int:
    return pair[1] if smoke() else pair[0]


def _sum(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Add up the numeric fields of several rounds."""
    out: dict[str, int] = {}
    for row in rows:
        for key, value in row.items():
            if isinstance(value, int):
                out[key] = out.get(key, 0) + value
    return out


def main() -> None:
    options(__doc__)
    work = Path(tempfile.mkdtemp(prefix="storylens-faults-"))
    t0 = time.perf_counter()
    try:
        n = 30 if smoke() else 60  # records per stream: ~2.5 s of lite ingest on the full size
        stream = fs.write_records(EVAL_DATA, work / "stream.jsonl", 0, n)
        a = fs.write_records(EVAL_DATA, work / "a.jsonl", 0, n * 2 // 3)
        b = fs.write_records(EVAL_DATA, work / "b.jsonl", n // 3, n)
        big = fs.write_records(EVAL_DATA, work / "big.jsonl", 0, n * 4 // 3)
        results: dict[str, dict[str, Any]] = {}

        print("ingest kills (lite)...", file=sys.stderr)
        results["ingest_kill"] = fs.ingest_kills([stream], work, _size(LITE_KILLS), per_store=4, seed=1,
                                                 reference_runs=3)
        if _size(REAL_INGEST_KILLS):
            print("ingest kills (real models)...", file=sys.stderr)
            small = fs.write_records(EVAL_DATA, work / "small.jsonl", 100, 120)
            results["ingest_kill_real_models"] = fs.ingest_kills(
                [small], work, _size(REAL_INGEST_KILLS), per_store=5, seed=2, lite=False)
        if _size(RECOMPUTE_KILLS):
            print("recompute kills (real models)...", file=sys.stderr)
            corpus = work / "corpus"
            corpus.mkdir()
            for path in sorted(CORPUS.iterdir())[:3]:
                shutil.copy(path, corpus / path.name)
            results["recompute_kill"] = fs.recompute_kills(corpus, work, _size(RECOMPUTE_KILLS), seed=3)

        print("disk full, read-only, two writers...", file=sys.stderr)
        disk = [fs.disk_full(a, big, work, headroom=h)
                for h in (8_192, 32_768, 131_072, 262_144, 524_288)[: _size(DISK_FULL_ROUNDS)]]
        results["disk_full"] = {"rounds": len(disk), **_sum(disk), "error_line": disk[0]["error_line"]}
        new = [fs.disk_full_new(a, work, limit) for limit in (2_000, 20_000, 100_000)[: 1 if smoke() else 3]]
        results["disk_full_new_store"] = {"rounds": len(new), **_sum(new), "error_line": new[0]["error_line"]}
        # odd rounds: an ingest was SIGKILLed just before, so its -wal/-shm files are there too
        ro = [fs.read_only(a, b, after_kill=i % 2 == 1) for i in range(_size(READ_ONLY_ROUNDS))]
        results["read_only"] = {"rounds": len(ro), **_sum(ro), "error_line": ro[0]["error_line"]}
        expected, _ = fs.reference([a, b], work)
        two = [fs.two_writers(a, b, work, expected, str(i)) for i in range(_size(TWO_WRITER_ROUNDS))]
        results["two_writers"] = {"rounds": len(two), **_sum(two)}
    finally:
        shutil.rmtree(work, ignore_errors=True)

    data = _flatten(results)
    data["seconds"] = round(time.perf_counter() - t0, 1)
    write_results("faults", data, _markdown(results, data))
    print(f"faults: {data['kills_survived']}/{data['kills_landed']} kills survived, "
          f"{data['records_lost']} records lost, {data['records_duplicated']} duplicated, "
          f"{data['integrity_failures']} integrity failures", file=sys.stderr)


def _flatten(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Headline totals first, then every scenario's figures as `<scenario>_<figure>`."""
    total = {k: sum(int(r.get(k, 0)) for r in results.values())
             for k in ("kills_attempted", "kills_landed", "kills_survived", "records_lost", "records_duplicated",
                       "records_unexpected", "integrity_failures")}
    flat: dict[str, Any] = dict(total)
    for name, row in results.items():
        for key, value in row.items():
            flat[f"{name}_{key}"] = value
    return flat


def _markdown(results: dict[str, dict[str, Any]], data: dict[str, Any]) -> str:
    lines = [
        "# Fault injection on the story database",
        "",
        (f"**{data['kills_survived']} of {data['kills_landed']} kills that hit a running process survived** "
        f"({data['kills_attempted']} attempted); records lost: **{data['records_lost']}**, "
        f"duplicated: **{data['records_duplicated']}**, integrity failures: **{data['integrity_failures']}**. "
        f"Total time {data['seconds']} s."),
        "",
        ("A kill *survived* when the store then passed `check_store` (PRAGMA integrity_check, foreign_key_check, "
        "no orphan rows, no duplicate articles or ids, every stored brief valid and quoting verbatim). Records "
        "lost/duplicated are counted after the next, undisturbed run, against an undisturbed reference run "
        "of the same input."),
        "",
        "| scenario | figures |",
        "|---|---|",
    ]
    for name, row in results.items():
        figures = ", ".join(f"{k}={v}" for k, v in row.items() if not isinstance(v, str) or k == "first_problem")
        lines.append(f"| {name} | {figures} |")
    lines += ["", "Error lines users saw:", ""]
    for name in ("disk_full", "disk_full_new_store", "read_only"):
        if name in results:
            lines.append(f"- {name}: `{results[name]['error_line']}`")
    lines += [
        "",
        "Notes:",
        ("- `ingest_kill` runs the real CLI through `tests/faults/lite_cli.py`: everything from the readers to the "
        "store is real, only the feature extraction (MiniLM, spaCy NER) is replaced by hashed term vectors, so "
        "a run takes ~2 s instead of ~12 s and kills land in the work, not in model loading. Half of the kills "
        "come at a uniform random time, half a few ms after a random number of articles were committed "
        "(`kills_mid_stream` counts kills that left some but not all records stored)."),
        "- `ingest_kill_real_models` and `recompute_kill` use the installed `storylens` with the models.",
        ("- Disk full: `RLIMIT_FSIZE` (SIGXFSZ ignored, so write() fails with EFBIG) at the database size plus "
        "8 KiB..512 KiB of headroom (`disk_full_new_store`: a new store, 2 kB, 20 kB, 100 kB per file); "
        "read-only: file 0444 in a 0555 folder (half the rounds right after a SIGKILLed ingest, with its "
        "-wal/-shm left), and as root the child drops "
        "CAP_DAC_OVERRIDE/CAP_FOWNER so permissions bind."),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
