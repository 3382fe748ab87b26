"""Batch story clustering of a large corpus, on a local process pool or on Ray (the `scale` extra)."""

from __future__ import annotations

from pathlib import Path

from storylens.errors import ConfigError
from storylens.scale.pipeline import Result

ENGINES = ("local", "ray")


def run(corpus: str | Path, engine: str = "local", workers: int = 2) -> Result:
    """Cluster every article of the corpus's JSONL/WARC shards into stories."""
    if engine == "local":
        from storylens.scale.local import run_local

        return run_local(corpus, workers)
    if engine == "ray":
        from storylens.scale.ray_engine import run_ray

        return run_ray(corpus, workers)
    raise ConfigError(f"unknown engine {engine!r} (choose {' or '.join(ENGINES)})")


__all__ = ["ENGINES", "Result", "run"]
