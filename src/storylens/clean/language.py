"""Language identification per article (lingua), as ISO 639-1 codes ("en", "fr", ...).

The detector is built once, lazily, and only for the languages news usually comes
in, in lingua's low-accuracy (trigram) mode: its high-accuracy models take ~10 s to
load on this class of machine, and on article-length text the trigram mode decides
just as well (lingua's own guidance); short snippets (< 20 letters) get no language.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from storylens.models import Article

LANGUAGES = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "RUSSIAN", "UKRAINIAN",
    "POLISH", "TURKISH", "ARABIC", "CHINESE", "JAPANESE", "KOREAN", "SWEDISH", "DANISH", "BOKMAL",
    "FINNISH", "CZECH", "ROMANIAN", "HUNGARIAN", "GREEK", "HEBREW", "HINDI", "INDONESIAN", "VIETNAMESE",
    "PERSIAN",
)
# Enough text to decide; the rest only costs time.
SAMPLE_CHARS = 3000
MIN_CHARS = 20


@lru_cache(maxsize=1)
def detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """The text's language as an ISO 639-1 code, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_CHARS:
        return None
    lang = detector().detect_language_of(sample)
    if lang is None:
        return None
    return str(lang.iso_code_639_1.name).lower()


def mark_languages(articles: Iterable[Article]) -> list[Article]:
    """Set each article's `language` from its clean text (a page's declared language is often a template default)."""
    out = list(articles)
    for a in out:
        found = detect_language(a.text) if a.text else None
        if found:
            a.language = found
    return out
