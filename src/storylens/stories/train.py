"""Learning the clusterer's pair model and thresholds from labelled streams (dev data only).

The pair model is a logistic regression over `cluster.FEATURES`, fitted on
(article, candidate story) pairs collected by replaying a labelled stream with
the gold stories ("teacher forcing"): every article meets the same kind of
candidates it will meet online. Thresholds are then chosen by grid search of the
real online run's B-cubed F1, in the middle of the best plateau rather than at a peak.
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
    # Each stream weighs the same in total, so a long stream does not drown a short one.
    w = np.concatenate([np.full(len(p[1]), len(y) / (len(parts) * max(1, len(p[1])))) for p in parts])
    model = LogisticRegression(C=10.0, max_iter=5000).fit(x, y, sample_weight=w)
    return replace(base or Params(), weights=tuple(round(float(w), 4) for w in model.coef_[0]),
                   bias=round(float(model.intercept_[0]), 4))


JOIN_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
MERGE_GRID = (0.5, 0.6, 0.7, 0.8, 1.01)


def sweep(streams: Sequence[tuple[Sequence[DocFeatures], Mapping[str, str]]], params: Params,
          joins: Sequence[float] = JOIN_GRID, merges: Sequence[float] = MERGE_GRID) -> dict[tuple[float, float], float]:
    """Mean B-cubed F1 over the streams for every (join, merge) threshold pair."""
    out = {}
    for j, m in itertools.product(joins, merges):
        trial = replace(params, threshold=j, merge_threshold=m)
        out[(j, m)] = float(np.mean([bcubed(cluster_stream(docs, trial), gold)[2] for docs, gold in streams]))
    return out


def tune_thresholds(streams: Sequence[tuple[Sequence[DocFeatures], Mapping[str, str]]], params: Params,
                    joins: Sequence[float] = JOIN_GRID,
                    merges: Sequence[float] = MERGE_GRID) -> tuple[Params, float]:
    """The join/merge thresholds in the middle of the best plateau, and the F1 there.

    Each grid point is scored by the mean F1 of itself and its neighbouring join
    thresholds: a sharp peak on the dev data rarely survives new data, a plateau does.
    """
    f1 = sweep(streams, params, joins, merges)
    best, best_s = (joins[0], merges[0]), -1.0
    for m in merges:
        for i, j in enumerate(joins):
            near = [f1[(joins[k], m)] for k in range(max(0, i - 1), min(len(joins), i + 2))]
            s = float(np.mean(near))
            if s > best_s:
                best, best_s = (j, m), s
    return replace(params, threshold=best[0], merge_threshold=best[1]), f1[best]
