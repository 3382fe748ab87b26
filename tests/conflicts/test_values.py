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
