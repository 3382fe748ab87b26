"""Re-sorting a whole store with the batch clustering (StoryStore.recluster, `storylens recluster`)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from story_inputs import ecb_records, storylens

from storylens.errors import StoreError
from storylens.models import Article
from storylens.scale.pipeline import blocks, cluster_block, finish
from storylens.store import StoryStore, check_store
from storylens.store.recluster import keep_story_ids
from storylens.stories.features import DocFeatures, extract_features


def test_a_new_group_keeps_the_id_of_the_story_it_mostly_was():
    current = {"a": "s1", "b": "s1", "c": "s1", "d": "s2", "e": "s2", "f": "s3"}
    # s1 splits: its larger part keeps s1, the rest is new; s2 and s3 become one story under s2 (the larger
    # overlap), and s3 is left for no group.
    groups = [["a", "b"], ["c"], ["d", "e", "f"]]
    assert keep_story_ids(groups, current) == ["s1", None, "s2"]
    # Equal overlaps: the older story keeps its id.
    assert keep_story_ids([["d", "f"]], {"d": "s7", "f": "s3"}) == ["s3"]


def _articles(topic: int) -> tuple[list[Article], list[DocFeatures]]:
    recs = [r for r in ecb_records() if r["topic"] == topic]
    arts = [Article(id=r["id"], raw=r["text"], text=r["text"], title=r["title"], published=r["date"]) for r in recs]
    return arts, extract_features(arts)


def _layout(store: StoryStore) -> dict[str, str]:
    return dict(store.conn.execute("SELECT a.key, s.key FROM articles a JOIN stories s ON s.id = a.story_id"))


@pytest.fixture(scope="module")
def topic16():
    # ECB+ topic 16: two look-alike events; the article-by-article clustering and the batch job disagree there.
    return _articles(16)


@pytest.mark.slow
def test_recluster_writes_the_batch_jobs_stories_and_keeps_the_store_whole(tmp_path, topic16):
    arts, feats = topic16
    with StoryStore(tmp_path / "s.db") as store:
        for a, f in zip(arts, feats, strict=True):
            store.add(a, DocFeatures(f.id, f.vector, dict(f.entities), dict(f.terms), f.day, list(f.years)))
        before = _layout(store)
        docs = [DocFeatures.from_parts(k, b, d) for k, b, d in
                store.conn.execute("SELECT key, embedding, features FROM articles ORDER BY id")]
        expected = sorted(sorted(g) for g in finish(docs, [g for b in blocks(docs) for g in
                                                             cluster_block([docs[i] for i in b])]))
        online = sorted(sorted(k for k in before if before[k] == s) for s in set(before.values()))
        assert online != expected  # the case this is for: the store's own sorting differs here
        report = store.recluster()
        after = _layout(store)
        assert sorted(sorted(k for k in after if after[k] == s) for s in set(after.values())) == expected
        assert report.moved == sum(before[k] != after[k] for k in after) > 0
        assert report.touched and all(store.is_stale(store.resolve_story(s)[0]) for s in report.touched)
        for gone in set(before.values()) - set(after.values()):  # a folded story's id still leads somewhere
            assert store.resolve_story(gone)[1] in set(after.values())
        again = store.recluster()
        assert again.moved == 0 and not again.touched and _layout(store) == after
    assert check_store(tmp_path / "s.db").ok


@pytest.mark.slow
def test_another_process_sees_the_resort_before_it_adds(tmp_path, topic16):
    arts, feats = topic16
    path = tmp_path / "s.db"
    with StoryStore(path) as first, StoryStore(path) as second:
        for a, f in zip(arts[:-1], feats[:-1], strict=True):
            first.add(a, f)
        second.clusterer()  # built from the store as it was
        first.recluster()
        second.add(arts[-1], feats[-1])
        # Its in-memory stories are the database's, not the ones it built before the re-sort.
        assert second.clusterer().assignments() == _layout(second)


def test_a_failed_resort_leaves_the_store_as_it_was(tmp_path):
    import numpy as np

    from storylens.stories.features import DIM

    path = tmp_path / "s.db"
    with StoryStore(path) as store:
        rng = np.random.default_rng(0)
        for n in range(6):
            v = rng.normal(size=DIM).astype(np.float32)
            store.add(Article(id=f"a{n}", raw=f"text {n}", text=f"Article number {n}."),
                      DocFeatures(f"a{n}", v / np.linalg.norm(v), {f"name{n % 2}": 1}, {f"word{n % 2}": 2}))

        class FailingAtTheEnd:
            """The connection, failing as a full disk would on the last write of the re-sort."""

            def __init__(self, conn: sqlite3.Connection) -> None:
                self.conn = conn

            def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
                if sql.startswith("UPDATE meta"):
                    raise sqlite3.OperationalError("database or disk is full")
                return self.conn.execute(sql, *args)

            def __getattr__(self, name: str) -> object:
                return getattr(self.conn, name)

        real = store.conn
        store.conn = FailingAtTheEnd(real)  # type: ignore[assignment]
        # Make sure the re-sort has something to write: every article a story of its own first.
        real.execute("BEGIN IMMEDIATE")
        for n in range(6):
            real.execute("INSERT INTO stories (key, title, created_at) VALUES (?, NULL, '')", (f"tmp{n}",))
            real.execute("UPDATE stories SET key = 's' || id WHERE key = ?", (f"tmp{n}",))
            real.execute("UPDATE articles SET story_id = (SELECT MAX(id) FROM stories) WHERE key = ?", (f"a{n}",))
        real.execute("UPDATE stories SET merged_into = (SELECT MAX(id) FROM stories) "
                     "WHERE NOT EXISTS (SELECT 1 FROM articles WHERE story_id = stories.id)")
        real.execute("COMMIT")
        before = (_layout(store), real.execute("SELECT * FROM stories").fetchall())
        with pytest.raises(StoreError, match="disk is full"):
            store.recluster()
        store.conn = real
        assert (_layout(store), real.execute("SELECT * FROM stories").fetchall()) == before


@pytest.mark.slow
def test_recluster_command(tmp_path):
    db = tmp_path / "s.db"
    corpus = Path(__file__).resolve().parents[2] / "examples" / "kim-train-2023"
    assert storylens("ingest", str(corpus), "--db", str(db)).returncode == 0
    out = storylens("recluster", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "5 articles re-sorted: 0 moved" in out.stderr and "in 1 story" in out.stderr
    more = storylens("ingest", str(corpus), "--db", str(db), "--recluster", "--briefs")
    assert more.returncode == 0 and "0 added" in more.stderr and "re-sorted: 0 moved" in more.stderr
    bad = storylens("recluster", "--db", str(tmp_path / "missing" / "x.db"))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_a_store_from_before_the_counter_is_read_as_it_is_and_upgraded_when_written(tmp_path):
    from storylens.store.db import _statements
    from storylens.store.schema import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO stories (key, title, created_at) VALUES ('s1', 'Old story', '2026-01-01T00:00:00Z')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with StoryStore(path, readonly=True) as store:
        assert store.clusterer().stories == {} and store.counts()["stories"] == 1
    with StoryStore(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.recluster().articles == 0
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone() == (0,)


@pytest.mark.slow
def test_ingest_re_sorts_once_a_fifth_of_the_store_is_unsorted_counted_across_ingests(tmp_path):
    files = sorted((Path(__file__).resolve().parents[2] / "examples" / "kim-train-2023").glob("*.txt"))
    for name, part in (("a", files[:2]), ("b", files[2:3]), ("c", files[3:4]), ("d", files[4:])):
        (tmp_path / name).mkdir()
        for f in part:
            (tmp_path / name / f.name).write_bytes(f.read_bytes())
    db = str(tmp_path / "s.db")
    bulk = storylens("ingest", str(tmp_path / "a"), "--db", db)
    assert bulk.returncode == 0 and "2 added" in bulk.stderr and "re-sorted" in bulk.stderr
    one = storylens("ingest", str(tmp_path / "b"), "--db", db)  # one article since the re-sort: not yet
    assert one.returncode == 0 and "1 added" in one.stderr and "re-sorted" not in one.stderr
    asked_not = storylens("ingest", str(tmp_path / "c"), "--db", db, "--no-recluster")  # due, but turned off
    assert asked_not.returncode == 0 and "1 added" in asked_not.stderr and "re-sorted" not in asked_not.stderr
    trickle = storylens("ingest", str(tmp_path / "d"), "--db", db)  # the third single article since: 3 of 5
    assert trickle.returncode == 0 and "1 added" in trickle.stderr and "re-sorted" in trickle.stderr
    again = storylens("ingest", str(tmp_path / "d"), "--db", db)  # nothing added: nothing re-sorted
    assert again.returncode == 0 and "0 added" in again.stderr and "re-sorted" not in again.stderr


def test_a_store_is_due_for_a_re_sort_after_a_fifth_of_growth_however_it_arrived(tmp_path, topic16):
    arts, feats = topic16
    with StoryStore(tmp_path / "s.db") as store:
        def add(n: int) -> None:
            for a, f in list(zip(arts, feats, strict=True))[n:n + 1]:
                store.add(a, DocFeatures(f.id, f.vector, dict(f.entities), dict(f.terms), f.day, list(f.years)))
        add(0)
        assert store.unsorted() == 1 and not store.resort_due()  # a lone article is nothing to re-sort
        for n in range(1, 10):
            add(n)
        assert store.unsorted() == 10 and store.resort_due()  # never re-sorted: every article counts
        store.recluster()
        assert store.unsorted() == 0 and not store.resort_due()
        add(10)
        assert store.unsorted() == 1 and not store.resort_due()  # 1 of 11
        add(11)
        assert store.unsorted() == 2 and not store.resort_due()  # 2 of 12: under a fifth
        add(12)
        assert store.unsorted() == 3 and store.resort_due()  # 3 of 13, from three separate additions
        assert not store.resort_due(share=0.5)


@pytest.mark.slow
def test_ingest_on_a_terminal_says_why_it_pauses_for_a_re_sort(tmp_path):
    import os
    import pty
    import subprocess

    files = sorted((Path(__file__).resolve().parents[2] / "examples" / "kim-train-2023").glob("*.txt"))[:2]
    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "storylens", "ingest", *map(str, files), "--db", str(tmp_path / "s.db")],
                          stdout=subprocess.DEVNULL, stderr=slave, check=False, timeout=300)
    os.close(slave)
    said = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end is closed: all read
            break
        if not chunk:
            break
        said += chunk
    os.close(master)
    text = said.decode(errors="replace")
    assert proc.returncode == 0
    assert "re-sorting the store (2 articles since the last re-sort; --no-recluster skips this)" in text
    assert "re-sorted: " in text
