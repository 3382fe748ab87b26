"""Hostile text through the three outputs: HTML report, Markdown (rendered), web UI pages.

Each payload of the corpus goes into every field of a brief. A page is safe when
(1) it has exactly the shape (elements and attribute names) of the same brief with a
plain word instead of the payload, so escaped text added no markup, (2) it holds no
event handler, no script but ours and no javascript:/data:/vbscript: link, and (3) the
payload is still shown as text (escaped, not dropped).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from live import LiveServer
from seclab_xss import (
    benign_twin,
    hostile_library,
    parse,
    payload_brief,
    render_markdown_html,
    scan_html,
    scan_markdown_render,
    shape,
    text_of,
)
from xss_payloads import PAYLOADS, URL_PAYLOADS

from storylens.report.html import STATIC, render_html
from storylens.report.markdown import render_markdown
from storylens.web.app import create_app

OWN_JS = (STATIC / "storylens.js").read_text(encoding="utf-8")
IDS = [f"{i:03d}-{kind}" for i, (kind, _) in enumerate(PAYLOADS)]


def shown(p: str) -> str:
    """How a payload reads as page text: a browser drops NUL there, and runs of whitespace count as one."""
    return " ".join(p.replace("\0", "").split())


@pytest.mark.parametrize("payload", [p for _, p in PAYLOADS], ids=IDS)
def test_report_html(payload: str) -> None:
    html = render_html(payload_brief(payload))
    assert shape(html) == shape(render_html(benign_twin(payload)))
    assert scan_html(html, [(None, OWN_JS)]) == []
    h1 = parse(html).find(".//h1")
    assert " ".join("".join(h1.itertext()).split()) == shown(payload)


@pytest.mark.parametrize("payload", [p for _, p in PAYLOADS], ids=IDS)
def test_markdown_rendered(payload: str) -> None:
    md = render_markdown(payload_brief(payload))
    html = render_markdown_html(md)
    assert shape(html) == shape(render_markdown_html(render_markdown(benign_twin(payload))))
    assert scan_markdown_render(html) == []
    assert " ".join(payload.split()).replace("\0", "") in text_of(html).replace("\ufffd", "")


@pytest.mark.parametrize("url", URL_PAYLOADS)
def test_hostile_source_urls_are_not_links(url: str) -> None:
    brief = payload_brief("plain words", url=url, hostile_ids=False)
    html = render_html(brief)
    assert scan_html(html, [(None, OWN_JS)]) == []
    links = [a.get("href") for a in parse(html).iter("a") if a.get("href", "").startswith("http")]
    assert all(h == "https://calm.example/a" for h in links)  # only the calm source's plain http link
    assert scan_markdown_render(render_markdown_html(render_markdown(brief))) == []


@pytest.mark.parametrize(("payload", "url"), [(p, URL_PAYLOADS[i % len(URL_PAYLOADS)]) for i, (_, p) in
                                                enumerate(PAYLOADS)], ids=IDS)
def test_extract_markdown_rendered(payload: str, url: str) -> None:
    # `storylens extract -f md` printed titles, metadata and text raw: a tag in an article became HTML.
    from storylens.cli.extract import render_records

    record = {"id": payload, "url": url, "title": payload, "author": payload, "outlet": payload,
              "published": payload, "language": "en", "text": f"First {payload} line.\n\nSecond {payload}.",
              "removed": [], "duplicate_of": payload, "error": None}
    failed = {**dict.fromkeys(record), "removed": [], "id": payload, "error": f"{payload}: no article text found"}
    html = render_markdown_html(render_records([record, failed], "md"))
    assert scan_markdown_render(html) == []
    assert f"Second {' '.join(payload.split())}".replace("\0", "") in text_of(html).replace("\ufffd", "")


def test_unchanged_for_normal_text() -> None:
    # Escaping must not show up in ordinary prose: quotes, ampersands and dashes read as typed.
    text = "Tom & Jerry's \"big\" day — 5 < 6 > 4"
    html = render_html(payload_brief(text, hostile_ids=False))
    assert text in text_of(html)
    assert text in text_of(render_markdown_html(render_markdown(payload_brief(text, hostile_ids=False))))


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_report_csp_allows_only_its_own_style_and_script() -> None:
    html = render_html(payload_brief("<script>alert(1)</script>"))
    root = parse(html)
    head = root.find("head")
    first = [el.tag for el in head][:3]
    assert first[:2] == ["meta", "meta"]  # charset, viewport, then the policy before any style or script
    meta = head.find("meta[@http-equiv='Content-Security-Policy']")
    policy = dict(part.strip().split(" ", 1) for part in meta.get("content").split(";"))
    assert policy["default-src"] == "'none'" and policy["base-uri"] == "'none'"
    assert "unsafe-inline" not in meta.get("content") and "unsafe-eval" not in meta.get("content")
    style = head.find("style")
    assert policy["style-src"] == _hash(style.text)
    inline = [s for s in root.iter("script") if not s.get("type")]
    assert len(inline) == 1 and policy["script-src"] == _hash(inline[0].text)
    assert list(head).index(meta) < list(head).index(style)


# Web UI --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def web() -> Iterator[httpx.Client]:
    # A real server, not httpx.Client: httpx.Client decodes the path twice, which would garble ids holding "%".
    with LiveServer(create_app(hostile_library([p for _, p in PAYLOADS]))) as live, \
            httpx.Client(base_url=live.url) as client:
        yield client


CSP_RE = re.compile(r"script-src 'self';")
WEB_JS = [("/static/storylens.js", None)]


def _get(client: httpx.Client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, url
    assert CSP_RE.search(r.headers["content-security-policy"]) and "unsafe-inline" not in r.headers[
        "content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    return r.text


@pytest.mark.parametrize("i", range(len(PAYLOADS)), ids=IDS)
def test_web_pages(web: httpx.Client, i: int) -> None:
    payload = PAYLOADS[i][1]
    for kind, url in (("story", "/stories/{}"), ("source", "/stories/{}/sources/" + quote(payload, safe=""))):
        page = _get(web, url.format(f"p{i}"))
        twin = _get(web, url.format(f"b{i}").replace(quote(payload, safe=""), "Harbourmaster"))
        assert shape(page) == shape(twin), kind
        assert scan_html(page, WEB_JS) == [], kind
        assert shown(payload) in text_of(page), kind
    report = _get(web, f"/stories/p{i}/report.html")
    assert scan_html(report, [(None, OWN_JS)]) == []


@pytest.mark.parametrize("i", range(0, len(PAYLOADS), 3), ids=IDS[::3])
def test_web_reflects_nothing_live(web: httpx.Client, i: int) -> None:
    # Payloads in the query string and the path come back on the page only as text.
    payload = PAYLOADS[i][1]
    for url, status in ((f"/?q={quote(payload)}", 200), (f"/add?story={quote(payload)}", 200),
                        (f"/stories/{quote(payload, safe='')}", 404)):
        page = _get(web, url, status)
        assert scan_html(page, WEB_JS) == [], url


def test_web_stories_page_lists_every_hostile_title(web: httpx.Client) -> None:
    page = _get(web, "/")
    assert scan_html(page, WEB_JS) == []
    text = text_of(page)
    assert all(shown(p) in text for _, p in PAYLOADS)
