"""Learned clustering parameters.

Produced by `bench/stories.py --tune` on the DEV half of the ECB+ topics only
(logistic regression on article-vs-story pair features, then a grid search of
the join and merge thresholds for B-cubed F1, taken in the middle of the best
plateau). Copy the printed values here.
"""

from __future__ import annotations

# Order of the pair features: see storylens.stories.cluster.FEATURES.
WEIGHTS: tuple[float, ...] = (4.2984, 1.9958, 9.2764, 4.5358, 2.5399, 2.3686, 2.5849)
BIAS: float = -9.8229
JOIN_THRESHOLD: float = 0.4
MERGE_THRESHOLD: float = 0.5
WINDOW_DAYS: int = 30
TAU_DAYS: float = 5.0
TOP_K: int = 10
