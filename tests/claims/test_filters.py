"""Claim / non-claim and hedge rules (no models needed)."""

import pytest

from storylens.claims.filters import content_words, is_claim, is_hedged


@pytest.mark.parametrize("text", [
    "The train reaches a maximum speed of approximately 60 kilometers per hour.",
    "Putin arrived in the eastern city of Vladivostok on Monday to attend a forum.",
])
def test_declarative_sentences_are_claims(text):
    assert is_claim(text)


@pytest.mark.parametrize("text", [
    "Will Kim and Putin meet in Vladivostok this week?",  # question
    "Armored wagons",  # heading
    "Kim Jong-un Arrives In Russia In Armoured Train To Meet Putin.",  # title case heading
    "Share article:",  # fragment
    "Leave a Comment",
])
def test_non_claims(text):
    assert not is_claim(text)


@pytest.mark.parametrize("text,hedged", [
    ("Thousands of guards are reportedly traveling with them.", True),
    ("The maximum speed would only be about 88 kilometers per hour.", True),
    ("At least 20 carriages are said to be on the train.", True),
    ("According to US officials, Putin wants to buy weapons.", True),
    ("Putin arrived in Vladivostok on Monday.", False),
    ("The trains may be delayed by the storm.", True),
    # the month and the surname are no modal
    ("The company completed its application in May.", False),
    ("Theresa May met the president on Monday.", False),
])
def test_hedges(text, hedged):
    assert is_hedged(text) is hedged


def test_content_words_drop_function_words():
    assert content_words("The train is on its way to the city") == {"train", "way", "city"}
