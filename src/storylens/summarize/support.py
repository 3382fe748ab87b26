"""Which other sources say the same thing as a sentence.

A sentence of source B supports a sentence of source A when they are close in meaning
(MiniLM cosine), share enough content words (containment and Dice, so that two sentences
merely on the same topic, or a short sentence of names inside a long one, do not count), and give no different digit-written numbers. When the claims stage
has aligned sentences into a claim that is not conflicting, its members need a lower cosine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storylens.models import Story
from storylens.summarize.text import content_words, dice, numbers, numbers_disagree, overlap

MIN_COSINE = 0.72
MIN_OVERLAP = 0.4  # containment: most of the shorter sentence's words are in the other
MIN_DICE = 0.4  # and the two are not just a short sentence inside a much longer one
# Claims group sentences about one topic; membership lowers the cosine bar, not the word-overlap one.
CLAIM_COSINE = 0.62
CLAIM_DICE = 0.5  # Dice, not containment: a short sentence of names is contained in many others


@dataclass(frozen=True)
class Evidence:
    """Per sentence: the best supporting sentence index in each other source."""

    support: list[dict[str, int]]

    def sources(self, index: int) -> list[str]:
        return list(self.support[index])


def find_support(story: Story, similarity: np.ndarray | None = None) -> Evidence:
    """For every sentence, the best sentence of each other source that says the same thing."""
    sents = story.sentences
    n = len(sents)
    if similarity is None:
        emb = story.embeddings
        similarity = emb @ emb.T if emb is not None and len(emb) == n else np.zeros((n, n), np.float32)
    words = [content_words(s.text) for s in sents]
    nums = [numbers(s.text) for s in sents]
    support: list[dict[str, int]] = [{} for _ in range(n)]
    sources = np.array([s.source for s in sents], dtype=object)
    best_score: list[dict[str, float]] = [{} for _ in range(n)]

    strays = set(story.strays)  # a source that may report another story backs nothing of this one (the notice says
    # the summary leaves it out: QA round 23 found one cited beside the lede it was named for)
    rows, cols = np.nonzero(np.triu(similarity >= MIN_COSINE, k=1))
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if sources[i] == sources[j] or sources[i] in strays or sources[j] in strays:
            continue
        if overlap(words[i], words[j]) < MIN_OVERLAP or dice(words[i], words[j]) < MIN_DICE:
            continue
        if numbers_disagree(nums[i], nums[j]):
            continue
        _keep(support, best_score, i, j, float(similarity[i, j]), sents[j].source)
        _keep(support, best_score, j, i, float(similarity[i, j]), sents[i].source)

    for claim in story.claims:
        if getattr(claim, "status", "") == "conflicting":
            continue
        members = [k for k in story.claim_sentences.get(claim.id, []) if 0 <= k < n and sources[k] not in strays]
        for i in members:
            for j in members:
                if (sents[i].source != sents[j].source and similarity[i, j] >= CLAIM_COSINE
                        and dice(words[i], words[j]) >= CLAIM_DICE and not numbers_disagree(nums[i], nums[j])):
                    _keep(support, best_score, i, j, float(similarity[i, j]), sents[j].source)
    return Evidence(support)


def _keep(support: list[dict[str, int]], best: list[dict[str, float]], i: int, j: int, score: float,
          source: str) -> None:
    if score > best[i].get(source, -1.0):
        best[i][source] = score
        support[i][source] = j
