"""Clustering on hand-built stories (no model): merges that must happen, and guards that must hold."""

from __future__ import annotations

import time

from storylens.entities import entity_ids_by_sentence, resolve_entities
from storylens.models import Entity, Story


def _by_form(entities: list[Entity], form: str) -> Entity:
    hits = [e for e in entities if any(m.text == form for m in e.mentions)]
    assert len(hits) == 1, (form, [(e.name, e.aliases) for e in hits])
    return hits[0]


def _same(entities: list[Entity], *pairs: tuple[str, str]) -> None:
    """Each pair of written forms names one entity."""
    for a, b in pairs:
        assert _by_form(entities, a) is _by_form(entities, b), (a, b)


def _forms(e: Entity) -> set[str]:
    return {m.text for m in e.mentions}


def _assert_spans(story: Story, entities: list[Entity]) -> None:
    texts = {a.id: a.text for a in story.articles}
    seen = set()
    for e in entities:
        for m in e.mentions:
            assert texts[m.source][m.start : m.end] == m.text
            assert (m.source, m.start, m.end) not in seen
            seen.add((m.source, m.start, m.end))


def test_variants_titles_and_label_disagreements_merge_across_sources(story_from) -> None:
    story = story_from(
        a="[President Ana Torvik|PERSON] arrived in [Port Halden|GPE] on Monday. "
        "[Torvik|PERSON] met [Tsai Ing-wen|PERSON] there.",
        b="[Cai Ing Wen|PERSON] flew to [Port Halden|PERSON] to see [Ana Torvik|PERSON]. "
        "[Cai|PERSON] spoke first, in [Port Halden|GPE].",
        c="The [Velikhanov Group|ORG] hired [Mohammed Oran|PERSON]. "
        "[Velichanov Group|ORG] staff praised [Muhammad Oran|PERSON].",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    torvik = _by_form(entities, "Ana Torvik")
    assert _forms(torvik) == {"Ana Torvik", "Torvik"} and torvik.type == "PERSON"
    assert {m.source for m in torvik.mentions} == {"a", "b"}
    tsai = _by_form(entities, "Tsai Ing-wen")
    assert {"Cai Ing Wen", "Cai"} <= _forms(tsai)
    port = _by_form(entities, "Port Halden")
    assert port.type == "GPE" and len(port.mentions) == 3  # PERSON once, GPE twice
    assert _by_form(entities, "Velikhanov Group") is _by_form(entities, "Velichanov Group")
    oran = _by_form(entities, "Mohammed Oran")
    assert oran.aliases == ["Muhammad Oran"] or oran.name == "Muhammad Oran"


def test_people_who_share_a_name_part_stay_apart(story_from) -> None:
    story = story_from(
        a="[Kim Jong Un|PERSON] met [Kim Yo Jong|PERSON] and [Kim Jong Il|PERSON]'s widow. "
        "[John Smith|PERSON] and [Jane Smith|PERSON] watched.",
        b="[George W. Hale|PERSON] and his father [George H. W. Hale|PERSON] met [George Hale|PERSON].",
    )
    entities = resolve_entities(story)
    for form in ("Kim Jong Un", "Kim Yo Jong", "Kim Jong Il", "John Smith", "Jane Smith"):
        assert _forms(_by_form(entities, form)) == {form}
    assert (
        len({_by_form(entities, f).id for f in ("George W. Hale", "George H. W. Hale", "George Hale")}) == 3
    )


def test_a_name_without_initial_joins_the_only_name_with_one(story_from) -> None:
    story = story_from(a="[William P. Hale|PERSON] spoke.", b="[William Hale|PERSON] said no.")
    entities = resolve_entities(story)
    assert _by_form(entities, "William Hale") is _by_form(entities, "William P. Hale")


def test_a_diminutive_joins_the_full_given_name_of_the_same_surname(story_from) -> None:
    story = story_from(
        a="FBI Director [Christopher Vrane|PERSON] testified. [Katherine Lund|PERSON] listened.",
        b="Director [Chris Vrane|PERSON] said the tips were read. [Kate Lund|PERSON] disagreed.",
        c="[Bill Osgood|PERSON] and [Robert Osgood|PERSON] ran the farm.",
        d="[William Osgood|PERSON] sold it.",
        e="[Mike Tarrant|PERSON] and [Michael Tarrant|PERSON] left, with [Nick Tarrant|PERSON].",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    assert _by_form(entities, "Chris Vrane") is _by_form(entities, "Christopher Vrane")
    assert _by_form(entities, "Kate Lund") is _by_form(entities, "Katherine Lund")
    assert _by_form(entities, "Bill Osgood") is _by_form(entities, "William Osgood")
    # a different given name with the same surname is another person
    assert _by_form(entities, "Robert Osgood") is not _by_form(entities, "William Osgood")
    # an article writing both forms side by side names two people (a son and a father)
    assert _by_form(entities, "Mike Tarrant") is not _by_form(entities, "Michael Tarrant")
    assert _by_form(entities, "Nick Tarrant") is not _by_form(entities, "Michael Tarrant")


def test_a_diminutive_paragraphs_after_the_full_name_in_one_article_is_one_person(story_from) -> None:
    # a Multi-News brief listed "Christopher Wray" and "Chris Wray" (one Politico article) as two people
    filler = " The committee met for hours behind closed doors and voted along party lines on the release."
    story = story_from(
        a="FBI Director [Christopher Wray|PERSON] objected." + filler + " He met with both [Chris Wray|PERSON] and "
          "[Rod Rosenstein|PERSON] on Sunday.",
        b="[Pete Lund|PERSON] ran the farm." + filler + " His father [Peter Lund|PERSON] had bought it in 1970.",
    )
    entities = resolve_entities(story)
    _same(entities, ("Chris Wray", "Christopher Wray"))
    assert _by_form(entities, "Pete Lund") is not _by_form(entities, "Peter Lund")  # a family word: two people
    # more diminutives (a QA brief split "Bekah Martinez" from "Rebekah Martinez", the story's one person)
    story = story_from(a="[Rebekah Velmont|PERSON] was reported missing.", b="[Bekah Velmont|PERSON] was found.")
    entities = resolve_entities(story)
    _same(entities, ("Bekah Velmont", "Rebekah Velmont"))
    # QA round 9: "Stan Perlo" / "Stanley Perlo" (ECB+), "Ray Fang" / "Raymond Fang" (conflicts-dev) were split
    story = story_from(a="[Stanley Perlo|PERSON] spoke. [Raymond Fang|PERSON] wept.",
                       b="[Stan Perlo|PERSON] said so. [Ray Fang|PERSON] was there.")
    entities = resolve_entities(story)
    _same(entities, ("Stan Perlo", "Stanley Perlo"), ("Ray Fang", "Raymond Fang"))


def test_a_diminutive_shared_by_two_full_names_stays_apart(story_from) -> None:
    story = story_from(
        a="[Chris Hale|PERSON] spoke.", b="[Christopher Hale|PERSON] agreed.", c="[Christine Hale|PERSON] left.",
    )
    entities = resolve_entities(story)
    assert len({_by_form(entities, f).id for f in ("Chris Hale", "Christopher Hale", "Christine Hale")}) == 3


def test_a_lone_surname_resolves_to_the_person_named_in_that_article(story_from) -> None:
    story = story_from(
        a="[Ri Song Ho|PERSON] arrived. [Ri|PERSON] said he was glad.",
        b="[Ri Mun Sol|PERSON] left. [Ri|PERSON] gave no reason.",
        c="[Ri Song Ho|PERSON] and [Ri Song Ho|PERSON] again, with [Ri Mun Sol|PERSON]. [Ri|PERSON] spoke.",
        d="[Edda Varga|PERSON] came. [Varga|ORG] said so, and Mr. Varga left.",
    )
    entities = resolve_entities(story)
    ho, sol = _by_form(entities, "Ri Song Ho"), _by_form(entities, "Ri Mun Sol")
    lone = {(m.source, e.id) for e in entities for m in e.mentions if m.text == "Ri"}
    assert lone == {("a", ho.id), ("b", sol.id), ("c", ho.id)}  # c: the most mentioned Ri
    varga = _by_form(entities, "Edda Varga")
    assert [m.text for m in varga.mentions] == ["Edda Varga", "Varga", "Varga"]  # ORG slip, then "Mr. Varga"
    assert varga.type == "PERSON"


def test_a_surname_ner_took_for_a_place_is_the_person_named_in_that_article(story_from) -> None:
    # ECB+ / Multi-News briefs listed "Lohan" (GPE, 13 sources) apart from Lindsay Lohan, "Nunes" from Devin Nunes
    story = story_from(
        a="[Lindsay Lohan|PERSON] went to rehab. [Lohan|GPE] checked in on Thursday.",
        b="[Lohan|GPE] was seen.",
        c="[Edda Varga|PERSON] flew to [Washington|GPE]. Officials in [Washington|GPE] met her.",
        d="[George Washington|PERSON] and [Washington|GPE] said so.",
    )
    entities = resolve_entities(story)
    lohan = _by_form(entities, "Lindsay Lohan")
    # b names no Lohan in full, but "Lohan" is no known place and never read as one: the one Lohan of the story
    assert [(m.source, m.text) for m in lohan.mentions] == [("a", "Lindsay Lohan"), ("a", "Lohan"), ("b", "Lohan")]
    assert lohan.type == "PERSON"
    # "Washington" read as a place somewhere stays a place everywhere
    assert _by_form(entities, "Washington") is not _by_form(entities, "George Washington")


def test_a_place_ner_took_for_a_first_name_stays_a_place(story_from) -> None:
    # QA round 11: "Surrey" (the county, "in Surrey") went to "Surrey Police", typed PERSON, whose first word it is
    story = story_from(
        a="A supermarket in [Surrey|PERSON] burned down. [Surrey Police|PERSON] said the fire was suspicious.",
        b="The store in Banstead, [Surrey|PERSON], was destroyed.",
    )
    entities = resolve_entities(story)
    police = _by_form(entities, "Surrey Police")
    assert police.type == "ORG" and _forms(police) == {"Surrey Police"}
    assert _by_form(entities, "Surrey") is not police


def test_a_relative_whose_name_ends_a_longer_one_is_a_person_of_his_own(story_from) -> None:
    # QA round 17 (Multi-News): 'her first husband Humphrey Bogart' was filed under their son 'Stephen Humphrey Bogart'
    story = story_from(
        a="She loved her first husband [Humphrey Bogart|PERSON]. Her son [Stephen Humphrey Bogart|PERSON] inherits.",
        b="[Stephen Humphrey Bogart|PERSON], of Naples, gets a third. Her late husband [Humphrey Bogart|PERSON] left a "
          "trust.",
        c="A trust her ex-husband [Humphrey Bogart|PERSON] left her goes to the children.",
    )
    entities = resolve_entities(story)
    father, son = _by_form(entities, "Humphrey Bogart"), _by_form(entities, "Stephen Humphrey Bogart")
    assert father is not son and {m.source for m in father.mentions} == {"a", "b", "c"}


def test_a_double_surname_alone_is_the_person_named_in_full(story_from) -> None:
    # a conflicts-dev obituary listed "Dickson Wright" and "Clarissa Dickson Wright" as two people
    story = story_from(
        a="[Clarissa Dickson Wright|PERSON] has died. [Dickson Wright|PERSON] was 66.",
        b="Her father [Arthur Dickson Wright|PERSON] was a surgeon.",
        c="[Clarissa Dickson Wright|PERSON] and her father [Arthur Dickson Wright|PERSON]. [Dickson Wright|PERSON] wrote.",
        d="[Dickson Wright|PERSON] cooked. [Mary Ann Hale|PERSON] ate.",
    )
    entities = resolve_entities(story)
    clarissa = _by_form(entities, "Clarissa Dickson Wright")
    assert ("a", "Dickson Wright") in {(m.source, m.text) for m in clarissa.mentions}
    arthur = _by_form(entities, "Arthur Dickson Wright")
    # c names both: ambiguous, so not given to either; d names neither and the story has two
    assert all(m.text != "Dickson Wright" for m in arthur.mentions)
    assert {m.source for m in clarissa.mentions if m.text == "Dickson Wright"} == {"a"}
    # when two other articles mean Clarissa by it, an article naming both as often means her too (a QA brief of an
    # obituary listed 'Dickson Wright' apart from Clarissa Dickson Wright, whose baptismal name one article gave)
    agreed = story_from(
        a="[Clarissa Dickson Wright|PERSON] has died. [Dickson Wright|PERSON] was 66.",
        b="[Clarissa Dickson Wright|PERSON] cooked. [Dickson Wright|PERSON] wrote books.",
        c="[Clarissa Dickson Wright|PERSON], baptised [Louise Esmerelda Dickson Wright|PERSON]. "
          "[Dickson Wright|PERSON] wrote.",
        d="Born [Louise Esmerelda Dickson Wright|PERSON], she was the youngest child.",
    )
    clarissa = _by_form(resolve_entities(agreed), "Clarissa Dickson Wright")
    assert {m.source for m in clarissa.mentions if m.text == "Dickson Wright"} == {"a", "b", "c"}
    # a longer name written once may be NER's slip, not the person's full name
    slip = story_from(a="[Stephen Johnson|PERSON] quit. The Sheriff's [Office Stephen Johnson|PERSON] photo.",
                      b="[Stephen Johnson|PERSON] left.")
    assert _by_form(resolve_entities(slip), "Stephen Johnson").name == "Stephen Johnson"


def test_the_canonical_name_is_capitalised_as_a_name() -> None:
    from storylens.entities.resolve import canonical_name

    forms = ["House intelligence committee"] * 3 + ["House Intelligence Committee"] * 2
    assert canonical_name(forms) == "House Intelligence Committee"
    assert canonical_name(["Arthur de Soultrait", "Arthur de Soultrait", "Arthur De Soultrait"]) == "Arthur de Soultrait"
    assert canonical_name(["Orange Is the New Black"] * 2 + ["Orange Is The New Black"]) == "Orange Is the New Black"
    # one article's misspelling, however often it repeats it, against the spelling of two others (a QA brief)
    forms = ["Barak Obama"] * 4 + ["Barack Obama"] * 2
    assert canonical_name(forms, ["d1"] * 4 + ["d2", "d3"]) == "Barack Obama"
    assert canonical_name(forms) == "Barak Obama"  # no sources given: mentions decide


def test_names_cut_short_by_ner_are_made_whole(story_from) -> None:
    # a NeuS brief listed "Islamic" (NORP) beside "Islamic State", and "George Floyd Justice" (PERSON) and
    # "Policing Act" (EVENT) for the George Floyd Justice in Policing Act
    story = story_from(
        a="Two [Islamic|NORP] State militants died. The House passed the [George Floyd Justice|PERSON] in "
        "[Policing Act|EVENT] in March; [George Floyd|PERSON] was killed in 2020.",
        b="A strike on the [Islamic State|ORG] affiliate. [Islamic|NORP] scholars met.",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    state = _by_form(entities, "Islamic State")
    assert {m.source for m in state.mentions} == {"a", "b"} and state.type == "ORG"
    assert _by_form(entities, "Islamic").type == "NORP"  # the demonym itself stays
    host = story_from(a="[Tucker Carlson|PERSON] spoke. [Fox’s Tucker Carlson|ORG] was in [Budapest|GPE].",
                      b="[Macy’s Thanksgiving Day Parade|EVENT] went ahead.")
    found = resolve_entities(host)
    carlson = _by_form(found, "Tucker Carlson")
    assert len(carlson.mentions) == 2 and carlson.type == "PERSON"  # a NeuS brief listed "Fox’s Tucker Carlson"
    assert _by_form(found, "Macy’s Thanksgiving Day Parade").type == "EVENT"
    act = _by_form(entities, "George Floyd Justice in Policing Act")
    assert act.type == "LAW"
    assert _forms(_by_form(entities, "George Floyd")) == {"George Floyd"}


def test_a_name_ner_cut_at_its_possessive_is_the_name_it_opens(story_from) -> None:
    # QA round 22: an ECB+ brief listed "Sam" (PERSON, 8 sources) beside "Bloomington Sam's Club" (ORG), and the
    # victim's town "Burnsville" (written "Johnson, 66, of Burnsville") as a person
    story = story_from(
        a="A woman was hit outside the [Sam|PERSON]'s Club store. [LuAnn Johnson|PERSON], 66, of "
        "[Burnsville|PERSON], died.",
        b="Police were called to [Sam's Club|ORG] in [Bloomington|GPE]. [Luann Johnson|PERSON], of "
        "[Burnsville|PERSON], was walking in.",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    club = _by_form(entities, "Sam's Club")
    assert {m.source for m in club.mentions} == {"a", "b"} and club.type == "ORG"
    assert not any(e.type == "PERSON" and e.name == "Sam" for e in entities)
    assert _by_form(entities, "Burnsville").type == "GPE"
    assert _by_form(entities, "LuAnn Johnson").type == "PERSON"
    show = story_from(a='It was broadcast live on CNN\'s "[John King USA|PERSON]" program. The senator called on '
                      '"[Maria Lopez|PERSON]" to testify.')
    found = resolve_entities(show)
    assert _by_form(found, "John King USA").type == "WORK_OF_ART"
    assert _by_form(found, "Maria Lopez").type == "PERSON"  # a quoted name with no show after it


def test_a_name_before_a_building_s_noun_is_the_building(story_from) -> None:
    # QA round 23: a NeuS brief listed "Al-Jalaa" (the tower in "evacuate al-Jalaa tower") as a person
    story = story_from(a="Israel ordered people to evacuate [al-Jalaa|PERSON] tower. [Al-Jalaa|PERSON] tower fell. "
                         "[Amir Haddad|PERSON] tower crane operator [Amir Haddad|PERSON] said so.")
    entities = resolve_entities(story)
    assert _by_form(entities, "Al-Jalaa").type == "FAC"
    assert _by_form(entities, "Amir Haddad").type == "PERSON"


def test_a_trade_before_a_full_name_is_no_part_of_it(story_from) -> None:
    # QA round 26: "Rapper Trap Beckham" (PERSON, also: Beckham), "Englishman Robert Buckley"
    story = story_from(a="[Rapper Trap Beckham|PERSON] and his manager met. [Beckham|PERSON] left.",
                       b="[Englishman Robert Buckley|PERSON] fell. [Robert Buckley|PERSON], 32, died.")
    entities = resolve_entities(story)
    assert _by_form(entities, "Beckham").name == "Trap Beckham"
    assert _forms(_by_form(entities, "Robert Buckley")) == {"Robert Buckley"}


def test_a_name_written_with_and_without_its_inner_space_is_one(story_from) -> None:
    # QA round 26: "Joseph Van Wert" and "Joseph VanWert" were two people
    story = story_from(a="[Joseph Van Wert|PERSON], 65, was held.", b="[Joseph VanWert|PERSON], 65, was arrested.")
    assert _forms(_by_form(resolve_entities(story), "Joseph Van Wert")) == {"Joseph Van Wert", "Joseph VanWert"}


def test_an_office_s_last_word_and_an_award_are_no_names(story_from) -> None:
    # QA round 24: "State" (ORG) of "Secretary of State", and "Oscar Isaac — also: Oscar" from "acting Oscar nominees"
    story = story_from(a="Secretary of [State|ORG] [Hillary Clinton|PERSON] spoke. The [Oscar|PERSON] nominees met.",
                       b="[Oscar Isaac|PERSON] was invited. [Oscar|PERSON] arrived late, [Isaac|PERSON] said.")
    entities = resolve_entities(story)
    assert not any(e.name == "State" for e in entities)
    assert {m.source for m in _by_form(entities, "Oscar Isaac").mentions} == {"b"}


def test_a_region_with_its_administrative_word_is_its_bare_name(story_from) -> None:
    # QA round 22: a NeuS brief listed "Nangahar Province" (NYT) and "Nangarhar" (NPR's "Nangarhar province") apart
    story = story_from(a="A drone strike hit [Nangahar Province|GPE] on Friday. [Ohio State|ORG] won.",
                       b="The strike was in [Nangarhar|GPE] province. It rained in [Ohio|GPE].")
    entities = resolve_entities(story)
    province = _by_form(entities, "Nangarhar")
    assert _forms(province) == {"Nangahar Province", "Nangarhar"} and province.type == "GPE"
    assert _by_form(entities, "Ohio State") is not _by_form(entities, "Ohio")


def test_missed_mentions_are_found_by_known_names_and_variants(story_from) -> None:
    story = story_from(
        a="[Pyon Sol Hwa|PERSON] and [Tomas Reyk|PERSON] met in [Orlenia|GPE].",
        b="Envoys Pyon Sol-hwa and Ri Ok Pyon came. Orlenia’s envoy waited; Reyk smiled. Tomas left.",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    pyon = _by_form(entities, "Pyon Sol Hwa")
    assert ("b", "Pyon Sol-hwa") in {(m.source, m.text) for m in pyon.mentions}
    assert "Orlenia" in [m.text for m in _by_form(entities, "Orlenia").mentions if m.source == "b"]
    assert ("b", "Reyk") in {(m.source, m.text) for m in _by_form(entities, "Tomas Reyk").mentions}
    # a first name the story never uses alone is not searched for
    assert ("b", "Tomas") not in {(m.source, m.text) for e in entities for m in e.mentions}
    # "Pyon" inside the unknown "Ri Ok Pyon" is not taken for the known Pyon
    assert all(m.source == "a" or m.text != "Pyon" for e in entities for m in e.mentions)


def test_common_words_and_all_caps_are_not_taken_for_lone_names(story_from) -> None:
    story = story_from(
        a="[Navy|ORG] ships sailed. The navy said [Kang Tae Un|PERSON] led them. [Kang|PERSON] waved.",
        b="UN DAY. Navy ships came back with Kang.",
    )
    entities = resolve_entities(story)
    texts = [(m.source, m.text) for e in entities for m in e.mentions]
    assert ("b", "Navy") not in texts and ("b", "UN") not in texts
    assert ("b", "Kang") in texts


def test_a_word_with_digits_is_never_taken_for_a_known_name(story_from) -> None:
    # an ECB+ brief listed "US1" (of "$US1 million") as an alias of the United States
    story = story_from(a="[US|GPE] officials said damage was put at $US1 million ($1.52 million).")
    texts = [m.text for e in resolve_entities(story) for m in e.mentions]
    assert texts == ["US"]


def test_acronyms_link_to_their_expansion(story_from) -> None:
    story = story_from(
        a="The [World Health Organization|ORG] warned. Officials of the Joint Maritime Council (JMC) agreed.",
        b="[WHO|ORG] staff arrived. The [JMC|ORG] said nothing.",
    )
    entities = resolve_entities(story)
    who = _by_form(entities, "WHO")
    assert who.name == "World Health Organization" and who.aliases == ["WHO"]
    jmc = _by_form(entities, "JMC")
    assert jmc.name == "Joint Maritime Council" and len(jmc.mentions) == 3


def test_an_acronym_defined_in_brackets_after_a_name_is_its_short_form(story_from) -> None:
    # QA round 19 (NeuS): "Centers for Disease Control and Prevention (CDC)" and "CDC" were two organisations
    story = story_from(
        a="Officials of the [Centers for Disease Control and Prevention|ORG] ([CDC|ORG]) said so.",
        b="The [CDC|ORG] said nothing. The [Food and Drug Administration|ORG] ([DEA|ORG]) agreed.",
    )
    entities = resolve_entities(story)
    cdc = _by_form(entities, "CDC")
    assert cdc.name == "Centers for Disease Control and Prevention" and len(cdc.mentions) == 3
    # letters that do not follow the name's words are another body
    assert _by_form(entities, "DEA") is not _by_form(entities, "Food and Drug Administration")
    # letters of the name's last words (QA round 24: the transit authority's three names were three bodies)
    story = story_from(a="The [Santa Clara Valley Transportation Authority|ORG] ([VTA|ORG]) said so.",
                       b="A [VTA|ORG] worker died. The [Valley Transportation Authority|ORG] closed the yard.")
    vta = _by_form(resolve_entities(story), "VTA")
    assert vta.name == "Santa Clara Valley Transportation Authority" and len(vta.mentions) == 4


def test_a_place_acronym_is_not_an_organisation_with_those_initials(story_from) -> None:
    # "U.S." and "US" were aliases of the "University of Sheffield" in a Multi-News brief
    story = story_from(
        a="A professor at the [University of Sheffield|ORG] in the [U.K.|GPE] agreed.",
        b="Statisticians in the [US|GPE] were called. [U.S.|GPE] ships searched.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "US") is _by_form(entities, "U.S.")
    assert _by_form(entities, "US") is not _by_form(entities, "University of Sheffield")


def test_an_acronym_opening_longer_names_is_their_short_form_not_another_name_s_initials(story_from) -> None:
    # QA round 13 (ECB+ HP/EYP): "EYP", the company bought, was an alias of "Einhorn Yaffee Prescott", from which it
    # split off, because those are its initials
    story = story_from(
        a="HP will buy [EYP Mission Critical Facilities|ORG]. [EYP|ORG] has 350 staff.",
        b="[EYP|ORG] was split off from [Einhorn Yaffee Prescott|ORG] in 2001.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "EYP") is not _by_form(entities, "Einhorn Yaffee Prescott")
    # without a longer name opening on it, the initials still link
    story = story_from(a="The [World Health Organization|ORG] warned.", b="[WHO|ORG] staff arrived.")
    assert _by_form(resolve_entities(story), "WHO").name == "World Health Organization"
    # nor does a unit of the body opening on it (QA round 20: "HP" and "Hewlett-Packard" were two companies)
    story = story_from(a="[Hewlett-Packard|ORG] will buy the firm.", b="[HP|ORG] said [HP Services|ORG] will grow.")
    entities = resolve_entities(story)
    assert _by_form(entities, "HP") is _by_form(entities, "Hewlett-Packard")


def test_a_junior_named_among_family_words_is_the_son_not_the_father(story_from) -> None:
    # QA round 13 (ECB+ Deep Throat): "Felt is survived by two children, Joan Felt and Mark Felt Jr." made the son an
    # alias of Mark Felt
    story = story_from(
        a="[Mark Felt|PERSON] was Deep Throat. [Felt|PERSON] is survived by two children, [Joan Felt|PERSON] and "
          "[Mark Felt Jr.|PERSON], and four grandchildren.",
        b="[Martin Luther King Jr.|PERSON] spoke in 1963. [Martin Luther King|PERSON] was shot in 1968.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "Mark Felt Jr") is not _by_form(entities, "Mark Felt")
    assert _by_form(entities, "Felt") is _by_form(entities, "Mark Felt")
    # without family words around it, the suffix names the same person
    assert _by_form(entities, "Martin Luther King Jr") is _by_form(entities, "Martin Luther King")


def test_department_of_x_is_the_x_department(story_from) -> None:
    # NeuS / Multi-News briefs listed "Defense Department" and "Department of Defense" as two entities
    story = story_from(
        a="The [Department of Defense|ORG] and the [Ministry of the Interior|ORG] spoke.",
        b="The [Defense Department|ORG] and the [Interior Ministry|ORG] agreed; the [Justice Department|ORG] did not.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "Department of Defense") is _by_form(entities, "Defense Department")
    assert _by_form(entities, "Ministry of the Interior") is _by_form(entities, "Interior Ministry")
    assert _by_form(entities, "Justice Department") is not _by_form(entities, "Defense Department")


def test_a_department_is_its_name_of_two_words_or_more_alone(story_from) -> None:
    # a NeuS brief listed "Department of Health and Human Services" and "Health and Human Services" apart
    story = story_from(
        a="The [Department of Health and Human Services|ORG] paid. The [Department of Justice|ORG] sued.",
        b="[Health and Human Services|ORG] said so; [Justice|ORG] was served. [Homeland Security|ORG] waited.",
    )
    entities = resolve_entities(story)
    _same(entities, ("Department of Health and Human Services", "Health and Human Services"))
    assert _by_form(entities, "Department of Justice") is not _by_form(entities, "Justice")
    assert _by_form(entities, "Homeland Security") is not _by_form(entities, "Department of Justice")


def test_a_group_adjective_is_its_noun(story_from) -> None:
    # a NeuS brief listed "Democratic" and "Democrat" (with "Democrats") as two groups
    story = story_from(a="A [Democrat|NORP] from Ohio left; [Democrats|NORP] stayed.",
                       b="The [Democratic|NORP] leader spoke to [Republican|NORP] senators.")
    entities = resolve_entities(story)
    _same(entities, ("Democratic", "Democrat"), ("Democrats", "Democrat"))
    assert _by_form(entities, "Republican") is not _by_form(entities, "Democratic")


def test_numbered_streets_keep_their_numbers(story_from) -> None:
    # an ECB+ brief merged "117th Street" with "115th Street" and "27th Street" (each keyed "th street")
    story = story_from(a="A crash at [117th Street|FAC] and [97th Avenue|FAC]; another on [27th Street|FAC].",
                       b="The car hit a wall on [115th Street|FAC] near [95th Avenue|FAC], off [117th Street|FAC].")
    entities = resolve_entities(story)
    forms = [_forms(e) for e in entities]
    assert {"117th Street"} in forms and {"27th Street"} in forms and {"115th Street"} in forms
    assert {"97th Avenue"} in forms and {"95th Avenue"} in forms


def test_mr_x_is_a_surname(story_from) -> None:
    # a conflicts-dev brief gave Barack Obama the alias "Barak" (Ehud Barak, named "Mr. Barak" in one article)
    story = story_from(a="President [Barack Obama|PERSON] called. [Obama|PERSON] said so.",
                       b="Defense chief Mr. [Barak|PERSON] warned. [Barack Obama|PERSON] spoke.")
    entities = resolve_entities(story)
    assert _by_form(entities, "Barak") is not _by_form(entities, "Barack Obama")
    # a name written surname first keeps its "Mr." when the story never writes its last part alone
    story = story_from(a="Leader [Kim Jong Un|PERSON] left. President [Xi Jinping|PERSON] met him.",
                       b="Mr. [Kim|PERSON] spoke; Mr [Xi|PERSON] listened.")
    entities = resolve_entities(story)
    _same(entities, ("Kim", "Kim Jong Un"), ("Xi", "Xi Jinping"))


def test_interview_marks_and_a_datelines_state_are_no_people(story_from) -> None:
    # QA briefs listed "Q. Senate" and "A. Senate" (a Q&A piece) and "Vt" (a dateline's state) as people
    story = story_from(a="MONTPELIER, [Vt|PERSON]. (AP) — Police searched the house.\n"
                         "[Q. Senate|PERSON] leaders will meet again?\n[A. Senate|PERSON] is not scheduled to return.\n"
                         "The [Senate|ORG] met on Monday.",
                       b="[A. Smith|PERSON] wrote the report.\nA. The [Senate|ORG] did not vote.")
    entities = resolve_entities(story)
    forms = {f for e in entities for f in _forms(e)}
    assert "Q. Senate" not in forms and "A. Senate" not in forms
    assert len([e for e in entities if "Senate" in _forms(e)]) == 1
    assert _by_form(entities, "Vt").type == "GPE"
    assert "A. Smith" in forms  # no Q&A piece: an initial


def test_demonyms_stay_apart_from_their_country(story_from) -> None:
    story = story_from(a="[Varnian|NORP] troops left [Varnia|GPE]. [Varnia|GPE] wept.")
    entities = resolve_entities(story)
    assert _by_form(entities, "Varnian") is not _by_form(entities, "Varnia")
    assert _by_form(entities, "Varnian").type == "NORP"


def test_junk_mentions_are_dropped(story_from) -> None:
    story = story_from(a="Tell [us|GPE] about [42|ORG] items and [#Velmont|ORG] now. [X|ORG] marks it.")
    assert resolve_entities(story) == []


def test_ids_follow_salience_and_sentences_map_to_entities(story_from) -> None:
    story = story_from(
        a="[Orlenia|GPE] and [Velmont|GPE] met. [Orlenia|GPE] won.",
        b="[Orlenia|GPE] lost. Nothing else.",
    )
    entities = resolve_entities(story)
    assert [e.id for e in entities] == ["e1", "e2"]
    assert entities[0].name == "Orlenia"
    by_sentence = entity_ids_by_sentence(story, entities)
    assert by_sentence == {0: {"e1", "e2"}, 1: {"e1"}, 2: {"e1"}}


def test_resolution_is_fast_on_a_five_article_story(story_from) -> None:
    names = ["Ana Torvik", "Ri Song Ho", "Port Halden", "Orlenia", "Velmont Group", "Tomas Reyk"]
    labels = ["PERSON", "PERSON", "GPE", "GPE", "ORG", "PERSON"]
    body = " ".join(
        f"Then [{n}|{lab}] said that {n.split()[-1]} and the others agreed on day {i}."
        for i in range(20)
        for n, lab in zip(names, labels, strict=True)
    )
    story = story_from(**{f"s{i}": body for i in range(5)})
    resolve_entities(story)  # warm the key caches
    t0 = time.perf_counter()
    entities = resolve_entities(story)
    assert time.perf_counter() - t0 < 1.0  # ~0.05 s here for 600 NER mentions; loose for a busy machine
    assert len(entities) == len(names)


def test_a_company_ner_mostly_calls_a_place_is_an_organisation(story_from) -> None:
    # "Netflix" (GPE 11 times, ORG 3, never "in Netflix") was a place in a Multi-News brief
    story = story_from(
        a="[Vidflix|GPE] said a studio was hacked. [Vidflix|ORG]'s subscribers rose. [Britain|GPE] said no.",
        b="[Vidflix|GPE] is counting on the show. Whenever [Vidflix|GPE]'s gains slow, [Britain|ORG] worries.",
        c="[Orlenia|GPE] said no. [Orlenia|ORG] agreed later. Talks were held in [Orlenia|GPE].",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "Vidflix").type == "ORG"
    assert _by_form(entities, "Britain").type == "GPE"  # a known place keeps NER's word
    assert _by_form(entities, "Orlenia").type == "GPE"  # "in Orlenia" reads as a place


def test_a_company_with_or_without_its_legal_form_is_one(story_from) -> None:
    # "JBS" / "JBS SA" and "A Food and Drug Administration" were entities apart in NeuS briefs
    story = story_from(
        a="[Velcor SA|ORG] said the attack came from abroad. [A Food and Drug Administration|ORG] panel met.",
        b="[Velcor|ORG] shut its plants. The [Food and Drug Administration|ORG] agreed. [Orlan Co.|ORG] sold.",
        c="[Ana Sa|PERSON] met [Ana|PERSON] there.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "Velcor SA") is _by_form(entities, "Velcor")
    assert _by_form(entities, "A Food and Drug Administration") is _by_form(entities, "Food and Drug Administration")
    assert _by_form(entities, "Orlan Co").name == "Orlan Co"  # alone, the name keeps its legal form


def test_a_trade_or_a_country_before_an_organisation_is_no_part_of_its_name(story_from) -> None:
    # "Drugmaker Merck" / "Merck" and "FDA" / "U.S. Food and Drug Administration" were entities apart in a NeuS brief
    story = story_from(
        a="[Drugmaker Velcor|ORG] said the pill works. A decision from the [U.S. Food and Drug Administration|ORG] "
          "could come soon.",
        b="[Velcor|ORG] will seek [FDA|ORG] authorization. [Airline Pilots Association|ORG] members met.",
        c="[Velcor|ORG] said so. [Velcor|PERSON] said more. [Marta Lender|PERSON] spoke to [Lender|PERSON] later.",
    )
    entities = resolve_entities(story)
    _same(entities, ("Drugmaker Velcor", "Velcor"), ("FDA", "U.S. Food and Drug Administration"))
    assert _by_form(entities, "Velcor").name == "Velcor"
    assert _by_form(entities, "Airline Pilots Association").name == "Airline Pilots Association"


def test_a_newspapers_head_word_alone_is_the_paper(story_from) -> None:
    # a NeuS brief listed "Washington Post" and "Post" apart ("Fauci told the Post that he ...")
    story = story_from(a="The [Washington Post|ORG] obtained the emails. Fauci told the [Post|ORG] he agreed.",
                       b="[Star|ORG] readers wrote in. The [Boston Globe|ORG] said so.")
    entities = resolve_entities(story)
    _same(entities, ("Post", "Washington Post"))
    assert _by_form(entities, "Star") is not _by_form(entities, "Washington Post")


def test_a_plural_name_alone_is_the_one_organisation_ending_in_it(story_from) -> None:
    # "Saints" and "New Orleans Saints", "Lions" and "Detroit Lions" were entities apart in an ECB+ brief
    story = story_from(
        a="The [New Orleans Saints|ORG] placed him on reserve. The [Saints|ORG] play [Detroit Lions|ORG] next.",
        b="[Saints|ORG] coach spoke. The [Lions|LOC] won. [White House|ORG] staff and the [House|ORG] agreed.",
        c="[Dow Jones|ORG] fell. [Tom Jones|PERSON] sold. [Jones|PERSON] said so. [Democrats|NORP] and "
          "[Senate Democrats|ORG] met. [Russell Davies|ORG] and [Davies|PERSON] wrote.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "Saints") is _by_form(entities, "New Orleans Saints")
    assert _by_form(entities, "Lions") is _by_form(entities, "Detroit Lions")
    assert _by_form(entities, "Davies") is not _by_form(entities, "Russell Davies")  # not "<place> <plural>"
    assert _by_form(entities, "House") is not _by_form(entities, "White House")  # not a plural
    assert _by_form(entities, "Jones") is not _by_form(entities, "Dow Jones")  # a person's surname
    assert _by_form(entities, "Democrats") is not _by_form(entities, "Senate Democrats")  # a demonym


def test_a_quoted_nickname_inside_a_name_keeps_the_person_whole(story_from) -> None:
    # 'Vincent "The Chin" Gigante' (NER PERSON) was dropped as a compound span in an ECB+ brief, so its lone
    # "Gigante" went to the brother named once at the end of the article
    story = story_from(
        a='Mob boss [Vincent "The Chin" Orlo|PERSON] died. [Orlo|PERSON] was 77. [Orlo|PERSON] ran the family. '
          "His brother, [Louis Orlo|PERSON], said so. [Orlo|PERSON] wept.",
        b="[Vincent Orlo|PERSON] died in prison. [Lucky Varnas|PERSON] ran it first.",
        c='[Charles "Lucky" Varnas|PERSON] and [Anthony "Fat Tony" Orlen and|PERSON] [Anthony Orlen|PERSON] met.',
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    vincent = _by_form(entities, 'Vincent "The Chin" Orlo')
    assert vincent is _by_form(entities, "Vincent Orlo")
    lone = [(m.start, e.id) for e in entities for m in e.mentions if m.text == "Orlo" and m.source == "a"]
    louis = _by_form(entities, "Louis Orlo")
    # before the brother is named, "Orlo" is the mob boss; after it, the article has named both
    assert [e for _, e in sorted(lone)][:2] == [vincent.id, vincent.id]
    assert louis.id != vincent.id
    # the nickname with the surname is the same person; no name ends in "and"
    assert _by_form(entities, 'Charles "Lucky" Varnas') is _by_form(entities, "Lucky Varnas")
    assert _by_form(entities, 'Anthony "Fat Tony" Orlen') is _by_form(entities, "Anthony Orlen")


def test_a_quoted_nickname_alone_is_the_person_who_carries_it(story_from) -> None:
    # QA round 39 listed "Snooki" apart from 'Nicole "Snooki" Polizzi', and "JWoww" from 'Jenni "JWoww" Farley'
    story = story_from(
        a='[Nicole "Snooki" Polizzi|PERSON] is pregnant, and [Jenni "JWoww" Farley|PERSON] is too.',
        b="[Snooki|PERSON] announced it on Monday. [JWoww|PERSON] said nothing.",
        # a nickname two people carry names neither of them alone
        c='[Tom "Ace" Varnas|PERSON] and [Bill "Ace" Orlen|PERSON] played. [Ace|PERSON] won.',
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    assert _by_form(entities, "Snooki") is _by_form(entities, 'Nicole "Snooki" Polizzi')
    assert _by_form(entities, "JWoww") is _by_form(entities, 'Jenni "JWoww" Farley')
    assert _by_form(entities, "Ace") is not _by_form(entities, 'Tom "Ace" Varnas')
    assert _by_form(entities, "Ace") is not _by_form(entities, 'Bill "Ace" Orlen')


def test_the_gop_is_the_republicans(story_from) -> None:
    # QA round 40 listed "GOP" apart from "Republicans"
    story = story_from(a="The [GOP|ORG] leaders met. [Republicans|NORP] said no.",
                       b="[Republicans|NORP] in the House voted. The [Democrats|NORP] did not.")
    entities = resolve_entities(story)
    assert _by_form(entities, "GOP") is _by_form(entities, "Republicans")
    assert _by_form(entities, "Democrats") is not _by_form(entities, "Republicans")
    story = story_from(a="The [Pentagon|ORG] cited the board's review.",
                       b="The [Department of Defense|ORG] announced the transfer on Monday.")
    entities = resolve_entities(story)
    assert _by_form(entities, "Pentagon") is _by_form(entities, "Department of Defense")


def test_a_role_taken_into_a_known_name_goes(story_from) -> None:
    # ECB+ briefs listed "Super-agent Scott Boras", "Attorney-General Wally Oppal" and "RB Joique Bell" apart
    # from the same people
    story = story_from(
        a="[Super-agent Dara Velkov|PERSON] opened the case. Then [Dara Velkov|PERSON] rested.",
        b="The team signed [RB Joique Orlan|PERSON] and [Attorney-General Wal Oppen|PERSON] agreed.",
        c="[Joique Orlan|PERSON] scored. [Wal Oppen|PERSON] spoke as the attorney general.",
        # a given name before a known name, mid-sentence: another person (a son named after his father)
        d="Her children, [Stephen Hal Borgan|PERSON] and Leslie, were there. [Hal Borgan|PERSON] was not.",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    assert _forms(_by_form(entities, "Dara Velkov")) == {"Dara Velkov"}
    assert len(_by_form(entities, "Dara Velkov").mentions) == 2
    assert {m.source for m in _by_form(entities, "Joique Orlan").mentions} == {"b", "c"}
    assert {m.source for m in _by_form(entities, "Wal Oppen").mentions} == {"b", "c"}
    assert _by_form(entities, "Stephen Hal Borgan") is not _by_form(entities, "Hal Borgan")


def test_a_surname_typed_norp_is_the_person_the_article_names(story_from) -> None:
    # ECB+ / Multi-News briefs listed "Ibanez" and "Freese" as nationalities beside Raul Ibanez and Diana Freese
    story = story_from(
        a="They may sign [Raul Ibanez|PERSON] soon. With [Ibanez|NORP] playing left field, they win.",
        # a name used as a modifier is not the man it is named after
        b="[Vito Orlese|PERSON] died in 1969. [Gigante|PERSON] ran the [Orlese|NORP] family. "
          "He left the [Orlese|NORP] clan in 1990.",
        c="Many [Ibanez|NORP] fans cheered.",  # no Ibanez named in this article: it stays apart
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    assert {(m.source, m.text) for m in _by_form(entities, "Raul Ibanez").mentions} == {
        ("a", "Raul Ibanez"), ("a", "Ibanez")}
    assert all(m.text == "Vito Orlese" for m in _by_form(entities, "Vito Orlese").mentions)


def test_a_known_place_read_as_one_is_a_place_whatever_ner_voted(story_from) -> None:
    # a Multi-News brief typed Bamako ORG (4 mentions ORG, 1 PERSON, 1 "in Bamako") and Gao PERSON
    story = story_from(
        a="[Bamako|ORG] said the rebels had fled. Talks in [Bamako|ORG] went on.",
        b="[Bamako|ORG] rejected the plan. [Velmont|ORG] said so in [Velmont|ORG] too.",
    )
    types = {e.name: e.type for e in resolve_entities(story)}
    assert types["Bamako"] == "GPE"
    assert types["Velmont"] == "ORG"  # no known place: an organisation "in Velmont" is still one


def test_a_known_place_reached_by_a_journey_is_a_place(story_from) -> None:
    # the demo brief listed Ussuriysk as an organisation: "Kim crossed ... eventually stopping at Ussuriysk"
    story = story_from(
        a="The train crossed the border, eventually stopping at [Ussuriysk|ORG]. Talks began at [Velmont|ORG].",
        b="The delegation arrived at [Velmont|ORG] on Monday, meeting staff at [Google|ORG].",
    )
    types = {e.name: e.type for e in resolve_entities(story)}
    assert types["Ussuriysk"] == "GPE"
    assert types["Velmont"] == "ORG"  # reached, but no known place: still the organisation NER saw
    assert types["Google"] == "ORG"  # 'at' alone reads nothing as a place


def test_names_in_a_shouted_passage_need_a_normal_case_twin(story_from) -> None:
    # an ECB+ brief listed "RCMP MAKE" (a person), "MEN" and "BC INTERIOR" from a paragraph in capitals
    story = story_from(
        a="POLICE [VELMONT MAKE|PERSON] ARRESTS IN THE NORTH. TWO [MEN|ORG], DARA VELKOV AND "
          "[ORLO KADE|PERSON], HAD BEEN ARRESTED ON CHARGES OF FRAUD, THE STATEMENT SAID.",
        b="[Orlo Kade|PERSON] was arrested on Wednesday.",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    names = {e.name for e in entities}
    assert "VELMONT MAKE" not in names and "MEN" not in names
    assert _forms(_by_form(entities, "Orlo Kade")) == {"Orlo Kade", "ORLO KADE"}


def test_a_name_listed_between_people_is_a_person(story_from) -> None:
    # a Multi-News brief typed Ira Ehrenpreis ORG in "Brad Buss, Robyn Denholm, Ira Ehrenpreis, Antonio Gracias"
    story = story_from(
        a="The board members [Brad Buss|PERSON], [Robyn Denholm|PERSON], [Ira Ehrenpreis|ORG], [Antonio Gracias|PERSON] "
          "and [James Murdoch|PERSON] signed it.",
        b="It was signed by [Dara Velkov|PERSON], [Orlo Kade|PERSON] and [Mira Tesh|ORG].",
        c="Funds came from [Velmont Capital|ORG], [Orlo Kade|PERSON] and [Kestrel Partners|ORG]. "
          "[Tesla|ORG], [Apple|ORG] and [Google|ORG] declined.",
    )
    types = {e.name: e.type for e in resolve_entities(story)}
    assert types["Ira Ehrenpreis"] == "PERSON" and types["Mira Tesh"] == "PERSON"  # in the middle, at the end
    # one person in a list of firms makes no firm a person
    assert types["Velmont Capital"] == "ORG" and types["Kestrel Partners"] == "ORG" and types["Apple"] == "ORG"


def test_a_score_glued_to_a_name_is_not_part_of_it(story_from) -> None:
    # an ECB+ brief listed Evansville "also: Evansville 91-73, Evansville 22-10"
    story = story_from(
        a="North Carolina beat [Evansville 91-73|ORG] on Thursday night.",
        b="[Evansville (22-10)|ORG] lost again. [Evansville|ORG] plays on Monday.",
        c="The [Boeing 737|PRODUCT] landed safely.",  # a number inside a name stays
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    evansville = _by_form(entities, "Evansville")
    assert evansville.aliases == [] and {m.text for m in evansville.mentions} == {"Evansville"}
    assert _by_form(entities, "Boeing 737").name == "Boeing 737"


def test_a_plural_name_after_the_is_a_team_not_a_person(story_from) -> None:
    # an ECB+ brief listed the Tar Heels as a person
    story = story_from(
        a="Ford's record fell as [the Tar Heels|PERSON] beat them. [Tyler Hansbrough|PERSON] scored 20 for "
          "[the Tar Heels|PERSON].",
        b="[Tar Heels|PERSON] coach [Roy Williams|PERSON] was pleased with [the Purple Aces|PERSON] too.",
    )
    types = {e.name: e.type for e in resolve_entities(story)}
    assert types["Tar Heels"] == "ORG" and types["Purple Aces"] == "ORG"
    assert types["Tyler Hansbrough"] == "PERSON" and types["Roy Williams"] == "PERSON"


def test_a_surname_two_people_share_goes_to_the_one_named_far_more_widely(story_from) -> None:
    # an ECB+ brief kept "Hansbrough" of six round-ups apart from Tyler Hansbrough (named in 8 articles) because
    # his father Gene Hansbrough is named in 2
    story = story_from(
        a="[Tyler Hansbrough|PERSON] broke the record.",
        b="[Tyler Hansbrough|PERSON] scored 20 points.",
        c="[Tyler Hansbrough|PERSON] thanked the fans.",
        d="His father [Gene Hansbrough|PERSON] watched.",
        e="[Hansbrough|PERSON] needed nine points.",  # names neither in full
    )
    entities = resolve_entities(story)
    assert ("e", "Hansbrough") in {(m.source, m.text) for m in _by_form(entities, "Tyler Hansbrough").mentions}
    # two people about as widely named: the bare name stays apart
    story = story_from(
        a="[Tyler Hansbrough|PERSON] broke the record.", b="[Tyler Hansbrough|PERSON] scored.",
        c="[Gene Hansbrough|PERSON] watched.", d="[Gene Hansbrough|PERSON] cheered.",
        e="[Hansbrough|PERSON] needed nine points.",
    )
    entities = resolve_entities(story)
    assert ("e", "Hansbrough") not in {(m.source, m.text) for e in entities if e.name != "Hansbrough"
                                        for m in e.mentions}


def test_an_age_before_a_full_name_makes_a_person(story_from) -> None:
    # an ECB+ brief listed protester "Paris Kyriakides" as a facility (and a place in a conflict)
    story = story_from(
        a='"The violence is minimal," said 32-year-old protester [Paris Kyriakides|FAC].',
        b='"I feel sorry for the young," said 40-year-old [Tsikala Stephania|GPE], a public sector worker.',
        c="A 32-year-old [New York|GPE] man was arrested.",  # the name is a modifier: still the place
    )
    types = {e.name: e.type for e in resolve_entities(story)}
    assert types["Paris Kyriakides"] == "PERSON" and types["Tsikala Stephania"] == "PERSON"
    assert types["New York"] == "GPE"


def test_a_lone_first_name_never_joins_a_surname_one_letter_off_in_another_article(story_from) -> None:
    # a Multi-News brief listed the Boston Marathon winner as "Lelisa Desisa — also: Denise", the mother of a victim
    # named in another article ("danisa" / "dasisa" after transliteration: one edit apart)
    story = story_from(
        a="His mother [Denise|PERSON] was injured.",
        b="[Lelisa Desisa|PERSON] won the race. [Desisa|PERSON] ran it in 2:10.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "Lelisa Desisa").aliases == ["Desisa"]
    assert _by_form(entities, "Denise").name == "Denise"


def test_a_lone_name_joins_a_surname_one_letter_off_but_no_given_name(story_from) -> None:
    # an oral history: "I sold my Harley" (a motorcycle NER took for a person) became an alias of Harvey Weinstein
    story = story_from(a="[Harvey Weinstein|PERSON] called. Later I sold my [Harley|PERSON] to pay rent. "
                         "[Anna Kharzan|PERSON] agreed, and [Kharzen|PERSON] left.")
    entities = resolve_entities(story)
    assert _by_form(entities, "Harley").name == "Harley"
    assert _by_form(entities, "Kharzen") is _by_form(entities, "Anna Kharzan")  # a misspelt surname still joins


def test_role_words_before_a_name_and_an_institution_named_after_a_person(story_from) -> None:
    # the same brief: "Neighbor Dan Aguliar" and "District Attorney Daniel Conley" (the role taken into the name),
    # and "the Pope John Paul II Catholic Academy" listed as a person
    story = story_from(
        a="[Neighbor Dan Aguliar|PERSON] said he can't believe it. [Aguliar|PERSON] lives nearby.",
        b="[District Attorney Daniel Conley|PERSON] spoke. The [John Paul II Catholic Academy|PERSON] prayed.",
        c="Coach [Roy Williams|PERSON] was pleased.",  # a role before two words only: the name stays whole
    )
    entities = resolve_entities(story)
    names = {e.name: e.type for e in entities}
    assert "Dan Aguliar" in names and "Daniel Conley" in names
    assert names["John Paul II Catholic Academy"] == "ORG"
    assert names["Roy Williams"] == "PERSON"


def test_a_possessive_written_with_an_opening_quote_mark_is_cut(story_from) -> None:
    # a Multi-News brief listed "Modern Family‘s" (U+2018 for the apostrophe) beside "Modern Family"
    story = story_from(
        a="She attended a screening of [Modern Family‘s|ORG] finale.",
        b="The cast of [Modern Family|ORG] attended too.",
    )
    entities = resolve_entities(story)
    assert [e.name for e in entities] == ["Modern Family"]
    assert {m.text for m in entities[0].mentions} == {"Modern Family"}


def test_a_named_storm_is_an_event(story_from) -> None:
    # a NeuS brief listed "Hurricane Henri" as an organisation
    story = story_from(a="[Hurricane Henri|ORG] hit Long Island. [Tropical Storm Grace|GPE] weakened.",
                       b="[Hurricane Henri|ORG] made landfall.")
    types = {e.name: e.type for e in resolve_entities(story)}
    assert types["Hurricane Henri"] == "EVENT" and types["Tropical Storm Grace"] == "EVENT"


def test_a_mountain_abbreviated_and_a_city_people_come_from_are_places(story_from) -> None:
    # an ECB+ brief listed "Mt Cook" (ORG) apart from "Mount Cook" (LOC), and "Perth" as an organisation
    story = story_from(a="A [Perth|ORG] man survived two nights on [Mt Cook|ORG]. A [Google|ORG] engineer helped.",
                       b="The climber fell from [Mount Cook|LOC]. A [Perth|ORG] doctor paid tribute.",
                       c="An [Amazon|ORG] worker and a [Perth|ORG] family came.")
    entities = resolve_entities(story)
    _same(entities, ("Mt Cook", "Mount Cook"))
    assert _by_form(entities, "Mount Cook").type == "LOC"
    assert _by_form(entities, "Perth").type == "GPE"
    assert _by_form(entities, "Google").type == "ORG"


def test_more_names_of_one_organisation_place_or_person_are_one(story_from) -> None:
    # from ECB+ and Multi-News QA briefs: "Ga."/"Georgia", "Red Sox"/"Boston Red Sox", "ISS", "AP" and "Associated
    # Press news agency" apart; "Ironically Nichols" and "Juror No" as people; "Secret Service" as a place
    story = story_from(
        a="A judge in [Fulton County|GPE], [Ga.|GPE], sentenced him. [Juror No|PERSON]. 12 spoke. "
          "[Ironically Nichols|PERSON] smiled. The [Boston Red Sox|ORG] offered more. The [Red Sox|ORG] declined.",
        b="The court in [Georgia|GPE] met. [Brian Nichols|PERSON] sat. The [White Sox|ORG] waited. The "
          "[Texas Supreme Court|ORG] ruled. The [Supreme Court|ORG] did not.",
        c="The [ISS|ORG] crew slept. The [International Space Station|FAC] orbits. The [Secret Service|GPE] came. "
          "[AP|ORG] reported it. The [Associated Press news agency|ORG] wrote.",
    )
    entities = resolve_entities(story)
    _same(entities, ("Ga", "Georgia"), ("Nichols", "Brian Nichols"), ("Red Sox", "Boston Red Sox"),
          ("ISS", "International Space Station"), ("AP", "Associated Press"))
    assert not [e for e in entities if "Juror" in e.name or "Ironically" in e.name]
    assert _by_form(entities, "White Sox") is not _by_form(entities, "Boston Red Sox")
    assert _by_form(entities, "Supreme Court") is not _by_form(entities, "Texas Supreme Court")
    assert _by_form(entities, "Secret Service").type == "ORG"


def test_acronyms_with_a_country_inside_and_inverted_universities_are_one_and_compass_points_two(story_from) -> None:
    # a QA round's briefs listed "USGS" / "U.S. Geological Survey", "UNGA" / "UN General Assembly", "Reading University" /
    # "University of Reading" apart, and merged "Southeast" into "Southwest"
    story = story_from(
        a="The [USGS|ORG] said so. The [U.S. Geological Survey|ORG] measured it. The [UNGA|ORG] met.",
        b="The [UN General Assembly|ORG] voted. The [University of Reading|ORG] and [Reading University|ORG] agreed. "
          "Winds from the [Southwest|LOC] and [Southeast|LOC] blew.",
    )
    entities = resolve_entities(story)
    _same(entities, ("USGS", "U.S. Geological Survey"), ("UNGA", "UN General Assembly"),
          ("Reading University", "University of Reading"))
    assert _by_form(entities, "Southwest") is not _by_form(entities, "Southeast")


def test_a_storm_named_alone_is_the_storm(story_from) -> None:
    # a NeuS brief listed "Henri" (ORG) apart from "Hurricane Henri"
    story = story_from(a="[Hurricane Henri|ORG] hit Long Island. [Tropical Storm Grace|GPE] weakened.",
                       b="[Henri|ORG] could make landfall on Sunday. [Grace|ORG] faded.")
    entities = resolve_entities(story)
    _same(entities, ("Henri", "Hurricane Henri"))
    assert _by_form(entities, "Henri").name == "Hurricane Henri"
    assert _by_form(entities, "Grace").name == "Tropical Storm Grace"


def test_a_middle_name_written_out_is_the_same_person_when_only_one_has_it(story_from) -> None:
    # a Multi-News brief listed "Oakleigh Nance" and "Oakleigh Ryan Nance" apart
    story = story_from(a="[Oakleigh Nance|PERSON] was born with a kidney issue.",
                       b="Doctors treated [Oakleigh Ryan Nance|PERSON] for months.")
    entities = resolve_entities(story)
    assert [(e.name, sorted(e.aliases)) for e in entities] == [("Oakleigh Ryan Nance", ["Oakleigh Nance"])]
    # two people with that first and last name: the short form stays apart
    story = story_from(a="[John Smith|PERSON] spoke.", b="[John Paul Smith|PERSON] and [John Henry Smith|PERSON] met.")
    assert "John Smith" in {e.name for e in resolve_entities(story)}


def test_a_given_name_joined_to_a_full_name_shares_its_surname(story_from) -> None:
    # a NeuS brief listed "Bill" (3 sources) beside "Melinda Gates"
    story = story_from(a="[Bill|PERSON] and [Melinda Gates|PERSON] announced their divorce.",
                       b="[Bill Gates|PERSON] and his wife were seen in Seattle.",
                       c="[Barack|PERSON] and [Michelle Obama|PERSON] sent their wishes. [Mr.|PERSON] and [Mrs. Smith|PERSON] too.")
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    bill = _by_form(entities, "Bill Gates")
    assert {(m.source, m.text) for m in bill.mentions} == {("a", "Bill"), ("b", "Bill Gates")}
    names = {e.name for e in entities}
    assert {"Melinda Gates", "Michelle Obama"} <= names and "Bill" not in names
    assert "Barack" in names  # not a given name this story writes in full: left alone
    # a surname before "and" is a second person: "Biden and Kamala Harris"
    story = story_from(a="[Joe Biden|PERSON] spoke. [Biden|PERSON] and [Kamala Harris|PERSON] left.",
                       b="[Barack|PERSON] and [Michelle Obama|PERSON] sent wishes. [Barack Obama|PERSON] spoke.")
    entities = resolve_entities(story)
    assert {(m.source, m.text) for m in _by_form(entities, "Joe Biden").mentions} == {("a", "Joe Biden"), ("a", "Biden")}
    assert ("b", "Barack") in {(m.source, m.text) for m in _by_form(entities, "Barack Obama").mentions}


def test_names_of_one_country_are_one_place(story_from) -> None:
    # a NeuS brief listed "US" and "America" apart
    story = story_from(a="It spends billions in the [US|GPE] and abroad.", b="[America|GPE] reacted.",
                       c="The [United States|GPE] and [Britain|GPE] agreed; the [UK|GPE] said so.")
    entities = resolve_entities(story)
    groups = sorted(sorted({m.text for m in e.mentions}) for e in entities)
    assert groups == [["America", "US", "United States"], ["Britain", "UK"]]


def test_a_ship_is_a_vehicle_and_its_bare_name_is_the_ship(story_from) -> None:
    # an ECB+ brief listed "MV Gibe" and "INS Mysore" as people, "Tabar" as a place beside "INS Tabar", "IST" as a firm
    story = story_from(a="[INS Mysore|PERSON] answered a call from [MV Gibe|PERSON] at 5:30 pm [IST|ORG].",
                       b="Earlier, [INS Tabar|ORG] sank a pirate ship. [Tabar|GPE] is a frigate.")
    entities = resolve_entities(story)
    types = {e.name: e.type for e in entities}
    assert types["INS Mysore"] == types["MV Gibe"] == types["INS Tabar"] == "PRODUCT"
    assert "Tabar" in _by_form(entities, "INS Tabar").aliases and "IST" not in types


def test_a_lone_surname_tagged_org_is_the_person_the_story_names_widely_unless_a_firm_has_it(story_from) -> None:
    # an ECB+ brief listed "Lohan" (ORG, 3 articles never writing "Lindsay") beside Lindsay Lohan (16 articles)
    story = story_from(a="[Lindsay Lohan|PERSON] checked in.", b="[Lindsay Lohan|PERSON] left.",
                       c="[Lindsay Lohan|PERSON] spoke.", d="[Lohan|ORG] arrived late.")
    assert ("d", "Lohan") in {(m.source, m.text) for m in _by_form(resolve_entities(story), "Lindsay Lohan").mentions}
    story = story_from(a="[Bill Ford|PERSON] spoke.", b="[Bill Ford|PERSON] left.", c="[Bill Ford|PERSON] said so.",
                       d="[Ford|ORG] sold more trucks. [Ford Motor Co.|ORG] said so.")
    assert ("d", "Ford") not in {(m.source, m.text) for m in _by_form(resolve_entities(story), "Bill Ford").mentions}


def test_a_states_ap_abbreviation_is_the_state(story_from) -> None:
    # an ECB+ brief listed "Calif" (9 sources) beside "California"
    story = story_from(a="She checked in at Rancho Mirage, [Calif.|GPE], late on Thursday.",
                       b="She is in [Calif|GPE] now.", c="[California|GPE] officials said so.",
                       d="He flew to [Washington|GPE] from Seattle, [Wash.|GPE]")
    entities = resolve_entities(story)
    assert _by_form(entities, "Calif").name == "California"
    assert _by_form(entities, "Wash").name != _by_form(entities, "Washington").name  # the city, as often as not


def test_a_race_is_an_event_a_speaker_a_title_and_a_pronunciation_no_name(story_from) -> None:
    # Multi-News briefs: "Boston Marathon" (ORG), "Speaker John Boehner", "joh-HAHR" (FAC) of an AP pronunciation guide
    story = story_from(a="The [Boston Marathon|ORG] bomber [Dzhokhar Tsarnaev|PERSON] ([joh-HAHR' tsahr-NEYE'-ehv|FAC]) "
                         "appealed. [Speaker John Boehner|PERSON] spoke.",
                       b="[Boehner|PERSON] said so. The [Mercedes-Benz|ORG] plant and [McDonald's|ORG] opened.")
    entities = resolve_entities(story)
    types = {e.name: e.type for e in entities}
    assert types["Boston Marathon"] == "EVENT" and types["John Boehner"] == "PERSON"
    assert not any("HAHR" in n for n in types) and "Mercedes-Benz" in types


def test_a_facility_written_with_and_without_its_generic_head_is_one(story_from) -> None:
    # an ECB+ brief listed "Morningside Recovery" (9 sources) and "Morningside Recovery Center" apart
    story = story_from(a="She checked into [Morningside Recovery|WORK_OF_ART] late on Thursday.",
                       b="The [Morningside Recovery Center|ORG] said so. The [Cleveland Clinic|ORG] is in [Cleveland|GPE].",
                       c="[Betty Ford|PERSON] founded the [Betty Ford Center|ORG].")
    entities = resolve_entities(story)
    morningside = _by_form(entities, "Morningside Recovery")
    assert sorted(m.text for m in morningside.mentions) == ["Morningside Recovery", "Morningside Recovery Center"]
    assert morningside.type == "ORG"
    assert _by_form(entities, "Cleveland").name == "Cleveland" and _by_form(entities, "Betty Ford").name == "Betty Ford"


def test_a_first_name_ner_guessed_as_a_place_is_the_person_of_that_name(story_from) -> None:
    # a Multi-News brief of a film review listed "Nicky" (LOC) and "Margot" (GPE) beside Nicky Spurgeon and Margot
    # Robbie, "Starring Will Smith" and "Yesterday Mitt Romney" as people, "Getty Images" as a person and
    # "Lew told Candy Crowley" as a work of art
    story = story_from(
        a="[Will Smith|PERSON] plays [Nicky Spurgeon|PERSON]; [Margot Robbie|PERSON] plays Jess. [Nicky|LOC] cons.",
        b="[Margot|GPE] is superb. [Starring Will Smith|PERSON], it opened. ([Getty Images|PERSON])",
        c="[Yesterday Mitt Romney|PERSON] spoke. [Lew told Candy Crowley|WORK_OF_ART] so. He flew to [Paris|GPE].")
    entities = resolve_entities(story)
    forms = {(m.source, m.text): e.name for e in entities for m in e.mentions}
    assert forms[("a", "Nicky")] == "Nicky Spurgeon" and forms[("b", "Margot")] == "Margot Robbie"
    types = {e.name: e.type for e in entities}
    assert {"Will Smith", "Mitt Romney", "Paris"} <= set(types) and types["Getty Images"] == "ORG"
    assert not any("told" in n or "Starring" in n or "Yesterday" in n for n in types)


def test_a_well_known_platform_or_firm_is_an_organisation_whatever_ner_says(story_from) -> None:
    # QA briefs listed "Twitter" (PERSON) and "Pfizer" and "Moderna" as people
    story = story_from(a="[Twitter|PERSON] suspended the account. [Pfizer|PERSON] and [Moderna|PERSON] agreed.",
                       b="[Twitter|PERSON] said nothing. [Ana Torvik|PERSON] posted on [Facebook|GPE].")
    entities = resolve_entities(story)
    assert {_by_form(entities, n).type for n in ("Twitter", "Pfizer", "Moderna", "Facebook")} == {"ORG"}
    assert _by_form(entities, "Ana Torvik").type == "PERSON"


def test_a_name_described_as_a_company_is_an_organisation(story_from) -> None:
    # a Multi-News QA brief listed "Homrich, a company contracted by the Detroit Water and Sewerage Department" and
    # "Vargo Golf" as people
    story = story_from(a="Protesters gathered outside [Homrich|PERSON], a company contracted by the city. "
                         "[Homrich|PERSON] said it would keep working. [Vargo Golf|PERSON], a company that runs the "
                         "course, owes money.",
                       b="Trucks left [Homrich|PERSON] on Thursday. [Ana Torvik|PERSON], a teacher, was arrested.")
    entities = resolve_entities(story)
    assert _by_form(entities, "Homrich").type == "ORG" and _by_form(entities, "Vargo Golf").type == "ORG"
    assert _by_form(entities, "Ana Torvik").type == "PERSON"


def test_an_acronym_joins_a_long_name_and_its_misspelling(story_from) -> None:
    # a Multi-News brief kept "DWSD", "Detroit Water and Sewerage Department" and "Detroit Water and Sewage
    # Department" apart: two long names fit the acronym, so it joined neither
    story = story_from(a="The [Detroit Water and Sewerage Department|ORG] cut service. [DWSD|ORG] said so.",
                       b="The [Detroit Water and Sewage Department|ORG] said on Friday that [DWSD|ORG] would stop.",
                       c="The [Detroit Police Department|ORG] and the [Detroit Public Schools|ORG] said nothing.")
    entities = resolve_entities(story)
    dwsd = _by_form(entities, "DWSD")
    assert _by_form(entities, "Detroit Water and Sewerage Department") is dwsd
    assert _by_form(entities, "Detroit Water and Sewage Department") is dwsd
    assert _by_form(entities, "Detroit Police Department") is not dwsd


def test_a_surname_is_the_story_s_person_not_a_relative_named_in_full(story_from) -> None:
    # an ECB+ brief gave ten "Ortiz" of one article (the murdered deputy's) to his widow "Chela Ortiz", named in
    # full twice in it while the deputy was named in full once there and in every other article
    story = story_from(
        a="[Deputy Jerry Ortiz|PERSON] was shot. His widow, [Chela Ortiz|PERSON], spoke. "
          "[Chela Ortiz|PERSON] wept. The gunman shot [Ortiz|PERSON] twice. [Ortiz|PERSON] died there.",
        b="[Jerry Ortiz|PERSON] was killed on Friday. [Ortiz|PERSON] was 35.",
        c="[Jerry Ortiz|PERSON] was a gang investigator.",
        d="Deputy [Jerry Ortiz|PERSON] joined the unit in 2001.",
    )
    entities = resolve_entities(story)
    _assert_spans(story, entities)
    jerry, chela = _by_form(entities, "Jerry Ortiz"), _by_form(entities, "Chela Ortiz")
    assert jerry is not chela
    assert {(m.source, m.text) for m in chela.mentions} == {("a", "Chela Ortiz")}
    assert ("a", "Ortiz") in {(m.source, m.text) for m in jerry.mentions}


def test_a_dateline_s_city_is_a_place(story_from) -> None:
    # a conflicts-dev brief listed "KINGSTON" (of 'KINGSTON, Jamaica (AP) — Marijuana has been ...') as an organisation
    story = story_from(
        a="[KINGSTON|ORG], [Jamaica|GPE] (AP) — Lawmakers passed the bill.\n\n[Velcor Group|ORG] said so.",
        b="[WASHINGTON|PERSON] (Reuters) - The Senate voted.",
        c="Shares fell as [Velcor Group|ORG] - the maker - said so, and [Velcor Group|ORG] (AP) agreed.",  # mid-text
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "KINGSTON").type == "GPE"
    assert _by_form(entities, "WASHINGTON").type == "GPE"
    assert _by_form(entities, "Velcor Group").type == "ORG"


def test_a_person_s_name_that_opens_an_institution_s_is_the_institution(story_from) -> None:
    # QA round 14 (Multi-News, the LAX shooting): NER had "Ronald Reagan" of "Ronald Reagan UCLA Medical Center" as a
    # person, and the president stood among the story's people
    story = story_from(
        a="He was taken to [Ronald Reagan|PERSON] UCLA Medical Center on Friday, where [Ronald Reagan|PERSON] once was.",
        b="[Paul Ciancia|PERSON] was taken to a hospital.",
    )
    entities = resolve_entities(story)
    hospital = _by_form(entities, "Ronald Reagan UCLA Medical Center")
    assert hospital.type == "ORG"
    assert _by_form(entities, "Ronald Reagan").type == "PERSON"  # the name alone, elsewhere, is still the person


def test_a_lone_name_is_the_surname_of_one_before_the_given_name_of_another(story_from) -> None:
    # QA round 15 (Multi-News, the missing of Humboldt County): "Mitchell" of "an age-progressed picture of Mitchell,
    # who would now be 37" was joined to Mitchell Hernandez, not to Karen Mitchell
    story = story_from(
        a=("[Karen Mitchell|PERSON] vanished in 1997. [Mitchell Hernandez|PERSON] was last seen in 2016. "
           "A poster shows an age-progressed picture of [Mitchell|PERSON], who would now be 37."),
        b="[Mitchell Hernandez|PERSON] was reported missing by his family.",
    )
    entities = resolve_entities(story)
    karen = _by_form(entities, "Karen Mitchell")
    assert "Mitchell" in _forms(karen)
    assert "Mitchell" not in _forms(_by_form(entities, "Mitchell Hernandez"))


def test_a_time_zone_after_a_clock_is_no_name_but_a_states_abbreviation_is(story_from) -> None:
    # QA round 19 (Multi-News): "just after 3 a.m. CT" gave a person "CT", an alias of the TV station "CKY-TV"
    story = story_from(a="The bank was robbed just after 3 a.m. [CT|PERSON] on Thursday, [CKY-TV|ORG] said.",
                       b="He moved to Hartford, [CT|GPE] in 2014.")
    entities = resolve_entities(story)
    assert [m.source for m in _by_form(entities, "CT").mentions] == ["b"]
    assert _by_form(entities, "CKY-TV").aliases == []


def test_an_adverb_opening_a_sentence_is_no_name(story_from) -> None:
    # QA round 19 (conflicts-dev): "Outside, a light rain's begun." gave an ORG "Outside", merged with Outside magazine
    story = story_from(a="[Outside|ORG] magazine wins seven awards.", b="[Outside|ORG], a light rain has begun.")
    assert [m.source for m in _by_form(resolve_entities(story), "Outside").mentions] == ["a"]


def test_a_company_s_arm_named_by_its_country_s_initials_is_the_company(story_from) -> None:
    # QA round 31 (ECB+): "T-Mobile USA" and "T-Mobile" were entities apart
    story = story_from(
        a="[Velcor USA|ORG] will sell the phone in May. [Orlan UK|ORG] said nothing.",
        b="[Velcor|ORG] confirmed the price. [Ana Kade|PERSON] met [Marta Lender|PERSON].",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "Velcor USA") is _by_form(entities, "Velcor")
    assert _by_form(entities, "Orlan UK").name == "Orlan UK"  # alone, the arm keeps its country


def test_an_organisation_written_before_its_part_s_name_is_no_part_of_it(story_from) -> None:
    # QA round 31 (Multi-News): "Nasa Goddard Space Flight Center" and "Goddard Space Flight Center" were apart
    story = story_from(
        a="Scientists at [NASA|ORG] said so. [NASA Orlan Flight Center|ORG] staff agreed.",
        b="The [Orlan Flight Center|ORG] is near [Velcor|GPE]. [Velcor Hospital|ORG] opened.",
    )
    entities = resolve_entities(story)
    assert _by_form(entities, "NASA Orlan Flight Center") is _by_form(entities, "Orlan Flight Center")
    assert _by_form(entities, "NASA") is not _by_form(entities, "Orlan Flight Center")


def test_a_middle_initial_and_the_middle_name_it_stands_for_are_one_person(story_from) -> None:
    # QA round 33 (ECB+): "Frederick C. LaRue" and "Frederick Cheney LaRue", beside "Frederick LaRue", were three people
    story = story_from(
        a="[Frederick C. Velcor|PERSON] died. [Frederick Velcor|PERSON] was 75.",
        b="[Frederick Cheney Velcor|PERSON] was found dead on Sunday.",
        c="[Anna H. W. Kade|PERSON] and [Anna W. Kade|PERSON] met [Anna Kade|PERSON].",
    )
    entities = resolve_entities(story)
    _same(entities, ("Frederick C. Velcor", "Frederick Cheney Velcor"), ("Frederick C. Velcor", "Frederick Velcor"))
    assert _by_form(entities, "Anna H. W. Kade") is not _by_form(entities, "Anna W. Kade")


def test_a_surname_read_once_as_a_place_is_still_the_person_in_its_other_mentions(story_from) -> None:
    # QA round 33 (ECB+): "the acting FBI director who lived four blocks from Woodward" kept nine mentions of
    # "Woodward" apart from Bob Woodward
    story = story_from(
        a="The reporters [Bob Velcor|PERSON] and [Carl Kade|PERSON] broke it. [Velcor|PERSON] says it was one man.",
        b="[Velcor|PERSON] and [Kade|PERSON] insisted on it. He lived near [Velcor|GPE].",
    )
    entities = resolve_entities(story)
    velcor = _by_form(entities, "Bob Velcor")
    assert sum(m.text == "Velcor" for m in velcor.mentions) >= 2


def test_the_state_of_a_known_place_is_that_place(story_from) -> None:
    # QA round 34 (Multi-News): "Michigan" and "State of Michigan" were entities apart
    story = story_from(
        a="The [State of Michigan|ORG] owes $70,000. [City of Detroit|ORG] officials agreed.",
        b="[Michigan|GPE] lawmakers met in [Detroit|GPE]. The [State of Velcoria|ORG] said no.",
    )
    entities = resolve_entities(story)
    _same(entities, ("State of Michigan", "Michigan"), ("City of Detroit", "Detroit"))
    assert _by_form(entities, "State of Velcoria").name == "State of Velcoria"


def test_a_ship_s_type_written_out_is_its_prefix(story_from) -> None:
    # QA round 35 (ECB+): "Indian Naval Ship Sukanya", "Warship Sukanya", "INS Sukanya" and "Sukanya" were four entities
    story = story_from(a="[Indian Naval Ship Sukanya|LOC] foiled the attack. [Sukanya|ORG] fired warning shots.",
                       b="[Warship Sukanya|PERSON] was escorting ships. [INS Sukanya|PRODUCT] returned on Friday.")
    entities = resolve_entities(story)
    _same(entities, ("Indian Naval Ship Sukanya", "Sukanya"), ("Warship Sukanya", "INS Sukanya"),
          ("Sukanya", "INS Sukanya"))
    assert _by_form(entities, "Sukanya").type == "PRODUCT"
