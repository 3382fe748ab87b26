"""Sentences and named-entity mentions for every article, in one batched spaCy pass."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.models import Article, Mention, Sentence
from storylens.nlp.models import spacy_pipeline

ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_BLANK_LINES = re.compile(r"\n\s*\n")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: a sentence never crosses a blank line (headings, list items stay apart)."""
    spans, pos = [], 0
    for m in _BLANK_LINES.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def annotate(articles: Sequence[Article], batch_size: int = 64) -> tuple[list[Sentence], list[Mention]]:
    """Split every article's clean text into sentences and find NER mentions.

    Offsets are character offsets into `Article.text`. Paragraphs are fed to spaCy
    as separate docs (in one `nlp.pipe` stream) so that a heading glued to the next
    paragraph is never merged into its first sentence.
    """
    nlp = spacy_pipeline()
    jobs: list[tuple[Article, int]] = []
    texts: list[str] = []
    for art in articles:
        for a, b in _blocks(art.text):
            jobs.append((art, a))
            texts.append(art.text[a:b])
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for (art, offset), doc in zip(jobs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        first = len(sentences)
        for sent in doc.sents:
            span = sent.text.strip()
            if not span:
                continue
            start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(Sentence(art.id, len(sentences), start, start + len(span), span))
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            start, end = offset + ent.start_char, offset + ent.end_char
            idx = _sentence_at(sentences, first, start)
            mentions.append(Mention(art.id, start, end, ent.text, ent.label_, idx))
    return sentences, mentions


def _sentence_at(sentences: list[Sentence], first: int, pos: int) -> int:
    for s in sentences[first:]:
        if s.start <= pos < s.end:
            return s.index
    return sentences[-1].index if sentences else -1
