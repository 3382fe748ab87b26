"""`_cross_support`: the mean over the other articles of each sentence's best cosine there."""

from __future__ import annotations

import importlib

import numpy as np

from storylens.models import Sentence, Story

features = importlib.import_module("storylens.summarize.features")


def _story(sources: list[str]) -> Story:
    return Story(articles=[], sentences=[Sentence(src, i, 0, 1, "x") for i, src in enumerate(sources)])


def test_cross_support_matches_the_definition_when_articles_interleave():
    rng = np.random.default_rng(7)
    sources = ["b", "a", "b", "c", "a", "c", "c", "b"]
    emb = rng.normal(size=(len(sources), 6))
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    got = features._cross_support(_story(sources), emb)
    sim = emb @ emb.T
    for i, own in enumerate(sources):
        others = sorted(set(sources) - {own})
        expected = np.mean([max(sim[i, j] for j, s in enumerate(sources) if s == o) for o in others])
        assert abs(got[i] - expected) < 1e-9


def test_cross_support_is_zero_for_a_single_article():
    emb = np.eye(3)
    assert not features._cross_support(_story(["a", "a", "a"]), emb).any()
