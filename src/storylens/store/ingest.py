"""`ingest`: read inputs, clean them, compute clustering features in batches, store article by article."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storylens.errors import InputError
from storylens.models import Article
from storylens.store.repo import StoryStore, content_hash

log = logging.getLogger(__name__)

BATCH = 32


@dataclass
class IngestReport:
    seen: int = 0
    added: int = 0
    duplicates: int = 0
    empty: int = 0
    new_stories: int = 0
    merges: int = 0
    problems: int = 0
    # Stories that got one of these articles (a story that took in an old lone article is marked
    # stale in the store, not listed here: callers read this as where the new articles went).
    touched: set[str] = field(default_factory=set)


def ingest_paths(store: StoryStore, inputs: Sequence[str | Path],
                 progress: Callable[[IngestReport], None] | None = None,
                 problem: Callable[[InputError], None] | None = None,
                 allow_private: bool = False) -> IngestReport:
    """Stream files, folders or URLs (any format ingest reads) into the store.

    Inputs are read and cleaned one article at a time, so a large archive is never
    held in memory. An input that cannot be read is reported through `problem` and
    skipped; if nothing at all could be read, the first problem is raised. URLs on
    loopback and private networks are refused unless `allow_private`.
    """
    from storylens.ingest.extract import clean, iter_inputs

    problems: list[InputError] = []

    def articles() -> Iterator[Article]:
        for item in iter_inputs(list(inputs), allow_private):
            got = clean(item) if isinstance(item, Article) else item
            if isinstance(got, InputError):
                problems.append(got)
                if problem:
                    problem(got)
                continue
            yield got

    report = ingest_articles(store, articles(), progress)
    if problems and report.seen == 0:
        raise problems[0]
    report.problems = len(problems)
    return report


def ingest_articles(store: StoryStore, articles: Iterable[Article],
                    progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Ingest clean articles. Known ones (same normalised text or URL) are skipped before any NLP."""
    report = IngestReport()
    batch: list[Article] = []
    hashes: set[str] = set()
    for art in articles:
        report.seen += 1
        if not art.text.strip():
            report.empty += 1
            continue
        h = content_hash(art.text)
        if h in hashes or store.is_known(art):
            report.duplicates += 1
            continue
        hashes.add(h)
        batch.append(art)
        if len(batch) >= BATCH:
            _flush(store, batch, report, progress)
            batch = []
    if batch:
        _flush(store, batch, report, progress)
    return report


def _flush(store: StoryStore, batch: list[Article], report: IngestReport,
           progress: Callable[[IngestReport], None] | None) -> None:
    from storylens.clean.language import mark_languages
    from storylens.stories.features import extract_features

    mark_languages([a for a in batch if not a.language])
    for art, feats in zip(batch, extract_features(batch), strict=True):
        result = store.add(art, feats)
        if result.duplicate:  # stored meanwhile by another process
            report.duplicates += 1
            continue
        report.added += 1
        report.new_stories += int(result.new_story)
        report.merges += int(result.merged is not None) + int(result.adopted is not None)
        if result.story:
            report.touched.add(result.story)
    if progress:
        progress(report)
