"""Syndicated copies and near-duplicates: MinHash/LSH over word shingles (datasketch).

A wire story reprinted by several outlets differs only by header, footer and a few
edits, so its word 5-gram shingles overlap heavily. LSH finds candidate pairs
cheaply; each candidate is confirmed on the exact shingle sets by containment
(shared shingles over the smaller set), so that a shortened reprint still counts
as a copy of the full story. Copies are grouped transitively and every member of
a group points at its earliest copy (by published date, then input order).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from storylens.models import Article

SHINGLE = 5
NUM_PERM = 128
# LSH recall threshold (Jaccard): low, because containment, not Jaccard, decides.
LSH_THRESHOLD = 0.3
# Share of the shorter text's shingles found in the other text for the two to be copies.
MIN_CONTAINMENT = 0.5
# Texts with fewer shingles than this are too short to call copies (headline-only items).
MIN_SHINGLES = 20
# A text this close (Jaccard) to one already indexed adds nothing to the index.
SAME_TEXT_JACCARD = 0.9
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingle_set(text: str, n: int = SHINGLE) -> set[str]:
    tokens = _TOKEN.findall(text.lower())
    return {" ".join(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1))}


def duplicate_pairs(texts: Sequence[str], min_containment: float = MIN_CONTAINMENT) -> list[tuple[int, int]]:
    """Index pairs (i < j) that join every group of copies.

    A spanning set, not every pair: N copies of one wire story give N - 1 pairs, not N²/2, so a
    flood of reprints costs linear time and memory.
    """
    from datasketch import MinHash, MinHashLSH

    sets = [shingle_set(t) for t in texts]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    parent = list(range(len(sets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs: list[tuple[int, int]] = []
    for i, s in enumerate(sets):
        if len(s) < MIN_SHINGLES:
            continue
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode("utf-8") for x in s])
        same = False
        for j in lsh.query(m):
            other = sets[j]
            shared = len(s & other)
            if find(j) != find(i) and shared / min(len(s), len(other)) >= min_containment:
                parent[find(i)] = find(j)
                pairs.append((j, i))
            same = same or shared / len(s | other) >= SAME_TEXT_JACCARD
        if same:
            sets[i] = set()  # later copies find the indexed twin; these shingles need not stay in memory
        else:
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
