"""WARC reading: the sample archive, broken and truncated archives, flat memory."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import pytest
from breadth_helpers import WARC, needs_warc_sample, write

from storylens.errors import InputError, ParseError
from storylens.ingest.warc import WarcStats, iter_warc, read_warc


def members(data: bytes) -> list[bytes]:
    """Split a .warc.gz into its gzip members (one record each)."""
    import zlib

    out, rest = [], data
    while rest:
        d = zlib.decompressobj(wbits=31)
        d.decompress(rest)
        used = len(rest) - len(d.unused_data)
        out.append(rest[:used])
        rest = d.unused_data
    return out


@pytest.fixture(scope="module")
def sample_members() -> list[bytes]:
    if not WARC.exists():
        pytest.skip(f"eval data not found: {WARC}")
    return members(WARC.read_bytes())


@needs_warc_sample
def test_sample_archive_gives_every_html_page() -> None:
    stats = WarcStats()
    articles = [a for a in iter_warc(WARC, stats=stats) if not isinstance(a, InputError)]
    assert len(articles) == 25 and stats.articles == 25 and stats.errors == 0
    assert stats.records == 53
    assert stats.skipped["HTTP status 404"] == 1
    assert stats.skipped["not HTML (text/plain)"] == 1
    assert stats.skipped["request record"] == 25
    first = articles[0]
    assert first.url.startswith("https://") and first.raw_format == "html" and first.text and first.title
    assert len({a.id for a in articles}) == 25


def test_broken_record_in_the_middle_costs_only_that_record(tmp_path: Path, sample_members: list[bytes]) -> None:
    broken = bytearray(sample_members[10])
    broken[40:400] = b"\x00" * 360  # corrupt the deflate stream of a response record
    data = b"".join(sample_members[:10]) + bytes(broken) + b"".join(sample_members[11:])
    items = list(iter_warc(write(tmp_path, "broken.warc.gz", data)))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = [i for i in items if not isinstance(i, InputError)]
    assert len(errors) == 1 and "corrupt" in str(errors[0]) and "broken.warc.gz" in str(errors[0])
    assert len(articles) == 24


def test_garbage_between_records_is_skipped(tmp_path: Path, sample_members: list[bytes]) -> None:
    data = b"".join(sample_members[:5]) + b"not a gzip member at all" + b"".join(sample_members[5:])
    items = list(iter_warc(write(tmp_path, "junk.warc.gz", data)))
    assert sum(isinstance(i, InputError) for i in items) == 1
    assert sum(not isinstance(i, InputError) for i in items) == 25


@needs_warc_sample
def test_truncated_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    data = WARC.read_bytes()
    items = list(iter_warc(write(tmp_path, "cut.warc.gz", data[: len(data) // 2])))
    assert isinstance(items[-1], ParseError) and "truncated" in str(items[-1])
    assert 5 <= sum(not isinstance(i, InputError) for i in items) < 25


def test_read_warc_raises_when_nothing_is_readable(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_warc(write(tmp_path, "empty.warc.gz", gzip.compress(b"")[:10]))


@needs_warc_sample
def test_uncompressed_warc(tmp_path: Path) -> None:
    raw = gzip.decompress(WARC.read_bytes())
    articles = read_warc(write(tmp_path, "plain.warc", raw))
    assert len(articles) == 25


def _peak(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    count = sum(1 for i in iter_warc(path, extract=False) if not isinstance(i, InputError))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


@needs_warc_sample
def test_memory_stays_flat_on_a_bigger_archive(tmp_path: Path) -> None:
    data = WARC.read_bytes()
    small = write(tmp_path, "small.warc.gz", data)
    big = write(tmp_path, "big.warc.gz", data * 12)  # ~10 MB, 300 pages
    _peak(small)  # imports and lazy tables are allocated once, outside the comparison
    n_small, peak_small = _peak(small)
    n_big, peak_big = _peak(big)
    assert (n_small, n_big) == (25, 300)
    assert peak_big < 1.5 * peak_small  # twelve times the data, about the same memory
    assert peak_big < 8 * 2**20  # the archive is ~10 MB compressed, ~30 MB inflated
