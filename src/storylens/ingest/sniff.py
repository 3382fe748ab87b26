"""Format detection: what a file really holds, from its first bytes and (as a tie-breaker) its name.

Content wins over the extension: an .html file holding plain text is read as text,
a .txt file holding a web page as HTML, a .json or .txt file of JSON lines as JSONL.
The extension only settles cases the content leaves open (a .jsonl whose first line
is broken is still JSONL, so the reader can say which line is bad).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from storylens.ingest.files import bom_encoding, read_head

Format = Literal["text", "html", "jsonl", "warc", "feed", "binary", "unknown"]

HEAD_BYTES = 65536
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP/WAV/AVI)"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"SQLite format 3", "an SQLite database"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
_JSON_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_SUFFIXES = {".rss", ".atom"}
_DOC_MARKER = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|br|span|a|h[1-6]|article|section|main|header|footer|nav|ul|ol|li|table|tr|td|"
                  r"img|meta|link|script|style|title|figure|blockquote|em|strong|b|i)\b[^<>]{0,500}>", re.IGNORECASE)
_FEED_ROOT = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
                        r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def binary_kind(head: bytes) -> str | None:
    """A description of a known binary format, or 'binary data' for NUL-laden bytes; None for text."""
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return what
    if bom_encoding(head) is None and b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def sniff_path(path: Path) -> Format:
    """Detect the format of the file at `path` from its first 64 KB (inflated if gzipped)."""
    return sniff(read_head(path, HEAD_BYTES), path.name)


def sniff(head: bytes, name: str = "") -> Format:
    """Detect the format of content starting with `head`; `name` (file name) breaks ties."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    suffix = suffixes[-1] if suffixes else ""
    if suffix == ".gz" and len(suffixes) > 1:
        suffix = suffixes[-2]
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if binary_kind(head):
        return "binary"
    text = _decode_head(head)
    if not text.strip():
        return "text"  # empty: the reader reports it with the file name
    if len(_CONTROL.findall(text)) > 0.05 * len(text):
        return "binary"
    body = text.lstrip()
    if _looks_json(body, suffix):
        return "jsonl"
    if suffix in _JSON_SUFFIXES and not body.startswith("<"):
        return "jsonl"
    if _FEED_ROOT.match(body):
        return "feed"
    if _DOC_MARKER.search(body[:4096]):
        return "html"
    tags = len(_TAG.findall(body[:HEAD_BYTES]))
    if tags >= (1 if suffix in _HTML_SUFFIXES else 5):
        return "html"
    if body.startswith("<?xml") or (suffix in _FEED_SUFFIXES and body.startswith("<")):
        return "feed" if suffix in _FEED_SUFFIXES else "unknown"
    if not re.search(r"[^\W\d_]", body):
        return "unknown"  # no letters at all: nothing to read as an article
    return "text"


def _decode_head(head: bytes) -> str:
    enc = bom_encoding(head) or "utf-8"
    # The head may end inside a multi-byte character, and a legacy encoding shows up as
    # a few replacement characters: both are fine for sniffing.
    return head.decode(enc, errors="replace") if enc != "utf-8" else _utf8_or_latin(head)


def _utf8_or_latin(head: bytes) -> str:
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:
            return head[: exc.start].decode("utf-8")
        return head.decode("cp1252", errors="replace")


def _looks_json(body: str, suffix: str) -> bool:
    if body.startswith("["):
        return suffix in (_JSON_SUFFIXES | {".json"})
    if not body.startswith("{"):
        return False
    if suffix in _JSON_SUFFIXES or suffix == ".json":
        return True
    first = body.split("\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):  # json raises RecursionError on very deep nesting
        return False
