"""Which member's words a claim is shown in (no models)."""

from __future__ import annotations

import numpy as np

from storylens.claims.align import _OUTLET_SAYS, _shown


def test_a_claim_is_shown_in_the_words_the_other_sources_share() -> None:
    # QA round 11: "More than 50 firefighters tackled the blaze ... at about 2045 GMT on Friday" stood for five sources
    # none of which gave 2045 GMT; the member whose words the others state is shown instead
    texts = [("More than 50 firefighters tackled the blaze at the supermarket, which broke out on the roof at about "
              "2045 GMT on Friday."),
             "Firefighters tackled the blaze at the supermarket on Friday.",
             "The blaze at the supermarket was tackled by firefighters on Friday night."]
    sims = np.full((3, 3), 0.8)
    salience = np.array([0.9, 0.5, 0.5])  # the detailed sentence is the most talked-about
    assert _shown([0, 1, 2], [0, 1, 2], texts, sims, salience) == 1
    assert _shown([0, 1], [0, 1], texts, sims, salience) == 1
    # an opinion piece's member is never shown when a reported one exists, however well covered
    assert _shown([0], [0, 1], texts, sims, salience) == 0
    # a member adding its own fact to what each other member says is not shown for them all (QA round 19)
    crews = ["Fire crews from Tiverton and Cullompton fought a blaze at the Waitrose store.",
             "Crews from Tiverton fought the fire.",
             "Crews from Cullompton fought the blaze at the Waitrose store.",
             "Fire crews fought a blaze at the Waitrose store."]
    sims = np.full((4, 4), 0.8)
    sims[0, :] = sims[:, 0] = 0.85  # the detailed member closest to the rest
    assert _shown([0, 1, 2, 3], [0, 1, 2, 3], crews, sims, np.array([0.9, 0.5, 0.5, 0.5])) == 3
    # members covered alike: the one closest to the rest of the group
    same = ["Firefighters tackled the blaze on Friday.", "On Friday firefighters tackled the blaze.",
            "The blaze was tackled by firefighters on Friday."]
    sims = np.array([[1.0, 0.9, 0.7], [0.9, 1.0, 0.95], [0.7, 0.95, 1.0]])
    assert _shown([0, 1, 2], [0, 1, 2], same, sims, salience) == 1


def test_the_words_of_two_different_people_are_never_one_claim() -> None:
    # QA round 11: "..., said Dr. David Weinberg" corroborated "..., Hendren said"; "Authorities said Ortiz probably
    # died instantly" / "Ortiz probably died instantly, Waldie said" (hand-labelled the same fact) stays groupable
    from storylens.claims.align import other_speakers, speakers
    from storylens.models import Article, Entity, EntityMention, Sentence, Story

    texts = {"a": "Screening should start earlier, said Dr. David Weinberg of Fox Chase.",
             "b": "Screening should start earlier for some patients, Hendren said.",
             "c": "Authorities said Ortiz probably died instantly.",
             "d": "Ortiz probably died instantly, Waldie said."}
    story = Story(articles=[Article(id=k, raw=t, text=t) for k, t in texts.items()])
    story.sentences = [Sentence(k, i, 0, len(t), t) for i, (k, t) in enumerate(texts.items())]

    def person(eid: str, name: str, *where: str) -> Entity:
        return Entity(id=eid, name=name, type="PERSON", mentions=[
            EntityMention(source=k, start=texts[k].index(name), end=texts[k].index(name) + len(name), text=name)
            for k in where])

    story.entities = [person("e1", "David Weinberg", "a"), person("e2", "Hendren", "b"),
                      person("e3", "Ortiz", "c", "d"), person("e4", "Waldie", "d")]
    said_by = speakers(story)
    assert said_by == {0: {"e1"}, 1: {"e2"}, 3: {"e4"}}  # Ortiz is whom the words are about, not who says them
    blocked = other_speakers([said_by.get(i, frozenset()) for i in range(4)])
    assert blocked[0, 1] and blocked[1, 0]
    assert not blocked[2, 3] and not blocked[0, 2]  # no speaker named on one side: left to the scores


def test_she_said_gives_the_words_of_the_person_named_just_before() -> None:
    from storylens.claims.align import speakers
    from storylens.models import Article, Entity, EntityMention, Sentence, Story

    text = ("Dr. Samantha Hendren led the study. People at higher risk should begin screening earlier, she said. "
            "The study was published on Monday. Screening rates were low, she said.")
    parts = ["Dr. Samantha Hendren led the study.", "People at higher risk should begin screening earlier, she said.",
             "The study was published on Monday.", "Screening rates were low, she said."]
    story = Story(articles=[Article(id="d", raw=text, text=text)])
    story.sentences = [Sentence("d", i, text.index(t), text.index(t) + len(t), t) for i, t in enumerate(parts)]
    name = "Samantha Hendren"
    story.entities = [Entity(id="e1", name=name, type="PERSON", mentions=[
        EntityMention(source="d", start=text.index(name), end=text.index(name) + len(name), text=name)])]
    # the third sentence after the name is still hers (three back at most)
    assert speakers(story) == {1: {"e1"}, 3: {"e1"}}


def test_two_values_of_one_measure_are_never_one_claim() -> None:
    # QA round 12: "a depth of 1.2 miles" and "a depth of 12 miles" were one corroborated claim of six sources
    from storylens.claims.align import other_measures

    texts = ["The quake occurred at 2:09 a.m. about 14 miles north-northeast of Healdsburg and had a depth of 1.2 miles.",
             "The quake occurred at 2:09 a.m., about 14 miles northeast of Healdsburg, with a depth of 12 miles.",
             "The quake struck 14 miles from Healdsburg, the survey said.",
             "The firm earned $5 billion last year, up from $3 billion.",
             "The firm earned $5 billion last year, its filing showed.",
             "Police arrested 12 people on Friday.", "Police arrested 9 people on Friday."]
    blocked = other_measures(texts)
    assert blocked[0, 1] and blocked[1, 0]
    assert not blocked[0, 2] and not blocked[1, 2]  # one gives no value the other lacks
    assert not blocked[3, 4]  # one figure told with another
    assert not blocked[5, 6]  # bare counts: left to the scores


def test_a_claim_is_not_shown_as_one_outlet_s_report_when_a_member_tells_it_plainly() -> None:
    # QA round 27 (ECB+): "The Saints have placed Bush (knee) on injured reserve, the Baton Rouge Advocate reports."
    # stood for nine sources, none of the others crediting the Advocate
    texts = ["The Saints have placed Reggie Bush on injured reserve, the Baton Rouge Advocate reports.",
             "The Saints placed Reggie Bush on injured reserve.",
             "The New Orleans Saints have placed Reggie Bush on injured reserve, ending his season."]
    sims = np.full((3, 3), 0.8)
    sims[0, :] = sims[:, 0] = 0.9  # the credited member closest to the rest
    salience = np.array([0.9, 0.5, 0.5])
    assert _shown([0, 1, 2], [0, 1, 2], texts, sims, salience) != 0
    # the credit itself: an outlet's "reports" / "reported" at the end, not a speaker's "said"
    assert _OUTLET_SAYS.search(texts[0]) and _OUTLET_SAYS.search("The pirates were Somali and Yemeni, the BBC reported.")
    assert not _OUTLET_SAYS.search("The Saints placed Bush on injured reserve, coach Sean Payton said.")
    assert not _OUTLET_SAYS.search("The pirates were Somali, police reported.")


def test_two_sentences_quoting_different_words_are_never_one_claim() -> None:
    # QA round 35 (ECB+, conflicts-dev): '"We were grateful for the win," Tony Dungy said' was corroborated by
    # '"It's been a long fight back," Dungy said', and a mayor's words by a chief's
    from storylens.claims.align import other_quotations

    texts = ['"We were grateful for the win and the way the team fought," Tony Dungy said after the game.',
             '"It\'s been a long fight back for this team all season," Dungy said.',
             '"We were grateful for the win and how the team fought back," coach Tony Dungy said.',
             "Dungy said the team was grateful for the win.",
             "The Colts beat the Jaguars 28-25 on Tuesday night."]
    blocked = other_quotations(texts)
    assert blocked[0, 1] and blocked[1, 2]
    assert not blocked[0, 2]  # the same words quoted
    assert not blocked[0, 3] and not blocked[1, 4]  # a paraphrase, a sentence with no quotation
    # a quotation running on past its sentence is one too (QA round 38)
    assert other_quotations(['"Like I did with my first shot, I am about to get my booster shot and do it publicly.',
                             '"I received a booster vaccination for COVID-19 a few minutes ago," McConnell said.'])[0, 1]
    # a sentence telling what someone did, a short quotation at its end, is no quotation (bench/alignment.py's pairs)
    quoting = ('Graber felt something needed to be done so, "I went to J.C. Penney, and I bought a small ring, and I '
               'took it back to the hospital, and I left a little note."')
    telling = ("Graber purchased this heart-shaped diamond ring for Betty and went back to the hospital and left it "
               'with the nursing staff, leaving behind only a signed note: "It\'s not much, it\'s not the same.')
    told = [quoting, telling]
    assert not other_quotations(told)[0, 1]
