"""WARC / WARC.gz archives → one `Article` per HTML news page, streamed.

A `.warc.gz` is a chain of gzip members, one record each. We inflate it member by
member ourselves (zlib, in fixed-size chunks) and hand each record to FastWARC to
parse; so memory stays flat whatever the archive's size, and a corrupt member costs
only that record: we resynchronise at the next gzip header and carry on. A
truncated archive yields what it had plus one error at the end. An uncompressed
archive is read by FastWARC straight from the file, record by record.

No record is ever held whole above `MAX_RECORD_BYTES`: a gzip member stops inflating
there (so a gzip bomb costs 20 MB, not its inflated size), and an uncompressed
record declaring a longer body is skipped without being read. Each such record
comes out as one error naming the archive and the record's byte offset.

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
from typing import Any

from storylens.errors import InputError, ParseError
from storylens.models import Article

GZIP_MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 16
# A record bigger than this is not a news page; it is skipped without being held in memory.
MAX_RECORD_BYTES = 20 << 20
_OVERSIZED = "oversized member"
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


def _gzip_members(fh: io.BufferedReader, where: str) -> Iterator[tuple[int, bytes | _MemberStream | InputError]]:
    """Inflate gzip members one at a time: (file offset of the member, its bytes or the error it raised).

    A member too big to hold comes out as a stream instead, to be read before the next one is sought.
    """
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
        if error == _OVERSIZED:
            # Several records in one member (a whole archive gzipped at once), or one huge record:
            # stream the member through FastWARC, which reads it record by record.
            stream = _MemberStream(fh, pos)
            yield pos, stream
            if stream.done:
                pos += stream.consumed
                continue
            if stream.abandoned:
                pos += 1
                resyncing = True
                continue
            error = stream.error or "the records of this gzip member could not be read to its end"
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
            return b"", consumed, _OVERSIZED
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


class _MemberStream(io.RawIOBase):
    """One gzip member of an open archive, inflated on demand, CHUNK bytes at a time.

    `done` says whether the member was read to its end; `consumed` is then its
    compressed length, so the caller can carry on at the next member. Otherwise the
    caller looks for the next gzip header.
    """

    def __init__(self, fh: io.BufferedReader, start: int) -> None:
        super().__init__()
        fh.seek(start)
        self._fh, self._inflater = fh, zlib.decompressobj(wbits=31)
        self._pending, self._fed = memoryview(b""), 0
        self.consumed, self.done, self.error = 0, False, ""
        self.abandoned = False  # set by the reader when the rest of the member is not worth inflating
        self._pos = 0  # inflated bytes handed out

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True  # FastWARC asks where it is; forward skips are reads

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = offset if whence == io.SEEK_SET else self._pos + offset if whence == io.SEEK_CUR else -1
        if target < self._pos:
            raise io.UnsupportedOperation("a gzip member can only be read forwards")
        skip = bytearray(CHUNK)
        while self._pos < target and self.readinto(memoryview(skip)[: min(CHUNK, target - self._pos)]):
            pass
        return self._pos

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            if self.done or self.error:
                return 0
            data = self._inflater.unconsumed_tail
            if not data:
                data = self._fh.read(CHUNK)
                self._fed += len(data)
            if not data:
                self.error = "archive truncated: the last record is incomplete"
                return 0
            try:
                self._pending = memoryview(self._inflater.decompress(data, CHUNK))
            except zlib.error as exc:
                self.error = f"corrupt compressed data ({exc})"
                return 0
            if self._inflater.eof:
                self.done, self.consumed = True, self._fed - len(self._inflater.unused_data)
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]  # a view: no copy of the rest
        self._pos += n
        return n


def _plain_records(fh: io.BufferedReader, where: str) -> Iterator[tuple[int, io.BufferedReader | InputError]]:
    """An uncompressed WARC: FastWARC reads the file itself, one record at a time, whatever its size."""
    yield 0, fh


def _records(block: bytes | io.RawIOBase | io.BufferedReader, path: Path, offset: int,
             stats: WarcStats) -> Iterator[Article | InputError]:
    """The articles of one inflated member (bytes) or of a whole uncompressed archive (its open file)."""
    from fastwarc.warc import ArchiveIterator

    stream: Any = io.BytesIO(block) if isinstance(block, bytes) else block
    try:
        for record in ArchiveIterator(stream, parse_http=True):
            stats.records += 1
            if record.content_length > MAX_RECORD_BYTES:
                # FastWARC skips an unread body, so an oversized record never enters memory.
                yield ParseError(str(path), f"record {_record_id(record) or stats.records} "
                                            f"{_where(block, offset, record)} is larger than "
                                            f"{MAX_RECORD_BYTES >> 20} MB, skipped")
                if isinstance(block, _MemberStream) and record.stream_pos == 0:
                    # A member that starts with a huge record is that record's own (the usual
                    # layout; a gzip bomb): the next member is found faster than it inflates.
                    block.abandoned = True
                    return
                continue
            article = _article(record, path, stats)
            if article is not None:
                yield article
    except Exception as exc:  # FastWARC raises plain exceptions on malformed headers  # noqa: BLE001
        yield ParseError(str(path), f"malformed WARC record at byte {offset}: {exc}")
    except BaseException as exc:
        # A Rust panic inside FastWARC surfaces as pyo3's PanicException, a BaseException.
        if type(exc).__name__ != "PanicException":
            raise
        yield ParseError(str(path), f"malformed WARC record at byte {offset}: {str(exc).splitlines()[0][:200]}")


def _where(block: object, offset: int, record: Any) -> str:
    if isinstance(block, _MemberStream):
        return f"in the gzip member at byte {offset}"
    return f"at byte {offset if isinstance(block, bytes) else record.stream_pos}"


def _record_id(record: object) -> str:
    return (record.record_id or "").strip("<>").rsplit(":", 1)[-1]  # type: ignore[attr-defined]


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
    rid = _record_id(record)
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
