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
from typing import Any, Self
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


class LiveServer:
    """uvicorn serving an app on a free loopback port in a daemon thread (real URL decoding, unlike TestClient)."""

    def __init__(self, app: Any) -> None:
        import socket
        import threading

        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Self:
        import time

        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


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
