"""Property: the date, quantity and name normalisers return a well-formed result for any text.

They run on text the user supplied, so they must never raise: a string that holds no date,
number or name gives an empty result (or None), never an exception.
"""

from __future__ import annotations

from datetime import date

import pytest
from fuzz_strategies import ANY_DAY, DATE_SENTENCES, DATE_TEXT, FAST, SENTENCES, contract
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.clean import metadata, units
from storylens.conflicts import numbers, temporal, values
from storylens.entities import normalize
from storylens.errors import InputError
from storylens.timeline import dates as timeline_dates

pytestmark = pytest.mark.timeout(120)

QUANTITY_TEXT = st.one_of(
    SENTENCES,
    st.lists(st.sampled_from(["about", "at least", "nearly", "more than", "up to", "$", "€", "£", "1,200.5", "0",
                              "999999999999999999999999999999", "1" * 400, "-3", "twenty-five", "ninety", "one",
                              "million", "billion", "percent", "%", "km", "miles", "per", "hour", "km/h", "kg",
                              "tonnes", "degrees", "°C", "mph", "feet", "/", "-", ":", "(", ")", "dollars", "yen",
                              "2023", "F-16", "54-35", "3/4", "10:30", "1st", "meters", "sq", "cubic", "nan", "inf",
                              "1e308", "kph", "kmh", "per cent", "a", "of"]),
             max_size=14).map(" ".join),
)
NAMES = st.one_of(
    st.text(max_size=30),
    st.lists(st.sampled_from(["Kim", "Jong", "Un", "Jong-un", "Song", "Sol-hwa", "George", "W.", "H.", "Bush",
                              "bin", "al-", "van", "der", "Jr.", "III", "II", "Dr.", "U.N.", "NATO", "Bank", "of",
                              "the", "North", "'s", "’s", "-", ".", "Ωμέγα", "Łukasz", "Øre", "ß", "İ", "ﬁ", "ǅ"]),
             max_size=6).map(" ".join),
)


def _iso_or_none(value: str | None) -> None:
    assert value is None or (isinstance(value, str) and value[:4].isdigit() and value[4] == "-"), value


@FAST
@given(text=st.one_of(DATE_TEXT, DATE_SENTENCES))
def test_metadata_dates(text: str) -> None:
    _iso_or_none(contract(metadata.normalise_date, text))
    stamp = contract(metadata.parse_dateline, text)
    assert stamp is None or (isinstance(stamp, tuple) and isinstance(stamp[1], bool))
    lead = contract(metadata.split_leading_date, text + " The council met.")
    assert lead is None or isinstance(lead, tuple)
    edit = contract(metadata.parse_edit_stamp, text)
    assert edit is None or isinstance(edit, str)


@FAST
@given(text=st.one_of(DATE_SENTENCES, SENTENCES, DATE_TEXT), base=st.one_of(st.none(), ANY_DAY))
def test_timeline_dates(text: str, base: date | None) -> None:
    found = contract(timeline_dates.find_dates, text, base)
    assert not isinstance(found, InputError)
    for m in found:
        assert text[m.start:m.end] == m.text and isinstance(m.day, date)


@FAST
@given(text=st.one_of(DATE_SENTENCES, SENTENCES, DATE_TEXT), base=st.one_of(st.none(), ANY_DAY), future=st.none() | st.booleans())
def test_conflict_dates(text: str, base: date | None, future: bool | None) -> None:
    found = contract(temporal.find_dates, text, base, (lambda _: future) if future is not None else None)
    assert not isinstance(found, InputError)
    for m in found:
        assert text[m.start:m.end] == m.surface
        assert isinstance(contract(m.normalized), str) and isinstance(contract(m.key), str)


@FAST
@given(text=QUANTITY_TEXT)
def test_numbers(text: str) -> None:
    found = contract(numbers.find_numbers, text)
    assert not isinstance(found, InputError)
    for n in found:
        assert 0 <= n.start <= n.end <= len(text) and text[n.start:n.end] == n.surface
        assert not n.low > n.high  # an interval, never inverted (written so that NaN bounds pass)
        assert isinstance(contract(numbers.display, n), str)
    for a in found:
        for b in found:
            assert isinstance(contract(numbers.compatible, a, b), bool)


@FAST
@given(text=QUANTITY_TEXT)
def test_word_numbers(text: str) -> None:
    value = contract(numbers.parse_word_number, text)
    assert value is None or isinstance(value, float)


@FAST
@given(text=st.one_of(SENTENCES, st.text(max_size=200)), unwrap=st.booleans())
def test_text_units(text: str, unwrap: bool) -> None:
    flat = contract(units.normalise_newlines, text)
    assert isinstance(flat, str)
    parts = contract(units.split_units, flat, unwrap)
    assert isinstance(parts, list)
    for unit in parts:
        assert isinstance(contract(units.ends_sentence, unit.text), bool)
        head, tail = contract(units.cut_glued_tail, unit.text)
        assert isinstance(head, str) and isinstance(tail, str)


@FAST
@given(a=NAMES, b=NAMES)
def test_entity_names(a: str, b: str) -> None:
    ka, kb = contract(normalize.name_key, a), contract(normalize.name_key, b)
    assert isinstance(ka, tuple) and isinstance(kb, tuple)
    assert contract(normalize.keys_match, ka, kb) == contract(normalize.keys_match, kb, ka)
    assert isinstance(contract(normalize.initials, a), set)
    assert isinstance(contract(normalize.is_acronym, a), bool)
    assert isinstance(contract(normalize.acronym_letters, a), str)
    for word in normalize.split_words(a):
        assert isinstance(contract(normalize.token_key, word), str)
        assert isinstance(contract(normalize.is_title, word), bool)
        assert isinstance(contract(normalize.is_initial, word), bool)


@FAST
@given(text=st.one_of(SENTENCES, NAMES), cut=st.tuples(st.integers(0, 60), st.integers(0, 60)))
def test_place_keys_and_datelines(text: str, cut: tuple[int, int]) -> None:
    key = contract(values.place_key, text)
    assert isinstance(key, str) and key == key.lower() and key.isascii()
    start, end = sorted(cut)
    assert isinstance(contract(values.is_dateline_or_tag, text, min(start, len(text)), min(end, len(text))), bool)


@pytest.fixture(scope="module")
def nlp():
    from storylens.nlp import spacy_pipeline

    return spacy_pipeline()


@pytest.mark.slow
@settings(max_examples=25, deadline=20000, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(SENTENCES, DATE_SENTENCES, QUANTITY_TEXT), published=st.one_of(st.none(), ANY_DAY))
def test_typed_values_of_any_sentence(nlp, text: str, published: date | None) -> None:
    """The conflict detector's value extraction over a real parse: dates, numbers and places."""
    found = contract(values.extract_values, text, nlp(text), published)
    assert isinstance(found, list)
    for v in found:
        assert 0 <= v.start <= v.end <= len(text) and isinstance(v.normalized, str)
