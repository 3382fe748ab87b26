"""Opinion pieces are told from reporting by what the page says of itself (no models)."""

from __future__ import annotations

import pytest

from storylens.clean.genre import opinion_cue
from storylens.models import Article


@pytest.mark.parametrize(("url", "title", "text", "cue"), [
    # NeuS sources: a CNN column, a Daily Wire opinion slug, The Hill's news desk
    ("https://www.cnn.com/2021/09/18/opinions/justice-for-j6-rally-rewriting-history/index.html", None, "", "its address"),
    ("https://www.dailywire.com/news/opinion-the-second-amendment-doesnt-shrink", None, "", "its address"),
    ("https://thehill.com/policy/national-security/572948-security-fence-around-capitol", None, "", ""),
    ("https://www.nytimes.com/2021/08/20/us/opinion-polls-show-biden-ahead.html", None, "", ""),  # a poll is news
    # QA round 17: a Newsweek column's slug ends on the label before the page id
    ("https://www.newsweek.com/more-unites-parties-israels-new-government-divides-them-opinion-1600369", None, "",
     "its address"),
    ("https://www.example.com/public-opinion-shifts-on-the-vote", None, "", ""),
    (None, "Opinion: The rally was a dud", "", "its headline"),
    (None, "OP-ED | Why the fence should stay", "", "its headline"),
    (None, "Opinion polls show the race tightening", "", ""),
    (None, None, "The fence came down.\n\nThe opinions expressed in this commentary are solely those of the author.",
     "its disclaimer"),
    (None, None, "The fence came down on Monday, police said.", ""),
    # QA round 23: film reviews, by their rating or their box of credits
    (None, None, "The Lovely Bones\n\n* * (out of four)\n\nStars: Saoirse Ronan", "its rating"),
    (None, None, "Rating: PG-13 for violence\n\nRunning time: 2 hours, 15 minutes\n\nThe film opens Friday.",
     "its rating"),
    (None, None, "The studio said the film, rated PG-13, runs two hours and earned $40 million.", ""),
    (None, None, "Running time: 2 hours\n\nThe race was won in record time.", ""),  # one box line is no review
])
def test_an_opinion_piece_is_told_by_what_the_page_says(url, title, text, cue) -> None:
    assert opinion_cue(Article(id="a", raw=text, text=text, url=url, title=title)) == cue


def test_a_disclaimer_cleaning_removed_still_counts() -> None:
    article = Article(id="a", raw="", text="The fence came down on Monday.",
                      removed=["The views expressed here are his own."])
    assert opinion_cue(article) == "its disclaimer"
    article.removed = ["The views expressed in the report were those of the panel."]
    assert opinion_cue(article) == ""  # a report's views, not the page's
