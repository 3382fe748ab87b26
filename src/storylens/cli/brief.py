"""`storylens brief` and `storylens schema`."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from storylens.cli import FLAG, app

STDOUT = "-"  # `-o -`: the usual name for standard output (e.g. `-o brief.html -o -`)


class Format(str, Enum):
    md = "md"
    json = "json"
    html = "html"


@app.command("brief")
def brief_cmd(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH_OR_URL", help="Folders or files of articles (txt, html, jsonl, warc, RSS/Atom feeds) or http(s) URLs.")] = None,
    format: Annotated[
        Format | None, typer.Option("--format", "-f", help="md, json or html (default: from --output's extension, else md).")
    ] = None,
    output: Annotated[
        list[Path] | None,
        typer.Option("--output", "-o",
                     help="Write here instead of stdout ('-' is stdout); repeat to write several formats at once."),
    ] = None,
    story: Annotated[str | None, typer.Option("--story", help="A story id in the store (see `storylens stories`).")] = None,
    db: Annotated[Path, typer.Option("--db", help="Story database.")] = Path("stories.db"),
    since: Annotated[int | None, typer.Option("--since", help="With --story: show what changed since this version.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", metavar=FLAG, help="Let URLs reach loopback and private addresses.")
    ] = False,
) -> None:
    """Build the cross-source brief of one story.

    Examples:

      storylens brief examples/kim-train-2023

      storylens brief examples/kim-train-2023 -o brief.html -o brief.json

      storylens brief --story s1 --db stories.db --since 1
    """
    from storylens.errors import InputError

    if story is not None and paths:
        raise InputError(None, "give folders or files of articles, or --story ID, not both")
    if since is not None and story is None:
        raise InputError(None, "--since needs --story ID (it compares versions of a stored story's brief)")
    targets = [(path, _format_of(path, format)) for path in output or []] or [(None, (format or Format.md).value)]
    for path, _ in targets:
        _check_writable(path)  # fail before minutes of work, not after
    if story is not None:
        from storylens.cli.stories import story_brief_text

        for path, fmt in targets:
            _emit(story_brief_text(db, story, since, fmt), path)
        return
    if not paths:
        raise InputError(None, "give at least one folder or file of articles, or --story ID")
    import storylens

    with _progress() as progress:
        result = storylens.brief(paths, progress=progress, allow_private=allow_private)
    for path, fmt in targets:
        _emit(render(result, fmt), path)


# Output file extensions and the format each one gets when --format is not given.
_BY_SUFFIX = {"json": "json", "html": "html", "htm": "html", "md": "md", "markdown": "md", "txt": "md", "": "md"}


def _format_of(path: Path, given: Format | None) -> str:
    from storylens.errors import InputError

    if given is not None:
        return given.value
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in _BY_SUFFIX:
        # Markdown silently written into brief.pdf or brief.docx is not what was asked for.
        raise InputError(str(path), f"cannot tell the format from '.{suffix}': name the file .md, .json or .html, "
                                    "or give --format")
    return _BY_SUFFIX[suffix]


def render(result: object, fmt: str) -> str:
    if fmt == "json":
        return result.to_json()  # type: ignore[attr-defined]
    if fmt == "html":
        return result.to_html()  # type: ignore[attr-defined]
    return result.to_markdown()  # type: ignore[attr-defined]


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the brief (storylens.brief/1)."""
    from storylens.report.schema import schema_text

    sys.stdout.write(schema_text())


def _check_writable(output: Path | None) -> None:
    from storylens.errors import InputError

    if output is None or str(output) == STDOUT:
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(output), f"cannot write output: {exc.strerror or exc}") from exc
    if output.is_dir():
        raise InputError(str(output), "is a folder; give a file name")


def _emit(text: str, output: Path | None) -> None:
    """Print, or write the file atomically: a kill or a full disk never leaves a half-written brief."""
    import os
    import tempfile

    from storylens.errors import InputError

    if output is None or str(output) == STDOUT:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    tmp: Path | None = None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        # A unique name beside the target: two runs writing one file never share a temporary file.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=output.parent, prefix=f".{output.name}.",
                                         suffix=".part", delete=False) as fh:
            tmp = Path(fh.name)
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # A temporary file is private (0600); the brief gets the mode a plain write would give it: the old
        # file's, else what the umask allows.
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(output.stat().st_mode & 0o7777 if output.exists() else 0o666 & ~umask)
        tmp.replace(output)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise InputError(str(output), f"cannot write output: {exc.strerror or exc}") from exc


class _progress:
    """A rich status line on stderr, only when stderr is a terminal."""

    def __enter__(self):  # type: ignore[no-untyped-def]
        self._status = None
        if sys.stderr.isatty():
            from rich.console import Console

            self._status = Console(stderr=True).status("storylens: starting")
            self._status.__enter__()
        return self.update if self._status else None

    def update(self, stage: str) -> None:
        if self._status is not None:
            self._status.update(f"storylens: {stage}")

    def __exit__(self, *exc: object) -> None:
        if self._status is not None:
            self._status.__exit__(None, None, None)
