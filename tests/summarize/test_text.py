"""Sentence-level checks the summarizer relies on (no models)."""

from __future__ import annotations

import pytest

from storylens.summarize.text import (
    acceptable,
    content_words,
    dangling,
    dice,
    numbers,
    numbers_disagree,
    overlap,
    standalone,
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The central bank raised its main interest rate by a quarter point on Wednesday.",
        "Rescue teams pulled 12 survivors from the collapsed building overnight, officials said.",
    ],
)
def test_standalone_accepts_plain_statements(sentence: str) -> None:
    assert standalone(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the decision was final and would not be reviewed by anyone.",  # dangling reference
        "This comes after months of negotiations between the two sides in the dispute.",
        "Will the central bank raise its main interest rate again next month?",  # question
        "Subscribe to our newsletter for the latest updates on the markets today.",  # furniture
        "Markets in brief",  # fragment
        "“We will never accept this outcome, not now and not ever,” he told reporters.",  # bare quote
        " ".join(["word"] * 70) + ".",  # run-on
        # the writer on the article itself (a Multi-News summary opened on it)
        "Here's a look at what's happening, and why, ahead of the Monday night deadline for a shutdown.",
        "This story has been updated with comment from the company's spokesman.",
        # what the page shows next (QA round 11: two summary sentences)
        "Here's the official email T-Mobile sent to its business customers.",
        "Here is how the company describes its new handset and its keyboard:",
    ],
)
def test_standalone_rejects_what_needs_context(sentence: str) -> None:
    assert not standalone(sentence)
    if sentence.startswith(("Here", "This story")):
        assert not acceptable(sentence)


def test_a_reporter_s_unanswered_request_is_no_summary_sentence() -> None:
    # QA round 25: "Team Britney didn't comment on the video." was a summary sentence
    for sentence in ("Team Britney didn't comment on the video.", "A spokesman declined to comment on Friday.",
                     "Her lawyer could not be reached for comment on the new filing."):
        assert not acceptable(sentence) and not standalone(sentence)
    assert acceptable("The senator declined to comment on the bill, but her aides said she would vote no on Tuesday.")


def test_numbers_and_overlap() -> None:
    a = "The storm killed 12 people and injured 1,000 others in the region."
    b = "Twelve were killed as the storm hit, injuring 1000 in the region."
    c = "The storm killed 15 people in the region."
    assert numbers(a) == {"12", "1000"}
    assert not numbers_disagree(numbers(a), numbers("It injured 1,000 people."))
    assert numbers_disagree(numbers(a), numbers(c))
    assert overlap(content_words(a), content_words(b)) >= 0.5
    assert overlap(content_words(a), content_words("Shares rose sharply in early trading.")) == 0.0


def test_pointer_endings_and_dice() -> None:
    assert not standalone("The ministry and the state news agency both confirmed this.")
    short = content_words("A meeting between the two leaders could follow the forum.")
    other = content_words("It will be the second meeting between the two leaders, officials said.")
    assert overlap(short, other) > dice(short, other)
    assert dice(short, short) == 1.0


@pytest.mark.parametrize(
    ("sentence", "leans_back"),
    [
        ("The first was in April 2019, when the two leaders met in Vladivostok.", True),
        ("The other one came two years later, after the talks had failed.", True),
        ("The first meeting was in April 2019, when the two leaders met in Vladivostok.", False),
        ("The latest round of talks ended without an agreement on Friday.", False),
    ],
)
def test_an_ordinal_standing_alone_as_subject_leans_on_the_sentence_before(sentence: str, leans_back: bool) -> None:
    assert dangling(sentence) is leans_back
    assert standalone(sentence) is not leans_back


@pytest.mark.parametrize(
    ("sentence", "leans_back"),
    [
        # QA round 18: "it" was a regional bloc named six sentences before the summary's sentence
        ("In a statement, it said the coup was a major setback for democracy in the region.", True),
        ("On Thursday, they agreed to send a delegation to the capital.", True),
        ("In a statement, the bloc said the coup was a major setback for democracy in the region.", False),
        ("Mali's soldiers, it seems, seized power on Thursday after a mutiny.", False),
    ],
)
def test_a_pronoun_subject_after_an_opening_phrase_leans_on_the_sentence_before(sentence: str,
                                                                                 leans_back: bool) -> None:
    assert dangling(sentence) is leans_back


def test_two_sentences_giving_one_figure_tell_one_fact() -> None:
    # QA round 11: a summary told the 5% rise in consumer prices twice, in two outlets' words
    from storylens.summarize.text import content_words, figures, same_figures

    def same(a: str, b: str) -> bool:
        return same_figures(a, b, content_words(a), content_words(b))

    cnn = "Inflation rose 5% in the 12 months ending in May, the Bureau of Labor Statistics reported Thursday."
    fox = "The consumer price index rose 5% in May compared with a year ago, the highest since the summer of 2008."
    assert figures(cnn) == {"5%"} and figures("It cost $99.99, or $1,200 in 2008, for 12 people.") == {"$99.99", "$1200"}
    assert same(cnn, fox)
    assert not same(cnn, "Core inflation rose 3.8% over the period, the biggest increase since June 1992.")
    assert not same(cnn, "About 5% of the town voted for the measure on Tuesday, officials said.")  # no word shared
    assert not same("The storm killed 12 people in the town.", "The fire killed 12 people in the town.")  # no figure


@pytest.mark.parametrize(
    ("sentence", "leans_back"),
    [
        # QA round 31: both stood in a summary as news of their own
        ("(This study has yet to be peer-reviewed.)", True),
        ("(Carl Sagan placed us at about a 0.7 in 1973).", True),
        ("The study (published on Monday) has yet to be peer-reviewed.", False),
        ("(Reuters) The study has yet to be peer-reviewed by other scientists.", False),
    ],
)
def test_a_sentence_wholly_in_brackets_is_an_aside_to_the_one_before(sentence: str, leans_back: bool) -> None:
    assert dangling(sentence) is leans_back


@pytest.mark.parametrize(
    ("sentence", "leans_back"),
    [
        # QA round 35: both stood in a summary with nothing before them
        ("First, Keiwan Ratliff fooled David Garrard on a third-down pass in the fourth quarter.", True),
        ("Again, the Jaguars couldn't come up with the play to tie the game.", True),
        ("First responders reached the scene within minutes, police said.", False),
        ("Next year's budget will rise by 4 percent, the mayor said.", False),
    ],
)
def test_a_step_of_a_sequence_leans_on_the_sentence_before(sentence: str, leans_back: bool) -> None:
    assert dangling(sentence) is leans_back
