"""Choosing summary sentences: score by position, centrality and cross-source support, then MMR.

News puts its most important facts first, so a sentence's position in its own article
is the strongest single signal; centrality (closeness to the story's centroid) and the
number of independent sources that say the same thing lift the facts the whole story
agrees on. Maximal marginal relevance then keeps near-repeats out, and the word budget
is filled with whole sentences.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from storylens.models import Sentence, Story
from storylens.summarize.support import Evidence
from storylens.summarize.text import content_words, overlap, standalone, word_count


@dataclass(frozen=True)
class Settings:
    """Scoring weights; the defaults were tuned on the tuning half of Multi-News (bench/summaries.py)."""

    position: float = 1.0  # weight of the lead prior 1 / (1 + rank) ** decay
    decay: float = 0.7
    centrality: float = 1.0  # weight of cosine to the story centroid
    support: float = 0.4  # weight of the share of other independent sources that agree
    redundancy: float = 0.6  # MMR penalty on the max cosine to sentences already chosen
    duplicate_cosine: float = 0.8  # never pick two sentences closer than this
    duplicate_overlap: float = 0.7  # ... or sharing this share of content words


def candidates(story: Story) -> list[Sentence]:
    """Sentences that can stand alone; all non-trivial sentences if a story has almost none."""
    good = [s for s in story.sentences if standalone(s.text)]
    if len(good) >= 3:
        return good
    rest = [s for s in story.sentences if s not in good and word_count(s.text) >= 4]
    return good + rest


def score(story: Story, evidence: Evidence, cands: list[Sentence], settings: Settings) -> np.ndarray:
    """One relevance score per candidate sentence."""
    if not cands:
        return np.zeros(0)
    idx = np.array([s.index for s in cands])
    rank = _ranks(cands)
    prior = 1.0 / (1.0 + rank) ** settings.decay
    centrality = _centrality(story)[idx]
    others = max(1, story.independent_count([a.id for a in story.analysed]) - 1)
    agree = np.array([
        story.independent_count(evidence.sources(s.index)) / others if evidence.support[s.index] else 0.0
        for s in cands
    ])
    return settings.position * prior + settings.centrality * centrality + settings.support * agree


def select(story: Story, evidence: Evidence, max_words: int, settings: Settings = Settings()) -> list[int]:
    """Sentence indices of the summary, in the order they were chosen (best first)."""
    cands = candidates(story)
    if not cands:
        return []
    scores = score(story, evidence, cands, settings)
    emb = story.embeddings
    has_emb = emb is not None and len(emb) == len(story.sentences)
    words = {s.index: content_words(s.text) for s in cands}
    lengths = {s.index: word_count(s.text) for s in cands}
    chosen: list[int] = []
    used = 0
    max_sim = np.zeros(len(cands))
    alive = np.ones(len(cands), dtype=bool)
    while alive.any():
        mmr = np.where(alive, scores - settings.redundancy * max_sim, -np.inf)
        k = int(mmr.argmax())
        alive[k] = False
        s = cands[k]
        if used + lengths[s.index] > max_words:
            continue
        if any(overlap(words[s.index], words[c]) >= settings.duplicate_overlap for c in chosen):
            continue
        chosen.append(s.index)
        used += lengths[s.index]
        if has_emb:
            sims = emb[[c.index for c in cands]] @ emb[s.index]
            max_sim = np.maximum(max_sim, sims)
            alive &= sims < settings.duplicate_cosine
    return chosen


def _ranks(cands: list[Sentence]) -> np.ndarray:
    """Position of each candidate among its own article's candidates (0 = lead)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for s in cands:  # story.sentences are in article order, so candidates are too
        out.append(seen[s.source])
        seen[s.source] += 1
    return np.array(out, dtype=float)


def _centrality(story: Story) -> np.ndarray:
    """Cosine of each sentence to the mean of the per-article centroids (long articles don't dominate)."""
    emb = story.embeddings
    if emb is None or len(emb) != len(story.sentences) or not len(emb):
        return np.zeros(len(story.sentences))
    by_source: dict[str, list[int]] = defaultdict(list)
    for s in story.sentences:
        by_source[s.source].append(s.index)
    centroids = np.stack([emb[rows].mean(axis=0) for rows in by_source.values()])
    centre = centroids.mean(axis=0)
    norm = float(np.linalg.norm(centre))
    return emb @ (centre / norm) if norm else np.zeros(len(emb))
