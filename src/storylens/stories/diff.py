"""What changed in a story's brief between two versions.

Claims and conflicts get new ids on every recomputation, so they are matched by
content: a claim by its evidence spans (or, failing that, its text), a conflict
by its kind and topic.
"""

from __future__ import annotations

import json
from typing import Any

from storylens.models import Brief
from storylens.models.brief import Claim, Conflict

NUMERIC_KINDS = ("quantity", "count")


def _conflict_key(c: Conflict) -> tuple[str, str]:
    return c.kind, " ".join(c.topic.lower().split())


def _values(c: Conflict) -> list[str]:
    return sorted(v.normalized or v.value for v in c.values)


def _claim_spans(c: Claim) -> set[tuple[str, int, int]]:
    return {(q.source, q.start, q.end) for q in c.evidence}


def _match_claim(old: Claim, new: list[Claim]) -> Claim | None:
    spans = _claim_spans(old)
    text = " ".join(old.text.lower().split())
    for c in new:
        if spans & _claim_spans(c) or " ".join(c.text.lower().split()) == text:
            return c
    return None


def brief_changes(old: Brief, new: Brief) -> dict[str, Any]:
    """New sources, new, resolved and changed conflicts, corroborated claims and corrected numbers.

    A conflict found in both versions is "changed" when it gained or lost a side; its numbers are
    "corrected" only when a value was replaced by another (a kind in NUMERIC_KINDS).
    """
    old_ids = {s.id for s in old.sources}
    new_ids = {s.id for s in new.sources}
    old_conf = {_conflict_key(c): c for c in old.conflicts}
    new_conf = {_conflict_key(c): c for c in new.conflicts}
    corroborated = []
    for claim in old.claims:
        if claim.status != "single_source":
            continue
        now = _match_claim(claim, new.claims)
        if now is not None and now.status == "corroborated":
            corroborated.append({"claim": now.text, "sources": now.sources})
    corrected, changed = [], []
    for k in sorted(old_conf.keys() & new_conf.keys()):
        before, after = _values(old_conf[k]), _values(new_conf[k])
        gone, came = [v for v in before if v not in after], [v for v in after if v not in before]
        if not gone and not came:
            continue
        if k[0] in NUMERIC_KINDS and gone and came:
            # A number replaced by another: only the values that changed (the kept ones were not corrected).
            corrected.append({"topic": new_conf[k].topic, "kind": k[0], "before": gone, "after": came})
        else:
            # A side gained or lost is a change of the conflict, not a correction.
            changed.append({**_conflict_summary(new_conf[k]), "added": came, "dropped": gone})
    return {
        "new_sources": [{"id": s.id, "title": s.title, "outlet": s.outlet} for s in new.sources
                        if s.id not in old_ids],
        "removed_sources": sorted(old_ids - new_ids),
        "new_conflicts": [_conflict_summary(new_conf[k]) for k in sorted(new_conf.keys() - old_conf.keys())],
        "resolved_conflicts": [_conflict_summary(old_conf[k]) for k in sorted(old_conf.keys() - new_conf.keys())],
        "changed_conflicts": changed,
        "corroborated_claims": corroborated,
        "corrected_numbers": corrected,
    }


def _conflict_summary(c: Conflict) -> dict[str, Any]:
    return {"topic": c.topic, "kind": c.kind,
            "values": [{"value": v.value, "sources": v.sources} for v in c.values]}


def changes_json(since: int, version: int, changes: dict[str, Any]) -> str:
    return json.dumps({"since": since, "version": version, "changes": changes}, indent=2, ensure_ascii=False)


def change_sections(changes: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The changes as (heading, plain-text items): one structure for every output format."""
    sections = [
        ("New sources", [f"{s['id']}: {s['title'] or 'untitled'}" + (f" ({s['outlet']})" if s["outlet"] else "")
                         for s in changes["new_sources"]]),
        ("New conflicts", [_conflict_line(c) for c in changes["new_conflicts"]]),
        ("Resolved conflicts", [_conflict_line(c) for c in changes["resolved_conflicts"]]),
        ("Changed conflicts", [_changed_line(c) for c in changes["changed_conflicts"]]),
        ("Claims now corroborated", [f"{c['claim']} ({', '.join(c['sources'])})"
                                     for c in changes["corroborated_claims"]]),
        ("Corrected numbers", [f"{c['topic']}: {', '.join(c['before'])} → {', '.join(c['after'])}"
                               for c in changes["corrected_numbers"]]),
    ]
    if changes["removed_sources"]:
        sections.append(("Sources no longer in the story", list(changes["removed_sources"])))
    return sections


def changes_markdown(title: str, since: int, version: int, changes: dict[str, Any]) -> str:
    """A short Markdown report of the changes; article text is escaped (it is untrusted)."""
    from storylens.report.markdown import esc

    lines = [f"# {esc(title)}", "", f"Changes from brief version {since} to version {version}.", ""]
    if since == version:
        lines.append("No newer version: nothing changed.")
        return "\n".join(lines) + "\n"
    for name, items in change_sections(changes):
        lines += [f"## {name}", ""] + ([f"- {esc(i)}" for i in items] or ["- none"]) + [""]
    return "\n".join(lines)


def changes_html(title: str, since: int, version: int, changes: dict[str, Any]) -> str:
    """The same report as one self-contained page, through the report's templates (escaped, strict CSP)."""
    from storylens.report.html import render_standalone

    return render_standalone("changes.html", page_title=f"{title}: changes", title=title, since=since,
                             version=version, sections=change_sections(changes))


def _conflict_line(c: dict[str, Any]) -> str:
    vals = "; ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in c["values"])
    return f"{c['topic']} [{c['kind']}]: {vals}"


def _changed_line(c: dict[str, Any]) -> str:
    parts = ([f"now also {', '.join(c['added'])}"] if c["added"] else []) + (
        [f"no longer {', '.join(c['dropped'])}"] if c["dropped"] else [])
    return f"{_conflict_line(c)} ({'; '.join(parts)})"
