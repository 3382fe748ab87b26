"""Brief → Markdown: the summary first, then the conflict ledger, claims, timeline, entities, sources.

Every string from the brief is untrusted (a brief may also be read back from a JSON
file), so each one is escaped, dates and labels included, so that no markup survives
when the Markdown is later rendered to HTML (angle brackets become entities,
Markdown punctuation is backslash-escaped, table cells cannot break their row).
"""

from __future__ import annotations

import re

from storylens.models import Brief, Claim, Conflict, Quote
from storylens.report.dates import adds_quote_marks, day_notes_label, event_date_label

_MD_SPECIAL = re.compile(r"([\\`*\[\]|#~])")
# An underscore between two letters or digits can neither open nor close emphasis (CommonMark), so
# "004_c69f" stays readable; any other underscore is escaped.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# Only an "&" that would start a character reference ("&lt;", "&#60;") is escaped: "Dixon & Herling" and "AT&T"
# read as written in the Markdown file and render the same.
_REFERENCE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
MAX_CLAIMS = 25


def esc(text: str | None) -> str:
    """Escape untrusted text for inline Markdown (and for any HTML it is rendered to)."""
    if not text:
        return ""
    text = " ".join(text.split())
    text = _REFERENCE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _UNDERSCORE.sub(r"\\_", _MD_SPECIAL.sub(r"\\\1", text))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _cite(ids: list[str], names: dict[str, str]) -> str:
    return "[" + ", ".join(esc(names.get(i, i)) for i in ids) + "]"


def _disputed(brief: Brief, ids: list[str], where: str) -> str:
    """' *(disputed: see “topic” below)*' for the conflicts a summary sentence or timeline event takes a side in."""
    topics = [c.topic for c in brief.conflicts if c.id in ids]
    return f" *(disputed: see {', '.join(f'“{esc(t)}”' for t in topics)} {where})*" if topics else ""


def render_markdown(brief: Brief) -> str:
    names = brief.source_labels()
    out: list[str] = []
    st = brief.story
    out.append(f"# {esc(st.title)}\n")
    indep = f", {st.n_independent} independent" if st.n_independent is not None else ""
    out.append(f"*{esc(st.date) or 'undated'} · {_count(st.n_sources, 'source')}{indep} · schema {esc(brief.schema_)}*\n")
    for notice in brief.notices:
        out.append(f"> **Note:** {esc(notice)}\n")
    out.append("## Summary\n")
    if brief.summary:
        for s in brief.summary:
            disputed = _disputed(brief, s.disputed, "below")
            days = day_notes_label(s)
            days = f" *({esc(days)})*" if days else ""
            text = f"“{esc(s.text)}”" if adds_quote_marks(s) else esc(s.text)
            if s.speaker:  # the words are the speaker's
                text += f" — {esc(s.speaker)}, quoted"
            out.append(f"- {text} {_cite(s.sources, names)}{days}{disputed}")
        out.append("")
    else:
        out.append("*No summary could be made.*\n")
    out.append("## Where the sources disagree\n")
    if brief.conflicts:
        for c in brief.conflicts:
            out.extend(_conflict(c, names))
    else:
        out.append("*No conflicting facts were found.*\n")
    out.extend(_claims(brief.claims, names))
    out.append("## Timeline\n")
    if brief.timeline:
        for ev in brief.timeline:
            out.append(f"- **{esc(event_date_label(ev))}** — {esc(ev.text)} {_cite(ev.sources, names)}"
                       + _disputed(brief, ev.disputed, "above"))
        out.append("")
    else:
        out.append("*No dated events were found.*\n")
    out.append("## People, places and organisations\n")
    for e in brief.entities[:40]:
        aliases = f" — also: {', '.join(esc(a) for a in e.aliases)}" if e.aliases else ""
        n_src = len({m.source for m in e.mentions})
        out.append(f"- **{esc(e.name)}** ({esc(e.type)}, {_count(n_src, 'source')}){aliases}")
    if not brief.entities:
        out.append("*None found.*")
    out.append("")
    out.append("## Sources\n")
    out.append("| id | outlet | title | author | published | words | removed |")
    out.append("|---|---|---|---|---|---|---|")
    for s in brief.sources:
        flags = []
        if s.duplicate_of:
            flags.append(f"copy of {esc(s.duplicate_of)}")
        if not s.analysed:
            flags.append("not analysed" + (f" ({esc(s.language)})" if s.language else ""))
        if s.opinion:
            flags.append("opinion")
        if s.draws_on:
            flags.append("draws on " + ", ".join(esc(d) for d in s.draws_on))
        note = f" ({'; '.join(flags)})" if flags else ""
        out.append(
            # (with no outlet given, the label citations use for it, its address's host: QA rounds 28 and 30 could not
            # trace "[sunstar.com.ph]" to a row)
            f"| {esc(s.id)}{note} | {esc(s.outlet or (names[s.id] if names[s.id] != s.id else None))} | "
            f"{esc(s.title)} | {esc(s.author)} | "
            f"{esc(s.published)} | {len(s.text.split())} | {_count(len(s.removed), 'piece')} |"
        )
    return "\n".join(out).rstrip() + "\n"


def _conflict(c: Conflict, names: dict[str, str]) -> list[str]:
    lines = [f"### {esc(c.topic)} ({esc(c.kind)}, confidence {c.confidence:.2f})\n"]
    if c.note:
        lines.append(f"{esc(c.note)}\n")
    for v in c.values:
        norm = f" (= {esc(v.normalized)})" if v.normalized and v.normalized != v.value else ""
        lines.append(f"- **{esc(v.value)}**{norm} — {_cite(v.sources, names)}")
        lines += _quotes(v.quotes, names)
    lines.append("")
    return lines


def _quotes(quotes: list[Quote], names: dict[str, str]) -> list[str]:
    return [f"  > {esc(names.get(q.source, q.source))}: “{esc(q.quote)}”" for q in quotes]


def _claims(claims: list[Claim], names: dict[str, str]) -> list[str]:
    out: list[str] = []
    groups = (
        ("Corroborated by independent sources", "corroborated"),
        ("Disputed", "conflicting"),
        ("Resting on one source", "single_source"),
    )
    out.append("## Claims\n")
    if not claims:
        out.append("*No claims were extracted.*\n")
        return out
    for title, status in groups:
        chosen = [c for c in claims if c.status == status]
        if not chosen:
            continue
        out.append(f"### {title} ({len(chosen)})\n")
        for c in chosen[:MAX_CLAIMS]:
            hedge = " *(hedged)*" if c.hedged else ""
            # several sources, one report: copies of one story, a source crediting another, or one long sentence
            # printed word for word (QA round 11: two sources under "Resting on one source" read as a slip)
            one = " *(one report: they print the same story or words, or one credits the other)*" \
                if status == "single_source" and len(c.sources) > 1 else ""
            out.append(f"- {esc(c.text)}{hedge} {_cite(c.sources, names)}{one}")
            if status == "conflicting":
                # Its sources do not all say what the shown sentence says: each one's own words, so that
                # a reader does not take the list of sources for agreement (the HTML shows them too).
                out += _quotes(c.evidence, names)
            elif status == "corroborated":
                # The shown sentence is one source's words, details and all: the others' own words, so that a
                # reader sees what each source confirms (QA round 11: a detail only one source gave read as
                # confirmed by every source listed).
                out += _quotes([q for q in c.evidence if q.quote != c.text], names)
        if len(chosen) > MAX_CLAIMS:
            out.append(f"- … and {len(chosen) - MAX_CLAIMS} more (see the JSON brief)")
        out.append("")
    return out
