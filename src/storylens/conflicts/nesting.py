"""Places the story itself shows to lie in other places: "Brooklyn's Brownsville section", "the Brownsville
section of Brooklyn", "in Brownsville, Brooklyn". The gazetteer knows cities in states and countries, not a
city's neighbourhoods; the coverage usually says where they are, and a source naming the neighbourhood does
not dispute one naming the city."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from storylens.conflicts.values import PLACE_LABELS, place_key
from storylens.models import Mention, Story

_POSSESSED = re.compile(r"^['’]s $")  # "Brooklyn's Brownsville"
_PART_OF = re.compile(r"^ (?:section|neighbou?rhood|district|area|borough|suburb|quarter|part|village|township)s? "
                      r"(?:of|in) (?:the )?$", re.IGNORECASE)  # "the Brownsville section of Brooklyn"
_COMMA = ", "  # "in Brownsville, Brooklyn and ..."
_LIST_GAP = re.compile(r"^(?:,\s*(?:and|or)?|\s+(?:and|or))\s*$")


def story_nesting(story: Story) -> dict[str, frozenset[str]]:
    """Place key -> keys of the places some article of the story puts it in."""
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for m in story.mentions:
        if m.label in PLACE_LABELS:
            by_source[m.source].append(m)
    outer: dict[str, set[str]] = defaultdict(set)
    for source, mentions in by_source.items():
        text = story.article(source).text
        mentions.sort(key=lambda m: m.start)
        for k, (a, b) in enumerate(pairwise(mentions)):
            between = text[a.end:b.start]
            inner_outer = None
            if _POSSESSED.match(between) or (a.text.endswith(("'s", "’s")) and between == " "):
                inner_outer = (b, a)
            elif _PART_OF.match(between) or between == _COMMA and not _in_list(text, mentions, k):
                inner_outer = (a, b)
            if inner_outer:
                inner, out = (place_key(m.text) for m in inner_outer)
                if inner and out and inner != out:
                    outer[inner].add(out)
    return {k: frozenset(v) for k, v in outer.items()}


def _in_list(text: str, mentions: list[Mention], k: int) -> bool:
    """Mentions k and k + 1 joined by a comma are members of a list ("Paris, London and Rome"): the one before
    or the one after continues it."""
    before = k > 0 and _LIST_GAP.match(text[mentions[k - 1].end:mentions[k].start])
    after = k + 2 < len(mentions) and _LIST_GAP.match(text[mentions[k + 1].end:mentions[k + 2].start])
    return bool(before or after)
