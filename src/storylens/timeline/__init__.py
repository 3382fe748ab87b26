"""Timeline stage: the story's dated events with absolute dates, merged across sources.

`consensus_date` picks the story's day (the most common publication day among the
articles); `build_timeline` turns dated sentences into events (see `events` and `dates`).
Relative dates are resolved against each article's own publication day, or the story's
consensus day when an article has none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from storylens.conflicts import disputed_by
from storylens.models import Article, Story, TimelineEvent
from storylens.timeline.events import build_events


def consensus_date(articles: Sequence[Article]) -> date | None:
    """The most common publication day (the latest one on a tie: a story is dated by its newest reports)."""
    days = Counter(d for a in articles if (d := a.published_date))
    if not days:
        return None
    top = max(days.values())
    return max(d for d, n in days.items() if n == top)


def build_timeline(story: Story) -> list[TimelineEvent]:
    """Dated events of the story, ordered by date; an event whose quotes state one side of a conflict lists it in
    `disputed` (its date or a figure it gives is disputed: the timeline must not settle it)."""
    events = build_events(story)
    for event in events:
        event.disputed = disputed_by(story, event.quotes)
    return events


__all__ = ["build_timeline", "consensus_date"]
