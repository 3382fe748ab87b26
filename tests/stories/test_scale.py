"""Batch clustering: local and Ray engines agree; a missing Ray gives a one-line install hint."""

from __future__ import annotations

import pytest
from story_inputs import ecb_records, write_jsonl

from storylens.cli import main
from storylens.scale import ray_engine
from storylens.scale.local import run_local
from storylens.stories.metrics import bcubed


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    recs = [r for r in ecb_records() if r["topic"] in (1, 3)][:24]
    folder = tmp_path_factory.mktemp("shards")
    write_jsonl(folder / "s0.jsonl", recs[::2])
    write_jsonl(folder / "s1.jsonl", recs[1::2])
    return folder, {r["id"]: r["cluster"] for r in recs}


@pytest.fixture(scope="module")
def local_result(shards):
    return run_local(shards[0], workers=1)


@pytest.mark.slow
def test_local_batch_finds_the_events(shards, local_result):
    _, gold = shards
    pred = local_result.assignments()
    assert set(pred) <= set(gold) and len(pred) >= 0.9 * len(gold)
    assert bcubed(pred, gold)[2] > 0.7


@pytest.mark.slow
def test_ray_gives_the_same_clusters_as_local(shards, local_result):
    if not ray_engine.ray_available():
        pytest.skip("ray is not installed (the `scale` extra: pip install storylens[scale])")
    got = ray_engine.run_ray(shards[0], workers=1)
    assert sorted(sorted(m) for m in got.stories) == sorted(sorted(m) for m in local_result.stories)


def test_ray_missing_is_a_one_line_hint(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(ray_engine, "ray_available", lambda: False)
    code = main(["cluster", str(tmp_path), "--engine", "ray", "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2 and "install storylens[scale]" in err and err.count("\n") == 1
