"""Dense sentence embeddings (all-MiniLM-L6-v2), one batched call per story."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext

import numpy as np

from storylens.nlp.cache import LRU
from storylens.nlp.models import encoder_precision, sentence_encoder

DIM = 384
# ~60k sentences × 1.5 kB: a few hundred stories' worth, about 90 MB at most.
_CACHE: LRU[str, np.ndarray] = LRU(60_000)
# Texts go to the encoder sorted by length, and a batch is padded to its longest text: news sentences
# run from 5 to 120 word pieces, so batches of 64 were a third padding (the 50-article story: 66.8k
# padded tokens for 43.2k real ones; batches of 16: 48.5k). Measured there, one thread, CPU seconds
# (median of 3): 11.8 at 64, 9.8 at 32, 9.1-9.3 at 16, 10.5 at 8 (smaller products cost more per token).
# But in a brief the encoder shares the interpreter with spaCy and the nlp stage's other reading, and every batch's
# Python work waits for the GIL: there fewer, larger batches win. The 50-article story, whole brief, 6 paired runs
# (2026-12-07, Intel host): median 10.31 s at 16, 9.70 s at 48, 48 faster in every pair (32 and 64 in between).
BATCH_SIZE = 48


def embed(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """L2-normalised float32 embeddings, one row per text (cosine = dot product).

    Texts already encoded in this process come from a cache; the rest are encoded
    in one batch.
    """
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        hit = _CACHE.get(text)
        if hit is None:
            todo.setdefault(text, []).append(i)
        else:
            out[i] = hit
    if todo:
        fresh = list(todo)
        with _autocast():
            vecs = sentence_encoder().encode(fresh, batch_size=batch_size)
        for text, vec in zip(fresh, np.asarray(vecs, dtype=np.float32), strict=True):
            _CACHE.put(text, vec)
            out[todo[text]] = vec
    return out


def _autocast() -> AbstractContextManager[object]:
    """bf16 autocast where the CPU runs it natively (see `encoder_precision`); a no-op otherwise."""
    if encoder_precision() != "bf16":
        return nullcontext()
    import torch

    return torch.autocast("cpu", dtype=torch.bfloat16)


def clear_cache() -> None:
    _CACHE.clear()
