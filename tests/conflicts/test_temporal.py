"""Dates and weekdays, resolved against the article's own date (no models needed)."""

from datetime import date

from storylens.conflicts.temporal import find_dates, resolve_weekday

TUESDAY = date(2023, 9, 12)


def test_weekday_on_the_publication_day_is_that_day():
    (d,) = find_dates("The two will meet there on Tuesday.", TUESDAY)
    assert d.kind == "weekday" and d.resolved == TUESDAY


def test_future_and_past_weekdays():
    assert resolve_weekday(2, TUESDAY, future=True) == date(2023, 9, 13)
    assert resolve_weekday(6, TUESDAY, future=False) == date(2023, 9, 10)
    (wed,) = find_dates("It is believed that it will take place this Wednesday.", TUESDAY)
    assert wed.resolved == date(2023, 9, 13)
    (sun,) = find_dates("He left Pyongyang on Sunday.", TUESDAY)
    assert sun.resolved == date(2023, 9, 10)


def test_local_tense_from_a_parse_overrides_the_sentence():
    text = "On Monday, the Kremlin confirmed that Kim would visit."
    assert find_dates(text, TUESDAY)[0].resolved == date(2023, 9, 18)  # whole-sentence cue: "would"
    assert find_dates(text, TUESDAY, lambda _: False)[0].resolved == date(2023, 9, 11)


def test_weekday_without_a_date_stays_a_name():
    (d,) = find_dates("They met on Friday.")
    assert d.resolved is None and d.key() == "friday" and d.normalized() == "Friday"


def test_month_day_dates():
    found = find_dates("It opened March 23rd, 2019; a second hearing is set for Nov. 18 and 2 February.")
    assert [(d.month, d.day, d.year) for d in found] == [(3, 23, 2019), (11, 18, None), (2, 2, None)]
    assert found[0].normalized() == "2019-03-23"


def test_may_the_verb_and_plural_weekdays_are_not_dates():
    assert find_dates("Officials may 5 times revise it; markets close on Mondays.") == []
