"""Build small stories by hand: NER mentions marked inline as `[surface|LABEL]`."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from storylens.models import Article, Mention, Sentence, Story

_MARK = re.compile(r"\[([^\[\]|]+)\|([A-Z_]+)\]")
_SENT_END = re.compile(r"(?<=[.!?])\s+")

StoryBuilder = Callable[..., Story]


def build_story(**docs: str) -> Story:
    """One article per keyword argument; each `[text|LABEL]` becomes a NER mention of `text`.
    Unmarked names stay invisible to "NER", as the names a real model misses."""
    articles: list[Article] = []
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for source, marked in docs.items():
        text, spans, pos, out = "", [], 0, []
        for m in _MARK.finditer(marked):
            out.append(marked[pos : m.start()])
            start = sum(len(x) for x in out)
            out.append(m.group(1))
            spans.append((start, start + len(m.group(1)), m.group(1), m.group(2)))
            pos = m.end()
        out.append(marked[pos:])
        text = "".join(out)
        articles.append(Article(id=source, raw=text, text=text))
        first = len(sentences)
        start = 0
        for piece in _SENT_END.split(text):
            begin = text.index(piece, start)
            sentences.append(Sentence(source, len(sentences), begin, begin + len(piece), piece))
            start = begin + len(piece)
        for a, b, surface, label in spans:
            idx = next(s.index for s in sentences[first:] if s.start <= a < s.end)
            mentions.append(Mention(source, a, b, surface, label, idx))
    return Story(articles=articles, sentences=sentences, mentions=mentions)


@pytest.fixture
def story_from() -> StoryBuilder:
    return build_story
