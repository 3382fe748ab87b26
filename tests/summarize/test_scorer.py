"""The fitted scorer: its weights cover the features, and it ranks the way the fit says it should."""

from __future__ import annotations

import numpy as np
import pytest

from storylens.api import analyse
from storylens.models import Article, Story
from storylens.summarize import summarize
from storylens.summarize.features import NAMES, features
from storylens.summarize.support import find_support
from storylens.summarize.weights import WEIGHTS, score


def test_every_feature_has_a_finite_weight_and_scale() -> None:
    assert set(WEIGHTS) == set(NAMES)
    for mean, scale, coef in WEIGHTS.values():
        assert np.isfinite([mean, scale, coef]).all() and scale > 0


def test_score_is_linear_in_each_feature() -> None:
    base = np.array([[WEIGHTS[n][0] for n in NAMES]])  # the mean row scores 0
    assert score(base)[0] == pytest.approx(0.0, abs=1e-9)
    for k, name in enumerate(NAMES):
        row = base.copy()
        row[0, k] += WEIGHTS[name][1]  # one standard deviation up
        assert score(row)[0] == pytest.approx(WEIGHTS[name][2], abs=1e-9)


def test_empty_matrix_scores_nothing() -> None:
    assert score(np.zeros((0, len(NAMES)))).shape == (0,)


TEXTS = {
    "a": (
        "The city council approved a new budget of 3 million dollars for public parks on Tuesday.\n\n"
        "He said the vote had taken months of negotiation between the two largest parties.\n\n"
        "Some residents complained that the money should have gone to road repairs instead.\n\n"
        "The mayor thanked volunteers who had planted trees along the river last spring."
    ),
    "b": (
        "A new parks budget of 3 million dollars was approved by the city council on Tuesday.\n\n"
        "It will pay for playgrounds, benches and lighting in twelve neighbourhoods.\n\n"
        "Work on the first playground is expected to begin in the autumn, officials said."
    ),
}


@pytest.fixture(scope="module")
def story() -> Story:
    return analyse([Article(id=k, raw=v, text=v, published="2024-03-05") for k, v in TEXTS.items()])


@pytest.mark.slow
def test_feature_matrix_has_one_row_per_candidate(story: Story) -> None:
    feats = features(story, find_support(story))
    assert feats.matrix.shape == (len(feats.cands), len(NAMES))
    assert np.isfinite(feats.matrix).all()
    lead = feats.matrix[:, NAMES.index("first")] == 1
    assert {s.source for s, is_lead in zip(feats.cands, lead, strict=True) if is_lead} == {"a", "b"}
    # Dangling openers are held back, the rest are not.
    held = {s.text.split()[0] for s, f in zip(feats.cands, feats.fallback, strict=True) if f}
    assert held == {"He", "It"}


@pytest.mark.slow
def test_corroborated_lead_ranks_first_and_dangling_openers_wait(story: Story) -> None:
    feats = features(story, find_support(story))
    scores = score(feats.matrix)
    best = feats.cands[int(scores.argmax())]
    assert "3 million dollars" in best.text and best.index in (0, 4)
    summary = summarize(story, max_words=45)
    assert summary and not any(s.text.startswith(("He ", "It ")) for s in summary)
    assert len(summary[0].sources) == 2


def test_a_source_that_may_report_another_story_backs_no_summary_sentence(story: Story) -> None:
    # QA round 23: the brief said the summary leaves such a source out, and cited it beside the lede
    from dataclasses import replace

    lede = next(s.index for s in story.sentences if s.source == "a" and "budget" in s.text)
    assert "b" in find_support(story).support[lede]
    named = replace(story, strays=["b"])
    assert "b" not in find_support(named).support[lede]
