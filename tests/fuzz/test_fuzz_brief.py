"""Property: the brief JSON loader returns a Brief or raises InputError for any document.

The documents start from a real, valid brief and are broken structurally (fields dropped,
replaced by values of other types, extra keys, deep nesting) or at the byte level
(truncated, flipped, invalid UTF-8), so most of them get past the JSON parser.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fuzz_strategies import FAST, JSON_VALUES, contract
from hypothesis import given
from hypothesis import strategies as st

from storylens.errors import InputError, ParseError
from storylens.models.brief import (
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    EntityMention,
    Quote,
    Source,
    StoryInfo,
    SummarySentence,
    TimelineEvent,
)

pytestmark = pytest.mark.timeout(120)

TEXT_A = "The bridge closed on Tuesday after inspectors found 12 cracks."
TEXT_B = "Inspectors found 14 cracks, and the bridge closed on Monday."


def _quote(source: str, text: str, part: str) -> Quote:
    start = text.index(part)
    return Quote(source=source, start=start, end=start + len(part), quote=part)


VALID = Brief(
    story=StoryInfo(title="Bridge closed", date="2023-09-12", n_sources=2, n_independent=2),
    sources=[Source(id="a", text=TEXT_A, outlet="Daily", published="2023-09-12"),
             Source(id="b", text=TEXT_B, url="http://example.org/b")],
    entities=[Entity(id="e1", name="Inspectors", type="ORG",
                     mentions=[EntityMention(source="b", start=0, end=10, text="Inspectors")])],
    claims=[Claim(id="c1", text="The bridge closed.", status="corroborated", sources=["a", "b"], n_independent=2,
                  evidence=[_quote("a", TEXT_A, "The bridge closed")])],
    conflicts=[Conflict(id="k1", topic="cracks found", kind="count", values=[
        ConflictValue(value="12 cracks", normalized="12", sources=["a"], quotes=[_quote("a", TEXT_A, "12 cracks")]),
        ConflictValue(value="14 cracks", normalized="14", sources=["b"], quotes=[_quote("b", TEXT_B, "14 cracks")]),
    ])],
    timeline=[TimelineEvent(date="2023-09-12", text="The bridge closed.", sources=["a"])],
    summary=[SummarySentence(text="The bridge closed after cracks were found.", sources=["a", "b"])],
    notices=["2 sources"],
)
VALID_DICT = VALID.to_dict()


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """The valid brief with some nodes dropped, retyped or padded; how many varies per example,
    so some documents stay valid (and must load) and others break in many places at once."""
    percent = draw(st.sampled_from([0, 2, 5, 20, 60]))

    def hit() -> bool:
        return draw(st.integers(0, 99)) < percent

    def walk(value: Any) -> Any:
        if hit():
            return draw(JSON_VALUES)  # this node replaced by any JSON value
        if isinstance(value, dict):
            out = {key: walk(item) for key, item in value.items() if not hit()}  # fields dropped
            if hit():
                out[draw(st.text(max_size=6))] = draw(JSON_VALUES)  # an unknown field
            return out
        if isinstance(value, list):
            items = [walk(item) for item in value]
            return [*items, draw(JSON_VALUES)] if hit() else items
        return value

    return walk(VALID_DICT)


def _dumps(doc: Any) -> str:
    return json.dumps(doc, allow_nan=True)


@FAST
@given(doc=mutated())
def test_structurally_broken_briefs(doc: Any) -> None:
    result = contract(Brief.from_json, _dumps(doc), "brief.json")
    assert isinstance(result, (Brief, InputError))
    if isinstance(result, InputError):
        assert str(result).startswith("brief.json: ")


@FAST
@given(doc=mutated())
def test_every_brief_that_loads_renders(doc: Any) -> None:
    """What the loader accepts, the Markdown and HTML reports can show (the CLI and web UI render stored briefs)."""
    brief = contract(Brief.from_json, _dumps(doc), "brief.json")
    if isinstance(brief, Brief):
        assert brief.to_markdown().strip() and "<html" in brief.to_html()
        assert Brief.from_json(brief.to_json()) == brief


@FAST
@given(doc=mutated(), cut=st.integers(0, 10_000), flip=st.integers(0, 10_000), byte=st.integers(0, 255))
def test_byte_level_broken_briefs(doc: Any, cut: int, flip: int, byte: int) -> None:
    data = bytearray(_dumps(doc).encode())
    if data:
        data[flip % len(data)] = byte
    assert isinstance(contract(Brief.from_json, bytes(data[: len(data) - cut % (len(data) + 1)])), (Brief, InputError))


@FAST
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300),
                      st.sampled_from(["[" * 100_000, '{"story": ' * 50_000, "null", "1e999", '"\\ud800"'])))
def test_arbitrary_documents(data: bytes | str) -> None:
    assert isinstance(contract(Brief.from_json, data), (Brief, InputError))


def test_a_valid_brief_round_trips() -> None:
    assert Brief.from_json(VALID.to_json(), "brief.json") == VALID


def test_the_message_names_the_file_and_the_field() -> None:
    broken = {**VALID_DICT, "sources": [{**VALID_DICT["sources"][0], "text": 5}]}
    with pytest.raises(ParseError) as info:
        Brief.from_json(_dumps(broken), "out/brief.json")
    assert str(info.value) == "out/brief.json: not a valid storylens brief: sources.0.text: Input should be a valid string"
