"""`StoryStore`: articles, their story assignment and brief versions in one SQLite file.

Each article is written in its own transaction together with its story
assignment (and any story merge it causes), under SQLite's write lock: a process
killed at any moment leaves either the whole article or nothing, and two
ingesting processes take turns article by article.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from unidecode import unidecode

from storylens.errors import StoreError
from storylens.models import Article
from storylens.store.db import connect, describe
from storylens.store.recluster import RESORT_SHARE, Reclustered, keep_story_ids
from storylens.stories.cluster import OnlineClusterer, Params
from storylens.stories.features import DocFeatures
from storylens.text import shorten

_NON_WORD = re.compile(r"[\W_]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# What a line that only dates a page holds besides digits: month and day names, ordinals, clock and zone words.
_STAMP_WORD = re.compile(r"(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|"
                         r"fri|sat|sun)(uary|ruary|ch|il|e|y|ust|tember|ober|ember|day|nesday|sday|urday)?$|"
                         r"^(st|nd|rd|th|am|pm|a|p|m|gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|ist|updated|posted|"
                         r"published|on|at)$")
_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$")


def content_hash(text: str) -> str:
    """Hash of the text with case, accents, punctuation and spacing folded away."""
    norm = _NON_WORD.sub(" ", unidecode(text).lower()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def normalise_url(url: str | None) -> str | None:
    """One spelling per page: lower-case host, no fragment, no tracking parameters, no trailing slash."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "http", host, path, query, ""))


def story_headline(title: str | None, text: str, limit: int = 120) -> str | None:
    """A new story's title: its first article's title, else that article's first line, neither a bare date or
    time stamp ("DECEMBER 16, 2008"); cut at a word ('…').

    `ingest` and `cluster --db` both name stories this way, so an untitled story lists the same either way.
    """
    if title and not _stamp_only(title):
        return title
    lines = [ln for ln in text.splitlines() if ln.strip()] or ([title] if title else [])
    return shorten(next((ln for ln in lines if not _stamp_only(ln)), lines[0] if lines else ""), limit) or None


def _stamp_only(line: str) -> bool:
    return all(_STAMP_WORD.match(w) for w in _LETTERS.findall(line))


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Added:
    """What happened to one article."""

    key: str | None
    story: str | None
    new_story: bool = False
    merged: str | None = None  # a story folded into `story` by this article
    # (kept, folded): two stories merged as a lone article came of age; neither need be `story`
    adopted: tuple[str, str] | None = None
    duplicate: bool = False


class StoryStore:
    """The story database. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path, readonly: bool = False, params: Params | None = None) -> None:
        self.path = Path(path)
        self.conn = connect(self.path, readonly=readonly)
        self.params = params
        self._clusterer: OnlineClusterer | None = None
        self._synced = 0  # highest article rowid already in the clusterer
        self._merges_seen = 0  # merged stories already replayed into the clusterer
        self._layout_seen = -1  # the store's re-sort counter when the clusterer was built

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- articles --------------------------------------------------------------------
    def is_known(self, article: Article) -> bool:
        """True when the same text or the same URL is already stored."""
        url = normalise_url(article.url)
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ? OR (? IS NOT NULL AND url = ?) LIMIT 1",
            (content_hash(article.text), url, url),
        ).fetchone()
        return row is not None

    def add(self, article: Article, features: DocFeatures) -> Added:
        """Store one article and assign it to a story, atomically. A known article changes nothing."""
        clusterer = self.clusterer()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {describe(exc)}") from exc
        try:
            clusterer = self.clusterer()  # under the write lock: what other processes stored since
            if self.is_known(article):
                self.conn.execute("ROLLBACK")
                return Added(key=None, story=None, duplicate=True)
            result = self._insert(article, features, clusterer)
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            # The in-memory clusterer may now disagree with the database: rebuild it next time.
            self._clusterer = None
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: {describe(exc)}") from exc
            raise
        return result

    def _insert(self, article: Article, features: DocFeatures, clusterer: OnlineClusterer) -> Added:
        sid, _ = clusterer.decide(features)
        new_story = sid is None
        if sid is None:
            sid = self._new_story(story_headline(article.title, article.text), features.id)
        key = self.free_key(article.id)
        features.id = key
        cur = self.conn.execute(
            "INSERT INTO articles (key, content_hash, url, title, author, outlet, published, language, path, "
            "duplicate_of, text, ingested_at, story_id, embedding, features) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM stories WHERE key = ?), ?, ?)",
            (key, content_hash(article.text), normalise_url(article.url), article.title, article.author,
             article.outlet, article.published, article.language, article.path, article.duplicate_of,
             article.text, now(), sid, features.vector_blob(), features.to_json()),
        )
        self.conn.execute("UPDATE stories SET stale = 1 WHERE key = ?", (sid,))
        clusterer.absorb(features, sid)
        self._synced = max(self._synced, int(cur.lastrowid or 0))
        merged = adopted = None
        target = clusterer.merge_target(sid)
        if target is not None:
            keep, merged = self._merge(clusterer, target, sid)
            sid = keep
        # A lone article coming of age with this article may join a story neither this article's nor
        # just grown: persisted as an ordinary merge, in the same transaction, so a replay (which
        # follows `merged_into`) reaches the same state.
        lone = clusterer.come_of_age()
        if lone is not None:
            adopted = self._merge(clusterer, *lone)
            sid = adopted[0] if sid == adopted[1] else sid
        return Added(key=key, story=sid, new_story=new_story, merged=merged, adopted=adopted)

    def _merge(self, clusterer: OnlineClusterer, a: str, b: str) -> tuple[str, str]:
        """Fold one of stories `a` and `b` into the other, in the database and the clusterer; (kept, gone)."""
        # Keep the older story's id: it is the one users have already seen.
        keep, gone = sorted((a, b), key=lambda k: int(k[1:]))
        self.conn.execute(
            "UPDATE articles SET story_id = (SELECT id FROM stories WHERE key = ?) "
            "WHERE story_id = (SELECT id FROM stories WHERE key = ?)", (keep, gone))
        self.conn.execute(
            "UPDATE stories SET merged_into = (SELECT id FROM stories WHERE key = ?), stale = 1 "
            "WHERE key = ?", (keep, gone))
        self.conn.execute("UPDATE stories SET stale = 1 WHERE key = ?", (keep,))
        clusterer.merge(keep, gone)
        self._merges_seen += 1
        return keep, gone

    def free_key(self, wanted: str) -> str:
        key, n = wanted, 1
        while self.conn.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone():
            n += 1
            key = f"{wanted}~{n}"
        return key

    # -- clustering state --------------------------------------------------------------
    def clusterer(self) -> OnlineClusterer:
        """The online clusterer with every stored article replayed into it: built once per process, brought
        up to date on each call, and built again after a re-sort (`recluster`) moved articles in place."""
        layout = self._layout()
        if self._clusterer is None or layout != self._layout_seen:
            self._clusterer = OnlineClusterer(self.params)
            self._synced = self._merges_seen = 0
            self._layout_seen = layout
        self._sync(self._clusterer)
        return self._clusterer

    def _layout(self) -> int:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
        except sqlite3.OperationalError:  # a database from before the counter, opened read-only
            return 0
        return int(row[0]) if row else 0

    def unsorted(self) -> int:
        """How many stored articles no re-sort has seen yet (all of them in a store never re-sorted)."""
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'sorted_upto'").fetchone()
        except sqlite3.OperationalError:  # a database from before the meta table, opened read-only
            row = None
        (n,) = self.conn.execute("SELECT COUNT(*) FROM articles WHERE id > ?", (row[0] if row else 0,)).fetchone()
        return int(n)

    def resort_due(self, share: float = RESORT_SHARE) -> bool:
        """Whether the articles stored since the last re-sort are at least `share` of the store (and two or more)."""
        return self.unsorted() >= max(2.0, share * self.counts()["articles"])

    def recluster(self) -> Reclustered:
        """Re-sort every stored article into stories with the batch job's clustering, in one transaction.

        The batch job sees all articles at once and sorts them better than the article-by-article
        clusterer `add` uses (bench/results/stories.md). A story keeps its id when a new group is mostly
        its articles (`recluster.keep_story_ids`); stories whose articles change are marked stale (their
        next brief is a new version), and an old story left without articles is folded into the story
        that took most of them, so its id still resolves. Nothing changes if the job finds the same stories.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {describe(exc)}") from exc
        try:
            report = self._resort()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: {describe(exc)}") from exc
            raise
        finally:
            self._clusterer = None
        return report

    def _resort(self) -> Reclustered:
        from storylens.scale.pipeline import blocks, cluster_block, finish

        rows = self.conn.execute("SELECT a.key, s.key, a.embedding, a.features FROM articles a "
                                 "JOIN stories s ON s.id = a.story_id ORDER BY a.id").fetchall()
        docs = [DocFeatures.from_parts(key, blob, data) for key, _, blob, data in rows]
        current = {key: story for key, story, _, _ in rows}
        seeds = [g for block in blocks(docs) for g in cluster_block([docs[i] for i in block], self.params)]
        groups = finish(docs, seeds, self.params) if docs else []
        report = Reclustered(articles=len(docs))
        target: dict[str, str] = {}
        for group, story in zip(groups, keep_story_ids(groups, current), strict=True):
            if story is None:
                story = self._new_story(self._group_headline(group), group[0])
                report.new += 1
            target.update(dict.fromkeys(group, story))
        changed: set[str] = set()
        for key, story in target.items():
            if current[key] != story:
                self.conn.execute("UPDATE articles SET story_id = (SELECT id FROM stories WHERE key = ?) "
                                  "WHERE key = ?", (story, key))
                changed |= {current[key], story}
                report.moved += 1
        went: dict[str, Counter[str]] = {}
        for key, old in current.items():
            went.setdefault(old, Counter())[target[key]] += 1
        live = set(target.values())
        for old in sorted(set(current.values()) - live, key=lambda k: int(k[1:])):
            heir = went[old].most_common(1)[0][0]
            self.conn.execute("UPDATE stories SET merged_into = (SELECT id FROM stories WHERE key = ?), stale = 1 "
                              "WHERE key = ?", (heir, old))
            report.folded += 1
        report.touched = changed & live
        for story in sorted(report.touched, key=lambda k: int(k[1:])):
            self.conn.execute("UPDATE stories SET stale = 1 WHERE key = ?", (story,))
        if report.moved:
            self.conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'layout'")
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sorted_upto', "
                          "(SELECT COALESCE(MAX(id), 0) FROM articles))")
        return report

    def _group_headline(self, group: Sequence[str]) -> str | None:
        """A new group's title: the title of its first article that has one, else its first article's headline."""
        rows = {k: (t, x) for k, t, x in self.conn.execute(
            f"SELECT key, title, text FROM articles WHERE key IN ({','.join('?' * len(group))})", list(group))}
        titled = next((rows[k][0] for k in group if rows[k][0] and not _stamp_only(rows[k][0])), None)
        return titled or story_headline(*rows[group[0]])

    def _new_story(self, title: str | None, first_article: str) -> str:
        """A new story row; its key, s<rowid> (made under a temporary key in the same transaction)."""
        cur = self.conn.execute("INSERT INTO stories (key, title, created_at) VALUES (?, ?, ?)",
                                (f"tmp-{first_article}", title, now()))
        key = f"s{cur.lastrowid}"
        self.conn.execute("UPDATE stories SET key = ? WHERE id = ?", (key, cur.lastrowid))
        return key

    def _sync(self, clusterer: OnlineClusterer) -> None:
        """Replay articles (and merges) that other processes stored since we last looked."""
        rows = self.conn.execute(
            "SELECT a.id, a.key, s.key, a.embedding, a.features FROM articles a "
            "JOIN stories s ON s.id = a.story_id WHERE a.id > ? ORDER BY a.id", (self._synced,))
        for rowid, key, story, blob, data in rows:
            clusterer.absorb(DocFeatures.from_parts(key, blob, data), story)
            self._synced = rowid
        (merged,) = self.conn.execute("SELECT COUNT(*) FROM stories WHERE merged_into IS NOT NULL").fetchone()
        if merged == self._merges_seen:
            return
        for gone, keep in self.conn.execute(
            "SELECT s.key, t.key FROM stories s JOIN stories t ON t.id = s.merged_into"
        ):
            if gone in clusterer.stories and keep in clusterer.stories:
                clusterer.merge(keep, gone)
        self._merges_seen = merged

    # -- stories -------------------------------------------------------------------------
    def resolve_story(self, story: str) -> tuple[int, str]:
        """(rowid, key) of a story id as users type it ("s12" or "12"), following merges."""
        key = story if story.startswith("s") else f"s{story}"
        row = self.conn.execute("SELECT id, key, merged_into FROM stories WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no story {story!r} (see `storylens stories`)")
        seen = set()
        while row[2] is not None and row[0] not in seen:
            seen.add(row[0])
            row = self.conn.execute("SELECT id, key, merged_into FROM stories WHERE id = ?", (row[2],)).fetchone()
        return row[0], row[1]

    def story_articles(self, story_rowid: int) -> list[Article]:
        rows = self.conn.execute(
            "SELECT key, text, title, author, outlet, published, url, language, path, duplicate_of "
            "FROM articles WHERE story_id = ? ORDER BY id", (story_rowid,))
        return [
            Article(id=k, raw=t, text=t, title=ti, author=au, outlet=o, published=p, url=u, language=la,
                    path=pa, duplicate_of=d)
            for k, t, ti, au, o, p, u, la, pa, d in rows
        ]

    def list_stories(self) -> list[dict[str, Any]]:
        """One record per live story, newest activity first.

        `first_seen`/`last_seen` are the earliest and latest publication days of its articles
        (YYYY-MM-DD, the day the article states; None when no article is dated: ingest time is no
        publication date). `first_ingested`/`last_ingested` are the UTC days they were stored.
        Stories sort by last publication day, or ingest day when undated.
        """
        out = []
        day = "CASE WHEN a.{0} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(a.{0}, 1, 10) END"
        published, ingested = day.format("published"), day.format("ingested_at")
        stories = self.conn.execute(
            f"SELECT s.id, s.key, s.title, s.stale, MIN({published}), MAX({published}) AS last_pub, MIN({ingested}), "
            f"MAX({ingested}) AS last_in, json_group_array(a.key), COUNT(a.id), "
            "COUNT(DISTINCT COALESCE(a.duplicate_of, a.key)) "
            "FROM stories s JOIN articles a ON a.story_id = s.id WHERE s.merged_into IS NULL "
            "GROUP BY s.id ORDER BY COALESCE(last_pub, last_in) DESC, s.id")
        for rowid, key, title, stale, first, last, first_in, last_in, keys, n, n_ind in stories.fetchall():
            latest = self.latest_brief(rowid)
            brief = json.loads(latest[1]) if latest else None
            out.append({
                "story_id": key,
                "title": title or "Untitled story",
                "first_seen": first,
                "last_seen": last,
                "first_ingested": first_in,
                "last_ingested": last_in,
                "articles": json.loads(keys),
                "n_sources": n,
                "n_independent": brief["story"].get("n_independent") if brief and not stale else n_ind,
                "n_conflicts": len(brief.get("conflicts") or []) if brief else None,
                "brief_version": latest[0] if latest else None,
                "stale": bool(stale),
            })
        return out

    # -- briefs ----------------------------------------------------------------------------
    def latest_brief(self, story_rowid: int) -> tuple[int, str] | None:
        return self.conn.execute(
            "SELECT version, brief FROM briefs WHERE story_id = ? ORDER BY version DESC LIMIT 1", (story_rowid,)
        ).fetchone()

    def brief_version(self, story_rowid: int, version: int) -> str | None:
        row = self.conn.execute(
            "SELECT brief FROM briefs WHERE story_id = ? AND version = ?", (story_rowid, version)).fetchone()
        return row[0] if row else None

    def is_stale(self, story_rowid: int) -> bool:
        row = self.conn.execute("SELECT stale FROM stories WHERE id = ?", (story_rowid,)).fetchone()
        return bool(row and row[0])

    def save_brief(self, story_rowid: int, brief_json: str, article_keys: list[str], title: str | None) -> int:
        """Store a new brief version (N+1) and mark the story fresh; returns N+1."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            (version,) = self.conn.execute(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM briefs WHERE story_id = ?", (story_rowid,)).fetchone()
            self.conn.execute(
                "INSERT INTO briefs (story_id, version, created_at, articles, brief) VALUES (?, ?, ?, ?, ?)",
                (story_rowid, version, now(), json.dumps(article_keys), brief_json))
            # Fresh only if no article arrived while the brief was being computed.
            (current,) = self.conn.execute(
                "SELECT json_group_array(key) FROM (SELECT key FROM articles WHERE story_id = ? ORDER BY id)",
                (story_rowid,)).fetchone()
            stale = int(sorted(json.loads(current)) != sorted(article_keys))
            self.conn.execute("UPDATE stories SET stale = ?, title = COALESCE(?, title) WHERE id = ?",
                              (stale, title, story_rowid))
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {describe(exc)}") from exc
        return int(version)

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(article key, story key) of articles matching an FTS5 query, best first."""
        try:
            return self.conn.execute(
                "SELECT a.key, s.key FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                "JOIN stories s ON s.id = a.story_id WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc

    def counts(self) -> dict[str, int]:
        (a,) = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()
        (s,) = self.conn.execute("SELECT COUNT(*) FROM stories WHERE merged_into IS NULL").fetchone()
        (b,) = self.conn.execute("SELECT COUNT(*) FROM briefs").fetchone()
        return {"articles": a, "stories": s, "briefs": b}
