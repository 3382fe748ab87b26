"""Word coverage: expected summary words, and credit only for the ones a summary does not have yet (no models)."""

from __future__ import annotations

import numpy as np
import pytest
from summary_inputs import articles_story

from storylens.models import Story
from storylens.summarize.coverage import TOKEN_NAMES, Coverage, expected_counts, token_features, tokens
from storylens.summarize.weights import TOKEN_WEIGHTS

ARTICLES = {
    "a": ["The council approved the parks budget on Tuesday.", "A resident walked her dog near the old mill."],
    "b": ["The parks budget was approved by the council.", "Playgrounds will get new benches."],
    "c": ["Council members approved a budget for parks.", "The weather was mild."],
}


def _story() -> Story:
    return articles_story(ARTICLES)


def test_tokens_are_case_blind_and_fold_plurals() -> None:
    assert tokens("Officials SAID the U.S. budget") == ["official", "said", "the", "u", "s", "budget"]
    assert tokens("officials said") == tokens("OFFICIALS Said")
    assert tokens("glass class") == ["glass", "class"]  # -ss is not a plural


def test_every_token_feature_has_a_weight() -> None:
    assert set(TOKEN_WEIGHTS) == set(TOKEN_NAMES)
    vocab, matrix = token_features(_story())
    assert matrix.shape == (len(vocab), len(TOKEN_NAMES)) and np.isfinite(matrix).all()


def test_words_every_article_leads_with_are_expected_more_than_a_stray_detail() -> None:
    expected = expected_counts(_story())
    assert expected["budget"] > expected["mill"]
    assert expected["council"] > expected["weather"]


def test_a_sentence_repeating_covered_words_gains_less_once_they_are_covered() -> None:
    story = _story()
    cands = [story.sentences[0], story.sentences[2], story.sentences[3]]
    # Each word expected once, "the" twice: a repeat earns nothing beyond what is still expected.
    expected = {w: 1.0 for s in cands for w in tokens(s.text)} | {"the": 2.0}
    cover = Coverage(story, cands, expected)
    alive = np.ones(3, dtype=bool)
    before = cover.gains(alive)
    assert before == pytest.approx([1.0, 1.0, 1.0])  # every word of each sentence still expected
    cover.add(0)  # "The council approved the parks budget on Tuesday." uses "the" twice
    after = cover.gains(alive)
    # b's lead says the same words: only "was" and "by" still earn credit; the benches sentence keeps all.
    assert after[1] == pytest.approx(2 / 8)
    assert after[2] == pytest.approx(before[2])
    assert not cover.gains(np.zeros(3, dtype=bool)).any()  # gains only for candidates still alive


def test_real_expected_counts_are_positive_and_bounded() -> None:
    expected = expected_counts(_story())
    assert all(0 < v < 50 for v in expected.values())


def test_sparse_gains_follow_the_definition_step_by_step() -> None:
    """gain = sum over words of min(have + v, cap) - min(have, cap), per word, after any picks."""
    story = _story()
    cands = story.sentences
    rng = np.random.default_rng(3)
    words = {w for s in cands for w in tokens(s.text)}
    expected = {w: float(rng.uniform(0, 2.5)) for w in words}
    cover = Coverage(story, cands, expected)
    have: dict[str, int] = {}
    alive = np.ones(len(cands), dtype=bool)
    for pick in (2, 0, 2, 5):
        want = []
        for s in cands:
            gain = 0.0
            for w in set(tokens(s.text)):
                v, h, cap = tokens(s.text).count(w), have.get(w, 0), expected[w]
                gain += max(0.0, min(h + v, cap) - min(h, cap))
            want.append(gain / len(s.text.split()))
        assert cover.gains(alive) == pytest.approx(want)
        cover.add(pick)
        for w in tokens(cands[pick].text):
            have[w] = have.get(w, 0) + 1
