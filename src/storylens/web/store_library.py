"""The web UI over the story store (`storylens serve --db stories.db`).

The store decides which story an article belongs to (its online clusterer), so
"add to this story" is a wish: articles are ingested, and the page reports the
story they actually joined. Briefs come from the store's versioned briefs and
are recomputed only when a story is stale. One lock serialises every use of the
store's single SQLite connection, which the server's worker threads share.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from storylens.errors import InputError, StoreError
from storylens.models import Article, Brief
from storylens.report.html import iso_day
from storylens.web.changes import describe_changes
from storylens.web.library import Change, Input, StoryEntry, newest_first


class StoreLibrary:
    def __init__(self, store) -> None:  # type: ignore[no-untyped-def]
        self._store = store
        self._lock = threading.RLock()

    @classmethod
    def open(cls, db: Path, paths: Sequence[Path] = (),
             problem: Callable[[InputError], None] | None = None) -> StoreLibrary:
        """Open (or create) the database; folders given as well are ingested into it first.

        `problem` hears of each input skipped while ingesting them.
        """
        from storylens.store import StoryStore, ingest_paths

        library = cls(StoryStore(db))
        if paths:
            ingest_paths(library._store, list(paths), problem=problem)
        return library

    def stories(self) -> list[StoryEntry]:
        with self._lock:
            records = self._store.list_stories()
        return newest_first([
            StoryEntry(id=r["story_id"], title=r["title"], first_published=iso_day(r["first_seen"]),
                       last_published=iso_day(r["last_seen"]), n_sources=r["n_sources"],
                       n_independent=r["n_independent"], n_conflicts=r["n_conflicts"] or 0)
            for r in records
        ])

    can_resort = True

    def unsorted(self) -> tuple[int, int]:
        with self._lock:
            return self._store.unsorted(), self._store.counts()["articles"]

    def resort(self) -> str:
        """Re-sort the store with the batch clustering (`StoryStore.recluster`); one line on what moved."""
        with self._lock:
            r = self._store.recluster()
        if not r.moved:
            return f"Re-sorted {r.articles} articles: every story stays as it was."
        return (f"Re-sorted {r.articles} articles: {r.moved} moved, {len(r.touched)} stories changed "
                f"({r.new} new, {r.folded} folded into another).")

    def _resolve(self, story_id: str) -> str:
        try:
            return str(self._store.resolve_story(story_id)[1])
        except StoreError:
            raise KeyError(story_id) from None

    def brief(self, story_id: str) -> Brief:
        from storylens.store import current_brief

        with self._lock:
            return current_brief(self._store, self._resolve(story_id))[1]

    def add(self, story_id: str | None, inputs: Sequence[Input], title: str | None = None) -> Change:
        """Ingest the inputs; report on the story they joined (the wished-for one if it got any)."""
        from storylens.api import prepare
        from storylens.store import ingest_articles, ingest_paths

        with self._lock:
            wished = self._resolve(story_id) if story_id else None
            old = self.brief(wished) if wished else None
            paths = [i for i in inputs if not isinstance(i, Article)]
            articles = prepare([i for i in inputs if isinstance(i, Article)])
            touched: set[str] = set()
            if paths:
                touched |= ingest_paths(self._store, paths).touched
            if articles:
                touched |= ingest_articles(self._store, articles).touched
            if not touched:
                raise StoreError("nothing new: every article given is already in the store")
            target = wished if wished in touched else min(touched)
            lines = describe_changes(old if target == wished else None, self.brief(target))
            if wished and target != wished:
                lines.insert(0, f"The articles did not fit story {wished}; they went to story {target}.")
            return Change(target, wished is None, lines)
