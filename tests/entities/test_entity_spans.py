"""Cleaning raw NER spans: titles, articles, possessives, junk, compounds, half names."""

from __future__ import annotations

from collections import Counter

import pytest

from storylens.entities.spans import Span, clean_mention, context_votes, extend_person
from storylens.models import Mention


def _clean(text: str, surface: str, label: str, lower: set[str] | None = None) -> Span | None:
    start = text.index(surface)
    return clean_mention(Mention("a", start, start + len(surface), surface, label, 0), text, lower or set())


@pytest.mark.parametrize(
    ("text", "surface", "label", "name"),
    [
        ("Then President Ana Torvik spoke.", "President Ana Torvik", "PERSON", "Ana Torvik"),
        ("A visit by Adm. Lee Varn ended.", "Adm. Lee Varn", "ORG", "Lee Varn"),
        ("Officials in the Kremlin agreed.", "the Kremlin", "ORG", "Kremlin"),
        ("It is Orlenia’s biggest port.", "Orlenia’s", "GPE", "Orlenia"),
        ("“Velmont” was the answer.", "“Velmont”", "ORG", "Velmont"),
        ("He met the Defense Ministry.", "Defense Ministry", "ORG", "Defense Ministry"),
        ("Agents of the U.S. arrived.", "the U.S.", "GPE", "U.S."),
        # a possessive after an abbreviation's dot (a Multi-News brief listed "Tesla Inc.’s")
        ("Directors of Velmont Inc.’s board met.", "Velmont Inc.’s", "ORG", "Velmont Inc."),
        # an age before a name ("Six-year-old Kameron Prescott" was an entity of a Multi-News brief)
        ("Six-year-old Nia Orlov died.", "Six-year-old Nia Orlov", "PERSON", "Nia Orlov"),
        ("The 23-year-old Ana Kade left.", "23-year-old Ana Kade", "PERSON", "Ana Kade"),
        # a photo credit ("Courtesy Sara Carson" was a person of a Multi-News brief)
        ("Photo: Courtesy Sara Orlov", "Courtesy Sara Orlov", "PERSON", "Sara Orlov"),
        # nobility and police ranks are titles (briefs listed "Viscount X" and "Inspector X" apart from X)
        ("Viscount Arthur Velmont was there.", "Viscount Arthur Velmont", "PERSON", "Arthur Velmont"),
        ("Detective Inspector Paul Orlov said so.", "Detective Inspector Paul Orlov", "PERSON", "Paul Orlov"),
        # a country's or a people's office before a name (a QA brief had "Guatemala President Alejandro
        # Giammattei" as an organisation and no person)
        ("Talks with Guatemala President Ana Torvik ended.", "Guatemala President Ana Torvik", "ORG", "Ana Torvik"),
        ("French Prime Minister Paul Orlov spoke.", "French Prime Minister Paul Orlov", "PERSON", "Paul Orlov"),
        ("The Texas State University Police said so.", "Texas State University Police", "ORG",
         "Texas State University Police"),
        # legislators and local offices (a QA brief listed "Congressman Wolf" apart from Frank R. Wolf)
        ("Congressman Paul Orlov said so.", "Congressman Paul Orlov", "PERSON", "Paul Orlov"),
        ("Assemblywoman Nia Kade said so.", "Assemblywoman Nia Kade", "PERSON", "Nia Kade"),
        ("District Attorney Ana Torvik said so.", "District Attorney Ana Torvik", "PERSON", "Ana Torvik"),
        (
            "Astrophysicist Nia Orlov Kade said so.",
            "Astrophysicist Nia Orlov Kade",
            "PERSON",
            "Nia Orlov Kade",
        ),
    ],
)
def test_clean_mention_trims_to_the_name(text: str, surface: str, label: str, name: str) -> None:
    span = _clean(text, surface, label, {"astrophysicist"})
    assert span is not None
    assert span.text == name == text[span.start : span.end]


def test_a_person_span_ending_in_an_office_is_the_office() -> None:
    # Multi-News / conflicts-dev briefs listed "Bexar County Sheriff" and "Broward Sheriff" as people
    span = _clean("said Bexar County Sheriff Javier Salazar.", "Bexar County Sheriff", "PERSON")
    assert span is not None and span.label == "ORG" and span.votes == {"ORG": 1.0}
    person = _clean("said Sheriff Javier Salazar.", "Sheriff Javier Salazar", "PERSON")
    assert person is not None and person.text == "Javier Salazar" and person.label == "PERSON"


def test_a_place_s_institution_is_named_without_the_place() -> None:
    # QA round 42 listed "England's University of Warwick"
    span = _clean("Researchers at England's University of Warwick found it.", "England's University of Warwick", "ORG")
    assert span is not None and span.text == "University of Warwick"
    span = _clean("He studied at St. John's University in Queens.", "St. John's University", "ORG")
    assert span is not None and span.text == "St. John's University"  # no place owns it


def test_two_people_joined_by_and_are_no_one_name() -> None:
    # QA round 41 listed the deejays "Roula and Ryan" as one person
    assert _clean("Morning hosts Roula and Ryan joked about it.", "Roula and Ryan", "PERSON") is None
    assert _clean("Ben & Jerry said so.", "Ben & Jerry", "ORG") is not None  # a firm's name may hold one


def test_a_county_state_s_attorney_names_the_county() -> None:
    # QA round 39 listed a place "DeKalb County State" beside "DeKalb County"
    text = "DeKalb County State's Attorney Richard Schmack reviewed the case."
    for surface in ("DeKalb County State", "DeKalb County State's"):
        span = _clean(text, surface, "GPE")
        assert span is not None and span.text == "DeKalb County"
    span = _clean("He moved to Washington State last year.", "Washington State", "GPE")
    assert span is not None and span.text == "Washington State"


def test_a_stripped_title_votes_person() -> None:
    span = _clean("Adm. Lee Varn sailed.", "Adm. Lee Varn", "ORG")
    assert span is not None and span.votes["PERSON"] >= 1


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Follow #Torvik now.", "Torvik", "PERSON"),  # hashtag
        ("Photo: Ana Torvik / AFP", "Ana Torvik / AFP", "PERSON"),  # credit line
        (
            "the Ministers of Trade and Defense, Ri Sol Hwa",
            "the Ministers of Trade and Defense, Ri Sol Hwa",
            "ORG",
        ),
        ("tell us more", "us", "GPE"),  # all lower case
        ("about 42 of them", "42", "ORG"),
        ("the X factor", "X", "ORG"),
        ("cars for Torvik’s Mercedes", "Torvik’s Mercedes", "PERSON"),
        ("On Monday", "Monday", "PERSON"),
        ("cases of COVID-19 rose", "COVID-19", "PERSON"),  # no person's name holds a digit
        ("estimated at $US1 million", "US1", "GPE"),  # nor a country's (an ECB+ brief: "United States — also: US1")
        ("He has a prior DWI conviction.", "DWI", "ORG"),  # an offence's initials (QA round 23)
        ("He had 121 RBIs last season.", "RBIs", "ORG"),  # a statistic's
        ("Cctv video from the airport emerged on monday", "Cctv", "ORG"),  # a camera's, capitalised (QA round 26)
    ],
)
def test_junk_and_compound_mentions_are_dropped(text: str, surface: str, label: str) -> None:
    assert _clean(text, surface, label) is None


def test_ordinary_words_capitalised_by_position_are_no_names() -> None:
    # ECB+ briefs listed "Detectives", "Friends", "Flames" (sentence starts) and "PROVISIONAL" as organisations
    lower = {"detectives", "flames", "provisional", "who", "apple"}
    assert _clean("It ended. Detectives said so.", "Detectives", "ORG", lower) is None
    assert _clean("“Flames came out,” he said.", "Flames", "ORG", lower) is None
    assert _clean("A PROVISIONAL trial date was set.", "PROVISIONAL", "ORG", lower) is None
    # a name mid-sentence, a word the story never writes in lower case, or a short acronym stays
    assert _clean("He told Detectives Inc. so.", "Detectives", "ORG", lower) is not None
    assert _clean("It ended. Velmont said so.", "Velmont", "ORG", lower) is not None
    assert _clean("It ended. WHO said so.", "WHO", "ORG", lower) is not None


def test_context_votes_for_type() -> None:
    text = "They arrived in Velmont on foot, then met spokesman Velmont."
    place = Span("a", text.index("Velmont"), text.index("Velmont") + 7, "Velmont", "PERSON")
    person = Span("a", text.rindex("Velmont"), text.rindex("Velmont") + 7, "Velmont", "GPE")
    context_votes(place, text)
    context_votes(person, text)
    assert place.votes["GPE"] > 0 and person.votes["PERSON"] > 0


def test_a_cue_counts_only_right_next_to_the_span() -> None:
    # "in 2010, Lohan was accused" voted Lohan a place (an ECB+ brief kept "Lohan" apart from Lindsay Lohan)
    text = "She was at the clinic in 2010, Lohan said. In Velmont, Orlov. Velmont. City officials agreed."
    lohan = Span("a", text.index("Lohan"), text.index("Lohan") + 5, "Lohan", "PERSON")
    velmont = Span("a", text.index("Velmont"), text.index("Velmont") + 7, "Velmont", "ORG")
    orlov = Span("a", text.index("Orlov"), text.index("Orlov") + 5, "Orlov", "PERSON")
    last = Span("a", text.rindex("Velmont"), text.rindex("Velmont") + 7, "Velmont", "ORG")
    for span in (lohan, velmont, orlov, last):
        context_votes(span, text)
    assert not lohan.votes and not orlov.votes  # no cue: "2010," and "Velmont," stand between
    assert velmont.votes["GPE"] > 0  # "In Velmont"
    assert not last.votes  # "Velmont. City officials": the next sentence's "City" is no place noun


def test_extend_person_takes_the_rest_of_the_name_but_not_titles_or_common_words() -> None:
    text = "He named Marshals Ri Pyong Sol and Today Varn, then Abroad Varn."
    chol = text.index("Sol")
    span = Span("a", chol, chol + 3, "Sol", "PERSON")
    extend_person(span, text, 0, len(text), {"today"})
    assert span.text == "Ri Pyong Sol" == text[span.start : span.end]
    kade = "Six-year-old Ana Kade died."
    kid = Span("a", kade.index("Ana"), kade.index("Ana") + 3, "Ana", "PERSON")
    extend_person(kid, kade, 0, len(kade), set())
    assert kid.text == "Ana Kade"  # not "Six-year-old Ana Kade"
    varn = text.index("Varn")
    other = Span("a", varn, varn + 4, "Varn", "PERSON")
    extend_person(other, text, 0, len(text), {"today"})
    assert other.text == "Varn"


def _voted(text: str, surface: str, label: str) -> Span:
    span = Span("a", text.index(surface), text.index(surface) + len(surface), surface, label)
    span.votes[label] = 1.0
    context_votes(span, text)
    return span


def test_a_name_read_as_a_thing_is_no_person() -> None:
    # "Keystone XL" (NER PERSON in every mention) was a person of a NeuS brief
    which = _voted("Varno Line, which was proposed in 2008, was halted.", "Varno Line", "PERSON")
    code = _voted("They pulled the plug on the Varno XL pipeline.", "Varno XL", "PERSON")
    assert not which.votes["PERSON"] and which.votes["ORG"] > 0
    assert not code.votes["PERSON"] and code.votes["ORG"] > 0
    # a regnal number, a suffix, a relative "who": people
    for text, name in (("Louis XV, who ruled, died.", "Louis XV"), ("Dale Orr JR left.", "Dale Orr JR"),
                       ("Anthony Roe QC, prosecuting, spoke.", "Anthony Roe QC"),
                       ("Ana Torvik, who spoke first, left.", "Ana Torvik")):
        assert _voted(text, name, "PERSON").votes["PERSON"] >= 1.0
    assert _voted("Orlov, who spoke, left.", "Orlov", "GPE").votes["PERSON"] > 0


def test_an_abbreviated_title_alone_is_no_name() -> None:
    # NER cut "Sgt" off "Sgt. Hoyt Teasley": a person "Sgt" in 4 sources of an ECB+ brief
    assert _clean("He shot Sgt. Hoyt Orlo outside.", "Sgt", "PERSON") is None
    assert _clean("Then Lt. Ana Kade left.", "Lt.", "PERSON") is None
    assert _clean("He met King on Monday.", "King", "PERSON") is not None  # a surname


def test_a_name_before_born_or_based_is_a_place() -> None:
    # "the 55-year-old Glasgow-born star" made Glasgow a person of an ECB+ brief (NER PERSON twice, GPE once)
    assert _voted("The 55-year-old Velmont-born star will play him.", "Velmont", "PERSON").votes["GPE"] > 0
    assert _voted("A Velmont-based firm won the bid.", "Velmont", "ORG").votes["GPE"] > 0
    assert not _voted("Velmont borne by the crowd left.", "Velmont", "PERSON").votes["GPE"]


def _voted(text: str, surface: str, label: str = "ORG") -> Span:
    start = text.index(surface)
    span = Span("a", start, start + len(surface), surface, label, Counter({label: 1.0}))
    context_votes(span, text)
    return span


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        # the demo brief typed a border station ORG ("Russia’s Khasan border station") and a delegate ORG
        # ("Pak Thae Song, chairman of North Korea’s space science ..."): NER's guess for rare foreign names
        ("Officials met him at the Orvak border station.", "Orvak", "GPE"),
        ("Police sealed the border town of Orvak.", "Orvak", "GPE"),
        ("Boats sailed up the Orvak river at dawn.", "Orvak", "LOC"),
        ("Also there was Pak Orvak, chairman of the space agency.", "Pak Orvak", "PERSON"),
        ("Also there was Pak Orvak, secretary for Science and Education.", "Pak Orvak", "PERSON"),
    ],
)
def test_a_settling_cue_overrules_an_org_label(text: str, surface: str, label: str) -> None:
    span = _voted(text, surface)
    assert "ORG" not in span.votes and span.votes[label] >= 1


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Agents of the CBP border unit arrived.", "CBP"),  # an acronym is an organisation
        ("Velmont, the official news agency, said so.", "Velmont"),  # no role "of"/"for": a description
        ("They sued Velmont in the city court.", "Velmont"),  # "in the city": not right next to the name
    ],
)
def test_an_org_keeps_its_label_without_a_settling_cue(text: str, surface: str) -> None:
    assert _voted(text, surface).votes["ORG"] == 1.0


@pytest.mark.parametrize(
    ("text", "surface", "label", "typed"),
    [
        # demo brief: "Kim Dynasty" was a person, "Tuman River Friendship Bridge" an organisation
        ("It works because Orlov Dynasty has ninety wagons.", "Orlov Dynasty", "PERSON", "ORG"),
        ("The Varn Administration said so.", "Varn Administration", "PERSON", "ORG"),
        ("The train crossed the Velmont River Friendship Bridge.", "the Velmont River Friendship Bridge", "ORG", "FAC"),
        ("Ships wait at the Orvak Canal.", "the Orvak Canal", "ORG", "FAC"),
        ("The Orvak River rose.", "The Orvak River", "LOC", "LOC"),
    ],
)
def test_a_name_ending_in_a_group_or_a_structure(text: str, surface: str, label: str, typed: str) -> None:
    span = _clean(text, surface, label)
    assert span is not None and span.label == typed


def test_a_portfolio_before_an_office_is_no_organisation() -> None:
    # "Russian Defense Minister Shoigu" gave the demo an ORG "Defense", "Press Secretary Jen Psaki" a NeuS one "Press"
    assert _clean("Russian Defense Minister Shoigu visited.", "Defense", "ORG") is None
    assert _clean("Then Press Secretary Jen Psaki spoke.", "Press", "ORG") is None
    kept = _clean("Angels spokesman Tim Mead said so.", "Angels", "ORG")  # a team's spokesman: the team stays
    assert kept is not None and kept.text == "Angels"
    assert _clean("Defense said so.", "Defense", "ORG") is not None  # no office after it


@pytest.mark.parametrize(
    "text",
    [
        # Multi-News / NeuS / ECB+ briefs typed Twitter and Instagram as people
        "Video posted on Velmo shows the firefighters.",
        "She has been posting on Velmo since May.",
        "Fans were soon taking to Velmo in droves.",
        "The board said in a statement on Velmo that it erred.",
        "Follow @newsdesk on Velmo for more.",
    ],
)
def test_what_one_posts_on_is_a_platform(text: str) -> None:
    span = _voted(text, "Velmo", "PERSON")
    assert "PERSON" not in span.votes and span.votes["ORG"] >= 1


def test_a_person_one_reports_on_stays_a_person() -> None:
    assert _voted("Pressure grew on Velmo after the vote.", "Velmo", "PERSON").votes == {"PERSON": 1.0}


def test_the_plural_name_is_a_team_not_a_person() -> None:
    # an ECB+ brief listed the "Jaguars" (33 mentions, "The Jaguars had two chances ...") as a person
    span = _voted("The Velmars had two chances to tie the score.", "Velmars", "PERSON")
    assert "PERSON" not in span.votes and span.votes["ORG"] >= 1
    assert _voted("Then Velmars had two chances.", "Velmars", "PERSON").votes == {"PERSON": 1.0}  # no "the"
    assert _voted("The Velmar won.", "Velmar", "PERSON").votes == {"PERSON": 1.0}  # no plural


@pytest.mark.parametrize(("text", "surface"), [
    ("Rep. Jeb Hensarling (R., Texas) said so.", "Texas"),
    ("Rep. Jim Jordan (R-Ohio) agreed.", "Ohio"),
    ("Sen. Chuck Schumer (D-N.Y.) said no.", "N.Y."),
])
def test_the_state_of_a_party_tag_is_no_place_of_the_story(text: str, surface: str) -> None:
    # a QA brief listed Ohio and Texas as places of a story that happened in Washington
    assert _clean(text, surface, "GPE") is None
    assert _clean(f"The rally moved to Austin, {surface}, on Monday.", surface, "GPE") is not None


def test_a_place_and_a_plural_nickname_is_a_team() -> None:
    # QA round 27 (ECB+, conflicts-dev): "Miami Dolphins" GPE, "Buffalo Bills" PERSON
    for text, name, label in (("He signed with the Miami Dolphins in March.", "Miami Dolphins", "GPE"),
                              ("The Buffalo Bills fired the coach.", "Buffalo Bills", "PERSON")):
        span = _voted(text, name, label)
        assert span.votes["ORG"] >= 1.0 and not span.votes[label]
    # a place named so, and a person, stay what they are
    assert _voted("They drove to Beverly Hills on Monday.", "Beverly Hills", "GPE").votes["GPE"] >= 1.0
    assert _voted("Paris Hilton arrived late.", "Paris Hilton", "PERSON").votes["PERSON"] >= 1.0
    assert _voted("The coach, Roy Williams, arrived late.", "Roy Williams", "PERSON").votes["PERSON"] >= 1.0


def test_a_courtesy_title_makes_a_person_whatever_ner_read() -> None:
    # QA round 31: '"... a little spliff," Mr Bunting said.' gave "Mr Bunting" (WORK_OF_ART), apart from Peter Bunting
    span = _clean('"It is only a little spliff," Mr Bunting said.', "Mr Bunting", "WORK_OF_ART")
    assert span is not None and span.label == "PERSON" and span.text == "Bunting"
    span = _clean("Mrs. Kade Orlov arrived.", "Mrs. Kade Orlov", "ORG")
    assert span is not None and span.label == "PERSON" and span.text == "Kade Orlov"
    span = _clean("She won Miss America in 1984.", "Miss America", "EVENT")
    assert span is not None and span.label == "EVENT"


def test_a_court_case_s_v_is_no_initial() -> None:
    # QA round 37 (test-250): "Clearstream Banking s.a. V. Peterson" and "new prime inc. V. Oliveira" gave people
    # "V. Peterson" and "V. Oliveira"
    assert _clean("The court heard Clearstream Banking s.a. V. Peterson on Monday.", "V. Peterson", "PERSON") is None
    assert _clean("The case was Smith V. Peterson, decided in 2016.", "V. Peterson", "PERSON") is None
    span = _clean("The lawyers left. V. Peterson, the judge, spoke on Monday.", "V. Peterson", "PERSON")
    assert span is not None and span.text == "V. Peterson"


def test_a_writer_s_title_before_a_full_name_is_no_part_of_it() -> None:
    # QA round 37 (Multi-News): "Writer Lydia Syson" and "Lydia Syson" were two people
    span = _clean("Writer Lydia Syson said the city was in danger.", "Writer Lydia Syson", "PERSON")
    assert span is not None and span.text == "Lydia Syson"
