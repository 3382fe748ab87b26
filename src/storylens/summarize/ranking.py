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
from storylens.summarize.text import acceptable, content_words, overlap, standalone, word_count

FALLBACK_PENALTY = 100.0  # larger than any score: fallback sentences come after all standalone ones


@dataclass(frozen=True)
class Settings:
    """Scoring weights.

    The defaults come from a random search (`bench/summaries.py --tune`) on the tuning half of
    both Multi-News samples only; nearby values score within noise of each other.
    """

    position: float = 0.5  # weight of the lead prior 1 / (1 + rank) ** decay
    decay: float = 0.7
    centrality: float = 1.0  # weight of cosine to the story centroid
    support: float = 1.0  # weight of the share of other independent sources that agree
    cross: float = 1.5  # weight of the mean best cosine to each other article (soft support)
    keywords: float = 1.0  # weight of the mean share of articles using each of the sentence's content words
    redundancy: float = 0.3  # MMR penalty on the max cosine to sentences already chosen
    duplicate_cosine: float = 0.8  # never pick two sentences closer than this
    duplicate_overlap: float = 0.7  # ... or sharing this share of content words


@dataclass(frozen=True)
class Features:
    """Per-candidate features, computed once per story (weights are applied in `score`)."""

    cands: list[Sentence]
    standalone: np.ndarray  # bool per candidate; the others are only a fallback
    prior_rank: np.ndarray
    centrality: np.ndarray
    agree: np.ndarray
    cross: np.ndarray
    keywords: np.ndarray


def candidates(story: Story) -> tuple[list[Sentence], np.ndarray]:
    """Sentences that may go into a summary, and which of them can stand alone.

    Sentences that lean on their context ("He said...", bare quotes, run-ons) are kept as
    a fallback, ranked after every standalone one: they only fill the budget of short stories.
    """
    cands = [s for s in story.sentences if acceptable(s.text) or standalone(s.text)]
    if not cands:
        cands = [s for s in story.sentences if word_count(s.text) >= 4]
    return cands, np.array([standalone(s.text) for s in cands], dtype=bool)


def features(story: Story, evidence: Evidence) -> Features:
    """Everything `score` weighs, for every candidate of the story."""
    cands, alone = candidates(story)
    idx = np.array([s.index for s in cands], dtype=int)
    others = max(1, story.independent_count([a.id for a in story.analysed]) - 1)
    agree = np.array([
        story.independent_count(evidence.sources(s.index)) / others if evidence.support[s.index] else 0.0
        for s in cands
    ])
    return Features(cands, alone, _ranks(cands), _centrality(story)[idx] if len(idx) else np.zeros(0), agree,
                    _cross_support(story)[idx] if len(idx) else np.zeros(0), _keywords(story, cands))


def score(feats: Features, settings: Settings) -> np.ndarray:
    """One relevance score per candidate sentence."""
    prior = 1.0 / (1.0 + feats.prior_rank) ** settings.decay
    relevance = (settings.position * prior + settings.centrality * feats.centrality + settings.support * feats.agree
                 + settings.cross * feats.cross + settings.keywords * feats.keywords)
    return relevance - FALLBACK_PENALTY * ~feats.standalone


def select(story: Story, evidence: Evidence, max_words: int, settings: Settings | None = None,
           feats: Features | None = None) -> list[int]:
    """Sentence indices of the summary, in the order they were chosen (best first)."""
    settings = settings or Settings()
    feats = feats or features(story, evidence)
    cands = feats.cands
    if not cands:
        return []
    scores = score(feats, settings)
    emb = story.embeddings
    has_emb = emb is not None and len(emb) == len(story.sentences)
    cand_emb = emb[[c.index for c in cands]] if has_emb else None
    words = {s.index: content_words(s.text) for s in cands}
    lengths = {s.index: word_count(s.text) for s in cands}
    chosen: list[int] = []
    said_same: set[int] = set()  # chosen sentences and the sentences that support them
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
        # A sentence another source uses to say the same thing as a chosen one adds nothing.
        if any(c in said_same for c in evidence.support[s.index].values()):
            continue
        chosen.append(s.index)
        said_same.add(s.index)
        said_same.update(evidence.support[s.index].values())
        used += lengths[s.index]
        if cand_emb is not None:
            sims = cand_emb @ emb[s.index]
            max_sim = np.maximum(max_sim, sims)
            alive &= sims < settings.duplicate_cosine
    return chosen


def _cross_support(story: Story) -> np.ndarray:
    """Mean over the other articles of the best cosine to one of their sentences (0 with one article)."""
    emb = story.embeddings
    n = len(story.sentences)
    if emb is None or len(emb) != n or not n:
        return np.zeros(n)
    sources = np.array([s.source for s in story.sentences], dtype=object)
    names = list(dict.fromkeys(sources.tolist()))
    if len(names) < 2:
        return np.zeros(n)
    sim = emb @ emb.T
    best = np.stack([np.where(sources == name, sim, -1.0).max(axis=1) for name in names], axis=1)
    own = np.array([names.index(x) for x in sources])
    best[np.arange(n), own] = 0.0
    return best.sum(axis=1) / (len(names) - 1)


def _keywords(story: Story, cands: list[Sentence]) -> np.ndarray:
    """Mean share of articles that use each content word of the sentence: words the whole story shares."""
    per_source: dict[str, set[str]] = defaultdict(set)
    for s in story.sentences:
        per_source[s.source] |= content_words(s.text)
    n = max(1, len(per_source))
    df: dict[str, int] = defaultdict(int)
    for vocab in per_source.values():
        for w in vocab:
            df[w] += 1
    out = []
    for s in cands:
        ws = content_words(s.text)
        out.append(sum(df[w] for w in ws) / (n * len(ws)) if ws else 0.0)
    return np.array(out)


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
