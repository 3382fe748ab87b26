"""RSS and Atom feeds → one `Article` per entry (feedparser).

An entry's full content (`content:encoded`, Atom `content`) is used when the feed
carries it, else its summary; both are HTML, so the clean stage extracts the text.
A URL feed's entries can be fetched as pages instead: see `storylens.ingest.fetch`.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from storylens.errors import ParseError
from storylens.models import Article

MAX_FEED_BYTES = 20 << 20


def read_feed(path: str | Path) -> list[Article]:
    """The entries of a feed file. Raises `ParseError` when it is not a readable RSS/Atom feed."""
    path = Path(path)
    from storylens.ingest.files import read_bytes

    return parse_feed(read_bytes(path, MAX_FEED_BYTES), str(path))


def parse_feed(data: bytes, where: str) -> list[Article]:
    """Parse feed bytes (`where` names the file or URL in messages and article paths)."""
    entries, _ = feed_entries(data, where)
    out = []
    for i, entry in enumerate(entries):
        html = _content(entry)
        if not html.strip():
            continue
        link = entry.get("link")
        out.append(Article(
            id=_entry_id(entry, i), raw=html, raw_format="html", path=f"{where}#{i}", url=link,
            title=entry.get("title") or None, author=entry.get("author") or None,
            published=_published(entry),
            extra={"feed": where},
        ))
    if not out:
        raise ParseError(where, "the feed has no entry with any content")
    return out


def feed_entries(data: bytes, where: str) -> tuple[list[Any], str | None]:
    """feedparser's entries and the feed's title. Raises `ParseError` for anything that is not a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).splitlines()[0][:120]})" if problem else ""
        raise ParseError(where, f"not an RSS or Atom feed{detail}")
    return list(parsed.entries), parsed.feed.get("title")


def _content(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _entry_id(entry: Any, index: int) -> str:
    key = entry.get("id") or entry.get("link") or f"{entry.get('title')}-{index}"
    return "feed-" + hashlib.sha1(str(key).encode()).hexdigest()[:10]


def _published(entry: Any) -> str | None:
    """When the entry was published, with the feed's own UTC offset when it gives one.

    feedparser's parsed dates are in UTC: an item of 'Thu, 03 Jun 2021 18:15:00 -0700' became
    2021-06-04, a day the outlet never printed, and a story date a day off from the same item's page.
    """
    for key in ("published", "updated"):
        # `key in entry` first: reading a missing 'updated' makes feedparser warn (and hand back 'published').
        raw = entry.get(key) if key in entry else None
        local = _with_offset(raw) if isinstance(raw, str) else None
        if local:
            return local
    return _iso(entry.get("published_parsed") or entry.get("updated_parsed"))


def _with_offset(raw: str) -> str | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom) date that carries a UTC offset, as ISO 8601; else None."""
    from datetime import datetime, timedelta
    from email.utils import parsedate_to_datetime

    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            dt = parse(raw.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        offset = dt.utcoffset()
        if offset is None:
            return None  # no zone given: feedparser's reading (as UTC) stands
        text = dt.isoformat(timespec="seconds")
        return text.removesuffix("+00:00") + "Z" if offset == timedelta(0) else text
    return None


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
