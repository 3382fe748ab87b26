"""A source of a brief that reports another story is named in the notices and left out of the claims, the
summary and the timeline, never dropped."""

from __future__ import annotations

import pytest

import storylens
from storylens.api import analyse, load, prepare
from storylens.models import Article
from storylens.stories.strays import strays

pytestmark = pytest.mark.slow

MATCH = Article(
    id="match", raw="",
    text="Manchester United beat Aston Villa 3-1 at Old Trafford on Saturday, with two goals from Marcus Rashford "
         "in the second half.\n\nThe win lifts United to fourth in the Premier League table. Villa's manager said "
         "his side had been punished for defensive errors and would regroup before the midweek cup tie.\n\n"
         "Rashford's first goal came from a counter-attack in the 52nd minute; his second, a free kick, sealed it.",
)


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    return prepare(load([corpus_dir], []))


def test_the_corpus_sources_all_report_one_story(corpus) -> None:
    assert strays(analyse(corpus)) == []


def test_a_source_of_another_story_is_named_and_kept(corpus) -> None:
    assert strays(analyse([*corpus, MATCH])) == ["match"]
    brief = storylens.brief([*corpus, MATCH])
    assert any("may report another story; the claims, summary, timeline and names leave it out: match" in n
               for n in brief.notices)
    assert "match" in {s.id for s in brief.sources}  # named, not dropped
    # ... but the claims, the summary and the timeline speak for the story's own sources only (a QA brief listed
    # an archive's crawl notice and a "latest headlines" widget as single-source claims)
    assert brief.claims and all("match" not in c.sources for c in brief.claims)
    assert brief.summary and all("match" not in s.sources for s in brief.summary)
    assert brief.timeline and all("match" not in e.sources for e in brief.timeline)
    # ... and its names are not the story's (QA round 39: 60 of 98 entities came from an encyclopedia page)
    assert brief.entities and all(m.source != "match" for e in brief.entities for m in e.mentions)
    assert not any("Rashford" in e.name for e in brief.entities)
    # two sources: neither is the odd one out, nor when one of them comes with a copy of itself
    assert strays(analyse([corpus[0], MATCH])) == []
    copy = Article(id="match-copy", raw=MATCH.text, text=MATCH.text)
    assert strays(analyse(prepare([corpus[0], MATCH, copy]))) == []
