"""Timeline dates are shown at the precision the sources gave: no invented first of January."""

from __future__ import annotations

import pytest
from sample import plain_brief

from storylens.models import TimelineEvent
from storylens.report.dates import event_date_label, event_datetime
from storylens.report.html import render_html
from storylens.report.markdown import render_markdown


@pytest.mark.parametrize(("date", "precision", "approximate", "label", "stamp"), [
    ("2019-01-01", "year", True, "2019", "2019"),
    ("2019-04-01", "month", True, "April 2019", "2019-04"),
    ("2023-09-12", "day", False, "2023-09-12", "2023-09-12"),
    ("2023-09-05", "day", True, "2023-09-05 (approx.)", "2023-09-05"),  # "last week"
    ("not a date", "year", True, "not a date", "not"),  # a hand-edited JSON brief: shown as given
])
def test_label_and_datetime(date: str, precision: str, approximate: bool, label: str, stamp: str) -> None:
    event = TimelineEvent(date=date, text="x", sources=[], precision=precision, approximate=approximate)
    assert event_date_label(event) == label
    if date[0].isdigit():
        assert event_datetime(event) == stamp


def test_reports_show_a_year_as_a_year() -> None:
    brief = plain_brief(n_sources=1)
    brief.timeline = [TimelineEvent(date="2019-01-01", text="They first met in 2019.", sources=[],
                                    approximate=True, precision="year")]
    md = render_markdown(brief)
    assert "- **2019** — They first met in 2019." in md and "2019-01-01" not in md
    html = render_html(brief)
    assert '<time datetime="2019">2019</time>' in html and "2019-01-01</time>" not in html

