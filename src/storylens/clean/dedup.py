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
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingle_set(text: str, n: int = SHINGLE) -> set[str]:
    tokens = _TOKEN.findall(text.lower())
    return {" ".join(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1))}


def duplicate_pairs(texts: Sequence[str], min_containment: float = MIN_CONTAINMENT) -> list[tuple[int, int]]:
    """Index pairs (i < j) of texts that are copies of each other."""
    from datasketch import MinHash, MinHashLSH

    sets = [shingle_set(t) for t in texts]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    pairs: set[tuple[int, int]] = set()
    for i, s in enumerate(sets):
        if len(s) < MIN_SHINGLES:
            continue
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode("utf-8") for x in s])
        for j in lsh.query(m):
            other = sets[j]
            if len(s & other) / min(len(s), len(other)) >= min_containment:
                pairs.add((j, i))
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
