"""Fitted weights of the summary scorer: a ridge regression over the standardised features.

Written by `bench/summaries.py --fit` (do not edit by hand): fitted on the **tune** half of
both Multi-News samples only, target = each sentence's unigram + bigram ROUGE precision
against the reference, centred per story (so the model ranks within a story).
A score is sum(coef * (x - mean) / scale), in units of the target's standard deviation.

Two sets of every weight: one for ordinary text and one for text without letter case
(`regime.caseless`), where entity and proper-noun cues mean something else. How much each
fit counts the other regime's stories is `OTHER_REGIME_WEIGHT` in the bench script (chosen
by cross-validation: cased text on cased stories alone, caseless text on all of them).
"""

from __future__ import annotations

import numpy as np

from storylens.summarize.features import NAMES

WEIGHTS: dict[str, tuple[float, float, float]] = {  # feature: (mean, scale, coef)
    'lead': (0.187465, 0.201635, 0.011875),
    'first': (0.02591, 0.158866, 0.022285),
    'relpos': (0.478915, 0.283694, -0.085518),
    'para': (0.537211, 0.498613, -0.054252),
    'logw': (2.90019, 0.530023, -0.036887),
    'central': (0.435205, 0.152143, 0.046413),
    'agree': (0.022694, 0.120572, 0.097932),
    'cross': (0.391777, 0.17138, 0.011382),
    'keywords': (0.534612, 0.164712, 0.173484),
    'owncent': (0.500129, 0.144048, 0.093432),
    'degree': (0.201725, 0.075686, -0.009387),
    'ents': (0.061784, 0.068307, -0.038055),
    'nums': (0.242282, 0.428464, 0.006445),
    'quoted': (0.077306, 0.227914, 0.032638),
    'alone': (0.601709, 0.489546, -0.010564),
}
# Coverage (`storylens.summarize.coverage`): Poisson regression of how often the reference
# summary uses each word of the story, fitted by the same command on the same tune half.
# Expected count = exp(TOKEN_INTERCEPT + sum(coef * feature)), features unstandardised.
TOKEN_INTERCEPT = -0.68239
TOKEN_WEIGHTS: dict[str, float] = {
    'logtf': -0.020604,
    'dfshare': 0.02089,
    'df2': 0.237457,
    'stop': 0.195952,
    'pos': -0.598983,
    'first': 0.099257,
    'digit': 0.041559,
    'stop_logtf': 0.111031,
    'len': -0.438749,
    'content_logtf': -0.131635,
    'content_dfshare': 0.324207,
    'content_pos': -0.33944,
    'content_first': 0.009056,
    'dfshare2': -0.02061,
    'logtf2': 0.019197,
    'content_logtf_dfshare': 0.386873,
    'logshare': 0.712956,
    'content_logshare': -0.007541,
    'everywhere': -0.040963,
    'content_everywhere': -0.330756,
}

# The same for text without letter case (`regime.caseless`).
WEIGHTS_CASELESS: dict[str, tuple[float, float, float]] = {  # feature: (mean, scale, coef)
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
TOKEN_INTERCEPT_CASELESS = -0.931425
TOKEN_WEIGHTS_CASELESS: dict[str, float] = {
    'logtf': 0.075263,
    'dfshare': -0.408394,
    'df2': 0.328787,
    'stop': 0.678811,
    'pos': 0.033547,
    'first': 0.055611,
    'digit': -0.250477,
    'stop_logtf': 0.042856,
    'len': -0.64774,
    'content_logtf': 0.032407,
    'content_dfshare': 0.611546,
    'content_pos': -0.478212,
    'content_first': -0.010996,
    'dfshare2': -0.109854,
    'logtf2': 0.00788,
    'content_logtf_dfshare': 0.309791,
    'logshare': 0.841988,
    'content_logshare': -0.171016,
    'everywhere': 0.0637,
    'content_everywhere': -0.346459,
}


def score(matrix: np.ndarray, caseless: bool = False) -> np.ndarray:
    """One relevance score per row of a feature matrix (columns in `features.NAMES` order)."""
    weights = WEIGHTS_CASELESS if caseless else WEIGHTS
    mean, scale, coef = (np.array([weights[n][i] for n in NAMES]) for i in range(3))
    return ((matrix - mean) / scale) @ coef if len(matrix) else np.zeros(0)


def token_model(caseless: bool = False) -> tuple[float, dict[str, float]]:
    """Intercept and weights of the coverage model for the text's regime."""
    return (TOKEN_INTERCEPT_CASELESS, TOKEN_WEIGHTS_CASELESS) if caseless else (TOKEN_INTERCEPT, TOKEN_WEIGHTS)
