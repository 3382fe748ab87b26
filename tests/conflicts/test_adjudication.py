"""The bench's hand labels of natural disagreements: well formed and matched by cluster + sorted side values."""

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
LABELS = BENCH / "data" / "conflicts_adjudication.jsonl"


def _bench():
    # bench/ is not a package on the test path; the script puts the repo root on sys.path itself
    spec = importlib.util.spec_from_file_location("conflicts_bench", BENCH / "conflicts.py")
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except FileNotFoundError:
        pytest.skip("needs shared/eval-data/conflicts-dev (the bench loads its scorer)", allow_module_level=True)
    return mod


conflicts_bench = _bench()


def test_every_label_is_real_or_noise_with_a_reason():
    rows = [json.loads(line) for line in LABELS.read_text().splitlines()]
    assert rows
    for row in rows:
        assert row["label"] in ("real", "noise"), row
        assert row["reason"].strip() and row["cluster_id"].startswith("dev-") and len(row["values"]) >= 2


def test_reports_match_labels_whatever_the_side_order_and_case(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"cluster_id": "dev-900", "kind": "count", "values": ["four", "two"], "label": "real", "reason": "x"},
        {"cluster_id": "dev-901", "kind": "weekday", "values": ["Monday", "Friday"], "label": "real", "reason": "x"},
        {"cluster_id": "dev-901", "kind": "weekday", "values": ["Friday", "Monday"], "label": "noise", "reason": "y"},
    ]))
    labels = conflicts_bench.load_labels(path)
    assert conflicts_bench.adjudicate("dev-900", {"sides": ["Two", "four"]}, labels) == "real"
    assert conflicts_bench.adjudicate("dev-901", {"sides": ["Monday", "Friday"]}, labels) == "noise"  # noise wins
    assert conflicts_bench.adjudicate("dev-900", {"sides": ["two", "three"]}, labels) == "unlabelled"
    assert conflicts_bench.adjudicate("dev-902", {"sides": ["four", "two"]}, labels) == "unlabelled"


def test_adjudicated_precision_counts_unlabelled_reports_as_noise():
    gold = [{"cluster_id": "dev-900", "type": "planted", "kind": "number", "original": "two", "planted": "three",
             "doc_changed": "d2"}]
    preds = {"dev-900": [
        {"values": ["two", "three"], "docs": ["d1", "d2"], "sides": ["two", "three"]},  # the planted pair
        {"values": ["four", "two"], "docs": ["d1", "d3"], "sides": ["four", "two"]},  # labelled real
        {"values": ["5", "6"], "docs": ["d1", "d3"], "sides": ["5", "6"]},  # no label
    ]}
    labels = {conflicts_bench.label_key("dev-900", ["two", "four"]): "real"}
    s = conflicts_bench.score(gold, preds, labels)
    assert s["precision"] == round(1 / 3, 3)
    assert s["adjudicated_precision"] == round(2 / 3, 3)
    assert s["planted_nonmatching"] == {"real": 1, "noise": 0, "unlabelled": 1}
