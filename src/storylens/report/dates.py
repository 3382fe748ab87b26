"""How a timeline date is shown: as much of it as the sources gave, no more.

A year-only or month-only date is stored as the 1st ("in 2019" -> 2019-01-01) so that events sort;
showing "2019-01-01" would state a day nobody wrote.
"""

from __future__ import annotations

from datetime import date

from storylens.models import DayNote, SummarySentence, TimelineEvent


def event_date_label(event: TimelineEvent) -> str:
    """"2019", "April 2019" or "2023-09-12", with " (approx.)" only for a day the text gave loosely ("last week"),
    and " (planned)" for a day the sources set or expect something for."""
    return (_label(event) + (" (approx.)" if event.approximate and event.precision == "day" else "")
            + (" (planned)" if event.planned else ""))


def event_datetime(event: TimelineEvent) -> str:
    """The HTML `<time datetime>` value at the event's precision ("2019", "2019-04", "2019-04-23")."""
    return {"year": event.date[:4], "month": event.date[:7]}.get(event.precision, event.date)


def _label(event: TimelineEvent) -> str:
    if event.precision == "day":
        return event.date
    try:
        day = date.fromisoformat(event.date)
    except ValueError:  # a brief read back from JSON may carry anything: show it as given
        return event.date
    return str(day.year) if event.precision == "year" else f"{day:%B} {day.year}"


def day_notes_label(sentence: SummarySentence) -> str:
    """'on Monday: 2021-09-27; last week: about 2021-09-21' for the relative days of a summary sentence, or ''."""
    seen: dict[str, DayNote] = {}
    for note in sentence.days:
        seen.setdefault(note.text.lower(), note)
    return "; ".join(f"{n.text}: {'about ' if n.approximate else ''}{n.date}" for n in seen.values())


def adds_quote_marks(sentence: SummarySentence) -> bool:
    """A sentence shown as its speaker's words gets quotation marks unless it holds marks of its own (its opening or
    end of a quotation)."""
    return sentence.speaker is not None and not any(q in sentence.text for q in '"“”')
