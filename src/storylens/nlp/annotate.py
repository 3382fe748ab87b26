"""Sentences and named-entity mentions for every article, in one batched spaCy pass."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storylens.models import Article, Mention, Sentence
from storylens.nlp.cache import LRU
from storylens.nlp.clauses import clause_before_cut
from storylens.nlp.models import CASELESS, spacy_pipeline
from storylens.text import ends_in_ellipsis

# One parsed paragraph: sentence spans, entity spans (start, end, label) and, for a sentence an excerpt's "..." cuts
# off, where the whole clause before the cut ends (sentence start, clause end); offsets in the paragraph.
Parsed = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, str], ...], tuple[tuple[int, int], ...]]
_CACHE: LRU[str, Parsed] = LRU(20_000)

ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_BLANK_LINES = re.compile(r"\n\s*\n")
# A capitalised word after a lower-case one ("said Smith"): the article is cased; some datasets write everything in
# lower case but sentence openings, where a sentence may well open in lower case (`models.CASELESS`).
_CASED = re.compile(r"[a-z][,;]?\s+(?!I\b)[A-Z][a-z]")
_CASELESS_KEY = "\x00caseless\x00"
# Sentences come from the parser and entities from the NER, which read tok2vec, not the tags:
# skipping the taggers gives the same spans in about 70 % of the time.
UNUSED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer")
# Abbreviations that stand inside a sentence, never at its end ("vs." may: a headline "Smith vs. Jones" is one).
_MID_ABBREVIATION = re.compile(r"(?<![\w.])(?:esp|approx|incl|e\.g|i\.e|viz|cf)\.$", re.IGNORECASE)
# ... and a department's before its "of": "a retired clerk for the pa dept. | Of labor & industry" (QA round 32); nor
# does a question or an exclamation in an aside set off by dashes: "He may not be the 21st-century Cary Grant — who
# could be? | — but as a Hollywood charmer, he's still the real deal." (QA round 34)
_DEPARTMENT = re.compile(r"(?<![\w.])dept\.$", re.IGNORECASE)
_OF = re.compile(r"of\s", re.IGNORECASE)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: a sentence never crosses a blank line (headings, list items stay apart)."""
    spans, pos = [], 0
    for m in _BLANK_LINES.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def annotate(
    articles: Sequence[Article], batch_size: int = 64, first_index: int = 0
) -> tuple[list[Sentence], list[Mention]]:
    """Split every article's clean text into sentences and find NER mentions.

    Offsets are character offsets into `Article.text`. Paragraphs are fed to spaCy
    as separate docs (in one `nlp.pipe` stream) so that a heading glued to the next
    paragraph is never merged into its first sentence. Sentences are numbered from
    `first_index` (a story annotated in several parts keeps one numbering).
    """
    jobs: list[tuple[Article, int, str]] = []
    caseless: set[str] = set()
    for art in articles:
        if not _CASED.search(art.text):
            caseless.add(art.id)
        for a, b in _blocks(art.text):
            jobs.append((art, a, art.text[a:b]))
    parsed = _parse([text for _, _, text in jobs], batch_size, [art.id in caseless for art, _, _ in jobs])
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for (art, offset, _), (sents, ents, clauses) in zip(jobs, parsed, strict=True):
        first = len(sentences)
        clause_end = dict(clauses)
        for a, b in sents:
            cut = clause_end.get(a)
            if cut is not None and not art.text[offset + b:].strip():
                # the excerpt's last sentence, cut off with "...": its whole clause is a sentence of its own, marked
                # `clipped`, and the rest after it another (`nlp.clauses`)
                sentences.append(Sentence(art.id, first_index + len(sentences), offset + a, offset + cut,
                                          art.text[offset + a:offset + cut], clipped=True))
                rest = art.text[offset + cut:offset + b]
                a = cut + len(rest) - len(rest.lstrip(" ,;—–"))  # the rest opens after the comma or dash
            sentences.append(
                Sentence(art.id, first_index + len(sentences), offset + a, offset + b, art.text[offset + a:offset + b])
            )
        for a, b, label in ents:
            idx = _sentence_at(sentences, first, offset + a)
            mentions.append(Mention(art.id, offset + a, offset + b, art.text[offset + a:offset + b], label, idx))
    return sentences, mentions


def _parse(texts: list[str], batch_size: int, caseless: list[bool] | None = None) -> list[Parsed]:
    """spaCy over the paragraphs not parsed before in this process, in one `nlp.pipe` stream. `caseless`: per
    paragraph, whether its article is written in lower case but for sentence openings."""
    keys = [_CASELESS_KEY + t if low else t for t, low in zip(texts, caseless or [False] * len(texts), strict=True)]
    results: list[Parsed | None] = [_CACHE.get(k) for k in keys]
    todo = sorted({k for k, r in zip(keys, results, strict=True) if r is None})
    if todo:
        fresh = {}
        nlp = spacy_pipeline()
        inputs = []
        for key in todo:
            doc = nlp.make_doc(key.removeprefix(_CASELESS_KEY))
            if key.startswith(_CASELESS_KEY):
                doc.user_data[CASELESS] = True
            inputs.append(doc)
        docs = nlp.pipe(inputs, batch_size=batch_size, disable=UNUSED_COMPONENTS)
        for text, doc in zip(todo, docs, strict=True):
            sents, clauses = [], []
            for sent in doc.sents:
                stripped = sent.text.strip()
                if stripped:
                    a = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                    if sents and (doc.text[sents[-1][0]:sents[-1][1]].endswith("/")
                                  or _MID_ABBREVIATION.search(doc.text, sents[-1][0], sents[-1][1])
                                  or (_DEPARTMENT.search(doc.text, sents[-1][0], sents[-1][1])
                                      and _OF.match(doc.text, a))
                                  or (doc.text[a] in "—–" and doc.text[sents[-1][1] - 1] in "?!")):
                        # a slash between two names joins them: "a ridge in Aoraki / | Mt. Cook National Park" was
                        # two (QA round 26; the parser sets that boundary whatever the component before it says), and
                        # so does an abbreviation that never ends a sentence ("It is esp. | Stunning ...", round 27)
                        a = sents.pop()[0]
                    sents.append((a, sent.start_char + len(sent.text.rstrip())))
                    if ends_in_ellipsis(stripped) and (cut := clause_before_cut(sent)) is not None:
                        clauses.append((a, sent.start_char + cut))
            ents = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS)
            fresh[text] = (tuple(sents), ents, tuple(clauses))
            _CACHE.put(text, fresh[text])
        results = [r if r is not None else fresh[k] for k, r in zip(keys, results, strict=True)]
    return results  # type: ignore[return-value]


def _sentence_at(sentences: list[Sentence], first: int, pos: int) -> int:
    for s in sentences[first:]:
        if s.start <= pos < s.end:
            return s.index
    return sentences[-1].index if sentences else -1
