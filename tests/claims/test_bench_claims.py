"""bench/claims.py: its statistics, its ClaimDiff loading and its pair alignment (the last loads MiniLM)."""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench():
    # bench/ is not a package on the test path; the script puts src/ and bench/ on sys.path itself
    spec = importlib.util.spec_from_file_location("claims_bench", BENCH / "claims.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclass looks its module up while being defined
    spec.loader.exec_module(mod)
    return mod


claims_bench = _bench()


def test_matched_threshold_groups_the_same_share_of_positives():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.95])
    positive = np.array([True, True, True, True, False, False])
    t = claims_bench.matched_threshold(scores, positive, 0.5)
    assert t == 0.8 and (scores[positive] >= t).mean() == 0.5
    assert claims_bench.matched_threshold(scores, positive, 0.0) == float("inf")


def test_rate_and_topic_interval():
    hit = np.array([True, False, True, True, False, False])
    mask = np.array([True, True, True, True, True, False])
    stat = claims_bench.rate(hit, mask)
    assert stat(np.arange(6)) == pytest.approx(60.0)
    # one topic hits every time, the other never: resampled topics span the whole range
    lo, hi = claims_bench.topic_ci(["x", "x", "x", "y", "y", "y"], claims_bench.rate(np.array([1, 1, 1, 0, 0, 0]) > 0,
                                                                                   np.ones(6, bool)))
    assert lo == 0.0 and hi == 100.0
    # every topic alike: no spread
    assert claims_bench.topic_ci(["x", "y"], claims_bench.rate(np.array([True, True]), np.ones(2, bool))) == (100.0, 100.0)


def test_auc_ranks_and_refuses_one_class():
    assert claims_bench.auc(np.array([0.1, 0.9, 0.8]), np.array([False, True, True])) == 1.0
    assert np.isnan(claims_bench.auc(np.array([0.1, 0.9]), np.array([True, True])))


def test_both_files_label_the_same_pairs():
    if not (claims_bench.DATA / "ClaimDiff-weak-train.jsonl").exists():
        pytest.skip("needs shared/eval-data/claimdiff")
    pairs = claims_bench.load("train")
    counts = {c: sum(p.cls == c for p in pairs) for c in "WSN"}
    assert counts == {"W": 197, "S": 1287, "N": 373}
    assert len({p.topic for p in pairs}) == 93


@pytest.mark.slow
def test_pairs_are_aligned_the_way_the_brief_does():
    from storylens.nlp import embed

    pairs = [
        claims_bench.Pair("1", "t", "Regulators said the factory dumped toxic waste into the river last year.",
                          "The factory denied dumping toxic waste into the river last year.", "W"),
        claims_bench.Pair("2", "t", "The factory dumped toxic waste into the river last year, regulators said.",
                          "Regulators said the factory dumped toxic waste into the river in 2022.", "S"),
        claims_bench.Pair("3", "t", "Regulators said the factory dumped toxic waste into the river last year.",
                          "A rare comet will be visible from the northern hemisphere next week.", "N"),
    ]
    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    sc = claims_bench.score_pairs(pairs, dict(zip(texts, embed(texts), strict=True)))
    assert sc["score"][0] > 0.66 and sc["blocked"][0] and not sc["grouped"][0]  # alike, yet a denial
    assert sc["grouped"][1] and not sc["blocked"][1]
    assert not sc["grouped"][2] and sc["score"][2] < 0.66
