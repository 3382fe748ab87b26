"""The exact selection program (`summarize.exact.solve`) and its place in `ranking.select`."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np
import pytest
from summary_inputs import one_article_story

from storylens.summarize import ranking
from storylens.summarize.exact import solve
from storylens.summarize.features import features
from storylens.summarize.support import find_support


def _solve(units: list[str], expected: dict[str, float], max_words: int, values: list[float] | None = None,
           clashes: frozenset[tuple[int, int]] = frozenset()) -> list[int]:
    counts = [Counter(u.split()) for u in units]
    lengths = np.array([len(u.split()) for u in units], dtype=float)
    picked = solve(counts, lengths, np.array(values or [0.0] * len(units)), expected, max_words,
                   lambda a, b: (a, b) in clashes, node_limit=5000)
    assert picked is not None
    return sorted(picked)


def test_two_sentences_that_fit_together_beat_the_best_single_pick() -> None:
    # Per word, the 6-word sentence covers the most (5/6), and a greedy pick of it leaves no room
    # for another; the two 5-word sentences together cover 8.
    units = ["a b c d e z", "f g h i y", "j k l m y"]
    expected = {w: 1.0 for w in "abcdefghijklm"}
    assert _solve(units, expected, max_words=10) == [1, 2]


def test_a_word_counts_as_often_as_it_is_expected() -> None:
    units = ["x", "x", "y"]
    assert _solve(units, {"x": 2.0, "y": 0.9}, max_words=2) == [0, 1]  # the second "x" still earns 1
    assert _solve(units, {"x": 1.0, "y": 0.9}, max_words=2) in ([0, 2], [1, 2])  # ... not when x is expected once


def test_clashing_sentences_are_never_chosen_together() -> None:
    units = ["a b", "c d", "e"]
    expected = {"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0, "e": 0.5}
    assert _solve(units, expected, max_words=4) == [0, 1]
    assert _solve(units, expected, max_words=4, clashes=frozenset({(0, 1)})) in ([0, 2], [1, 2])


def test_sentence_values_weigh_against_coverage() -> None:
    units = ["a b", "c d"]
    expected = {"a": 1.0, "b": 1.0, "c": 0.5, "d": 0.5}
    assert _solve(units, expected, max_words=2) == [0]
    assert _solve(units, expected, max_words=2, values=[0.0, 1.5]) == [1]


_TEXTS = [
    "The city council approved the new budget for the harbour on Monday evening.",
    "Council members said the harbour budget would fund repairs to the old pier.",
    "The mayor welcomed the vote and promised that the repairs would start in spring.",
    "Local fishermen had asked the council for the pier repairs for many years.",
    "Opponents of the plan argued that the money should go to schools instead.",
    "The budget passed by seven votes to two after a debate of three hours.",
]


@pytest.mark.parametrize("budget", [20, 30, 45])
def test_select_falls_back_to_greedy_when_the_solver_gives_no_answer(budget: int,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    story = one_article_story(_TEXTS)
    evidence = find_support(story)
    feats = features(story, evidence)
    greedy = ranking.select(story, evidence, budget, replace(ranking.Settings(), exact=False), feats=feats)
    monkeypatch.setattr(ranking, "solve", lambda *args, **kwargs: None)
    assert ranking.select(story, evidence, budget, ranking.Settings(), feats=feats) == greedy


@pytest.mark.parametrize("budget", [20, 30, 45])
def test_exact_selection_keeps_the_budget_and_covers_at_least_as_much_as_greedy(budget: int) -> None:
    story = one_article_story(_TEXTS)
    evidence = find_support(story)
    feats = features(story, evidence)
    settings = replace(ranking.Settings(), sentence_weight=0.0)  # coverage alone: the program's whole objective
    expected = ranking.expected_counts(story)

    def covered(chosen: list[int]) -> float:
        uses = Counter(w for i in chosen for w in ranking.tokens(story.sentences[i].text))
        return sum(min(v, expected.get(w, 0.0)) for w, v in uses.items())

    exact = ranking.select(story, evidence, budget, settings, feats=feats)
    greedy = ranking.select(story, evidence, budget, replace(settings, exact=False), feats=feats)
    assert sum(len(story.sentences[i].text.split()) for i in exact) <= budget
    assert covered(exact) >= covered(greedy) - 1e-9
