"""The fuzz targets: bytes in, a reader run on them, and the contract checked.

Each target writes the bytes to a file (the readers take paths, and this exercises the
size limit, gzip and decoding paths too), reads it through `read_file` or the format's
streaming reader, and cleans every article it got. `InputError` is the expected way to
refuse bad input; any other exception escapes and is a crash. The atheris harnesses and
the regression tests (which replay saved crash inputs) both call these functions.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from storylens.clean import clean_article
from storylens.errors import InputError
from storylens.ingest import read_file
from storylens.ingest.warc import iter_warc
from storylens.models import Article

# Per-file limit for fuzzing: far above any input libFuzzer makes (-max_len), so the readers run.
LIMIT = 8 << 20
_WORKDIR = Path(tempfile.mkdtemp(prefix="storylens-fuzz-"))


def _file(data: bytes, name: str) -> Path:
    path = _WORKDIR / name
    path.write_bytes(data)
    return path


def _clean_all(articles: list[Article]) -> None:
    for article in articles:
        try:
            clean_article(article)
        except InputError:
            pass  # a page the clean stage refuses (binary, oversized) is a correct answer
        assert isinstance(article.text, str)


def fuzz_html(data: bytes) -> None:
    """A saved web page: sniffed, decoded (BOM, charset, detection), extracted by trafilatura, cleaned."""
    try:
        articles = read_file(_file(data, "page.html"), LIMIT)
    except InputError:
        return
    _clean_all(articles)


def fuzz_jsonl(data: bytes) -> None:
    """JSON lines: parsed record by record; the records' text or HTML is cleaned."""
    try:
        articles = read_file(_file(data, "records.jsonl"), LIMIT)
    except InputError:
        return
    _clean_all(articles)


def fuzz_warc(data: bytes) -> None:
    """A WARC archive (plain or gzip members), streamed: broken records come out as InputErrors in place."""
    name = "archive.warc.gz" if data.startswith(b"\x1f\x8b") else "archive.warc"
    path = _file(data, name)
    for item in iter_warc(path):
        assert isinstance(item, (Article, InputError)), type(item)
    try:
        read_file(path, LIMIT)  # the sniffer's route: a WARC-looking file goes to the same reader
    except InputError:
        pass


TARGETS: dict[str, Callable[[bytes], None]] = {"html": fuzz_html, "jsonl": fuzz_jsonl, "warc": fuzz_warc}
