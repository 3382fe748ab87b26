"""Clustering scores: B-cubed and pairwise precision/recall/F1 over (item -> cluster) maps."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998) over the items of `gold`."""
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0, 0.0
    joint = Counter((pred[i], gold[i]) for i in items)
    psize = Counter(pred[i] for i in items)
    gsize = Counter(gold[i] for i in items)
    p = sum(joint[(pred[i], gold[i])] / psize[pred[i]] for i in items) / len(items)
    r = sum(joint[(pred[i], gold[i])] / gsize[gold[i]] for i in items) / len(items)
    return p, r, _f1(p, r)


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of items put in the same cluster."""
    items = [i for i in gold if i in pred]

    def pairs(labels: Mapping[str, str]) -> int:
        sizes = Counter(labels[i] for i in items)
        return sum(n * (n - 1) // 2 for n in sizes.values())

    joint = defaultdict(int)
    for i in items:
        joint[(pred[i], gold[i])] += 1
    tp = sum(n * (n - 1) // 2 for n in joint.values())
    np_, ng = pairs(pred), pairs(gold)
    p = tp / np_ if np_ else 1.0
    r = tp / ng if ng else 1.0
    return p, r, _f1(p, r)
