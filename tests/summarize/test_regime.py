"""Case regimes: lower-cased text is told apart from ordinary text by its own words, and gets its own weights."""

from __future__ import annotations

import numpy as np
import pytest
from summary_inputs import one_article_story

from storylens.summarize.coverage import TOKEN_NAMES, expected_counts, token_features
from storylens.summarize.features import NAMES
from storylens.summarize.regime import capital_share, caseless
from storylens.summarize.weights import (
    TOKEN_INTERCEPT_CASELESS,
    TOKEN_WEIGHTS_CASELESS,
    WEIGHTS,
    WEIGHTS_CASELESS,
    score,
)

NEWS = [
    "The city council in Springfield approved a new budget for public parks on Tuesday, Mayor Jane Ortiz said.",
    "Officials from the Parks Department expect work on the first playground near Lake Harriet to begin in May.",
    "Some residents told the Springfield Gazette that the money should have gone to road repairs instead.",
    "The council's vote followed months of talks between the Green Party and the Labour group on the council.",
]


def _lowered(texts: list[str]) -> list[str]:
    # As the lower-cased Multi-News sample: everything lower-cased, sentence-initial letters re-capitalised.
    return [t[0].upper() + t[1:].lower() for t in texts]


def test_ordinary_news_text_is_cased_and_lowered_text_is_caseless() -> None:
    share, counted = capital_share(NEWS)
    assert counted > 50 and share > 0.1
    assert not caseless(one_article_story(NEWS))
    assert capital_share(_lowered(NEWS))[0] == 0.0
    assert caseless(one_article_story(_lowered(NEWS)))


def test_capitals_after_a_sentence_or_quote_boundary_do_not_count() -> None:
    # Every capital here follows a full stop, an abbreviation's stop or an opening quote.
    texts = ['He met gov. Smith there. Then the talks ended, and "We are done" was all anyone said today.']
    assert capital_share(texts)[0] == 0.0
    assert capital_share(["the talks with Smith ended"])[0] == pytest.approx(1 / 4)  # "the" opens: not counted


def test_too_few_words_to_tell_count_as_cased() -> None:
    assert not caseless(one_article_story(["A short note with no capitals at all."]))


def test_caseless_scores_use_their_own_weights() -> None:
    mean_row = np.array([[WEIGHTS_CASELESS[n][0] for n in NAMES]])
    assert score(mean_row, caseless=True)[0] == pytest.approx(0.0, abs=1e-9)
    for k, name in enumerate(NAMES):
        row = mean_row.copy()
        row[0, k] += WEIGHTS_CASELESS[name][1]
        assert score(row, caseless=True)[0] == pytest.approx(WEIGHTS_CASELESS[name][2], abs=1e-9)
    assert set(WEIGHTS_CASELESS) == set(WEIGHTS) == set(NAMES)
    # The two sets differ, so the regime really changes the ranking inputs.
    assert any(WEIGHTS_CASELESS[n] != WEIGHTS[n] for n in NAMES)


def test_expected_counts_of_lowered_text_come_from_the_caseless_model() -> None:
    story = one_article_story(_lowered(NEWS))
    vocab, matrix = token_features(story)
    coef = np.array([TOKEN_WEIGHTS_CASELESS[n] for n in TOKEN_NAMES])
    want = np.exp(matrix @ coef + TOKEN_INTERCEPT_CASELESS)
    got = expected_counts(story)
    assert [got[w] for w in vocab] == pytest.approx(want.tolist())
    # Same words, same features, other regime: the cased story's counts differ.
    cased = expected_counts(one_article_story(NEWS))
    assert set(cased) == set(got) and any(abs(cased[w] - got[w]) > 1e-6 for w in vocab)
