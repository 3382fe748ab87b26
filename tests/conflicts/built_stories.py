"""Small stories built by hand for the conflict tests (the full pipeline: loads spaCy + MiniLM)."""

from __future__ import annotations

from storylens.models import Article, Story


def story_of(*texts: str, published: str = "2023-09-12") -> Story:
    """One story with one source per text ("s1", "s2", ...), all published on `published`."""
    from storylens.api import analyse

    arts = [Article(id=f"s{k}", raw=t, text=t, published=published) for k, t in enumerate(texts, 1)]
    return analyse(arts)
