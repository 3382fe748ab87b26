"""Conflict detection end to end on stories built by hand (loads spaCy + MiniLM)."""

import pytest
from built_stories import story_of

from storylens.api import analyse, prepare
from storylens.models import Article

pytestmark = pytest.mark.slow

FILLER = ("Officials from both cities attended the opening ceremony at the central station. "
          "The line took six years to build and connects two regional capitals. ")


def exact_quotes(story, conflicts):
    for c in conflicts:
        for v in c.values:
            assert v.quotes and v.sources
            for q in v.quotes:
                assert story.article(q.source).text[q.start:q.end] == q.quote


@pytest.fixture(scope="module")
def agreeing():
    return story_of(
        FILLER + "The new express train reaches a top speed of about 120 km/h on the route, the operator said.",
        FILLER + "The operator said the new express train reaches a top speed of 75 mph on the route.",
    )


@pytest.fixture(scope="module")
def disagreeing():
    return story_of(
        FILLER + "The new express train reaches a top speed of about 120 km/h on the route, the operator said.",
        FILLER + "The operator said the new express train reaches a top speed of 150 km/h on the route.",
    )


def test_agreeing_units_make_no_conflict(agreeing):
    assert agreeing.conflicts == []


def test_different_speeds_conflict(disagreeing):
    speed = [c for c in disagreeing.conflicts if c.kind == "quantity"]
    assert len(speed) == 1
    normalized = sorted(v.normalized for v in speed[0].values)
    assert normalized == ["150 km/h", "~120 km/h"]
    assert "speed" in speed[0].topic
    exact_quotes(disagreeing, disagreeing.conflicts)
    # the claims holding those sentences are marked conflicting
    assert any(c.status == "conflicting" for c in disagreeing.claims)


def test_planted_style_place_change():
    story = story_of(
        "Investigators said the fire started in a warehouse in Tennessee early on Saturday morning. " + FILLER,
        "The fire started in a warehouse in Ohio early on Saturday morning, investigators said. " + FILLER,
    )
    places = [c for c in story.conflicts if c.kind == "place"]
    assert places, story.conflicts
    assert {v.value for v in places[0].values} == {"Tennessee", "Ohio"}
    exact_quotes(story, story.conflicts)


def test_a_reprint_that_changed_a_figure_is_a_conflict():
    body = ("The county opened a new shelter for homeless families on Monday after a two-year campaign. " + FILLER
            + "Volunteers said the shelter has {} beds and will stay open through the winter months. " + FILLER)
    arts = [Article(id=f"s{k}", raw=t, text=t, published="2023-09-12")
            for k, t in enumerate((body.format("forty"), body.format("sixty")), 1)]
    story = analyse(prepare(arts))
    assert story.articles[1].duplicate_of == "s1"  # the near-copy is a reprint of the first source
    counts = [c for c in story.conflicts if c.kind == "count"]
    assert counts, story.conflicts
    assert {v.value for v in counts[0].values} == {"forty", "sixty"}


def test_a_reworded_copy_of_one_statement_disputes_its_day():
    # different verbs ("reopened" / "was unveiled"), so only the near-identical wording makes it one event
    story = story_of(
        FILLER + "The museum reopened its east wing to visitors on Thursday after a two-year restoration of "
                 "the ceiling frescoes.",
        FILLER + "Visitors returned to the museum's east wing on Saturday, when it was unveiled after a two-year "
                 "restoration of its ceiling frescoes.",
    )
    days = [c for c in story.conflicts if c.kind == "weekday"]
    assert days, story.conflicts
    assert {v.value for v in days[0].values} == {"Thursday", "Saturday"}


def test_prefetched_values_are_the_ones_the_stage_reads(monkeypatch):
    """`prefetch` (run by the nlp stage while the encoder works) reads the values `find_all` would read, and
    leaves nothing to parse again."""
    import importlib

    from storylens.models import Article, Story
    from storylens.nlp import annotate

    detect = importlib.import_module("storylens.conflicts.detect")
    text = "The train left Pyongyang on Sunday with 20 cars.\n\nIt reached Vladivostok on Tuesday at 60 km/h."
    art = Article(id="p1", raw=text, text=text)
    sents, ments = annotate([art])
    story = Story(articles=[art], sentences=sents, mentions=ments)
    detect._PARSES.clear()
    ahead = detect.prefetch(story)
    assert len(detect._PARSES) == len(detect.candidate_sentences(story)) == 2
    assert sorted(ahead) == detect.candidate_sentences(story)

    def no_parse():
        raise AssertionError("parsed again")

    monkeypatch.setattr("storylens.nlp.spacy_pipeline", no_parse)
    values = detect.sentence_values(story, set(detect.candidate_sentences(story)))
    assert {v.kind for vs in values.values() for v in vs} >= {"weekday", "place"}
    assert values == ahead


def test_the_pipeline_reads_values_once_in_the_nlp_stage(monkeypatch):
    """`analyse` reads the conflict stage's values while the encoder works and hands them over: the conflict stage
    reads none again, and finds the same conflict it would find reading them itself."""
    import importlib

    from storylens.conflicts import detect_conflicts

    detect = importlib.import_module("storylens.conflicts.detect")
    calls = []
    real = detect.sentence_values
    monkeypatch.setattr(detect, "sentence_values", lambda story, idx: calls.append(len(idx)) or real(story, idx))
    story = story_of(
        FILLER + "The new express train reaches a top speed of about 120 km/h on the route, the operator said.",
        FILLER + "The operator said the new express train reaches a top speed of 150 km/h on the route.",
    )
    assert len(calls) == 1 and calls[0] >= 2
    assert [c.kind for c in story.conflicts] == ["quantity"]
    again = detect_conflicts(story)  # reads the values itself
    assert len(calls) == 2
    assert [(c.kind, sorted(v.value for v in c.values)) for c in again] == \
        [(c.kind, sorted(v.value for v in c.values)) for c in story.conflicts]
