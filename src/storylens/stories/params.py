"""Learned clustering parameters.

Produced by `bench/stories.py --tune` on the DEV halves only: the ECB+ dev topics (look-alike events,
mostly undated) and the dev stories of the Multi-News + NeuS mixed stream (many unrelated events in the
same weeks), each stream weighing the same (logistic regression on article-vs-story pair features, then
a grid search of the join and merge thresholds for the mean B-cubed F1 of the two streams, taken in the
middle of the best plateau). Copy the printed values here.
"""

from __future__ import annotations

# Order of the pair features: see storylens.stories.cluster.FEATURES.
WEIGHTS: tuple[float, ...] = (4.3889, 0.5257, 4.3469, 6.4073, 0.6863, -0.2522, 0.7171, 4.9417, 4.5579, 3.372, 1.4066,
                              -1.7768, 3.001, -0.5474, 5.1249, -2.5676, -5.2132, -1.9594, -0.7542, 1.7497)
BIAS: float = -7.3475
JOIN_THRESHOLD: float = 0.4
MERGE_THRESHOLD: float = 0.5
# A story stays a candidate for a year after its last dated article: the "gap" and "era" features,
# not a hard cut, decide how far apart in time one story may run.
WINDOW_DAYS: int = 365
TAU_DAYS: float = 5.0
TOP_K: int = 10
