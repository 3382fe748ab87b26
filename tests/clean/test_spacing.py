"""Tokenised text joined with spaces: the spaces inside numbers, "a.m.", "U.S." and web addresses come out."""

from __future__ import annotations

import json
from pathlib import Path

from storylens.clean import clean_article
from storylens.clean.spacing import repair_spacing
from storylens.models import Article


def test_spaced_decimals_abbreviations_and_addresses_are_joined() -> None:
    assert repair_spacing("A magnitude 4. 6 quake hit at 2: 09 a. m., the U. S. Geological Survey said.") == \
        "A magnitude 4.6 quake hit at 2:09 a.m., the U.S. Geological Survey said."
    assert repair_spacing("It determined M7. 5 as the maximum; the deal was worth $1. 6 billion.") == \
        "It determined M7.5 as the maximum; the deal was worth $1.6 billion."
    assert repair_spacing("First reported by TMZ. com, see http: / / www. hp. com for more.") == \
        "First reported by TMZ.com, see http://www.hp.com for more."


def test_spaced_thousands_are_joined_where_they_cannot_be_two_numbers() -> None:
    # Multi-News (test-250) and ECB+ texts: "$500, 000", "100, 000 people", "$1, 199", "1, 200, 000"
    assert repair_spacing("A $500, 000 grant; an estimated 100, 000 people; fell about 2, 000ft.") == \
        "A $500,000 grant; an estimated 100,000 people; fell about 2,000ft."
    assert repair_spacing("It comes in $1, 199 and $1, 499 versions; 1, 200, 000 barrels a day.") == \
        "It comes in $1,199 and $1,499 versions; 1,200,000 barrels a day."
    for text in ("Bozco is 5-foot-8, 135 pounds.", "On March 3, 200 people marched.", "In 2013, 500 people left.",
                 "He has 2, 129 points."):  # the last may be one number, but may as well be two: left alone
        assert repair_spacing(text) == text


def test_a_spaced_ellipsis_is_one_mark_and_splits_no_sentence() -> None:
    # a magazine's oral history: "he was . . . not burnt on being on TV" had become two claims, the second lower-cased
    assert repair_spacing("He was . . . not burnt on TV. All his handlers . . . you could feel it. He left. . . . Then") \
        == "He was … not burnt on TV. All his handlers … you could feel it. He left. … Then"
    art = clean_article(Article(id="e", raw="He was . . . not burnt on being on TV, but he wanted to try film.\n\n"
                                            "All of the handlers . . . you could feel the whole bus tense up."))
    from storylens.nlp import annotate
    assert [s.text for s in annotate([art])[0]] == [
        "He was … not burnt on being on TV, but he wanted to try film.",
        "All of the handlers … you could feel the whole bus tense up."]


def test_a_closing_quotation_mark_set_off_by_a_space_is_joined() -> None:
    # an ECB+ page: the line '"The numbers won't mislead you. "' was cut as a heading (no sentence end)
    assert repair_spacing('"You can figure it out as well as I can, " Hurd said. "The numbers won\'t mislead you. "') \
        == '"You can figure it out as well as I can," Hurd said. "The numbers won\'t mislead you."'
    assert repair_spacing('He paused. "Next," he said.') == 'He paused. "Next," he said.'  # an opening mark stays
    raw = ('Hurd spoke to the crowd at the conference in San Francisco on Monday afternoon.\n\n'
           '"The numbers won\'t mislead you. "\n\nHurd is well known for his acumen with the numbers.')
    assert "The numbers won't mislead you." in clean_article(Article(id="q", raw=raw)).text


def test_a_sentence_end_before_a_numeral_stays() -> None:
    for text in ("Sales fell in 2013. 5 stores closed.", "They won 3-2. 45 fans stayed.",
                 "The toll rose to 20. 150 more were hurt.", "Rates are 4.6 now. Nothing to repair."):
        assert repair_spacing(text) == text


def test_clean_text_of_a_tokenised_page_is_repaired() -> None:
    raw = "The 2007 Working Group determined M7. 5 as the maximum magnitude for the fault system.\n\n" \
          "The quake struck at 2: 09 a. m. near The Geysers."
    art = clean_article(Article(id="e", raw=raw))
    assert "M7.5 as the maximum" in art.text and "a.m. near" in art.text


def test_ecb_pages_lose_their_spaced_decimals(eval_data: Path) -> None:
    ecb = eval_data / "clustering" / "ecbplus_public.jsonl"
    rows = [json.loads(line) for line in ecb.open(encoding="utf-8")]
    spaced = [r["text"] for r in rows if ". 6 billion" in r["text"] or "4. 6" in r["text"]]
    assert spaced, "the ECB+ sample has spaced decimals"
    for text in spaced:
        fixed = repair_spacing(text)
        assert "4. 6" not in fixed and ". 6 billion" not in fixed
        assert len(fixed) < len(text)


def test_a_gun_s_calibre_keeps_its_point() -> None:
    # an ECB+ brief split 'He fired just one shot from his. 38-caliber revolver' into two claims
    assert repair_spacing("He fired one shot from his. 38-caliber revolver.") == "He fired one shot from his .38-caliber revolver."
    assert repair_spacing("A. 22 rifle was found.") == "A .22 rifle was found."
    assert repair_spacing("He left at 38. Caliber was not his word.") == "He left at 38. Caliber was not his word."


def test_a_decimal_after_a_compound_s_hyphen_is_joined() -> None:
    # an ECB+ brief read 'a magnitude-6. 1 earthquake' as a count of 1
    assert repair_spacing("A magnitude-6. 1 earthquake struck Aceh.") == "A magnitude-6.1 earthquake struck Aceh."
    assert repair_spacing("They won 10-4. 5 people scored.") == "They won 10-4. 5 people scored."


def test_two_sentences_glued_at_the_full_stop_are_parted() -> None:
    # an ECB+ brief's claims ran "... in 2004.Officials said" and "case NN7687.Prosecutors" as one sentence
    assert repair_spacing("He was sentenced in 2004.Officials said he fled.") == \
        "He was sentenced in 2004. Officials said he fled."
    assert repair_spacing("It was case NN7687.Prosecutors said so.") == "It was case NN7687. Prosecutors said so."
    for kept in ("He flew to St.Louis on Monday.", "See Amazon.Com for details.", "Run node.js on it."):
        assert repair_spacing(kept) == kept
    # in lower case too (QA round 29, test-250: "... at a santa monica restaurant.sonia ulrich, marla saltzer ...")
    assert repair_spacing("they met at a santa monica restaurant.sonia ulrich and two friends stepped in.") == \
        "they met at a santa monica restaurant. sonia ulrich and two friends stepped in."
    for kept in ("more news at thestar.com: the state.", "see www.example.net now.", "the file photo.gif here.",
                 "write to john.smith@gmail.com today.", "visit http://foo.bar/baz.html now."):
        assert repair_spacing(kept) == kept
    # and before a two-letter word that opens sentences (QA round 31: "... the investigation.we've learned")
    assert repair_spacing("sources close to the investigation.we've learned more. it came to the case.in the book") \
        == "sources close to the investigation. we've learned more. it came to the case. in the book"
    for kept in ("see india.gov.in for the rules.", "mail him at info.in or call."):
        assert repair_spacing(kept) == kept


def test_straight_quotation_marks_set_off_by_spaces_open_and_close_in_turn() -> None:
    # QA round 16, Multi-News test-250: 'case. " we will be seeking jail time, " frank' had become 'case." we will ...
    # time," frank', so the narration read as a quotation and the spokesman's words as narration
    assert repair_spacing('her dui case. " we will be seeking jail time, " frank mateljan told the daily news.') == \
        'her dui case. "we will be seeking jail time," frank mateljan told the daily news.'
    assert repair_spacing('the " welcome to palestine " campaign. she replied " no ", and left.') == \
        'the "welcome to palestine" campaign. she replied "no", and left.'
    # each paragraph opens its quotations anew; a mark already joined keeps its place in the count
    assert repair_spacing('"Go," he said. " now "\n" and then " she left.') == \
        '"Go," he said. "now"\n"and then" she left.'
    # a paragraph whose last mark ends it closes a quotation opened in a paragraph before (QA round 17, ECB+: 'That was
    # the opportune time to do it. "' stayed spaced and was cut as a fragment)
    assert repair_spacing('" We wanted to go for it.\nThat was the opportune time to do it. "\nNext.') == \
        '"We wanted to go for it.\nThat was the opportune time to do it."\nNext.'


def test_a_clock_and_a_possessive_set_off_by_spaces_are_joined() -> None:
    # QA round 17 (ECB+): a title read "Sheriff' s Deputy Shot and Killed", quotes "3: 10 p.m."
    assert repair_spacing("Sheriff' s Deputy Shot and Killed") == "Sheriff's Deputy Shot and Killed"
    assert repair_spacing("It happened about 3: 10 p.m. at Chohan’ s home, at 1: 00 AM EDT.") == \
        "It happened about 3:10 p.m. at Chohan’s home, at 1:00 AM EDT."
    for kept in ("Game 1: 10 points were scored.", "the players' side", "the Jones' s-shaped bend"):
        assert repair_spacing(kept) == kept


def test_a_date_and_a_clock_with_seconds_set_off_by_spaces_are_joined() -> None:
    # QA round 33 (ECB+): "updated 7 / 28 / 2004 3: 02: 00 PM ET" went unread, and the page undated
    assert repair_spacing("updated 7 / 28 / 2004 3: 02: 00 PM ET") == "updated 7/28/2004 3:02:00 PM ET"
    assert repair_spacing("It rose 3 / 4 of a point at 10: 15 a.m.") == "It rose 3 / 4 of a point at 10:15 a.m."


def test_two_quotations_run_together_are_parted() -> None:
    # QA round 36 (conflicts-dev): '... for his family.""He slept with his kids ...," Hoffstetter told us.' was one
    # sentence, whose first quotation went to the second's speaker
    assert repair_spacing('"That is what spotters do for his family.""He slept with his kids," Hoffstetter said.') == \
        '"That is what spotters do for his family." "He slept with his kids," Hoffstetter said.'
    assert repair_spacing('He called it ""fake"" news.') == 'He called it ""fake"" news.'
