"""HTML pages → article text and metadata.

trafilatura does the heavy lifting. Its precision mode drops teasers and
widgets but sometimes throws away the whole article, its recall mode keeps the
article but also the furniture around it. So we parse once and run the fast
precision mode; a short result is checked against recall mode and, if precision
lost the article, trafilatura's fallback extractors (readability, jusText) get a
try before we settle for recall mode. Then we prune the blocks trafilatura
keeps that are structurally not article text: the page
headline, kicker and deck repeated above the text (the title has its own field),
"Read more: …" link teasers, link lists and lone link headlines, index pages, and
headings left dangling at the end (a "Comments" header with nothing under it).
Paragraphs are joined by a blank line, so the paragraph structure survives.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

from storylens.errors import ParseError

# A page bigger than this is not an article (a data dump, an inlined binary, a feed of everything).
MAX_HTML_CHARS = 8_000_000
# Below this many characters the precise extraction may be a fragment, so recall mode is run too,
# and wins if the precise one has less than this share of its text.
SHORT_ARTICLE_CHARS = 1500
PRECISION_KEEP_RATIO = 0.6
# A short label followed by a colon, in front of a link: "Read more:", "Related:", "SEE MORE:".
_TEASER_LABEL = re.compile(r"^\W{0,2}(?:\w+\W{1,3}){0,3}?\w+\s*:\s*\S", re.UNICODE)
# Headline, kicker and deck: more single-line headings than this at the top are the article's own sections.
MAX_LEADING_HEADS = 2
# A page whose remaining text is at least this share of link texts is an index page.
INDEX_PAGE_LINK_SHARE = 0.8
# A link standing alone as a paragraph, up to this many words, is navigation rather than text.
BARE_LINK_MAX_WORDS = 15
_WORD = re.compile(r"\w+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters XML text may not hold
_DOCUMENT = re.compile(r"<(?:html|body|head)\b", re.IGNORECASE)
_BLOCK_TAGS = ("p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt",
               "section", "article", "figcaption")


@dataclass
class HtmlExtract:
    """What one HTML page yields: the article text plus whatever metadata the page carries."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Extract the article of one HTML page.

    Returns an empty `text` when the page has no article (an index page, an
    error page). Raises `ParseError` (path = the URL, or None) when the input
    is not an HTML page at all: binary content or an oversized blob.
    """
    check_html(html, url)
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        return HtmlExtract(text="\n\n".join(fragment_paragraphs(html)) if is_fragment(html) else "", url=url)
    anchors = anchor_texts(tree)
    meta = _metadata(tree, url)
    # bare_extraction works on its own copy of the tree, so one parse serves every pass.
    doc = _bare(tree, url, fast=True, favor_precision=True)
    if len(_plain(doc)) < SHORT_ARTICLE_CHARS:
        # Precision mode sometimes keeps only a fragment of the article: check against recall mode,
        # and if it did lose the article, let trafilatura's fallback extractors (readability, jusText)
        # try again in precision mode before settling for the recall mode's noisier text.
        loose = _bare(tree, url, fast=True, favor_recall=True)
        enough = PRECISION_KEEP_RATIO * len(_plain(loose))
        if len(_plain(doc)) < enough:
            full = _bare(tree, url, fast=False, favor_precision=True)
            doc = full if len(_plain(full)) >= enough else loose
    paragraphs, removed = prune_blocks(list(doc.body), anchors) if doc is not None else ([], [])
    if not paragraphs and is_fragment(html):
        # A feed item's description or a pasted snippet: one paragraph or bare text, which trafilatura,
        # looking for a page's main block, often discards whole.
        paragraphs = fragment_paragraphs(html)
    return HtmlExtract(
        text="\n\n".join(paragraphs),
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("date"),
        outlet=meta.get("sitename"),
        url=meta.get("url") or url,
        language=meta.get("language"),
        removed=removed,
    )


def is_fragment(html: str) -> bool:
    """A snippet of markup (or bare text), not a whole page."""
    return _DOCUMENT.search(html[:20_000]) is None


def fragment_paragraphs(html: str) -> list[str]:
    """The text of a fragment, one entry per innermost block; bare links and scripts left out."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        # lxml refuses to set text holding control characters (dropping a '<noscript>' whose tail is '\x08' raised)
        root = lxml_html.fragment_fromstring(_NOT_XML.sub("", html), create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):
        # lxml asserts (rather than raising) when a doctype-led snippet parses to no <body>: '<!DOCTYPE><script>'.
        return []
    for el in list(root.iter("script", "style", "noscript", "template", "iframe", "object")):
        el.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    anchors = {_norm(a.text_content()) for a in root.iter("a")}
    leaves = [el for el in root.iter(*_BLOCK_TAGS)
              if el is not root and not any(d.tag in _BLOCK_TAGS for d in el.iterdescendants())] or [root]
    out = []
    for el in leaves:
        for line in el.text_content().split("\n"):
            text = _norm(line)
            if text and text not in anchors and text not in out:
                out.append(text)
    return out


def check_html(html: str, url: str | None = None) -> None:
    """Refuse content that cannot be a web page: too big, or binary (NULs, control bytes)."""
    if len(html) > MAX_HTML_CHARS:
        raise ParseError(url, f"HTML page too large ({len(html) / 1e6:.0f} MB; limit {MAX_HTML_CHARS // 10**6} MB)")
    sample = html[:4096]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) // 20:
        raise ParseError(url, "not an HTML page (binary content)")


def _metadata(tree: Any, url: str | None) -> dict[str, Any]:
    """Title, author, date (htmldate, quick search), site name, URL and declared language."""
    try:
        doc = _trafilatura_metadata(tree, url)
    except (ValueError, TypeError, AttributeError):  # malformed meta tags or dates
        return {}
    fields = ("title", "author", "date", "sitename", "url", "language")
    meta = {f: getattr(doc, f, None) or None for f in fields}
    meta["language"] = meta["language"] or tree.get("lang") or tree.get("xml:lang")
    if meta["language"]:
        # "en-US", "en_GB" → "en": the pipeline compares ISO 639-1 codes.
        meta["language"] = re.split(r"[-_]", str(meta["language"]).strip().lower())[0] or None
    return meta


def _trafilatura_metadata(tree: Any, url: str | None) -> Any:
    """trafilatura's `extract_metadata` steps for the fields we use, in its order.

    The full function also collects categories, tags and the licence, about a third of
    its run time, and none of them is used here.
    """
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None  # a single word (a handle, a site name) is not an author
    # trafilatura guards its JSON-LD reader the same way: a broken block just gives no metadata.
    with contextlib.suppress(Exception):
        doc = extract_meta_json(tree, doc)
    doc.title = doc.title or extract_title(tree)
    doc.author = doc.author or extract_author(tree)
    doc.url = doc.url or extract_url(tree, url)
    try:
        doc.date = find_date(tree, **{**set_date_params(False), "url": doc.url})
    except AssertionError:
        # htmldate's cleaning calls lxml's drop_tree() on elements without a parent, which lxml
        # asserts against: pages whose <title> sits inside <svg>/<math> hit it. No date, then.
        doc.date = None
    if not doc.sitename:
        doc.sitename = extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url and (m := META_URL.match(doc.url)):
        doc.sitename = m[1]
    doc.clean_and_trim()
    return doc


def _bare(tree: Any, url: str | None, **options: Any) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True, **options,
        )
    except (ValueError, TypeError, AttributeError):  # trafilatura's own failures on odd trees
        return None


def _plain(doc: Any) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def _norm(text: str) -> str:
    return " ".join(text.split())


def anchor_texts(tree: Any) -> set[str]:
    """The text of every link on the page, whitespace-normalised (before extraction strips the links)."""
    out = set()
    for a in tree.iter("a"):
        t = _norm("".join(a.itertext()))
        if _WORD.search(t):
            out.add(t)
    return out


def block_text(el: Any) -> str:
    """A block's text as trafilatura renders it (table cells and line breaks kept apart), tidied."""
    from trafilatura.xml import xmltotxt

    lines = (_norm(line) for line in xmltotxt(el, include_formatting=False).splitlines())
    return "\n".join(line for line in lines if line)


def prune_blocks(blocks: list[Any], anchors: set[str]) -> tuple[list[str], list[str]]:
    """Split trafilatura's body blocks into article paragraphs and removed furniture."""
    texts = [block_text(b) for b in blocks]
    keep = [bool(_WORD.search(t)) for t in texts]
    removed: list[str] = []

    def drop(i: int) -> None:
        keep[i] = False
        removed.append(texts[i])

    # Headings before the first paragraph are the headline, kicker or deck: the title has its own
    # field, and the others are not article text.
    leading = 0
    for i, b in enumerate(blocks):
        if not keep[i]:
            continue
        if b.tag != "head" or "\n" in texts[i] or leading == MAX_LEADING_HEADS:
            break
        drop(i)
        leading += 1
    for i, b in enumerate(blocks):
        if keep[i] and (_is_link_list(b, anchors) or _is_teaser(texts[i], anchors)
                        or _is_bare_link(b, texts[i], anchors)):
            drop(i)
    # Headings introduce what follows; one with no paragraph after it closes the page
    # ("Comments", "You may also like"), and so do the one- or two-word stubs beneath it.
    tail = [i for i, k in enumerate(keep) if k]
    while tail:
        i = tail[-1]
        after_head = len(tail) > 1 and blocks[tail[-2]].tag == "head"
        if blocks[i].tag == "head" or (after_head and len(_WORD.findall(texts[i])) <= 2):
            drop(i)
            tail.pop()
        else:
            break
    kept = [t for t, k in zip(texts, keep) if k]
    if _mostly_links(kept, anchors):
        # An index or section page: what is left is a list of headlines, not an article.
        return [], removed + kept
    return kept, removed


def _mostly_links(paragraphs: list[str], anchors: set[str]) -> bool:
    lines = [line.removeprefix("- ") for p in paragraphs for line in p.split("\n")]
    total = sum(len(line) for line in lines)
    linked = sum(len(line) for line in lines if line in anchors)
    return total > 0 and linked >= INDEX_PAGE_LINK_SHARE * total


def _is_link_list(el: Any, anchors: set[str]) -> bool:
    """A list whose items are (nearly) all links: related stories, tags, share buttons."""
    if el.tag != "list":
        return False
    items = [_norm("".join(i.itertext())) for i in el.iter("item")]
    items = [t for t in items if t]
    return len(items) >= 2 and sum(t in anchors for t in items) >= 0.8 * len(items)


def _is_bare_link(el: Any, text: str, anchors: set[str]) -> bool:
    """A paragraph that is nothing but a short link, not a sentence: a related-story headline."""
    return (el.tag in ("p", "head") and text in anchors and len(_WORD.findall(text)) <= BARE_LINK_MAX_WORDS
            and not text.endswith((".", "!", "?", "”", '"', ":")))


def _is_teaser(text: str, anchors: set[str]) -> bool:
    """A "Read more: <link>" line: a short label, a colon, then the text of a link on the page."""
    text = text.strip("[]() ")
    m = _TEASER_LABEL.match(text)
    if not m:
        return False
    rest = text[text.index(":") + 1:].strip(" |[]()")
    return bool(rest) and (rest in anchors or any(rest.startswith(a) for a in anchors if len(a) > 20))
