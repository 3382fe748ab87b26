"""The self-contained HTML report: escaping, inline assets, embedded data, highlights, and a real browser."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape
from sample import PAYLOADS, hostile_brief, plain_brief

from storylens.models.brief import Brief, Quote
from storylens.report.html import highlight, render_html, safe_url, source_segments


class Tags(HTMLParser):
    """Collects what a browser's parser would see: elements, attributes, script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        self._in_script = False

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    t = Tags()
    t.feed(html)
    return t


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(hostile_brief())


def test_report_is_self_contained(hostile_html: str) -> None:
    tags = parse(render_html(plain_brief()))
    assert not [t for t, a in tags.tags if t in ("link", "img", "iframe") or (t == "script" and "src" in a)]
    assert "<style>" in hostile_html and "http://" not in hostile_html.split("<main", 1)[0]


def test_hostile_text_creates_no_element_or_handler(hostile_html: str) -> None:
    tags = parse(hostile_html)
    names = [t for t, _ in tags.tags]
    assert names.count("script") == 2  # the data block and our own script, nothing from articles
    assert not {"iframe", "svg", "img", "body"} & set(names[names.index("main"):])
    assert not [(t, k) for t, a in tags.tags for k in a if k.lower().startswith("on")]
    hrefs = [a["href"] for t, a in tags.tags if t == "a"]
    assert hrefs and all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    # each payload is still there, as text a reader can see
    assert all(str(escape(p)) in hostile_html for p in PAYLOADS)


def test_embedded_brief_json_cannot_close_its_script_and_round_trips(hostile_html: str) -> None:
    brief = hostile_brief()
    data = re.search(r'<script type="application/json" id="brief-data">(.*?)</script>', hostile_html, re.DOTALL)
    assert data is not None
    body = data.group(1)
    assert "</" not in body and "<!--" not in body
    assert Brief.model_validate(json.loads(body)) == brief


def test_csp_allows_exactly_our_inline_script(hostile_html: str) -> None:
    tags = parse(hostile_html)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    ours = tags.scripts[-1]
    digest = base64.b64encode(hashlib.sha256(ours.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a?b=c", "https://example.org/a?b=c"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None), (" JaVaScRiPt:alert(1)", None), ("data:text/html,x", None),
    ("//evil.example/x", None), ("/relative", None), ("https://x.org/\"onmouseover=1", None), (None, None),
    ("vbscript:x", None), ("https:///nohost", None),
])
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_highlight_marks_spans_conflict_first() -> None:
    text = "aa bb cc dd"
    segs = highlight(text, [(3, 8, "claim"), (6, 11, "conflict"), (50, 60, "claim")])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.kind, s.anchor) for s in segs] == [
        ("aa ", None, None), ("bb ", "claim", 3), ("cc dd", "conflict", 6)]


def test_misplaced_quotes_are_not_highlighted() -> None:
    brief = plain_brief(2)
    src = brief.sources[0]
    good = brief.claims[1].evidence[0]
    tail = len(src.text) - 5  # the end of the text is used by no claim
    brief.claims[1].evidence.append(Quote(source=src.id, start=tail, end=tail + 5, quote="WRONG"))
    segs = source_segments(brief, src.id)
    marked = [s for s in segs if s.kind]
    assert good.start in {s.anchor for s in marked}
    assert tail not in {s.anchor for s in marked}
    assert not segs[-1].kind
    assert "".join(s.text for s in segs) == src.text


def test_report_shows_every_section() -> None:
    html = render_html(plain_brief())
    for anchor in ("summary", "conflicts", "claims", "timeline", "entities", "sources"):
        assert f'id="{anchor}"' in html
    assert "1500 people" in html and "Pt. Elm" in html and "Subscribe to Outlet 1 newsletter" in html


@pytest.mark.browser
def test_report_file_in_chromium(tmp_path: Path) -> None:
    """Opened from disk: nothing hostile runs, yet our own script (allowed by hash) makes citations work."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    hostile = tmp_path / "hostile.html"
    hostile.write_text(render_html(hostile_brief()), encoding="utf-8")
    plain = tmp_path / "plain.html"
    plain.write_text(render_html(plain_brief()), encoding="utf-8")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(hostile.as_uri())
        page.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
        page.locator("button.cite").first.click()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None and dialogs == []

        page.goto(plain.as_uri())
        cite = page.locator("button.cite").first
        cite.click()
        assert cite.get_attribute("aria-expanded") == "true"
        # a citation's source link unfolds that source's text at the quoted span
        page.locator(".cite-quote.open a").click()
        assert page.locator("#src-1 details").first.get_attribute("open") is not None
        page.emulate_media(media="print")
        assert not page.locator("header.site").is_visible()
        browser.close()
