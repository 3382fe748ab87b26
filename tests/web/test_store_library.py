"""`serve --db`: the web UI over the story store, with the real pipeline (slow)."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from storylens.web.app import create_app
from storylens.web.store_library import StoreLibrary

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(tmp_path_factory, corpus_dir):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("store")
    folder = tmp / "in"
    folder.mkdir()
    for f in sorted(corpus_dir.glob("*.txt"))[:2]:
        shutil.copy(f, folder / f.name)
    library = StoreLibrary.open(tmp / "stories.db", [folder])
    with TestClient(create_app(library, workdir=tmp / "uploads")) as c:
        yield c


def test_store_stories_are_listed_and_briefed(client) -> None:  # type: ignore[no-untyped-def]
    stories = client.get("/api/stories").json()
    assert stories and sum(s["n_sources"] for s in stories) == 2
    first = stories[0]["id"]
    brief = client.get(f"/api/stories/{first}/brief").json()
    assert brief["schema"] == "storylens.brief/1" and len(brief["sources"]) == stories[0]["n_sources"]
    assert client.get("/").status_code == 200 and first in client.get("/").text
    assert client.get("/api/stories/s999/brief").status_code == 404


def test_adding_to_the_store_reports_where_the_article_went(client, corpus_dir) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/stories").json()[0]["id"]
    third = sorted(corpus_dir.glob("*.txt"))[2]
    r = client.post("/add", data={"story": first}, files={"files": (third.name, third.read_bytes())})
    assert r.status_code == 200 and 'id="changes"' in r.text
    assert sum(s["n_sources"] for s in client.get("/api/stories").json()) == 3
    again = client.post("/add", data={"story": first}, files={"files": (third.name, third.read_bytes())})
    assert again.status_code == 422 and "already in the store" in again.text


def test_the_stories_page_re_sorts_the_store(client) -> None:  # type: ignore[no-untyped-def]
    before = {s["id"]: s["n_sources"] for s in client.get("/api/stories").json()}
    page = client.get("/")
    assert 'action="/resort"' in page.text and "3 of 3 articles arrived since the last re-sort." in page.text
    r = client.post("/resort")  # TestClient follows the 303 to the stories page
    assert r.status_code == 200 and r.url.path == "/" and "Re-sorted 3 articles" in r.text
    assert "Every article has been re-sorted." in r.text
    assert sum(before.values()) == sum(s["n_sources"] for s in client.get("/api/stories").json())
    # The notice is found by its token only: a made-up one shows nothing.
    assert "Re-sorted" not in client.get("/?notice=nope").text


def test_a_folder_library_has_no_re_sort(tmp_path, corpus_dir) -> None:  # type: ignore[no-untyped-def]
    from storylens.web.library import FolderLibrary

    with TestClient(create_app(FolderLibrary([corpus_dir]), workdir=tmp_path)) as c:
        assert 'action="/resort"' not in c.get("/").text
        assert c.post("/resort").status_code == 404
