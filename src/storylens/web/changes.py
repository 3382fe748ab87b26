"""What changed in a brief after articles were added, in a few plain sentences."""

from __future__ import annotations

from storylens.models import Brief


def _label(brief: Brief, source_id: str) -> str:
    for s in brief.sources:
        if s.id == source_id:
            return s.outlet or s.title or s.id
    return source_id


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def describe_changes(old: Brief | None, new: Brief) -> list[str]:
    """Sources added, claim counts by status, conflicts found or gone, title and timeline changes."""
    if old is None:
        return [(f"New story with {_count(len(new.sources), 'source')}: {_count(len(new.claims), 'claim')}, "
                 f"{_count(len(new.conflicts), 'conflict')}.")]
    lines: list[str] = []
    old_ids = {s.id for s in old.sources}
    added = [s.id for s in new.sources if s.id not in old_ids]
    if added:
        lines.append(f"Added {_count(len(added), 'source')}: " + ", ".join(_label(new, s) for s in added) + ".")
    if new.story.title != old.story.title:
        lines.append(f"The headline is now “{new.story.title}” (was “{old.story.title}”).")
    for status, name in (("corroborated", "corroborated"), ("single_source", "single-source"),
                         ("conflicting", "disputed")):
        before = sum(c.status == status for c in old.claims)
        after = sum(c.status == status for c in new.claims)
        if before != after:
            lines.append(f"{name.capitalize()} claims: {before} → {after}.")
    old_topics = {c.topic for c in old.conflicts}
    new_topics = {c.topic for c in new.conflicts}
    for topic in sorted(new_topics - old_topics):
        lines.append(f"New conflict: {topic}.")
    for topic in sorted(old_topics - new_topics):
        lines.append(f"No longer in conflict: {topic}.")
    if len(new.timeline) != len(old.timeline):
        lines.append(f"Timeline events: {len(old.timeline)} → {len(new.timeline)}.")
    if not lines:
        lines.append("The brief did not change.")
    return lines
