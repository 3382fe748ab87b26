"""Ingest stage: files and folders in, raw `Article`s out.

`load_paths` walks folders (sorted, hidden files and folders skipped), detects each
file's format from its content (`sniff.py`) and hands it to one reader per format.

Error policy:
- a path the user names explicitly (a file, a missing path, an empty folder) that cannot
  be read raises `InputError` with a one-line message naming the file;
- inside a folder, an unreadable file is skipped: its `InputError` goes to the
  `problems` list when one is given (and to the log), and the other files still load.
  A folder where no file can be read raises, quoting the first problem.
- a record with no text inside a JSONL file is skipped the same way, wherever the file is named;
  a file none of whose records has text raises.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from storylens.errors import InputError, UnsupportedFormat
from storylens.ingest.files import count_line_starts, max_file_bytes, read_head, too_large
from storylens.ingest.jsonl import read_jsonl
from storylens.ingest.sniff import Format, binary_kind, sniff_path
from storylens.ingest.text import read_html, read_text
from storylens.models import Article

log = logging.getLogger(__name__)

Reader = Callable[[Path, int], list[Article]]

# (JSONL is read apart, `read_jsonl`: it may skip records, which it names in `problems`.)
READERS: dict[str, Reader] = {"text": read_text, "html": read_html}
# Formats read by modules of the ingestion-breadth work, imported on first use:
# (module, function taking the path and returning articles, what the format is called).
LAZY_READERS: dict[str, tuple[str, str, str]] = {
    "warc": ("storylens.ingest.warc", "read_warc", "WARC archives"),
    "feed": ("storylens.ingest.feeds", "read_feed", "RSS/Atom feeds"),
}
# WARC readers stream their records, so archives are not held to the per-file size limit.
_STREAMED = {"warc"}
# More plain text than this in one article is a dump, a log or a book, not news; cleaning it
# would cost ~25 times its size in memory (one 40 MB line took 1 GB). HTML pages have the same
# bound in the clean stage (clean.html.MAX_HTML_CHARS).
MAX_TEXT_CHARS = 8_000_000
# Every record of a JSONL file is held as an Article (~1 KB each before its text) until the file
# is read: a million short lines took over 1 GB. Above this, split the file (or raise
# STORYLENS_MAX_RECORDS).
DEFAULT_MAX_RECORDS = 250_000
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://")


def load_paths(paths: Sequence[str | Path] | str | Path, *, problems: list[InputError] | None = None,
               max_bytes: int | None = None) -> list[Article]:
    """Read files and folders into raw articles, in the order given (folders sorted).

    `problems` collects the files skipped inside folders and the records skipped inside files;
    `max_bytes` overrides the per-file size limit (default 50 MB, or STORYLENS_MAX_FILE_MB).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise InputError(None, "no input given")
    limit = max_file_bytes(max_bytes)
    out: list[Article] = []
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            raise missing(str(given))
        if path.is_dir():
            out.extend(_load_folder(path, limit, problems))
        else:
            out.extend(read_file(path, limit, problems))
    return out


def missing(given: str) -> InputError:
    """The error for an input that is not there: a file or folder, or a URL of a scheme never fetched."""
    scheme = _SCHEME.match(given)
    if scheme:  # Path() would turn "ftp://host/x" into "ftp:/host/x: no such file"
        return InputError(given, f"cannot fetch {scheme.group(1)}:// URLs (only http:// and https://)")
    return InputError(given, "no such file or folder")


def read_file(path: Path, limit: int | None = None, problems: list[InputError] | None = None) -> list[Article]:
    """The articles in one file, whatever its format. Raises InputError when it cannot be read.

    `problems` collects the records skipped inside the file (a JSONL line with no text).
    """
    limit = max_file_bytes(limit)
    if not path.is_file():
        raise InputError(str(path), "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "empty file")
    fmt = sniff_path(path)
    if size > limit and fmt not in _STREAMED:
        raise too_large(path, size, limit)  # before any reader touches more than the head
    if fmt == "jsonl":
        _check_record_count(path, limit)
        return _within_text_limit(read_jsonl(path, limit, problems), path)
    if fmt in READERS:
        return _within_text_limit(READERS[fmt](path, limit), path)
    if fmt in LAZY_READERS:
        return list(_lazy_reader(fmt, path)(path))
    raise UnsupportedFormat(str(path), _unsupported_reason(path, fmt))


def max_records() -> int:
    """Records one JSONL file may hold: STORYLENS_MAX_RECORDS, else DEFAULT_MAX_RECORDS."""
    try:
        return int(os.environ.get("STORYLENS_MAX_RECORDS", DEFAULT_MAX_RECORDS))
    except ValueError:
        return DEFAULT_MAX_RECORDS


def _check_record_count(path: Path, limit: int) -> None:
    """Refuse a JSONL file with more records (lines starting with '{') than `max_records()`."""
    cap = max_records()
    found = count_line_starts(path, b"{", limit)
    if found > cap:
        raise InputError(str(path), f"too many records ({found:,}; the limit is {cap:,} per file: split the file "
                                    "or set STORYLENS_MAX_RECORDS)")


def _within_text_limit(articles: list[Article], path: Path) -> list[Article]:
    """The articles, unless one holds more plain text than an article can (InputError naming it)."""
    for n, art in enumerate(articles, start=1):
        if art.raw_format == "text" and len(art.raw) > MAX_TEXT_CHARS:
            which = "the text" if len(articles) == 1 else f"record {n} ({art.id})"
            raise InputError(str(path), f"{which} is too long for one article ({len(art.raw) / 1e6:.1f} million "
                                        f"characters; the limit is {MAX_TEXT_CHARS // 10**6} million)")
    return articles


def _lazy_reader(fmt: Format, path: Path) -> Callable[[Path], Iterable[Article]]:
    module_name, func, what = LAZY_READERS[fmt]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise UnsupportedFormat(str(path), f"{what} are not supported in this version") from None
    return getattr(module, func)  # type: ignore[no-any-return]


def _unsupported_reason(path: Path, fmt: Format) -> str:
    if fmt == "binary":
        kind = binary_kind(read_head(path, 64)) or "binary data"
        return f"not a text, HTML, JSONL, WARC or feed file: it holds {kind}"
    return "unrecognised content: not text, HTML, JSONL, WARC or an RSS/Atom feed"


def iter_files(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, in sorted order, skipping hidden files and folders."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            yield path


def _load_folder(folder: Path, limit: int, problems: list[InputError] | None) -> list[Article]:
    files = list(iter_files(folder))
    if not files:
        raise InputError(str(folder), "the folder has no files (hidden files are skipped)")
    articles: list[Article] = []
    skipped: list[InputError] = []
    for f in files:
        try:
            articles.extend(read_file(f, limit, skipped))
        except InputError as exc:
            log.warning("skipped %s", exc)
            skipped.append(exc)
    if not articles:
        more = f" (and {len(skipped) - 1} more unreadable file(s))" if len(skipped) > 1 else ""
        raise InputError(str(folder), f"no readable article in the folder: {skipped[0]}{more}")
    if problems is not None:
        problems.extend(skipped)
    return articles


__all__ = ["DEFAULT_MAX_RECORDS", "LAZY_READERS", "MAX_TEXT_CHARS", "READERS", "iter_files", "load_paths",
           "max_records", "missing", "read_file"]
