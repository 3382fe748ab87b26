"""Hostile inputs through the real CLI, scaled down: bombs, huge lines, deep nesting, many records.

Each run is a fresh `storylens` child whose own peak RSS (os.wait4) is checked, so a
reader that loads a bomb or a whole archive into memory fails here, not on a user's machine.
"""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import pytest
from resource_inputs import (
    EVAL_DATA,
    MB,
    Run,
    bomb_member,
    long_line,
    nested_html,
    run_cli,
    warc_bomb_member,
    warc_record,
    write_lines,
    write_warc,
)

from storylens.errors import InputError
from storylens.ingest.extract import MAX_PARSED_DEPTH, nesting_depth
from storylens.ingest.warc import MAX_RECORD_BYTES, WarcStats, iter_warc

SAMPLE_WARC = EVAL_DATA / "warc" / "sample.warc.gz"
# A bare `storylens extract` child peaks near 100-160 MB (Python, lxml, trafilatura, lingua).
SMALL_RSS_MB = 400
SMALL_LIMIT = {"STORYLENS_MAX_FILE_MB": "4"}

pytestmark = pytest.mark.skipif(not SAMPLE_WARC.exists(), reason=f"eval data not found at {EVAL_DATA}")


def extract(path: Path, env: dict[str, str] | None = None, command: str = "extract") -> Run:
    return run_cli([command, str(path)], [path.name], env, timeout=120)


def extract_all(paths: list[Path], env: dict[str, str] | None = None) -> Run:
    return run_cli(["extract", *map(str, paths)], [p.name for p in paths], env, timeout=120)


def assert_one_error_per_file(run: Run, paths: list[Path], words: str) -> None:
    """Exit 1 and exactly one `storylens: error:` line per file, naming it and the problem."""
    assert run.outcome == "clear_error" and run.exit_code == 1, run
    assert run.stderr_lines == len(paths) == len(run.stderr_head)
    for path, line in zip(paths, run.stderr_head, strict=True):
        assert line.startswith(f"storylens: error: {path}: ") and words in line, line


def assert_clear_error(run: Run, path: Path, words: str, code: int = 1) -> None:
    assert run.outcome == "clear_error", run
    assert run.exit_code == code and run.stderr_lines == 1
    assert path.name in run.stderr_first and words in run.stderr_first
    assert run.peak_rss_mb < SMALL_RSS_MB


# ---------------------------------------------------------------- gzip bombs

def test_warc_gzip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(warc_bomb_member(128 * MB))  # ~128 KB on disk
    run = extract(path)
    assert_clear_error(run, path, "larger than 20 MB")
    assert run.peak_rss_mb < 128 + 60  # a bare run is ~100 MB: the bomb's 128 MB was never held


def test_bomb_record_inside_an_archive_costs_only_that_record(tmp_path: Path) -> None:
    sample = SAMPLE_WARC.read_bytes()
    cut = sample.find(b"\x1f\x8b\x08", len(sample) // 2)
    path = tmp_path / "bomb-inside.warc.gz"
    path.write_bytes(sample[:cut] + warc_bomb_member(64 * MB) + sample[cut:])
    run = extract(path)
    assert run.outcome == "partial" and run.exit_code == 1
    assert run.records - run.error_records == 25 and run.error_records == 1
    assert path.name in run.stderr_first and "larger than 20 MB" in run.stderr_first
    assert run.peak_rss_mb < SMALL_RSS_MB


BOMB_HEADS = {
    "page.html.gz": b"<!doctype html><html><body><p>",
    "items.jsonl.gz": b'{"text": "first record"}\n{"text": "',
    "notes.txt.gz": b"Plain text to start with.\n",
    "wire.rss.gz": b'<?xml version="1.0"?><rss version="2.0"><channel><item><description>',
}


def test_gzipped_file_bombs_stop_at_the_size_limit(tmp_path: Path) -> None:
    paths = []
    for name, head in BOMB_HEADS.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(bomb_member(head, 32 * MB))  # 8 times the 4 MB limit, ~32 KB on disk
    run = extract_all(paths, SMALL_LIMIT)
    assert_one_error_per_file(run, paths, "too large")
    assert run.peak_rss_mb < SMALL_RSS_MB


# ---------------------------------------------------------------- WARC archives are streamed

def test_uncompressed_warc_is_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "plain.warc"
    n = write_warc(path, 24 * MB, gz=False)
    tracemalloc.start()
    try:
        articles = sum(not isinstance(i, InputError) for i in iter_warc(path, extract=False))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert articles == n
    assert peak < 8 * MB  # records come and go one at a time; the 24 MB file is never held


def test_whole_file_gzipped_warc_is_streamed_not_refused(tmp_path: Path) -> None:
    plain = tmp_path / "w.warc"
    n = write_warc(plain, MAX_RECORD_BYTES + 4 * MB, gz=False)
    path = tmp_path / "whole.warc.gz"  # one gzip member holding every record: over the per-member cap
    path.write_bytes(gzip.compress(plain.read_bytes(), compresslevel=1))
    stats = WarcStats()
    items = list(iter_warc(path, stats=stats, extract=False))
    assert stats.errors == 0 and stats.records == n
    assert sum(not isinstance(i, InputError) for i in items) == n


def test_oversized_record_in_an_uncompressed_warc_is_skipped(tmp_path: Path) -> None:
    page = gzip.decompress(next((EVAL_DATA / "extraction" / "html").glob("*.html.gz")).read_bytes())
    huge = b"<html><body><p>" + b"word " * ((MAX_RECORD_BYTES + MB) // 5) + b"</p></body></html>"
    path = tmp_path / "one-huge.warc"
    path.write_bytes(warc_record(0, page) + warc_record(1, huge) + warc_record(2, page))
    items = list(iter_warc(path, extract=False))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(items) == 3 and len(errors) == 1
    assert "one-huge.warc" in str(errors[0]) and "larger than 20 MB" in str(errors[0])
    assert "00000000-0000-0000-0000-000000000002" in str(errors[0])  # the record is named


# ---------------------------------------------------------------- one huge line

def test_lines_over_the_file_limit_are_clear_errors(tmp_path: Path) -> None:
    contents = {
        "line.txt": long_line(6 * MB),
        "one.jsonl": iter([b'{"text": "', *long_line(6 * MB), b'"}\n']),
        "node.html": iter([b"<html><body><p>", *long_line(6 * MB), b"</p></body></html>"]),
    }
    paths = []
    for name, parts in contents.items():
        paths.append(tmp_path / name)
        write_lines(paths[-1], parts)
    run = extract_all(paths, SMALL_LIMIT)
    assert_one_error_per_file(run, paths, "file is too large")
    assert run.peak_rss_mb < SMALL_RSS_MB


def test_brief_refuses_a_huge_line_before_loading_models(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    write_lines(path, long_line(6 * MB))
    run = run_cli(["brief", str(path), "-o", str(tmp_path / "b.json")], [path.name], SMALL_LIMIT, timeout=60)
    assert_clear_error(run, path, "file is too large", code=2)
    assert run.peak_rss_mb < 150  # refused by size alone: no NLP model was loaded


def test_text_too_long_for_an_article_is_refused_under_the_file_limit(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    write_lines(path, long_line(9 * MB))  # under the 50 MB file limit, over the 8 M-character text limit
    assert_clear_error(extract(path), path, "too long for one article")


def test_jsonl_record_too_long_is_named(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    write_lines(path, iter([b'{"id": "ok", "text": "A short record."}\n', b'{"id": "big", "text": "',
                            *long_line(9 * MB), b'"}\n']))
    assert_clear_error(extract(path), path, "record 2 (big)")


def test_long_line_under_the_limits_completes_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "under.txt"
    write_lines(path, long_line(1 * MB))
    run = extract(path)
    assert run.outcome == "completed" and run.records == 1
    assert run.peak_rss_mb < SMALL_RSS_MB


# ---------------------------------------------------------------- deep nesting

def test_deeply_nested_html_ends_cleanly(tmp_path: Path) -> None:
    paths = []
    for depth, tag, closed in [(10_000, "div", True), (100_000, "div", True), (100_000, "b", True),
                               (100_000, "div", False)]:
        paths.append(tmp_path / f"nested-{depth}-{tag}-{'closed' if closed else 'open'}.html")
        paths[-1].write_bytes(nested_html(depth, tag, closed))
    run = extract_all(paths)
    # Never a RecursionError or a segfault: an article, or one clear line per page.
    assert run.outcome in ("completed", "clear_error", "partial"), run
    assert run.records == len(paths) and run.stderr_lines == run.error_records
    for line in run.stderr_head:
        assert line.startswith("storylens: error: ") and any(str(p) in line for p in paths), line
        assert "nests its tags over 256 deep" in line  # says why the text is gone
    assert run.peak_rss_mb < SMALL_RSS_MB


# ---------------------------------------------------------------- many records

def test_many_short_jsonl_records_complete(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    n = 20_000
    write_lines(path, (b'{"id": "r%d", "text": "Short item %d."}\n' % (i, i) for i in range(n)))
    run = extract(path)
    assert run.outcome == "completed" and run.records == n and run.error_records == 0
    assert run.peak_rss_mb < SMALL_RSS_MB


def test_jsonl_with_too_many_records_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "flood.jsonl"
    write_lines(path, (b'{"text": "Item %d."}\n' % i for i in range(1500)))
    run = extract(path, {"STORYLENS_MAX_RECORDS": "1000"})
    assert_clear_error(run, path, "too many records (1,500; the limit is 1,000")


def test_nesting_depth_is_measured_past_the_parser_limit_only_on_hostile_pages() -> None:
    assert nesting_depth(nested_html(100_000).decode()) > MAX_PARSED_DEPTH
    assert nesting_depth(nested_html(100_000, closed=False).decode()) > MAX_PARSED_DEPTH
    assert nesting_depth(nested_html(50).decode()) < MAX_PARSED_DEPTH
    pages = sorted((EVAL_DATA / "extraction" / "html").glob("*.html.gz"))
    real = [nesting_depth(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")) for p in pages]
    assert len(real) > 50 and max(real) < MAX_PARSED_DEPTH // 2  # real news pages stay far below it

