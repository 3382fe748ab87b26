"""Fault injection on the story database: kills, a full disk, a read-only file, two writers.

Every scenario runs real `storylens` processes (see fault_scenarios.py) and then
demands: the store passes `check_store`, no input record is lost or stored twice,
and user-facing failures are one `storylens: error:` line naming the file.
The big loops with figures are in bench/faults.py.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import fault_scenarios as fs
import pytest

from storylens.errors import StoreError
from storylens.store import StoryStore, check_store


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("faults")


@pytest.fixture(scope="module")
def records(work: Path, eval_data: Path) -> dict[str, Path]:
    """Three overlapping slices of the ECB+ articles, written as JSONL streams."""
    return {
        "a": fs.write_records(eval_data, work / "a.jsonl", 0, 36),
        "b": fs.write_records(eval_data, work / "b.jsonl", 18, 54),
        "big": fs.write_records(eval_data, work / "big.jsonl", 0, 72),
    }


def test_sigkill_during_ingest_loses_and_duplicates_nothing(work: Path, records: dict[str, Path]) -> None:
    out = fs.ingest_kills([records["a"]], work, kills=6, per_store=3, seed=8)
    assert out["kills_landed"] >= 4, out  # most kills must hit a running process to prove anything
    assert out["kills_mid_stream"] >= 1, out  # and some must cut the stream between two stored articles
    assert out["integrity_failures"] == 0, out["first_problem"]
    assert out["reruns_failed"] == 0
    assert (out["records_lost"], out["records_duplicated"], out["records_unexpected"]) == (0, 0, 0)
    assert out["records_expected_per_round"] >= 25


def test_disk_full_fails_in_one_line_and_the_next_run_finishes(work: Path, records: dict[str, Path]) -> None:
    out = fs.disk_full(records["a"], records["big"], work, headroom=32 * 1024)
    assert out["failed_cleanly"], out["error_line"]
    assert "disk" in out["error_line"]
    assert out["stored_before"] >= 25 and out["stored_lost_by_failure"] == 0
    assert out["integrity_failures"] == 0 and out["rerun_ok"]
    assert (out["records_lost"], out["records_duplicated"], out["records_unexpected"]) == (0, 0, 0)


@pytest.mark.parametrize("limit", [2_000, 20_000])
def test_disk_full_while_creating_the_store(work: Path, records: dict[str, Path], limit: int) -> None:
    # 2 kB: the schema itself cannot be written; 20 kB: the schema fits, the first articles do not.
    out = fs.disk_full_new(records["a"], work, limit)
    assert out["failed_cleanly"] and "disk" in out["error_line"], out["error_line"]
    assert out["rerun_ok"] and out["integrity_failures"] == 0


@pytest.mark.parametrize("after_kill", [False, True], ids=["closed", "after-kill"])
def test_read_only_database_refuses_writes_and_stays_readable(records: dict[str, Path], after_kill: bool) -> None:
    out = fs.read_only(records["a"], records["b"], after_kill)
    assert out["wal_left_by_kill"] == int(after_kill)
    assert out["write_failed_cleanly"], out["error_line"]
    assert "read-only" in out["error_line"]
    assert out["file_unchanged"]
    assert out["read_ok"], out["read_error"]
    assert out["check_ok"] and out["integrity_failures"] == 0
    assert out["fresh_brief_shown"] and out["stale_brief_refused_cleanly"]


def test_two_writers_at_once_store_each_record_once(work: Path, records: dict[str, Path]) -> None:
    expected, _ = fs.reference([records["a"], records["b"]], work)
    out = fs.two_writers(records["a"], records["b"], work, expected, "t")
    assert out["writers_finished"] == 2, out["errors"]
    assert out["lost_after_writers"] == 0 and out["duplicated_after_writers"] == 0
    assert out["integrity_failures"] == 0 and out["rerun_ok"]
    assert (out["records_lost"], out["records_duplicated"], out["records_unexpected"]) == (0, 0, 0)


@pytest.mark.slow
def test_sigkill_during_brief_recompute_keeps_the_old_version(tmp_path: Path, corpus_dir: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(corpus_dir.iterdir())[:2]:  # a small story keeps the model runs short
        shutil.copy(path, corpus / path.name)
    out = fs.recompute_kills(corpus, tmp_path, kills=1, seed=3)
    assert out["kills_landed"] == 1
    assert out["integrity_failures"] == 0 and out["old_brief_unreadable"] == 0
    assert out["brief_versions_lost"] == 0
    assert out["final_run_ok"] and out["final_versions"] == 2 and out["final_fresh"]


# -- the checker itself must see damage ------------------------------------------------------------


@pytest.fixture(scope="module")
def healthy(work: Path, records: dict[str, Path]) -> Path:
    db = work / "healthy.db"
    fs.run(["ingest", str(records["a"]), "--db", str(db)]).check_returncode()
    with StoryStore(db) as store:  # one valid brief, made from a real stored article
        rowid, _ = store.resolve_story("s1")
        art = store.story_articles(rowid)[0]
        store.save_brief(rowid, fs.tiny_brief(art.id, art.text), [art.id], None)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _damaged(healthy: Path, tmp_path: Path, *sql: str) -> Path:
    db = tmp_path / "damaged.db"
    shutil.copy(healthy, db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in sql:
        conn.execute(statement)
    conn.close()
    return db


def test_check_passes_a_healthy_store(healthy: Path) -> None:
    report = check_store(healthy)
    assert report.ok, report.problems
    assert report.counts["articles"] >= 25 and report.counts["briefs"] == 1


@pytest.mark.parametrize(("sql", "expected"), [
    (["UPDATE articles SET story_id = 9999 WHERE id = (SELECT MIN(id) FROM articles)"],
     "articles pointing to a missing story"),
    (["INSERT INTO stories (key, created_at) VALUES ('s9999', 'x')"], "live stories without any article"),
    (["INSERT INTO stories (key, created_at) VALUES ('tmp-x', 'x')"], "key is not s<rowid>"),
    (["UPDATE stories SET merged_into = (SELECT MAX(id) FROM stories) WHERE id = (SELECT MIN(id) FROM stories)"],
     "merged away"),
    (["INSERT INTO briefs VALUES (9999, 1, 'x', '[]', '{}')"], "briefs of a missing story"),
    (["UPDATE briefs SET version = 2"], "not numbered 1..N"),
    (["UPDATE briefs SET brief = '{\"schema\": 1}'"], "do not validate"),
    (["UPDATE briefs SET brief = replace(brief, '\"start\":0', '\"start\":1')"], "not verbatim"),
    (["UPDATE briefs SET articles = '[\"no-such-article\"]'"], "not stored"),
    (["DELETE FROM articles_fts_docsize WHERE id = (SELECT MIN(id) FROM articles)"], "full-text index"),
])
def test_check_names_each_kind_of_damage(healthy: Path, tmp_path: Path, sql: list[str], expected: str) -> None:
    report = check_store(_damaged(healthy, tmp_path, *sql))
    assert not report.ok
    assert any(expected in p for p in report.problems), report.problems


def test_check_reports_a_corrupt_page(healthy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corrupt.db"
    data = bytearray(healthy.read_bytes())
    page = 4096
    data[-3 * page:-page] = b"\x00" * (2 * page)  # wipe two data pages, keep the schema page
    db.write_bytes(bytes(data))
    try:
        report = check_store(db)
    except StoreError as exc:  # damage that reaches the schema is refused at open: also a clear answer
        assert "corrupt" in str(exc)
        return
    assert not report.ok


def test_check_cli_exit_codes(healthy: Path, tmp_path: Path) -> None:
    ok = fs.run(["check", str(healthy)])
    assert ok.returncode == 0 and "ok" in ok.stderr
    broken = fs.run(["check", str(_damaged(healthy, tmp_path, "INSERT INTO stories (key, created_at) VALUES ('s9999', 'x')")),
                     "--json"])
    assert broken.returncode == 1
    assert json.loads(broken.stdout)["ok"] is False
    assert len(broken.stderr.strip().splitlines()) == 1 and "problem" in broken.stderr
    missing = fs.run(["check", str(tmp_path / "absent.db")])
    assert missing.returncode == 2 and missing.stderr.startswith("storylens: error:")
