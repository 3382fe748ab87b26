"""Which sentences of other sources state a shown sentence's details: who may be cited for it.

`support` finds, for each sentence, the sentences of other sources that say the same thing; many say only part of
it ("USGS indicates that the quake began only one mile below ground" beside "The Santa Rosa Press Democrat reported
the quake began only one mile below ground"). A summary shows one source's words, so a reader takes every source in
its brackets to state them: another source is cited only when its sentence gives the shown sentence's figures and
days, and names its people, places and organisations there or in the few sentences before it (where the "he" of
"Police pulled him over" was named). A claim is shown in one source's words too, and listed with the sources that
state them (`claims.align`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable

from storylens.models import Story
from storylens.text import ANTECEDENT_SENTENCES, dateline_end, without_dateline

# "one" is left out: it is a pronoun as often as a count ("one of the women").
_DETAIL = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|twice|double|triple|half|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|"
    r"september|october|november|december)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEM = 5  # "korean" / "korea", "russian" / "russia", "ukrainian" / "ukraine"


_DIGITS = {w: str(k) for k, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                            "nine", "ten", "eleven", "twelve"))} | {
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50"}


# The day a statement was made, not the day of what it tells: "... were arrested last night, officials announced
# Saturday" (QA round 29: a source saying "arrested last night" was left off the claim for lacking "Saturday").
_TOLD_ON = re.compile(r"\b(?:said|says|announced|told(?:\s+\w+){0,2}?|reported|confirmed|added|stated|wrote|"
                      r"tweeted)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                      re.IGNORECASE)


def details(text: str, told_days: bool = True) -> frozenset[str]:
    """Figures, days and months, lower-cased ("1,000" -> "1000"), a small number in digits ("eight" -> "8": "at least
    eight years" / "for 8 year" tell one deal). `told_days=False`: not the day a statement was made on ("officials
    said Saturday"), which a sentence need not share to state the same thing."""
    found = (m.group().lower().replace(",", "") for m in _DETAIL.finditer(text if told_days else _TOLD_ON.sub(" ", text)))
    return frozenset(_DIGITS.get(d, d) for d in found)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def citable(story: Story, names: bool = True) -> Callable[[int, int], bool]:
    """(shown sentence, supporting sentence of another source) -> whether the second states the first's details
    (with `names`, its people, places and organisations too)."""
    sents = story.sentences
    starts: dict[str, list[int]] = defaultdict(list)
    indices: dict[str, list[int]] = defaultdict(list)
    for s in sorted(sents, key=lambda s: (s.source, s.start)):
        starts[s.source].append(s.start)
        indices[s.source].append(s.index)
    named: dict[int, list[tuple[str, str, bool]]] = defaultdict(list)  # sentence -> (entity id, mention, NORP)
    for entity in (story.entities or []) if names else []:
        for m in entity.mentions:
            pos = bisect_right(starts.get(m.source, []), m.start) - 1
            if pos < 0:
                continue
            k = indices[m.source][pos]
            if m.start >= sents[k].start + dateline_end(sents[k].text):  # a dateline's place is no detail
                named[k].append((entity.id, m.text, entity.type == "NORP"))

    def window(j: int) -> list[int]:
        first = max(0, j - ANTECEDENT_SENTENCES)
        return [k for k in range(first, j + 1) if sents[k].source == sents[j].source]

    def ok(i: int, j: int) -> bool:
        shown = without_dateline(sents[i].text)
        if not details(shown, told_days=False) <= details(sents[j].text):
            return False
        if not names:
            return True
        near = window(j)
        ids = {eid for k in near for eid, _, _ in named.get(k, ())}
        words = set().union(*(_words(sents[k].text) for k in near))
        stems = {w[:_STEM] for w in words}
        # a name the supporter spells another way ("Sam's Club store in Bloomington") still counts when its words are
        # there, and a people's adjective when its country is ("North Korean" / "North Korea")
        return all(eid in ids or _words(text) <= words or norp and {w[:_STEM] for w in _words(text)} <= stems
                   for eid, text, norp in named.get(i, ()))

    return ok
