"""Which sentences state something (claims) and which hedge it.

Cheap text rules, because they run on every sentence of every article: a claim is
a complete declarative sentence of some length; headings, captions, list items,
questions and fragments are not claims.
"""

from __future__ import annotations

import re

MIN_WORDS = 6
MIN_CONTENT_WORDS = 3
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_END = re.compile(r"""[.!;:]["'”’»)\]]*$""")
_FUNCTION = frozenset(["a", "an", "the", "of", "and", "or", "but", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "not", "no", "so", "if", "than", "then", "there", "here", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "about", "into", "over", "after", "before"])
# Hedge cues: attribution and modality that keep a statement from being a plain assertion.
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|apparently|supposedly|purportedly|presumably|possibly|probably|likely|"
    r"it is (?:believed|thought|said|understood|rumou?red|expected)|is (?:said|believed|thought|reported|rumou?red)"
    r" to|are (?:said|believed|thought|reported|rumou?red) to|according to|sources? (?:say|said|says)|"
    r"would|might|could|rumou?red|unconfirmed|assumptions?|estimated?|speculat\w*)\b",
    re.IGNORECASE,
)
# The modal "may", in lower case only: "in May" and "Theresa May" qualify nothing.
_MAY = re.compile(r"\bmay\b")


def content_words(text: str) -> set[str]:
    """Lower-cased words that carry meaning (used for lexical overlap)."""
    return {w.lower().strip("'’") for w in _WORDS.findall(text) if w.lower() not in _FUNCTION and len(w) > 2}


def is_claim(text: str) -> bool:
    """True for a complete declarative sentence; False for questions, headings and fragments."""
    t = text.strip()
    words = _WORDS.findall(t)
    if len(words) < MIN_WORDS or len(content_words(t)) < MIN_CONTENT_WORDS:
        return False
    if t.endswith("?") or "\n" in t:
        return False
    if not _END.search(t):
        return False  # headings, captions and list items carry no final punctuation
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) < 0.7


def is_hedged(text: str) -> bool:
    """True when the sentence attributes or qualifies its statement ("reportedly", "would", "may")."""
    return bool(_HEDGE.search(text) or _MAY.search(text))
