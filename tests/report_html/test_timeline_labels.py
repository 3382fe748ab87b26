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



def test_reports_show_a_planned_day_and_a_quoted_speaker() -> None:
    # QA round 16: a court date the sources expect is no event that happened, and the middle of a quotation is its
    # speaker's words, not the story's fact
    from storylens.models import SummarySentence

    brief = plain_brief(n_sources=1)
    sid = brief.sources[0].id
    brief.timeline = [TimelineEvent(date="2013-10-02", text="He is due back in court on Oct. 2.", sources=[sid],
                                    planned=True)]
    brief.summary = [SummarySentence(text="This was one of the <terms> of her probation.", sources=[sid],
                                     speaker="Frank <Mateljan>")]
    md = render_markdown(brief)
    assert "- **2013-10-02 (planned)** — He is due back in court on Oct. 2." in md
    assert "- “This was one of the &lt;terms&gt; of her probation.” — Frank &lt;Mateljan&gt;, quoted" in md
    html = render_html(brief)
    assert "2013-10-02 (planned)" in html
    assert ("“This was one of the &lt;terms&gt; of her probation.” <span class=\"speaker\">— Frank &lt;Mateljan&gt;, "
            "quoted</span>") in html
