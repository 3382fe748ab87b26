"""Date expressions in a sentence, resolved to calendar days against the article's own date.

Absolute expressions ("Sept. 12, 2023", "September 10", "10 September", "April 2019",
"in 2019") are parsed by dateparser; a missing year is the most recent one (or the next
one when the clause speaks of the future, or when the most recent is over 300 days back). Relative ones are resolved here, by the rules
news copy follows:

* "today", "tonight", "this morning" = the article's day; "yesterday" = the day before;
  "tomorrow" = the day after; "N days ago" = N days before.
* a weekday ("on Tuesday", "this Tuesday", "Tuesday morning") = the article's day if it
  is that weekday; otherwise the most recent such day, or the next one when its clause
  is in the future ("will meet on Wednesday"). "last Tuesday" is always strictly before,
  "next Tuesday" strictly after.
* "last week" / "next week" = seven days before / after, marked approximate.

Datelines written as ISO dates ("2023-09-12 08:23") are page metadata, not events, and
are skipped, as are bounds of a span ("since 2022", "until March") which date background.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_YEAR = r"(?:1[5-9]|20)\d{2}"  # from 1500: "go all the way back to March 31, 1866" is no 2010 day
_NUMWORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_NAMES_MONTH_OR_YEAR = re.compile(rf"\b{_MONTH}(?![a-z])|\b{_YEAR}\b", re.IGNORECASE)

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b{_YEAR}-\d{{2}}-\d{{2}}\b"),
    ("full", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b|\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
    ("monthday", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent|million|billion))|\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])"),
    ("monthyear", rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("monthlast", rf"\b{_MONTH}\s+(?:of\s+)?last\s+year\b"),
    # a month named alone ("a charge dismissed by the court in June": QA round 24's timeline missed it), read as the
    # nearest such month before the article (after it, for a plan); the full name only ("in may" is no month)
    ("monthonly", (r"(?<=\bin\s)(?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|june|july|august|"
                   r"september|october|november|december)\b(?!\s*,?\s*(?:\d|of\b|last\b))")),
    ("year", rf"(?<=\bin\s){_YEAR}\b|(?<=\bin\searly\s){_YEAR}\b|(?<=\bin\slate\s){_YEAR}\b"),
    ("weekday", (r"\b(?:(?:last|next|this|on|early on|late on)\s+)?"
                 r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")),
    ("relday", r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b"),
    ("ago", rf"\b{_NUMWORD}\s+days?\s+ago\b"),
    ("week", r"\b(?:(?:late|early)\s+)?(?:last|next)\s+week\b"),
    # "sued by Michael Egan last month" (a QA timeline dated that suit by the 1998 of its allegations)
    ("monthrel", r"\b(?:last|next|this)\s+month\b"),
]
_DATE_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS), re.IGNORECASE)
# Words that make a clause speak about the future (or a plan) rather than what happened ("plans to", not a bare
# "plan": "Biden's infrastructure plan suffered a setback late Thursday" is past; "is due to arrive", not a bare
# "due to": "could not reach him due to low light levels on Saturday" is a cause).
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|would(?!-be\b)|expected|scheduled|slated|due(?!\s+to\b)|(?<=\bis )due to|(?<=\bare )due to|"
    r"set to|plans? to|planned|going to|to be held|upcoming|expects?|expecting|(?:intends?|aims?|hopes?) to|"
    r"is to|are to|(?:forecast|predicted|projected|poised|likely) to|on (?:track|course|pace) to)\b|'ll\b|’ll\b",
    re.IGNORECASE,
)
# A forecast names a coming weekday ("Henri could make landfall sometime on Sunday", in a Saturday's story); "could
# not", "may have been" speak of the past. Weekdays only: a day of the month after "might" is mostly an event
# named ("fears he might incite violence following the Jan. 6 attack").
# (Case-sensitive: "in May last year" is the month.)
_FORECAST = re.compile(r"\b(?:[Cc]ould|may|[Mm]ight)\s+(?!have\b|not\b|never\b|n['’]t\b)[a-z]+\b")
_FUTURE_AFTER = re.compile(r"\b(?:will|shall|is expected|are expected|is scheduled|is due)\b|'ll\b|’ll\b", re.IGNORECASE)
# "the vote for Saturday", "a hearing set for Friday", "a trial date was set for October 28": a weekday or a day of
# the month right after "for" names the day something is planned for, whatever the clause's tense ("Schumer moved
# to arrange the vote for Saturday"); "for Saturday's attack" names a past event and is left to the clause.
# (after an article the word is a noun or an adjective: "in an open letter Wednesday", "the visit on Monday")
_PRESENT = re.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )"
                      r"\b(?:is|are|plays?|faces?|meets?|returns?|opens?|begins?|starts?|hosts?|visits?|heads?|"
                      r"kicks? off)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did|been|last)\b|\w+ed\b", re.IGNORECASE)
_PLANNED_FOR = re.compile(r"\bfor\s+$", re.IGNORECASE)
_SPAN_BOUND = re.compile(
    r"\b(?:(?:until|till|through|before|after|between)\s+(?:\S+\s+){0,2}"
    # "since" bounds a span, unless a verb of its own clause comes first: that verb's date is an event ("And since a
    # court ruled in 2008 that she was not fit to, her father ... has stepped in": QA round 25's timeline lost it)
    r"|since\s+(?:(?!\S*ed\b|(?:was|were|had|has|have|is|are|did|does|won|lost|took|began|came|went|made)\b)\S+\s+){0,6}"
    # "by" or "from" bound only the date right after them (or "the end of", "early", a clock): after them a name or
    # a noun is who did it ("sued by Michael Egan last month", "passed by state lawmakers last week": QA round 25)
    r"|(?-i:[Bb]y|[Ff]rom)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?|(?:early|late|mid)-?\s*|"
    r"\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)\s+)?)$", re.IGNORECASE
)
# "as of" a day dates a tally, not an event: "the pandemic that has killed more than 3.34 million people worldwide as
# of Friday" gave a scientists' letter of Thursday a second day in a QA timeline of round 36. (A month or a year after
# it still says when the text was written: an undated page's "as of August 2016".)
_AS_OF = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)
# A listing's field: "available until: 12:00am thursday 1st january 2099" (a test-250 source of QA round 45 had it as
# its only timeline event), "expires: ...", "valid through ...".
_LISTING_FIELD = re.compile(r"\b(?:available|valid|expires?|expiry)\s*(?:until|till|through|thru|on|date)?\s*:?\s+"
                            r"(?:\S+\s+){0,3}$", re.IGNORECASE)
# A date that opens a range ("for the time period of November 1, 2012, through August 31, 2013": QA round 25's
# timeline showed the request under its first day): a bound too.
_RANGE_START = re.compile(rf",?\s*(?:through|thru|to|until|till|–|—|-)\s+(?:the\s+)?(?:(?:early|late|mid)-?\s*)?"
                          rf"(?:{_MONTH}\s|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day)", re.IGNORECASE)
# "appear before magistrates on Wednesday", "his arrest on Monday", "filed by lawyers on Friday": a day after "on"
# dates an event even a few words after a bound word.
_ON_DAY = re.compile(r"[\w,]\s+on\s+$", re.IGNORECASE)  # ", and, after that, on Jan. 31, 2037"
_TITLE_AFTER = re.compile(r"\s+(?:Night|Morning|Evening|Afternoon)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "on a Sunday", "every Monday": any such day, no date ("violated its licence by flying on a Sunday, the day the plane
# plunged into the sea": QA round 41 dated it a week after the crash)
# ("teeing up a Saturday vote" names one: the day qualifies a noun there)
_ANY_SUCH = re.compile(r"(?:\bon\s+an?|\b(?:any|every|each))\s+$", re.IGNORECASE)
_SUNDAY_PAPER = re.compile(r"(?:^|[^\w\s]\s*|\b(?:[Tt]he|told|to)\s+)(?:Mail|Herald|Independent)\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
_RANGE_END = re.compile(r"\s*,?\s*(?:to|and|-|–|—)\s*", re.IGNORECASE)  # "between may 1, 2011, and may 1, 2012"
# A day of the month (no year) over 300 days back is the coming one: news writes the year of a day that far back,
# and the coming one is then at most 66 days ahead ("to end on Aug. 31" in an article of July 8).
_STALE_DAYS, _SOON_DAYS = 300, 66
# A planned day over 300 days ahead is the one just past when that is within a month (a plan told after its start).
_JUST_PAST_DAYS = 31
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: character span in the sentence, the day, and whether it is approximate."""

    start: int
    end: int
    text: str
    day: date
    approximate: bool = False
    precision: str = "day"  # "day", "month" or "year": how much of `day` the text gave
    planned: bool = False  # its clause plans or expects it ("is expected to return to court on Oct. 2")
    incident: bool = False  # it names an incident inside another clause ("to investigate the Jan. 6 riot")


# A day of the month said to be last year's ("on May 25 last year", "March 3 of last year").
_LAST_YEAR = re.compile(r",?\s+(?:of\s+)?last\s+year\b", re.IGNORECASE)
# Only these words between two dates: the second is an alternative or the next part of the first ("late Saturday or
# early Sunday", "Saturday and Sunday") and is as far ahead as it.
_COORDINATED = re.compile(r"\s*,?\s*(?:or|and|&)\s+(?:(?:early|late)\s+)?(?:on\s+)?", re.IGNORECASE)


def find_dates(sentence: str, base: date | None) -> list[DateMention]:
    """Every resolvable date expression of an event in `sentence`, relative ones resolved against `base`."""
    return _told_on(sentence, list(_find_dates(sentence, base)))


# The day a statement was made, after its verb: "..., the White House said on Tuesday".
_SAID_ON = re.compile(r"\b(?:said|says|announced|stated|added|told\s+\w+(?:\s+\w+)?)\s+(?:on\s+|late\s+|early\s+)?$",
                      re.IGNORECASE)
_FROM_SAYING = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "last night": -1}


def _told_on(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """A "tomorrow" or "yesterday" said before the day the statement was made counts from that day: "Biden will now
    remain at the White House tomorrow ..., the White House said on Tuesday" (QA round 43 read Thursday, from the
    article's Wednesday, for the Wednesday the same article names)."""
    said = [m for m in found if m.precision == "day" and m.text.lower().split()[-1] in WEEKDAYS
            and _SAID_ON.search(sentence, 0, m.start)]
    if len(said) != 1:
        return found
    out = []
    for m in found:
        shift = _FROM_SAYING.get(m.text.lower())
        if shift is not None and m.end <= said[0].start:
            m = replace(m, day=said[0].day + timedelta(days=shift), approximate=said[0].approximate)
        out.append(m)
    return out


@lru_cache(maxsize=2048)
def latest_written(text: str, today: date | None = None) -> date | None:
    """The latest day or month a text writes out in full ("as of August 2016", "Aug. 31, 2016"), not after today:
    the text was written then or later."""
    limit = today or date.today()
    days = [m.day for m in find_dates(text, None) if m.precision in ("day", "month") and m.day <= limit]
    # and the ends of ranges written out in full: "From Jan. 1 to Aug. 31, 2016, the CDC reported 50 people" (a QA
    # source of round 38 was read against a 2014 report's date), which `find_dates` leaves out as bounds
    for m in _DATE_RE.finditer(text):
        if m.lastgroup in ("full", "monthyear"):
            day = _parse(m.group(), limit, False)
            if day is not None and day <= limit:
                days.append(day)
    return max(days, default=None)


_WEEKDAY_MONTHDAY = re.compile(rf"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
                               rf"(?P<md>{_MONTH}\s+{_DAY})\b(?!,?\s*\d)", re.IGNORECASE)
_WRITTEN_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A day the text writes out in full this long after its latest weekday-named day is still of the same days.
PINNED_SPAN_DAYS = 30


# A wire story's dateline, which gives the day but not the year ("Dec 17 (Reuters) - ...", "LIMA, Dec 1 (Reuters) -"),
# and the first sentence after it, whose weekday is most often that day ("... could make Tuesday's Mega Millions
# jackpot": QA round 22 had read the page as undated).
_WIRE_DATELINE = re.compile(rf"^[^\S\n]*(?:[A-Z][A-Za-z .'-]{{1,40}},[^\S\n]+)?(?P<md>{_MONTH}\s+{_DAY})\s+"
                            r"\(\s*(?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua)\s*\)\s*[-–—]+\s*(?P<lead>[^\n]{0,400})",
                            re.MULTILINE | re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
WIRE_DATELINE_CHARS = 800


def _fits(month_day: str, weekdays: set[int], years: set[int], limit: date) -> date | None:
    """The one day of `month_day` in `years` (not after `limit`) that falls on one of `weekdays`, or None."""
    days = set()
    for year in years:
        found = find_dates(f"{month_day}, {year}", None)  # one full date, or none ("February 30, 2017")
        if found and found[0].day.weekday() in weekdays and found[0].day <= limit:
            days.add(found[0].day)
    return days.pop() if len(days) == 1 else None


def pinned_day(text: str, today: date | None = None) -> date | None:
    """For a text with no date of its own: the latest day it names by weekday and month-day ("Thursday October 19"),
    or by a wire dateline whose lead names that day's weekday ("Dec 17 (Reuters) - ... Tuesday's jackpot"), in the
    one year it writes whose calendar has that weekday on that day, or a day written out in full up to a month after
    it ("stayed October 23, 2017"); the text was written then or later. None when no such day is named."""
    limit = today or date.today()
    years = {int(y) for y in _WRITTEN_YEAR.findall(text) if int(y) <= limit.year}
    pinned = []
    for m in _WEEKDAY_MONTHDAY.finditer(text):
        if (day := _fits(m["md"], {weekday_index(m["wd"])}, years, limit)) is not None:
            pinned.append(day)
    wire = _WIRE_DATELINE.search(text, 0, WIRE_DATELINE_CHARS)
    if wire is not None:
        named = {weekday_index(w) for w in _WEEKDAY_WORD.findall(wire["lead"].split(". ")[0])}
        if (day := _fits(wire["md"], named, years, limit)) is not None:
            pinned.append(day)
    if not pinned:
        return None
    latest = max(pinned)
    written = latest_written(text, limit)
    return written if written is not None and latest <= written <= latest + timedelta(days=PINNED_SPAN_DAYS) else latest


def relative_days(sentence: str, base: date | None) -> list[DateMention]:
    """The dates of `sentence` that name no month or year ("on Monday", "yesterday", "two days ago", "last week"):
    the ones a reader cannot place without the article's date."""
    return [m for m in find_dates(sentence, base) if is_relative(m)]


def is_relative(m: DateMention) -> bool:
    """The expression names no month or year: its day depends on the date it is read against."""
    return not _NAMES_MONTH_OR_YEAR.search(m.text)


@lru_cache(maxsize=20_000)
def _find_dates(sentence: str, base: date | None) -> tuple[DateMention, ...]:
    # cached: the nlp stage reads every sentence's dates ahead (`events.prefetch`) on the core the encoder leaves
    found: list[DateMention] = []
    prev_end = 0
    bound = False  # the date before was a span's bound: "from September 2010 to January 2011" bounds both ends
    was_future = False  # the date before was a coming one: "late Saturday or early Sunday" shares its clause
    week = 0  # the date before was "last week" / "next week", refined by this one: -7 / 7
    for m in _DATE_RE.finditer(sentence):
        kind = m.lastgroup or ""
        refined, week = week, 0
        before = sentence[prev_end:m.start()]
        prev_end = m.end()
        on_day = bool(_ON_DAY.search(before)) or m.group().lower().startswith(("on ", "early on ", "late on "))
        bound = (bound and bool(_RANGE_END.fullmatch(before))) or (bool(_SPAN_BOUND.search(before)) and not on_day) \
            or (kind in ("weekday", "relday") and bool(_AS_OF.search(before))) \
            or bool(_LISTING_FIELD.search(sentence, max(0, m.start() - 60), m.start())) \
            or (kind in ("full", "monthday", "monthyear", "weekday") and bool(_RANGE_START.match(sentence, m.end())))
        if _converted(sentence, m.start(), m.end()):
            continue
        if kind == "weekday" and found and found[-1].precision == "day" and not is_relative(found[-1]) \
                and _APPOSED_DAY.fullmatch(before):
            continue  # "On Dec. 14, a busy Friday night at the Excalibur": the weekday of the date just given
        if kind == "iso" or bound or (kind == "weekday" and (_in_title(sentence, m.start(), m.end())
                                                             or _ANY_SUCH.search(sentence, 0, m.start())
                                                             or _OF_DATE.match(sentence, m.end()))) \
                or (kind == "relday" and _today_in_name(sentence, m.start(), m.end())):
            continue
        after = sentence[m.end():]
        if kind == "week" and _REFINED.match(after):
            # "starting next week on April 29th": the day after it dates the event, not the week; a weekday after
            # it is that week's ("last week, on Tuesday")
            week = -7 if "last" in m.group().lower() else 7
            continue
        happened = bool(_INCIDENT_AFTER.match(after)) or _told_past(before)
        future = not _INCIDENT_AFTER.match(after) and (_is_future(before, after) or (
            kind in ("weekday", "monthday") and bool(_PLANNED_FOR.search(before)) and not after.startswith(("'s", "’s"))
        ) or (kind == "weekday" and bool(_FORECAST.search(" ".join(before.split()[-12:])))) or (
            was_future and bool(_COORDINATED.fullmatch(before))
        ))
        if future and kind == "weekday" and base is not None and _ongoing(before) \
                and (base.weekday() - weekday_index(m.group())) % 7 <= _ONGOING_DAYS:
            future = False  # "the heat wave is expanding its grip on Thursday", in Friday's paper: that Thursday
        was_future = future
        try:
            day, approx = _resolve(kind, m.group(), base, future, happened and not future)
            if refined and kind == "weekday" and base is not None:
                monday = base - timedelta(days=base.weekday()) + timedelta(days=refined)
                day = monday + timedelta(days=weekday_index(m.group()))
        except OverflowError:
            continue  # "3000000000 days ago", or a relative day past year 1 or 9999: no calendar day
        if day is not None and base is not None and kind == "monthday":
            if _LAST_YEAR.match(after):
                try:
                    day = day.replace(year=base.year - 1)  # "on May 25 last year"
                except ValueError:
                    day = None  # Feb. 29 of a year that has none
            else:
                day = _near_full_date(day, sentence, base, future)
        if day is not None:
            precision = {"year": "year", "monthyear": "month", "monthlast": "month", "monthrel": "month",
                         "monthonly": "month"}.get(kind, "day")
            # a plan lies ahead: a year or a month already over when the article was written is no plan ("since
            # that now infamous debacle in Jacksonville in 2006", read as a schedule by its present tense)
            planned = future and not _denied(before) and (base is None or _not_over(day, precision, base))
            incident = kind in ("monthday", "full") and _named_incident(sentence, m.start(), after)
            found.append(DateMention(m.start(), m.end(), m.group(), day, approx, precision, planned, incident))
    return tuple(found)


# Between a date and the weekday that names its day: "Dec. 14, a busy Friday night" (QA round 37 gave that Friday
# an event of its own, read against the article's date).
_APPOSED_DAY = re.compile(r",\s+(?:(?:a|an|that)\s+(?:[a-z]+\s+){0,2})?")
_ZONE = re.compile(r"\b(?:GMT|UTC|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|CET|CEST|BST|IST|JST|AEST|AEDT)\b")


def _converted(sentence: str, start: int, end: int) -> bool:
    """A day in brackets with a time zone: the moment told just before, on another clock ("... at 11 p.m. EST on
    Tuesday (4 a.m., Dec. 18, GMT)" was a second event in a QA timeline of round 35)."""
    opened = sentence.rfind("(", 0, start)
    if opened < 0 or ")" in sentence[opened:start]:
        return False
    closed = sentence.find(")", end)
    return closed >= 0 and "(" not in sentence[end:closed] and bool(_ZONE.search(sentence, opened, closed))


# "the", and an adjective or two before a named incident: "the deadly Jan. 6 attack" (QA round 37).
_THE_ADJECTIVES = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+){0,2}$")


def _named_incident(sentence: str, start: int, after: str) -> bool:
    """A day naming an incident inside another clause: "will announce this week whether she will create a committee
    to investigate the Jan. 6 riot" (a QA timeline of round 33 dated the announcement Jan. 6); "The Jan. 6 riot left
    five people dead", the incident as the sentence's subject, is dated by it."""
    lead = sentence[:start]
    the = _THE_ADJECTIVES.search(lead)
    return the is not None and bool(_INCIDENT_AFTER.match(after)) and bool(re.search(r"\w", lead[:the.start()]))


def _not_over(day: date, precision: str, base: date) -> bool:
    """Whether the day, month or year a date gives has not ended before `base`."""
    if precision == "year":
        return day.year >= base.year
    if precision == "month":
        return (day.year, day.month) >= (base.year, base.month)
    return day >= base


# A day right after a week that it refines ("next week on April 29th", "last week, on Tuesday"; a QA brief dated the
# first one May 1, beside the same event on April 29).
_REFINED = re.compile(r",?\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                      r"Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d)", re.IGNORECASE)
# A weekday that names the day of the date after it ("on Monday, January 11, 1999", "Friday, 3 March"): that date
# dates the event; the weekday read alone would be the one before the article's date.
_OF_DATE = re.compile(r",?\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?!\d)"
                      r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)")


# "Today" as a name: "USA Today" (also written in a lower-cased page), "Psychology Today", "the Today show", "Today in
# the Sky" (a travel blog): a QA timeline dated three award winners by a "today" that was a newspaper (round 19).
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(—–-]\s*)$")
_USA = re.compile(r"\busa\s+$", re.IGNORECASE)


# "Today" as "these days": what one compares with or lives with, not a day ("the history that we're still struggling
# with today", "people of today", "more than today": QA round 23's timeline dated a chancellor's quote by it).
_NOWADAYS = re.compile(r"\b(?:with|of|than|like)\s+$", re.IGNORECASE)


# "today's" as "of our time": "valued at around $4,500 in today's economy" (a QA timeline of round 32 dated it).
_OF_OUR_TIME = re.compile(r"['’]s\s+(?:economy|dollars?|money|prices|standards|terms|world|society|market|climate|age|"
                          r"era|youth|generation|culture|technology|media|politics|children|kids|teens)\b", re.IGNORECASE)


def _today_in_name(sentence: str, start: int, end: int) -> bool:
    """A "today" that names no day: a title's ("USA Today", "Today in the Sky"), "these days" or "of our time"."""
    word = sentence[start:end]
    if word.lower() != "today":
        return False
    before = sentence[:start]
    if _USA.search(before) or _NOWADAYS.search(before) or _OF_OUR_TIME.match(sentence, end):
        return True
    # capitalised where prose would not capitalise it: a title ("... reporter at Psychology Today", "Today in the Sky")
    return word[0].isupper() and not _SENTENCE_OPEN.search(before)


def _in_title(sentence: str, start: int, end: int) -> bool:
    """A weekday inside a name: "Saturday Night Live", "Monday Night Football" (prose writes "Saturday night"),
    "the Sunday Times", "told the Herald on Sunday" (a paper: "the Boston Herald on Sunday" is a day)."""
    if _TITLE_AFTER.match(sentence, end):
        return True
    if sentence[start:end] == "on Sunday" and _SUNDAY_PAPER.search(sentence[:start]):
        return True
    return bool(_THE_BEFORE.search(sentence[:start]) and _CAPITAL_AFTER.match(sentence, end))


def _scheduled(lead: str) -> bool:
    """A present tense with a date is a schedule: "New Orleans plays at Seattle on Saturday", "Doctor Who returns
    to screens on November 23", "the Senate is teeing up a Saturday vote"; any past form in the clause ("was",
    "had", "-ed") leaves it to the other cues."""
    return bool(_PRESENT.search(lead)) and not _PAST.search(lead) and not _AFTERMATH.search(lead) \
        and not _INCIDENT_BEFORE.search(lead)


# A present progressive and nothing else that plans ("The heat wave roasting the West is expanding its grip on
# Thursday", in an article of Friday June 18: a QA brief dated it June 24) tells what is going on, and a weekday at most
# two days back is that one; further back, the coming one is meant ("The Senate is voting on Friday", on a Monday).
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)
_ONGOING_DAYS = 2


def _ongoing(before: str) -> bool:
    lead = _lead(before)
    return bool(_PROGRESSIVE.search(lead)) and not _FUTURE_BEFORE.search(lead) and not _PLANNED_FOR.search(before) \
        and not _FORECAST.search(lead) and all(w.lower() in ("is", "are") for w in _PRESENT.findall(lead))


# A present tense about what follows an event dates the event, not a plan: "the LAPD is investigating as a hate crime
# an altercation Tuesday night" (a NeuS brief put that Tuesday after the article's own date), "police are searching
# for a gunman after a shooting Tuesday".
_AFTERMATH = re.compile(r"\b(?:investigat|prob|search|mourn|review|examin|recover|griev|reel|condemn|respond|blam|"
                        r"hunt|question)ing\b|\blooking\s+into\b", re.IGNORECASE)
_INCIDENT = (r"(?:shooting|attack|altercation|assault|crash|fire|blaze|explosion|blast|killing|slaying|murder|"
             r"stabbing|robbery|incident|accident|collision|fight|brawl|riot|insurrection|siege|ambush|quake|"
             r"earthquake|death|arrest|raid|hack|breach|outage|derailment|escape|disappearance|theft)s?")
_INCIDENT_BEFORE = re.compile(rf"\b{_INCIDENT}(?:\s+(?:early|late))?(?:\s+on)?$", re.IGNORECASE)
# A date naming the incident after it ("the Friday afternoon slaying", "Tuesday's shooting", "the Jan. 6 riot") dates
# something that happened, whatever the tense around it ("Orozco is now the main suspect in the Friday afternoon
# slaying" is no coming Friday).
_INCIDENT_AFTER = re.compile(rf"(?:['’]s)?\s+(?:(?:morning|afternoon|evening|night)\s+)?{_INCIDENT}\b", re.IGNORECASE)


# A relative clause set off by commas before the date speaks of its own verb, not the date's: "Kathy Hochul, who
# will make history as the state's first female governor, on Sunday vowed ..." (a NeuS brief dated it ahead).
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,", re.IGNORECASE)


# A clause opened by "while", "although", "because" ... and closed by a comma right before the date is not the date's:
# "While shakers ... are common to the area, Thursday's 2:09 a.m. jolt lasted longer" (a QA timeline planned it).
_SUBORDINATE_BEFORE = re.compile(r"(?:^|(?<=[.;:,]))\s*(?:while|although|though|whereas|because|if|as|since|once|"
                                 r"unless)\b[^,;.]*,\s*$", re.IGNORECASE)


def _lead(before: str) -> str:
    """The last words leading to a date, in its own clause (a relative clause set off by commas, or a subordinate
    clause ending right before the date, left out)."""
    before = _RELATIVE_CLAUSE.sub(",", before)
    before = _SUBORDINATE_BEFORE.sub("", before)
    return " ".join(before.split()[-12:])


def _is_future(before: str, after: str) -> bool:
    """Future when the words leading to the date (its clause) plan or predict, or the next few words do."""
    lead = _lead(before)
    if len(lead.split()) >= 3:
        return bool(_FUTURE_BEFORE.search(lead) or _ORDERED_TO_APPEAR.search(lead)) or _scheduled(lead)
    return bool(_FUTURE_AFTER.search(" ".join(after.split()[:5])))


# A plan denied plans nothing, though its day still lies ahead: "I'm not going to lecture too much this morning," the
# judge said (a QA timeline marked his sentencing hearing planned, round 18); "is not expected to return on Monday".
_NEGATED = re.compile(r"(?:\b(?:not|never)|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _denied(before: str) -> bool:
    """The last future cue leading to the date is negated."""
    lead = _lead(before)
    cues = list(_FUTURE_BEFORE.finditer(lead))
    return bool(cues) and bool(_NEGATED.search(lead, 0, cues[-1].start()))


# A court's order to come back on a day: "was remanded in custody to appear before Taunton Crown Court on 19 August"
# (a QA timeline put the plea he entered on that day), "was bailed to return to the station on Monday".
_ORDERED_TO_APPEAR = re.compile(r"\b(?:remanded|bailed|summoned|ordered|bound over)\b(?:\s+[\w,]+){0,4}?\s+to "
                                r"(?:appear|reappear|return)\b", re.IGNORECASE)


# A past form in the last words before the date: "was killed on", "arrested him on", "had met on".
_PAST_LEAD = re.compile(r"\b(?:was|were|had)\s+(?:\w+\s+){0,2}$|\b\w+ed\s+(?:\w+\s+){0,3}(?:on|in)\s+$", re.IGNORECASE)


def _told_past(before: str) -> bool:
    return bool(_PAST_LEAD.search(" ".join(before.split()[-6:]) + " "))


_A_YEAR = re.compile(rf"\b{_YEAR}\b")


def _near_full_date(day: date, sentence: str, base: date, future: bool) -> date:
    """A day of the month without a year, in a sentence that writes one full date, is in the year that puts it
    nearest that date ("killed June 24, 2005, while investigating a June 20 shooting": June 20, 2005; "the Jan. 6
    riot ... to certify the Nov. 3, 2020 election": Jan. 6, 2021), never after the article unless it is a coming
    day. In a sentence that writes no full date but one year alone, next to the article's, it is in that year
    ("its first fiscal 2008 quarter, which ends January 31", in an article of November 2007; a year further off
    is more often what something dates from: "the law, passed in 2015, takes effect Jan. 1"). Otherwise `day`
    as resolved."""
    dated = [m for m in _DATE_RE.finditer(sentence) if m.lastgroup in ("full", "iso", "monthyear")]
    full = {d for m in dated if m.lastgroup == "full" for d in [_parse(m.group(), base, False)] if d is not None}
    if not dated:
        years = {int(y.group()) for y in _A_YEAR.finditer(sentence)}
        if len(years) == 1 and abs(next(iter(years)) - base.year) <= 1:
            try:
                return day.replace(year=years.pop())
            except ValueError:
                return day  # Feb. 29 of a year that has none
    if len(full) != 1:
        return day
    anchor = full.pop()
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:
            continue  # Feb. 29 of a year that has none
    options = [d for d in options if future or d <= base]
    return min(options, key=lambda d: abs((d - anchor).days), default=day)


def _resolve(kind: str, text: str, base: date | None, future: bool, happened: bool = False) -> tuple[date | None, bool]:
    """The day `text` names read against `base`, and whether it is approximate. `future`: its clause plans or
    predicts; `happened`: its clause tells what was done (a past tense, or the incident it names)."""
    low = text.lower()
    if kind == "year":
        return date(int(text), 1, 1), True
    if kind in ("full", "monthyear"):
        return _parse(text, base or date.today(), future), kind == "monthyear"
    if base is None:
        return None, False  # a relative date without an anchor cannot be placed
    if kind == "monthrel":
        # "last month" / "this month" / "next month": that month of the article's date
        month = base.month + (-1 if low.startswith("last") else 1 if low.startswith("next") else 0)
        year, month = base.year + (month - 1) // 12, (month - 1) % 12 + 1
        return date(year, month, 1), True
    if kind == "monthonly":
        month = _MONTH_NAMES.index(low.split()[-1].removeprefix("mid-").removeprefix("mid")) + 1
        year = base.year + (1 if future and month < base.month else -1 if not future and month > base.month else 0)
        return date(year, month, 1), True
    if kind == "monthlast":
        # "In April last year": that month of the year before the article's
        month = _parse(_LAST_YEAR.sub("", text) + " 1", base, False)
        return (date(base.year - 1, month.month, 1), True) if month is not None else (None, False)
    if kind == "monthday":
        day = _parse(text, base, future)
        if future and day is not None and (day - base).days > _STALE_DAYS:
            # Likewise a plan over 300 days ahead would carry its year; the day just past is meant ("Starting on
            # Oct. 15, the new rule will ..." in an article of October 18).
            back = _parse(text, base, False)
            if back is not None and 0 <= (base - back).days <= _JUST_PAST_DAYS:
                return back, False
        if not future and not happened and day is not None and (base - day).days > _STALE_DAYS:
            # News writes the year of a day that far back; without one, a day in the coming weeks is meant
            # ("the judge has given him a May 10 deadline" in an article of May 3), unless it is told as done
            # ("the deputy was killed on June 24", "the Jan. 6 riot": a coming day cannot have happened).
            ahead = _parse(text, base, True)
            if ahead is not None and 0 <= (ahead - base).days <= _SOON_DAYS:
                return ahead, False
        return day, False
    if kind == "weekday":
        return weekday_date(low, base, future), False
    if kind == "relday":
        shift = -1 if low in ("yesterday", "last night") else 1 if low == "tomorrow" else 0
        return base + timedelta(days=shift), False
    if kind == "ago":
        n = low.split()[0]
        return base - timedelta(days=int(n) if n.isdigit() else _NUMBERS[n]), False
    if kind == "week":
        step = -7 if "last" in low else 7
        if low.startswith(("late", "early")):
            # "late last week": that week's Thursday; "early next week": its Monday (approximate either way)
            monday = base - timedelta(days=base.weekday()) + timedelta(days=step)
            return monday + timedelta(days=3 if low.startswith("late") else 0), True
        return base + timedelta(days=step), True
    return None, False


def weekday_index(expression: str) -> int:
    """Monday 0 ... Sunday 6, of a weekday expression ("on Tuesday", "last Friday")."""
    return WEEKDAYS.index(expression.lower().split()[-1])


def weekday_date(expression: str, base: date, future: bool) -> date:
    """The day a weekday expression ("on Tuesday", "last Friday", "next Monday") means in an article of `base`."""
    words = expression.lower().split()
    target = weekday_index(expression)
    back = (base.weekday() - target) % 7  # days since the most recent such weekday (0 = today)
    ahead = (target - base.weekday()) % 7
    if words[0] == "last":
        return base - timedelta(days=back or 7)
    if words[0] == "next":
        return base + timedelta(days=ahead or 7)
    if back == 0:
        return base
    return base + timedelta(days=ahead) if future else base - timedelta(days=back)


@lru_cache(maxsize=4096)
def _parse(text: str, base: date, future: bool) -> date | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    parsed = dateparser.parse(text.replace(" of ", " "), languages=["en"], settings=settings)
    return parsed.date() if parsed else None
