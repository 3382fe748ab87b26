"""WARC / WARC.gz archives → one `Article` per HTML news page, streamed.

A `.warc.gz` is a chain of gzip members, one record each. We inflate it member by
member ourselves (zlib, in fixed-size chunks) and hand each record to FastWARC to
parse; so memory stays flat whatever the archive's size, and a corrupt member costs
only that record: we resynchronise at the next gzip header and carry on. A
truncated archive yields what it had plus one error at the end.

Only HTTP 200 `text/html` responses become articles; everything else is counted
in `WarcStats.skipped` with the reason. With `extract=True` (the default) each
page goes through the clean stage here, and pages with too little article text
(index pages, stubs, error pages) are skipped too.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storylens.errors import InputError, ParseError
from storylens.models import Article

GZIP_MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 16
# A record bigger than this is not a news page; it is skipped without being held in memory.
MAX_RECORD_BYTES = 20 << 20
# Below this much clean text a page is an index, a stub or an error page, not an article.
MIN_ARTICLE_CHARS = 200


@dataclass
class WarcStats:
    """What a pass over an archive saw: records read, articles kept, and skips by reason."""

    records: int = 0
    articles: int = 0
    errors: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def read_warc(path: str | Path) -> list[Article]:
    """Every article of a WARC file. Raises `ParseError` only when nothing at all could be read."""
    from storylens.ingest.files import collect

    return collect(iter_warc(path, stats=WarcStats()))


def iter_warc(path: str | Path, stats: WarcStats | None = None, extract: bool = True,
              min_chars: int = MIN_ARTICLE_CHARS) -> Iterator[Article | InputError]:
    """Stream an archive's HTML pages as articles; broken records come out as `InputError`s in place."""
    path = Path(path)
    stats = stats if stats is not None else WarcStats()
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror or exc}")
        return
    with fh:
        gzipped = fh.read(3) == GZIP_MAGIC
        fh.seek(0)
        chunks = _gzip_members(fh, str(path)) if gzipped else _plain_records(fh, str(path))
        for offset, block in chunks:
            if isinstance(block, InputError):
                stats.errors += 1
                yield block
                continue
            for item in _records(block, path, offset, stats):
                if isinstance(item, InputError):
                    stats.errors += 1
                    yield item
                    continue
                if extract:
                    item = _extracted(item, stats, min_chars)
                    if item is None:
                        continue
                stats.articles += 1
                yield item


def _gzip_members(fh: io.BufferedReader, where: str) -> Iterator[tuple[int, bytes | InputError]]:
    """Inflate gzip members one at a time: (file offset of the member, its bytes or the error it raised)."""
    pos = 0
    resyncing = False  # after a corrupt member, the bytes up to the next header are that member's
    while True:
        fh.seek(pos)
        head = fh.read(CHUNK)
        if not head:
            return
        start = head.find(GZIP_MAGIC)
        if start < 0:
            if len(head) < CHUNK and resyncing:
                return
            if len(head) < CHUNK:
                yield pos, ParseError(where, f"{len(head)} bytes of garbage at the end (byte {pos}) skipped")
                return
            pos += len(head) - 2
            continue
        if start > 0:
            if not resyncing:
                yield pos, ParseError(where, f"{start} bytes of garbage at byte {pos} skipped")
            pos += start
            continue
        resyncing = False
        block, consumed, error = _inflate_member(fh, head)
        if error is None:
            yield pos, block
            pos += consumed
            continue
        yield pos, ParseError(where, f"{error} (gzip member at byte {pos})")
        if error.startswith("archive truncated"):
            return
        pos += 1  # resynchronise: the next gzip header after this one
        resyncing = True


def _inflate_member(fh: io.BufferedReader, data: bytes) -> tuple[bytes, int, str | None]:
    """Inflate the member that starts `data` (reading on from `fh` as needed).

    Returns (record bytes, compressed bytes consumed, error or None).
    """
    d = zlib.decompressobj(wbits=31)
    out: list[bytes] = []
    size = consumed = 0
    while True:
        try:
            piece = d.decompress(data, MAX_RECORD_BYTES + 1 - size)
        except zlib.error as exc:
            return b"", consumed, f"corrupt compressed data ({exc})"
        size += len(piece)
        out.append(piece)
        if size > MAX_RECORD_BYTES:
            return b"", consumed, f"record larger than {MAX_RECORD_BYTES >> 20} MB, skipped"
        if d.eof:
            return b"".join(out), consumed + len(data) - len(d.unused_data), None
        if d.unconsumed_tail:
            consumed += len(data) - len(d.unconsumed_tail)
            data = d.unconsumed_tail
            continue
        consumed += len(data)
        data = fh.read(CHUNK)
        if not data:
            return b"", consumed, "archive truncated: the last record is incomplete"


def _plain_records(fh: io.BufferedReader, where: str) -> Iterator[tuple[int, bytes | InputError]]:
    """An uncompressed WARC: FastWARC reads the stream directly (one block, parsed lazily)."""
    yield 0, fh.read() if _small(fh) else ParseError(
        where, "uncompressed WARC files over 1 GB are not supported: gzip it (one member per record)")


def _small(fh: io.BufferedReader) -> bool:
    here = fh.tell()
    fh.seek(0, io.SEEK_END)
    size = fh.tell()
    fh.seek(here)
    return size <= 1 << 30


def _records(block: bytes, path: Path, offset: int, stats: WarcStats) -> Iterator[Article | InputError]:
    from fastwarc.warc import ArchiveIterator

    try:
        for record in ArchiveIterator(io.BytesIO(block), parse_http=True):
            stats.records += 1
            article = _article(record, path, stats)
            if article is not None:
                yield article
    except Exception as exc:  # FastWARC raises plain exceptions on malformed headers  # noqa: BLE001
        yield ParseError(str(path), f"malformed WARC record at byte {offset}: {exc}")


def _article(record: object, path: Path, stats: WarcStats) -> Article | None:
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response:  # type: ignore[attr-defined]
        stats.skipped[f"{record.record_type} record"] += 1  # type: ignore[attr-defined]
        return None
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None:
        stats.skipped["not an HTTP response"] += 1
        return None
    if http.status_code != 200:
        stats.skipped[f"HTTP status {http.status_code}"] += 1
        return None
    ctype = (record.http_content_type or "").lower()  # type: ignore[attr-defined]
    if "html" not in ctype:
        stats.skipped[f"not HTML ({ctype or 'no content type'})"] += 1
        return None
    body = record.reader.read()  # type: ignore[attr-defined]
    html = decode_body(body, record.http_charset)  # type: ignore[attr-defined]
    url = record.headers.get("WARC-Target-URI")  # type: ignore[attr-defined]
    rid = (record.record_id or "").strip("<>").rsplit(":", 1)[-1]  # type: ignore[attr-defined]
    crawled = record.record_date  # type: ignore[attr-defined]
    return Article(
        id=rid[:16] or f"record{stats.records}", raw=html, raw_format="html", path=f"{path}#{rid}", url=url,
        extra={"crawled": crawled.isoformat() if crawled else None, "warc": str(path)},
    )


def decode_body(body: bytes, http_charset: str | None) -> str:
    """An HTTP body as text: the HTTP charset, else the page's own declaration or a detected one."""
    if http_charset:
        try:
            return body.decode(http_charset)
        except (LookupError, UnicodeDecodeError):
            pass
    from storylens.ingest.files import decode

    try:
        return decode(body, "WARC record")
    except ParseError:
        return body.decode("utf-8", errors="replace")


def _extracted(article: Article, stats: WarcStats, min_chars: int) -> Article | None:
    """Clean the page; None (and a skip reason) when it holds no article."""
    from storylens.clean import clean_article

    try:
        clean_article(article)
    except InputError as exc:
        stats.skipped[f"unreadable page ({exc.problem})"] += 1
        return None
    if len(article.text) < min_chars:
        stats.skipped[f"no article text (under {min_chars} characters: index, stub or error page)"] += 1
        return None
    return article
