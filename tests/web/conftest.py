"""Fixtures for the web UI tests: hand-made briefs, a live server in a thread, and Chromium."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Self

import pytest

HERE = Path(__file__).parent
ARTIFACTS = HERE.parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# The hand-made briefs live with the report tests; load that module by path (tests/ is not a package).
_spec = importlib.util.spec_from_file_location("report_samples", HERE.parent / "report_html" / "sample.py")
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)  # type: ignore[union-attr]


def fake_library(**briefs):  # type: ignore[no-untyped-def]
    """A FolderLibrary whose stories are the given briefs; added articles become extra sources.

    The build function is deterministic and model-free, so page tests stay fast; the pipeline itself
    is exercised by the slow tests.
    """
    from storylens.models import Article, Brief, Source, StoryInfo
    from storylens.web.library import FolderLibrary

    def build(inputs):  # type: ignore[no-untyped-def]
        known = isinstance(inputs[0], str) and inputs[0] in briefs
        base: Brief = (briefs[inputs[0]].model_copy(deep=True) if known
                       else Brief(story=StoryInfo(title="Untitled story", n_sources=0), sources=[]))
        for extra in inputs[1 if known else 0:]:
            if isinstance(extra, Article):
                text, sid = extra.raw, extra.id
            else:
                text, sid = Path(extra).read_text(encoding="utf-8"), Path(extra).stem
            base.sources.append(Source(id=sid, text=text, outlet=getattr(extra, "outlet", None)))
        base.story.n_sources = len(base.sources)
        return base

    library = FolderLibrary([], build=build)
    for name in briefs:
        library._new(name, [name])
    return library


class LiveServer:
    """uvicorn serving an app on a free loopback port, in a daemon thread."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that records dialogs (alert/confirm) and page errors instead of blocking on them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
