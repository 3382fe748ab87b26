"""Re-sorting a whole store into stories with the batch job's clustering (`StoryStore.recluster`).

The store sorts each article as it arrives (the online clusterer); the batch job, which sees every
article at once, sorts them better (bench/results/stories.md). A re-sort runs the batch job over the
stored features and writes the result back as moves between stories, keeping the story ids users
have seen wherever a new story is mostly an old one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# A store is due for a re-sort once the articles stored since its last one (every article, if it never had
# one) reach this share of all it holds. Counted across ingests, so a trickle of small ingests is re-sorted
# as often as one large one: after each fifth of growth. A re-sort costs about 4-6 ms per stored article, an
# article's NLP about 90 ms, so spread over the articles that made it due a re-sort adds about a quarter to
# their cost at most, and a first bulk ingest pays a few percent. A cost bound, not a tuned figure.
RESORT_SHARE = 0.2


@dataclass
class Reclustered:
    """What a re-sort changed."""

    articles: int = 0
    moved: int = 0  # articles now in another story
    new: int = 0  # stories made for a group that was mostly no single old story's
    folded: int = 0  # old stories left without articles, folded into the story that took most of them
    # Live stories whose articles changed (new ones included): their briefs are stale.
    touched: set[str] = field(default_factory=set)


def keep_story_ids(groups: Sequence[Sequence[str]], current: Mapping[str, str]) -> list[str | None]:
    """For each new group of article ids, the id of the old story it continues, or None for a new story.

    The largest overlaps are settled first and an old id goes to one group only; of equal overlaps,
    the older story (lower number) keeps its id, as a merge does.
    """
    overlaps = []
    for n, group in enumerate(groups):
        for story, count in Counter(current[a] for a in group).items():
            overlaps.append((-count, _number(story), n, story))
    out: list[str | None] = [None] * len(groups)
    used: set[str] = set()
    for _, _, n, story in sorted(overlaps):
        if out[n] is None and story not in used:
            out[n] = story
            used.add(story)
    return out


def _number(story: str) -> int:
    return int(story[1:]) if story[1:].isdigit() else 0
