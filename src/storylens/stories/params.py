"""Learned clustering parameters.

Produced by `bench/stories.py --tune` on the DEV half of the ECB+ topics only
(logistic regression on article-vs-story pair features, then a grid search of
the join and merge thresholds for B-cubed F1). Copy the printed values here.
"""

from __future__ import annotations

# Order of the pair features: see storylens.stories.cluster.FEATURES.
WEIGHTS: tuple[float, ...] = (3.9398, 1.7035, 8.7603, 5.9838, 1.5608, 2.3266, 2.523)
BIAS: float = -9.6191
JOIN_THRESHOLD: float = 0.4
MERGE_THRESHOLD: float = 0.7
WINDOW_DAYS: int = 30
TAU_DAYS: float = 5.0
TOP_K: int = 10
