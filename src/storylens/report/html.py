"""Brief → one self-contained HTML file, and the page model the web UI shares.

The report and the web UI render the same Jinja2 templates (`report/templates/`)
with the same stylesheet and script (`report/static/`), so a saved report looks
like the page. Autoescape is on for every template; article text is never
marked safe. The report carries its own Content-Security-Policy in a <meta>
tag that only lets its one inline script run (by hash), so even a template
mistake could not execute script found in an article.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from storylens.models.brief import Brief, Claim, Conflict, Quote
from storylens.report.dates import adds_quote_marks, day_notes_label, event_date_label, event_datetime

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Builds the link to a source (optionally to a quoted span in it); differs between report and web.
SourceHref = Callable[["SourceView", Quote | None], str]


@dataclass
class SourceView:
    id: str
    n: int  # 1-based number shown in citations
    label: str  # Brief.source_labels(): outlet, else host, else id
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    day: str | None  # YYYY-MM-DD part of `published`
    url: str | None  # only http(s) URLs survive
    analysed: bool
    duplicate_of: str | None
    opinion: bool = False
    draws_on: list[str] = field(default_factory=list)
    href: str = ""

    @property
    def link(self) -> Markup:
        # Built here rather than by a template macro: it is used thousands of times on a big story's page,
        # and Markup.format escapes both arguments exactly as autoescape would.
        return Markup('<a href="{}">{}</a>').format(self.href, self.label)


@dataclass
class QuoteView:
    source: SourceView
    text: str
    href: str

    @property
    def link(self) -> Markup:
        """The source's name, linking to the quoted span."""
        return Markup('<a href="{}">{}</a>').format(self.href, self.source.label)


@dataclass
class Citation:
    uid: str  # unique in the page: ties the button to its popover
    source: SourceView
    quote: str | None
    href: str


@dataclass
class CitedSentence:
    text: str
    citations: list[Citation]
    disputed: list[tuple[str, str]] = field(default_factory=list)  # (conflict topic, ledger anchor)
    days: str = ""  # "on Monday: 2021-09-27": the relative days of the sentence, resolved
    speaker: str | None = None  # whose words these are, when the sentence gives a quotation without saying so
    quote_marks: bool = False  # shown inside added quotation marks (`report.dates.adds_quote_marks`)


@dataclass
class ValueColumn:
    value: str
    normalized: str
    sources: list[SourceView]
    quotes: list[QuoteView]


@dataclass
class ConflictView:
    conflict: Conflict
    columns: list[ValueColumn]


@dataclass
class ClaimView:
    claim: Claim
    sources: list[SourceView]
    evidence: list[QuoteView]


@dataclass
class Segment:
    """A run of source text; `kind` is None (plain), "claim" or "conflict"; `anchor` marks a span start."""

    text: str
    kind: str | None = None
    anchor: int | None = None


@dataclass
class BriefView:
    brief: Brief
    sources: list[SourceView]
    by_id: dict[str, SourceView]
    summary: list[CitedSentence]
    conflicts: list[ConflictView]
    claims: dict[str, list[ClaimView]]  # status -> claims
    # (event, its quotes, its sources, (topic, ledger anchor) of the conflicts it takes a side in)
    timeline: list[tuple[object, list[QuoteView], list[SourceView], list[tuple[str, str]]]]
    entities: list[object] = field(default_factory=list)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link, else None (no javascript:, data:, relative tricks)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Control, invisible and bidi-override characters (Cc, Cf, Z*) only serve to disguise where a link goes.
    if any(ch in "\"'<>`\\" or unicodedata.category(ch)[0] in "CZ" for ch in url):
        return None
    return url


def iso_day(published: str | None) -> str | None:
    """The YYYY-MM-DD part of a published timestamp, when there is one."""
    return published[:10] if published and _ISO_DAY.match(published) else None


def quote_is_exact(text: str, q: Quote) -> bool:
    """A quote is shown as a span only when it is verbatim at its offsets."""
    return 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.quote


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """Split `text` into plain and highlighted runs; a conflict span wins over a claim span."""
    spans = [(s, e, k) for s, e, k in spans if 0 <= s < e <= len(text)]
    if not spans:
        return [Segment(text)]
    starts = {s for s, _, _ in spans}
    cuts = sorted({0, len(text), *starts, *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        kinds = {k for s, e, k in spans if s <= a and e >= b}
        kind = "conflict" if "conflict" in kinds else ("claim" if kinds else None)
        anchor = a if a in starts else None
        if out and out[-1].kind == kind and anchor is None:
            out[-1].text += text[a:b]
        else:
            out.append(Segment(text[a:b], kind, anchor))
    return out


def source_spans(brief: Brief, source_id: str) -> list[tuple[int, int, str]]:
    """Every verified span of one source that the brief uses, tagged by what uses it."""
    text = next((s.text for s in brief.sources if s.id == source_id), "")
    spans: list[tuple[int, int, str]] = []

    def add(quotes: Iterable[Quote], kind: str) -> None:
        spans.extend((q.start, q.end, kind) for q in quotes if q.source == source_id and quote_is_exact(text, q))

    for claim in brief.claims:
        add(claim.evidence, "claim")
    for conflict in brief.conflicts:
        for value in conflict.values:
            add(value.quotes, "conflict")
    for sentence in brief.summary:
        add(sentence.quotes, "claim")
    for event in brief.timeline:
        add(event.quotes, "claim")
    return spans


def source_segments(brief: Brief, source_id: str) -> list[Segment]:
    text = next((s.text for s in brief.sources if s.id == source_id), "")
    return highlight(text, source_spans(brief, source_id))


def brief_view(brief: Brief, source_href: SourceHref) -> BriefView:
    """Everything the brief templates show, resolved once: labels, citations, ledger columns."""
    labels = brief.source_labels()
    sources = [
        SourceView(
            id=s.id, n=i, label=labels[s.id], title=s.title, outlet=s.outlet, author=s.author,
            published=s.published, day=iso_day(s.published), url=safe_url(s.url),
            analysed=s.analysed, duplicate_of=s.duplicate_of, opinion=s.opinion, draws_on=s.draws_on,
        )
        for i, s in enumerate(brief.sources, start=1)
    ]
    by_id = {s.id: s for s in sources}
    texts = {s.id: s.text for s in brief.sources}
    for s in sources:
        s.href = source_href(s, None)

    def lookup(sid: str) -> SourceView:
        # A citation of an unknown source still renders, labelled by its id.
        if sid not in by_id:
            by_id[sid] = SourceView(sid, 0, sid, None, None, None, None, None, None, False, None)
            by_id[sid].href = source_href(by_id[sid], None)
        return by_id[sid]

    def quotes(items: Iterable[Quote]) -> list[QuoteView]:
        out = []
        for q in items:
            src = lookup(q.source)
            exact = quote_is_exact(texts.get(q.source, ""), q)
            out.append(QuoteView(src, q.quote, source_href(src, q if exact else None)))
        return out

    summary = []
    anchors = {c.id: (c.topic, f"conflict-{k}") for k, c in enumerate(brief.conflicts, start=1)}
    for i, sent in enumerate(brief.summary):
        cites: list[Citation] = []
        quoted = set()
        for qv in quotes(sent.quotes):
            cites.append(Citation(f"cite-{i}-{len(cites)}", qv.source, qv.text, qv.href))
            quoted.add(qv.source.id)
        for sid in sent.sources:
            if sid not in quoted:
                src = lookup(sid)
                cites.append(Citation(f"cite-{i}-{len(cites)}", src, None, src.href))
        summary.append(CitedSentence(sent.text, cites, [anchors[c] for c in sent.disputed if c in anchors],
                                     day_notes_label(sent), sent.speaker, adds_quote_marks(sent)))

    conflicts = [
        ConflictView(c, [ValueColumn(v.value, v.normalized, [lookup(s) for s in v.sources], quotes(v.quotes))
                         for v in c.values])
        for c in brief.conflicts
    ]
    claims: dict[str, list[ClaimView]] = {"conflicting": [], "corroborated": [], "single_source": []}
    for claim in brief.claims:
        claims.setdefault(claim.status, []).append(
            ClaimView(claim, [lookup(s) for s in claim.sources], quotes(claim.evidence)))
    timeline = [(e, quotes(e.quotes), [lookup(s) for s in e.sources], [anchors[c] for c in e.disputed if c in anchors])
                for e in brief.timeline]
    entities = sorted(brief.entities, key=lambda e: (-len(e.mentions), e.name.lower()))
    return BriefView(brief, sources, by_id, summary, conflicts, claims, timeline, entities)


@lru_cache(maxsize=4)
def template_environment(*extra_dirs: str) -> Environment:
    """The shared Jinja2 environment; `extra_dirs` (the web UI's templates) are searched first."""
    loader = ChoiceLoader([FileSystemLoader(d) for d in extra_dirs] + [FileSystemLoader(str(TEMPLATES))])
    env = Environment(loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["event_date"] = event_date_label
    env.filters["event_datetime"] = event_datetime
    return env


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str, str]:
    """Our stylesheet and script, and the CSP hashes that let exactly these two run inline."""
    css = (STATIC / "storylens.css").read_text(encoding="utf-8")
    js = (STATIC / "storylens.js").read_text(encoding="utf-8")
    # Our own files, inlined verbatim: make sure neither can close its element early.
    for name, body, tag in (("css", css, "</style"), ("js", js, "</script")):
        if tag in body.lower():
            raise ValueError(f"static {name} must not contain {tag}")
    return css, js, _sha256(css), _sha256(js)


def report_csp() -> str:
    """The policy the report file carries: no network, no frames or plugins, only its own style and script.

    Hashes rather than 'unsafe-inline': even markup that slipped past escaping could neither run
    script nor restyle the page (no CSS exfiltration, no hiding of the conflict ledger).
    """
    _, _, style_hash, script_hash = _assets()
    return (f"default-src 'none'; style-src {style_hash}; script-src {script_hash}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _report_href(source: SourceView, quote: Quote | None) -> str:
    if source.n == 0:
        return "#sources"
    return f"#src-{source.n}-at-{quote.start}" if quote is not None else f"#src-{source.n}"


def render_standalone(template_name: str, **context: Any) -> str:
    """One self-contained page from a report template: our stylesheet inline, the report's CSP."""
    css, _, _, _ = _assets()
    # Markup only for our own static files (checked in _assets); everything in `context` stays escaped.
    return template_environment().get_template(template_name).render(
        inline_css=Markup(css), csp=report_csp(), **context)


def render_html(brief: Brief) -> str:
    """The brief as one HTML file with its CSS, script and data inside; no external asset."""
    _, js, _, _ = _assets()
    view = brief_view(brief, _report_href)
    segments = {s.id: source_segments(brief, s.id) for s in brief.sources}
    return render_standalone("report.html", v=view, segments=segments, inline_js=Markup(js),
                             brief_json=brief.to_dict(), page_title=brief.story.title)


__all__ = ["BriefView", "brief_view", "highlight", "iso_day", "render_html", "render_standalone", "safe_url",
           "source_segments", "template_environment"]
