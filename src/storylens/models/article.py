"""Internal working objects: one `Article` per source, and spans into its clean text.

Every annotation is a span `(source, start, end)` into `Article.text` (the clean text),
so that any quote the brief prints can be checked against the source verbatim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

RawFormat = Literal["text", "html"]
# How a page with no date of its own was dated (`Article.extra["published_from"]`), each a guess: its relative days
# ("on Monday") are read as approximate. The brief's notices name each.
GUESSED_DATES = {"caption": "a date in a caption or credit line it carries", "post": "an embedded post",
                 "stamp": "a date stamp run into its text"}


@dataclass
class Article:
    """One source document, from raw input to clean text and metadata.

    ingest fills `id`, `raw`, `raw_format`, `path` and whatever metadata the input
    carried (a JSONL record's fields, WARC/feed headers); clean fills `text` and
    `removed`; metadata fills the remaining fields it can find.
    """

    id: str
    raw: str
    raw_format: RawFormat = "text"
    path: str | None = None
    text: str = ""
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO-8601 date or datetime as found
    url: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def published_date(self) -> date | None:
        """The publication day, if `published` parses as ISO-8601."""
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published).date()  # 3.11 reads a trailing Z
        except ValueError:
            try:
                return date.fromisoformat(self.published[:10])
            except ValueError:
                return None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article's clean text. `index` is the position in `Story.sentences`. `clipped`: the whole
    clause before an excerpt's cut, with no end mark of its own ("Three more fell Tuesday, bringing the total to
    nine" of "..., including several major...": `nlp.clauses`)."""

    source: str
    index: int
    start: int
    end: int
    text: str
    clipped: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention found by NER (label: spaCy's PERSON, GPE, LOC, ORG, NORP, FAC, ...)."""

    source: str
    start: int
    end: int
    text: str
    label: str
    sentence: int  # index into Story.sentences


@dataclass
class Story:
    """The pipeline's shared state: articles plus the annotations each stage adds.

    Stages read what earlier stages wrote and add their own field; none of them
    copies text, they refer to it by span.
    """

    articles: list[Article]
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    embeddings: Any = None  # numpy array (len(sentences), dim), L2-normalised rows
    entities: list[Any] = field(default_factory=list)  # list[models.brief.Entity]
    claims: list[Any] = field(default_factory=list)  # list[models.brief.Claim]
    claim_sentences: dict[str, list[int]] = field(default_factory=dict)  # claim id -> sentence indices
    conflicts: list[Any] = field(default_factory=list)
    timeline: list[Any] = field(default_factory=list)
    summary: list[Any] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    story_date: date | None = None  # the story's consensus date (set after metadata)
    strays: list[str] = field(default_factory=list)  # sources that may report another story (`stories.strays`)
    opinions: dict[str, str] = field(default_factory=dict)  # opinion pieces: source id -> what says so (`clean.genre`)
    # sources that credit another source's outlet: source id -> {credited source id: the name it credits}
    # (`clean.credits`); the two count as one report
    credits: dict[str, dict[str, str]] = field(default_factory=dict)
    # a news outlet not among the sources -> the sources that credit it for their report (`clean.credits`): they
    # relay one report
    origins: dict[str, list[str]] = field(default_factory=dict)

    def root_of(self, source_id: str) -> str:
        """The earliest copy a syndicated source duplicates (itself when it is original)."""
        seen = {source_id}
        art = self.article(source_id)
        while art.duplicate_of and art.duplicate_of not in seen:
            seen.add(art.duplicate_of)
            try:
                art = self.article(art.duplicate_of)
            except KeyError:
                break
        return art.id

    def independent_count(self, source_ids: list[str] | set[str]) -> int:
        """How many independent sources are among these: reprints of one wire story count once, and so does a
        source with the source whose outlet it credits (`Story.credits`)."""
        return len(set(self.reports(source_ids).values()))

    def reports(self, source_ids: Iterable[str]) -> dict[str, str]:
        """Each of these sources -> the report it belongs to (one id per report): the earliest copy of a
        syndicated story (`root_of`), with a source and the sources whose outlet it credits joined, and the
        sources that credit one outlet not among them (`origins`)."""
        from storylens.entities.cluster import UnionFind

        roots = {s: self.root_of(s) for s in source_ids}
        joined = UnionFind(sorted(set(roots.values())))
        for s, root in roots.items():
            for other in self.credits.get(s, {}):
                if other in roots:
                    joined.union(root, roots[other])
        for relaying in self.origins.values():
            present = [roots[s] for s in relaying if s in roots]
            for root in present[1:]:
                joined.union(present[0], root)
        return {s: joined.find(root) for s, root in roots.items()}

    def article(self, source_id: str) -> Article:
        for a in self.articles:
            if a.id == source_id:
                return a
        raise KeyError(source_id)

    def reading_date(self, source_id: str) -> tuple[date | None, bool]:
        """The date a source's relative days ("on Monday", "yesterday") are read against, and whether that is a
        guess: an undated source is read against the story's date (or the latest day it writes out, when that is
        of a later year; with no story date, the day it names by weekday and month-day, `timeline.dates.pinned_day`),
        a page dated by a photo caption or an embedded post against the photo's or the post's (`clean.caption_date`,
        `clean.post_date`), and none need be the day it was written."""
        article = self.article(source_id)
        # read once per source and dates: the stages ask for every sentence, and an undated source's reading scans
        # its text and the other sources' dates (the timeline of a 200-article story took 0.5 -> 3.4 s without it)
        key = (source_id, self.story_date, article.published, article.extra.get("published_from"))
        cache = self.__dict__.setdefault("_reading_dates", {})
        if key not in cache:
            cache[key] = self._reading_date(article)
        return cache[key]

    def _reading_date(self, article: Article) -> tuple[date | None, bool]:
        own = article.published_date
        if own is None and self.story_date is None:
            from storylens.timeline.dates import pinned_day

            # no source gives its date, but this text names a day by weekday and month-day ("Thursday October 19"),
            # whose weekday pins the year among those it writes: it was written then or later (QA round 19)
            return pinned_day(article.text), True
        if own is None and self.story_date is not None:
            from storylens.timeline.dates import latest_written

            # an undated text that writes out a later year than the other sources' date was written after it ("as of
            # August 2016" read against a 2014 report had put its "On Monday" in 2014): read against that day
            written = latest_written(article.text)
            if written is not None and written.year > self.story_date.year:
                return written, True
            if all(a.extra.get("published_from") == "caption" for a in self.articles
                   if a.published_date == self.story_date):
                return self.story_date + timedelta(days=1), True  # the story's date is a photo's (below)
        if own is not None and article.extra.get("published_from") == "caption":
            # a page is posted on its photos' day or after it: read against the day after, its "Thursday" is the
            # day after a caption's Wednesday, not six days before it ("announced Thursday" had come before the
            # Wednesday mutiny that led to it); the caption's own weekday is still that day
            return own + timedelta(days=1), True
        return own or self.story_date, own is None or article.extra.get("published_from") in GUESSED_DATES

    def sentences_of(self, source_id: str) -> list[Sentence]:
        return [s for s in self.sentences if s.source == source_id]

    @property
    def analysed(self) -> list[Article]:
        """Articles the NLP stages work on: not duplicates, not in a language we cannot analyse."""
        return [a for a in self.articles if a.language in (None, "en") and a.text.strip()]
