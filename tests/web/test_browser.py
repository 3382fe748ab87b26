"""The web UI in Chromium: stories page, brief, citations, ledger, source view, hostile text, phone width.

These use hand-made briefs (no NLP models), so they are quick; tests/web/test_pipeline_browser.py drives
the real pipeline through an upload.
"""

from __future__ import annotations

import pytest
from live import LiveServer
from web_inputs import fake_library, sample, screenshot

from storylens.web.app import create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server():  # type: ignore[no-untyped-def]
    library = fake_library(festival=sample.plain_brief(3), hostile=sample.hostile_brief())
    with LiveServer(create_app(library)) as live:
        yield live


def test_stories_page_lists_stories_newest_first(server, page):  # type: ignore[no-untyped-def]
    page.goto(server.url + "/")
    rows = page.locator("#stories tbody tr")
    assert rows.count() == 2
    assert "Harbour festival opens in Port Elm" in rows.nth(0).inner_text()  # dated story before undated one
    screenshot(page, "stories")
    page.fill("#q", "Ada Brook")  # an entity name, not in the title
    page.click("form.search button")
    page.wait_for_url("**/?q=Ada+Brook")
    assert page.locator("#stories tbody tr").count() == 1


def test_brief_citation_shows_the_exact_quote(server, page):  # type: ignore[no-untyped-def]
    page.goto(server.url + "/")
    page.click("text=Harbour festival opens in Port Elm")
    page.wait_for_url("**/stories/festival")
    cite = page.locator("#summary button.cite").first
    popover = page.locator("#" + cite.get_attribute("aria-controls"))
    assert not popover.is_visible()
    cite.click()
    assert cite.get_attribute("aria-expanded") == "true"
    assert popover.is_visible()
    assert "The harbour festival opened on Saturday in Port Elm." in popover.inner_text()
    screenshot(page, "brief-citation")
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)  # hovering also shows the quote; move away to see that Escape closed it
    assert cite.get_attribute("aria-expanded") == "false"
    assert not popover.is_visible()


def test_citation_works_from_the_keyboard(server, page):  # type: ignore[no-untyped-def]
    page.goto(server.url + "/stories/festival")
    cite = page.locator("#summary button.cite").first
    cite.focus()
    page.keyboard.press("Enter")
    assert page.locator("#" + cite.get_attribute("aria-controls")).is_visible()


def test_conflict_ledger_shows_values_side_by_side(server, page):  # type: ignore[no-untyped-def]
    page.goto(server.url + "/stories/festival")
    page.click("nav[aria-label='Sections of the brief'] >> text=Conflict ledger")
    assert page.url.endswith("#conflicts")
    ledger = page.locator("#conflicts table.ledger")
    assert ledger.is_visible()
    rows = ledger.locator("tbody tr")
    assert rows.count() == 2
    text = ledger.inner_text()
    assert "1000 people" in text and "1500 people" in text
    assert "“1500 people came”" in text
    assert "2024-05-11" in text  # when the outlet saying 1500 published
    ledger.screenshot(path=str(screenshot(page, "brief").with_name("conflict-ledger.png")))


def test_source_view_highlights_claim_spans_and_folds_removed_text(server, page):  # type: ignore[no-untyped-def]
    page.goto(server.url + "/stories/festival")
    page.locator("#conflicts table.ledger a", has_text="Outlet 1").last.click()
    page.wait_for_url("**/stories/festival/sources/src1#at-*")
    target = page.locator(":target")
    # the link lands on the quoted span, highlighted as part of a conflict
    assert target.get_attribute("class") == "conflict"
    assert target.inner_text().startswith("1500")
    assert page.locator("mark.claim").count() >= 1
    removed = page.locator("details.removed")
    assert not removed.locator("del").first.is_visible()
    removed.locator("summary").click()
    assert removed.locator("del").first.inner_text() == "Subscribe to Outlet 1 newsletter"
    screenshot(page, "source")


def test_hostile_article_text_never_runs(server, page):  # type: ignore[no-untyped-def]
    for path in ["/", "/stories/hostile"]:
        page.goto(server.url + path)
        page.wait_for_load_state("load")
    page.locator("#summary button.cite").first.click()
    sources = page.locator("#sources a")
    first = sources.first.get_attribute("href")
    page.goto(server.url + first)
    page.locator("details.removed summary").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == [] and page.errors == []
    # the payloads are shown as text, not parsed as markup
    assert "<script>window.__xss = 'script'</script>" in page.locator(".source-text").inner_text()
    assert page.locator("main script, main iframe, main svg, main img").count() == 0
    # no javascript:/data: link survives; the only external links are http(s)
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if not (h.startswith(("/", "#", "http://", "https://")))]
    screenshot(page, "hostile-source")


def test_brief_page_fits_a_phone(server, browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    try:
        for path in ["/", "/stories/festival", "/stories/festival/sources/src0", "/add"]:
            pg.goto(server.url + path)
            overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at phone width"
        pg.goto(server.url + "/stories/festival")
        screenshot(pg, "brief-phone")
    finally:
        context.close()


def test_ledger_values_are_not_broken_inside_words(page, tmp_path):  # type: ignore[no-untyped-def]
    # With long quotes beside them, table layout squeezed the value column until "Tuesday" read "Tuesda|y".
    from storylens.report.html import render_html

    brief = sample.plain_brief(3)
    said = ("Both governments confirmed the meeting and although they did not specify the date or place of the "
            "meeting, it is believed that it will take place in the Far East, this week, officials said.")
    for src in brief.sources:
        src.text += " " + said
    for value, word in zip(brief.conflicts[0].values, ["Wednesday", "Cosmodrome"], strict=True):
        value.value, value.normalized = word, None
        value.quotes = [sample.q(next(s for s in brief.sources if s.id == sid), said) for sid in value.sources]
    report = tmp_path / "report.html"
    report.write_text(render_html(brief), encoding="utf-8")
    page.goto(report.as_uri())
    lines = page.eval_on_selector_all("table.ledger .value", "els => els.map(e => e.getClientRects().length)")
    assert lines == [1, 1]


def test_keyboard_reaches_the_content_first(server, page):  # type: ignore[no-untyped-def]
    page.goto(server.url + "/stories/festival")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_upload_from_the_add_page_changes_the_story(server, page, tmp_path):  # type: ignore[no-untyped-def]
    upload = tmp_path / "late report.txt"
    upload.write_text("A late report about the festival.", encoding="utf-8")
    page.goto(server.url + "/stories/festival")
    before = page.locator("#sources li").count()
    page.click("main >> text=Add articles")
    page.set_input_files("#files", str(upload))
    page.click("form button[type=submit]")
    page.wait_for_url("**/stories/festival?changes=*")
    assert "Added 1 source" in page.locator("#changes").inner_text()
    assert page.locator("#sources li").count() == before + 1


def test_wrong_file_type_is_refused_on_the_page(server, page, tmp_path):  # type: ignore[no-untyped-def]
    bad = tmp_path / "tool.exe"
    bad.write_bytes(b"MZ\x90\x00binary")
    page.goto(server.url + "/add?story=festival")
    page.set_input_files("#files", str(bad))
    page.click("form button[type=submit]")
    assert "not an accepted type" in page.locator("#error").inner_text()
