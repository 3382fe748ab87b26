"""Timeline on real annotations: events merged across sources, exact quotes, the demo corpus."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from storylens.api import analyse, load, prepare
from storylens.models import Article, Story

pytestmark = pytest.mark.slow

_ISO = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")


def _assert_exact(story: Story) -> None:
    for event in story.timeline:
        assert event.quotes and set(event.sources) == {q.source for q in event.quotes}
        for q in event.quotes:
            assert story.article(q.source).text[q.start:q.end] == q.quote


@pytest.fixture(scope="module")
def built() -> Story:
    texts = {
        "wire": "The ferry left the northern port on Sunday with 300 passengers on board. "
                "Weather services warned of heavy seas along the whole coast.",
        "paper": "Officials said the ferry departed the northern port on Sunday carrying 300 passengers. "
                 "The ferry company will hold a press conference on Thursday about the voyage.",
        "blog": "Rescue crews reached the stranded ferry yesterday after a long night at sea. "
                "The vessel had departed the northern port on Sunday, officials said.",
    }
    arts = [Article(id=k, raw=v, text=v, published="2023-03-14") for k, v in texts.items()]  # a Tuesday
    arts[2].published = None  # undated: resolved against the story's consensus day
    return analyse(arts)


def test_same_event_merges_across_sources(built: Story) -> None:
    sunday = [e for e in built.timeline if e.date == "2023-03-12"]
    assert len(sunday) == 1
    assert set(sunday[0].sources) == {"wire", "paper", "blog"}
    assert len(sunday[0].quotes) == 3


def test_distinct_events_stay_apart_in_date_order(built: Story) -> None:
    dates = [e.date for e in built.timeline]
    assert dates == sorted(dates)
    assert "2023-03-16" in dates  # "will hold ... on Thursday": the next Thursday
    assert "2023-03-13" in dates  # "yesterday" in the undated article, against the consensus day
    _assert_exact(built)


@pytest.fixture(scope="module")
def demo(corpus_dir: Path) -> Story:
    articles = prepare(load([corpus_dir]))
    for art in articles:
        # The metadata stage may not have run: take a dateline from the text when there is one.
        if not art.published and (m := _ISO.search(art.text)):
            art.published = m.group(1)
    return analyse(articles)


def test_demo_timeline_runs_from_departure_to_arrival(demo: Story) -> None:
    assert demo.story_date is not None
    by_date: dict[str, list] = {}
    for e in demo.timeline:
        by_date.setdefault(e.date, []).append(e)
    departure = by_date.get("2023-09-10", [])  # "left Pyongyang on Sunday", articles of Tuesday 12th
    assert any(len(e.sources) >= 2 and re.search(r"left|depart|board", e.text) for e in departure)
    arrival = by_date.get("2023-09-12", [])
    assert any(len(e.sources) >= 2 and re.search(r"arriv|cross", e.text) for e in arrival)
    assert demo.story_date == date(2023, 9, 12)
    _assert_exact(demo)


def test_demo_timeline_has_background_and_stays_readable(demo: Story) -> None:
    assert any(e.approximate and e.date.startswith("2019") for e in demo.timeline)
    assert all(e.approximate for e in demo.timeline if e.date < "2023")
    # "in 2019" / "in April 2019": the event says how much of its date the sources gave (reports show "2019")
    assert all(e.precision in ("year", "month") for e in demo.timeline if e.date < "2023")
    assert all(e.precision == "day" for e in demo.timeline if e.date.startswith("2023-09"))
    assert len(demo.timeline) <= 20
