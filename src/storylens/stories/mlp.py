"""A small ReLU network for the pair model, trained with L-BFGS on a weighted log loss (training time only).

Kept in numpy + scipy so the learned weights are plain numbers (pinned in `params.py`) and the
online path evaluates them with two matrix products, no scikit-learn at run time.

The logit is a linear term over all features plus the hidden units' output. Features with a known
direction (a larger time or era gap can only count against "same story", shared years only for it)
enter through the linear term alone, with the sign of their weight bounded: a free network learned
that a five-year era gap made about a fifth of the plausible ECB+ dev pairs MORE likely.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from scipy.optimize import minimize


class Net:
    """Raw-feature weights: linear (one per feature), hidden rows (weights then bias), output weights, bias."""

    def __init__(self, linear: np.ndarray, hidden: np.ndarray, out: np.ndarray, bias: float) -> None:
        self.linear, self.hidden, self.out, self.bias = linear, hidden, out, bias

    def predict(self, x: np.ndarray) -> np.ndarray:
        h = np.maximum(x @ self.hidden[:, :-1].T + self.hidden[:, -1], 0.0)
        return _sigmoid(x @ self.linear + h @ self.out + self.bias)


def fit_one(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: int, decay: float, seed: int,
            signs: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """One network on standardised inputs: weighted mean log loss + decay/2 * squared weights.

    `signs[i]` is 0 for a free feature, +1 / -1 for one whose linear weight must be >= 0 / <= 0
    (and which the hidden units do not see).
    """
    f = x.shape[1]
    rng = np.random.default_rng(seed)
    cut = np.cumsum([f, hidden * f, hidden, hidden])
    sign = np.asarray(signs)
    w1_0 = rng.normal(scale=np.sqrt(2 / f), size=(hidden, f))
    w1_0 = np.where(sign == 0, w1_0, sign * np.abs(w1_0))
    theta0 = np.concatenate([np.zeros(f), w1_0.ravel(), np.full(hidden, 0.01),
                             np.abs(rng.normal(scale=np.sqrt(1 / hidden), size=hidden)), [0.0]])
    directed = [(0.0, None) if s > 0 else (None, 0.0) if s < 0 else (None, None) for s in sign]
    # Output weights >= 0 and each unit's directed weights of the feature's sign: the logit then moves
    # with a directed feature the one way only, whatever the other features.
    bounds = directed + directed * hidden + [(None, None)] * hidden + [(0.0, None)] * hidden + [(None, None)]
    total = float(w.sum())

    def unpack(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
        lin, w1, b1, w2, b2 = np.split(theta, cut)
        return lin, w1.reshape(hidden, f), b1, w2, float(b2[0])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        lin, w1, b1, w2, b2 = unpack(theta)
        a = x @ w1.T + b1
        h = np.maximum(a, 0.0)
        p = _sigmoid(x @ lin + h @ w2 + b2)
        value = log_loss(p, y, w) + 0.5 * decay * float(np.sum(lin ** 2) + np.sum(w1 ** 2) + np.sum(w2 ** 2))
        dz = w * (p - y) / total
        dh = np.outer(dz, w2) * (a > 0)
        grad = np.concatenate([x.T @ dz + decay * lin, (dh.T @ x + decay * w1).ravel(), dh.sum(0),
                               h.T @ dz + decay * w2, [dz.sum()]])
        return value, grad

    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 400})
    return unpack(res.x)


def fit_ensemble(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: int, decay: float,
                 seeds: Iterable[int], signs: Sequence[int]) -> Net:
    """Networks from several seeds as one: linear terms averaged, hidden layers side by side, outputs averaged.

    Inputs are standardised for training; the scaling is folded into the weights so the result
    takes raw pair features (dividing by a positive scale keeps every weight's sign).
    """
    mu, sd = x.mean(0), x.std(0)
    sd = np.where(sd < 1e-9, 1.0, sd)
    nets = [fit_one((x - mu) / sd, y, w, hidden, decay, s, signs) for s in seeds]
    k = len(nets)
    linear = sum(n[0] for n in nets) / sd / k
    rows = []
    for _, w1, b1, _, _ in nets:
        raw = w1 / sd
        rows.append(np.hstack([raw, (b1 - raw @ mu)[:, None]]))
    bias = float(np.mean([n[4] for n in nets])) - float(linear @ mu)
    return Net(linear, np.vstack(rows), np.concatenate([n[3] / k for n in nets]), bias)


def log_loss(p: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """Weighted mean log loss."""
    eps = 1e-12
    return float(-np.sum(w * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) / np.sum(w))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))
