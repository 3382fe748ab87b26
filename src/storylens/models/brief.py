"""The published brief: JSON contract `storylens.brief/1`.

Fields may be added in later minor versions; none is renamed or removed without
bumping the schema id. `storylens schema` prints the JSON Schema generated from
these classes (shipped as `storylens/schema/brief.v1.json`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "storylens.brief/1"

ClaimStatus = Literal["corroborated", "single_source", "conflicting"]
ConflictKind = Literal["quantity", "count", "date", "weekday", "place", "other"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_Model):
    """A verbatim span: `sources[source].text[start:end] == quote`, always."""

    source: str
    start: int
    end: int
    quote: str


class Source(_Model):
    id: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    text: str
    removed: list[str] = Field(default_factory=list)
    language: str | None = None
    duplicate_of: str | None = None
    analysed: bool = True
    opinion: bool = False  # the page says it is an opinion piece (its address, headline label or disclaimer)
    # ids of the sources whose outlet this one credits for its report ("according to the Berkshire Eagle"):
    # what they both state counts as one report
    draws_on: list[str] = Field(default_factory=list)


class EntityMention(_Model):
    source: str
    start: int
    end: int
    text: str


class Entity(_Model):
    id: str
    name: str
    type: str  # PERSON, GPE, LOC, ORG, NORP, FAC, EVENT, ...
    aliases: list[str] = Field(default_factory=list)
    mentions: list[EntityMention] = Field(default_factory=list)


class Claim(_Model):
    id: str
    text: str
    status: ClaimStatus
    sources: list[str]
    hedged: bool = False
    evidence: list[Quote] = Field(default_factory=list)
    n_independent: int = 1
    entities: list[str] = Field(default_factory=list)  # entity ids


class ConflictValue(_Model):
    value: str
    normalized: str
    sources: list[str]
    quotes: list[Quote] = Field(default_factory=list)


class Conflict(_Model):
    id: str
    topic: str
    kind: ConflictKind
    values: list[ConflictValue]
    note: str = ""
    confidence: float = 0.5


class TimelineEvent(_Model):
    date: str  # YYYY-MM-DD
    text: str
    sources: list[str]
    quotes: list[Quote] = Field(default_factory=list)
    approximate: bool = False
    # How much of `date` the sources gave: "in 2019" is dated 2019-01-01 with precision "year", so that a
    # reader (and the reports) can show "2019" rather than a first of January nobody wrote.
    precision: Literal["day", "month", "year"] = "day"
    # Ids of the conflicts one of whose sides this event's quotes state (its day, or a figure it gives, is disputed)
    disputed: list[str] = Field(default_factory=list)
    # Every source sets or expects it for that day (a court date, a vote "set for Friday"), as of its report: a
    # plan, not something that happened
    planned: bool = False


class DayNote(_Model):
    """A relative day in a summary sentence ("on Monday", "yesterday") and the day it means."""

    text: str  # as written in the sentence
    date: str  # YYYY-MM-DD, read against the date of the sentence's own article
    approximate: bool = False  # "last week": a day within that week


class SummarySentence(_Model):
    text: str
    sources: list[str]
    quotes: list[Quote] = Field(default_factory=list)
    # The sentence is quoted as written, so "on Monday" stays; which Monday it was is told here.
    days: list[DayNote] = Field(default_factory=list)
    # Ids of the conflicts whose sides this sentence (or a sentence it cites) states: one side of a disputed fact,
    # which the reader should not take as settled.
    disputed: list[str] = Field(default_factory=list)
    # Who speaks these words, when the sentence lies inside a quotation whose marks and speaker stand outside it
    # ('This was one of the terms of her probation.' of '"... So we will seek jail time," said Frank Mateljan'), as its
    # source names them: the reports show the sentence as that speaker's words, not as the story's fact.
    speaker: str | None = None


class StoryInfo(_Model):
    title: str
    date: str | None = None  # YYYY-MM-DD
    n_sources: int
    n_independent: int | None = None


class Brief(_Model):
    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    story: StoryInfo
    sources: list[Source]
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def source_labels(self) -> dict[str, str]:
        """A short, unique label per source for citations: the outlet, else the URL's host, else the id."""
        from urllib.parse import urlsplit

        base = {}
        for src in self.sources:
            try:
                host = urlsplit(src.url).hostname if src.url else None
            except ValueError:  # an unparseable URL ("http://[oops/") is no label, not a crash
                host = None
            base[src.id] = src.outlet or (host.removeprefix("www.") if host else None) or src.id
        counts: dict[str, int] = {}
        for label in base.values():
            counts[label] = counts.get(label, 0) + 1
        return {sid: label if counts[label] == 1 or label == sid else f"{label} ({sid})" for sid, label in base.items()}

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def to_markdown(self) -> str:
        from storylens.report.markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        from storylens.report.html import render_html

        return render_html(self)

    @classmethod
    def from_json(cls, data: str | bytes, where: str | None = None) -> Brief:
        """Read a brief back from its JSON.

        Raises `ParseError` naming `where` (the file or store the data came from) when the data
        is not JSON or not a `storylens.brief/1` brief, so a user never sees pydantic's report.
        """
        from pydantic import ValidationError

        from storylens.errors import ParseError

        try:
            return cls.model_validate_json(data)
        except ValidationError as exc:
            raise ParseError(where, f"not a valid storylens brief: {_first_problem(exc)}") from None


def _first_problem(exc: Exception) -> str:
    """The first of pydantic's validation errors as 'field.path: message', plus how many more there are."""
    errors = exc.errors(include_url=False)  # type: ignore[attr-defined]
    if not errors:
        return str(exc).splitlines()[0]
    first = errors[0]
    loc = ".".join(str(part) for part in first.get("loc", ()))
    msg = str(first.get("msg", "invalid value"))[:200]
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{loc}: {msg}{more}" if loc else f"{msg}{more}"
