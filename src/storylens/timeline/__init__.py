"""Timeline stage: dated events with absolute dates. (interim)"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from storylens.models import Article, Story, TimelineEvent


def consensus_date(articles: Sequence[Article]) -> date | None:
    days = Counter(d for a in articles if (d := a.published_date))
    return days.most_common(1)[0][0] if days else None


def build_timeline(story: Story) -> list[TimelineEvent]:
    return []


__all__ = ["build_timeline", "consensus_date"]
