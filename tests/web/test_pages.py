"""Routes, headers and upload rules, through FastAPI's in-process client (no browser, no models)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_inputs import fake_library, sample

from storylens.models import Brief
from storylens.web.app import create_app
from storylens.web.uploads import MAX_FILE_BYTES, MAX_REQUEST_BYTES


@pytest.fixture()
def client(tmp_path):  # type: ignore[no-untyped-def]
    library = fake_library(festival=sample.plain_brief(3), hostile=sample.hostile_brief())
    with TestClient(create_app(library, workdir=tmp_path)) as c:
        yield c


def test_pages_render_with_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    for path in ["/", "/stories/festival", "/stories/festival/sources/src0", "/add", "/stories/hostile"]:
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "<script>" not in r.text.lower()  # no inline script on any page


def test_api_lists_stories_and_serves_the_brief_contract(client) -> None:  # type: ignore[no-untyped-def]
    stories = client.get("/api/stories").json()
    assert [s["id"] for s in stories] == ["festival", "hostile"]  # dated first, then undated
    assert stories[0]["title"] == "Harbour festival opens in Port Elm" and stories[0]["n_conflicts"] == 1
    assert [s["id"] for s in client.get("/api/stories", params={"q": "pt. elm"}).json()] == ["festival"]
    r = client.get("/api/stories/festival/brief")
    assert r.json()["schema"] == "storylens.brief/1"
    assert Brief.from_json(r.content) == sample.plain_brief(3)
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}/brief"} <= set(paths)


def test_unknown_story_or_source_is_404(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/stories/nope").status_code == 404
    assert "Not found" in client.get("/stories/festival/sources/nope").text
    assert client.get("/api/stories/nope/brief").json() == {"detail": "no story 'nope'"}


def test_report_download_is_the_self_contained_file(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/stories/festival/report.html")
    assert r.headers["content-disposition"].startswith("attachment")
    assert "<style>" in r.text and 'id="brief-data"' in r.text


def test_foreign_host_and_cross_site_posts_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    r = client.post("/add", data={"text": "x"}, headers={"origin": "https://attacker.example"})
    assert r.status_code == 403
    r = client.post("/add", data={"text": "x"}, headers={"origin": "null"})
    assert r.status_code == 403


def test_oversized_body_is_refused_before_reading(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/add", content=b"x", headers={"content-length": str(MAX_REQUEST_BYTES + 1),
                                                   "content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


@pytest.mark.parametrize("name,data,why", [
    ("a.exe", b"MZ\x90\x00", "not an accepted type"),
    ("a.txt", b"hello\x00world", "binary data"),
    ("a.txt", b"\xff\xfe\xfa bad bytes then text", "not UTF-8"),
    ("a.jsonl", b"not json\n", "one JSON object per line"),
    ("a.warc", b"<html>not a warc</html>", "WARC record"),
    ("a.warc.gz", b"plain", "not gzip"),
    ("a.txt", b"", "empty"),
    ("a.html", b"x" * (MAX_FILE_BYTES + 1), "limit per file"),
])
def test_bad_uploads_are_refused_with_a_reason(client, name, data, why) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/add", data={"story": "festival"}, files={"files": (name, data)})
    assert r.status_code == 400
    assert why in r.text
    assert len(client.get("/api/stories/festival/brief").json()["sources"]) == 3  # nothing was added


def test_legacy_encoded_text_upload_is_read_like_the_cli_reads_it(client) -> None:  # type: ignore[no-untyped-def]
    # A windows-1252 export was refused as "not UTF-8" although `storylens brief` reads the same file.
    data = "Café owners in Zürich said on Monday that prices rose – the most since 2008.".encode("cp1252")
    r = client.post("/add", data={"story": "festival"}, files={"files": ("cafes.txt", data)})
    assert r.status_code == 200 and "Added 1 source" in r.text
    texts = [s["text"] for s in client.get("/api/stories/festival/brief").json()["sources"]]
    assert any("Café owners in Zürich" in t and "–" in t for t in texts)


def test_feed_upload_adds_its_entries(client) -> None:  # type: ignore[no-untyped-def]
    # Feeds were refused ("not an accepted type") although `storylens brief` reads them.
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
            b"<item><title>Pier shut</title><link>https://news.example/1</link>"
            b"<description>The pier closed on Monday for repairs.</description></item>"
            b"<item><title>Ferry late</title><link>https://news.example/2</link>"
            b"<description>Ferries ran late on Tuesday.</description></item></channel></rss>")
    r = client.post("/add", data={"story": "festival"}, files={"files": ("desk.rss", feed)})
    assert r.status_code == 200 and "Added 2 sources" in r.text
    texts = [s["text"] for s in client.get("/api/stories/festival/brief").json()["sources"]]
    assert any("The pier closed on Monday" in t for t in texts)


def test_upload_adds_to_a_story_and_says_what_changed(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/add", data={"story": "festival"},
                    files=[("files", ("../../evil name.txt", b"A fourth report.")),
                           ("files", ("b.html", b"<p>A fifth.</p>"))])
    assert r.status_code == 200 and "/stories/festival?changes=" in str(r.url)
    assert "Brief recomputed." in r.text and "Added 2 sources" in r.text
    ids = [s["id"] for s in client.get("/api/stories/festival/brief").json()["sources"]]
    assert len(ids) == 5
    assert ids[-2:] == ["001_evil_name", "002_b"]  # no path from the user reaches the disk
    assert list(tmp_path.iterdir()) == []  # and the upload's temporary folder is gone


def test_pasted_text_starts_a_new_story(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/add", data={"story": "", "new_title": "Fresh one", "text": "Pasted words.",
                                  "outlet": "Paste Daily"})
    assert r.status_code == 200 and "Story created." in r.text
    ids = [s["id"] for s in client.get("/api/stories").json()]
    assert "fresh-one" in ids


def test_nothing_to_add_is_an_error(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/add", data={"story": "festival", "text": "   "})
    assert r.status_code == 400 and "paste some text" in r.text
