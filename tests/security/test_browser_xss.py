"""Chromium loads the HTML report and the web UI for a corpus of hostile articles: nothing may run.

Every payload of the corpus sits in every field of one brief. The page gets hooks
(alert/confirm/prompt/print, console, fetch/XHR/sendBeacon, window.__xss) before
its own script; every element gets the events inline handlers listen for, citations
are clicked, folds opened, links hovered and tabbed through. Requests leaving the
page's origin count as beacons. Each check runs with the Content-Security-Policy and
again with it removed, so a pass shows that escaping alone already holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from live import LiveServer
from seclab_browser import drive
from seclab_xss import corpus_brief
from xss_payloads import PAYLOADS

from storylens.report.html import render_html
from storylens.web.app import create_app
from storylens.web.library import FolderLibrary

pytestmark = pytest.mark.browser
TEXTS = [p for _, p in PAYLOADS]


@pytest.fixture(scope="module")
def brief():  # type: ignore[no-untyped-def]
    return corpus_brief(TEXTS)


@pytest.fixture(scope="module")
def server(brief) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    library = FolderLibrary([], build=lambda inputs: brief)
    library._new("corpus", ["corpus"])
    with LiveServer(create_app(library)) as live:
        yield live


def _assert_nothing_ran(found: dict) -> None:  # type: ignore[type-arg]
    assert found["hits"] == [] and found["dialogs"] == [] and found["beacons"] == [], found
    assert found["executed"] == 0
    assert found["events_fired"] > 10_000 and found["clicks"] > 100  # the pages were really exercised


@pytest.mark.parametrize("with_csp", [True, False], ids=["csp", "no-csp"])
def test_report_runs_nothing(browser, brief, tmp_path: Path, with_csp: bool) -> None:  # type: ignore[no-untyped-def]
    html = render_html(brief)
    if not with_csp:
        html, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert n == 1
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    found = drive(browser, [path.as_uri(), path.as_uri() + "#src-1-at-27"], origin=None)
    _assert_nothing_ran(found)
    if with_csp:
        # The policy blocks nothing of ours: no violation at all, and our script did its job.
        assert found["csp_violations"] == [] and found["page_errors"] == []


def test_report_own_script_and_style_work_under_its_policy(browser, brief, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.html"
    path.write_text(render_html(brief), encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(path.as_uri())
    cite = page.locator("#summary button.cite").first
    popover = page.locator("#" + cite.get_attribute("aria-controls"))
    assert not popover.is_visible()  # hidden by our stylesheet
    cite.click()
    assert cite.get_attribute("aria-expanded") == "true" and popover.is_visible()  # shown by our script
    context.close()


@pytest.mark.parametrize("with_csp", [True, False], ids=["csp", "no-csp"])
def test_web_ui_runs_nothing(browser, brief, server: LiveServer, with_csp: bool) -> None:  # type: ignore[no-untyped-def]
    base = server.url
    urls = [base + "/", base + "/stories/corpus", base + "/add?story=corpus"]
    urls += [f"{base}/stories/corpus/sources/{quote(s.id, safe='')}" for s in brief.sources[::23]]
    urls += [f"{base}/?q={quote(p)}" for p in TEXTS[::40]] + [f"{base}/stories/{quote(TEXTS[0], safe='')}"]
    found = drive(browser, urls, origin=base, strip_csp=not with_csp)
    _assert_nothing_ran(found)
    assert found["pages"] == len(urls)
    if with_csp:
        assert found["csp_violations"] == [] and found["page_errors"] == []
