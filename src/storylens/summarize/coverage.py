"""Word coverage: how many times a good summary of the story is expected to use each word.

A per-sentence score cannot see that two chosen sentences spend the budget on the same
words. Here every word of the story gets an expected count in a reference summary, from
how often and how widely the articles use it, how early it first appears and whether it is
a stop word (a Poisson regression fitted on Multi-News, `weights.TOKEN_WEIGHTS`). During
selection a sentence then earns credit only for the expected uses it still covers, per word
of budget. All features are case-blind: words are lower-cased first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from storylens.models import Sentence, Story

_TOKEN = re.compile(r"[a-z0-9]+")

TOKEN_NAMES = (
    "logtf",  # log(1 + uses in the whole story)
    "dfshare",  # share of the articles that use it
    "df2",  # used by at least two articles
    "stop",  # a stop word
    "pos",  # earliest relative position of a sentence using it (0 = some article's lead)
    "first",  # in some article's first sentence
    "digit",  # a number
    "stop_logtf",
    "len",  # characters, capped at 10, / 10
    "content_logtf",  # the same features for content words only
    "content_dfshare",
    "content_pos",
    "content_first",
    "dfshare2",
    "logtf2",
    "content_logtf_dfshare",
    "logshare",  # log of its share of the story's words (x 300, a summary's length)
    "content_logshare",
    "everywhere",  # used by every article
    "content_everywhere",
)


@lru_cache(maxsize=65536)
def _fold(token: str) -> str:
    # A crude plural fold, so "officials" covers "official" as ROUGE's stemmer would.
    return token[:-1] if len(token) > 4 and token.endswith("s") and not token.endswith("ss") else token


def tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric words, plurals folded: the units coverage is counted in."""
    return [_fold(t) for t in _TOKEN.findall(text.lower())]


def token_features(story: Story) -> tuple[list[str], np.ndarray]:
    """Every distinct word of the story and its feature row (columns in `TOKEN_NAMES` order)."""
    per_source: dict[str, Counter[str]] = {}
    earliest: dict[str, float] = {}
    lead_words: set[str] = set()
    sizes = Counter(s.source for s in story.sentences)
    seen: Counter[str] = Counter()
    for s in story.sentences:  # in article order
        rank = seen[s.source]
        seen[s.source] += 1
        words = tokens(s.text)
        per_source.setdefault(s.source, Counter()).update(words)
        for w in words:
            earliest[w] = min(earliest.get(w, 1.0), rank / sizes[s.source])
        if rank == 0:
            lead_words.update(words)
    tf: Counter[str] = Counter()
    df: Counter[str] = Counter()
    for counts in per_source.values():
        tf.update(counts)
        df.update(counts.keys())
    n, total = max(1, len(per_source)), max(1, sum(tf.values()))
    vocab = list(tf)
    rows = []
    for w in vocab:
        ltf, share, pos, first = math.log1p(tf[w]), df[w] / n, earliest[w], float(w in lead_words)
        stop = float(w in STOP_WORDS)
        content = 1.0 - stop
        logshare = math.log(tf[w] / total * 300 + 1e-3)
        everywhere = float(df[w] == n)
        rows.append([
            ltf, share, float(df[w] >= 2), stop, pos, first, float(w.isdigit()), stop * ltf,
            min(len(w), 10) / 10, content * ltf, content * share, content * pos, content * first,
            share * share, ltf * ltf, content * ltf * share, logshare, content * logshare, everywhere,
            content * everywhere,
        ])
    return vocab, np.array(rows, dtype=float).reshape(len(vocab), len(TOKEN_NAMES))


def expected_counts(story: Story) -> dict[str, float]:
    """Each word's expected number of uses in a summary of the story (Poisson mean)."""
    from storylens.summarize.weights import TOKEN_INTERCEPT, TOKEN_WEIGHTS

    vocab, matrix = token_features(story)
    if not vocab:
        return {}
    coef = np.array([TOKEN_WEIGHTS[n] for n in TOKEN_NAMES])
    return dict(zip(vocab, np.exp(np.clip(matrix @ coef + TOKEN_INTERCEPT, -30, 10)).tolist(), strict=True))


class Coverage:
    """Expected uses covered so far; a candidate's gain is what it would still add, per word of budget."""

    def __init__(self, story: Story, cands: list[Sentence], expected: dict[str, float] | None = None) -> None:
        self._expected = expected_counts(story) if expected is None else expected
        self._counts = [Counter(tokens(s.text)) for s in cands]
        self._lengths = np.array([max(1, len(s.text.split())) for s in cands], dtype=float)
        self._covered: Counter[str] = Counter()

    def gains(self, alive: np.ndarray) -> np.ndarray:
        out = np.zeros(len(self._counts))
        for k in np.flatnonzero(alive):
            gain = 0.0
            for w, v in self._counts[k].items():
                cap, have = self._expected.get(w, 0.0), self._covered[w]
                gain += max(0.0, min(have + v, cap) - min(have, cap))
            out[k] = gain / self._lengths[k]
        return out

    def add(self, k: int) -> None:
        self._covered.update(self._counts[k])
