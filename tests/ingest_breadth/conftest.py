"""Fixtures for the ingestion-breadth tests: eval pages and a loopback web server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from breadth_helpers import LocalServer, eval_pages


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, str, str, str]]:
    return eval_pages(8)
