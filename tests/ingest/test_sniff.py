"""Format detection by content, with the extension only as a tie-breaker."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from storylens.ingest.sniff import sniff, sniff_path

PAGE = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>"
PROSE = b"The council voted on Tuesday to close the bridge. Repairs will take 6 weeks.\n"


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (PROSE, "a.txt", "text"),
        (PROSE, "a.html", "text"),  # an .html file holding plain text is text
        (PAGE, "a.txt", "html"),  # a .txt file holding a web page is HTML
        (b"<p>One paragraph.</p>", "a.htm", "html"),  # a fragment is enough with an HTML name
        (b'{"id": "x", "text": "Hello."}\n{"id": "y", "text": "Bye."}\n', "dump.txt", "jsonl"),
        (b'{"id": "x", "text": "Hello."}\n', "dump.json", "jsonl"),
        (b'[{"id": "x", "text": "Hello."}]', "dump.json", "jsonl"),
        (b'{"id": "x", "text": broken\n', "dump.jsonl", "jsonl"),  # reader names the bad line
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "crawl.bin", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "feed.xml", "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "atom", "feed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt", "binary"),
        (b"abc\x00\x00def\x00", "data.txt", "binary"),
        (b"%PDF-1.7\n", "paper.txt", "binary"),
        (b"1234 5678 ++ -- 42\n", "numbers.dat", "unknown"),
        (b'<?xml version="1.0"?><urlset></urlset>', "sitemap.xml", "unknown"),
        ("\ufeffThe mayor said so.".encode("utf-8"), "bom.txt", "text"),
        ("The mayor said so.".encode("utf-16"), "utf16.txt", "text"),
    ],
)
def test_sniff_detects_format_from_content(head: bytes, name: str, expected: str) -> None:
    assert sniff(head, name) == expected


def test_sniff_path_looks_inside_gzip(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE))
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n\r\n"))
    assert sniff_path(page) == "html"
    assert sniff_path(warc) == "warc"


def test_a_few_inline_tags_do_not_make_prose_html() -> None:
    text = b"He wrote <b>bold</b> claims about the <i>Times</i> story. The vote was 5-4.\n"
    assert sniff(text, "note.txt") == "text"
