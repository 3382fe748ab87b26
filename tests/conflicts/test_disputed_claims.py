"""Which claims a conflict marks disputed: those whose shown words take a side."""

from __future__ import annotations

from storylens.conflicts import _disputes
from storylens.models import Article, Claim, Conflict, ConflictValue, Quote, Sentence, Story

RELEASE = ("A man wrongly convicted in the killing of a schoolgirl in 1957 will be released from prison, a judge "
           "ordered Friday.")
TRIAL = "Then detectives pursued a tip, and a man was brought to trial and convicted in the 1957 murder."
CARS = "At least 20 large, hefty bulletproof carriages are said to be on Mr. Kim's train."


def _story() -> Story:
    texts = {"a": RELEASE, "b": TRIAL, "c": CARS}
    arts = [Article(id=k, raw=t, text=t) for k, t in texts.items()]
    sents = [Sentence(k, i, 0, len(t), t) for i, (k, t) in enumerate(texts.items())]
    return Story(articles=arts, sentences=sents)


def _conflict(*values: tuple[str, str, str]) -> Conflict:
    return Conflict(id="x1", topic="t", kind="weekday", values=[
        ConflictValue(value=v, normalized=n, sources=[s], quotes=[Quote(source=s, start=0, end=1, quote="x")])
        for v, n, s in values])


def _claim(text: str) -> Claim:
    return Claim(id="c1", text=text, status="corroborated", sources=["a", "b"])


def test_a_claim_is_disputed_only_by_a_side_its_shown_words_take() -> None:
    story = _story()
    days = _conflict(("Friday", "Friday", "a"), ("Saturday", "Saturday", "d"))
    # QA round 39: the trial claim held the release sentence as a member; its own words give no day
    assert not _disputes(story, _claim(TRIAL), days, {0})
    assert _disputes(story, _claim(RELEASE), days, {0})  # the quoted sentence is the one shown
    assert not _disputes(story, _claim(RELEASE), days, set())  # none of its sentences is quoted
    # the shown words state a side in other words: "At least 20" for the side "at least twenty"
    cars = _conflict(("ninety", "90 wagons", "d"), ("at least twenty", "≥ 20 cars", "e"))
    assert _disputes(story, _claim(CARS), cars, {0})
    assert not _disputes(story, _claim(TRIAL), cars, {2})  # a member quoted; the shown words give no count
