"""Story database: dedup, atomic assignment, versions, search, and every bad-database case (no NLP models)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import numpy as np
import pytest

from storylens.errors import StoreError
from storylens.models import Article
from storylens.store import StoryStore, content_hash, normalise_url
from storylens.store.repo import now, story_headline
from storylens.store.schema import SCHEMA_VERSION
from storylens.stories.features import DIM, DocFeatures


def vec(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def topic_doc(aid: str, topic: int, jitter: int, entities: dict[str, int]) -> DocFeatures:
    base = vec(topic)
    noise = vec(1000 + jitter) * 0.15
    v = base + noise
    return DocFeatures(id=aid, vector=(v / np.linalg.norm(v)).astype(np.float32), entities=entities,
                       terms={f"word{topic}": 3, f"other{topic}": 1}, day=None)


def art(aid: str, text: str, url: str | None = None, title: str | None = None) -> Article:
    return Article(id=aid, raw=text, text=text, url=url, title=title)


@pytest.fixture
def store(tmp_path):
    with StoryStore(tmp_path / "s.db") as s:
        yield s


def test_same_article_twice_changes_nothing(store):
    a = art("a", "The council approved the budget on Monday.", url="https://example.org/news/1?utm_source=x")
    first = store.add(a, topic_doc("a", 1, 1, {"council": 1}))
    again = store.add(art("a2", "the Council approved  the budget on monday!"), topic_doc("a2", 1, 2, {}))
    by_url = store.add(art("a3", "Totally different text.", url="https://www.EXAMPLE.org/news/1/#top"),
                       topic_doc("a3", 1, 3, {}))
    assert first.key == "a" and not first.duplicate
    assert again.duplicate and by_url.duplicate
    assert store.counts() == {"articles": 1, "stories": 1, "briefs": 0}


def test_url_and_hash_normalisation():
    assert normalise_url("HTTPS://www.Site.com/a/b/?utm_medium=x&id=3#frag") == "https://site.com/a/b?id=3"
    assert normalise_url("  ") is None
    assert content_hash("Hello,  World!") == content_hash("hello world")
    assert content_hash("hello world") != content_hash("hello there world")


def test_articles_of_one_topic_share_a_story_and_others_do_not(store):
    for i in range(4):
        store.add(art(f"x{i}", f"Flood story text number {i}."), topic_doc(f"x{i}", 1, i, {"river town": 1}))
    for i in range(3):
        store.add(art(f"y{i}", f"Election story text number {i}."), topic_doc(f"y{i}", 2, 10 + i, {"senate": 1}))
    stories = store.list_stories()
    groups = sorted(sorted(s["articles"]) for s in stories)
    assert groups == [["x0", "x1", "x2", "x3"], ["y0", "y1", "y2"]]
    assert {s["n_sources"] for s in stories} == {4, 3}
    assert all(s["stale"] and s["n_conflicts"] is None for s in stories)


def test_clusterer_state_is_rebuilt_from_the_database(tmp_path):
    path = tmp_path / "s.db"
    with StoryStore(path) as s:
        s.add(art("x0", "First flood report."), topic_doc("x0", 1, 0, {"river town": 1}))
    with StoryStore(path) as s:  # a new process: the story must be found again
        got = s.add(art("x1", "Second flood report."), topic_doc("x1", 1, 1, {"river town": 1}))
        assert got.story == "s1" and not got.new_story


def test_duplicate_keys_get_a_suffix(store):
    store.add(art("same", "One text about apples."), topic_doc("same", 1, 0, {}))
    got = store.add(art("same", "Another text about pears."), topic_doc("same", 1, 1, {}))
    assert got.key == "same~2"


def test_full_text_search(store):
    store.add(art("a", "The volcano erupted near the village.", title="Eruption"), topic_doc("a", 1, 0, {}))
    store.add(art("b", "Markets fell sharply on Tuesday.", title="Markets"), topic_doc("b", 2, 1, {}))
    assert [k for k, _ in store.search("volcano")] == ["a"]
    with pytest.raises(StoreError):
        store.search('"unbalanced')


def test_brief_versions_and_staleness(store):
    store.add(art("a", "Text one."), topic_doc("a", 1, 0, {}))
    rowid, key = store.resolve_story("1")
    assert key == "s1" and store.is_stale(rowid)
    v1 = store.save_brief(rowid, json.dumps({"v": 1}), ["a"], "Title one")
    assert v1 == 1 and not store.is_stale(rowid)
    store.add(art("b", "Text two."), topic_doc("b", 1, 1, {}))
    assert store.is_stale(rowid)
    v2 = store.save_brief(rowid, json.dumps({"v": 2}), ["a", "b"], None)
    assert v2 == 2 and json.loads(store.brief_version(rowid, 1)) == {"v": 1}
    # a brief computed from an outdated article list leaves the story stale
    store.save_brief(rowid, json.dumps({"v": 3}), ["a"], None)
    assert store.is_stale(rowid)
    with pytest.raises(StoreError, match="no story"):
        store.resolve_story("s99")


def test_schema_pragmas(store):
    conn = store.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_embeddings_are_float16(store):
    d = topic_doc("a", 1, 0, {})
    store.add(art("a", "Some text."), d)
    (blob,) = store.conn.execute("SELECT embedding FROM articles").fetchone()
    assert len(blob) == DIM * 2
    assert np.allclose(np.frombuffer(blob, np.float16), d.vector, atol=1e-3)


# -- bad databases: a clear StoreError and the file untouched ---------------------------------


def _bytes(path):
    return path.read_bytes()


def test_foreign_text_file(tmp_path):
    p = tmp_path / "notes.db"
    p.write_text("this is not a database\n")
    before = _bytes(p)
    with pytest.raises(StoreError, match="not a SQLite file"):
        StoryStore(p)
    assert _bytes(p) == before


def test_foreign_sqlite_file(tmp_path):
    p = tmp_path / "other.db"
    with sqlite3.connect(p) as c:
        c.execute("CREATE TABLE customers (id INTEGER)")
    before = _bytes(p)
    with pytest.raises(StoreError, match="not a storylens database"):
        StoryStore(p)
    assert _bytes(p) == before


def test_corrupt_database(tmp_path):
    p = tmp_path / "s.db"
    with StoryStore(p) as s:
        s.add(art("a", "Text."), topic_doc("a", 1, 0, {}))
    with StoryStore(p) as s:  # checkpoint the WAL into the main file
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(_bytes(p))
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    p.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="corrupt"):
        StoryStore(p)
    assert _bytes(p) == bytes(data)


def test_newer_schema_is_refused(tmp_path):
    p = tmp_path / "s.db"
    StoryStore(p).close()
    with sqlite3.connect(p) as c:
        c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = _bytes(p)
    with pytest.raises(StoreError, match="newer storylens"):
        StoryStore(p)
    assert _bytes(p) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_location(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StoreError, match="read-only"):
            StoryStore(folder / "s.db")
        assert not (folder / "s.db").exists()
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_only_location_simulated(tmp_path, monkeypatch):
    # The test may run as root, which ignores permissions: simulate what os.access reports.
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    with pytest.raises(StoreError, match="read-only"):
        StoryStore(tmp_path / "s.db")
    assert not (tmp_path / "s.db").exists()


def test_missing_folder_and_readonly_open(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        StoryStore(tmp_path / "nope" / "s.db")
    with pytest.raises(StoreError, match="no such story database"):
        StoryStore(tmp_path / "absent.db", readonly=True)


def test_disk_full_keeps_existing_data(tmp_path):
    p = tmp_path / "s.db"
    with StoryStore(p) as s:
        s.add(art("a", "Short text."), topic_doc("a", 1, 0, {}))
        # Simulate a full disk: the file may not grow past its current size.
        (pages,) = s.conn.execute("PRAGMA page_count").fetchone()
        s.conn.execute(f"PRAGMA max_page_count = {pages}")
        big = " ".join(f"word{i}" for i in range(20000))
        with pytest.raises(StoreError, match="disk is full"):
            s.add(art("b", big), topic_doc("b", 2, 1, {"x": 1}))
        assert s.counts()["articles"] == 1
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with StoryStore(p) as s:
        assert [r["articles"] for r in s.list_stories()] == [["a"]]


def _stub_pairs(monkeypatch, table: dict[tuple[str, str], float]) -> None:
    """Pair probability of (article key or story profile id, story id) from `table`, 0 if absent."""
    from storylens.stories.cluster import OnlineClusterer

    monkeypatch.setattr(OnlineClusterer, "pair_features",
                        lambda self, doc, story: np.array([table.get((doc.id, story.id), 0.0)]))
    monkeypatch.setattr(OnlineClusterer, "probabilities", lambda self, x: np.asarray(x)[:, 0])


def _coming_of_age(tmp_path, monkeypatch):
    """s1 = a1 + a2; L misses the join bar (s2); b1 (s3) arrives when L is 2 articles old, and L joins
    s1, which did not grow: a merge of two stories, neither the new article's."""
    from storylens.stories.cluster import Params

    _stub_pairs(monkeypatch, {("a2", "s1"): 0.9, ("L", "s1"): 0.3})
    params = Params(lone_age=2, lone_threshold=0.2, lone_ratio=1.5, merge_threshold=0.99)
    docs = [topic_doc(k, n, n, {}) for n, k in enumerate(("a1", "a2", "L", "b1"))]
    return tmp_path / "s.db", params, docs


def test_a_lone_article_coming_of_age_is_stored_as_a_merge_and_replayed(tmp_path, monkeypatch):
    path, params, docs = _coming_of_age(tmp_path, monkeypatch)
    with StoryStore(path, params=params) as s:
        got = [s.add(art(d.id, f"Text of {d.id}."), d) for d in docs]
        assert [(g.story, g.adopted) for g in got] == [("s1", None), ("s1", None), ("s2", None), ("s3", ("s1", "s2"))]
        live = s.clusterer().assignments()
        assert live == {"a1": "s1", "a2": "s1", "L": "s1", "b1": "s3"}
        assert sorted(sorted(x["articles"]) for x in s.list_stories()) == [["L", "a1", "a2"], ["b1"]]
    with StoryStore(path, params=params) as s:  # a new process replays the same state
        assert s.clusterer().assignments() == live
        assert {k: len(v.members) for k, v in s.clusterer().stories.items()} == {"s1": 3, "s3": 1}


def test_a_failure_inside_the_coming_of_age_merge_leaves_nothing_half_written(tmp_path, monkeypatch):
    from storylens.stories.cluster import OnlineClusterer

    path, params, docs = _coming_of_age(tmp_path, monkeypatch)
    with StoryStore(path, params=params) as s:
        for d in docs[:3]:
            s.add(art(d.id, f"Text of {d.id}."), d)
        real_merge = OnlineClusterer.merge

        def crash(self, keep, gone):  # after the merge's UPDATEs ran: as if killed right there
            raise KeyboardInterrupt

        monkeypatch.setattr(OnlineClusterer, "merge", crash)
        with pytest.raises(KeyboardInterrupt):
            s.add(art("b1", "Text of b1."), docs[3])
        assert s.counts()["articles"] == 3 and s.counts()["stories"] == 2
        assert s.conn.execute("SELECT COUNT(*) FROM stories WHERE merged_into IS NOT NULL").fetchone() == (0,)
        monkeypatch.setattr(OnlineClusterer, "merge", real_merge)
        assert s.add(art("b1", "Text of b1."), docs[3]).adopted == ("s1", "s2")  # the retry does all of it
        assert sorted(sorted(x["articles"]) for x in s.list_stories()) == [["L", "a1", "a2"], ["b1"]]


def test_first_and_last_seen_are_publication_days_in_one_format(store):
    # They mixed "2021-06-03T18:15:00-07:00" with "2023-09-12T08:23:19", and an undated story got today.
    dated = [("d1", "2021-06-03T18:15:00-07:00"), ("d2", "2021-06-05T08:23:19"), ("d3", None)]
    for i, (aid, when) in enumerate(dated):
        a = art(aid, f"Flood story text number {i}.", title="Flood")
        a.published = when
        store.add(a, topic_doc(aid, 1, i, {"river town": 1}))
    store.add(art("u1", "Election story text."), topic_doc("u1", 2, 10, {"senate": 1}))
    by_articles = {tuple(sorted(r["articles"])): r for r in store.list_stories()}
    flood, undated = by_articles[("d1", "d2", "d3")], by_articles[("u1",)]
    assert (flood["first_seen"], flood["last_seen"]) == ("2021-06-03", "2021-06-05")
    assert undated["first_seen"] is None and undated["last_seen"] is None
    today = now()[:10]
    assert undated["first_ingested"] == undated["last_ingested"] == today


def test_untitled_story_is_named_by_its_first_line_whichever_path_stored_it(tmp_path):
    from storylens.scale.output import load_into_store
    from storylens.scale.pipeline import Result

    text = "Floods closed " + "the river road and " * 12 + "the bridge.\n\nMore text."
    expected = story_headline(None, text)
    assert expected is not None and expected.endswith("…") and len(expected) <= 120
    assert text.startswith(expected[:-1].rstrip()) and text[len(expected) - 1] == " "  # cut at a word
    with StoryStore(tmp_path / "a.db") as s:
        s.add(art("a", text), topic_doc("a", 1, 1, {}))
        assert [r["title"] for r in s.list_stories()] == [expected]
    doc = topic_doc("a", 1, 1, {})
    row = {"id": "a", "title": None, "text": text, "published": None, "url": None, "outlet": None, "shard": "x",
           "vector": doc.vector.tolist(), "features": doc.to_json()}
    # `cluster --db` listed the same story as "Untitled story".
    load_into_store(Result([row], [["a"]]), tmp_path / "b.db")
    with StoryStore(tmp_path / "b.db") as s:
        assert [r["title"] for r in s.list_stories()] == [expected]


def test_an_untitled_story_is_not_named_after_its_date_line():
    text = "DECEMBER 16, 2008\n\nThe Red Sox made an eight-year offer to Mark Teixeira, the team said."
    assert story_headline(None, text) == "The Red Sox made an eight-year offer to Mark Teixeira, the team said."
    assert story_headline(None, "Updated: Monday, Nov. 11, 2011 18:50 IST\nSunday Times report") == "Sunday Times report"
    assert story_headline(None, "May 5") == "May 5"  # nothing better to say
    assert story_headline("Given title", text) == "Given title"
    assert story_headline("DECEMBER 16, 2008", text).startswith("The Red Sox made")  # a title that is a date
