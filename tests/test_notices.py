"""The brief's notices speak of what the reader cannot see in its counts (no models)."""

from __future__ import annotations

from storylens.api import _add_notices
from storylens.models import Article, Claim, Story


def _story(claims: list[Claim], credits: dict | None = None) -> Story:
    articles = [Article(id=i, raw="", text="Some text.", language="en", published="2024-05-10") for i in ("a", "b")]
    story = Story(articles=articles, claims=claims)
    story.credits = credits or {}
    return story


def _claim(n: int) -> Claim:
    return Claim(id="c1", text="The ferry sank.", status="corroborated" if n >= 2 else "single_source",
                 sources=["a", "b"][:n], n_independent=n)


def test_sources_that_share_no_claim_are_told() -> None:
    # QA round 11: a gossip column and a court story about one singer shared no fact
    story = _story([_claim(1)])
    _add_notices(story)
    assert any(n.startswith("No claim is stated by two independent sources") for n in story.notices)
    story = _story([_claim(2)])
    _add_notices(story)
    assert not any(n.startswith("No claim is stated") for n in story.notices)
    # one report (a source crediting the other): nothing could corroborate, so nothing to tell
    story = _story([_claim(1)], credits={"b": {"a": "the Eagle"}})
    _add_notices(story)
    assert not any(n.startswith("No claim is stated") for n in story.notices)
    assert any(n.startswith("Sources that credit another source's outlet") for n in story.notices)


def test_sources_that_date_one_event_alike_are_not_said_to_report_different_stories() -> None:
    # QA round 24: three reports of one shooting, each in its own words, were said to "report different stories"
    from storylens.models import TimelineEvent

    story = _story([_claim(1)])
    story.timeline = [TimelineEvent(date="2024-05-09", text="The gunman opened fire.", sources=["a", "b"])]
    _add_notices(story)
    told = next(n for n in story.notices if n.startswith("No claim is stated"))
    assert "different stories" not in told and "timeline" in told


def test_excerpts_that_stop_mid_sentence_are_named() -> None:
    # QA round 11: three NeuS texts cut off mid-sentence ("... Chair Lina M. Khan. As the case...") had no notice
    story = _story([_claim(2)])
    story.articles[0].text = "The agency filed a new complaint. As the case..."
    _add_notices(story)
    assert "Excerpts (the text stops with \"...\", so the rest of the article is not here): a" in story.notices
    story = _story([_claim(2)])
    _add_notices(story)
    assert not any(n.startswith("Excerpts") for n in story.notices)


def test_texts_cut_off_at_a_word_are_named() -> None:
    # QA round 23: test-250's sources end mid-sentence ("... andrew mason, the former chief executive of groupon, who
    # was") with no mark, and no notice said so
    story = _story([_claim(2)])
    story.articles[0].text = "The company named a new chief.\n\nIts board includes andrew mason, the former chief of groupon, who was"
    story.articles[1].text = "The company named a new chief.\n\nFollow us on Twitter"  # a short line: no sentence
    _add_notices(story)
    assert "Cut off (the text ends mid-sentence, so the rest of the article is not here): a" in story.notices


def test_an_undated_source_read_against_the_day_after_a_photo_says_so() -> None:
    # QA round 23: a page read against the day after the story's photo was said to be read against "the latest date
    # it writes out", a date it never wrote
    story = _story([_claim(2)])
    story.articles[0].extra["published_from"] = "caption"
    story.articles[1].published = None
    story.story_date = story.articles[0].published_date
    _add_notices(story)
    undated = next(n for n in story.notices if n.startswith("Undated"))
    assert "b (read against 2024-05-11, the day after the photo the story's date comes from)" in undated
    story = _story([_claim(2)])
    story.articles[1].published = None
    story.articles[1].text = "As of August 2025, the count stood at 12."
    story.story_date = story.articles[0].published_date
    _add_notices(story)
    undated = next(n for n in story.notices if n.startswith("Undated"))
    assert "b (read against 2025-08-01, the latest date it writes out)" in undated


def test_a_sign_off_after_a_whole_sentence_and_a_writer_s_trailing_style_are_no_cuts() -> None:
    # QA round 25: a tweet ending "... for over 10 yrs. # basta" was said to be cut off, and a blog post that trails
    # off with "..." throughout to be an excerpt
    story = _story([_claim(2)])
    story.articles[0].text = "It is a stunning turn, seeing as he served as the fixer for over 10 yrs. # basta"
    story.articles[1].text = "ok, so … the Sox have the high offer … in case you wonder … the Mets are not in it …"
    _add_notices(story)
    assert not any(n.startswith(("Cut off", "Excerpts")) for n in story.notices)
