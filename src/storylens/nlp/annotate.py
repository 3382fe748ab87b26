"""Sentences and named-entity mentions for every article, in one batched spaCy pass."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from storylens.models import Article, Mention, Sentence
from storylens.nlp.cache import LRU
from storylens.nlp.models import spacy_pipeline

# One parsed paragraph: sentence spans and entity spans (start, end, label), offsets in the paragraph.
Parsed = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, str], ...]]
_CACHE: LRU[str, Parsed] = LRU(20_000)

ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# Below this many texts, a round trip to the parse worker is not worth its pickling.
MIN_WORKER_TEXTS = 32
_BLANK_LINES = re.compile(r"\n\s*\n")
# Sentences come from the parser and entities from the NER, which read tok2vec, not the tags:
# skipping the taggers gives the same spans in about 70 % of the time.
UNUSED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: a sentence never crosses a blank line (headings, list items stay apart)."""
    spans, pos = [], 0
    for m in _BLANK_LINES.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def paragraphs(articles: Sequence[Article]) -> list[tuple[Article, int, str]]:
    """(article, offset, text) of every paragraph, in order."""
    return [(art, a, art.text[a:b]) for art in articles for a, b in _blocks(art.text)]


def unparsed(texts: Sequence[str]) -> list[str]:
    """The distinct texts not in this process's paragraph cache, in a stable order."""
    return sorted({t for t in texts if _CACHE.get(t) is None})


def annotate(
    articles: Sequence[Article], batch_size: int = 64, first_index: int = 0,
    parsed: Mapping[str, Parsed] | None = None,
) -> tuple[list[Sentence], list[Mention]]:
    """Split every article's clean text into sentences and find NER mentions.

    Offsets are character offsets into `Article.text`. Paragraphs are fed to spaCy
    as separate docs (in one `nlp.pipe` stream) so that a heading glued to the next
    paragraph is never merged into its first sentence. Sentences are numbered from
    `first_index` (a story annotated in several parts keeps one numbering). `parsed`
    holds paragraphs parsed elsewhere (the parse worker), by text.
    """
    jobs = paragraphs(articles)
    found = _parse([text for _, _, text in jobs], batch_size, parsed or {})
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for (art, offset, _), (sents, ents) in zip(jobs, found, strict=True):
        first = len(sentences)
        for a, b in sents:
            sentences.append(
                Sentence(art.id, first_index + len(sentences), offset + a, offset + b, art.text[offset + a:offset + b])
            )
        for a, b, label in ents:
            idx = _sentence_at(sentences, first, offset + a)
            mentions.append(Mention(art.id, offset + a, offset + b, art.text[offset + a:offset + b], label, idx))
    return sentences, mentions


def _parse(texts: list[str], batch_size: int, parsed: Mapping[str, Parsed]) -> list[Parsed]:
    """Each text's parse: from `parsed`, from the cache, or from spaCy here (one `nlp.pipe` stream)."""
    found: dict[str, Parsed] = {}
    for text in set(texts):
        hit = parsed.get(text) or _CACHE.get(text)
        if hit is not None:
            found[text] = hit
    todo = sorted(set(texts) - found.keys())
    found.update(zip(todo, parse_paragraphs(todo, batch_size), strict=True))
    for text in todo + [t for t in parsed if t in found]:
        _CACHE.put(text, found[text])
    return [found[t] for t in texts]


def parse_paragraphs(texts: Sequence[str], batch_size: int = 64) -> list[Parsed]:
    """Sentence spans and entity spans of each text, straight from spaCy (no cache)."""
    if not texts:
        return []
    out: list[Parsed] = []
    for doc in spacy_pipeline().pipe(texts, batch_size=batch_size, disable=UNUSED_COMPONENTS):
        sents = []
        for sent in doc.sents:
            stripped = sent.text.strip()
            if stripped:
                a = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                sents.append((a, a + len(stripped)))
        ents = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS)
        out.append((tuple(sents), ents))
    return out


def full_parses(texts: Sequence[str], disable: Sequence[str] = ()) -> list[Any]:
    """spaCy Docs (tags, lemmas, dependencies; entities unless disabled) of `texts`, each parsed alone.

    With the parse worker up (a big story started it), it parses the second half while this
    process parses the first; a small story does not start one for this alone.
    """
    from storylens.nlp.worker import parse_worker

    nlp = spacy_pipeline()
    half = len(texts) // 2
    worker = parse_worker(start=False) if half >= MIN_WORKER_TEXTS else None
    if worker is None or not worker.send("docs", (list(texts[half:]), list(disable))):
        return list(nlp.pipe(texts, batch_size=64, disable=list(disable)))
    docs = list(nlp.pipe(texts[:half], batch_size=64, disable=list(disable)))
    answer = worker.receive()
    if answer is None:
        return docs + list(nlp.pipe(texts[half:], batch_size=64, disable=list(disable)))
    from spacy.tokens import DocBin

    return docs + list(DocBin().from_bytes(answer).get_docs(nlp.vocab))


def _sentence_at(sentences: list[Sentence], first: int, pos: int) -> int:
    for s in sentences[first:]:
        if s.start <= pos < s.end:
            return s.index
    return sentences[-1].index if sentences else -1
