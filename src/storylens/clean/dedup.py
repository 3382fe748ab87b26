"""Syndicated copies and near-duplicates: MinHash/LSH over word shingles (datasketch).

A wire story reprinted by several outlets differs only by header, footer and a few
edits, so its word 5-gram shingles overlap heavily. LSH finds candidate pairs
cheaply; each candidate is confirmed on the exact shingle sets by containment
(shared shingles over the smaller set), so that a shortened reprint still counts
as a copy of the full story, and by cover (shared shingles over the longer set), so
that a story quoting a short post or statement whole is no copy of it. Copies are grouped transitively and every member of
a group points at its earliest copy (by published date, then input order).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import numpy as np

from storylens.models import Article

SHINGLE = 5
NUM_PERM = 128
# LSH recall threshold (Jaccard): low, because containment, not Jaccard, decides.
LSH_THRESHOLD = 0.3
# Share of the shorter text's shingles found in the other text for the two to be copies.
MIN_CONTAINMENT = 0.5
# Share of the longer text's shingles that must be shared too: a story that quotes a short post or statement
# whole (a 96-word Instagram post inside a 392-word news story: 0.22) reports more than it copies, while a
# reprint cut to half keeps about half of the original (0.3-0.5 with light or heavy edits).
MIN_COVER = 0.25
# Texts with fewer shingles than this are too short to call copies (headline-only items).
MIN_SHINGLES = 20
# A text this close (Jaccard) to one already indexed adds nothing to the index.
SAME_TEXT_JACCARD = 0.9
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingle_set(text: str, n: int = SHINGLE) -> set[str]:
    tokens = _TOKEN.findall(text.lower())
    return {" ".join(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1))}


def shingle_hashes(shingles: set[str]) -> np.ndarray:
    """The shingles as a sorted array of 64-bit hashes: 16x smaller than the strings, same overlaps
    (collisions among a text's ~10^3 shingles are negligible at 64 bits)."""
    return np.unique(np.fromiter((hash(x) for x in shingles), dtype=np.int64, count=len(shingles)))


def duplicate_pairs(texts: Sequence[str], min_containment: float = MIN_CONTAINMENT) -> list[tuple[int, int]]:
    """Index pairs (i < j) that join every group of copies.

    A spanning set, not every pair: N copies of one wire story give N - 1 pairs, not N²/2, so a
    flood of reprints costs linear time. Texts are shingled one at a time and kept as hash arrays,
    so memory grows with the texts, not with 20x their size in shingle strings.
    """
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    kept: dict[int, np.ndarray] = {}  # indexed texts' shingle hashes
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        shingles = shingle_set(text)
        if len(shingles) < MIN_SHINGLES:
            continue
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode("utf-8") for x in shingles])
        s = shingle_hashes(shingles)
        del shingles
        same = False
        for j in lsh.query(m):
            other = kept[j]
            shared = np.intersect1d(s, other, assume_unique=True).size
            if find(j) != find(i) and shared / min(s.size, other.size) >= min_containment \
                    and shared / max(s.size, other.size) >= MIN_COVER:
                parent[find(i)] = find(j)
                pairs.append((j, i))
            same = same or shared / (s.size + other.size - shared) >= SAME_TEXT_JACCARD
        if not same:  # a near-identical copy is left out: later copies find its indexed twin
            kept[i] = s
            lsh.insert(i, m)
    return sorted(pairs)


def mark_duplicates(articles: Sequence[Article], min_containment: float = MIN_CONTAINMENT) -> list[Article]:
    """Set `duplicate_of` on every copy to the id of its group's earliest article; returns the articles."""
    out = list(articles)
    parent = list(range(len(out)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in duplicate_pairs([a.text for a in out], min_containment):
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(out)):
        groups.setdefault(find(i), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        root = min(members, key=lambda i: (out[i].published_date or date.max, i))
        for i in members:
            out[i].duplicate_of = out[root].id if i != root else None
    return out
