"""Versioned briefs: recompute a story's brief lazily, store it as version N+1, diff versions."""

from __future__ import annotations

from collections.abc import Callable

from storylens.errors import StoreError
from storylens.models import Brief
from storylens.store.repo import StoryStore

Progress = Callable[[str], None]


def current_brief(store: StoryStore, story: str, progress: Progress | None = None) -> tuple[int, Brief]:
    """The story's up-to-date brief and its version, recomputing it only when the story is stale."""
    rowid, _ = store.resolve_story(story)
    latest = store.latest_brief(rowid)
    if latest is not None and not store.is_stale(rowid):
        return latest[0], Brief.from_json(latest[1], f"{store.path} (story {story}, brief v{latest[0]})")
    return recompute(store, rowid, progress)


def recompute(store: StoryStore, rowid: int, progress: Progress | None = None) -> tuple[int, Brief]:
    """Analyse the story's articles, store the brief as a new version; returns (version, brief)."""
    from storylens.api import analyse, to_brief

    articles = store.story_articles(rowid)
    if not articles:
        raise StoreError(f"{store.path}: story has no articles")
    brief = to_brief(analyse(articles, progress))
    version = store.save_brief(rowid, brief.to_json(indent=None), [a.id for a in articles], brief.story.title)
    return version, brief


def refresh_stale(store: StoryStore, stories: set[str] | None = None) -> int:
    """Recompute the briefs of stale stories (all, or only those given); returns how many."""
    done = 0
    for rec in store.list_stories():
        if rec["stale"] and (stories is None or rec["story_id"] in stories):
            rowid, _ = store.resolve_story(rec["story_id"])
            recompute(store, rowid)
            done += 1
    return done


def brief_at(store: StoryStore, story: str, version: int) -> Brief:
    rowid, key = store.resolve_story(story)
    data = store.brief_version(rowid, version)
    if data is None:
        latest = store.latest_brief(rowid)
        have = f"versions 1..{latest[0]}" if latest else "no versions yet"
        raise StoreError(f"story {key} has no brief version {version} ({have})")
    return Brief.from_json(data, f"{store.path} (story {key}, brief v{version})")
