"""Hostile articles (.txt, .html, .jsonl) through the real pipeline, then through every output.

The hand-made briefs of test_xss_outputs.py cover every field exactly; this shows that what
the pipeline itself makes of hostile input (cleaned text, entity names, claims, quotes,
titles, outlets, URLs) is rendered just as safely, and that no stage crashes on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live import LiveServer
from seclab_xss import (
    render_markdown_html,
    scan_html,
    scan_markdown_render,
    write_hostile_corpus,
)
from xss_payloads import PAYLOADS, URL_PAYLOADS

from storylens.models import Brief
from storylens.report.html import STATIC, render_html
from storylens.report.markdown import render_markdown
from storylens.web.app import create_app
from storylens.web.library import FolderLibrary

pytestmark = pytest.mark.slow
OWN_JS = (STATIC / "storylens.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    import storylens

    folder = tmp_path_factory.mktemp("hostile")
    write_hostile_corpus(folder, [p for _, p in PAYLOADS], URL_PAYLOADS)
    return storylens.brief(folder)


def test_the_pipeline_reads_every_hostile_article(brief: Brief) -> None:
    assert len(brief.sources) == 8  # 4 JSONL records, 2 pages, 2 text files: none refused or lost
    assert brief.claims and brief.entities and brief.summary
    # The hostile strings really reached the fields that get rendered. (The two .txt files hold so many
    # tags that ingest reads them as HTML, whose extraction keeps no text: a known ingest behaviour.)
    assert sum("<" in s.text for s in brief.sources) >= 6
    assert any("<" in (s.title or "") for s in brief.sources) and any("<" in (s.author or "") for s in brief.sources)
    assert any("<" in c.text for c in brief.claims)


def test_report_and_markdown_of_the_pipeline_brief(brief: Brief) -> None:
    assert scan_html(render_html(brief), [(None, OWN_JS)]) == []
    assert scan_markdown_render(render_markdown_html(render_markdown(brief))) == []


def test_quotes_stay_verbatim(brief: Brief) -> None:
    texts = {s.id: s.text for s in brief.sources}
    quotes = [q for c in brief.claims for q in c.evidence] + [q for s in brief.summary for q in s.quotes]
    assert quotes and all(texts[q.source][q.start:q.end] == q.quote for q in quotes)


@pytest.fixture(scope="module")
def web(brief: Brief) -> Iterator[httpx.Client]:
    library = FolderLibrary([], build=lambda inputs: brief)
    library._new("hostile", ["hostile"])
    with LiveServer(create_app(library)) as live, httpx.Client(base_url=live.url) as client:
        yield client


def test_web_pages_of_the_pipeline_brief(web: httpx.Client, brief: Brief) -> None:
    from urllib.parse import quote

    urls = ["/", "/stories/hostile"] + [f"/stories/hostile/sources/{quote(s.id, safe='')}" for s in brief.sources]
    for url in urls:
        r = web.get(url)
        assert r.status_code == 200, url
        assert scan_html(r.text, [("/static/storylens.js", None)]) == [], url
    r = web.get("/stories/hostile/report.html")
    assert scan_html(r.text, [(None, OWN_JS)]) == []


def test_unparseable_url_does_not_break_rendering(tmp_path: Path) -> None:
    from storylens.models.brief import Source, StoryInfo

    brief = Brief(story=StoryInfo(title="t", n_sources=1), sources=[Source(id="a", text="x", url="http://[oops/")])
    assert "original" not in render_html(brief) and render_markdown(brief)
