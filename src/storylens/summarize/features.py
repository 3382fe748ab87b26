"""Per-sentence features the summary scorer weighs, computed once per story.

Every feature is case-blind (one Multi-News sample is lower-cased) and cheap: position in
the article, length, closeness to the story (centroid, own article, mean similarity), how
much the other sources say the same (support, best cosine to each other article, shared
words), entity and number density, quotation share, and whether the sentence can stand
alone. Their weights are fitted on data (`storylens.summarize.weights`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from storylens.models import Sentence, Story
from storylens.summarize.support import Evidence
from storylens.summarize.text import (
    acceptable,
    content_words,
    cut_off,
    inside_quotation,
    leans_back,
    numbers,
    quotation_piece,
    quotation_speaker,
    standalone,
    unspoken,
    word_count,
)
from storylens.text import ends_in_ellipsis, in_page_note

NAMES = (
    "lead",  # 1 / (1 + rank among the article's candidates) ** 0.7
    "first",  # first sentence of its article
    "relpos",  # position / sentences in the article
    "para",  # opens a paragraph
    "logw",  # log of the word count
    "central",  # cosine to the mean of the per-article centroids
    "agree",  # share of the other independent sources that say the same (support)
    "cross",  # mean over the other articles of the best cosine to one of their sentences
    "keywords",  # mean share of articles using each content word
    "owncent",  # cosine to its own article's centroid
    "degree",  # mean cosine to every other sentence (LexRank-style degree)
    "ents",  # named-entity mentions per word
    "nums",  # gives a number in digits
    "quoted",  # share of characters inside quotation marks
    "alone",  # can stand alone (`text.standalone`)
)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


@dataclass(frozen=True)
class Features:
    """Candidates, their feature matrix (columns in `NAMES` order) and which are only a fallback."""

    cands: list[Sentence]
    matrix: np.ndarray
    fallback: np.ndarray  # bool: opens on a reference back; used only when nothing else fits
    cut: np.ndarray  # bool: ends mid-sentence (`text.cut_off`); used only when nothing else fits, in any story
    piece: np.ndarray  # bool: a piece of a quotation over several sentences (`text.quotation_piece`)
    # bool: lies inside a quotation its paragraph opens before it and closes after it (`text.inside_quotation`), whose
    # speaker the paragraph does not name (`text.quotation_speaker`)
    inside: np.ndarray


def candidates(story: Story) -> list[Sentence]:
    """Sentences that may go into a summary: real sentences, not questions, fragments or page furniture, and
    not from a source that may report another story (`Story.strays`: an archive's crawl notice, a promo page), nor
    from an opinion piece while other sources report the story (`Story.opinions`: a columnist's view is no fact)."""
    sentences = [s for s in story.sentences if s.source not in story.strays and s.source not in story.opinions] \
        or [s for s in story.sentences if s.source not in story.strays] or story.sentences
    # an excerpt cut off with "..." ('... the CDC's endorsement does not cover those who received the Moderna
    # or Johnson...') is never quoted: a shorter summary reads better than a broken one
    # (nor the clause kept before such a cut, `Sentence.clipped`: it would read as a sentence with no end)
    texts = {a.id: a.text for a in story.articles}
    cands = [s for s in sentences if (acceptable(s.text) or standalone(s.text)) and not ends_in_ellipsis(s.text)
             and not s.clipped and not in_page_note(texts.get(s.source, ""), s.start, s.text)]
    return cands or [s for s in sentences if word_count(s.text) >= 4]


def features(story: Story, evidence: Evidence) -> Features:
    """The feature matrix of every candidate of the story."""
    cands = candidates(story)
    if not cands:
        none = np.zeros(0, dtype=bool)
        return Features([], np.zeros((0, len(NAMES))), none, none, none, none)
    emb = story.embeddings
    if emb is None or len(emb) != len(story.sentences):
        emb = np.zeros((len(story.sentences), 1), dtype=np.float32)
    others = max(1, story.independent_count([a.id for a in story.analysed]) - 1)
    position, para, length = _positions(story)
    mentions: dict[int, int] = defaultdict(int)
    for m in story.mentions:
        mentions[m.sentence] += 1
    own_centre = _own_centroids(story, emb)
    n = len(story.sentences)
    degree = (emb @ emb.sum(axis=0) - (emb * emb).sum(axis=1)) / max(1, n - 1)
    centrality, cross, keywords = _centrality(story, emb), _cross_support(story, emb), _keywords(story, cands)
    ranks = _ranks(cands)
    rows = []
    for k, s in enumerate(cands):
        words = max(1, word_count(s.text))
        quoted = sum(len(q) for q in _QUOTED.findall(s.text)) / max(1, len(s.text))
        agree = story.independent_count(evidence.sources(s.index)) / others if evidence.support[s.index] else 0.0
        rows.append([
            1.0 / (1.0 + ranks[k]) ** 0.7, float(position[s.index] == 0), position[s.index] / length[s.source],
            para[s.index], math.log(words), centrality[s.index], agree, cross[s.index], keywords[k],
            float(emb[s.index] @ own_centre[s.source]), degree[s.index], mentions[s.index] / words,
            float(bool(numbers(s.text))), quoted, float(standalone(s.text)),
        ])
    # whose words a quotation (or a piece of one) gives, as the paragraph names them: such a sentence is shown as
    # that speaker's words (`SummarySentence.speaker`) and waits no longer than any other
    speakers = [quoted_speaker(story, s) for s in cands]
    named = np.array([who is not None for who in speakers], dtype=bool)
    fallback = np.array([leans_back(s.text) or unspoken(s.text) for s in cands], dtype=bool)
    fallback &= ~named | np.array([leans_back(s.text) for s in cands], dtype=bool)
    cut = np.array([cut_off(s.text) for s in cands], dtype=bool)
    piece = np.array([quotation_piece(s.text) for s in cands], dtype=bool) & ~named
    inside = np.array([who is None and _middle(story, s) for s, who in zip(cands, speakers, strict=True)], dtype=bool)
    return Features(cands, np.array(rows, dtype=float), fallback, cut, piece, inside)


def quoted_speaker(story: Story, sentence: Sentence) -> str | None:
    """Who speaks the words of a sentence that gives a quotation without saying whose (the middle of one, with no
    mark of its own; its opening or end; a whole one alone), as its paragraph names them; None for any other
    sentence, or when the speaker is not named."""
    if not unspoken(sentence.text) and not _middle(story, sentence):
        return None
    return quotation_speaker(story.article(sentence.source).text, sentence.start, sentence.end)


def _middle(story: Story, sentence: Sentence) -> bool:
    """The middle of a quotation: no mark of its own, inside one its paragraph opens before and closes after it."""
    return not any(q in sentence.text for q in _QUOTE_MARKS) and \
        inside_quotation(story.article(sentence.source).text, sentence.start)


_QUOTE_MARKS = ('"', "“", "”")


def _positions(story: Story) -> tuple[dict[int, int], dict[int, float], dict[str, int]]:
    """Position of each sentence in its article, whether it opens a paragraph, and article lengths."""
    position: dict[int, int] = {}
    para: dict[int, float] = {}
    count: dict[str, int] = defaultdict(int)
    prev_end: dict[str, int] = {}
    for s in story.sentences:  # in article order
        position[s.index] = count[s.source]
        count[s.source] += 1
        if s.source not in prev_end:
            para[s.index] = 1.0
        else:
            para[s.index] = float("\n" in story.article(s.source).text[prev_end[s.source]:s.start])
        prev_end[s.source] = s.end
    return position, para, dict(count)


def _own_centroids(story: Story, emb: np.ndarray) -> dict[str, np.ndarray]:
    by_source: dict[str, list[int]] = defaultdict(list)
    for s in story.sentences:
        by_source[s.source].append(s.index)
    out = {}
    for source, rows in by_source.items():
        centre = emb[rows].mean(axis=0)
        norm = float(np.linalg.norm(centre))
        out[source] = centre / norm if norm else centre
    return out


def _centrality(story: Story, emb: np.ndarray) -> np.ndarray:
    """Cosine of each sentence to the mean of the per-article centroids (long articles don't dominate)."""
    centroids = np.stack(list(_own_centroids(story, emb).values()))
    centre = centroids.mean(axis=0)
    norm = float(np.linalg.norm(centre))
    return emb @ (centre / norm) if norm else np.zeros(len(emb))


def _cross_support(story: Story, emb: np.ndarray) -> np.ndarray:
    """Mean over the other articles of the best cosine to one of their sentences (0 with one article)."""
    n = len(story.sentences)
    sources = np.array([s.source for s in story.sentences], dtype=object)
    names = list(dict.fromkeys(sources.tolist()))
    if len(names) < 2:
        return np.zeros(n)
    own = np.array([names.index(x) for x in sources])
    # columns grouped by article, then one max per group: O(n^2), not O(n^2 x articles)
    order = np.argsort(own, kind="stable")
    starts = np.searchsorted(own[order], np.arange(len(names)))
    best = np.maximum.reduceat(emb @ emb[order].T, starts, axis=1)
    best[np.arange(n), own] = 0.0
    return best.sum(axis=1) / (len(names) - 1)


def _keywords(story: Story, cands: list[Sentence]) -> np.ndarray:
    """Mean share of articles that use each content word of the sentence: words the whole story shares."""
    per_source: dict[str, set[str]] = defaultdict(set)
    for s in story.sentences:
        per_source[s.source] |= content_words(s.text)
    n = max(1, len(per_source))
    df: dict[str, int] = defaultdict(int)
    for vocab in per_source.values():
        for w in vocab:
            df[w] += 1
    out = []
    for s in cands:
        ws = content_words(s.text)
        out.append(sum(df[w] for w in ws) / (n * len(ws)) if ws else 0.0)
    return np.array(out)


def _ranks(cands: list[Sentence]) -> list[int]:
    """Position of each candidate among its own article's candidates (0 = lead)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for s in cands:  # story.sentences are in article order, so candidates are too
        out.append(seen[s.source])
        seen[s.source] += 1
    return out
