"""Choosing summary sentences: a fitted relevance score, then exact word coverage, MMR and packing.

Each candidate gets a learned score (`weights.score` over `features.features`, with the
weights of the text's case regime, `regime.caseless`). The summary is then chosen at once
(`exact`): the set of sentences within the word budget that covers the most expected summary
words (`coverage.expected_counts`, each word up to its expected count), plus the scores weighed
by length, with no two that repeat each other. What budget is left is filled greedily: maximal
marginal relevance keeps near-repeats out, a coverage term (`coverage.Coverage`) credits
each sentence for the expected summary words it still adds rather than ones already chosen,
and a sentence that would overflow is skipped for a later, shorter one that fits (the same loop
chooses the whole summary when `Settings.exact` is off or the solver gives no answer).
Sentences that open on a reference back ("He said...") are only a fallback, after every other
candidate, unless the story is short next to the budget (`SHORT_STORY`); so, in every story, are
sentences cut off mid-way (a truncated article's end, an excerpt's "...").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from storylens.models import Sentence, Story
from storylens.summarize.coverage import Coverage, expected_counts, tokens
from storylens.summarize.exact import solve
from storylens.summarize.features import Features, features
from storylens.summarize.regime import caseless
from storylens.summarize.support import Evidence
from storylens.summarize.text import content_words, overlap, same_figures, word_count
from storylens.summarize.weights import score

FALLBACK_PENALTY = 100.0  # larger than any score: fallback sentences come after all the others
# When the candidates total less than this many budgets, the summary holds about half the story or
# more: holding back sentences that lean on their predecessor then only costs content (5-fold CV on
# the tune halves, 3 fold draws, storylens - lead R-1: test-250 +2.04 -> +2.34, fulltext-99 +3.64 -> +3.52;
# never holding back: fulltext-99 +3.38).
SHORT_STORY = 2.0
# A story under this many budgets gets a summary of most of it; there a piece of a quotation over several
# sentences ('“It won’t be difficult for me.', an unattributed 'Everyone who has known my career ... knows that I
# have very high ethical standards', in a summary of three short feed excerpts) is left out, not kept for last.
# For the reader, not the metric: tune halves, storylens - lead R-1, fulltext-99 +4.51 -> +4.41, test-250 +2.65 ->
# +2.44; leaving cut-off sentences out too cost test-250 another 0.3, so they stay a fallback (summaries.md).
SMALL_STORY = 1.5


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
    # Choose the summary exactly (`exact`) rather than greedily; the greedy loop then only fills what is left.
    # 5-fold CV in the tune halves, 3 fold draws, storylens - lead R-1: test-250 +2.15 -> +2.41,
    # fulltext-99 +3.40 -> +3.87 (summaries.md).
    exact: bool = True
    # relevance score x words, against expected words covered (CV: 0.05 / 0.1 / 0.2 test-250 +2.38 / +2.45 / +2.25)
    sentence_weight: float = 0.1
    # candidates the exact program weighs, the best by the greedy's opening value: the solver's time grows
    # fast with it (20 / 30 / 50: fulltext-99 +3.73 / +3.82 / +3.98, test-250 has fewer candidates than that)
    pool: int = 30
    # branch-and-bound nodes for the solver; without a proven optimum, selection is greedy (fulltext-99's 99
    # stories: median 29 nodes, at most 418)
    node_limit: int = 5000


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
    size = np.array([word_count(c.text) for c in cands])  # words of each candidate
    leaning = feats.fallback if size.sum() >= SHORT_STORY * max_words else np.zeros_like(feats.fallback)
    # The middle of a quotation carries no quotation mark at all: quoted alone, someone's words read as the story's
    # own fact, so one whose speaker the paragraph does not name is left out of every summary (one whose speaker it
    # names is shown as that person's words: `SummarySentence.speaker`).
    left_out = (feats.piece if size.sum() < SMALL_STORY * max_words else np.zeros_like(feats.piece)) | feats.inside
    # A cut-off sentence waits in any story, for the reader: it costs test-250 tune 0.22 R-1 (summaries.md).
    fallback = leaning | feats.cut | left_out
    scores = scores - FALLBACK_PENALTY * fallback
    emb = story.embeddings
    has_emb = emb is not None and len(emb) == len(story.sentences)
    cand_emb = emb[[c.index for c in cands]] if has_emb else None
    words = {s.index: content_words(s.text) for s in cands}
    text_of = {s.index: s.text for s in cands}
    chosen: list[int] = []
    said_same: set[int] = set()  # chosen sentences and the sentences that support them
    deferred: list[int] = []  # set aside only for sharing words with a chosen sentence
    used = 0
    max_sim = np.zeros(len(cands))
    alive = ~left_out
    expected = expected_counts(story, regime)
    cover = Coverage(story, cands, expected)

    def repeats(k: int, bar: float) -> bool:
        index = cands[k].index
        # A sentence another source uses to say the same thing as a chosen one adds nothing.
        return (any(overlap(words[index], words[c]) >= bar for c in chosen)
                or any(c in said_same for c in evidence.support[index].values())
                or any(same_figures(text_of[index], text_of[c], words[index], words[c]) for c in chosen))

    def take(k: int) -> None:
        nonlocal used, max_sim, alive
        index = cands[k].index
        chosen.append(index)
        said_same.add(index)
        said_same.update(evidence.support[index].values())
        used += int(size[k])
        # A sentence that no longer fits would only be skipped once it came up: drop it now, which spares a
        # coverage pass per such sentence in big stories. (A fallback only comes up once every other candidate
        # is gone, FALLBACK_PENALTY, so the deferred sentences are still filled at the same point.)
        alive &= size <= max_words - used
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
            if used + size[k] <= max_words and not close and not repeats(k, settings.fill_overlap):
                take(k)
        deferred.clear()

    if settings.exact:
        for k in _exact(cands, size, scores, fallback, cover, expected, cand_emb, words, evidence,
                        max_words, settings):
            alive[k] = False
            take(k)
    while alive.any():
        gain = settings.coverage * cover.gains(alive) if settings.coverage else 0.0
        mmr = np.where(alive, scores - settings.redundancy * max_sim + gain, -np.inf)
        k = int(mmr.argmax())
        if fallback[k] and deferred:
            fill_deferred()
            continue
        alive[k] = False
        if used + size[k] > max_words:
            continue
        if repeats(k, settings.duplicate_overlap):
            if not fallback[k] and not repeats(k, settings.fill_overlap):
                deferred.append(k)
            continue
        take(k)
    fill_deferred()
    return chosen


def _exact(cands: list[Sentence], size: np.ndarray, scores: np.ndarray, fallback: np.ndarray, cover: Coverage,
           expected: dict[str, float], cand_emb: np.ndarray | None, words: dict[int, frozenset[str]],
           evidence: Evidence, max_words: int, settings: Settings) -> list[int]:
    """Candidate positions of the exact summary (`exact.solve`) over the best `pool` non-fallback candidates."""
    opening = scores + settings.coverage * cover.gains(np.ones(len(cands), dtype=bool))
    ok = np.flatnonzero(~fallback & (size <= max_words))
    pool = ok[np.argsort(-opening[ok], kind="stable")][:settings.pool].tolist()
    if not pool:
        return []
    index = [cands[k].index for k in pool]
    sims = cand_emb[pool] @ cand_emb[pool].T if cand_emb is not None else np.zeros((len(pool), len(pool)))
    said = [{i, *evidence.support[i].values()} for i in index]

    def clash(a: int, b: int) -> bool:
        # the same bars as the greedy loop: close in meaning, mostly the same words, or said by one source for another
        return bool(sims[a, b] >= settings.duplicate_cosine
                    or overlap(words[index[a]], words[index[b]]) >= settings.duplicate_overlap
                    or said[a] & said[b]
                    or same_figures(cands[pool[a]].text, cands[pool[b]].text, words[index[a]], words[index[b]]))

    picked = solve([Counter(tokens(cands[k].text)) for k in pool], size[pool].astype(float),
                   settings.sentence_weight * scores[pool] * size[pool], expected, max_words, clash,
                   settings.node_limit)
    return sorted((pool[i] for i in picked or []), key=lambda k: -opening[k])
