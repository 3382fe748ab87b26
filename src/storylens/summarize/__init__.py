"""Summarize stage: a short extractive summary whose sentences cite every source that supports them.

Sentences are chosen by `select` (a relevance score fitted on Multi-News over position,
centrality, cross-source support and surface features; then the set of sentences that covers
the most expected summary words within the word budget, solved exactly, any budget left filled
by MMR and a word-coverage gain);
each is then cited with its own source plus every other source that has a sentence
saying the same thing (`support`) and giving its figures, days and names (`claims.details`), each with an exact
quote.
Output order: facts more sources agree on first, then by position in their article.
"""

from __future__ import annotations

from storylens.claims.details import citable
from storylens.conflicts import disputed_by
from storylens.models import DayNote, Quote, Sentence, Story, SummarySentence
from storylens.summarize.features import quoted_speaker
from storylens.summarize.ranking import Settings, select
from storylens.summarize.support import Evidence, find_support
from storylens.text import dateline_end
from storylens.timeline.dates import relative_days

DEFAULT_WORDS = 220


def summarize(
    story: Story, max_words: int = DEFAULT_WORDS, settings: Settings | None = None
) -> list[SummarySentence]:
    """Extractive summary of at most `max_words` words, each sentence with its citations."""
    if not story.sentences:
        return []
    evidence = find_support(story)
    chosen = select(story, evidence, max_words, settings or Settings())
    evidence = _citable(story, evidence, chosen)
    rank = {s.index: r for r, s in enumerate(_article_positions(story))}
    chosen.sort(key=lambda i: (-story.independent_count(_cited(story, evidence, i)), rank[i]))
    return [mark_disputed(_cite(story, evidence, i), story) for i in chosen]


def day_notes(sentence: Sentence, story: Story) -> list[DayNote]:
    """Which day each relative date of the sentence means, read against its own article's date (the timeline's
    reading): a summary quotes "on Monday" as written, and a reader of a brief from many days needs the day."""
    base, guess = story.reading_date(sentence.source)  # a guess is approximate, as in the timeline
    return [DayNote(text=m.text, date=m.day.isoformat(), approximate=m.approximate or guess)
            for m in relative_days(sentence.text, base)]


def mark_disputed(sentence: SummarySentence, story: Story) -> SummarySentence:
    """Note the conflicts one of whose sides the sentence's quotes state ('sober for the first time in eight
    years', where another source says twelve): a summary must not present one side of a dispute as settled."""
    sentence.disputed = disputed_by(story, sentence.quotes)
    return sentence


def _article_positions(story: Story) -> list[Sentence]:
    """Sentences ordered by relative position in their article, so leads come before details."""
    counts: dict[str, int] = {}
    for s in story.sentences:
        counts[s.source] = counts.get(s.source, 0) + 1
    seen: dict[str, int] = {}
    keyed = []
    for s in story.sentences:
        k = seen.get(s.source, 0)
        seen[s.source] = k + 1
        keyed.append((k / counts[s.source], s.index, s))
    return [s for _, _, s in sorted(keyed, key=lambda t: (t[0], t[1]))]


def _citable(story: Story, evidence: Evidence, chosen: list[int]) -> Evidence:
    """The support of the chosen sentences narrowed to the sources that state what the shown words say
    (`claims.details`): the ranking reads all support, the citations only this."""
    ok = citable(story)
    support = [dict(s) for s in evidence.support]
    for i in chosen:
        support[i] = {src: j for src, j in support[i].items() if ok(i, j)}
    return Evidence(support)


def _cited(story: Story, evidence: Evidence, index: int) -> list[str]:
    return [story.sentences[index].source, *evidence.sources(index)]


def _cite(story: Story, evidence: Evidence, index: int) -> SummarySentence:
    own = story.sentences[index]
    quotes = [_quote(story, index)]
    for j in evidence.support[index].values():
        quotes.append(_quote(story, j))
    return SummarySentence(text=quotes[0].quote, sources=_cited(story, evidence, index), quotes=quotes,
                           days=day_notes(own, story), speaker=_speaker(story, own))


def _speaker(story: Story, sentence: Sentence) -> str | None:
    """Whose words the sentence gives, when it does not say so itself ('So we will seek jail time," said frank
    mateljan' names him: no note)."""
    who = quoted_speaker(story, sentence)
    return None if who is None or who.lower() in sentence.text.lower() else who


def _quote(story: Story, index: int) -> Quote:
    """The sentence as an exact span of its article, without a wire dateline ("SCHERTZ, Texas - "), which a
    summary of many sources would state as if it were news."""
    s = story.sentences[index]
    start = s.start + dateline_end(s.text)
    return Quote(source=s.source, start=start, end=s.end, quote=story.article(s.source).text[start:s.end])


__all__ = ["DEFAULT_WORDS", "Settings", "summarize"]
