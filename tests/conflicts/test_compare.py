"""Compatibility and same-slot rules on values read from sentences written here (loads spaCy)."""

from datetime import date

import pytest

from storylens.conflicts.compare import _abbreviates, agree, different_lists, possible_slot
from storylens.conflicts.values import extract_values

pytestmark = pytest.mark.slow
DAY = date(2023, 9, 12)


@pytest.fixture(scope="module")
def nlp():
    from storylens.nlp import spacy_pipeline

    return spacy_pipeline()


def first(nlp, text, kind):
    return next(v for v in extract_values(text, nlp(text), DAY) if v.kind == kind)


def exact(x: str, y: str) -> float:
    return 1.0 if x == y else 0.0


def test_days_of_different_events_cannot_conflict(nlp):
    boarded = "Kim boarded his personal train bound for Russia on Sunday afternoon."
    arrived = "The armored train carrying Kim arrived in Russia on Tuesday morning."
    putin = "Putin arrived in the eastern city of Vladivostok on Monday."
    a, b, c = (first(nlp, t, "weekday") for t in (boarded, arrived, putin))
    assert not possible_slot(a, b, exact, boarded, arrived)  # boarding vs arriving
    assert not possible_slot(b, c, exact, arrived, putin)  # the train vs Putin


def test_days_of_the_same_event_can_conflict(nlp):
    meet = "South Korean media reported that the two will meet there on Tuesday."
    held = "It is believed that the meeting will take place in Vladivostok this Wednesday."
    a, b = first(nlp, meet, "weekday"), first(nlp, held, "weekday")
    assert possible_slot(a, b, exact, meet, held)
    assert not agree(a, b)


def test_abbreviations_and_yearless_dates_agree(nlp):
    us = first(nlp, "Officials in the U.S. said the plant would close.", "place")
    united = first(nlp, "Officials in the United States said the plant would close.", "place")
    assert agree(us, united)
    assert _abbreviates("Va.", "Virginia") and _abbreviates("Calif.", "California")
    assert not _abbreviates("Vt.", "Barre Street") and not _abbreviates("Ga.", "Virginia")
    short = first(nlp, "The report was published on Jan. 31 by the ministry.", "date")
    full = first(nlp, "The ministry published the report on 31 Jan. 2018.", "date")
    assert agree(short, full)


def test_a_place_inside_the_other_is_no_alternative(nlp):
    def place(text):
        return first(nlp, text, "place")

    state = place("A woman shot three people at a drugstore warehouse in Maryland, officials said.")
    city = place("A woman shot three people at a Rite Aid warehouse in Aberdeen, officials said.")
    other = place("A woman shot three people at a drugstore warehouse in Virginia, officials said.")
    assert agree(state, city) and agree(city, state)
    assert not agree(state, other) and not agree(city, other)
    assert not agree(place("The chef was born in London, her family said."),
                     place("The chef was born in Scotland, her family said."))


def test_a_verb_that_is_the_others_object_names_another_event(nlp):
    appeal = "Attorneys for the bomber appealed his conviction and death sentence on Monday."
    sentenced = "The bomber has become the 62nd inmate on death row after he was sentenced to death on Friday."
    a, b = first(nlp, appeal, "weekday"), first(nlp, sentenced, "weekday")
    assert not possible_slot(a, b, exact, appeal, sentenced)
    again = "Attorneys for the bomber appealed his conviction and death sentence on Tuesday."
    assert possible_slot(a, first(nlp, again, "weekday"), exact, appeal, again)


def test_a_day_that_starts_a_period_does_not_date_the_event(nlp):
    since = "At least 30 people have been killed in Gaza since Wednesday, officials said."
    on = "Three Israelis were killed on Thursday in Kiryat Malachi, officials said."
    a, b = first(nlp, since, "weekday"), first(nlp, on, "weekday")
    assert a.role == "bound" and b.role != "bound"
    assert not possible_slot(a, b, exact, since, on)
    late = "The Senate is not scheduled to reconvene until Monday afternoon."
    early = "Reid will reconvene the Senate on Thursday afternoon."
    assert possible_slot(first(nlp, late, "weekday"), first(nlp, early, "weekday"), exact, late, early)


def test_the_same_weekday_read_a_week_apart_is_one_day(nlp):
    held = first(nlp, "A procedural vote was held on Saturday.", "weekday")
    due = first(nlp, "A procedural vote will be held on Saturday.", "weekday")
    assert held.key != due.key  # one read as the past Saturday, one as the coming one
    assert agree(held, due)
    assert not agree(due, first(nlp, "A procedural vote will be held on Sunday.", "weekday"))


def test_places_in_different_lists_are_different_sets(nlp):
    def places(text):
        return [v for v in extract_values(text, nlp(text), DAY) if v.kind == "place"]

    heat = places("Temperatures in Arizona, Nevada and Colorado soared into the 90s.")
    other = places("High temperatures in Utah, Wyoming, Nevada and Arizona broke heat records.")
    colorado, utah = heat[-1], other[0]
    assert colorado.siblings == {"arizona", "nevada"}
    assert different_lists(colorado, utah)
    single = places("High temperatures in Utah broke heat records.")[0]
    assert different_lists(colorado, single) and different_lists(single, colorado)
    # the same list with one member changed is still one slot
    changed = places("Temperatures in Arizona, Nevada and Utah soared into the 90s.")[-1]
    assert not different_lists(colorado, changed)
    assert not different_lists(single, places("High temperatures in Idaho broke heat records.")[0])


def test_the_end_of_a_reporting_period_dates_no_event(nlp):
    new = "New claims rose by 51,000 to 419,000 for the week ended July 17."
    old = "Continuing claims fell to 3.24 million in the week ended July 10."
    a, b = first(nlp, new, "date"), first(nlp, old, "date")
    assert a.role == b.role == "period"
    assert not possible_slot(a, b, exact, new, old)
    # plural periods and a period's coming end: an ECB+ brief disputed a press release's "About HP" paragraph
    revenue = "HP had revenue of $100.5 billion for the four fiscal quarters ended July 31, 2007."
    close = "The deal is expected to close within its first fiscal quarter, which will end Jan. 31, 2008."
    a, b = first(nlp, revenue, "date"), first(nlp, close, "date")
    assert a.role == b.role == "period"
    assert not possible_slot(a, b, exact, revenue, close)
    held = "The vote was held on July 10."
    assert possible_slot(first(nlp, held, "date"), first(nlp, "The vote was held on July 17.", "date"), exact,
                         held, "The vote was held on July 17.")
