"""Sentences, mentions and their embeddings in one overlapped pass.

spaCy parses on one core; the encoder would leave the second idle until parsing ends.
Here the articles go through in parts: while spaCy parses a part, the encoder embeds the
sentences of the part before it in a worker thread (both release the GIL in their inner
loops), so the two models share the two cores instead of taking turns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from storylens.models import Article, Mention, Sentence
from storylens.nlp.annotate import annotate
from storylens.nlp.embed import DIM, embed

# Sentences per part: big enough for full encoder batches, small enough to overlap well.
PART_SENTENCES = 256


def annotate_and_embed(
    articles: Sequence[Article], meanwhile: Callable[[list[Sentence], list[Mention]], None] | None = None
) -> tuple[list[Sentence], list[Mention], np.ndarray]:
    """`annotate(articles)` and `embed` of every sentence's text, the two running side by side.

    `meanwhile(sentences, mentions)`, if given, runs once parsing is done, while the encoder
    finishes: more CPU work for the core spaCy no longer needs.
    """
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    parts: list[Future[np.ndarray]] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="storylens-embed") as pool:
        for group in _groups(articles):
            sents, ments = annotate(group, first_index=len(sentences))
            sentences += sents
            mentions += ments
            parts.append(pool.submit(embed, [s.text for s in sents]))
        if meanwhile is not None:
            meanwhile(sentences, mentions)
        vectors = [part.result() for part in parts]
    return sentences, mentions, np.vstack(vectors) if vectors else np.zeros((0, DIM), dtype=np.float32)


def _groups(articles: Sequence[Article]) -> list[list[Article]]:
    """Consecutive articles in parts of about PART_SENTENCES sentences (estimated from their length)."""
    out: list[list[Article]] = []
    size = 0
    for art in articles:
        estimate = max(1, len(art.text) // 130)  # ~130 characters a news sentence
        if not out or size + estimate > PART_SENTENCES:
            out.append([])
            size = 0
        out[-1].append(art)
        size += estimate
    return out
