"""Reading input files safely: size limit, transparent gzip, and text decoding.

Every reader goes through `read_bytes` and `decode`, so the size limit and the
encoding rules are the same for .txt, .html and .jsonl inputs.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from collections.abc import Iterable
from pathlib import Path

from storylens.errors import InputError, ParseError
from storylens.models import Article

# One article page is rarely above a few MB; 50 MB stops an accidental dump or disk
# image from being read into memory. Override with STORYLENS_MAX_FILE_MB or max_bytes=.
DEFAULT_MAX_FILE_BYTES = 50 * 2**20
GZIP_MAGIC = b"\x1f\x8b"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# Single-byte Western code pages that charset-normalizer often confuses with each other on
# short texts; windows-1252 is the web's default for undeclared pages (WHATWG encoding spec).
_WESTERN = "cp1252"
# Multi-byte East Asian encodings: with little evidence, charset-normalizer can take accented Latin
# letters for them.
_EAST_ASIAN = frozenset({"big5", "big5hkscs", "cp950", "gb2312", "gbk", "gb18030", "hz", "shift_jis",
                         "shift_jis_2004", "shift_jisx0213", "cp932", "euc_jp", "euc_jis_2004", "euc_jisx0213",
                         "euc_kr", "cp949", "johab", "iso2022_jp", "iso2022_kr"})
_HIGH_PAIR = re.compile(rb"[\x80-\xff]{2}")


def max_file_bytes(override: int | None = None) -> int:
    """The per-file size limit in bytes: the argument, else STORYLENS_MAX_FILE_MB, else 50 MB."""
    if override is not None:
        return override
    env = os.environ.get("STORYLENS_MAX_FILE_MB")
    if env:
        try:
            return int(float(env) * 2**20)
        except ValueError:
            pass
    return DEFAULT_MAX_FILE_BYTES


def too_large(path: Path, size: int, limit: int) -> InputError:
    # Just over the limit both round to the same figure ("50 MB; the limit is 50 MB"): give bytes then.
    got, cap = (_mb(size), _mb(limit)) if _mb(size) != _mb(limit) else (f"{size:,} bytes", f"{limit:,} bytes")
    return InputError(str(path), f"file is too large ({got}; the limit is {cap}, "
                                 "set STORYLENS_MAX_FILE_MB to change it)")


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n < 10 * 2**20 else f"{n / 2**20:.0f} MB"


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes (gunzipped when gzip-compressed), refusing files above `limit`.

    The size is checked with stat() before anything is read, and a gzip stream is
    inflated at most `limit` + 1 bytes, so neither a huge file nor a gzip bomb is
    ever loaded whole.
    """
    size = path.stat().st_size
    if size > limit:
        raise too_large(path, size, limit)
    data = path.read_bytes()
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.open(path, "rb") as fh:
            inflated = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ParseError(str(path), f"corrupt gzip data ({exc})") from None
    if len(inflated) > limit:
        raise InputError(str(path), f"file is too large once decompressed (over {_mb(limit)})")
    return inflated


def count_line_starts(path: Path, byte: bytes, limit: int) -> int:
    """How many lines of the file's content (gunzipped, at most `limit` bytes) start with `byte`.

    Read in 1 MB pieces, so counting costs no memory; used to refuse a file with too
    many records before it is parsed.
    """
    count, previous, seen = 0, b"\n", 0
    try:
        with path.open("rb") as raw:
            gzipped = raw.read(2) == GZIP_MAGIC
        with gzip.open(path, "rb") if gzipped else path.open("rb") as fh:
            while seen <= limit and (piece := fh.read(1 << 20)):
                count += (previous + piece).count(b"\n" + byte)
                previous, seen = piece[-1:], seen + len(piece)
    except (OSError, EOFError, zlib.error):
        pass  # the reader reports a corrupt file with its own message
    return count


def read_head(path: Path, n: int = 65536) -> bytes:
    """The first `n` bytes of the file's content (inflated when gzip-compressed)."""
    with path.open("rb") as fh:
        head = fh.read(n)
    if head.startswith(GZIP_MAGIC):
        try:
            with gzip.open(path, "rb") as fh:
                return fh.read(n)
        except (OSError, EOFError, zlib.error):
            return head
    return head


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode(data: bytes, path: Path | str) -> str:
    """Decode a file's bytes: BOM, then strict UTF-8, then a declared HTML charset, then detection.

    Raises ParseError when no encoding fits (e.g. random bytes).
    """
    enc = bom_encoding(data)
    if enc:
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            raise ParseError(str(path), f"cannot decode the text as {enc} despite its byte-order mark "
                                        f"(bad byte at offset {exc.start})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    guessed = _detect(data)
    if guessed is None:
        raise ParseError(str(path), "cannot decode the text: it is not UTF-8 and no other encoding fits")
    return guessed


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess, preferring windows-1252 among equally plausible Western code pages."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    if best.encoding in _EAST_ASIAN and _lone_high_bytes(data):
        # A few accented letters alone between ASCII ones ("Z\xfcrich", "S\xe3o Paulo") read as CJK
        # characters that swallow the next letter ("Z僡ich"); real CJK text has runs of high bytes.
        try:
            return data.decode(_WESTERN)
        except UnicodeDecodeError:
            pass
    for m in matches:
        # Near-ties between Latin code pages are common on short texts (cp1257 vs cp1252
        # differ in a handful of letters); take the web default when it is a candidate.
        if m.chaos <= best.chaos + 0.1 and _WESTERN in m.could_be_from_charset:
            return data.decode(_WESTERN, errors="replace")
    return str(best)


def _lone_high_bytes(data: bytes) -> bool:
    """Whether no two bytes at or above 0x80 stand side by side (accented letters in ASCII text)."""
    return _HIGH_PAIR.search(data) is None


def collect(items: Iterable[Article | InputError]) -> list[Article]:
    """The articles of a stream that reports broken records in place; raise the first error only if nothing was read."""
    out: list[Article] = []
    first: InputError | None = None
    for item in items:
        if isinstance(item, InputError):
            first = first or item
        else:
            out.append(item)
    if not out and first is not None:
        raise first
    return out
