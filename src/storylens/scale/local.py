"""`--engine local`: the batch pipeline on a multiprocessing pool (the default; no extra install)."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from typing import Any

from storylens.scale.pipeline import (
    Result,
    batches,
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


def _featurize_one_thread(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """featurize in a pool worker with one torch thread: N processes × N threads oversubscribe N cores.

    The thread count is set after the encoder is loaded, because loading it sets its own.
    """
    import torch

    from storylens.nlp import sentence_encoder

    sentence_encoder()
    torch.set_num_threads(1)
    return featurize(records)


def run_local(corpus: str | Path, workers: int = 2) -> Result:
    """Cluster a corpus with `workers` processes (1: everything in this process)."""
    shards = list_shards(corpus)
    if workers <= 1:
        records, problems = read_all([read_shard(s) for s in shards])
        rows = [r for b in batches(records, BATCH) for r in featurize(b)]
        docs = to_docs(rows)
        stories = [s for g in blocks(docs) for s in cluster_block([docs[i] for i in g])]
        return Result(rows, finish(docs, stories), problems)
    ctx = mp.get_context("spawn")  # fork after torch has started threads can deadlock
    with ctx.Pool(workers) as pool:
        records, problems = read_all(pool.map(read_shard, shards))
        rows = [r for part in pool.map(_featurize_one_thread, list(batches(records, BATCH))) for r in part]
        docs = to_docs(rows)
        groups = [[docs[i] for i in g] for g in blocks(docs)]
        stories = [s for part in pool.map(cluster_block, groups) for s in part]
        # Let the workers exit rather than be terminated (what leaving `with` does): a worker killed skips
        # its finalizers, and the semaphore tqdm creates in it (sentence-transformers' encode) was then
        # reported at shutdown as "resource_tracker: ... 1 leaked semaphore objects".
        pool.close()
        pool.join()
    return Result(rows, finish(docs, stories), problems)
