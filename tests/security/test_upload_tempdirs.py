"""Uploads leave no temporary folder behind: on success, on a refused file, on a failed rebuild, at shutdown.

The web app runs in-process (FastAPI's TestClient) over a model-free library, with the
system temp folder pointed at a fresh directory so that anything left over is seen.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storylens.errors import InputError
from storylens.models import Article, Brief, Source, StoryInfo
from storylens.web.app import create_app
from storylens.web.library import FolderLibrary


def _build(inputs: Sequence[object]) -> Brief:
    """A brief with one source per article; a text saying FAIL makes the build fail like a bad input."""
    sources = []
    for item in inputs:
        assert isinstance(item, Article), "the web UI must hand the library articles, not temporary files"
        if "FAIL" in item.raw:
            raise InputError(item.path, "no article text found")
        sources.append(Source(id=item.id, text=item.raw, outlet=item.outlet))
    return Brief(story=StoryInfo(title="Uploads", n_sources=len(sources)), sources=sources)


@pytest.fixture()
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "systemp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture()
def client(temp_root: Path) -> Iterator[TestClient]:
    with TestClient(create_app(FolderLibrary([], build=_build))) as c:
        yield c


def _left(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_building_and_running_the_app_makes_no_folder(temp_root: Path) -> None:
    create_app(FolderLibrary([], build=_build))  # never started: a lifespan hook would not run
    with TestClient(create_app(FolderLibrary([], build=_build))) as c:
        assert c.get("/").status_code == 200
    assert _left(temp_root) == []


def test_successful_upload_removes_its_folder(client: TestClient, temp_root: Path) -> None:
    r = client.post("/add", data={"story": "", "new_title": "Up"},
                    files=[("files", ("a.txt", b"First report.")), ("files", ("b.html", b"<p>Second.</p>"))])
    assert r.status_code == 200 and "Story created." in r.text
    assert _left(temp_root) == []
    sources = client.get("/api/stories/up/brief").json()["sources"]
    assert [s["id"] for s in sources] == ["001_a", "002_b"]
    # The story was built from articles in memory, so adding more later still works with the files gone.
    r = client.post("/add", data={"story": "up"}, files={"files": ("c.txt", b"Third report.")})
    assert r.status_code == 200 and len(client.get("/api/stories/up/brief").json()["sources"]) == 3
    assert _left(temp_root) == []


@pytest.mark.parametrize("name, data", [
    ("bad.exe", b"MZ binary"), ("bad.txt", b"\xff\xfe\x00bad"), ("bad.jsonl", b"not json"),
    ("bad.warc", b"WARC/1.0\r\nbroken"),
])
def test_refused_upload_removes_its_folder(client: TestClient, temp_root: Path, name: str, data: bytes) -> None:
    r = client.post("/add", data={"story": ""}, files=[("files", ("ok.txt", b"Fine text.")), ("files", (name, data))])
    assert r.status_code == 400
    assert name in r.text and "storylens-uploads-" not in r.text  # the user's file name, not our temp path
    assert _left(temp_root) == []


def test_failed_rebuild_removes_its_folder(client: TestClient, temp_root: Path) -> None:
    r = client.post("/add", data={"story": ""}, files={"files": ("f.txt", b"FAIL to build")})
    assert r.status_code == 422
    assert _left(temp_root) == []


def test_given_workdir_is_left_empty(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    with TestClient(create_app(FolderLibrary([], build=_build), workdir=work)) as c:
        r = c.post("/add", data={"story": ""}, files={"files": ("a.txt", b"Words.")})
        assert r.status_code == 200
        r = c.post("/add", data={"story": ""}, files={"files": ("a.txt", b"\x00binary")})
        assert r.status_code == 400
    assert list(work.iterdir()) == []


def test_pasted_articles_are_numbered_without_a_folder(client: TestClient, temp_root: Path) -> None:
    for _ in range(2):
        r = client.post("/add", data={"story": "", "new_title": "P", "text": "Pasted words."})
        assert r.status_code == 200
    ids = [s["id"] for story in ("p", "p-2") for s in client.get(f"/api/stories/{story}/brief").json()["sources"]]
    assert ids == ["pasted-1", "pasted-2"]
    assert _left(temp_root) == []
