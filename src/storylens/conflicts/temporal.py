"""Calendar dates and weekdays in a sentence, resolved to absolute days where possible.

A weekday is resolved against the article's own publication day: "on Tuesday" in a
past-tense sentence is the latest Tuesday on or before that day, in a sentence about
the future ("will meet", "is expected to", "next") the first Tuesday on or after it.
Without a publication day the weekday stays a name and is compared as a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
# "March 23rd, 2019", "Nov. 18" / "23 March 2019". Month names are capitalised in news text, which
# keeps "may" (the verb) out; the word is checked against the month table after matching.
_MONTH_DAY = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+" + _DAY + r"\b" + _YEAR)
_DAY_MONTH = re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?(?P<month>[A-Z][a-z]{2,8})\b\.?" + _YEAR)
# A clock time in another time zone, in brackets, before a weekday: a conversion of the time told just before.
_CONVERTED = re.compile(r"\(\s*\d{1,2}(?::?\d{2})?\s*(?:[ap]\.?m\.?\s+)?(?:GMT|UTC|ET|EST|EDT|PT|PST|PDT|CET|BST)\s+$")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)")
# Cues that the sentence speaks about what is yet to happen (English auxiliaries and plans).
_FUTURE = re.compile(r"\b(?:will|shall|'ll|going to|is due|are due|expected|scheduled|plans?|planned|set to|"
                     r"next|upcoming|would|could|might|may)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A month-day date or a weekday. Offsets are into the sentence text."""

    start: int
    end: int
    surface: str
    kind: str  # "date" or "weekday"
    month: int = 0
    day: int = 0
    year: int | None = None
    weekday: int = -1  # 0 = Monday
    resolved: date | None = None  # the absolute day, when it can be known

    def key(self) -> str:
        """What two mentions must share to agree."""
        if self.resolved:
            return self.resolved.isoformat()
        if self.kind == "weekday":
            return WEEKDAYS[self.weekday]
        return f"{self.year or '????'}-{self.month:02d}-{self.day:02d}"

    def normalized(self) -> str:
        if self.kind == "weekday":
            name = WEEKDAYS[self.weekday].capitalize()
            return f"{name} {self.resolved.isoformat()}" if self.resolved else name
        if self.resolved:
            return self.resolved.isoformat()
        return f"{self.month:02d}-{self.day:02d}" if self.year is None else f"{self.year}-{self.month:02d}-{self.day:02d}"


def resolve_weekday(weekday: int, base: date, future: bool) -> date:
    """The day named `weekday` nearest to `base` in the sentence's direction (base itself included)."""
    delta = (weekday - base.weekday()) % 7
    if future:
        return base + timedelta(days=delta)
    return base - timedelta(days=(7 - delta) % 7)


def find_dates(text: str, published: date | None = None,
               future_at: Callable[[int], bool | None] | None = None) -> list[DateMention]:
    """Month-day dates and weekdays in `text`; weekdays resolved against `published` if given.

    `future_at(char)` may tell, from a parse, whether the clause at that offset is about
    the future; without an answer the whole sentence's wording decides.
    """
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            day = int(m.group("day"))
            month = MONTHS.get(m.group("month").lower(), 0)
            if not 1 <= day <= 31 or not month:
                continue
            year = int(m.group("year")) if m.group("year") else None
            resolved = None
            if year is not None:
                try:
                    resolved = date(year, month, day)
                except ValueError:
                    resolved = None
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start(), m.end(), m.group(0), "date", month, day, year, resolved=resolved))
    sentence_future = bool(_FUTURE.search(text))
    for m in _WEEKDAY.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if _CONVERTED.search(text, max(0, m.start() - 20), m.start()):
            continue  # "at 7:48 am (2248 GMT Tuesday)": the same moment on another clock, not the event's day
        wd = WEEKDAYS.index(m.group(1).lower())
        local = future_at(m.start()) if future_at else None
        future = sentence_future if local is None else local
        resolved = None
        if published:
            try:
                resolved = resolve_weekday(wd, published, future)
            except OverflowError:
                pass  # the weekday would fall before year 1 or after 9999: leave it unresolved
        out.append(DateMention(m.start(), m.end(), m.group(0), "weekday", weekday=wd, resolved=resolved))
    return sorted(out, key=lambda d: d.start)
