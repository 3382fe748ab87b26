"""The whole path in Chromium with the real pipeline: serve a folder, upload files, see the story change."""

from __future__ import annotations

import shutil

import pytest
from live import LiveServer
from web_inputs import sample, screenshot

from storylens.web.app import create_app
from storylens.web.library import FolderLibrary

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def story_folder(tmp_path_factory, corpus_dir):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("stories") / "two-reports"
    folder.mkdir()
    articles = sorted(corpus_dir.glob("*.txt"))
    for f in articles[:2]:
        shutil.copy(f, folder / f.name)
    return folder, articles[2]


@pytest.fixture(scope="module")
def server(story_folder):  # type: ignore[no-untyped-def]
    folder, _ = story_folder
    library = FolderLibrary([folder])
    library.warm()
    with LiveServer(create_app(library)) as live:
        yield live


def test_upload_recomputes_the_story(server, story_folder, page, tmp_path):  # type: ignore[no-untyped-def]
    _, third = story_folder
    page.goto(server.url + "/")
    assert page.locator("#stories tbody tr").count() == 1
    page.locator("#stories tbody a").first.click()
    page.wait_for_url("**/stories/two-reports")
    assert "2 sources" in page.locator("main .meta").first.inner_text()
    page.click("main >> text=Add articles")
    page.wait_for_url("**/add?story=two-reports")
    assert page.locator("#story").input_value() == "two-reports"
    screenshot(page, "add")
    page.set_input_files("#files", str(third))
    page.click("form button[type=submit]")
    page.wait_for_url("**/stories/two-reports?changes=*", timeout=120_000)
    change = page.locator("#changes").inner_text()
    assert "Brief recomputed." in change and "Added 1 source" in change
    assert "3 sources" in page.locator("main p.meta").first.inner_text()
    assert page.locator("#sources li").count() == 3
    screenshot(page, "after-upload")


def test_hostile_upload_is_shown_as_text(server, page, tmp_path):  # type: ignore[no-untyped-def]
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("A plain first sentence about the visit. " + " ".join(sample.PAYLOADS)
                       + " The visit ended on Friday.", encoding="utf-8")
    page.goto(server.url + "/add?story=two-reports")
    page.set_input_files("#files", str(hostile))
    page.click("form button[type=submit]")
    page.wait_for_url("**/stories/two-reports?changes=*", timeout=120_000)
    page.locator("#sources a", has_text="hostile").first.click()
    page.wait_for_load_state("load")
    # whatever the cleaner kept of the markup is shown verbatim, as text
    brief = page.request.get(server.url + "/api/stories/two-reports/brief").json()
    kept = next(s["text"] for s in brief["sources"] if "hostile" in s["id"])
    assert "The visit ended on Friday." in kept
    assert " ".join(page.locator(".source-text").inner_text().split()) == " ".join(kept.split())
    assert page.locator("main script, main img, main svg, main iframe").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None and page.dialogs == [] and page.errors == []
