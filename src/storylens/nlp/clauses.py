"""The whole clause before an excerpt's cut.

A feed or an aggregator cuts its excerpt mid-sentence ("Three more fell Tuesday, bringing the
total to nine, including several major..."). The sentence as a whole states nothing a reader can
quote, but the clause before its last comma often does ("Three more fell Tuesday, bringing the
total to nine"): dropping it loses a fact that other sources may state (QA round 22: a NeuS
brief missed the corroborated "nine" capitals and a day in dispute). The clause is kept only when
the parse shows it complete: the main verb and its subject inside it, no phrase of it left open
by the cut, no list running on past the comma, and every subordinate word ("that", "as", "which")
followed by its clause's subject and verb.
"""

from __future__ import annotations

from typing import Any

# Words that open a clause of their own, which then needs a subject and a verb inside the kept part.
_SUBORDINATORS = frozenset({"as", "because", "while", "although", "though", "if", "when", "whenever", "after",
                            "before", "since", "until", "unless", "that", "which", "who", "whom", "whose", "where",
                            "whether", "so"})
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "conj", "csubj", "pcomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# A discourse adverb set off before the cut ("... for the time being, however, with ..."): cut before it instead.
_TRAILING_ADVERBS = frozenset({"however", "though", "too", "also", "meanwhile", "instead", "then", "still", "yet"})
_BREAKS = frozenset({",", ";", "—", "–"})
_QUOTES = frozenset({'"', "“", "”"})
MIN_CLAUSE_WORDS = 6


def clause_before_cut(sent: Any) -> int | None:
    """For a spaCy sentence span cut off by an excerpt, the character offset (from the span's start) where the
    complete clause before its last usable comma ends; None when there is none."""
    toks = list(sent)
    root = sent.root
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].text not in _BREAKS:
            continue
        kept = toks[:k]
        if len(kept) < MIN_CLAUSE_WORDS:
            return None
        end = kept[-1].i
        if kept[-1].lower_ in _TRAILING_ADVERBS:
            continue
        if not kept[0].i <= root.i <= end \
                or not any(c.dep_ in _SUBJECT_DEPS and c.i <= end for c in root.children):
            return None  # the main verb or its subject comes after the comma: no clause before it
        if any(w.head.i > end for w in kept if w.dep_ != "ROOT"):
            continue  # a phrase of the kept part goes on past the comma ("an opaque, pro-Trump site")
        if any(w.dep_ == "conj" and root.i != w.head.i <= end for w in toks[k + 1:]):
            continue  # a list goes on past the comma ("federal, state, local, ... authorities")
        if not _subordinates_whole(kept, root.i) or sum(w.text in _QUOTES for w in kept) % 2:
            return None
        return kept[-1].idx + len(kept[-1].text) - sent.start_char
    return None


def _subordinates_whole(kept: list[Any], root: int) -> bool:
    """Each subordinate word after the main verb is followed, inside the kept part, by its clause's subject (or is
    that subject: "a ruling that said ...") and a verb ("insist that Biden's American Families Plan" is cut short)."""
    for j, w in enumerate(kept):
        if w.i <= root or w.lower_ not in _SUBORDINATORS:
            continue
        rest = kept[j + 1:]
        subject = w.dep_ in _SUBJECT_DEPS or any(x.dep_ in _SUBJECT_DEPS for x in rest)
        verb = any(x.dep_ in _CLAUSE_DEPS for x in rest) or w.head.dep_ in _CLAUSE_DEPS and w.head.i > w.i
        if not (subject and verb):
            return False
    return True
