"""The FastAPI app behind `storylens serve`: server-rendered pages plus their JSON twins.

Safety first, because every page shows text copied from arbitrary web pages:
templates autoescape; every response carries a Content-Security-Policy that
allows only the package's own script file (no inline script at all); the Host
header must be the one we serve on (no DNS rebinding); a POST from another
origin is refused (no cross-site upload into the loopback server); bodies have
a size limit checked before they are read.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storylens.report.html import STATIC
from storylens.web.library import Library
from storylens.web.uploads import MAX_REQUEST_BYTES

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
LOOPBACK = ["127.0.0.1", "localhost", "::1", "[::1]"]


def create_app(library: Library, *, host: str = "127.0.0.1", workdir: Path | None = None) -> FastAPI:
    """Build the app over a library of stories; `host` is where it will listen (for the Host check).

    `workdir` is where each upload's temporary folder is made (the system's temp folder by default); the
    app itself keeps no folder, so building an app, or a server stopped abruptly, leaves nothing behind.
    """
    from storylens.web.routes import router

    app = FastAPI(
        title="storylens", summary="Cross-source briefs of news stories.", version="0.1.0",
        # Swagger UI and ReDoc load from a CDN, which this app never does; /openapi.json documents the API.
        docs_url=None, redoc_url=None,
    )
    app.state.library = library
    app.state.workdir = workdir
    app.state.pastes = itertools.count(1)  # numbers pasted articles: pasted-1, pasted-2, ...
    app.state.changes = {}
    app.state.notices = {}  # one-line reports of a re-sort, by token, for the page the POST leads to
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(router)

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        t0 = time.perf_counter()
        refused = _refuse(request)
        response = refused if refused is not None else await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our own form posts.
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - t0) * 1000:.1f}"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # The API answers in JSON; a person following a stale link gets a page.
        if request.url.path.startswith("/api/") or exc.status_code < 400:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        from storylens.web.routes import error_page

        return error_page(exc.status_code, str(exc.detail))

    # Added last so it runs first: a request for a foreign Host name never reaches the app.
    hosts = ["*"] if host in ("0.0.0.0", "::", "") else sorted({host, *LOOPBACK, "testserver"})
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    return app


def _refuse(request: Request) -> Response | None:
    """Refuse cross-site writes and oversized bodies before anything reads them."""
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return None
    origin = request.headers.get("origin")
    site = request.headers.get("sec-fetch-site")
    # Browsers send "Origin: null" from sandboxed frames and file:// pages: foreign unless fetch metadata
    # vouches for the request being same-origin.
    foreign_origin = origin is not None and (
        urlsplit(origin).netloc != request.headers.get("host") if origin != "null" else site != "same-origin")
    if site in ("cross-site", "same-site") or foreign_origin:
        return PlainTextResponse("cross-site request refused", status_code=403)
    length = request.headers.get("content-length")
    if length is None:
        return PlainTextResponse("a Content-Length header is required", status_code=411)
    if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
        return PlainTextResponse(f"request body over {MAX_REQUEST_BYTES} bytes", status_code=413)
    return None
