"""Learning the clusterer's pair model and thresholds from labelled streams (dev data only).

The pair model is a small ReLU network (or a logistic regression) over `cluster.FEATURES`,
fitted on (article, candidate story) pairs collected by replaying a labelled stream with
the gold stories ("teacher forcing"): every article meets the same kind of candidates it
will meet online. The network's weight decay is chosen by cross-validation grouped by
event (a topic's look-alike events stay in one fold), and several seeds are averaged (their
logits: one wider network, evaluated in numpy online). Thresholds are then chosen by grid
search of the real online run's B-cubed F1, in the middle of the best plateau rather than
at a peak.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from storylens.stories import mlp
from storylens.stories.cluster import FEATURES, OnlineClusterer, Params, cluster_stream
from storylens.stories.features import DocFeatures
from storylens.stories.metrics import bcubed


def pair_samples(docs: Sequence[DocFeatures], gold: Mapping[str, str],
                 params: Params | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and 0/1 labels of (article, candidate gold story) pairs along the stream."""
    x, y, _ = _pairs(docs, gold, params)
    return x, y


def _pairs(docs: Sequence[DocFeatures], gold: Mapping[str, str],
           params: Params | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """pair_samples plus each pair's article's gold story (for grouped cross-validation)."""
    clusterer = OnlineClusterer(params)
    xs, ys, gs = [], [], []
    for doc in docs:
        for story in clusterer.candidates(doc):
            xs.append(clusterer.pair_features(doc, story))
            ys.append(1 if story.id == gold[doc.id] else 0)
            gs.append(gold[doc.id])
        clusterer.absorb(doc, gold[doc.id])
    return np.array(xs).reshape(-1, len(FEATURES)), np.array(ys), gs


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
                   bias=round(float(model.intercept_[0]), 4), hidden=(), hidden_out=())


HIDDEN_UNITS = 16
SEEDS = 5
DECAY_GRID = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
# Features whose effect has a known direction (+1: can only raise "same story", -1: only lower it).
MONOTONE = {"time": 1, "gap": -1, "era_gap": -1, "years_cover": 1}


def fit_mlp_pair_model(streams: Sequence[tuple[Sequence[DocFeatures], Mapping[str, str]]],
                       base: Params | None = None, hidden: int = HIDDEN_UNITS, seeds: int = SEEDS,
                       decays: Sequence[float] = DECAY_GRID, folds: int = 5) -> tuple[Params, dict[float, float]]:
    """A ReLU pair network from several labelled streams, and the cross-validated loss of each weight decay.

    Each stream weighs the same in total. Folds are grouped by event, where an event's id
    prefix up to "_" names its topic (ECB+ "1_ecb" and "1_ecbplus" share a fold).
    """
    from sklearn.model_selection import GroupKFold

    parts = [_pairs(docs, gold, base) for docs, gold in streams]
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts]).astype(np.float64)
    src = np.concatenate([np.full(len(p[1]), i) for i, p in enumerate(parts)])
    groups = [f"{i}/{g.split('_')[0]}" for i, p in enumerate(parts) for g in p[2]]
    signs = [MONOTONE.get(name, 0) for name in FEATURES]
    loss: dict[float, float] = {}
    for decay in decays:
        pred = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=folds).split(x, y, groups):
            net = mlp.fit_ensemble(x[tr], y[tr], _stream_weights(src[tr]), hidden, decay, range(min(2, seeds)), signs)
            pred[te] = net.predict(x[te])
        loss[decay] = mlp.log_loss(pred, y, _stream_weights(src))
    best = min(loss, key=loss.__getitem__)
    net = mlp.fit_ensemble(x, y, _stream_weights(src), hidden, best, range(seeds), signs)

    def r(v: Sequence[float]) -> tuple[float, ...]:
        return tuple(round(float(a), 5) for a in v)

    return replace(base or Params(), weights=r(net.linear), bias=round(net.bias, 5),
                   hidden=tuple(r(row) for row in net.hidden), hidden_out=r(net.out)), loss


def _stream_weights(src: np.ndarray) -> np.ndarray:
    """Sample weights giving each stream the same total weight."""
    w = np.zeros(len(src))
    kinds = np.unique(src)
    for k in kinds:
        w[src == k] = len(src) / (len(kinds) * max(1, int(np.sum(src == k))))
    return w


def params_source(params: Params) -> str:
    """The learned values as the Python lines of `params.py` (weights, bias, hidden layer, thresholds)."""

    def row(values: Sequence[float], indent: str) -> str:
        text = "(" + ", ".join(f"{v:g}" for v in values) + ("," if len(values) == 1 else "") + ")"
        return textwrap.fill(text, 108, initial_indent=indent, subsequent_indent=indent + " ").strip()

    hidden = "".join(f"    {row(r, '    ')},\n" for r in params.hidden)
    return (f"WEIGHTS: tuple[float, ...] = {row(params.weights, ' ' * 29)}\nBIAS: float = {params.bias}\n"
            f"HIDDEN: tuple[tuple[float, ...], ...] = (\n{hidden})\n"
            f"HIDDEN_OUT: tuple[float, ...] = {row(params.hidden_out, ' ' * 32)}\n"
            f"JOIN_THRESHOLD: float = {params.threshold}\nMERGE_THRESHOLD: float = {params.merge_threshold}\n")


JOIN_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
MERGE_GRID = (0.4, 0.5, 0.6, 0.7, 1.01)


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
