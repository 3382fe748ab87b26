"""Typed values and their slots read from spaCy's parse (loads the spaCy model)."""

from datetime import date

import pytest

from storylens.conflicts.values import extract_values, place_key

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from storylens.nlp import spacy_pipeline

    return spacy_pipeline()


def values(nlp, text, published=None, places=None):
    return extract_values(text, nlp(text), published, places)


def test_counted_noun_and_measured_noun(nlp):
    (count,) = values(nlp, "The leader has ninety armored train wagons at his disposal.")
    assert count.kind == "count" and count.anchor == "wagons" and count.number.value == 90
    assert count.topic.startswith("number of") and count.topic.endswith("wagons")
    (speed,) = values(nlp, "The train reaches a maximum speed of approximately 60 kilometers per hour.")
    assert speed.kind == "quantity" and speed.anchor == "speed" and speed.topic == "maximum speed"
    assert speed.normalized == "~60 km/h"


def test_place_roles(nlp):
    meet = values(nlp, "The two leaders will meet in the eastern city of Vladivostok.")
    place = next(v for v in meet if v.kind == "place")
    assert place.surface == "Vladivostok" and place.role == "where" and place.anchor == "meet"
    away = values(nlp, "The train is traveling north, away from the city of Vladivostok, officials said.",
                  places={"vladivostok": "GPE"})
    assert [v.role for v in away if v.kind == "place"] == ["relation"]
    head = values(nlp, "But the train appears to be heading for Khabarovsk instead.")
    assert [(v.surface, v.role) for v in head if v.kind == "place"] == [("Khabarovsk", "where")]


def test_weekday_resolved_with_local_tense(nlp):
    text = "On Monday, the Kremlin confirmed that Kim would visit Russia."
    (day,) = [v for v in values(nlp, text, date(2023, 9, 12)) if v.kind == "weekday"]
    assert day.date_mention.resolved == date(2023, 9, 11)  # "confirmed": past, not "would visit"


def test_place_key_ignores_case_accents_and_article():
    assert place_key("the Khasan") == place_key("Khasan") == "khasan"
    assert place_key("Zürich") == "zurich"


def test_slot_signature_holds_verb_participants_and_nearby_lemmas(nlp):
    (day,) = [v for v in values(nlp, "Police arrested the suspect on Tuesday at a hotel.", date(2023, 9, 12))
              if v.kind == "weekday"]
    assert day.verb_lemma == "arrest"
    assert {"police", "suspect"} <= day.participants
    assert {"arrest", "hotel"} <= day.signature


def test_name_located_in_a_place_is_a_place(nlp):
    text = ("The Vostochny Cosmodrome in far-eastern Russia has been mentioned as a potential location "
            "for the two leaders to meet.")
    places = {v.surface: v for v in values(nlp, text) if v.kind == "place"}
    assert "Vostochny Cosmodrome" in places
    assert {"location", "meet"} <= places["Vostochny Cosmodrome"].signature
    assert places["Russia"].role == "relation"  # it only locates the cosmodrome


def test_datelines_and_state_tags_are_not_places_of_the_event():
    from storylens.conflicts.values import is_dateline_or_tag

    s = "WASHINGTON — President Joe Biden blamed the Trump administration."
    assert is_dateline_or_tag(s, 0, 10)
    s = "Democratic Sen. Mark Kelly (Ariz.) criticized President Biden."
    i = s.index("Ariz.")
    assert is_dateline_or_tag(s, i, i + 5)
    s = "Washington says it would be a big mistake."
    assert not is_dateline_or_tag(s, 0, 10)
    s = "The leaders will meet in VLADIVOSTOK — officials said."
    i = s.index("VLADIVOSTOK")
    assert not is_dateline_or_tag(s, i, i + 11)


def test_datelines_and_organisations_are_no_places_of_the_event(nlp):
    dateline = values(nlp, "MONTPELIER, Vt. (AP) — A man has been shot dead outside an apartment complex.")
    assert not [v for v in dateline if v.kind == "place"]
    reuters = values(nlp, "JAKARTA/PANGKALAN BUN, Indonesia Search teams have found four large parts of the plane.")
    assert not [v.surface for v in reuters if v.kind == "place"]
    police = values(nlp, "Las Vegas Police Officer Jose Hernandez said the Strip has seen several incidents.",
                    places={"lasvegaspolice": "GPE"})
    assert "Las Vegas Police" not in [v.surface for v in police if v.kind == "place"]
    us = values(nlp, "U.S., China and Japan agreed on the plan in Geneva.")
    assert "U.S." in [v.surface for v in us if v.kind == "place"]
    # a state after a city inside the sentence is a place of the event
    body = values(nlp, "The shooting happened in Aberdeen, Maryland, on Thursday.")
    assert "Maryland" in [v.surface for v in body if v.kind == "place"]


def test_a_neighbouring_place_in_a_list_is_no_slot_word(nlp):
    us, israel = [v for v in values(nlp, "Hamas, which the United States and Israel regard as a terrorist group, "
                                    "rejected the offer.") if v.kind == "place"]
    assert "israel" not in us.context and "states" not in israel.context
    (kansas,) = [v for v in values(nlp, "A Kansas police officer was shot on Friday.") if v.kind == "place"]
    assert {"police", "officer"} <= kansas.context


def test_figures_know_whether_they_are_projections(nlp):
    def fig(text):
        return next(v for v in values(nlp, text) if v.kind in ("count", "quantity"))

    assert fig("By 2030, more than one in 10 colon cancers will be diagnosed in people under 50.").future is True
    assert fig("One in seven colon cancer patients is under 50.").future is False
    assert fig("Rescuers recovered 30 bodies from the sea.").future is False
    assert fig("The maximum speed would only be about 88 kilometers per hour.").future is None  # hypothetical


def test_figures_know_whether_they_are_wanted_rather_than_stated(nlp):
    def figs(text):
        return [(v.surface, v.wanted) for v in values(nlp, text) if v.kind in ("count", "quantity")]

    assert figs("The month-to-month gain was 0.8%, against the expected 0.2%.") == [("0.8%", False), ("0.2%", True)]
    assert figs("Economists had expected the index to rise 3.6 percent over the year.") == [("3.6 percent", True)]
    assert figs("Senators fell short of the 10 GOP votes needed to advance the bill.") == [("10", True)]
    assert figs("Sixty votes were needed to advance the measure.") == [("Sixty", True)]
    assert figs("The administration set a goal of vaccinating 70% of adults.") == [("70%", True)]
    # the counted noun's own word, and a verb whose subject holds the figure, state an actual figure
    assert figs("The striker scored two goals in the second half.") == [("two", False)]
    assert figs("About 30 people needed hospital treatment after the blast.") == [("About 30", False)]
    assert figs("Officials estimate that 300 people died in the flood.") == [("300", False)]


def test_a_number_inside_a_name_counts_nothing(nlp):
    def figs(text):
        return [v.surface for v in values(nlp, text) if v.kind in ("count", "quantity")]

    assert figs("The administration will keep Title 42 in place, affecting 20 migrants.") == ["20"]
    assert figs("The Boeing 737 Max jets were grounded.") == []
    assert figs("Section 230 protects platforms.") == []
    # a model written apart from its letters (QA round 14: "12 AK 47 guns" gave a count of 47)
    assert "47" not in figs("The commandos also recovered 12 AK 47 guns, three rifles and two grenades.")
    # a place or a day before a count is no name
    assert figs("In Texas 300 people died in the storm.") == ["300"]
    assert figs("Police said Tuesday 12 people were injured.") == ["12"]


def test_changes_shares_and_attributes(nlp):
    def figs(text):
        return [(v.surface, v.relative, v.earlier) for v in values(nlp, text) if v.kind in ("count", "quantity")]

    assert figs("That would put the ask down from his initial $2.3 trillion proposal.") == [
        ("$2.3 trillion", False, True)]
    assert figs("It slashed $500 billion from the original $2.25 trillion plan.") == [
        ("$500 billion", False, False), ("$2.25 trillion", False, True)]
    assert figs("The toll rose from 12 to 20 people.") == [("12", False, True), ("20", False, False)]
    assert figs("Four pharmacies reported more than 1 million wasted doses each.") == [
        ("Four", False, False), ("more than 1 million", True, False)]
    assert figs("Prices rose 4.2% from a year earlier.") == [("4.2%", False, False)]
    # a number-unit compound is an attribute ('a seven-day average', 'a three-minute video')
    assert figs("A three-minute video drew 5 complaints over the seven-day period.") == [("5", False, False)]


def test_durations_know_what_they_are_counted_from(nlp):
    def since(text):
        return [(v.surface, v.since) for v in values(nlp, text) if v.kind == "quantity"]

    assert since("Eight months after first authorizing the vaccine, the FDA approved it.") == [
        ("Eight months", "authorize")]
    assert since("The approval came less than four months after Pfizer completed its application.") == [
        ("less than four months", "complete")]
    assert since("He waited six minutes.") == [("six minutes", "")]
