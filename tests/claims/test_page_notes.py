"""A page's note on its versions (a correction, a clarification, an editor's note) is no claim, no summary sentence
and no timeline event, all of its sentences."""

from __future__ import annotations

from storylens.claims.align import _claim_sentences
from storylens.models import Article, Sentence, Story
from storylens.text import in_page_note

BODY = "Metron's analysts were asked to help in 2011, and the wreck was found within a week of searching."
NOTE = ("CORRECTION (March 18, 11:30 a.m.): An earlier version of this article incorrectly said Metron joined the "
        "search two years after the crash. Metron joined earlier; a search based on its Bayesian calculations that "
        "found the wreck began two years after the crash.")
CLARIFY = ("CLARIFICATION: An example of Bayesian inference was garbled. The example should have said that meals "
           "were good at half of restaurants with ratings below four and a half stars.")


def _story(text: str) -> Story:
    sents, pos = [], 0
    for part in [BODY, *NOTE.split(". ", 1), *CLARIFY.split(". ", 1)]:
        start = text.index(part.rstrip("."), pos)
        end = start + len(part)
        sents.append(Sentence("a", len(sents), start, end, text[start:end]))
        pos = end
    return Story(articles=[Article(id="a", raw=text, text=text)], sentences=sents)


def test_a_note_s_every_sentence_is_no_claim() -> None:
    # QA round 40 (Multi-News): the second sentences of both notes were listed as claims
    text = f"{BODY}\n\n{NOTE}\n\n{CLARIFY}"
    story = _story(text)
    assert [story.sentences[i].text for i in _claim_sentences(story)] == [BODY]


def test_where_a_note_begins_and_ends() -> None:
    text = f"{BODY}\n\n{NOTE}\n\n{BODY}"
    assert not in_page_note(text, 0)
    assert in_page_note(text, text.index("Metron joined earlier"))
    assert not in_page_note(text, text.rindex("Metron's analysts"))  # the next paragraph is the story again
    # a note inside a sentence of flattened (lower-cased) text, and a paragraph after a note on the versions
    flat = 'the company said so. ( editor\'s note: term changed to the more precise "low-emissions," 4:45 p.m. )'
    assert in_page_note(flat, flat.index("( editor"), flat[flat.index("( editor"):])
    versions = "The year was wrong in an earlier version of this story. It was 1995, not 1996."
    assert in_page_note(versions, versions.index("It was"))
