"""Hostile briefs and the checks that rendered output carries no live markup.

`payload_brief(p)` puts one payload in every field of a brief that reaches an output
(title, notices, source id/title/author/outlet/published/text/removed/language,
entity id/name/alias/type, claim id/text, conflict topic/note/values, timeline date/text,
summary, quotes). `benign_twin(p)` is the same brief with the payload replaced by a
plain word, so the two must render to the same page *shape*: escaped text never adds an
element or an attribute. `scan_html` checks what a page may hold regardless of shape.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from storylens.models.brief import (
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    EntityMention,
    Quote,
    Source,
    StoryInfo,
    SummarySentence,
    TimelineEvent,
)

BENIGN = "Harbourmaster"
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "ping",
             "cite", "srcset", "codebase", "manifest", "icon", "lowsrc", "dynsrc"}
NEVER_ATTRS = {"srcdoc", "style", "autofocus", "popover", "formaction"}
_CONTROL_WS = re.compile(r"[\x00-\x20\x7f]+")


def _q(source: Source, text: str) -> Quote:
    start = source.text.index(text)
    return Quote(source=source.id, start=start, end=start + len(text), quote=text)


def payload_brief(p: str, url: str | None = "https://news.example/a", hostile_ids: bool = True) -> Brief:
    """A two-source brief with payload `p` in every text field (and, with `hostile_ids`, in the ids)."""
    sid = p if hostile_ids else "evil"
    evil = Source(id=sid, title=p, author=p, outlet=p, published=p, url=url,
                  text=f"On Monday the council met. {p} Then 40 people left.",
                  removed=[p, f"Subscribe {p}"], language=p, duplicate_of=p, analysed=True)
    calm = Source(id="calm", title="Council meets", outlet="Calm Daily", published="2024-03-04T08:00:00",
                  url="https://calm.example/a", text="On Monday the council met. Then 50 people left.")
    quote = _q(evil, p)
    return Brief(
        story=StoryInfo(title=p, date=p, n_sources=2, n_independent=2),
        sources=[evil, calm],
        notices=[p],
        entities=[Entity(id=p if hostile_ids else "e1", name=p, type=p, aliases=[p, f"{p}!"],
                         mentions=[EntityMention(source=sid, start=quote.start, end=quote.end, text=p)])],
        claims=[Claim(id=p if hostile_ids else "c1", text=p, status="single_source", sources=[sid], evidence=[quote]),
                Claim(id="c2", text=f"Council: {p}", status="conflicting", sources=[sid, "calm"],
                      evidence=[quote, _q(calm, "Then 50 people left.")], hedged=True, n_independent=2)],
        conflicts=[Conflict(id="k1", topic=p, kind="count", note=p, confidence=0.7, values=[
            ConflictValue(value=p, normalized=f"{p}?", sources=[sid], quotes=[quote]),
            ConflictValue(value="50 people", normalized="50", sources=["calm"],
                          quotes=[_q(calm, "50 people")])])],
        timeline=[TimelineEvent(date=p, text=p, sources=[sid], quotes=[quote]),
                  TimelineEvent(date="2024-03-04", text=f"The council met. {p}", sources=[sid, "calm"],
                                quotes=[quote], approximate=True)],
        summary=[SummarySentence(text=p, sources=[sid, "calm", p + "-unknown"], quotes=[quote]),
                 SummarySentence(text=f"Fifty or forty people left. {p}", sources=["calm"])],
    )


def benign_twin(p: str, url: str | None = "https://news.example/a", hostile_ids: bool = True) -> Brief:
    return payload_brief(BENIGN, url, hostile_ids)


def parse(html: str) -> Any:
    """The root element, parsed as a browser would (html5lib implements the HTML5 parsing algorithm).

    The ElementTree builder, not lxml's: lxml refuses the control characters a hostile page may hold.
    """
    try:
        import html5lib

        return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    except ImportError:  # html5lib is a test dependency; lxml's parser is the fallback
        import lxml.html

        return lxml.html.document_fromstring(html)


def _elements(doc: Any) -> list[Any]:
    return [el for el in doc.iter() if isinstance(el.tag, str)]


def _tag(el: Any) -> str:
    return str(el.tag).rsplit("}", 1)[-1].lower()


def shape(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every element in document order, with its attribute names: what markup (not text) the page holds."""
    return [(_tag(el), tuple(sorted(str(a).rsplit("}", 1)[-1] for a in el.attrib))) for el in _elements(parse(html))]


def unsafe_url(value: str) -> bool:
    """True unless `value` is a same-page, same-site or http(s) link (as a browser would read it)."""
    v = _CONTROL_WS.sub("", value).lower()
    if v.startswith(("#", "?")) or (v.startswith("/") and not v.startswith(("//", "/\\"))):
        return False
    try:
        parts = urlsplit(v)
    except ValueError:
        return True
    return parts.scheme not in ("http", "https") or not parts.netloc


def text_of(html: str) -> str:
    return " ".join("".join(parse(html).itertext()).split())


def scan_html(html: str, own_scripts: list[tuple[str | None, str | None]]) -> list[str]:
    """Problems found: event handler attributes, script we did not write, unsafe URLs, dangerous tags.

    `own_scripts` are the (src, inline text) pairs of the scripts we write; JSON data islands are
    allowed when they parse as JSON.
    """
    import json

    problems = []
    doc = parse(html)
    scripts = []
    for el in _elements(doc):
        tag = _tag(el)
        for name, value in el.attrib.items():
            name = str(name).rsplit("}", 1)[-1].lower()
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=...>: event handler attribute")
            elif name in NEVER_ATTRS:
                problems.append(f"<{tag} {name}=...>: attribute we never write")
            elif name in URL_ATTRS and unsafe_url(value):
                problems.append(f"<{tag} {name}={value!r}>: unsafe URL")
        if tag in ("iframe", "frame", "object", "embed", "svg", "math", "img", "base", "video", "audio", "source",
                   "template", "noscript", "xmp", "plaintext", "marquee", "applet", "portal", "frameset"):
            problems.append(f"<{tag}>: element we never write")
        if tag == "meta" and (el.get("http-equiv") or "").lower() not in ("", "content-security-policy"):
            problems.append(f"<meta http-equiv={el.get('http-equiv')!r}>")
        if tag == "script":
            kind = (el.get("type") or "").lower()
            if kind == "application/json":
                try:
                    json.loads(el.text or "")
                except ValueError:
                    problems.append("<script type=application/json> that is not JSON")
            else:
                scripts.append((el.get("src"), el.text if not el.get("src") else None))
    if sorted(scripts, key=repr) != sorted(own_scripts, key=repr):
        problems.append(f"scripts {len(scripts)} differ from ours {len(own_scripts)}")
    return problems


def scan_markdown_render(html: str) -> list[str]:
    """Markdown we write holds no links, images or raw HTML: its rendering may only use these tags."""
    allowed = {"html", "head", "body", "h1", "h2", "h3", "p", "ul", "ol", "li", "em", "strong", "blockquote",
               "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "code"}
    problems = []
    for el in _elements(parse(html)):
        tag = _tag(el)
        if tag not in allowed:
            problems.append(f"<{tag}> in rendered Markdown")
        for name in el.attrib:
            problems.append(f"<{tag} {name}> in rendered Markdown")
    return problems


def render_markdown_html(md: str) -> str:
    """Render Markdown the permissive way a careless viewer would: raw HTML on, every link target accepted."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    renderer.validateLink = lambda url: True  # type: ignore[method-assign]
    return renderer.render(md)


def hostile_library(payloads: list[str]) -> Any:
    """A model-free FolderLibrary: story p<i> is payload i's brief, story b<i> its benign twin."""
    from storylens.web.library import FolderLibrary

    briefs = {}
    for i, p in enumerate(payloads):
        briefs[f"p{i}"], briefs[f"b{i}"] = payload_brief(p), benign_twin(p)
    library = FolderLibrary([], build=lambda inputs: briefs[str(inputs[0])])
    for name in briefs:
        library._new(name, [name])
    return library


def corpus_brief(payloads: list[str]) -> Brief:
    """One brief holding every payload in every field: one hostile source (and claim, entity, ...) per payload."""
    parts = [payload_brief(p) for p in payloads]
    calm = parts[0].sources[1]
    merged = Brief(story=StoryInfo(title=" ".join(payloads[:3]), date=payloads[0], n_sources=len(parts) + 1),
                   sources=[b.sources[0] for b in parts] + [calm])
    for i, b in enumerate(parts):
        merged.notices += b.notices
        merged.entities += b.entities
        merged.claims += [c.model_copy(update={"id": f"{c.id}#{i}"}) for c in b.claims]
        merged.conflicts += [c.model_copy(update={"id": f"k{i}"}) for c in b.conflicts]
        merged.timeline += b.timeline
        merged.summary += b.summary
    return merged


_STORY = [
    "The river bridge in Norhaven closed on Tuesday, 12 March 2024, after {n} workers walked out.",
    "Mayor Ada Brook said the bridge would reopen within two weeks.",
    "Engineers from Halden Works inspected the north pier on Monday.",
    "Traffic was diverted through the old harbour road, adding {m} minutes to journeys.",
]


def write_hostile_corpus(folder: Any, payloads: list[str], urls: list[str]) -> dict[str, int]:
    """Write .txt, .html and .jsonl articles of one story with the payloads in their text and metadata.

    Returns how many payloads went into each kind of field. NUL bytes stay in the JSONL only (as \\u0000):
    in an HTML file they would get it refused as binary.
    """
    import json
    from html import escape
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    chunks = [payloads[i::8] for i in range(8)]
    placed = {"text": 0, "title": 0, "author": 0, "outlet": 0, "url": 0, "id": 0, "html_markup": 0}

    def body(k: int, mine: list[str]) -> list[str]:
        lines = [s.format(n=40 + 15 * (k % 2), m=20 + 5 * (k % 3)) for s in _STORY]
        for j, p in enumerate(mine):
            # Beside a name, so that some payloads end up inside entity spans, claims and quotes too.
            lines.insert(1 + j % 4, f"Councillor Mara {p} Quell said the closure cost {j + 3} million crowns.")
        return lines

    records = []
    for k in range(4):
        mine = chunks[k]
        rec = {"id": mine[0] if k % 2 else f"wire-{k}", "title": f"Bridge closes {mine[1]}", "author": mine[2],
               "outlet": mine[3], "url": urls[k % len(urls)], "published": f"2024-03-1{2 + k}",
               "text": "\n\n".join(body(k, mine))}
        records.append(json.dumps(rec))
        placed["text"] += len(mine)
        placed["id"] += k % 2
        placed["title"] += 1
        placed["author"] += 1
        placed["outlet"] += 1
        placed["url"] += 1
    (folder / "wire.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    for k in (4, 5):
        mine = [p.replace("\0", "") for p in chunks[k]]  # a NUL byte makes the file binary, so it is refused
        paras = "".join(f"<p>{escape(line)}</p>" for line in body(k, mine))
        raw = "".join(mine[:4])  # live markup too: the cleaner must drop it, the renderers must never revive it
        page = (f"<!doctype html><html><head><title>{escape(mine[0])} | Bridge closes</title>"
                f'<meta name="author" content="{escape(mine[1])}">'
                f'<meta property="og:site_name" content="{escape(mine[2])}">'
                f'<link rel="canonical" href="{escape(urls[k % len(urls)])}">'
                f'<meta property="article:published_time" content="2024-03-1{k}T08:00:00Z"></head>'
                f"<body><nav>Home | News {raw}</nav><article><h1>Bridge closes in Norhaven</h1>{paras}"
                f"{raw}</article><footer>Subscribe {raw}</footer></body></html>")
        (folder / f"page{k}.html").write_text(page, encoding="utf-8")
        placed["text"] += len(mine)
        placed["title"] += 1
        placed["author"] += 1
        placed["outlet"] += 1
        placed["url"] += 1
        placed["html_markup"] += 4
    for k in (6, 7):
        mine = chunks[k]
        # Not opening with markup: a .txt file that starts with a tag is read as HTML (see the report).
        (folder / f"note{k}.txt").write_text(f"Bridge closes {mine[0]}\n\n" + "\n\n".join(body(k, mine)),
                                           encoding="utf-8")
        placed["text"] += len(mine)
        placed["title"] += 1
    return placed
