"""Event rules on hand-built stories (no model): birth dates as background, ledes of one day as one event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from storylens.models import Article, Sentence, Story
from storylens.timeline.events import dated_sentences, group_events, speakers_of


def _story(published: str = "2021-06-10", **docs: list[str]) -> Story:
    articles, sentences = [], []
    for source, parts in docs.items():
        text = " ".join(parts)
        articles.append(Article(id=source, raw=text, text=text, published=published))
        pos = 0
        for part in parts:
            start = text.index(part, pos)
            sentences.append(Sentence(source, len(sentences), start, start + len(part), part))
            pos = start + len(part)
    return Story(articles=articles, sentences=sentences)


def test_a_birth_long_before_the_story_is_no_event() -> None:
    story = _story(a=["Velmont mobster Vincent Orlo was born on March 29, 1928, in New York City.",
                      "He was born in the Bronx in 1928 to immigrant parents from Naples.",
                      "Orlo, (born 1961) in Naples, was arrested by agents on March 3, 2021.",
                      "The royal baby was born on Monday at the city hospital, aides said."])
    days = sorted(it.mention.day.isoformat() for it in dated_sentences(story))
    # the arrest and the baby of the story's own days stay; the three birth years go
    assert days == ["2021-03-03", "2021-06-07"]


def test_a_birth_year_in_an_undated_story_is_no_event() -> None:
    # QA round 22: a test-250 brief with no dated source listed "1976 — ... her deceased husband, a moroccan born in
    # 1976, had been poisoned ..." as an event
    story = _story(published=None, a=["She said her husband, a moroccan born in 1976, had been poisoned, the paper said.",
                                      "The airport reopened in March 2016 after the storm, officials said."])
    assert [it.mention.day.year for it in dated_sentences(story)] == [2016]


def test_a_lead_in_to_a_quotation_is_no_event() -> None:
    # a conflicts-dev QA brief's timeline showed "1999 — Speaking on Desert Island Discs in 1999, following the death
    # of her cooking partner Paterson from cancer, she said:"
    story = _story(a=["Speaking on the radio in 1999, after the death of her partner, the chef said:",
                      "The restaurant closed its doors in 1999 after the chef retired."])
    assert [it.sentence.index for it in dated_sentences(story)] == [1]
    # and one that names what comes next (QA round 30, an ECB+ obituary)
    story = _story(a=["On Tuesday, Oct. 10, 1972, Washington awoke to this startling news:",
                      "The newspaper reported the break-in on Oct. 10, 1972, the paper said."])
    assert [it.sentence.index for it in dated_sentences(story)] == [1]


def test_an_excerpt_cut_off_with_an_ellipsis_is_no_event() -> None:
    # a NeuS teaser ended "On Friday, the Labor Department released its..." and was a timeline event
    story = _story(a=["On Friday, the Labor Department released its...",
                      "On Friday, the Labor Department released its jobs report for August."])
    assert [it.sentence.index for it in dated_sentences(story)] == [1]


def test_an_undated_sources_relative_day_is_approximate() -> None:
    # an oral history with no date of its own: its "on Monday" was dated against another source's day, as sure as any
    story = _story(a=["The board met on Monday to approve the budget for the new school year."])
    story.articles[0].published = None
    story.story_date = date(2021, 6, 10)
    [item] = dated_sentences(story)
    assert item.mention.day == date(2021, 6, 7) and item.mention.approximate
    dated = _story(a=["The board met on Monday to approve the budget for the new school year."])
    assert not dated_sentences(dated)[0].mention.approximate
    # a page dated by a photo caption: the photo's day may not be the page's ("announced Thursday" read back
    # from a caption's Wednesday had put a coup's announcement a week before the mutiny that led to it)
    dated.articles[0].extra["published_from"] = "caption"
    assert dated_sentences(dated)[0].mention.approximate


def test_a_caption_dated_pages_weekdays_are_read_from_the_day_after_the_photo() -> None:
    # QA round 18 (Mali coup): a caption of Wednesday March 21 dated the page; its "announced Thursday" was read as
    # March 15, six days before the Wednesday mutiny that led to it
    story = _story("2012-03-21", a=["The mutiny began Wednesday morning at a military camp in the capital.",
                                    "Soldiers announced Thursday on state television that they had seized power."])
    story.articles[0].extra["published_from"] = "caption"
    assert [it.mention.day for it in dated_sentences(story)] == [date(2012, 3, 21), date(2012, 3, 22)]
    # and so is an undated source's, when the story's date is that photo's
    story = _story("2012-03-21", a=["The mutiny began Wednesday morning at a military camp in the capital."],
                   b=["A source told the agency on Thursday morning that the president was safe."])
    story.articles[0].extra["published_from"] = "caption"
    story.articles[1].published = None
    story.story_date = date(2012, 3, 21)
    assert [it.mention.day for it in dated_sentences(story)] == [date(2012, 3, 21), date(2012, 3, 22)]


def test_a_year_holding_the_sentences_own_day_dates_no_event_of_its_own() -> None:
    # an ECB+ brief filed "On Sunday, ... a playoff contender in 2012, the Colts dispatched the Chiefs" under next
    # Sunday's event: its "2012" had joined that day
    won = "On Sunday, against a team some thought a contender in 2012, the Colts beat the Chiefs 20-13."
    story = _story("2012-12-23", a=[won, "The Colts were 2-14 in 2011 and beat the Texans on Sunday."])
    assert [(it.sentence.index, it.mention.precision) for it in dated_sentences(story)] == \
        [(0, "day"), (1, "year"), (1, "day")]


def test_a_day_that_names_an_anniversary_is_no_event() -> None:
    # a NeuS brief dated "As the May 25 anniversary of George Floyd's death nears, lawmakers are working ..." 2021-05-25
    story = _story(a=["As the May 25 anniversary of the flood nears, lawmakers are working on a relief bill.",
                      "The city marked the first anniversary of the flood on Monday with a memorial service.",
                      "The river broke its banks on May 25 last year, flooding the old town."])
    days = sorted(it.mention.day.isoformat() for it in dated_sentences(story))
    assert days == ["2020-05-25", "2021-06-07"]


def test_ledes_of_different_sources_on_one_day_are_one_event() -> None:
    filler = "Officials gave more details about the plans at a later briefing."
    story = _story(
        a=["A $9 billion oil pipeline was officially canceled on Wednesday by its owner.", filler],
        b=["The decision to walk away from the project was confirmed Wednesday in the capital.", filler],
        c=[filler, filler, filler, "Farmers held a separate protest on Wednesday near the old border post."],
        d=["Voters went to the polls on Wednesday in the northern district of the region.",
           "Local traders reopened their shops on Wednesday after the long holiday weekend."],
        # the day of a report is not the news of the day
        e=["The Times reported Wednesday night that some officials had doubts about the order."],
    )
    items = dated_sentences(story)
    assert len(items) == 6 and all(it.mention.day.isoformat() == "2021-06-09" for it in items)
    vectors = np.eye(len(items))  # unlike in meaning: only the lede rule can link them
    groups = sorted(sorted(items[k].sentence.source for k in g) for g in group_events(items, vectors))
    # the ledes of a, b and d merge; c's late sentence and d's second sentence of that day stay apart
    assert groups == [["a", "b", "d"], ["c"], ["d"], ["e"]]


def test_loosely_dated_background_must_stand_alone() -> None:
    from storylens.timeline.events import _unreadable_background

    story = _story(a=["The two leaders have met once before in Vladivostok.",
                      "The first was in April 2019.",
                      "Putin and Kim first met in April 2019 in the far-eastern city.",
                      "He crossed the border on Tuesday, officials said.",
                      "She later married actor Jason Robards, a two-time Oscar winner, in 1961."])
    readable = {it.sentence.text: not _unreadable_background([it]) for it in dated_sentences(story)}
    assert readable == {
        "The first was in April 2019.": False,  # names its subject in the sentence before
        "Putin and Kim first met in April 2019 in the far-eastern city.": True,
        "He crossed the border on Tuesday, officials said.": True,  # a day is news, whoever "he" is
        "She later married actor Jason Robards, a two-time Oscar winner, in 1961.": True,  # tells its fact
    }


def test_background_sentences_alike_as_wholes_are_one_event() -> None:
    # the demo listed the 2019 summit twice: "The last time was in 2019, before the corona pandemic, when he also
    # traveled to Vladivostok ..." has a window ("was in 2019, before the corona ...") that names nothing
    story = _story(
        a=["The last time was in 2019, before the corona pandemic, when he also traveled to Vladivostok."],
        b=["The last time Kim left his country was in 2019, when he also went to Vladivostok."],
        c=["Rebels seized the northern town of Orvak on March 3, 2019, witnesses said."],
    )
    items = dated_sentences(story)
    assert [it.mention.precision for it in items] == ["year", "year", "day"]
    windows = np.eye(3)  # the windows unlike
    alike = np.array([[1.0, 0.0], [0.8, 0.6], [0.8, 0.6]])  # whole sentences alike, the day's too
    groups = sorted(sorted(items[k].sentence.source for k in g) for g in group_events(items, windows, alike))
    assert groups == [["a", "b"], ["c"]]  # a day keeps needing its window: the sentence alone is not the event
    assert len(group_events(items, windows)) == 3  # without sentence vectors, as before


def test_a_page_time_stamp_run_into_a_sentence_is_no_event() -> None:
    # ECB+ briefs had events "Updated: November 11, 2011 18: 50 IST", "November 12, 2011", "Jan 5, 2011 – 4: 35 PM":
    # a page's stamp line the sentence splitter glued to the sentence below it
    story = _story(a=["Updated: June 8, 2021 18: 50 IST\nThe navy foiled a pirate attack in the gulf on Monday."],
                   b=["June 9, 2021 – 4: 35 PM\nThe owner of the ship, Orvak Lines, praised the crew's courage."],
                   c=["Posted on June 9, 2021 at 3: 39 PM\nThe crew said the pirates fled on June 7, 2021."],
                   d=["The navy foiled a pirate attack on June 7, 2021 and captured three boats."])
    dated = {(it.sentence.source, it.mention.day.isoformat()) for it in dated_sentences(story)}
    assert dated == {("a", "2021-06-07"), ("c", "2021-06-07"), ("d", "2021-06-07")}


def test_an_event_quotes_the_statement_below_a_stamp_line() -> None:
    from storylens.timeline.events import _furniture_lines

    stamped = "Published on: Fri, 11 Jun 2021 at 09: 56 IST\nThe navy foiled a pirate attack on Friday."
    assert stamped[_furniture_lines(stamped):] == "The navy foiled a pirate attack on Friday."
    quoted = '"\nOrlo was charged on May 1, 2005, court files show.'
    assert quoted[_furniture_lines(quoted):] == "Orlo was charged on May 1, 2005, court files show."
    headline = "Saints place Thomas on injured reserve\nThe Saints placed Thomas on injured reserve Wednesday."
    assert _furniture_lines(headline) == 0  # a headline says something
    assert _furniture_lines("November 12, 2011") == 0  # nothing below: nothing to quote instead


def test_ledes_of_one_day_about_different_matters_stay_apart() -> None:
    # a NeuS brief cited USA TODAY ('Henri continued to barrel north Saturday') for 'Cuomo deployed 500 National
    # Guard troops on Saturday': two sources' ledes of one day, about two different matters
    story = _story(
        a=["A $9 billion oil pipeline was officially canceled on Wednesday by its owner."],
        b=["The decision to walk away from the project was confirmed Wednesday in the capital."],
        c=["The governor deployed 500 National Guard troops on Wednesday ahead of the storm."],
    )
    items = dated_sentences(story)
    vectors = np.eye(len(items))
    # whole-sentence vectors: the two pipeline ledes alike (0.4), the troops unlike either (0.1)
    sentences = np.array([[1.0, 0.0, 0.0], [0.4, np.sqrt(1 - 0.16), 0.0], [0.1, 0.0, np.sqrt(1 - 0.01)]])
    groups = sorted(sorted(items[k].sentence.source for k in g) for g in group_events(items, vectors, sentences))
    assert groups == [["a", "b"], ["c"]]


def _named(story: Story, **names: str) -> Story:
    """Entities by hand: each keyword is an entity id, its value a name; every occurrence is a mention."""
    from storylens.models import Entity, EntityMention

    story.entities = []
    for ident, name in names.items():
        mentions = [EntityMention(source=a.id, start=i, end=i + len(name), text=name)
                    for a in story.articles for i in range(len(a.text)) if a.text.startswith(name, i)]
        story.entities.append(Entity(id=ident, name=name, type="PERSON", mentions=mentions))
    return story


def test_sayings_of_two_speakers_on_one_day_are_two_events() -> None:
    # a NeuS brief of 2021-08-16 made one event of "Former Gov. David Paterson said Sunday that Hochul will be
    # well-suited ..." and "Kathy Hochul on Sunday said she aims to create ...", citing The Hill for Hochul's words
    story = _named(_story(
        published="2021-08-16",
        a=["Former Gov. David Paterson said Sunday that Kathy Hochul will be well-suited for the governor's job."],
        b=["Lt. Gov. Kathy Hochul on Sunday said she will be well-suited for the governor's job, aides added."],
        c=["Kathy Hochul said Sunday that she will be well-suited to the governor's job ahead."],
        d=["Her aides confirmed on Sunday that Hochul would be well-suited for the governor's job."],
    ), paterson="David Paterson", hochul="Kathy Hochul")
    items = dated_sentences(story)
    assert [it.mention.day.isoformat() for it in items] == ["2021-08-15"] * 4
    assert speakers_of(story, items) == ["paterson", "hochul", "hochul", None]
    vectors = np.ones((len(items), 1))  # alike in meaning: only the speakers part them
    groups = sorted(sorted(items[k].sentence.source for k in g) for g in group_events(items, vectors))
    assert groups == [["a", "b", "c", "d"]]  # without speakers, one event
    groups = sorted(sorted(items[k].sentence.source for k in g)
                    for g in group_events(items, vectors, speakers=speakers_of(story, items)))
    # Hochul's two sayings and the unattributed confirmation join; Paterson's stays his own
    assert groups in ([["a"], ["b", "c", "d"]], [["a", "d"], ["b", "c"]])


def test_a_date_that_names_an_event_does_not_date_the_sentence() -> None:
    # a NeuS brief dated 'The House voted Wednesday ... to probe the Jan. 6 attack on the Capitol' 2021-01-06 too
    story = _story(published="2021-06-30", a=[
        "The House on Wednesday approved a select committee to probe the Jan. 6 attack on the Capitol.",
        "The panel will hold its first hearing on Tuesday about the Jan. 6 Capitol riot.",
        "During his show on June 15, 2021, the host accused the FBI of orchestrating the Jan. 6 attack.",
        "The Jan. 6 attack left five people dead and injured 140 officers.",
        "He was seen last Tuesday night at a bar near the Capitol, police said Friday."])
    dated = sorted((it.sentence.index, it.mention.day.isoformat()) for it in dated_sentences(story))
    # the attack keeps its own sentence; a day of the sentence's own wins beside it; "last Tuesday night" is no name
    # (and the day of the saying goes beside it, as before)
    assert dated == [(0, "2021-06-30"), (1, "2021-07-06"), (2, "2021-06-15"), (3, "2021-01-06"), (4, "2021-06-29")]


def test_an_event_is_told_and_cited_by_the_sentences_giving_its_date_as_shown() -> None:
    # QA round 13 (ECB+ Deep Throat): "1972-06-17" was shown with 'Some speculated that Felt was the source who
    # connected the White House to the June 1972 break-in' and cited seven sources, most of which said "in 1972"
    from storylens.timeline import build_timeline

    story = _story(
        a=["Five men in business suits were arrested at the Watergate complex on June 17, 1972."],
        b=["Some speculated that Felt was the source behind the June 1972 break-in at the Watergate complex."],
        c=["The break-in at the Watergate complex in 1972 led to the president's fall."],
    )
    story.embeddings = np.array([[1.0, 0.0], [0.9, np.sqrt(1 - 0.81)], [0.95, np.sqrt(1 - 0.9025)]])
    events = build_timeline(story)
    # the month and the year agree with the day but do not state it: they tell the event at their own precision
    assert [(e.date, e.precision, e.sources, [q.source for q in e.quotes]) for e in events] == [
        ("1972-01-01", "year", ["c"], ["c"]), ("1972-06-01", "month", ["b"], ["b"]),
        ("1972-06-17", "day", ["a"], ["a"])]
    assert events[2].text.startswith("Five men")
    # a source that gives the day as well is not listed again for the year
    story = _story(a=["Five men in business suits were arrested at the Watergate complex on June 17, 1972.",
                      "The break-in at the Watergate complex in 1972 led to the president's fall."])
    story.embeddings = np.array([[1.0, 0.0], [0.95, np.sqrt(1 - 0.9025)]])
    assert [(e.date, e.sources) for e in build_timeline(story)] == [("1972-06-17", ["a"])]


def test_an_event_is_told_in_a_reported_sentence_not_a_column_s() -> None:
    # a NeuS brief's timeline read 'The so-called "Justice for J6" rally ... was smaller than expected' (a CNN
    # column's view) for an event The Hill and Fox reported plainly
    from storylens.timeline.events import _representative

    story = _story(
        left=["The so-called rally on Saturday, a sad spectacle, was smaller than expected."],
        center=["Fencing installed ahead of the rally on Saturday came down, police said."],
    )
    items = dated_sentences(story)
    vectors = np.array([[1.0, 0.0], [0.9, np.sqrt(1 - 0.81)]])  # the column's sentence the more typical one
    assert items[_representative(items, vectors)].sentence.source == "left"
    assert items[_representative(items, vectors, {"left"})].sentence.source == "center"


def test_a_date_in_a_clause_describing_a_noun_does_not_date_the_sentence() -> None:
    # QA round 14: "1991 — It was in November that the government authorized ... Somalia, which descended into anarchy
    # in 1991.", "1873 — At Vanderbilt, founded in 1873 ..., the name change follows ...", "1987 — ... Zeppos — who
    # arrived on campus as a law professor in 1987 — said he had long been in favor ..."
    story = _story(a=[("It was in November that the government authorized the navy to pursue pirates off Somalia, which "
                      "descended into anarchy in 1991."),
                      ("At Vanderbilt, founded in 1873 just eight years after the war ended, the name change follows "
                      "a series of changes."),
                      "The chancellor — who arrived on campus as a law professor in 1987 — said he had long been in favor.",
                      "The suspect, who was arrested on Monday, appeared in court on Tuesday.",
                      "The ship, which had 18 sailors on board, was hijacked by pirates on September 15, 2008."])
    dated = {d.mention.text: d.sentence.index for d in dated_sentences(story)}
    assert not {"1991", "1873", "1987", "Monday", "on Monday"} & set(dated)
    assert dated.get("on Tuesday") == 3 and dated.get("September 15, 2008") == 4


def test_a_day_every_source_sets_something_for_is_a_planned_event() -> None:
    # QA round 16 (ECB+): 'Arraigned on Sept. 15, Subryan ... is expected to return to Queens Supreme Court in Kew
    # Gardens on Oct. 2.' stood on Oct. 2 as if arraigned then; the day is the plan's, and the reports say so
    from storylens.report.dates import event_date_label
    from storylens.timeline.events import _to_event

    story = _story(
        published="2013-09-20",
        a=["Arraigned on Sept. 15, Subryan was held on bail and is expected to return to court on Oct. 2."],
        b=["The driver is due back in court on Oct. 2, prosecutors said in a statement."],
    )
    items = dated_sentences(story)
    assert [(it.sentence.source, it.mention.day.isoformat(), it.mention.planned) for it in items] == [
        ("a", "2013-09-15", False), ("a", "2013-10-02", True), ("b", "2013-10-02", True)]
    vectors = np.eye(len(items))
    planned = _to_event(story, [items[1], items[2]], vectors[[1, 2]])
    assert planned.planned and event_date_label(planned) == "2013-10-02 (planned)"
    # a source telling it happened makes the day's event no plan
    told = replace(items[2], mention=replace(items[2].mention, planned=False))
    assert not _to_event(story, [items[1], told], vectors[[1, 2]]).planned
    assert event_date_label(_to_event(story, [items[0]], vectors[[0]])) == "2013-09-15"


def test_a_weeks_day_and_a_day_of_that_week_can_be_one_event() -> None:
    # QA round 16 (NeuS): 'claims fell to 498,000 last week' and 'fell by 92,000 to 498,000 in the week ended May 1,
    # Labor Department data showed Thursday' stood on three days: the week's, May 1 and the day the data came out
    from storylens.timeline.dates import find_dates
    from storylens.timeline.events import compatible, event_dates

    base = date(2021, 5, 6)  # a Thursday
    (week,) = find_dates("Weekly unemployment claims fell to 498,000 last week, a new pandemic low.", base)
    (day,) = find_dates("Claims fell by 92,000 to 498,000 on May 1, the state said.", base)
    assert week.approximate and compatible(week, day) and compatible(day, week)
    (far,) = find_dates("Claims rose on April 20 in the state's count.", base)
    assert not compatible(week, far)
    # a guessed day of an undated source is no week: it joins only its own day
    assert not compatible(replace(day, day=date(2021, 5, 2), approximate=True, text="yesterday"), day)
    text = "Claims fell by 92,000 to 498,000 on May 1, Labor Department data showed Thursday."
    assert [m.text for m in event_dates(text, find_dates(text, base))] == ["May 1"]


def test_a_day_with_no_year_far_back_takes_the_year_its_article_gives_the_month() -> None:
    # QA round 17 (ECB+): 'The 35-year-old deputy was killed on June 24, ...' in a 2007 article that writes 'in June
    # 2005' stood on 2006-06-24, the latest June 24 before the article
    story = _story(
        published="2007-05-02",
        a=["The deputy was shot dead in June 2005 while on patrol.",
           "The 35-year-old deputy was killed on June 24 while investigating an attack.",
           "Jurors met on April 20 to hear the evidence."],
        b=["The 35-year-old deputy was killed on June 24 while investigating an attack."],
    )
    got = {(it.sentence.source, it.sentence.index): it.mention.day.isoformat() for it in dated_sentences(story)}
    assert got[("a", 1)] == "2005-06-24"
    assert got[("b", 3)] == "2006-06-24"  # b writes no year for June: the latest June 24 it is
    assert got[("a", 2)] == "2007-04-20"  # a recent day keeps its year


def test_a_comparisons_baseline_is_no_event() -> None:
    # QA round 19 (NeuS jobs report): "February 2020" of "down 6.8 million jobs compared with February 2020" was an event
    story = _story("2021-07-02", a=["The economy is still down 6.8 million jobs compared with February 2020.",
                                    "Prices were higher than in 2019, the report said on Friday.",
                                    "The plant closed in February 2020 after the outbreak.",
                                    # QA round 40: a precedent named as such
                                    ("Norton has been pushing a bill to exempt the city from a shutdown, as it did "
                                     "in 1995."),
                                    "As it did in 1995, the city closed its offices."])
    assert [(it.sentence.index, it.mention.text) for it in dated_sentences(story)] == [(1, "on Friday"),
                                                                                      (2, "February 2020")]


def test_an_embedded_posts_signature_dates_no_event() -> None:
    # QA round 19 (Multi-News test-250): a tweet's signature was the story's only timeline event
    story = _story("2016-10-07", a=[("this is basically the opposite of the truth. — gabriel sherman ( @gabrielsherman ) "
                                    "october 6, 2016 the spat went on for hours."),
                                    "Hannity tweeted on October 6, 2016 that Kelly was a Clinton supporter."])
    assert [it.sentence.index for it in dated_sentences(story)] == [1]


def test_an_unanswered_call_is_no_event() -> None:
    # QA round 23: "A phone message left with Jeffs' attorneys in Utah was not returned Wednesday." was an event
    story = _story(a=["A phone message left with his attorneys in Utah was not returned Wednesday.",
                      "Her lawyer could not be reached for comment on Thursday, the paper said.",
                      "The company did not immediately respond to requests for comment on Friday.",
                      "The judge returned the case to the lower court on Monday, officials said."])
    assert [it.sentence.index for it in dated_sentences(story)] == [3]


def test_a_pointer_to_the_page_s_media_is_no_event() -> None:
    # QA round 28: "Here's a slideshow of images of the northern Sumatra quake on Tuesday." was an event
    story = _story(a=["Here's a slideshow of images of the northern Sumatra quake on Tuesday.",
                      "The quake struck the northern tip of Sumatra on Tuesday, officials said."])
    assert [it.sentence.index for it in dated_sentences(story)] == [1]


def test_a_later_year_beside_the_sentence_s_day_is_its_target() -> None:
    # QA round 24: "Clinton ruled out running for president in 2012 or 2016 on Friday" was listed under 2012
    story = _story(published="2010-11-06",
                   a=["Clinton ruled out running for president in 2012 or 2016 on Friday, officials said.",
                      "The party may field a new candidate in 2012, analysts said on their website."])
    assert sorted(it.mention.day.isoformat() for it in dated_sentences(story)) == ["2010-11-05", "2012-01-01"]


def test_a_stamp_of_agency_date_time_and_city_is_no_event() -> None:
    # QA round 35 (ECB+): "TNN Nov 12, 2011, 05.51AM IST MUMBAI:" was a timeline event
    story = _story(published="2011-11-12", a=[
        "TNN Nov 12, 2011, 05.51AM IST MUMBAI:",
        "The Navy foiled a pirate attack on Nov 11, 2011, officials said.",
        "BC ATTORNEY GENERAL WALLY OPAL ISSUED A STATEMENT ON NOV 10, 2011 SAYING TWO MEN HAD BEEN ARRESTED."])
    days = sorted(it.mention.day.isoformat() for it in dated_sentences(story))
    assert days == ["2011-11-10", "2011-11-11"]


def test_an_event_is_told_without_its_wire_dateline_unless_the_date_is_in_it() -> None:
    # QA round 39: the timeline showed "WASHINGTON — Sen. Joe Manchin ..." where the claims and the summary cut it
    from storylens.timeline import build_timeline

    lede = "WASHINGTON — Sen. Joe Manchin on Monday urged Congress to restore the Voting Rights Act."
    wire = "LONDON, Sept 12 (Reuters) - Shares fell sharply in early trade across the continent."
    story = _story("2021-05-18", a=[lede], b=[wire])
    story.embeddings = np.array([[1.0, 0.0], [0.0, 1.0]])
    events = {e.date: e for e in build_timeline(story)}
    monday = events["2021-05-17"]
    assert monday.text == lede.removeprefix("WASHINGTON — ")
    assert [q.quote for q in monday.quotes] == [monday.text]
    assert events["2020-09-12"].text == wire  # the date read is in the dateline: it stays
