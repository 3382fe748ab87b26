"""Timeline events: dated sentences, merged across sources when they tell the same event.

A sentence becomes an event when it carries a resolvable date expression (see `dates`)
and reads as a statement (enough words, no page furniture, not a question). Each date is
judged by its *event window* (the words just around the date expression), because whole
news sentences about one story are all alike in meaning while the words next to the date
name the event ("left Pyongyang on Sunday", "crossed into Russia early on Tuesday").
Windows on compatible dates whose MiniLM cosine reaches `MERGE_COSINE` are linked; each
linked group is one event citing every source, with one exact quote per sentence. Ledes of
different sources on the same day are linked whatever their wording: that is the story's
news of the day told by each source in its own words. A birth date well before the report
is a person's background ("born in 1961"), never an event.
A year-only or month-only date ("in 2019", "April 2019") is compatible with a more precise
date inside it, so background facts merge into the precise event when one exists; alone
they stay approximate events dated the 1st. Each day keeps at most `MAX_PER_DAY` events,
those with the most independent sources first, to keep the timeline readable.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import numpy as np

from storylens.models import Quote, Sentence, Story, TimelineEvent
from storylens.summarize.text import standalone
from storylens.text import PAGE_NOTE, POINTER, dateline_end, ends_in_ellipsis, in_page_note
from storylens.timeline.dates import DateMention, find_dates, is_relative

MERGE_COSINE = 0.55
MERGE_COSINE_VAGUE = 0.45
# Two year- or month-dated sentences this alike as wholes tell one background fact, however little their windows
# say ("The last time was in 2019, before the pandemic, when he also traveled to Vladivostok ...").
MERGE_COSINE_BACKGROUND = 0.55
# Two sources' ledes of one day, as whole sentences, at least this alike ("the pipeline was officially canceled on
# Wednesday" / "the decision to walk away was confirmed Wednesday": 0.33) tell the day's news.
NEWS_PEG_COSINE = 0.25
MAX_PER_DAY = 4
LOOSE_DAYS = 3  # how far a week's day ("last week") may lie from a day given exactly, for one event
MIN_WORDS = 6
BACKGROUND_MIN_WORDS = 8  # a loosely dated sentence this long tells its fact even when it opens on "He"
MIN_STATEMENT_WORDS = 3  # words of two letters or more besides the dates
SHOUTED_STATEMENT_WORDS = 8  # ... in a sentence written all in capitals
# The lede: the first sentences of an article, where it puts its news peg.
LEDE_SENTENCES = 3
# A birth this long before the report is a person's background, not an event of the story.
BIRTH_BACKGROUND_DAYS = 365
WINDOW_BEFORE, WINDOW_AFTER = 10, 6
# Page furniture, photo captions ("FILE - In this Aug. 11, 2015 file photo, X attends ...", "This image provided
# by ... shows ...": they date the picture), embedded posts ("pic.twitter.com/... — Name (@handle) September 25,
# 2018") and video promos ("EMBED More News Videos ...", "Watch the report from ... on September 25"): none is
# an event of the story.
_FURNITURE = re.compile(
    r"https?://|www\.|\bclick\b|\bsubscribe\b|\bcookies?\b|\badvertisement\b|©|"
    r"\bfile (?:photo|picture|image)\b|\bin this (?:[^;:]{0,40}?\s)?(?:photo|picture|image)\b|"
    r"\bthis (?:photo|picture|image) (?:provided|released|taken|made available|obtained)\b|"
    r"pic\.twitter\.com/|\(@\w+\)|^\W*(?:embed|watch)\b",
    re.IGNORECASE,
)
_RANK = {"year": 0, "month": 1, "day": 2}
# Words of a page's time stamp line ("Last updated on: Fri, 11 Nov 2011 at 09: 56 IST").
_STAMP_WORDS = frozenset(["posted", "published", "updated", "last", "modified", "created", "on", "at", "by", "am",
                          "pm", "hrs", "gmt", "utc", "et", "est", "edt", "ist", "bst", "cet", "cest", "pt", "pst",
                          "pdt", "mon", "tue", "wed", "thu", "fri", "sat", "sun"])
_WORD = re.compile(r"[^\W\d_]{2,}")
_CLOSERS = " \t\"'”’)»"
# "born on March 29, 1928", "was born in the Bronx in 1928", "(born 1961)": the date is a birth date.
_ANNIVERSARY = re.compile(r"\s+(?:\w+\s+)?anniversary\b", re.IGNORECASE)
# The signature of an embedded post: "— brian stelter ( @brianstelter ) october 6, 2016" dates the post, not an event
# (a QA timeline's only event of a test-250 story, round 19; the page's date is read from it: `clean.post_date`).
_POST_SIGNED = re.compile(r"\(\s*@\w{1,15}\s*\)\s*$")
# A comparison's baseline: "down 6.8 million jobs compared with February 2020", "higher than in 2019" (a QA timeline
# listed February 2020 as an event of a jobs report, round 19).
# And a precedent named as such: "pushing a bill to exempt the city from a shutdown, as it did in 1995" (QA round 40
# listed the 2013 push under 1995).
_BASELINE = re.compile(r"\b(?:compared\s+(?:with|to)|than|relative\s+to|versus|vs\.?)\s+(?:(?:in|on|at|the|levels?\s+of|"
                       r"that\s+of|those\s+of)\s+)*$|\bas\s+(?:it|they|he|she|we|you|i|(?:the|its|their)\s+\w+)\s+"
                       r"(?:did|had|was|were|has|have)\s+(?:back\s+)?(?:in|on|during)\s+(?:the\s+)?$", re.IGNORECASE)
_BORN = re.compile(r"\bborn\b[^.;:,()]{0,40}$", re.IGNORECASE)
# Verbs of saying: a date next to one dates the report, not the event reported.
_SPEECH_VERBS = r"said|says|told|tells|recalled|recalls|reported|added|stated|noted|wrote|explained|showed|shows"
_SPEECH = re.compile(rf"\b(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_ANNOUNCE = re.compile(rf"\b(?:{_SPEECH_VERBS}|announced|announces|announcing)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Dated:
    sentence: Sentence
    mention: DateMention
    window: str
    lede: bool = False  # its article's first sentence near the top to name this day


def prefetch(story: Story, story_date: date | None) -> None:
    """Read the dates of every sentence `dated_sentences` will look at (dateparser is slow; `find_dates` keeps
    what it found), while other work runs."""
    for s in story.sentences:
        if _may_date_an_event(s.text):
            find_dates(s.text, story.article(s.source).published_date or story_date)


# The reporter's own attempt to reach someone: no event of the story ("A phone message left with Jeffs' attorneys in
# Utah was not returned Wednesday.", "She could not be reached for comment Friday": QA round 23).
_UNANSWERED = re.compile(
    r"\b(?:messages?|calls?|e-?mails?|requests?|inquiries)\b[^.;]{0,80}\b(?:was|were|has|have|had)\s+not\s+"
    r"(?:been\s+|yet\s+)?(?:returned|answered)\b|\b(?:could|can)\s*(?:not|n't)\s+(?:immediately\s+)?be\s+reached\b"
    r"|\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:\w+\s+){0,3}(?:messages?|calls?|e-?mails?|requests?"
    r"|inquiries)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)  # stages ask again of the same sentences
def _may_date_an_event(text: str) -> bool:
    """A statement of some length: no question, no page furniture or caption, no lead-in to a quotation or a list
    ("Speaking on Desert Island Discs in 1999, ..., she said:" states nothing itself), no pointer to what the page
    shows, no unanswered call."""
    # (`POINTER` holds the lead-ins too; a pointer: "Here's a slideshow of images of the quake on Tuesday.", QA round 28)
    return len(text.split()) >= MIN_WORDS and not text.rstrip(_CLOSERS).endswith("?") and not POINTER.search(text) \
        and not _FURNITURE.search(text) and not _UNANSWERED.search(text) and not PAGE_NOTE.search(text)


def dated_sentences(story: Story) -> list[Dated]:
    """One item per date expression of an event-like sentence, with its event window."""
    out = []
    first: dict[str, int] = {}
    pegged: set[tuple[str, date]] = set()
    years = _years_of_months(story)
    texts = {a.id: a.text for a in story.articles}
    for s in story.sentences:
        first.setdefault(s.source, s.index)
        if not _may_date_an_event(s.text) or s.source in story.strays or ends_in_ellipsis(s.text) \
                or in_page_note(texts.get(s.source, ""), s.start, s.text):
            # a source that may report another story (`Story.strays`) dates none of this one's events; an excerpt
            # cut off with "..." ("On Friday, the Labor Department released its...") tells no event
            continue
        base, guess = story.reading_date(s.source)
        found = [_in_article_year(m, base, years.get(s.source, {})) for m in find_dates(s.text, base)]
        if guess:  # an undated or caption-dated source's "on Monday": said to be approximate
            found = [replace(m, approximate=True) if is_relative(m) else m for m in found]
        mentions = event_dates(s.text, [m for m in found if not page_stamp(s.text, m, found)])
        if mentions and not _has_words(s.text, mentions):
            continue  # a dateline or time stamp ("Aug. 05, 2013 | 2:47 p.m."), no statement
        # a date inside a clause describing someone or something dates that clause, not the sentence shown; nor does
        # one naming an incident the sentence speaks of ("whether she will create a committee to investigate the Jan. 6
        # riot": QA round 33's timeline dated the announcement by it)
        mentions = [m for m in mentions if not in_side_clause(s.text, m) and not m.incident]
        days = [m for m in mentions if m.precision == "day"]
        # a year or month that holds the sentence's own day is its context ("On Sunday, with a team some thought
        # a contender in 2012, the Colts dispatched the Chiefs"): as an event of its own it joined a later day's
        mentions = [m for m in mentions if m.precision == "day" or not any(compatible(m, d) for d in days)]
        # a later year or month beside the sentence's own day is what the day's act aims at ("ruled out running for
        # president in 2012 or 2016 on Friday": QA round 24's timeline listed it under 2012), not an event of its own
        mentions = [m for m in mentions if m.precision == "day" or not days or m.day <= max(d.day for d in days)]
        mentions = [m for m in mentions if not any(recalled(s.text, m, d) for d in days)]
        for m in mentions:
            if born_long_ago(s.text, m, base) or _ANNIVERSARY.match(s.text, m.end) \
                    or _BASELINE.search(s.text, 0, m.start) or _POST_SIGNED.search(s.text, 0, m.start):
                # "the May 25 anniversary of George Floyd's death" recurs; "compared with February 2020" is a
                # baseline; "( @brianstelter ) october 6, 2016" signs a post: no event of its own
                continue
            pre = s.text[:m.start].split()[-WINDOW_BEFORE:]
            post = s.text[m.end:].split()[:WINDOW_AFTER]
            # the lede's news peg: the first sentence of the article's top to name that day
            lede = (s.index - first[s.source] < LEDE_SENTENCES and (s.source, m.day) not in pegged
                    and not dates_saying(s.text, m))
            if lede and m.precision == "day":
                pegged.add((s.source, m.day))
            out.append(Dated(s, m, " ".join([*pre, m.text, *post]), lede))
    return out


# A day of the month with no year that falls this long before the article is read in the year the article gives that
# month elsewhere ("killed on June 24", in a 2007 article that writes "in June 2005": June 24, 2005, not 2006).
ARTICLE_YEAR_DAYS = 180
_WRITES_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")


def _years_of_months(story: Story) -> dict[str, dict[int, set[int]]]:
    """Source -> month -> the years its text writes that month with ("June 2005", "June 20, 2005")."""
    out: dict[str, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    for s in story.sentences:
        if not _WRITES_YEAR.search(s.text):
            continue
        base, _ = story.reading_date(s.source)
        for m in find_dates(s.text, base):
            if m.precision in ("day", "month") and _WRITES_YEAR.search(m.text):
                out[s.source][m.day.month].add(m.day.year)
    return out


def _in_article_year(m: DateMention, base: date | None, years: dict[int, set[int]]) -> DateMention:
    """`m` in the one year its article writes its month with, when `m` gives a day of a month with no year and, read
    as the latest such day, lies far back: the article's own year for that month is the better reading."""
    known = years.get(m.day.month, set())
    if base is None or m.precision != "day" or len(known) != 1 or _WRITES_YEAR.search(m.text) or is_relative(m):
        return m
    year = next(iter(known))
    if year >= m.day.year or (base - m.day).days <= ARTICLE_YEAR_DAYS:
        return m
    try:
        return replace(m, day=m.day.replace(year=year))
    except ValueError:  # Feb. 29
        return m


def page_stamp(sentence: str, m: DateMention, mentions: list[DateMention]) -> bool:
    """The date is a page's time stamp on a line of its own, run into the sentence below it ("Updated: November 11,
    2011 18: 50 IST", "Jan 5, 2011 – 4: 35 PM", "Posted on January 5, 2011 at 3: 39 PM"): it dates the page."""
    line_start = sentence.rfind("\n", 0, m.start) + 1
    line_end = sentence.find("\n", m.end)
    if line_end < 0:
        if line_start == 0:
            return False  # a sentence of one line: its words and dates are judged by `_has_words`
        line_end = len(sentence)
    return _stamp_line(sentence, line_start, line_end, mentions)


def _stamp_line(text: str, start: int, end: int, dates: list[DateMention]) -> bool:
    """`text[start:end]` says nothing but a time stamp: at most one word besides its dates (those of `dates`
    inside it) and time-stamp words."""
    rest, pos = [], start
    for d in sorted(dates, key=lambda o: o.start):
        if start <= d.start and d.end <= end:
            rest.append(text[pos:d.start])
            pos = max(pos, d.end)
    rest.append(text[pos:end])
    return len([w for w in _WORD.findall(" ".join(rest)) if w.lower() not in _STAMP_WORDS]) <= 1


def _has_words(sentence: str, mentions: list[DateMention]) -> bool:
    """Enough words besides its dates to state something."""
    rest, pos = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        rest.append(sentence[pos:m.start])
        pos = max(pos, m.end)
    rest.append(sentence[pos:])
    words = _WORD.findall(" ".join(rest))
    # (words in capitals are a stamp's agency, zone and city: "TNN Nov 12, 2011, 05.51AM IST MUMBAI:" reached a QA
    # timeline of round 35; a sentence written all in capitals still states something)
    told = [w for w in words if not w.isupper()]
    return len(told) >= MIN_STATEMENT_WORDS or (not told and len(words) >= SHOUTED_STATEMENT_WORDS)


# A clause set off by a comma or a dash that describes a noun: "Somalia, which descended into anarchy in 1991",
# "At Vanderbilt, founded in 1873 ...", "Zeppos — who arrived on campus as a law professor in 1987 — said ..." (each
# put the whole sentence on the timeline at that year; QA round 14). The date must lie in it, no comma or dash between.
_SIDE_CLAUSE = re.compile(r"(?:,|\s[—–]|\s--)\s*(?:who|which|whose|(?:founded|established|built|opened|born|created|"
                          r"formed|launched)\b)[^,—–;]*$", re.IGNORECASE)


# A year or month right after a participle that qualifies the noun before it ("a montana office building designed in
# 1958", listed under 1958 in QA round 39) or inside the offence a sentence is served for ("will serve his sentence
# ... for sexually assaulting a woman at his home in 2004"). The participles are transitive ones, so that with no
# object and no auxiliary before them they are passive and qualify a noun: "Smith died in 2004" is no such case.
_QUALIFYING = re.compile(r"(?<!\S)(?!(?:was|were|is|are|be|been|being|has|have|had|get|gets|got|it|he|she|they|we|"
                         r"i|you|who|which|that)\s)[^\W\d_]+,?\s+(?:built|designed|founded|established|constructed|"
                         r"created|formed|written|published|painted|composed|recorded|filmed|produced|discovered|"
                         r"installed|erected|enacted|adopted|signed|drafted|introduced|launched)\s+(?:in|during|around|"
                         r"circa|back\s+in)\s+(?:(?:early|late|mid|the)[-\s]+)?$", re.IGNORECASE)
_OFFENCE = re.compile(r"\bfor\s+(?:\w+ly\s+)?[^\W\d_]+ing\b(?:\s+(?:and|or)\s+(?:\w+ly\s+)?[^\W\d_]+ing\b)?"
                      r"[^,;:()—–]*$", re.IGNORECASE)


# Another clause after a day: "... on Sunday; in 2011 they ...", "... in 2011 and beat the Texans on Sunday" (the
# word after "and" no adverb, gerund or determiner: "for drugging and sexually assaulting a woman" goes on).
_COORDINATED = re.compile(r";|\b(?:and|but)\s+(?!(?:\w+ly\s+)?\w+ing\b)(?!(?:the|a|an|his|her|its|their|our|my|your)\b)"
                          r"[^\W\d_]", re.IGNORECASE)
# A day in a short clause closing the sentence: ", a judge ordered Friday.", ", the team announced Wednesday."
_CLOSING_BEFORE = re.compile(r",\s*(?:[^\W\d_]+\s+){1,4}(?:on\s+)?$")
_CLOSING_AFTER = re.compile(r"^\s*(?:[^\W\d_.]+\s*){0,2}[.!?\"”'’]*\s*$")


def recalled(sentence: str, m: DateMention, day: DateMention) -> bool:
    """An earlier year or month that the sentence's own day recalls: after that day in the same clause ("On Tuesday,
    Mr. Cosby was sentenced ... for assaulting a woman ... in 2004"), or before a day that closes the sentence in a
    short clause of its own ("... convicted in the killing of a schoolgirl in 1957 will be released, a judge ordered
    Friday"). QA round 39's timelines listed each sentence under its year, as if its news happened then. A year of a
    clause of its own stays ("The Colts were 2-14 in 2011 and beat the Texans on Sunday")."""
    if m.precision == "day" or m.day >= day.day:
        return False
    if day.end <= m.start:
        return not _COORDINATED.search(sentence, day.end, m.start)
    return m.end <= day.start and bool(_CLOSING_BEFORE.search(sentence[:day.start])
                                       and _CLOSING_AFTER.match(sentence[day.end:]))


# What a thing would do if it came to be: "after Senate Republicans blocked a bill that would suspend the debt ceiling
# and prevent a government shutdown on Friday" (QA round 40 listed the block under that Friday).
_WOULD_CLAUSE = re.compile(r"\b(?:that|which)\s+would\b[^,;:—–]*$", re.IGNORECASE)


def in_side_clause(sentence: str, m: DateMention) -> bool:
    """The date lies in a relative or participial clause set off inside the sentence, or in one telling what a
    thing would do, or (a year or a month) in a participle qualifying a noun or a "for ...ing" offence: it dates
    that clause."""
    if _SIDE_CLAUSE.search(sentence, 0, m.start) or _WOULD_CLAUSE.search(sentence, 0, m.start):
        return True
    # (or in brackets: "Asked how he felt (he was No. 4 on the most-wanted list in 2012), Katriuk paused", QA round 43)
    bracketed = sentence.rfind("(", 0, m.start) > sentence.rfind(")", 0, m.start) and ")" in sentence[m.end:]
    return m.precision != "day" and bool(bracketed or _QUALIFYING.search(sentence, 0, m.start)
                                         or _OFFENCE.search(sentence, 0, m.start))


def born_long_ago(sentence: str, m: DateMention, base: date | None) -> bool:
    """A birth date ("was born on March 29, 1928") well before the report: who a person is, not what happened
    in the story; a birth of the story's own days ("the baby was born on Monday") stays an event."""
    if not _BORN.search(sentence[max(0, m.start - 60):m.start]):
        return False
    if base is None:  # an undated story: a birth given with its year ("a moroccan born in 1976") is who someone is
        return _WRITES_YEAR.search(m.text) is not None
    return (base - m.day).days > BIRTH_BACKGROUND_DAYS


def dates_saying(sentence: str, m: DateMention, announcing: bool = False, side: str = "both") -> bool:
    """A verb of saying right next to the date (`side`: "before", "after" or "both"): it dates a report ("The
    Times reported Sunday night ..."). With `announcing`, an announcement too ("breached May 30, it announced in
    a Monday press release"): beside the date of what it announces, its own date is the report's; alone, an
    announcement is the news itself."""
    verbs = _ANNOUNCE if announcing else _SPEECH
    before = side != "after" and verbs.search(" ".join(sentence[:m.start].split()[-3:]))
    after = side != "before" and verbs.search(" ".join(sentence[m.end:].split()[:3]))
    return bool(before or after)


def event_dates(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """The dates of what a sentence reports: when it also dates the reporting ("Yesterday a neighbour recalled
    seeing him on Saturday", "officials said Monday the blast was on Friday"), the day of the saying is
    dropped; a sentence whose only date is the saying's keeps it, and so does one whose other dates are only
    a year or a month ("the leading rusher in 2009, was put on injured reserve, the team announced Wednesday").
    A verb just before a date is that date's ("breached on Saturday, it announced in a Monday press release").
    A date that names an event ("to investigate the Jan. 6 attack") is dropped beside a day of the sentence's own."""
    if len({m.day for m in mentions}) < 2:
        return mentions
    named = [m for m in mentions if names_an_event(sentence, m)]
    if named and any(m.precision == "day" for m in mentions if m not in named):
        mentions = [m for m in mentions if m not in named]
        if len({m.day for m in mentions}) < 2:
            return mentions
    told = [m for m in mentions if dates_saying(sentence, m, announcing=True, side="before")] or [
        m for m in mentions if dates_saying(sentence, m, announcing=True, side="after")]
    kept = [m for m in mentions if m not in told]
    return kept if any(m.precision == "day" for m in kept) else mentions


# A date between a determiner and the noun it qualifies: "the Jan. 6 attack", "the Jan. 6 Capitol riot", "the March
# 22 coup". It names an event; the sentence may report something else ("The House voted Wednesday to investigate the
# Jan. 6 attack"). Not a date before a preposition, a conjunction, a verb or a time of day ("the Friday before", "the
# Monday night"), nor after "last" or "this", which date the sentence ("seen last Tuesday night").
_DETERMINER = re.compile(r"\b(?:the|its|his|her|their|our)\s+$", re.IGNORECASE)
_QUALIFIED = re.compile(r"\s+(?!(?:and|or|but|to|at|in|on|of|for|by|from|with|when|as|after|before|until|till|"
                        r"through|since|that|which|who|is|was|were|are|will|would|has|had|have|be|been|"
                        r"morning|afternoon|evening|night|noon|midnight)\b)"
                        r"[A-Za-z][\w-]*")


def names_an_event(sentence: str, m: DateMention) -> bool:
    """The date qualifies a noun ("the Jan. 6 attack"): the name of an event, not the time of the sentence's."""
    return bool(_DETERMINER.search(sentence[:m.start]) and _QUALIFIED.match(sentence, m.end))


def compatible(a: DateMention, b: DateMention) -> bool:
    """Same day, or the vaguer date (year / month) contains the more precise one, or a loosely given day ("last
    week", read as a day of that week) lies within half a week of the other ("fell to 498,000 last week" / "in the
    week ended May 1" were two events of one report in a QA brief)."""
    coarse, fine = (a, b) if _RANK[a.precision] <= _RANK[b.precision] else (b, a)
    if coarse.precision == "year":
        return coarse.day.year == fine.day.year
    if coarse.precision == "month":
        return (coarse.day.year, coarse.day.month) == (fine.day.year, fine.day.month)
    loose = a if a.approximate and not b.approximate else b if b.approximate and not a.approximate else None
    if loose is not None and "week" in loose.text.lower():
        return abs((a.day - b.day).days) <= LOOSE_DAYS
    return a.day == b.day


def group_events(items: list[Dated], vectors: np.ndarray, sentences: np.ndarray | None = None,
                 speakers: list[str | None] | None = None) -> list[list[int]]:
    """Single-link groups of compatible, similar items; a group never holds two different precise dates, nor
    the sayings of two different speakers (`speakers`, see `speakers_of`).

    `sentences` (the items' whole-sentence vectors) also link two year- or month-dated items: the words around
    "in 2019" often stop before the fact ("was in 2019, before the corona pandemic, when he ..."), and a
    background fact is one whole sentence.
    """
    groups: list[list[int]] = [[i] for i in range(len(items))]
    said_by: list[set[str]] = [{who} if who else set() for who in (speakers or [None] * len(items))]
    pairs = sorted(
        ((float(vectors[i] @ vectors[j]), i, j) for i in range(len(items)) for j in range(i + 1, len(items))
         if compatible(items[i].mention, items[j].mention)),
        reverse=True,
    )
    where = list(range(len(items)))
    for sim, i, j in pairs:
        a, b = items[i], items[j]
        same_sentence = a.sentence.index == b.sentence.index and a.mention.day == b.mention.day
        # Background mentions of one year or month in one story are nearly always the same fact.
        vague = a.mention.precision != "day" or b.mention.precision != "day"
        background = (sentences is not None and a.mention.precision != "day" and b.mention.precision != "day"
                      and float(sentences[i] @ sentences[j]) >= MERGE_COSINE_BACKGROUND)
        # ledes of one day tell its news in other words, but not of another matter altogether ("Henri continued
        # to barrel north Saturday" / "Cuomo deployed 500 National Guard troops on Saturday": 0.15)
        peg = news_peg(a, b) and (sentences is None or float(sentences[i] @ sentences[j]) >= NEWS_PEG_COSINE)
        if (sim < (MERGE_COSINE_VAGUE if vague else MERGE_COSINE) and not same_sentence and not peg
                and not background):
            continue
        gi, gj = where[i], where[j]
        if gi == gj or not _consistent([items[k].mention for k in groups[gi] + groups[gj]]):
            continue
        if len(said_by[gi] | said_by[gj]) > 1:
            continue  # "David Paterson said Sunday that Hochul ..." / "Hochul on Sunday said she ...": two statements
        groups[gi].extend(groups[gj])
        said_by[gi] |= said_by[gj]
        for k in groups[gj]:
            where[k] = gi
        groups[gj] = []
    return [g for g in groups if g]


def speakers_of(story: Story, items: list[Dated]) -> list[str | None]:
    """For an item whose day dates a saying ("David Paterson said Sunday", "Hochul on Sunday said"), the id of
    the person or organisation saying it, as the entities stage resolved it: the name right after the verb
    ("said Hochul"), else the last one before it in its clause; None when no name is found."""
    by_source: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ent in story.entities or []:
        if ent.type in ("PERSON", "ORG"):
            for m in ent.mentions:
                by_source[m.source].append((m.start, m.end, ent.id))
    for names in by_source.values():
        names.sort()
    out: list[str | None] = []
    for it in items:
        s, m = it.sentence, it.mention
        verbs = [v for v in _SPEECH.finditer(s.text) if _near(s.text, v, m)] if dates_saying(s.text, m) else []
        names = by_source.get(s.source, [])
        first = bisect.bisect_left(names, (s.start,))
        inside = [(a - s.start, b - s.start, who) for a, b, who in names[first:bisect.bisect_left(names, (s.end,))]]
        out.append(_speaker(s.text, verbs[0], inside) if verbs and inside else None)
    return out


def _near(text: str, verb: re.Match[str], m: DateMention) -> bool:
    """The verb is within three words of the date (as `dates_saying` reads it)."""
    between = text[verb.end():m.start] if verb.end() <= m.start else text[m.end:verb.start()]
    return len(between.split()) <= 3


_CLAUSE_BREAK = re.compile(r"[,;:\"“”]")


def _speaker(text: str, verb: re.Match[str], names: list[tuple[int, int, str]]) -> str | None:
    """The name right after the verb of saying, else the last one before it with no clause break between."""
    for start, _, who in names:
        if verb.end() <= start and not text[verb.end():start].strip():
            return who  # "said Hochul"
    before = [(end, who) for _, end, who in names if end <= verb.start()
              and not _CLAUSE_BREAK.search(text, end, verb.start())]
    return before[-1][1] if before else None


def news_peg(a: Dated, b: Dated) -> bool:
    """Two sources' ledes on one day tell the story's news of that day, however differently worded ("the
    pipeline was officially canceled on Wednesday" / "the decision to walk away was confirmed Wednesday")."""
    return (a.lede and b.lede and a.sentence.source != b.sentence.source
            and a.mention.precision == b.mention.precision == "day" and a.mention.day == b.mention.day)


def build_events(story: Story) -> list[TimelineEvent]:
    """The story's timeline in date order (within a day: best-attested first)."""
    items = dated_sentences(story)
    if not items:
        return []
    from storylens.nlp import embed

    vectors = embed([it.window for it in items])
    sentences = None
    if story.embeddings is not None and len(story.embeddings) == len(story.sentences):
        # Half window, half whole sentence: the window names the event, the sentence disambiguates it.
        sentences = story.embeddings[[it.sentence.index for it in items]]
        vectors = np.hstack([vectors, sentences]) / np.sqrt(2)
    by_day: dict = {}
    for group in group_events(items, vectors, sentences, speakers_of(story, items)):
        for part in _by_precision(items, group):
            members = [items[k] for k in part]
            if _unreadable_background(members):
                continue
            event = _to_event(story, members, vectors[part])
            by_day.setdefault(event.date, []).append(event)
    timeline: list[TimelineEvent] = []
    for day in sorted(by_day):
        ranked = sorted(by_day[day], key=lambda e: (-story.independent_count(e.sources), -len(e.quotes)))
        timeline.extend(ranked[:MAX_PER_DAY])
    return timeline


def _unreadable_background(members: list[Dated]) -> bool:
    """A year- or month-dated event told only by short sentences that lean on the one before.

    "The first was in April 2019." names its subject in the previous sentence; as a timeline entry it
    says nothing. A longer sentence opening on "He" or "She" still tells its fact ("She later married
    actor Jason Robards in 1961"), and an event with a day keeps its place (the day itself is news).
    """
    return all(it.mention.precision != "day" for it in members) and not any(
        standalone(it.sentence.text) or len(it.sentence.text.split()) >= BACKGROUND_MIN_WORDS for it in members)


def _consistent(mentions: list[DateMention]) -> bool:
    """All mentions fit inside the most precise one."""
    finest = max(mentions, key=lambda m: _RANK[m.precision])
    return all(compatible(m, finest) for m in mentions)


def _by_precision(items: list[Dated], group: list[int]) -> list[list[int]]:
    """A group of one event split by how precisely its members give the date, finest first: "in 1972" agrees with
    June 17, 1972 but does not state it, so an event shown on that day is told, quoted and cited by the sentences
    that give the day (QA round 13: year-only sentences were cited for a day), and the others tell it at their own
    precision, unless each of their sources already states the finer date."""
    parts: list[list[int]] = []
    told: set[str] = set()
    for rank in sorted({_RANK[items[k].mention.precision] for k in group}, reverse=True):
        part = [k for k in group if _RANK[items[k].mention.precision] == rank]
        if {items[k].sentence.source for k in part} - told:
            parts.append([k for k in part if items[k].sentence.source not in told])
        told |= {items[k].sentence.source for k in part}
    return parts


def _to_event(story: Story, members: list[Dated], vectors: np.ndarray) -> TimelineEvent:
    # the most precise mention, and of those one a source dated itself gave (not a guess against the story's day)
    finest = max((it.mention for it in members), key=lambda m: (_RANK[m.precision], not m.approximate))
    sentences = list({it.sentence.index: it.sentence for it in members}.values())
    dated_at: dict[int, int] = {}
    for it in members:
        dated_at[it.sentence.index] = min(dated_at.get(it.sentence.index, it.mention.start), it.mention.start)
    quotes = []
    for s in sentences:
        start = s.start + _opening(s.text, dated_at[s.index])
        quotes.append(Quote(source=s.source, start=start, end=s.end, quote=story.article(s.source).text[start:s.end]))
    shown = members[_representative(members, vectors, story.opinions)].sentence
    return TimelineEvent(
        date=finest.day.isoformat(),
        text=shown.text[_opening(shown.text, dated_at[shown.index]):],
        sources=list(dict.fromkeys(s.source for s in sentences)),
        quotes=quotes,
        approximate=finest.approximate,
        precision=finest.precision,
        # every sentence sets or expects it for that day ("is expected to return to court on Oct. 2"): a reader must
        # not take the sentence shown on that day, which may tell an earlier event too, for what happened then
        planned=all(it.mention.planned for it in members),
    )


def _opening(text: str, dated_at: int) -> int:
    """Where the statement starts: after furniture lines and a wire dateline ("WASHINGTON — ", "SYCAMORE, Ill. --"),
    as the claims and the summary quote it (QA round 39's timeline showed them), unless the date read is in it."""
    cut = _furniture_lines(text)
    line = dateline_end(text[cut:])
    return cut + line if cut + line <= dated_at else cut


def _furniture_lines(text: str) -> int:
    """Length of the lines that open a sentence without saying anything: a page's time stamp or a stray quote
    mark the sentence splitter ran into it ("Updated: November 11, 2011 18: 50 IST\nThe navy ...", '"\nBlackmore
    has been charged ...'). The event quotes the statement below them."""
    cut = 0
    while (end := text.find("\n", cut)) >= 0 and text[end + 1 :].strip():
        line = text[cut:end]
        if not _stamp_line(line, 0, len(line), find_dates(line, None)):
            break
        cut = end + 1
    while cut < len(text) and text[cut].isspace():
        cut += 1
    return cut


def _representative(members: list[Dated], vectors: np.ndarray, opinions: Collection[str] = ()) -> int:
    """The clearest member: reported (a columnist's words are a view: "The so-called rally ... was smaller than
    expected" had stood for an event The Hill and Fox told plainly), standalone, closest in meaning to the others,
    not over-long."""
    typical = (vectors @ vectors.T).sum(axis=1) / len(members)
    penalty = np.array([
        (0.0 if standalone(it.sentence.text) else 0.5) + max(0, len(it.sentence.text.split()) - 35) * 0.02
        + (1.0 if it.sentence.source in opinions else 0.0)
        for it in members
    ])
    return int(np.argmax(typical - penalty))
