"""The stories the web UI shows, and how adding articles recomputes one.

`FolderLibrary` serves `storylens serve PATH...`: each folder (or file) given is
one story whose brief is computed once, on first use, and kept in memory.
Adding articles appends them to the story's inputs and recomputes its brief.
A store-backed library (`--db`) implements the same small protocol.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from storylens.errors import StorylensError
from storylens.models import Article, Brief
from storylens.report.html import iso_day

Input = str | Path | Article
BuildBrief = Callable[[Sequence[Input]], Brief]


class StoryEntry(BaseModel):
    """One row of the stories page and of `/api/stories`."""

    id: str
    title: str
    date: str | None = None
    first_published: str | None = None
    last_published: str | None = None
    n_sources: int = 0
    n_independent: int | None = None
    n_conflicts: int = 0
    n_claims: int = 0
    error: str | None = None  # why the brief could not be built, if it could not


@dataclass
class Change:
    """What adding articles did to a story: the page shows `lines`."""

    story_id: str
    created: bool
    lines: list[str]


class Library(Protocol):
    def stories(self) -> list[StoryEntry]: ...

    def brief(self, story_id: str) -> Brief: ...

    def add(self, story_id: str | None, inputs: Sequence[Input], title: str | None = None) -> Change: ...

    # Whether `resort` regroups the stories (a story database does; folders are stories the user chose).
    can_resort: bool

    def resort(self) -> str: ...

    def unsorted(self) -> tuple[int, int]: ...  # (articles since the last re-sort, all articles)


def entry_of(story_id: str, brief: Brief) -> StoryEntry:
    days = sorted(d for d in (iso_day(s.published) for s in brief.sources) if d)
    return StoryEntry(
        id=story_id, title=brief.story.title, date=brief.story.date,
        first_published=days[0] if days else None, last_published=days[-1] if days else None,
        n_sources=brief.story.n_sources, n_independent=brief.story.n_independent,
        n_conflicts=len(brief.conflicts), n_claims=len(brief.claims),
    )


def newest_first(entries: list[StoryEntry]) -> list[StoryEntry]:
    # Stories without any date sink to the bottom instead of sorting as the oldest.
    return sorted(entries, key=lambda e: (e.date or e.last_published or "", e.title.lower()), reverse=True)


def matches(entry: StoryEntry, brief: Brief | None, query: str) -> bool:
    """Case-insensitive search over the title, outlets, source titles and entity names."""
    words = query.lower().split()
    if not words:
        return True
    hay = [entry.title]
    if brief is not None:
        hay += [s.outlet or "" for s in brief.sources] + [s.title or "" for s in brief.sources]
        hay += [e.name for e in brief.entities] + [a for e in brief.entities for a in e.aliases]
    text = " ".join(hay).lower()
    return all(w in text for w in words)


def search(library: Library, query: str) -> list[StoryEntry]:
    """The library's stories (newest first) that match every word of `query`."""
    entries = library.stories()
    if not query.strip():
        return entries
    return [e for e in entries if matches(e, None if e.error else library.brief(e.id), query)]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "story"


@dataclass
class _Story:
    id: str
    inputs: list[Input]
    brief: Brief | None = None
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class FolderLibrary:
    """Stories given as folders or files, briefs computed once and cached in memory."""

    can_resort = False

    def unsorted(self) -> tuple[int, int]:
        return 0, 0

    def __init__(self, paths: Sequence[str | Path] = (), build: BuildBrief | None = None) -> None:
        if build is None:
            import storylens

            build = storylens.brief
        self._build = build
        self._stories: dict[str, _Story] = {}
        self._lock = threading.Lock()
        for p in paths:
            self._new(Path(p).resolve().name, [Path(p)])

    def _new(self, name: str, inputs: list[Input]) -> _Story:
        with self._lock:
            base = slug(name)
            story_id, n = base, 1
            while story_id in self._stories:
                n += 1
                story_id = f"{base}-{n}"
            story = _Story(story_id, inputs)
            self._stories[story_id] = story
            return story

    def _computed(self, story: _Story) -> _Story:
        with story.lock:
            if story.brief is None and story.error is None:
                try:
                    story.brief = self._build(story.inputs)
                except StorylensError as exc:
                    story.error = str(exc)
        return story

    def warm(self, progress: Callable[[str], None] | None = None) -> None:
        """Compute every brief now (the CLI does this before it starts listening)."""
        for story in list(self._stories.values()):
            if progress:
                progress(story.id)
            self._computed(story)

    def stories(self) -> list[StoryEntry]:
        out = []
        for story in list(self._stories.values()):
            self._computed(story)
            if story.brief is not None:
                out.append(entry_of(story.id, story.brief))
            else:
                out.append(StoryEntry(id=story.id, title=story.id, error=story.error))
        return newest_first(out)

    def brief(self, story_id: str) -> Brief:
        story = self._stories.get(story_id)
        if story is None:
            raise KeyError(story_id)
        self._computed(story)
        if story.brief is None:
            raise StorylensError(story.error or "no brief")
        return story.brief

    def resort(self) -> str:
        raise StorylensError("re-sorting needs a story database (storylens serve --db)")

    def add(self, story_id: str | None, inputs: Sequence[Input], title: str | None = None) -> Change:
        """Add articles to a story (a new one when `story_id` is None) and recompute its brief.

        If the new inputs make the brief fail, the story is left as it was and the error raised.
        """
        if story_id is None:
            story = self._new(title or "new story", [])
            created = True
        else:
            if story_id not in self._stories:
                raise KeyError(story_id)
            story = self._computed(self._stories[story_id])
            created = False
        with story.lock:
            old = story.brief
            try:
                new = self._build([*story.inputs, *inputs])
            except StorylensError:
                if created:
                    with self._lock:
                        del self._stories[story.id]
                raise
            story.inputs.extend(inputs)
            story.brief, story.error = new, None
        from storylens.web.changes import describe_changes

        return Change(story.id, created, describe_changes(old, new))
