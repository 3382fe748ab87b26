"""Helpers for the ingestion-breadth tests: eval pages, pages built in the test, a loopback web server."""

from __future__ import annotations

import gzip
import json
import os
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EVAL_DATA = Path(os.environ.get("STORYLENS_EVAL_DATA", Path(__file__).resolve().parents[3] / "shared" / "eval-data"))
EXTRACTION = EVAL_DATA / "extraction"
WARC = EVAL_DATA / "warc" / "sample.warc.gz"

Route = Callable[[BaseHTTPRequestHandler], None]


needs_warc_sample = pytest.mark.skipif(not WARC.exists(), reason=f"eval data not found: {WARC}")


def eval_pages(n: int) -> list[tuple[str, str, str, str]]:
    """(id, html, url, gold body) of the first n eval pages, by id (skips the test without the eval data)."""
    if not (EXTRACTION / "ground-truth.json").exists():
        pytest.skip(f"eval data not found at {EVAL_DATA}")
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth)[:n]:
        html = gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        out.append((key, html, truth[key]["url"], truth[key]["articleBody"]))
    return out


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 serving `routes` (path -> handler function)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                route(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def serve(self, path: str, body: bytes | str, ctype: str = "text/html; charset=utf-8", status: int = 200,
              headers: dict[str, str] | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body

        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(data)

        self.routes[path] = route
        return self.base + path


def article_page(title: str, paragraphs: list[str], extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}{extra}</article><footer>Contact us</footer></body></html>")




def write(tmp: Path, name: str, data: bytes | str) -> Path:
    p = tmp / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p
