"""RSS/Atom feed files."""

from __future__ import annotations

from pathlib import Path

import pytest
from breadth_helpers import write

from storylens.errors import ParseError
from storylens.ingest.feeds import read_feed

RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title>
<item><title>Bridge reopens</title><link>https://news.example/bridge</link>
<pubDate>Tue, 12 Sep 2023 08:00:00 GMT</pubDate><author>desk@news.example (Ana Silva)</author>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The bridge reopened on Tuesday after two years of repairs.</p>
<p>Traffic was light in the morning.</p>]]></content:encoded></item>
<item><title>Second item</title><link>https://news.example/two</link><description>&lt;p&gt;Only a summary here.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom entry</title><link href="https://atom.example/1"/><id>tag:atom.example,2023:1</id>
<updated>2023-09-13T10:00:00Z</updated><content type="html">&lt;p&gt;Body of the atom entry.&lt;/p&gt;</content></entry></feed>"""


def test_rss_items_become_html_articles(tmp_path: Path) -> None:
    arts = read_feed(write(tmp_path, "news.rss", RSS))
    assert [a.title for a in arts] == ["Bridge reopens", "Second item"]
    first = arts[0]
    assert first.raw_format == "html" and "two years of repairs" in first.raw  # full content, not the teaser
    assert first.url == "https://news.example/bridge"
    assert first.published == "2023-09-12T08:00:00Z"
    assert "Only a summary" in arts[1].raw
    assert len({a.id for a in arts}) == 2


def test_atom_entry(tmp_path: Path) -> None:
    (art,) = read_feed(write(tmp_path, "a.atom", ATOM))
    assert art.url == "https://atom.example/1" and art.published == "2023-09-13T10:00:00Z"


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="not an RSS or Atom feed"):
        read_feed(write(tmp_path, "bad.rss", "this is { not xml at all <<<"))


def test_rss_date_keeps_the_outlets_own_day(tmp_path: Path) -> None:
    # 18:15 in California is 01:15 UTC the next day: the item was published on June 3, not June 4.
    rss = RSS.replace("Tue, 12 Sep 2023 08:00:00 GMT", "Thu, 03 Jun 2021 18:15:00 -0700")
    first = read_feed(write(tmp_path, "us.rss", rss))[0]
    assert first.published == "2021-06-03T18:15:00-07:00"


def test_atom_date_with_offset_and_feed_without_zone(tmp_path: Path) -> None:
    (art,) = read_feed(write(tmp_path, "b.atom", ATOM.replace("2023-09-13T10:00:00Z", "2023-09-13T23:30:00+02:00")))
    assert art.published == "2023-09-13T23:30:00+02:00"
    # No zone at all: feedparser's reading stands.
    (art,) = read_feed(write(tmp_path, "c.atom", ATOM.replace("2023-09-13T10:00:00Z", "2023-09-13T10:00:00")))
    assert art.published == "2023-09-13T10:00:00Z"
