"""Hypothesis strategies for structured-but-broken inputs, and the contract every input path must keep.

The contract (issue 8): a parser or normaliser either returns a result or raises our own
`InputError`; any other exception is a crash. "Never hangs" is enforced by each test's
pytest-timeout and hypothesis deadline.

The strategies build inputs that look like the real thing and then break it (tag soup,
JSON lines with wrong types or deep nesting, WARC records with lying lengths, truncated or
corrupted gzip members), because random bytes alone rarely get past the first check.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from storylens.errors import InputError

T = TypeVar("T")

# Pure-Python normalisers: many cheap examples. Readers and the clean stage run trafilatura,
# dateparser or FastWARC per example, so they get fewer. Deadlines are generous because the
# 2 cores are shared; a real hang is caught by them and by the per-test pytest-timeout.
# STORYLENS_FUZZ_SCALE=20 runs twenty times as many examples, for a deeper search outside `make test`.
SCALE = max(1, int(os.environ.get("STORYLENS_FUZZ_SCALE", "1") or 1))
FAST = settings(max_examples=150 * SCALE, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40 * SCALE, deadline=15000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def contract(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | InputError:
    """Call `fn`: its result, or the `InputError` it raised. Any other exception propagates (= a crash)."""
    try:
        return fn(*args, **kwargs)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc), "an InputError's message must be one non-empty line"
        return exc


# --- text and HTML ------------------------------------------------------------------------------

WORDS = st.sampled_from([
    "The", "council", "said", "on", "Tuesday", "Sept. 12, 2023", "12 September", "3,200", "tonnes", "$4.5 million",
    "40%", "km/h", "Advertisement", "By Jane Doe", "Updated:", "4:12 PM", "Read more:", "Share", "\u00a0", "\u2028",
    "“quoted”", "Ünïcödé", "北京", "مرحبا", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<!--", "]]>", "\x0c", "\t",
    "yesterday", "last week", "999999999999 days ago", "in 2019", "0001-01-01", "9999-12-31T23:59:60",
])
SENTENCES = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=25).map(" ".join)

TAGS = ["html", "head", "body", "title", "meta", "p", "div", "article", "main", "section", "header", "footer",
        "nav", "script", "style", "a", "span", "br", "h1", "h2", "ul", "li", "table", "tr", "td", "time",
        "figure", "figcaption", "svg", "math", "template", "iframe", "noscript", "![CDATA[", "?xml", "!DOCTYPE"]
ATTRS = st.sampled_from([
    "", ' class="article-body"', ' id="main"', ' href="/x"', ' href="javascript:alert(1)"', ' charset="utf-8"',
    ' property="og:title" content="A title"', ' name="author" content="Jane Doe"', ' datetime="2023-09-12"',
    ' itemprop="datePublished" content="2023-13-45"', ' lang="xx"', " broken='", ' a="\x00"', ' content="' + "9" * 40 + '"',
    ' http-equiv="refresh" content="0;url=data:"', ' property="article:published_time" content="-0001-00-00"',
])


@st.composite
def html_soup(draw: st.DrawFn, depth: int = 0) -> str:
    """Tag soup: real tags and attributes, unbalanced, misnested and interleaved with text and entities."""
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        choice = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if choice == 0 and depth < 4:
            parts.append(f"<{tag}{draw(ATTRS)}>{draw(html_soup(depth + 1))}</{tag}>")
        elif choice == 1:
            parts.append(f"<{tag}{draw(ATTRS)}>")  # never closed
        elif choice == 2:
            parts.append(f"</{tag}>")  # closed, never opened
        elif choice == 3:
            parts.append(draw(SENTENCES))
        elif choice == 4:
            parts.append(draw(st.sampled_from(["<", ">", "</", "<p", "&", "&#", "<!", "<?", "\x00", "\ufeff",
                                               "<svg><title>", "<math><title></title><title>"])))
        else:
            parts.append(f"<p>{draw(SENTENCES)}. {draw(SENTENCES)}.</p>")
    return "".join(parts)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page shell (sometimes) around tag soup, sometimes with a long article paragraph."""
    body = draw(html_soup())
    if draw(st.booleans()):
        body += "<article>" + "".join(f"<p>{draw(SENTENCES)}.</p>" for _ in range(draw(st.integers(0, 6)))) + "</article>"
    if draw(st.booleans()):
        return f"<!DOCTYPE html><html><head><title>{draw(SENTENCES)}</title></head><body>{body}</body></html>"
    return body


# --- JSON lines -----------------------------------------------------------------------------------

JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from([10**300, -(10**40), "", " ", "<p>Hello</p>", "2023-09-12", "\u2028", "\ud7ff\ue000"]),
)
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=10)
FIELDS = st.sampled_from(["id", "text", "html", "url", "title", "published", "outlet", "author", "language", "x"])


@st.composite
def jsonl_record(draw: st.DrawFn) -> dict[str, Any]:
    """A record with the reader's field names, each holding a value of any (often wrong) JSON type."""
    rec: dict[str, Any] = {}
    if draw(st.booleans()):
        rec["text"] = draw(SENTENCES)
    for _ in range(draw(st.integers(0, 5))):
        rec[draw(FIELDS)] = draw(JSON_VALUES)
    return rec


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """JSON lines, some well-formed and some broken: wrong top-level types, deep nesting, cut lines,
    huge numbers, NaN, invalid UTF-8, CRLF and blank lines."""
    lines: list[bytes] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 7))
        if kind <= 2:
            line = json.dumps(draw(jsonl_record()), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
        elif kind == 3:
            line = json.dumps(draw(JSON_VALUES)).encode()
        elif kind == 4:
            n = draw(st.sampled_from([10, 1000, 100_000]))
            line = (draw(st.sampled_from(['{"text": ', "[", '{"a":'])) + "[" * n).encode()
        elif kind == 5:
            full = json.dumps(draw(jsonl_record())).encode()
            line = full[: draw(st.integers(0, len(full)))]
        elif kind == 6:
            line = b'{"text": "' + draw(st.binary(max_size=20)) + b'", "id": ' + b"9" * draw(st.integers(1, 5000)) + b"}"
        else:
            line = draw(st.sampled_from([b"", b"   ", b"\xef\xbb\xbf{}", b"\xff\xfe{", b"1e999999", b"-", b"NaN"]))
        lines.append(line)
    sep = draw(st.sampled_from([b"\n", b"\r\n", b"\n\n"]))
    return sep.join(lines)


# --- WARC -------------------------------------------------------------------------------------------

def warc_record(body: bytes, *, length: int | None = None, rtype: str = "response", headers: str = "",
                http_status: str = "200 OK", ctype: str = "text/html; charset=utf-8") -> bytes:
    """One WARC record; `length` overrides the true Content-Length (to make it lie)."""
    http = f"HTTP/1.1 {http_status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    size = len(http) if length is None else length
    head = ("WARC/1.0\r\n"
            f"WARC-Type: {rtype}\r\n"
            "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
            "WARC-Date: 2023-09-12T08:00:00Z\r\n"
            "WARC-Target-URI: http://example.org/news/a\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"{headers}Content-Length: {size}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


@st.composite
def warc_bytes(draw: st.DrawFn) -> bytes:
    """A WARC archive (plain or one gzip member per record) with lying lengths, junk headers,
    truncation, garbage between members and flipped compressed bytes."""
    records = []
    for _ in range(draw(st.integers(1, 4))):
        body = draw(html_pages()).encode("utf-8", "surrogatepass")
        true_len = None
        length = draw(st.one_of(st.none(), st.integers(-5, len(body) + 400), st.just(2**63), st.just(10**30)))
        rec = warc_record(
            body, length=length if length is not None else true_len,
            rtype=draw(st.sampled_from(["response", "response", "request", "metadata", "warcinfo", "bogus", ""])),
            headers=draw(st.sampled_from(["", "WARC-Truncated: length\r\n", "X: \x00\r\n", "no colon line\r\n",
                                          "Content-Length: 7\r\n", "WARC-Date: not a date\r\n"])),
            http_status=draw(st.sampled_from(["200 OK", "404 Not Found", "200", "abc", "-1 X"])),
            ctype=draw(st.sampled_from(["text/html; charset=utf-8", "text/html; charset=bogus-42", "text/plain", "",
                                        "text/html; charset=utf-16"])),
        )
        records.append(rec)
    gz = draw(st.booleans())
    parts = [gzip.compress(r) if gz else r for r in records]
    data = bytearray(b"".join(parts))
    for _ in range(draw(st.integers(0, 3))):
        mutation = draw(st.integers(0, 3))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if mutation == 0:
            data[pos] ^= draw(st.integers(1, 255))  # flip a byte (inside a gzip member: corrupt data or CRC)
        elif mutation == 1:
            del data[pos:]  # truncate
        elif mutation == 2:
            data[pos:pos] = draw(st.binary(min_size=1, max_size=30))  # garbage in the middle
        else:
            data[pos:pos] = b"\x1f\x8b\x08" + draw(st.binary(max_size=20))  # a fake gzip header
    if not data.lstrip().startswith(b"WARC/") and not data.startswith(b"\x1f\x8b"):
        data[0:0] = b"WARC/1.0\r\n"
    return bytes(data)


# --- feeds -------------------------------------------------------------------------------------------

FEED_DATES = st.sampled_from(["Tue, 12 Sep 2023 08:00:00 GMT", "2023-09-12T08:00:00Z", "31 Feb 2023", "",
                              "Mon, 01 Jan 0001 00:00:00 +9999", "9999-12-31T23:59:59-14:00", "yesterday",
                              "Sun, 99 Foo 99999 99:99:99 XYZ", "0000-00-00"])


@st.composite
def feed_bytes(draw: st.DrawFn) -> bytes:
    """An RSS 2.0 or Atom feed whose entries carry odd dates, HTML soup, CDATA and entities."""
    items = []
    atom = draw(st.booleans())
    for _ in range(draw(st.integers(0, 4))):
        content = draw(html_soup()).replace("]]>", "")
        when = draw(FEED_DATES)
        title = draw(SENTENCES).replace("<", "&lt;").replace("&", "&amp;")
        if atom:
            items.append(f"<entry><title>{title}</title><id>{draw(st.text(max_size=10))}</id><updated>{when}</updated>"
                         f"<content type=\"html\"><![CDATA[{content}]]></content></entry>")
        else:
            items.append(f"<item><title>{title}</title><pubDate>{when}</pubDate>"
                         f"<description><![CDATA[{content}]]></description></item>")
    inner = "".join(items)
    if draw(st.booleans()):
        inner = inner[: draw(st.integers(0, len(inner)))]  # cut mid-element
    doc = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{inner}</feed>' if atom
           else f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{inner}</channel></rss>')
    return doc.encode("utf-8", "surrogatepass")


# --- dates -------------------------------------------------------------------------------------------

# Edge days on purpose: a page's metadata can claim year 1 or 9999, and relative dates step past them.
ANY_DAY = st.one_of(st.dates(), st.sampled_from([date.min, date.max, date(1, 1, 7), date(9999, 12, 25), date(2023, 9, 12)]))
DATE_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(["Sept.", "12", "2023", "September", "10th", "of", "Tuesday", "last", "next", "on",
                              "yesterday", "tomorrow", "999999999", "days", "ago", "in", "early", "2019", "-", ":",
                              "Updated", "published", "at", "4:12", "PM", "GMT", "+99:99", "T", "0000", "00", "31",
                              "Feb", "30", "week", "9999", "1e9", "²", "٣", "1800"]),
             max_size=10).map(" ".join),
    st.from_regex(r"\A-?\d{1,6}-\d{1,3}-\d{1,3}(T\d{1,2}:\d{1,2}(:\d{1,2})?([+-]\d{2}:?\d{2}|Z)?)?\Z"),
)

MONTH_NAMES = st.sampled_from(["Jan", "Feb.", "February", "Sept.", "Sep", "September", "Dec", "May", "june", "Foo"])
WEEKDAY_NAMES = st.sampled_from(["Monday", "tuesday", "Sunday", "Fridays", "Wednesday"])
NUMBERS_TEXT = st.one_of(st.integers(-5, 40), st.integers(0, 10**15), st.sampled_from([0, 29, 30, 31, 99, 1800, 9999]))
DATE_PHRASES = st.one_of(
    st.builds("{} days ago".format, NUMBERS_TEXT),
    st.builds("{} {}, {}".format, MONTH_NAMES, NUMBERS_TEXT, NUMBERS_TEXT),
    st.builds("{} {} {}".format, NUMBERS_TEXT, MONTH_NAMES, NUMBERS_TEXT),
    st.builds("{} of {} {}".format, NUMBERS_TEXT, MONTH_NAMES, NUMBERS_TEXT),
    st.builds("{} {}".format, st.sampled_from(["on", "last", "next", "this", "early on", "will meet on"]), WEEKDAY_NAMES),
    st.sampled_from(["yesterday", "tomorrow", "last night", "today", "last week", "next week", "in 1900", "in 2099"]),
    st.builds("{}-{}-{}".format, NUMBERS_TEXT, NUMBERS_TEXT, NUMBERS_TEXT),
)
# A sentence around one to three date phrases, so the phrases stay intact.
DATE_SENTENCES = st.lists(st.one_of(DATE_PHRASES, WORDS), min_size=1, max_size=6).map(" ".join)
