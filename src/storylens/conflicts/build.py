"""Merged findings -> published `Conflict`s: sides, verbatim quotes, topic, note and confidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from storylens.conflicts.compare import SAME_THING, agree, soft_disagreement
from storylens.conflicts.detect import Finding, WordSimilarity
from storylens.conflicts.values import Value
from storylens.models import Conflict, ConflictValue, Quote, Story

# Per extra independent source on a side beyond the first two, confidence grows a little.
SOURCE_BONUS = 0.03
SAME_READING = 0.05  # figures of one side this close (relative) read as one figure


def _quote(story: Story, sentence: int, v: Value) -> Quote:
    """The whole sentence as the quote: the value in its context, verbatim."""
    s = story.sentences[sentence]
    return Quote(source=s.source, start=s.start, end=s.end, quote=story.article(s.source).text[s.start:s.end])


def _counts_the_dispute(v: Value, best: Finding, word_sim: WordSimilarity) -> bool:
    """A count chained into a group must count the thing the strongest finding disputes.

    Findings chain through shared sentences; in a line of statistics 'missed four games' and 'four TDs'
    both say four, and would land on one side of a dispute about games.
    """
    things = [x.anchor for x in (best.a[1], best.b[1]) if x.anchor]
    if v.kind != "count" or not v.anchor or not things:
        return True
    return any(word_sim(v.anchor, t) >= SAME_THING for t in things)


def _sides(occurrences: list[tuple[int, Value]]) -> list[list[tuple[int, Value]]]:
    """Group value occurrences into sides whose members all agree with each other."""
    sides: list[list[tuple[int, Value]]] = []
    for occ in occurrences:
        for side in sides:
            if all(agree(occ[1], o[1]) and not soft_disagreement(occ[1], o[1]) for o in side):
                side.append(occ)
                break
        else:
            sides.append([occ])
    return sides


STAR_SHARE = 0.6  # of the strongest finding's confidence, for a third side to join its dispute


def _star(sides: list[list[tuple[int, Value]]], group: list[Finding],
          source_of: Callable[[int], str]) -> list[list[tuple[int, Value]]]:
    """Keep the two sides of the strongest finding and the sides that dispute one of them directly.

    Findings chain (A disputes B, B disputes C, ...); a reader wants one dispute per conflict.
    """
    def side_of(occ: tuple[int, Value]) -> int:
        """The side holding this occurrence; -1 for one left out (a count of another thing)."""
        return next((k for k, side in enumerate(sides) if any(o[0] == occ[0] and o[1].start == occ[1].start
                                                               for o in side)), -1)

    def sources(k: int) -> set[str]:
        return {source_of(o[0]) for o in sides[k]}

    best = max(group, key=lambda f: f.confidence)
    core = {side_of(best.a), side_of(best.b)}
    keep = set(core)
    for f in sorted(group, key=lambda f: -f.confidence):
        sa, sb = side_of(f.a), side_of(f.b)
        # a side joins only by a dispute nearly as clear as the strongest ('$800 million in unclaimed lottery
        # prizes' last year, 0.44, joined a dispute over the record jackpot, 0.81)
        if -1 in (sa, sb) or not (sa in core or sb in core) or f.confidence < STAR_SHARE * best.confidence:
            continue
        # and only with a source of its own: a source already on a side that gives another figure states
        # another fact ('the payout would be $341.2 million' against another paper's '$316 million' is the
        # dispute; the same page's '$636 million jackpot' and 'at least $950 million for Friday's drawing' are
        # other figures, not further sides of it: QA round 22)
        held = set().union(*(sources(k) for k in keep))
        keep |= {k for k in (sa, sb) if k in keep or sources(k) - held}
    order = sorted(core) + sorted(keep - core)  # the strongest dispute first, at most 4 sides
    return [sides[k] for k in order[:4]]


def _prune(sides: list[list[tuple[int, Value]]], group: list[Finding]) -> list[list[tuple[int, Value]]]:
    """Each side without the other figures that no finding sets against another side kept: chained in through a side
    left out, they state another fact ('about 68 percent survived five years', disputed only by a '95 percent' of
    local tumours, stood under a dispute of surgery rates, '63 percent' / '44 percent': QA round 34)."""
    where = {(s, v.start): k for k, side in enumerate(sides) for s, v in side}
    disputing: set[tuple[int, int]] = set()  # (sentence, start) of the occurrences a finding sets against another side
    for f in group:
        ends = (f.a[0], f.a[1].start), (f.b[0], f.b[1].start)
        if None not in (ka := where.get(ends[0]), kb := where.get(ends[1])) and ka != kb:
            disputing.update(ends)
    pruned = []
    for side in sides:
        base = next((o for o in side if (o[0], o[1].start) in disputing), side[0])
        pruned.append([base] + [o for o in side if o is not base and (
            _same_reading(o[1], base[1]) or (o[0], o[1].start) in disputing)])
    return pruned


def _reading(side: list[tuple[int, Value]]) -> str:
    """What the side states, normalised. A side holds values that can all be true at once, which is not always
    one figure ('nearly 300' crewmen and '246' passengers): each figure that differs from the first by more than
    `SAME_READING` is listed too, so no quote stands under a figure it does not give ('about 60 km/h', '60 km/h'
    and '37 mph' are one reading). Days and places of one side name one day or place ('Monday' read a week
    apart, 'U.S.' / 'United States'): the first reading stands for them."""
    first = side[0][1]
    shown = [first]
    for _, v in side[1:]:
        if all(not _same_reading(v, w) for w in shown):
            shown.append(v)
    return "; ".join(v.normalized for v in shown)


def _same_reading(a: Value, b: Value) -> bool:
    if a.number is None or b.number is None:
        return True
    x, y = a.number.base, b.number.base
    return abs(x - y) <= SAME_READING * max(abs(x), abs(y))


def _topic(kind: str, values: list[Value]) -> str:
    if kind in ("count", "quantity"):
        topics = Counter(v.topic for v in values if v.topic)
        return topics.most_common(1)[0][0] if topics else "figure"
    verbs = [v for v, _ in Counter(v.anchor for v in values if v.anchor).most_common(3)]
    what = " / ".join(verbs) if verbs else "it happens"
    if kind == "place":
        return f"where: {what}"
    return f"when: {what}"


def _join_same_day(story: Story, sides: list[list[tuple[int, Value]]], values: list[ConflictValue]) -> None:
    """Add to each side of a dispute over a day the sources that state the same statement (a member of the quoted
    sentence's claim) on that day in other words: "HP today announced ..." in a paper of Monday sides with
    "announced on Monday" (QA round 13: a conflict showed 3 sources for Monday where about 10 said so by "today",
    "yesterday" or "Nov. 12"). A source already on a side stays where it is."""
    from storylens.timeline.dates import find_dates

    claim_of = {k: cid for cid, members in story.claim_sentences.items() for k in members}
    taken = {x for v in values for x in v.sources}
    for side, shown in zip(sides, values, strict=True):
        days = {v.date_mention.resolved for _, v in side if v.date_mention and v.date_mention.resolved}
        if len(days) != 1:
            continue
        day = days.pop()
        claims = {claim_of[s] for s, _ in side if s in claim_of}
        for k in sorted({k for cid in claims for k in story.claim_sentences[cid]}):
            sent = story.sentences[k]
            if sent.source in taken:
                continue
            base, guess = story.reading_date(sent.source)
            if base is None or guess:
                continue
            if any(m.day == day and m.precision == "day" and not m.approximate for m in find_dates(sent.text, base)):
                shown.sources.append(sent.source)
                shown.sources.sort()
                shown.quotes.append(Quote(source=sent.source, start=sent.start, end=sent.end,
                                          quote=story.article(sent.source).text[sent.start:sent.end]))
                taken.add(sent.source)


def build_conflict(story: Story, group: list[Finding], number: int) -> Conflict | None:
    """One published conflict from a group of pairwise findings, or None if one side is left."""
    seen: dict[tuple[int, int], tuple[int, Value]] = {}
    for f in sorted(group, key=lambda f: -f.confidence):
        for s, v in (f.a, f.b):
            seen.setdefault((s, v.start), (s, v))
    strongest = max(group, key=lambda f: f.confidence)
    word_sim = WordSimilarity()
    occurrences = sorted((o for o in seen.values() if _counts_the_dispute(o[1], strongest, word_sim)),
                         key=lambda o: (story.sentences[o[0]].source, o[0]))
    sides = _prune(_star(_sides(occurrences), group, lambda s: story.sentences[s].source), group)
    if len(sides) < 2:
        return None
    sides.sort(key=lambda side: -story.independent_count({story.sentences[s].source for s, _ in side}))
    values: list[ConflictValue] = []
    for side in sides:
        sources = sorted({story.sentences[s].source for s, _ in side})
        # a page that prints a paragraph twice (a lead above and in the body) gives it once
        quotes: dict[tuple[str, str], Quote] = {}
        for s, v in side:
            q = _quote(story, s, v)
            quotes.setdefault((q.source, q.quote), q)
        values.append(ConflictValue(value=side[0][1].surface, normalized=_reading(side), sources=sources,
                                    quotes=list(quotes.values())))
    kind = group[0].a[1].kind
    stated = {story.sentences[s].source for side in sides for s, _ in side}  # the confidence reads these
    if kind in ("date", "weekday"):
        _join_same_day(story, sides, values)
        values.sort(key=lambda v: -story.independent_count(v.sources))
    # what the reader sees: the findings between the sides kept (the group may chain in others)
    kept = {(s, v.start): v for side in sides for s, v in side}
    shown = [f for f in group if (f.a[0], f.a[1].start) in kept and (f.b[0], f.b[1].start) in kept] or group
    best = max(f.confidence for f in shown)
    extra = sum(max(0, story.independent_count([x for x in v.sources if x in stated]) - 1) for v in values)
    confidence = min(0.99, best + SOURCE_BONUS * extra)
    soft = all(f.soft for f in shown)
    note = ""
    if soft:
        note = ("The figures are compatible in logic (a bound such as 'at least' does not rule out the other "
                "figure), but the sources give very different numbers.")
    elif any(v.number.is_bound for v in kept.values() if v.number):
        note = "At least one side states a bound ('at least', 'up to'); the values still cannot all be true."
    return Conflict(id=f"x{number}", topic=_topic(kind, list(kept.values())),
                    kind=kind if kind in ("quantity", "count", "date", "weekday", "place") else "other",
                    values=values, note=note, confidence=round(confidence, 3))
