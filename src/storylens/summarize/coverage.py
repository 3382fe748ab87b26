"""Word coverage: how many times a good summary of the story is expected to use each word.

A per-sentence score cannot see that two chosen sentences spend the budget on the same
words. Here every word of the story gets an expected count in a reference summary, from
how often and how widely the articles use it, how early it first appears and whether it is
a stop word (a Poisson regression fitted on Multi-News, `weights.token_model`, one per case regime). During
selection a sentence then earns credit only for the expected uses it still covers, per word
of budget. All features are case-blind: words are lower-cased first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

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


def expected_counts(story: Story, caseless_text: bool | None = None) -> dict[str, float]:
    """Each word's expected number of uses in a summary of the story (Poisson mean).

    `caseless_text`: the story's case regime when the caller has already read it (`regime.caseless`).
    """
    from storylens.summarize.regime import caseless
    from storylens.summarize.weights import token_model

    vocab, matrix = token_features(story)
    if not vocab:
        return {}
    intercept, weights = token_model(caseless(story) if caseless_text is None else caseless_text)
    coef = np.array([weights[n] for n in TOKEN_NAMES])
    return dict(zip(vocab, np.exp(np.clip(matrix @ coef + intercept, -30, 10)).tolist(), strict=True))


def word_matrix(counts: Sequence[Counter[str]], expected: dict[str, float]) -> tuple[Any, np.ndarray]:
    """Candidates x words: a sparse (CSR) matrix of each candidate's word counts, and each word's
    expected count in a reference summary (column order)."""
    from scipy.sparse import csr_matrix

    column: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for k, c in enumerate(counts):
        for w, v in c.items():
            rows.append(k)
            cols.append(column.setdefault(w, len(column)))
            vals.append(float(v))
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(counts), len(column)))
    return matrix, np.array([expected.get(w, 0.0) for w in column], dtype=float)


class Coverage:
    """Expected uses covered so far; a candidate's gain is what it would still add, per word of budget.

    With `have` uses of a word covered and `cap` expected, `v` more uses add
    min(have + v, cap) - min(have, cap) = min(v, max(0, cap - have)): one sparse pass over
    the candidates' word counts per step instead of a Python loop over every word.
    """

    def __init__(self, story: Story, cands: list[Sentence], expected: dict[str, float] | None = None) -> None:
        expected = expected_counts(story) if expected is None else expected
        self._matrix, self._remaining = word_matrix([Counter(tokens(s.text)) for s in cands], expected)
        self._lengths = np.array([max(1, len(s.text.split())) for s in cands], dtype=float)

    def gains(self, alive: np.ndarray) -> np.ndarray:
        from scipy.sparse import csr_matrix

        m = self._matrix
        added = np.minimum(m.data, self._remaining[m.indices])
        per_row = np.asarray(csr_matrix((added, m.indices, m.indptr), shape=m.shape).sum(axis=1)).ravel()
        return np.where(alive, per_row / self._lengths, 0.0)

    def add(self, k: int) -> None:
        m = self._matrix
        cols = m.indices[m.indptr[k]:m.indptr[k + 1]]
        self._remaining[cols] = np.maximum(0.0, self._remaining[cols] - m.data[m.indptr[k]:m.indptr[k + 1]])
