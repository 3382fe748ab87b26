"""Property: every file reader returns articles or raises InputError, whatever bytes it is given.

Each example is written to a real file and read back through `read_file` (sniffer + the
format's reader + size and gzip handling), and the format readers are also called directly,
so a reader is fuzzed even when the sniffer would route the bytes elsewhere.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest
from fuzz_strategies import (
    FAST,
    SLOW,
    contract,
    feed_bytes,
    html_pages,
    jsonl_bytes,
    jsonl_record,
    warc_bytes,
)
from hypothesis import given
from hypothesis import strategies as st

from storylens.clean import clean_article
from storylens.errors import InputError
from storylens.ingest import read_file
from storylens.ingest.feeds import parse_feed
from storylens.ingest.jsonl import read_jsonl
from storylens.ingest.sniff import sniff
from storylens.ingest.text import read_html, read_text
from storylens.ingest.warc import iter_warc
from storylens.models import Article

pytestmark = pytest.mark.timeout(120)
LIMIT = 1 << 20
_names = itertools.count()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-readers")


def _write(folder: Path, data: bytes, suffix: str) -> Path:
    path = folder / f"f{next(_names)}{suffix}"
    path.write_bytes(data)
    return path


def _articles(result: list[Article] | InputError) -> None:
    if isinstance(result, InputError):
        return
    assert isinstance(result, list) and all(isinstance(a, Article) for a in result)
    assert all(isinstance(a.id, str) and isinstance(a.raw, str) for a in result)


NAMES = st.sampled_from([".txt", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".rss", ".xml", ".gz", ""])


@SLOW
@given(data=st.binary(max_size=2000), suffix=NAMES, gz=st.booleans())
def test_read_file_random_bytes(workdir: Path, data: bytes, suffix: str, gz: bool) -> None:
    path = _write(workdir, gzip.compress(data) if gz else data, suffix)
    _articles(contract(read_file, path, LIMIT))


@SLOW
@given(page=html_pages(), suffix=st.sampled_from([".html", ".txt", ""]),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig", "latin-1"]))
def test_html_and_text_readers(workdir: Path, page: str, suffix: str, encoding: str) -> None:
    data = page.encode(encoding, errors="replace")
    path = _write(workdir, data, suffix)
    _articles(contract(read_file, path, LIMIT))
    _articles(contract(read_html, path, LIMIT))
    _articles(contract(read_text, path, LIMIT))


@SLOW
@given(data=jsonl_bytes(), suffix=st.sampled_from([".jsonl", ".json", ".txt"]))
def test_jsonl_reader(workdir: Path, data: bytes, suffix: str) -> None:
    path = _write(workdir, data, suffix)
    _articles(contract(read_jsonl, path, LIMIT))
    _articles(contract(read_file, path, LIMIT))


@SLOW
@given(records=st.lists(jsonl_record().filter(lambda r: isinstance(r.get("text"), str) and r["text"].strip()),
                        min_size=1, max_size=4),
       ascii_only=st.booleans())
def test_well_formed_jsonl_always_loads(workdir: Path, records: list[dict], ascii_only: bool) -> None:
    """Valid JSON lines with a text field are never rejected, whatever characters their strings hold."""
    data = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records).encode("utf-8", "surrogatepass")
    path = _write(workdir, data, ".jsonl")
    articles = read_jsonl(path, LIMIT)
    assert [a.raw for a in articles] == [r["text"] for r in records]


@SLOW
@given(data=warc_bytes())
def test_warc_reader_streams_broken_archives(workdir: Path, data: bytes) -> None:
    path = _write(workdir, data, ".warc.gz" if data.startswith(b"\x1f\x8b") else ".warc")
    # Streamed: broken records come out as InputErrors in place, the rest as articles.
    items = contract(lambda: list(iter_warc(path)))
    assert not isinstance(items, InputError), "iter_warc reports problems in place, it does not raise"
    assert all(isinstance(x, (Article, InputError)) for x in items)
    _articles(contract(read_file, path, LIMIT))


@SLOW
@given(data=feed_bytes())
def test_feed_parser(data: bytes) -> None:
    articles = contract(parse_feed, data, "fuzz.rss")
    _articles(articles)
    for article in [] if isinstance(articles, InputError) else articles:
        contract(clean_article, article)  # entries are HTML fragments: the clean stage must take them too


@SLOW
@given(data=st.binary(max_size=600))
def test_feed_parser_random_bytes(data: bytes) -> None:
    _articles(contract(parse_feed, b"<?xml version='1.0'?><rss version='2.0'>" + data, "fuzz.rss"))


@FAST
@given(head=st.one_of(st.binary(max_size=300), jsonl_bytes(), feed_bytes(), html_pages().map(str.encode)),
       name=st.text(max_size=12).map(lambda s: s.replace("/", "").replace("\x00", "")) | NAMES.map("a".__add__))
def test_sniff_always_names_a_format(head: bytes, name: str) -> None:
    assert sniff(head, name) in {"text", "html", "jsonl", "warc", "feed", "binary", "unknown"}
