"""Reader for JSON-lines files: one article per line.

Each line is an object with `text` or `html` (one of them is required) and optional
`id`, `url`, `title`, `published`, `outlet`, `author`, `language`; other fields go to
`Article.extra`. A `.json` file holding one object or an array of them is accepted too.
The record's own fields win over anything the clean stage would guess from the text. A record
that says its title is no headline (`"title_is_headline": false`, as ECB+ exports give the first
sentence as the title) has no title: taken for the headline, that sentence would be cut from the
text it opens (a QA brief of 13 such articles had lost every lede).

A record with no text (an export's paywalled or deleted page) is skipped and named in `problems`, so
one such line does not refuse a whole file; a file with no record that has text is refused. Lines that
are not JSON objects still refuse the file: they say it is not the JSONL it looks like.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from storylens.errors import InputError, ParseError
from storylens.ingest.files import decode, read_bytes
from storylens.ingest.text import source_id
from storylens.models.article import Article

log = logging.getLogger(__name__)

_META_FIELDS = ("url", "title", "published", "outlet", "author", "language")


def read_jsonl(path: Path, limit: int, problems: list[InputError] | None = None) -> list[Article]:
    """The records of a JSONL (or JSON) file that hold text. Raises ParseError naming the first bad line.

    Records without text are left out, each named in `problems` when it is given (else in the log).
    """
    text = decode(read_bytes(path, limit), path)
    if not text.strip():
        raise InputError(str(path), "empty file")
    stem = source_id(path)
    out: list[Article] = []
    empty: list[InputError] = []
    for n, rec in _records(text, path):
        art = _article(rec, n, path, stem)
        if art is None:
            empty.append(ParseError(str(path), f"line {n} has no 'text' or 'html' field with content"))
        else:
            out.append(art)
    if not out:
        which = "its record has no" if len(empty) == 1 else f"none of its {len(empty)} records has a"
        raise ParseError(str(path), f"{which} 'text' or 'html' field with content")
    for problem in empty:
        log.warning("skipped %s", problem)
    if problems is not None:
        problems.extend(empty)
    return out


# json raises RecursionError, not a ValueError, on nesting deeper than the interpreter's stack allows.
_BAD_JSON = (ValueError, RecursionError)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _records(text: str, path: Path) -> list[tuple[int, Any]]:
    """(line number, parsed value) pairs; a whole-file JSON document counts as line 1, 2, ... by item."""
    # Only CR/LF end a JSON line (JSON strings cannot hold them raw); str.splitlines() would also
    # split inside strings holding U+2028, U+0085 or other characters that JSON allows unescaped.
    lines = _LINE_BREAK.split(text)
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    try:
        as_document = isinstance(json.loads(lines[first]), list)
    except _BAD_JSON:
        as_document = True  # not one object per line: maybe a pretty-printed JSON document
    if as_document:
        # A JSON document, pretty-printed or on one line (`json.dump(articles, f)` writes one line).
        try:
            doc = json.loads(text)
        except _BAD_JSON:
            pass
        else:
            items = doc if isinstance(doc, list) else [doc]
            return list(enumerate(items, start=1))
    out: list[tuple[int, Any]] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except _BAD_JSON as exc:
            raise ParseError(str(path), f"line {n} is not valid JSON ({_short(exc)})") from None
    return out


def _short(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(":", 1)[0] if isinstance(exc, json.JSONDecodeError) else str(exc)


def _article(rec: Any, n: int, path: Path, stem: str) -> Article | None:
    if not isinstance(rec, dict):
        raise ParseError(str(path), f"line {n} is not a JSON object (found {type(rec).__name__})")
    text, html = _string(rec.get("text")), _string(rec.get("html"))
    if not (text and text.strip()) and not (html and html.strip()):
        return None
    rid = rec.get("id")
    art = Article(
        id=str(rid).strip() if rid not in (None, "") else f"{stem}:{n}",
        raw=text if text and text.strip() else html or "",
        raw_format="text" if text and text.strip() else "html",
        path=str(path),
    )
    for name in _META_FIELDS:
        value = _string(rec.get(name))
        if value and value.strip() and not (name == "title" and rec.get("title_is_headline") is False):
            setattr(art, name, value.strip())
    art.extra = {k: v for k, v in rec.items() if k not in {"id", "text", "html", *_META_FIELDS}}
    if text and html:
        art.extra["html"] = html  # text wins as the article body; the page stays available
    return art


def _string(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)
