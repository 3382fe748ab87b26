"""Fitted weights of the summary scorer: a ridge regression over the standardised features.

Written by `bench/summaries.py --fit` (do not edit by hand): fitted on the **tune** half of
both Multi-News samples only, target = each sentence's unigram + bigram ROUGE precision
against the reference, centred per story (so the model ranks within a story).
A score is sum(coef * (x - mean) / scale), in units of the target's standard deviation.
"""

from __future__ import annotations

import numpy as np

from storylens.summarize.features import NAMES

WEIGHTS: dict[str, tuple[float, float, float]] = {  # feature: (mean, scale, coef)
    'lead': (0.300046, 0.264706, -0.049122),
    'first': (0.069951, 0.255064, 0.0033),
    'relpos': (0.45689, 0.285143, -0.110927),
    'para': (0.374548, 0.484006, -0.003978),
    'logw': (2.934256, 0.54313, -0.048997),
    'central': (0.479685, 0.157667, 0.116062),
    'agree': (0.03555, 0.161777, 0.094551),
    'cross': (0.409264, 0.180346, 0.003147),
    'keywords': (0.551804, 0.17009, 0.128024),
    'owncent': (0.549482, 0.150819, -0.016298),
    'degree': (0.22568, 0.090396, 0.012106),
    'ents': (0.053285, 0.063011, -0.023044),
    'nums': (0.254023, 0.435311, -0.020621),
    'quoted': (0.066563, 0.205815, 0.043315),
    'alone': (0.573892, 0.49451, -0.013303),
}

# Coverage (`storylens.summarize.coverage`): Poisson regression of how often the reference
# summary uses each word of the story, fitted by the same command on the same tune half.
# Expected count = exp(TOKEN_INTERCEPT + sum(coef * feature)), features unstandardised.
TOKEN_INTERCEPT = -0.939751
TOKEN_WEIGHTS: dict[str, float] = {
    'logtf': 0.077224,
    'dfshare': -0.432372,
    'df2': 0.331978,
    'stop': 0.696434,
    'pos': 0.035904,
    'first': 0.055819,
    'digit': -0.250042,
    'stop_logtf': 0.046157,
    'len': -0.650091,
    'content_logtf': 0.031067,
    'content_dfshare': 0.655765,
    'content_pos': -0.47603,
    'content_first': -0.011668,
    'dfshare2': -0.123109,
    'logtf2': 0.007171,
    'content_logtf_dfshare': 0.312002,
    'logshare': 0.841631,
    'content_logshare': -0.171463,
    'everywhere': 0.080926,
    'content_everywhere': -0.365632,
}


def score(matrix: np.ndarray) -> np.ndarray:
    """One relevance score per row of a feature matrix (columns in `features.NAMES` order)."""
    mean, scale, coef = (np.array([WEIGHTS[n][i] for n in NAMES]) for i in range(3))
    return ((matrix - mean) / scale) @ coef if len(matrix) else np.zeros(0)
