"""`--engine ray`: the same batch pipeline as a Ray Data job (needs `pip install storylens[scale]`).

Shards are read by Ray tasks, features are computed with `map_batches` by a
callable class (so each actor loads the NLP models once), blocks are clustered
by Ray tasks, and stories are merged across blocks on the driver. With
RAY_ADDRESS set, `ray.init()` joins that cluster; otherwise a local Ray with
`workers` CPUs is started.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from storylens.errors import ConfigError
from storylens.scale.pipeline import (
    Result,
    blocks,
    cluster_block,
    featurize,
    finish,
    list_shards,
    read_all,
    read_shard,
    to_docs,
)

BATCH = 64
INSTALL_HINT = "the ray engine needs Ray: install storylens[scale] (pip install 'storylens[scale]')"


def ray_available() -> bool:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


class _Featurizer:
    """Ray Data actor: the models load once per actor, when it starts."""

    def __init__(self) -> None:
        import torch

        from storylens.nlp import sentence_encoder, spacy_pipeline

        spacy_pipeline()
        sentence_encoder()
        torch.set_num_threads(1)  # after loading: the loader sets its own thread count

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        keys = list(batch.keys())
        n = len(batch[keys[0]]) if keys else 0
        records = [{k: _plain(batch[k][i]) for k in keys} for i in range(n)]
        rows = featurize(records)
        return {k: [r[k] for r in rows] for k in rows[0]} if rows else batch


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") and getattr(value, "shape", None) == () else value


def run_ray(corpus: str | Path, workers: int = 2) -> Result:
    """Cluster a corpus on Ray with `workers` featurizer actors."""
    if not ray_available():
        raise ConfigError(INSTALL_HINT)
    import ray

    shards = list_shards(corpus)
    started = False
    if not ray.is_initialized():
        if os.environ.get("RAY_ADDRESS"):
            ray.init(log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
        started = True
    try:
        read = ray.remote(read_shard)
        records, problems = read_all(ray.get([read.remote(s) for s in shards]))
        if not records:
            return Result([], [], problems)
        order = {r["id"]: i for i, r in enumerate(records)}
        ds = ray.data.from_items(records).map_batches(
            _Featurizer, batch_size=BATCH, concurrency=max(1, workers), num_cpus=1, batch_format="numpy")
        rows = sorted((_row(r) for r in ds.take_all()), key=lambda r: order[r["id"]])
        docs = to_docs(rows)
        task = ray.remote(cluster_block)
        groups = [[docs[i] for i in g] for g in blocks(docs)]
        stories = [s for part in ray.get([task.remote(g) for g in groups]) for s in part]
        return Result(rows, finish(docs, stories), problems)
    finally:
        if started:
            ray.shutdown()


def _row(r: dict[str, Any]) -> dict[str, Any]:
    out = {k: _plain(v) for k, v in r.items()}
    vec = out["vector"]
    out["vector"] = vec.tolist() if hasattr(vec, "tolist") else list(vec)
    return out
