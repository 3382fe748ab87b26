"""Conflicts: typed values that disagree between sentences of different sources about the same thing.

1. Candidate sentences carry a number, a date, a weekday or a place; candidate pairs
   are cross-source pairs whose MiniLM cosine reaches `PAIR_THRESHOLD` (one numpy product).
2. Only sentences in candidate pairs are parsed again with spaCy, to read each value's slot.
3. In each pair, a value with a same-slot partner on the other side that agrees is settled;
   one whose same-slot partners all disagree is a *finding* with a confidence from the
   pair's similarity, how clearly the slot matches, whether each source ever states the
   other's value, and hedging.
4. Findings that share a value (or, for places, a place) are merged into one conflict whose
   sides are the groups of mutually compatible values, each side with its sources and
   verbatim quotes. Conflicts under `MIN_CONFIDENCE` are dropped, the rest ranked; at most
   `MAX_CONFLICTS` are kept so the reader is not flooded.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from storylens.claims.filters import content_words, is_hedged
from storylens.conflicts.compare import agree, same_kind, slot_score, soft_disagreement
from storylens.conflicts.temporal import WEEKDAYS
from storylens.conflicts.values import PLACE_LABELS, Value, extract_values, place_key
from storylens.models import Story

PAIR_THRESHOLD = 0.55  # cosine for two sentences to be compared on meaning alone
LOOSE_THRESHOLD = 0.38  # lower cosine is enough when the sentences share `MIN_SHARED_WORDS` content words
MIN_SHARED_WORDS = 3
SLOT_MIN = 0.5  # below this the two values are not the same slot
MIN_CONFIDENCE = 0.62  # bench/conflicts.py: tune-half F1 optimum is 0.68, 0.62 keeps more recall at ~equal F1
MAX_CONFLICTS = 12
_CANDIDATE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred)\b|" + "|".join(w.capitalize() for w in WEEKDAYS), re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One disagreement between two values of two sentences."""

    a: tuple[int, Value]  # (sentence index, value)
    b: tuple[int, Value]
    confidence: float
    soft: bool


def story_day(story: Story) -> date | None:
    """The most common publication day (used for sources that carry no date)."""
    days = Counter(d for a in story.articles if (d := a.published_date))
    return days.most_common(1)[0][0] if days else None


def candidate_pairs(story: Story) -> tuple[list[int], list[tuple[int, int, float]]]:
    """Sentences that carry values, and their cross-source pairs that may be about the same thing.

    Only pairs above `LOOSE_THRESHOLD` are visited in Python (numpy selects them).
    """
    places = {m.sentence for m in story.mentions if m.label in PLACE_LABELS}
    idx = [s.index for s in story.sentences
           if len(s.text.split()) >= 5 and (s.index in places or _CANDIDATE.search(s.text))]
    if len(idx) < 2 or story.embeddings is None:
        return idx, []
    emb = np.asarray(story.embeddings)[idx]
    sims = emb @ emb.T
    roots = np.array([story.root_of(story.sentences[i].source) for i in idx])
    mask = (roots[:, None] != roots[None, :]) & np.triu(np.ones_like(sims, dtype=bool), k=1)
    rows, cols = np.nonzero((sims >= LOOSE_THRESHOLD) & mask)
    words = [content_words(story.sentences[i].text) for i in idx]
    pairs = []
    for r, c in zip(rows, cols, strict=True):
        if sims[r, c] >= PAIR_THRESHOLD or len(words[r] & words[c]) >= MIN_SHARED_WORDS:
            pairs.append((idx[r], idx[c], float(sims[r, c])))
    return idx, pairs


def sentence_values(story: Story, indices: set[int]) -> dict[int, list[Value]]:
    """Parse the given sentences once and read their typed values."""
    from storylens.nlp import spacy_pipeline

    if not indices:
        return {}
    order = sorted(indices)
    fallback = story_day(story)
    nlp = spacy_pipeline()
    texts = [story.sentences[i].text for i in order]
    places = known_places(story)
    out: dict[int, list[Value]] = {}
    for i, doc in zip(order, nlp.pipe(texts, batch_size=64), strict=True):
        published = story.article(story.sentences[i].source).published_date or fallback
        out[i] = extract_values(story.sentences[i].text, doc, published, places)
    return out


def known_places(story: Story) -> dict[str, str]:
    """Names the story's NER tags as a place more often than as anything else (key -> label)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in story.mentions:
        labels[place_key(m.text)][m.label] += 1
    out = {}
    for key, counts in labels.items():
        label, _ = counts.most_common(1)[0]
        if label in PLACE_LABELS:
            out[key] = label
    return out


class WordSimilarity:
    """Cosine between short phrases (counted nouns, verbs), embedded once per story."""

    def __init__(self, phrases: set[str]) -> None:
        from storylens.nlp import embed

        self.words = sorted(p for p in phrases if p)
        vecs = embed(self.words) if self.words else np.zeros((0, 384), dtype=np.float32)
        self.index = {w: vecs[k] for k, w in enumerate(self.words)}

    def __call__(self, x: str, y: str) -> float:
        if not x or not y:
            return 0.0
        if x == y or x.rstrip("s") == y.rstrip("s"):
            return 1.0
        vx, vy = self.index.get(x), self.index.get(y)
        return float(vx @ vy) if vx is not None and vy is not None else 0.0


def _mentions_value(text: str, v: Value) -> bool:
    """Does this source's text state the value `v` anywhere (then it does not contradict it)?"""
    if v.kind == "place":
        return v.surface.lower() in text.lower()
    if v.kind in ("weekday", "date"):
        return v.surface.lower() in text.lower()
    if v.number is not None and v.anchor:
        number_text = re.escape(text_number(v))
        return bool(re.search(number_text + r"(?:\W+\w+){0,3}?\W+" + re.escape(v.anchor[:-1]), text, re.IGNORECASE))
    return False


def text_number(v: Value) -> str:
    """The numeric part of a value as written ('two', '$5.2 billion' -> '5.2')."""
    bound_free = re.sub(r"^(?:at least|more than|about|approximately|around|roughly|nearly|almost|up to|"
                        r"some|over|under|less than|fewer than)\s+", "", v.surface, flags=re.IGNORECASE)
    m = re.search(r"\d[\d,.]*\d|\d|[A-Za-z]+(?:-[a-z]+)?", bound_free)
    return m.group(0) if m else v.surface


def pair_findings(story: Story, i: int, j: int, cos: float, vi: list[Value], vj: list[Value],
                  word_sim: WordSimilarity) -> list[Finding]:
    """Values of sentences i and j that fill the same slot and disagree."""
    found: list[Finding] = []
    text_i, text_j = story.sentences[i].text, story.sentences[j].text
    doc_i = story.article(story.sentences[i].source).text
    doc_j = story.article(story.sentences[j].source).text
    hedged = is_hedged(text_i) or is_hedged(text_j)
    for a in vi:
        partners = [(slot_score(a, b, word_sim, text_i, text_j), b) for b in vj if same_kind(a, b)]
        partners = [(s, b) for s, b in partners if s >= SLOT_MIN]
        if not partners:
            continue
        if any(agree(a, b) and not soft_disagreement(a, b) for _, b in partners):
            continue
        if a.kind == "place" and a.surface.lower() in text_j.lower():
            continue
        # b values that sentence i also states are settled facts of their own, not disputers of `a`
        open_partners = [(s, b) for s, b in partners if not any(
            agree(b, a2) and not soft_disagreement(b, a2) for a2 in vi
            if same_kind(a2, b) and slot_score(a2, b, word_sim, text_i, text_j) >= SLOT_MIN)]
        if not open_partners:
            continue
        slot, b = max(open_partners, key=lambda p: p[0])
        if b.kind == "place" and b.surface.lower() in text_i.lower():
            continue
        novelty = 1.0 - 0.5 * _mentions_value(doc_j, a) - 0.5 * _mentions_value(doc_i, b)
        soft = soft_disagreement(a, b)
        if a.kind == "place":
            # a place name says nothing about its containment ("Russia" / "Vladivostok"): whether each
            # source ever names the other's place weighs more than for figures
            conf = 0.35 * cos + 0.25 * slot + 0.4 * novelty
        else:
            conf = 0.45 * cos + 0.35 * slot + 0.2 * novelty
        if hedged:
            conf *= 0.93
        found.append(Finding((i, a), (j, b), round(conf, 4), soft))
    return found


def find_all(story: Story) -> tuple[list[Finding], dict[int, list[Value]]]:
    """Every pairwise finding in the story, with the parsed values of the sentences involved."""
    _, pairs = candidate_pairs(story)
    involved = {i for i, _, _ in pairs} | {j for _, j, _ in pairs}
    values = sentence_values(story, involved)
    phrases = {v.anchor for vs in values.values() for v in vs}
    word_sim = WordSimilarity(phrases)
    findings: list[Finding] = []
    for i, j, cos in pairs:
        if values.get(i) and values.get(j):
            findings.extend(pair_findings(story, i, j, cos, values[i], values[j], word_sim))
    return findings, values


def group_findings(findings: list[Finding]) -> list[list[Finding]]:
    """Union findings that share a value occurrence (one statement disputed by several sources)."""
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def node(s: int, v: Value) -> tuple:
        return (s, v.start, v.kind)

    for f in findings:
        ra, rb = find(node(*f.a)), find(node(*f.b))
        if ra != rb:
            parent[rb] = ra
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[find(node(*f.a))].append(f)
    return list(groups.values())
