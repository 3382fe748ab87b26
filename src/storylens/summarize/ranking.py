"""Choosing summary sentences: a fitted relevance score, then MMR, word coverage and packing.

Each candidate gets a learned score (`weights.score` over `features.features`, with the
weights of the text's case regime, `regime.caseless`); maximal
marginal relevance then keeps near-repeats out, a coverage term (`coverage.Coverage`) credits
each sentence for the expected summary words it still adds rather than ones already chosen,
and the word budget is packed with whole
sentences: a sentence that would overflow is skipped for a later, shorter one that fits, so
the summary uses its budget as fully as a lead baseline does. Sentences that open on a
reference back ("He said...") are only a fallback, after every other candidate, unless the
story is short next to the budget (`SHORT_STORY`); so, in every story, are sentences cut off
mid-way (a truncated article's end, an excerpt's "...").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storylens.models import Story
from storylens.summarize.coverage import Coverage, expected_counts
from storylens.summarize.features import Features, features
from storylens.summarize.regime import caseless
from storylens.summarize.support import Evidence
from storylens.summarize.text import content_words, overlap, word_count
from storylens.summarize.weights import score

FALLBACK_PENALTY = 100.0  # larger than any score: fallback sentences come after all the others
# When the candidates total less than this many budgets, the summary holds about half the story or
# more: holding back sentences that lean on their predecessor then only costs content (5-fold CV on
# the tune halves, 3 fold draws, storylens - lead R-1: test-250 +2.04 -> +2.34, fulltext-99 +3.64 -> +3.52;
# never holding back: fulltext-99 +3.38).
SHORT_STORY = 2.0


@dataclass(frozen=True)
class Settings:
    """Selection knobs (the relevance weights themselves are fitted, see `weights`)."""

    redundancy: float = 0.3  # MMR penalty on the max cosine to sentences already chosen (score units)
    duplicate_cosine: float = 0.8  # never pick two sentences closer than this
    # ... or sharing this share of content words. With the coverage term, which already discounts
    # words said before, a strict bar only under-fills the budget (tune halves: 0.7 > 0.5).
    duplicate_overlap: float = 0.7
    fill_overlap: float = 0.9  # a looser word-overlap bar for filling a budget left over
    coverage: float = 3.0  # weight of the expected-summary-words gain per word (tune halves: 3 ~ 6 > 1)


def select(story: Story, evidence: Evidence, max_words: int, settings: Settings | None = None,
           feats: Features | None = None, scores: np.ndarray | None = None) -> list[int]:
    """Sentence indices of the summary, in the order they were chosen (best first)."""
    settings = settings or Settings()
    feats = feats or features(story, evidence)
    cands = feats.cands
    if not cands:
        return []
    regime = caseless(story)  # read once: the scorer and the coverage model both depend on it
    if scores is None:
        scores = score(feats.matrix, regime)
    lengths = {s.index: word_count(s.text) for s in cands}
    leaning = feats.fallback if sum(lengths.values()) >= SHORT_STORY * max_words else np.zeros_like(feats.fallback)
    # A cut-off sentence waits in any story, for the reader: it costs test-250 tune 0.22 R-1 (summaries.md).
    fallback = leaning | feats.cut
    scores = scores - FALLBACK_PENALTY * fallback
    emb = story.embeddings
    has_emb = emb is not None and len(emb) == len(story.sentences)
    cand_emb = emb[[c.index for c in cands]] if has_emb else None
    words = {s.index: content_words(s.text) for s in cands}
    chosen: list[int] = []
    said_same: set[int] = set()  # chosen sentences and the sentences that support them
    deferred: list[int] = []  # set aside only for sharing words with a chosen sentence
    used = 0
    max_sim = np.zeros(len(cands))
    alive = np.ones(len(cands), dtype=bool)
    cover = Coverage(story, cands, expected_counts(story, regime))

    def repeats(k: int, bar: float) -> bool:
        index = cands[k].index
        # A sentence another source uses to say the same thing as a chosen one adds nothing.
        return (any(overlap(words[index], words[c]) >= bar for c in chosen)
                or any(c in said_same for c in evidence.support[index].values()))

    def take(k: int) -> None:
        nonlocal used, max_sim, alive
        index = cands[k].index
        chosen.append(index)
        said_same.add(index)
        said_same.update(evidence.support[index].values())
        used += lengths[index]
        cover.add(k)
        if cand_emb is not None:
            sims = cand_emb @ emb[index]
            max_sim = np.maximum(max_sim, sims)
            alive &= sims < settings.duplicate_cosine

    def fill_deferred() -> None:
        # Short stories can run out of distinct sentences: fill what is left under the looser bar,
        # still never two sentences close in meaning, and before any fallback sentence.
        for k in deferred:
            close = cand_emb is not None and max_sim[k] >= settings.duplicate_cosine
            if used + lengths[cands[k].index] <= max_words and not close and not repeats(k, settings.fill_overlap):
                take(k)
        deferred.clear()

    while alive.any():
        gain = settings.coverage * cover.gains(alive) if settings.coverage else 0.0
        mmr = np.where(alive, scores - settings.redundancy * max_sim + gain, -np.inf)
        k = int(mmr.argmax())
        if fallback[k] and deferred:
            fill_deferred()
            continue
        alive[k] = False
        if used + lengths[cands[k].index] > max_words:
            continue
        if repeats(k, settings.duplicate_overlap):
            if not fallback[k] and not repeats(k, settings.fill_overlap):
                deferred.append(k)
            continue
        take(k)
    fill_deferred()
    return chosen
