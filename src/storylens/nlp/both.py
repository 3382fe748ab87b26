"""Sentences, mentions and their embeddings in one overlapped pass.

spaCy parses on one core; the encoder would leave the second idle until parsing ends.
Here the articles go through in parts: while spaCy parses a part, the encoder embeds the
sentences of the part before it in a worker thread (both release the GIL in their inner
loops), so the two models share the two cores instead of taking turns. In a big story
the parse worker (`nlp/worker.py`, a second spaCy process) parses every other part, as
spaCy alone would keep one core busy for twice as long as the encoder needs the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from storylens.models import Article, Mention, Sentence
from storylens.nlp.annotate import Parsed, annotate, paragraphs, unparsed
from storylens.nlp.embed import DIM, embed
from storylens.nlp.worker import parse_worker

# Sentences per part: big enough for full encoder batches, small enough to overlap well.
PART_SENTENCES = 256
# A story of fewer parts finishes before the parse worker would have loaded spaCy.
MIN_WORKER_PARTS = 3


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
    groups = _groups(articles)
    worker = parse_worker() if len(groups) >= MIN_WORKER_PARTS else None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="storylens-embed") as pool:

        def add(group: list[Article], parsed: dict[str, Parsed] | None = None) -> None:
            sents, ments = annotate(group, first_index=len(sentences), parsed=parsed)
            sentences.extend(sents)
            mentions.extend(ments)
            parts.append(pool.submit(embed, [s.text for s in sents]))

        i = 0
        while i < len(groups):
            # The worker parses the next part while this process parses this one.
            ahead = unparsed([t for _, _, t in paragraphs(groups[i + 1])]) if worker and i + 1 < len(groups) else []
            sent_ahead = bool(ahead) and worker is not None and worker.send("paragraphs", ahead)
            add(groups[i])
            if sent_ahead:
                answer = worker.receive()  # type: ignore[union-attr]
                add(groups[i + 1], dict(zip(ahead, answer, strict=True)) if answer is not None else None)
                i += 1
            i += 1
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
