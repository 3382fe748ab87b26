"""`storylens serve`: the local web UI over folders of articles (or the story store)."""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import Annotated

import typer

from storylens.cli import app


@app.command("serve")
def serve_cmd(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATH", help="Folders or files of articles: each one is a story.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Serve the stories of this story database.")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless you say otherwise).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Browse briefs in a local web UI: stories, briefs, sources, and adding articles.

    Examples:

      storylens serve examples/kim-train-2023

      storylens serve --db stories.db --port 8080
    """
    from storylens.errors import ConfigError, InputError

    if not paths and db is None:
        raise InputError(None, "give at least one folder of articles, or --db stories.db")
    if not 0 < port < 65536:
        raise ConfigError(f"--port {port}: not a port number")
    for p in paths or []:
        if not p.exists():
            raise InputError(str(p), "no such file or folder")
    _check_listen(host, port)  # before the briefs are built, not minutes later

    library = _library(paths or [], db)
    import uvicorn

    from storylens.web.app import create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.stderr.write(f"storylens: warning: listening on {host}: anyone who can reach it can read and add "
                         "articles\n")
    sys.stderr.write(f"storylens: serving on http://{host if ':' not in host else f'[{host}]'}:{port}/\n")
    uvicorn.run(create_app(library, host=host), host=host, port=port, log_level="warning")


def _check_listen(host: str, port: int) -> None:
    """Fail now, in one line, when the address cannot be listened on (port taken, unknown host)."""
    import socket

    from storylens.errors import ConfigError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, addr = infos[0]
        with socket.socket(family, kind, proto) as sock:
            # Same option as uvicorn's: a port left in TIME_WAIT by a server just stopped is free.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(addr)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EADDRINUSE:
            reason = "the port is in use (is storylens serve already running? try --port)"
        raise ConfigError(f"cannot listen on {host}:{port}: {reason}") from None


def _library(paths: list[Path], db: Path | None):  # type: ignore[no-untyped-def]
    """The story library to serve; folder briefs are computed now so the first page is instant."""
    if db is not None:
        from storylens.cli.stories import Skipped
        from storylens.errors import InputError
        from storylens.web.store_library import StoreLibrary

        skipped = Skipped()  # each skipped input told once, as with `storylens ingest`
        try:
            store_library = StoreLibrary.open(db, paths, problem=skipped.report)
        except InputError as exc:
            raise skipped.failure(exc) from None
        skipped.flush()
        return store_library
    from storylens.web.library import FolderLibrary

    library = FolderLibrary(paths)
    library.warm(lambda story_id: sys.stderr.write(f"storylens: building the brief of {story_id}\n"))
    for entry in library.stories():
        if entry.error:  # said here too: the page lists the reason, but only once someone looks
            sys.stderr.write(f"storylens: warning: no brief for story {entry.id}: {entry.error}\n")
    return library
