"""The boilerplate filter on the demo corpus: every piece of chrome goes, every reporting sentence stays.

The chrome strings below are test data read off the corpus files; the filter itself
knows nothing about them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from storylens.api import load, prepare
from storylens.models import Article

CHROME = {
    "000": ["date 2023-09-12", "See also Panic? There are no more (real) Fiat Multipla's for sale in the Netherlands",
            "Unfortunately, we cannot show this social post", "See also Is this the best Volvo V90 on Marktplaats?"],
    "001": ["4:12 PM", "- Advertisement -spot_imgspot_img", "NOS NewsAmended",
            "• British King Charles congratulates North Korea on its 75th anniversary",
            "• North Korea celebrates 75th anniversary of Kim dynasty",
            "• North Korea launches submarine for nuclear attack", "• Abroad", "Share article:", "Latest news",
            "Related news", "- Advertisement -spot_img"],
    "002": ["by time news", "2023-09-12 08:23:19", "Photo: Alexander Zemlianichenko / AFP",
            "#North #Korean #leader", "You may also like", "Leave a Comment"],
    "003": ["READ MORE King Charles sends Kim Jong-un", "Don’t miss…",
            "Global nuke fears as Kim Jong Un boards train to talk weapons with Putin[REPORT]",
            "Putin ‘so desperate for weapons’ Russia ‘could help North Korea with nukes'[INSIGHT ]",
            "North Korea ‘big winner’ of Putin meeting as Russia set to provide nuke tech[REVEAL]",
            "We use your sign-up to provide content", "You can unsubscribe at any time. More info",
            "Source: Read Full Article"],
    "004": ["Home » Kim Jong Un travels", "by Noor Zaman", "0 comment", "You may also like", "Leave a Comment",
            "This website uses cookies to improve your experience", "Privacy & Cookies Policy"],
}
# Headings and captions: not reporting, removed by decision (see clean/boilerplate.py).
HEADINGS = {"000": ["Defense cooperation"], "001": ["‘Big mistake’", "Armored wagons"],
            "002": ["What Kim Jong Un’s armored train looks like and how it arrived in Russia"],
            "003": ["Kim Jong Un’s train crossing into Russian territory"]}


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> dict[str, Article]:
    return {a.id[:3]: a for a in prepare(load([corpus_dir]))}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“‘])|\n+", text) if s.strip()]


@pytest.mark.parametrize("key", sorted(CHROME))
def test_chrome_is_removed_and_recorded(corpus: dict[str, Article], key: str) -> None:
    art = corpus[key]
    for junk in CHROME[key] + HEADINGS.get(key, []):
        assert junk not in art.text, junk
        assert any(junk in piece for piece in art.removed), junk


@pytest.mark.parametrize("key", sorted(CHROME))
def test_every_reporting_sentence_with_a_number_stays(corpus: dict[str, Article], key: str) -> None:
    art = corpus[key]
    chrome = CHROME[key] + HEADINGS.get(key, [])
    # lines that are chrome as a whole (a cookie notice has several sentences)
    junk_lines = [line for line in art.raw.splitlines() if any(line.strip().startswith(c) for c in chrome)]
    checked = 0
    for sent in sentences(art.raw):
        if not re.search(r"\d", sent) or any(c in sent or sent in c for c in chrome + junk_lines):
            continue
        # a sentence may carry junk glued after it: its reporting part must be in the text
        reporting = re.split(r"\s+(?:See also|Photo:)\s", sent)[0]
        reporting = reporting.removeprefix("date 2023-09-12 ")
        assert reporting in art.text, reporting
        checked += 1
    assert checked >= 2


def test_short_reporting_sentences_and_leads_stay(corpus: dict[str, Article]) -> None:
    kept = {
        "000": ["The heavily armored train carrying North Korean leader Kim Jong-un arrived in Russia on Tuesday morning.",
                "Negotiations will take place between two delegations"],
        "001": ["Putin would like to buy weapons from North Korea for the fight in Ukraine, American sources say.",
                "Kim rarely leaves his country.", "The wagons are reportedly armored."],
        "002": ["It will be the second meeting between Vladimir Putin and Kim Jong Un. The first was in April 2019."],
        "003": ["North Korean dictator Kim Jong-un has arrived in Russia ahead of talks with Vladimir Putin."],
        "004": ["One of Vladimir Putin’s favorite initiatives, it is the first commercial space center in the nation."],
    }
    for key, sents in kept.items():
        for s in sents:
            assert s in corpus[key].text, s


def test_text_starts_with_reporting_and_paragraphs_are_blank_line_separated(corpus: dict[str, Article]) -> None:
    assert corpus["000"].text.startswith("The heavily armored train")
    assert corpus["001"].text.startswith("Putin would like to buy weapons")
    assert corpus["004"].text.startswith("Kim Jong Un, the supreme leader of North Korea")
    for art in corpus.values():
        assert "\n\n\n" not in art.text and art.text == art.text.strip()
        assert all(p.strip() == p and p for p in art.text.split("\n\n"))


def test_metadata_found_in_the_text(corpus: dict[str, Article]) -> None:
    meta = {k: (a.title, a.author, a.outlet, a.published) for k, a in corpus.items()}
    assert meta["000"] == (None, None, None, "2023-09-12")
    assert meta["001"] == ("Kim Jong-un by train to Vladivostok for a visit to Putin", None, "NOS News", None)
    assert meta["002"][1:] == (None, None, "2023-09-12T08:23:19")
    assert meta["002"][0].startswith("North Korean leader Kim Jong Un arrived in Russia on his armored train")
    assert meta["003"] == ("Kim Jong-un arrives in Russia in heavily armoured train to meet Putin", None, None, None)
    assert meta["004"] == ("Kim Jong Un travels across the Russian border to meet Putin", "Noor Zaman", None, None)


def test_removed_and_kept_text_account_for_the_raw_text(corpus: dict[str, Article]) -> None:
    for art in corpus.values():
        assert Counter(art.raw.split()) == Counter(" ".join([art.text, *art.removed]).split()), art.id
