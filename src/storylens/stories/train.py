"""Learning the clusterer's pair model and thresholds from labelled streams (dev data only).

The pair model is a logistic regression over `cluster.FEATURES`, fitted on
(article, candidate story) pairs collected by replaying a labelled stream with
the gold stories ("teacher forcing"): every article meets the same kind of
candidates it will meet online. Thresholds are then chosen by grid search for
the best B-cubed F1 of the real online run.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from storylens.stories.cluster import OnlineClusterer, Params, cluster_stream
from storylens.stories.features import DocFeatures
from storylens.stories.metrics import bcubed


def pair_samples(docs: Sequence[DocFeatures], gold: Mapping[str, str],
                 params: Params | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and 0/1 labels of (article, candidate gold story) pairs along the stream."""
    clusterer = OnlineClusterer(params)
    xs, ys = [], []
    for doc in docs:
        for story in clusterer.candidates(doc):
            xs.append(clusterer.pair_features(doc, story))
            ys.append(1 if story.id == gold[doc.id] else 0)
        clusterer.absorb(doc, gold[doc.id])
    return np.array(xs), np.array(ys)


def fit_pair_model(streams: Sequence[tuple[Sequence[DocFeatures], Mapping[str, str]]],
                   base: Params | None = None) -> Params:
    """Logistic-regression weights and bias from several labelled streams."""
    from sklearn.linear_model import LogisticRegression

    parts = [pair_samples(docs, gold, base) for docs, gold in streams]
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    model = LogisticRegression(C=10.0, max_iter=2000).fit(x, y)
    return replace(base or Params(), weights=tuple(round(float(w), 4) for w in model.coef_[0]),
                   bias=round(float(model.intercept_[0]), 4))


def tune_thresholds(streams: Sequence[tuple[Sequence[DocFeatures], Mapping[str, str]]], params: Params,
                    joins: Sequence[float] = (0.3, 0.4, 0.5, 0.6),
                    merges: Sequence[float] = (0.7, 0.8, 0.9, 1.01)) -> tuple[Params, float]:
    """The join/merge thresholds with the best mean B-cubed F1 over the streams, and that F1."""
    best, best_f = params, -1.0
    for j, m in itertools.product(joins, merges):
        trial = replace(params, threshold=j, merge_threshold=m)
        f = float(np.mean([bcubed(cluster_stream(docs, trial), gold)[2] for docs, gold in streams]))
        if f > best_f:
            best, best_f = trial, f
    return best, best_f
