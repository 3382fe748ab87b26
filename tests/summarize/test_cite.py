"""`cite.citable`: another source is cited for a summary sentence only when it states the shown words' details."""

from __future__ import annotations

import re

from summary_inputs import articles_story

from storylens.claims.details import citable, details
from storylens.models import Story
from storylens.models.brief import Entity, EntityMention


def _story(texts: dict[str, list[str]], names: dict[str, str]) -> Story:
    """Articles of sentences, and one entity per name (value: its type) wherever the name is written."""
    story = articles_story(texts)
    for n, (name, kind) in enumerate(names.items()):
        mentions = [EntityMention(source=a.id, start=m.start(), end=m.end(), text=m.group())
                    for a in story.articles for m in re.finditer(re.escape(name), a.text)]
        story.entities.append(Entity(id=f"e{n}", name=name, type=kind, mentions=mentions))
    return story


def test_details_reads_figures_days_and_months_small_numbers_in_digits():
    assert details("Fire crews found 1,200 acres burned on Tuesday, two days after the June storm.") == {
        "1200", "tuesday", "2", "june"}
    assert details("One of the women said so.") == set()
    # "believed to be for at least eight years" / "said to be for 8 year" (an ECB+ pair labelled SAME)
    assert details("The offer is for at least eight years.") == details("The deal is for 8 year.") == {"8"}
    # the day a statement was made is none of its details (QA round 29: "officials announced Saturday")
    assert details("Two gang members were arrested last night, officials announced Saturday.", told_days=False) == {"2"}
    assert details("Police told reporters on Friday that two men were held.", told_days=False) == {"2"}
    assert details("Police told reporters on Friday that two men were held.") == {"2", "friday"}
    assert details("Two men were arrested on Saturday, officials said.") == {"2", "saturday"}


def test_a_source_that_does_not_name_the_shown_sentence_s_outlet_is_not_cited():
    # QA round 12 (an ECB+ quake story): the summary credited a source with a newspaper's report it never named
    story = _story({"a": ["The Santa Rosa Press Democrat reported the quake began only one mile below ground level."],
                    "b": ["USGS indicates to news that the quake began only one mile below ground level."]},
                   {"Santa Rosa Press Democrat": "ORG", "USGS": "ORG"})
    assert not citable(story)(0, 1)
    assert not citable(story)(1, 0)  # nor the other way: a does not name USGS


def test_a_source_lacking_a_figure_or_the_day_is_not_cited():
    story = _story({"a": ["A dispatcher said around 7 a.m. that there had been no reports of damage."],
                    "b": ["There were no immediate reports of damage, the newspaper said."],
                    "c": ["A supermarket was destroyed after a fire broke out on Friday night."],
                    "d": ["A supermarket has been destroyed in a fire."]}, {})
    ok = citable(story)
    assert not ok(0, 1) and not ok(2, 3)
    assert ok(1, 0)  # the shorter sentence's details (none) are all in the longer one


def test_a_name_given_just_before_a_pronoun_counts_but_not_one_given_further_back():
    pulled = "Police pulled him over a few blocks away and used a Taser on him."
    story = _story({"a": ["Police pulled LaSalle over a few blocks away and used a Taser on him."],
                    "b": ["Anthony LaSalle was driving the car.", "Witnesses saw it.", pulled],
                    "c": ["Anthony LaSalle was driving the car.", "Witnesses saw it.", "It was late.", "It was dark.",
                          pulled]},
                   {"LaSalle": "PERSON"})
    ok = citable(story)
    assert ok(0, 3)
    assert not ok(0, 8)


def test_a_name_spelt_another_way_or_a_people_s_adjective_for_its_country_still_counts():
    story = _story({"a": ["North Korean leader Kim arrived at the Bloomington Sam's Club on Tuesday."],
                    "b": ["Kim, the leader of North Korea, arrived at a Sam's Club store in Bloomington Tuesday."],
                    "c": ["Kim, the leader of South Korea, arrived at a Sam's Club store in Bloomington Tuesday."]},
                   {"North Korean": "NORP", "Kim": "PERSON", "Bloomington Sam's Club": "FAC", "North Korea": "GPE",
                    "South Korea": "GPE"})
    ok = citable(story)
    assert ok(0, 1)
    assert not ok(0, 2)  # "north" is not written in c


def test_a_dateline_place_is_no_detail():
    story = _story({"a": ["SCHERTZ, Texas - The sheriff says the road is closed."],
                    "b": ["The sheriff says the road is closed."]}, {"SCHERTZ": "GPE", "Texas": "GPE"})
    assert citable(story)(0, 1)
