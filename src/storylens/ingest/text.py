"""Readers for single-article files: plain text and HTML pages.

A file is one article whose id is the file stem. The raw content is kept as it is;
cleaning (boilerplate, metadata) happens in `storylens.clean`.
"""

from __future__ import annotations

from pathlib import Path

from storylens.errors import InputError
from storylens.ingest.files import decode, read_bytes
from storylens.models.article import Article, RawFormat


def source_id(path: Path) -> str:
    """A file's source id: its name without extensions ('a.html.gz' -> 'a')."""
    name = path.name
    for suffix in (".gz",):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return Path(name).stem or name


def _read_one(path: Path, limit: int, raw_format: RawFormat) -> list[Article]:
    raw = decode(read_bytes(path, limit), path)
    if not raw.strip():
        raise InputError(str(path), "empty file")
    return [Article(id=source_id(path), raw=raw, raw_format=raw_format, path=str(path))]


def read_text(path: Path, limit: int) -> list[Article]:
    """A plain-text article (a scraped page's text, page chrome included or not)."""
    return _read_one(path, limit, "text")


def read_html(path: Path, limit: int) -> list[Article]:
    """A saved web page; text and metadata are extracted from it by the clean stage."""
    return _read_one(path, limit, "html")
