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


def test_excerpts_that_stop_mid_sentence_are_named() -> None:
    # QA round 11: three NeuS texts cut off mid-sentence ("... Chair Lina M. Khan. As the case...") had no notice
    story = _story([_claim(2)])
    story.articles[0].text = "The agency filed a new complaint. As the case..."
    _add_notices(story)
    assert "Excerpts (the text stops with \"...\", so the rest of the article is not here): a" in story.notices
    story = _story([_claim(2)])
    _add_notices(story)
    assert not any(n.startswith("Excerpts") for n in story.notices)
