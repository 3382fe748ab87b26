"""Stories built in the tests of summarize/ (a plain module: see tests/stories/story_inputs.py for why)."""

from __future__ import annotations

from storylens.models import Article, Sentence, Story


def one_article_story(texts: list[str]) -> Story:
    """One article "a" whose sentences are `texts`, in order, with their offsets in its text."""
    return articles_story({"a": texts})


def articles_story(texts: dict[str, list[str]]) -> Story:
    """One article per key, whose sentences are its texts, in order, with their offsets in its text (one space
    between sentences); sentences are numbered across articles in the dict's order."""
    articles, sentences = [], []
    for source, parts in texts.items():
        text, pos = "", 0
        for t in parts:
            sentences.append(Sentence(source, len(sentences), pos, pos + len(t), t))
            text += t + " "
            pos += len(t) + 1
        articles.append(Article(id=source, raw=text, text=text))
    return Story(articles=articles, sentences=sentences)
