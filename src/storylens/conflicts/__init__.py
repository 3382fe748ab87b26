"""Conflicts stage: typed values (quantities, counts, dates, weekdays, places) that disagree across sources."""

from __future__ import annotations

import re

from storylens.conflicts.build import build_conflict
from storylens.conflicts.detect import MAX_CONFLICTS, MIN_CONFIDENCE, Finding, find_all, group_findings
from storylens.conflicts.numbers import find_numbers
from storylens.conflicts.values import Value
from storylens.models import Claim, Conflict, Quote, Story
from storylens.text import without_dateline


def detect_conflicts(story: Story, min_confidence: float | None = None,
                     values: dict[int, list[Value]] | None = None) -> list[Conflict]:
    """Conflicts between the story's sources, most confident first (at most `MAX_CONFLICTS`).

    Marks the claims whose sentences take part in a conflict as `conflicting`. `values`: the sentences'
    values read ahead by `conflicts.detect.prefetch`.
    """
    findings, _ = find_all(story, values)
    return conflicts_from_findings(story, findings, MIN_CONFIDENCE if min_confidence is None else min_confidence)


def conflicts_from_findings(story: Story, findings: list[Finding], threshold: float,
                            mark_claims: bool = True) -> list[Conflict]:
    """Group pairwise findings at a confidence threshold into ranked conflicts."""
    # weak findings would only chain strong ones into sprawling groups
    findings = [f for f in findings if f.confidence >= threshold]
    built = []
    for group in group_findings(findings):
        conflict = build_conflict(story, group, 0)
        if conflict is not None and conflict.confidence >= threshold:
            built.append((conflict, group))
    built.sort(key=lambda cg: -cg[0].confidence)
    built = built[:MAX_CONFLICTS]
    involved: list[tuple[Conflict, set[int]]] = []
    conflicts = []
    for k, (conflict, group) in enumerate(built, start=1):
        conflict.id = f"x{k}"
        conflicts.append(conflict)
        # only the sentences the conflict quotes: a group's other findings chained into it (its weaker
        # pairings, sides dropped for the reader) dispute nothing the brief shows
        quoted = {(q.source, q.start) for v in conflict.values for q in v.quotes}
        involved.append((conflict, {s for f in group for s in (f.a[0], f.b[0])
                                    if (story.sentences[s].source, story.sentences[s].start) in quoted}))
    if mark_claims:
        for claim in story.claims:
            members = set(story.claim_sentences.get(claim.id, ()))
            if any(_disputes(story, claim, conflict, sents & members) for conflict, sents in involved):
                claim.status = "conflicting"
    return conflicts


def _disputes(story: Story, claim: Claim, conflict: Conflict, sentences: set[int]) -> bool:
    """The claim as shown takes a side: its own sentence is quoted, or its words state a side's value. A member
    that gives a detail the shown words leave out ("... will be released from prison, a judge ordered Friday",
    grouped under "a man was brought to trial and convicted in the 1957 murder") disputes nothing the claim says
    (QA round 39 marked such a claim disputed, though no weekday was in it)."""
    if not sentences:
        return False
    if any(without_dateline(story.sentences[s].text) == claim.text for s in sentences):
        return True
    text = claim.text.lower()
    if any(re.search(rf"(?<!\w){re.escape(v.value.lower())}(?!\w)", text) for v in conflict.values if v.value):
        return True
    # a figure written another way ("At least 20 large, hefty bulletproof carriages" / the side "at least twenty")
    figures = {round(n.base, 6) for n in find_numbers(claim.text) if n.base is not None}
    return bool(figures) and any(round(n.base, 6) in figures for v in conflict.values
                                 for n in find_numbers(v.value) if n.base is not None)


def disputed_by(story: Story, quotes: list[Quote]) -> list[str]:
    """Ids of the story's conflicts one of whose sides these quotes overlap: a summary sentence or a timeline
    event that states one side of a dispute must say so, not read as settled."""
    return [c.id for c in story.conflicts
            if any(q.source == own.source and q.start < own.end and own.start < q.end
                   for v in c.values for q in v.quotes for own in quotes)]


__all__ = ["conflicts_from_findings", "detect_conflicts", "disputed_by"]
