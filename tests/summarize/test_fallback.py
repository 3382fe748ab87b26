"""Sentences that lean on their predecessor wait, unless the budget holds most of the story anyway (no models)."""

from __future__ import annotations

import numpy as np
from summary_inputs import one_article_story

from storylens.summarize.features import NAMES, Features
from storylens.summarize.ranking import SHORT_STORY, select
from storylens.summarize.support import Evidence
from storylens.summarize.text import dangling, word_count

TEXTS = [
    "Engineers closed the old bridge over the river after inspectors found deep cracks in two piers.",
    "He said repairs to the damaged piers would take at least six months and cost several million.",
    "Commuters were told to use the ferry, which will run every twenty minutes during rush hours.",
    "Shops near the bridge reported fewer customers on the first day of the closure than usual.",
]


def _pick_first(max_words: int) -> int:
    story = one_article_story(TEXTS)
    cands = story.sentences
    fallback = np.array([dangling(s.text) for s in cands])
    assert fallback.tolist() == [False, True, False, False]
    feats = Features(cands, np.zeros((len(cands), len(NAMES))), fallback)
    scores = np.array([0.0, 1.0, 0.0, 0.0])  # the "He said" sentence scores best
    return select(story, Evidence([{} for _ in cands]), max_words, feats=feats, scores=scores)[0]


def test_a_dangling_sentence_waits_when_the_story_is_long_next_to_the_budget() -> None:
    total = sum(word_count(t) for t in TEXTS)
    assert _pick_first(max_words=int(total / SHORT_STORY) - 1) != 1


def test_a_dangling_sentence_competes_when_the_budget_holds_most_of_the_story() -> None:
    total = sum(word_count(t) for t in TEXTS)
    assert _pick_first(max_words=int(total / SHORT_STORY) + 1) == 1
