"""End to end through the CLI: ingest (idempotent, crash-safe, concurrent), stories, brief --story, cluster."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from story_inputs import ROOT, ecb_records, storylens, write_jsonl

pytestmark = pytest.mark.slow
CORPUS = ROOT / "examples" / "kim-train-2023"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "s.db"
    first = storylens("ingest", str(CORPUS), "--db", str(db))
    assert first.returncode == 0, first.stderr
    return db, first


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def test_ingest_is_idempotent(demo_db):
    db, first = demo_db
    n = len(list(CORPUS.iterdir()))
    assert f"{n} added" in first.stderr
    again = storylens("ingest", str(CORPUS), "--db", str(db))
    assert again.returncode == 0 and "0 added" in again.stderr and f"{n} already known" in again.stderr
    assert _count(db, "SELECT COUNT(*) FROM articles") == n


def test_one_story_for_the_demo_corpus_and_jsonl_listing(demo_db):
    db, _ = demo_db
    out = storylens("stories", "--db", str(db), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    recs = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(recs) == 1
    rec = recs[0]
    assert set(rec) >= {"story_id", "title", "first_seen", "last_seen", "articles", "n_sources", "n_independent",
                        "n_conflicts"}
    assert rec["n_sources"] == len(rec["articles"]) == len(list(CORPUS.iterdir()))
    table = storylens("stories", "--db", str(db))
    assert rec["story_id"] in table.stdout


def test_brief_versions_and_since(demo_db, tmp_path):
    db, _ = demo_db
    sid = json.loads(storylens("stories", "--db", str(db), "-f", "jsonl").stdout.splitlines()[0])["story_id"]
    js = storylens("brief", "--story", sid, "--db", str(db), "--format", "json")
    assert js.returncode == 0, js.stderr
    brief = json.loads(js.stdout)
    assert brief["story"]["n_sources"] == len(list(CORPUS.iterdir()))
    # A new article joins the story: the brief goes stale and the next one is version 2.
    extra = tmp_path / "more.txt"
    first = min(CORPUS.iterdir()).read_text(encoding="utf-8")
    extra.write_text("Follow-up report. " + first.replace("armoured", "armored"), encoding="utf-8")
    assert storylens("ingest", str(extra), "--db", str(db), "--briefs").returncode == 0
    diff = storylens("brief", "--story", sid, "--db", str(db), "--since", "1", "--format", "json")
    assert diff.returncode == 0, diff.stderr
    changes = json.loads(diff.stdout)
    assert changes["since"] == 1 and changes["version"] == 2
    assert [s["id"] for s in changes["changes"]["new_sources"]] == ["more"]
    md = storylens("brief", "--story", sid, "--db", str(db), "--since", "1")
    assert "## New sources" in md.stdout and "more" in md.stdout
    bad = storylens("brief", "--story", "s999", "--db", str(db))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "no story" in bad.stderr


def test_bad_db_is_one_line_error(tmp_path):
    foreign = tmp_path / "x.db"
    foreign.write_text("hello")
    out = storylens("stories", "--db", str(foreign))
    assert out.returncode == 2 and "not a SQLite file" in out.stderr and "Traceback" not in out.stderr
    assert foreign.read_text() == "hello"


def test_reading_from_a_missing_db_creates_nothing(tmp_path):
    missing = tmp_path / "none.db"
    for args in (("stories",), ("brief", "--story", "s1")):
        out = storylens(*args, "--db", str(missing))
        assert out.returncode == 2 and "no such story database" in out.stderr, out.stderr
    assert list(tmp_path.iterdir()) == []


def test_sigkill_mid_ingest_loses_and_duplicates_nothing(tmp_path):
    records = ecb_records()[:200]
    src = write_jsonl(tmp_path / "many.jsonl", records)
    db = tmp_path / "k.db"
    proc = subprocess.Popen([sys.executable, "-m", "storylens", "ingest", str(src), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:
        if db.exists() and _safe_count(db) >= 5:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _safe_count(db)
    assert 0 < killed_at < len(records), "the kill must land mid-ingest"
    rerun = storylens("ingest", str(src), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    added, known = map(int, re.search(r"(\d+) added, (\d+) already known", rerun.stderr).groups())
    assert known >= killed_at  # (plus any text repeated inside the file)
    total = _count(db, "SELECT COUNT(*) FROM articles")
    assert total == killed_at + added
    # everything readable is in: a third run adds nothing
    third = storylens("ingest", str(src), "--db", str(db))
    assert re.search(r"\b0 added", third.stderr) and _count(db, "SELECT COUNT(*) FROM articles") == total
    assert total >= 0.9 * len(records)  # ingest may reject a few texts as not articles, never many
    assert _count(db, "PRAGMA integrity_check") == "ok"
    assert _count(db, "SELECT COUNT(DISTINCT key) FROM articles") == total
    assert _count(db, "SELECT COUNT(DISTINCT content_hash) FROM articles") == total
    # no half-written story: every live story has articles, every article a live story
    assert _count(db, "SELECT COUNT(*) FROM stories s WHERE merged_into IS NULL AND NOT EXISTS "
                      "(SELECT 1 FROM articles a WHERE a.story_id = s.id)") == 0
    assert _count(db, "SELECT COUNT(*) FROM articles a JOIN stories s ON s.id = a.story_id "
                      "WHERE s.merged_into IS NOT NULL") == 0


def _safe_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_two_ingest_processes_at_once(tmp_path):
    records = ecb_records()[200:260]
    a = write_jsonl(tmp_path / "a.jsonl", records[:40])
    b = write_jsonl(tmp_path / "b.jsonl", records[20:])
    db = tmp_path / "c.db"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    procs = [subprocess.Popen([sys.executable, "-m", "storylens", "ingest", str(p), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for p in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    n = _count(db, "SELECT COUNT(*) FROM articles")
    added = sum(int(re.search(r"(\d+) added", o[1]).group(1)) for o in outs)
    assert n == added and n >= 0.9 * len(records)  # each article stored once, by one of the two
    assert _count(db, "PRAGMA integrity_check") == "ok"


def test_cluster_local_writes_parquet_and_loads_db(tmp_path):
    recs = [r for r in ecb_records() if r["topic"] in (1, 3)][:24]
    shards = tmp_path / "shards"
    shards.mkdir()
    write_jsonl(shards / "a.jsonl", recs[::2])
    write_jsonl(shards / "b.jsonl", recs[1::2])
    out = storylens("cluster", str(shards), "--engine", "local", "--workers", "1", "--out", str(tmp_path / "o"),
                    "--db", str(tmp_path / "c.db"))
    assert out.returncode == 0, out.stderr
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "o" / "articles.parquet").to_pydict()
    assert set(table["id"]) <= {r["id"] for r in recs} and len(table["id"]) >= 0.9 * len(recs)
    assert _count(tmp_path / "c.db", "SELECT COUNT(*) FROM articles") == len(table["id"])
    again = storylens("cluster", str(shards), "--engine", "local", "--workers", "1", "--out", str(tmp_path / "o"),
                      "--db", str(tmp_path / "c.db"))
    assert "0 articles loaded" in again.stderr
