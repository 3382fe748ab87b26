"""The NeuS bench's hand-read sample: stable under small changes, and its labels well formed."""

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
REVIEW = BENCH / "data" / "neus_review.jsonl"


def _bench():
    # bench/ is not a package on the test path; the script puts the repo root on sys.path itself
    spec = importlib.util.spec_from_file_location("neus_bench", BENCH / "neus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


neus_bench = _bench()


def _conflict(event: str, *values: str) -> dict:
    return {"event": event, "kind": "count", "values": [{"value": v} for v in values]}


def test_every_label_is_real_or_noise_with_a_reason():
    rows = [json.loads(line) for line in REVIEW.read_text().splitlines()]
    assert len(rows) >= neus_bench.SAMPLE
    for row in rows:
        assert row["label"] in ("real", "noise"), row
        assert row["reason"].strip() and row["event"].startswith("allsides-") and len(row["values"]) >= 2


def test_the_sample_moves_by_one_when_one_conflict_goes():
    found = [_conflict(f"allsides-{n}", str(n), str(n + 1)) for n in range(60)]
    sample = neus_bench.stable_sample(found)
    assert len(sample) == neus_bench.SAMPLE
    without = neus_bench.stable_sample([c for c in found if c is not sample[3]])
    assert len({id(c) for c in sample} & {id(c) for c in without}) == neus_bench.SAMPLE - 1
    # the key ignores the order of the sides
    assert neus_bench.conflict_key(_conflict("e", "two", "five")) == neus_bench.conflict_key(_conflict("e", "five", "two"))
