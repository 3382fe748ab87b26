"""Stories built in the tests of summarize/ (a plain module: see tests/stories/story_inputs.py for why)."""

from __future__ import annotations

from storylens.models import Article, Sentence, Story


def one_article_story(texts: list[str]) -> Story:
    """One article "a" whose sentences are `texts`, in order, with their offsets in its text."""
    sentences, text, pos = [], "", 0
    for t in texts:
        sentences.append(Sentence("a", len(sentences), pos, pos + len(t), t))
        text += t + " "
        pos += len(t) + 1
    return Story(articles=[Article(id="a", raw=text, text=text)], sentences=sentences)
