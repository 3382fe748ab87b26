"""Run the real `storylens` CLI with the NLP models swapped for cheap stand-ins.

Usage: python tests/faults/lite_cli.py ingest INPUT --db DB   (any storylens arguments)

Fault injection kills `storylens ingest` hundreds of times; with the models, each
run would spend ~10 s loading spaCy and MiniLM and almost every kill would land
there, far from the database writes we want to interrupt. This keeps everything
from the readers to the store (the clusterer, transactions, dedup) and replaces
only `extract_features` (hashed word-pair vectors instead of MiniLM, capitalised
words instead of NER) and language detection. A few kills of the real CLI, with
the models, run as well (marked slow in the tests).

Environment hooks, for the disk-full scenario:
  STORYLENS_FSIZE_LIMIT=BYTES   cap the size of any file this process writes
                                (RLIMIT_FSIZE, with SIGXFSZ ignored so write() fails with EFBIG
                                as on a full disk instead of killing the process).
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import sys
from collections.abc import Iterable, Sequence

import numpy as np

from storylens.models import Article
from storylens.stories import features as feats

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})*")


def _vector(terms: dict[str, int]) -> np.ndarray:
    """A hashed bag of terms: similar texts get similar vectors, like an embedding would."""
    vec = np.zeros(feats.DIM, np.float32)
    for term, count in terms.items():
        digest = hashlib.blake2b(term.encode(), digest_size=8).digest()
        idx = int.from_bytes(digest[:4], "little") % feats.DIM
        vec[idx] += (1.0 if digest[4] & 1 else -1.0) * count
    norm = float(np.linalg.norm(vec))
    if norm == 0:
        vec[0], norm = 1.0, 1.0
    return vec / norm


def lite_features(articles: Sequence[Article], batch_size: int = 32) -> list[feats.DocFeatures]:
    """What `extract_features` returns, computed without the models."""
    out = []
    for a in articles:
        terms = dict(feats.terms_of(feats.body_text(a), feats.MAX_TERMS))
        names: dict[str, int] = {}
        for name in _CAPITALISED.findall(feats.lede_text(a, feats.NER_CHARS)):
            for key in feats.name_keys(name, "PERSON"):
                names[key] = names.get(key, 0) + 1
        day = a.published_date
        out.append(feats.DocFeatures(id=a.id, vector=_vector(terms), entities=names, terms=terms,
                                     day=day.toordinal() if day else None))
    return out


def no_languages(articles: Iterable[Article]) -> list[Article]:
    return list(articles)


def main(argv: list[str]) -> int:
    limit = os.environ.get("STORYLENS_FSIZE_LIMIT")
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
    from storylens.clean import language
    from storylens.cli import main as cli_main

    feats.extract_features = lite_features  # type: ignore[assignment]
    language.mark_languages = no_languages  # type: ignore[assignment]
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
