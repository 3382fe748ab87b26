"""Regression tests: every crash the fuzzers found, replayed with its exact input.

`crashes/index.json` lists each finding (what broke, how it was fixed, which test here
replays it); `fuzz/run.py` reads it to report how many crashes were found and fixed.
Crashing inputs the atheris harnesses saved are replayed from `crashes/<target>/`.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from storylens.clean import clean_article
from storylens.clean.html import extract_html
from storylens.clean.metadata import apply_metadata
from storylens.conflicts.numbers import find_numbers
from storylens.conflicts.temporal import find_dates as conflict_dates
from storylens.errors import InputError, ParseError
from storylens.ingest import read_file
from storylens.ingest.feeds import parse_feed
from storylens.ingest.jsonl import read_jsonl
from storylens.ingest.sniff import sniff
from storylens.models import Article
from storylens.models.brief import Brief
from storylens.timeline.dates import find_dates as timeline_dates

pytestmark = pytest.mark.timeout(60)

HERE = Path(__file__).parent
CRASHES = HERE / "crashes"
INDEX = json.loads((CRASHES / "index.json").read_text(encoding="utf-8"))
LIMIT = 1 << 20


def test_every_finding_has_its_regression_test() -> None:
    module = sys.modules[__name__]
    for entry in INDEX:
        assert entry["kind"] in ("crash", "hang", "contract") and entry["description"] and entry["fix"]
        assert callable(getattr(module, entry["test"], None)), f"{entry['id']}: no test named {entry['test']}"


def test_jsonl_deep_nesting_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "ok"}\n{"text": ' + "[" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"deep\.jsonl: line 2 is not valid JSON \(nested too deeply\)"):
        read_jsonl(path, LIMIT)
    # The whole-document fallback (a pretty-printed JSON file) parses the same input: also an InputError.
    whole = tmp_path / "deep.json"
    whole.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(InputError):
        read_file(whole, LIMIT)


@pytest.mark.parametrize("name", ["notes.txt", "page", "a.json"])
def test_sniff_deep_nesting(tmp_path: Path, name: str) -> None:
    head = b'{"text": ' + b"[" * 100_000
    assert sniff(head, name) in ("jsonl", "text", "unknown")
    path = tmp_path / name
    path.write_bytes(head)
    try:
        articles = read_file(path, LIMIT)
    except InputError as exc:
        assert name == "a.json" and "nested too deeply" in str(exc)  # routed to the JSONL reader
    else:
        assert [a.raw_format for a in articles] == ["text"]  # not JSON after all: read as plain text


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x1c", "\x0b", "\x0c"])
def test_jsonl_strings_with_unicode_line_breaks_load(tmp_path: Path, char: str) -> None:
    path = tmp_path / "lines.jsonl"
    records = [{"id": "a", "text": f"First{char}record."}, {"id": "b", "text": "Second record.", "title": f"T{char}"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\r\n", encoding="utf-8")
    articles = read_jsonl(path, LIMIT)
    assert [(a.id, a.raw) for a in articles] == [("a", f"First{char}record."), ("b", "Second record.")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_jsonl_line_numbers_follow_any_newline(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(newline.join(['{"text": "One."}', "", '{"text": "Two."}', '{"text": ']).encode())
    with pytest.raises(ParseError, match="line 4 is not valid JSON"):
        read_jsonl(path, LIMIT)
    path.write_bytes(newline.join(['{"text": "One."}', "", '{"text": "Two."}']).encode())
    assert [a.raw for a in read_jsonl(path, LIMIT)] == ["One.", "Two."]


@pytest.mark.parametrize(("sentence", "base"), [
    ("It began 3000000000 days ago.", date(2023, 9, 12)),
    ("It began 1 days ago.", date.min),
    ("It happened yesterday.", date.min),
    ("They meet next Monday.", date.max),
    ("Talks resume next week.", date.max),
    ("It closed on Tuesday.", date.min),
])
def test_timeline_relative_dates_past_the_calendar(sentence: str, base: date) -> None:
    assert timeline_dates(sentence, base) == []
    # An absolute date in the same sentence is still found.
    assert [m.day for m in timeline_dates(sentence + " It reopened on Sept. 12, 2023.", base)] == [date(2023, 9, 12)]


@pytest.mark.parametrize("published", [date.max, date.min])
def test_conflict_weekday_past_the_calendar(published: date) -> None:
    future = published == date.max
    text = "The vote will be on Monday." if future else "The vote was on Sunday."
    (mention,) = conflict_dates(text, published)
    assert mention.kind == "weekday" and mention.resolved is None
    assert mention.normalized() in ("Monday", "Sunday")


@pytest.mark.parametrize(("data", "problem"), [
    ("{", "Invalid JSON: EOF while parsing an object"),
    ("[]", "Input should be an object"),
    ('{"story": {"title": "t", "n_sources": 1}, "sources": [{"id": "a", "text": 5}]}',
     "sources.0.text: Input should be a valid string"),
    ("[" * 100_000, "Invalid JSON: recursion limit exceeded"),
    (b"\xff\xfe{", "Invalid JSON"),
])
def test_malformed_brief_json_is_a_parse_error(data: str | bytes, problem: str) -> None:
    with pytest.raises(ParseError) as info:
        Brief.from_json(data, "saved/brief.json")
    message = str(info.value)
    assert message.startswith("saved/brief.json: not a valid storylens brief: ") and problem in message
    assert "\n" not in message


def test_empty_published_becomes_none() -> None:
    article = Article(id="a", raw="x", text="x", published="")
    assert apply_metadata(article).published is None
    article = Article(id="b", raw="x", text="x", published="Sept. 12, 2023")
    assert apply_metadata(article).published == "2023-09-12"


FEED_WITH_SVG_TITLES = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title></title>'
    b"<pubDate>Tue, 12 Sep 2023 08:00:00 GMT</pubDate><description><![CDATA[<svg><title></title><title></title></svg>]]>"
    b"</description></item></channel></rss>"
)


@pytest.mark.parametrize("page", ["<svg><title></title><title></title></svg>",
                                  "<math><title></title><title></title></math><p>The bridge closed.</p>"])
def test_html_title_inside_svg(page: str) -> None:
    extract = extract_html(page)
    assert extract.published is None and isinstance(extract.text, str)
    (entry,) = parse_feed(FEED_WITH_SVG_TITLES, "feed.rss")
    assert clean_article(entry).published == "2023-09-12T08:00:00+00:00"  # the feed's own date survives


@pytest.mark.timeout(30)
def test_numbers_in_a_huge_sentence_stay_linear() -> None:
    """8,000 counts in one 64 KB line (a flattened table): minutes before the fix, about a second after."""
    text = "Results: " + ", ".join(f"about {i % 97 + 3} cars" for i in range(8000)) + "."
    found = find_numbers(text)
    assert len(found) == 8000 and all(n.bound == "about" for n in found)
    assert found[-1].surface == text[found[-1].start:found[-1].end] == f"about {7999 % 97 + 3}"


def _saved_crashes() -> list[Path]:
    return sorted(p for p in CRASHES.glob("*/*") if p.is_file())


# Inputs that broke a reader before (found by the property tests above), replayed through the atheris
# entry points too, so the harnesses themselves stay honest; saved atheris crashes join them.
_KNOWN = {
    "jsonl/deep-nesting": ("jsonl", b'{"text": ' + b"[" * 100_000 + b"}\n"),
    "jsonl/line-separators": ("jsonl", '{"text": "One\u2028two\u0085three words of a real article."}\n'.encode()),
    "html/svg-title": ("html", b"<html><head><svg><title>x</title></svg></head><body><p>Some text.</p></body></html>"),
    "warc/truncated-gzip": ("warc", b"\x1f\x8b\x08\x00" + b"WARC/1.0\r\n" * 10),
}


def _replays() -> list[tuple[str, str, bytes]]:
    saved = [(f"{p.parent.name}/{p.name}", p.parent.name, p.read_bytes()) for p in _saved_crashes()]
    return [(name, target, data) for name, (target, data) in _KNOWN.items()] + saved


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("name", "target", "data"), _replays(), ids=[r[0] for r in _replays()])
def test_harness_replays(name: str, target: str, data: bytes) -> None:
    """Known bad inputs and any input an atheris harness crashed on, through the same harness entry point."""
    sys.path.insert(0, str(HERE.parent.parent / "fuzz"))
    try:
        from targets import TARGETS
    finally:
        sys.path.pop(0)
    TARGETS[target](data)  # raises on a regression; InputError is swallowed inside
