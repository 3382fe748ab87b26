"""A source that credits another source's outlet draws on it: the two count as one report (no models)."""

from __future__ import annotations

import pytest

from storylens.claims.align import _independent
from storylens.clean.credits import credited_names, credited_sources, outlet_names, spellings
from storylens.models import Article, Sentence, Story

# QA round 10: a Multi-News story whose second source rewrites the first, a local paper known only by its
# reporter's contact line, which cleaning cut from the text.
EAGLE = Article(id="d1", raw="", text="PITTSFIELD — A city man is charged with running a prostitution ring, police said.",
                removed=["Reach Bob Dunn at bdunn@berkshireeagle.com, at @BobDunn413 on Twitter and 413-496-6249."])
POST = Article(id="d2", raw="", text="VanWert would allow some of the meetings to take place in his home, according to "
               "the Berkshire Eagle. Police said the ring ran for several years.")
TIMES = Article(id="n1", raw="", text="The report was released.", outlet="New York Times (News)",
                url="https://www.nytimes.com/2021/08/03/nyregion/report.html")


@pytest.mark.parametrize(("text", "names"), [
    ("VanWert let them meet, according to the Berkshire Eagle. The Hill reported on Monday.",
     ["Berkshire Eagle", "The Hill"]),
    ('"No," she told Fox News Digital. It was first reported by PBS.', ["Fox News Digital", "PBS"]),
    ("Politico reported, citing interviews with 22 current and former aides.", ["Politico"]),
    ("Walgreens reported wasting 2.6 million doses, police said.", ["Walgreens"]),  # matched to no outlet later
    ("According to U.S. officials, the talks stalled.", ["U.S"]),  # too short to name an outlet (below)
    ("The mayor said on Tuesday that the city would appeal.", []),
])
def test_credited_names_are_read_as_written(text, names) -> None:
    assert sorted(credited_names(text)) == sorted(names)


def test_spellings_match_an_outlets_address_and_its_aggregator_label() -> None:
    assert {"newyorktimes", "nytimes"} <= spellings("The New York Times")
    assert "foxnews" in spellings("Fox News Digital")
    assert "wsj" in spellings("Wall Street Journal")
    assert spellings("U.S") == set()
    assert outlet_names(TIMES) == {"newyorktimes", "nytimes"}  # "(News)" is AllSides' label, not the name
    assert outlet_names(EAGLE) == {"berkshireeagle"}
    assert outlet_names(Article(id="w", raw="", text="SEOUL, South Korea (AP) — North Korea fired a missile.")) \
        == {"associatedpress"}


def test_a_wire_story_is_known_by_its_contributor_line() -> None:
    # QA round 18 (Mali coup): an AP story with no dateline tag, only its contributor line (cut by cleaning), and a
    # BBC rewrite crediting "the Associated Press news agency" had counted as two independent reports
    ap = Article(id="d1", raw="", text="BAMAKO, Mali — Mutinous soldiers said they had seized power.",
                 removed=[("Associated Press writers Rukmini Callimachi and Michelle Faul in Dakar, Senegal, "
                           "contributed to this report.")])
    bbc = Article(id="d2", raw="", text="Recruits were said to have begun rioting in Gao, according to the Associated "
                  "Press news agency.")
    assert outlet_names(ap) == {"associatedpress"}
    assert credited_sources([ap, bbc]) == {"d2": {"d1": "Associated Press"}}
    # a photo's credit says who took the picture, not who wrote the story
    photo = Article(id="d3", raw="", text="Mutinous soldiers said they had seized power.",
                    removed=["Soldiers in Bamako on Wednesday. (Associated Press)"])
    assert outlet_names(photo) == set()


def test_a_rewrite_credits_the_paper_it_rewrites() -> None:
    assert credited_sources([EAGLE, POST]) == {"d2": {"d1": "Berkshire Eagle"}}
    # the other way round nothing is credited, and an outlet not among the sources credits nobody
    other = Article(id="d3", raw="", text="The ring ran for years, according to the Boston Globe.")
    assert credited_sources([EAGLE, other]) == {}


def test_told_and_first_reported_by_credit_too() -> None:
    fox = Article(id="n2", raw="", text="The news was first reported by The New York Times.", outlet="Fox News",
                  url="https://www.foxnews.com/politics/x")
    review = Article(id="n3", raw="", text='"It will not be returning," senior aide Jason Miller told the Times.')
    assert credited_sources([TIMES, fox, review]) == {"n2": {"n1": "The New York Times"}}  # "the Times": too vague


def test_two_pages_of_one_outlet_credit_nothing_between_them() -> None:
    a = Article(id="a", raw="", text="x", outlet="CNN", url="https://www.cnn.com/a")
    b = Article(id="b", raw="", text="CNN reported earlier that the vote was delayed.", url="https://www.cnn.com/b")
    assert credited_sources([a, b]) == {}


def _story(*articles: Article) -> Story:
    story = Story(articles=list(articles))
    for i, a in enumerate(articles):
        story.sentences.append(Sentence(source=a.id, index=i, start=0, end=len(a.text), text=a.text))
    story.credits = credited_sources(story.articles)
    return story


def test_a_source_and_the_source_it_credits_are_one_report() -> None:
    other = Article(id="d3", raw="", text="The Pittsfield man ran the ring, the police chief told WAMC.")
    story = _story(EAGLE, POST, other)
    assert story.independent_count(["d1", "d2", "d3"]) == 2
    assert story.independent_count(["d2", "d3"]) == 2  # the credited source is not among these
    assert _independent(story, story.sentences) == 2
    story.credits = {}
    assert story.independent_count(["d1", "d2", "d3"]) == 3


def test_sources_that_credit_one_outlet_not_among_them_relay_one_report() -> None:
    # QA round 12: two rewrites of the New York Post's scoop ("According to the New York Post and People.com ..." /
    # "Sources tell the New York Post that ...") counted as independent
    from storylens.clean.credits import shared_origins

    d1 = Article(id="d1", raw="", text="According to the New York Post and People.com, she is pregnant.")
    d2 = Article(id="d2", raw="", text="Sources tell the New York Post that the star is expecting.")
    d3 = Article(id="d3", raw="", text="The star is pregnant, according to the police.")
    d4 = Article(id="d4", raw="", text="According to the CDC, there were 50 cases.")
    d5 = Article(id="d5", raw="", text="According to the CDC, the cases rose.")
    assert shared_origins([d1, d2, d3, d4, d5]) == {"New York Post": ["d1", "d2"]}  # not the police, nor the CDC
    post = Article(id="p", raw="", text="x", url="https://nypost.com/2012/03/01/story")
    assert shared_origins([d1, d2, post]) == {}  # the Post is a source: `credited_sources` links them to it
    story = _story(d1, d2, d3)
    story.origins = shared_origins(story.articles)
    assert story.independent_count(["d1", "d2", "d3"]) == 2
