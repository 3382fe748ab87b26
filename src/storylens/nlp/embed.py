"""Dense sentence embeddings (all-MiniLM-L6-v2), one batched call per story."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storylens.nlp.models import sentence_encoder


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """L2-normalised float32 embeddings, one row per text (cosine = dot product)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = sentence_encoder()
    vecs = model.encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False,
        convert_to_numpy=True,
    )
    return np.asarray(vecs, dtype=np.float32)
