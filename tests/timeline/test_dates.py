"""Resolution of absolute and relative date expressions against an article's own date (no models)."""

from __future__ import annotations

from datetime import date

import pytest

from storylens.models import Article, Sentence, Story
from storylens.timeline import consensus_date
from storylens.timeline.dates import find_dates, weekday_date
from storylens.timeline.events import dated_sentences

TUESDAY = date(2023, 9, 12)  # a Tuesday


def days(sentence: str, base: date | None = TUESDAY) -> list[str]:
    return [m.day.isoformat() for m in find_dates(sentence, base)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The leader left the capital on Sunday aboard his train.", ["2023-09-10"]),
        # a present tense about an event's aftermath dates the event, not a plan (a NeuS brief put the altercation
        # four days after its article's date)
        ("Police are investigating as a hate crime an altercation Friday night near the port.", ["2023-09-08"]),
        ("Residents are still mourning the three workers killed in a blast Friday.", ["2023-09-08"]),
        ("The city is counting the cost of a fire Friday at the docks.", ["2023-09-08"]),
        ("The union is holding a rally Friday at the docks.", ["2023-09-15"]),  # a plan stays ahead
        # "late last week" is that week's Thursday, "early next week" its Monday (a NeuS brief put "late last
        # week" on the Monday)
        ("The announcement moved the shares late last week, traders said.", ["2023-09-07"]),
        ("A vote on the bill is expected early next week, aides said.", ["2023-09-18"]),
        ("The delegation arrived at the border station this Tuesday morning.", ["2023-09-12"]),
        ("Officials said on Tuesday that talks had begun in the city.", ["2023-09-12"]),
        ("The two leaders will meet on Wednesday in the port city.", ["2023-09-13"]),
        ("The minister is expected to visit the plant on Friday afternoon.", ["2023-09-15"]),
        ("The minister visited the plant on Friday afternoon with aides.", ["2023-09-08"]),
        ("The company announced the recall yesterday after complaints.", ["2023-09-11"]),
        ("The president arrived today in the city for the forum.", ["2023-09-12"]),
        ("The strike ended last Tuesday after weeks of talks.", ["2023-09-05"]),
        ("The court will rule next Tuesday on the appeal itself.", ["2023-09-19"]),
        ("They left Pyongyang on Sunday and will meet the president on Wednesday.", ["2023-09-10", "2023-09-13"]),
        # the day a thing is planned for, whatever the clause's tense; a possessive names a past event
        ("The leader on Monday moved to arrange the vote for Saturday after talks failed.", ["2023-09-11", "2023-09-16"]),
        ("A procedural vote was set for Thursday in the upper house.", ["2023-09-14"]),
        ("Police arrested a man for Saturday's attack on the station.", ["2023-09-09"]),
        ("A rally slated to take place on Friday will close the campaign.", ["2023-09-15"]),
    ],
)
def test_relative_dates(sentence: str, expected: list[str]) -> None:
    assert days(sentence) == expected


def test_sentence_initial_weekday_reads_the_verb_after_it() -> None:
    assert days("On Monday, the agency confirmed that the visit would go ahead.") == ["2023-09-11"]
    assert days("On Thursday, the board will vote on the merger proposal.") == ["2023-09-14"]


def test_a_plan_named_as_a_thing_is_no_plan_for_the_day() -> None:
    # a NeuS brief of Friday 2021-10-01 put "the infrastructure plan suffered a setback late Thursday night" a week ahead
    friday = date(2021, 10, 1)
    assert days("President Biden's infrastructure plan suffered a significant setback late Thursday night.", friday) \
        == ["2021-09-30"]
    assert days("The company plans to open the new plant on Thursday, officials said.", friday) == ["2021-10-07"]


def test_a_forecast_names_a_coming_weekday_but_a_past_ability_does_not() -> None:
    # a NeuS brief dated "Henri could make landfall ... sometime on Sunday" (a Saturday's story) a week back
    saturday = date(2021, 8, 21)
    days = lambda text: [m.day.isoformat() for m in find_dates(text, saturday)]
    assert days("People were warned as Henri could make landfall on Long Island sometime on Sunday.") == ["2021-08-22"]
    assert days("Teens could qualify for shots as soon as Thursday.") == ["2021-08-26"]
    assert days("He could not sleep on Sunday, his wife said.") == ["2021-08-15"]
    assert days("The storm may have hit the island on Sunday.") == ["2021-08-15"]
    assert days("The club lost in May last year and again on Sunday.")[-1] == "2021-08-15"  # the month
    # a day of the month after a modal keeps the past: the event is named, not forecast
    assert days("Facebook feared he might incite violence following the Jan. 6 attack.") == ["2021-01-06"]


def test_a_prediction_and_the_day_coordinated_with_a_coming_day_are_ahead() -> None:
    # a NeuS brief (a Saturday's story) dated "is forecast to slam into ... late Saturday or early Sunday" a week back
    saturday = date(2021, 8, 21)
    days = lambda text: [m.day.isoformat() for m in find_dates(text, saturday)]
    assert days("The system, upgraded to a hurricane at 5 p.m. Saturday, is forecast to slam into Long Island late "
                "Saturday or early Sunday, the National Hurricane Center said.") == ["2021-08-21", "2021-08-21",
                                                                                    "2021-08-22"]
    assert days("Rain is likely to return on Tuesday.") == ["2021-08-24"]
    assert days("The next meeting will be held on Monday or Tuesday.") == ["2021-08-23", "2021-08-24"]
    # a past day coordinated with another stays past
    assert days("The storm battered the coast on Thursday and Friday.") == ["2021-08-19", "2021-08-20"]


def test_a_present_verb_word_after_an_article_is_no_schedule() -> None:
    # a NeuS brief of Sunday 2021-10-03 dated "In an open letter Wednesday ..., industry groups warned" ahead
    sunday = date(2021, 10, 3)
    days = lambda text: [m.day.isoformat() for m in find_dates(text, sunday)]
    assert days("In an open letter Wednesday to heads of state, industry groups warned of a collapse.") == [
        "2021-09-29"]
    assert days("His visit on Friday was cancelled by aides.") == ["2021-10-01"]
    assert days("The museum opens on Wednesday after two years of repairs.") == ["2021-10-06"]


def test_due_to_a_cause_is_no_schedule() -> None:
    # an ECB+ brief (a Sunday's story) dated "could not reach him ... due to low light levels on Saturday" ahead
    sunday = date(2013, 9, 15)
    days = lambda text: [m.day.isoformat() for m in find_dates(text, sunday)]
    assert days("Rescuers were not able to reach him due to low light levels on Saturday, police said.") == [
        "2013-09-14"]
    assert days("Flights were cancelled due to fog on Saturday.") == ["2013-09-14"]
    assert days("The ship is due to arrive on Friday.") == ["2013-09-20"]
    assert days("The verdict is due on Friday.") == ["2013-09-20"]


def test_a_sunday_paper_is_no_day() -> None:
    # an ECB+ brief dated "a friend told the Herald on Sunday" (the New Zealand paper) to a Sunday
    assert days("A friend of the climber told the Herald on Sunday that he was experienced.") == []
    assert days("The Mail on Sunday reported the deal first.") == []
    # a paper named in full, or a day of the week after another head word, is a day
    assert days("The Boston Herald on Sunday reported the deal first.") == ["2023-09-10"]
    assert days("He told the Senate on Sunday that the deal was off.") == ["2023-09-10"]


def test_a_relative_clause_before_the_date_does_not_set_its_tense() -> None:
    # a NeuS brief of Monday 2021-08-16 dated "Hochul, who will make history ..., on Sunday vowed" a week ahead
    monday = date(2021, 8, 16)
    days = lambda text: [m.day.isoformat() for m in find_dates(text, monday)]
    assert days("Kathy Hochul, who will make history as the female governor of New York, on Sunday vowed to uphold "
                "integrity in her administration.") == ["2021-08-15"]
    assert days("The governor, who resigned in disgrace, will speak on Sunday at the convention.") == ["2021-08-22"]
    assert days("Kathy Hochul will make history as governor on Sunday.") == ["2021-08-22"]


def test_a_day_of_last_year_is_in_last_year() -> None:
    june = date(2021, 6, 10)
    days = lambda text: [m.day.isoformat() for m in find_dates(text, june)]
    assert days("The river broke its banks on May 25 last year, flooding the old town.") == ["2020-05-25"]
    assert days("He was hired on March 3 of last year.") == ["2020-03-03"]
    assert days("The river broke its banks on May 25, flooding the old town.") == ["2021-05-25"]


def test_explicit_dates_with_and_without_year() -> None:
    assert days("The treaty was signed on Sept. 12, 2021 in the capital city.") == ["2021-09-12"]
    assert days("The treaty was signed on 3 March 2020 by both delegations.") == ["2020-03-03"]
    # No year: the most recent such day before the article, or the next one for a plan.
    assert days("The ceasefire began on September 10 along the whole front.") == ["2023-09-10"]
    assert days("The summit will open on October 2 in the northern city.") == ["2023-10-02"]
    assert days("The factory closed on December 28 after the fire there.") == ["2022-12-28"]
    # A day without a year a year back but weeks ahead is the coming one (an ECB+ "May 10 deadline" in an
    # article of May 3 was dated the year before); one a few days back stays past.
    assert days("The judge has given him a September 20 deadline to find a place.") == ["2023-09-20"]
    assert days("The judge gave him the deadline on September 8 at the hearing.") == ["2023-09-08"]
    # ... up to the 66 days a day over 300 days back leaves ahead (a NeuS brief of July 8 dated "the mission is on
    # track to end on Aug. 31" the year before)
    assert days("The mission is on track to end on Aug. 31, the president said.", date(2021, 7, 8)) == ["2021-08-31"]
    assert days("The mission ended on Aug. 31 after two decades of war.", date(2021, 10, 8)) == ["2021-08-31"]
    # A day right after "for" is what something is planned for (an ECB+ brief dated a trial 8 months in the past).
    assert days("The case was heard and a provisional trial date was set for October 28.") == ["2023-10-28"]
    assert days("Police arrested a man for September 2's attack on the station.") == ["2023-09-02"]


def test_vague_dates_are_approximate_and_spans_are_background() -> None:
    (year,) = find_dates("The two leaders last met in 2019 in the same city.", TUESDAY)
    assert (year.day, year.approximate, year.precision) == (date(2019, 1, 1), True, "year")
    (month,) = find_dates("They first met in April 2019 in the same city.", TUESDAY)
    assert (month.day, month.approximate, month.precision) == (date(2019, 4, 1), True, "month")
    assert days("Relations have warmed since the invasion of the country in 2022.") == []
    assert days("Prices have risen since March and analysts expect more.") == []
    assert days("The road stays closed until Friday, officials said.") == []
    # both ends of a range are bounds (an ECB+ brief listed "from September 2010 to January 2011" as January 2011)
    assert days("She was at the clinic from September 2010 to January 2011 after a violation.") == []
    assert days("Talks ran between May 2019 and June 2019 in the capital.") == []
    assert days("He left from Vladivostok on Monday to Moscow and arrived on Tuesday.") == ["2023-09-11", "2023-09-12"]
    # a day after "on" dates an event, bound word or not (the demo lost "crossed the border through X on Tuesday")
    assert days("He will appear before magistrates on Thursday in the city.") == ["2023-09-14"]
    assert days("He has been held since his arrest on Sunday at the border.") == ["2023-09-10"]


def test_datelines_and_numbers_are_not_events() -> None:
    assert days("Posted 2023-09-12 08:23:19 by the newsroom staff writer.") == []
    assert days("Inflation reached May 5 percent in the latest figures.") == []


def test_a_planned_day_just_past_is_not_a_year_ahead() -> None:
    # "Starting on Oct. 15, the new rule will ..." in a NeuS article of October 18, 2021 was dated 2022-10-15
    assert days("Starting on Sept. 9, the new rule will apply to every worker.") == ["2023-09-09"]
    assert days("Starting on Sept. 12, the new rule will apply to every worker.") == ["2023-09-12"]
    assert days("The summit will open on September 14 in the capital.") == ["2023-09-14"]
    assert days("The summit will open on August 1 in the capital.") == ["2024-08-01"]


def test_a_present_tense_with_a_date_is_a_schedule() -> None:
    # ECB+ briefs dated "New Orleans plays at Seattle on Saturday" a week early and "Doctor Who returns to screens on
    # November 23" (in an August article) the November before
    assert days("New Orleans plays at Seattle on Saturday in the Wild Card round.") == ["2023-09-16"]
    assert days("The show returns to screens on November 23 for its anniversary.") == ["2023-11-23"]
    assert days("The leader is teeing up a Saturday vote on the bill.") == ["2023-09-16"]
    # a past form in the clause keeps the past
    assert days("The team that was beaten plays again, it said on Saturday.") == ["2023-09-09"]
    assert days("He returned to the club on Saturday after a long absence.") == ["2023-09-09"]


def test_a_present_progressive_tells_what_is_going_on_on_a_day_just_past() -> None:
    # QA round 11: "is expanding its grip on Thursday" in an article of Friday June 18, 2021 was dated June 24
    friday = date(2021, 6, 18)
    assert days("The heat wave roasting the West is expanding its grip on Thursday, forecasters said.", friday) \
        == ["2021-06-17"]
    # further back, or with anything else that plans, the coming day is meant
    monday = date(2021, 6, 14)
    assert days("The Senate is voting on Friday on the bill.", monday) == ["2021-06-18"]
    assert days("Kim is arriving in Vladivostok on Tuesday.", monday) == ["2021-06-15"]
    assert days("The Colts are expected to be playing the Chiefs on Thursday.", friday) == ["2021-06-24"]
    assert days("The Colts play the Chiefs on Thursday.", friday) == ["2021-06-24"]


def test_a_day_that_refines_a_week_dates_the_event() -> None:
    # QA round 11: "starting next week on April 29th" (an article of Wednesday April 24, 2013) was dated May 1 beside
    # the same event on April 29
    wednesday = date(2013, 4, 24)
    assert days("Customers can register starting next week on April 29th, T-Mobile said.", wednesday) == ["2013-04-29"]
    # a weekday after the week is that week's
    assert days("The talks broke down last week, on Tuesday, officials said.", wednesday) == ["2013-04-16"]
    assert days("The vote comes next week on Thursday.", wednesday) == ["2013-05-02"]
    assert days("The talks broke down last week, officials said.", wednesday) == ["2013-04-17"]


def test_last_month_and_a_day_after_a_name_of_who_did_it_are_dated() -> None:
    # QA round 11: "sued by Michael Egan last month ... alleging abuse in 1998" was an event of 1998 alone ("by
    # Michael Egan" had read as a deadline's bound)
    may = date(2014, 5, 20)
    found = find_dates("Both were sued by Michael Egan last month in federal court, alleging abuse in 1998.", may)
    assert [(m.text, m.day.isoformat(), m.precision, m.approximate) for m in found] == [
        ("last month", "2014-04-01", "month", True), ("1998", "1998-01-01", "year", True)]
    assert days("The plant will open next month, the company said.", date(2020, 12, 10)) == ["2021-01-01"]
    assert days("He got a letter from Ms. Smith on Monday.", date(2020, 1, 10)) == ["2020-01-06"]
    # a bound stays a bound
    assert days("The report is due by next week, officials said.", date(2020, 12, 10)) == []
    assert days("The store will be closed from Monday to Friday.", date(2020, 1, 10)) == []
    # a listing's field (QA round 45: "available until: ... 2099" was the story's only timeline event)
    assert days("Broadcast on: bbc radio 4, duration: 30 minutes available until: 12:00am thursday 1st january "
                "2099 categories: arts.", date(2010, 5, 13)) == []


def test_a_weekday_inside_a_name_is_no_date() -> None:
    # "Saturday Night Live opened the show" was an event of that Saturday in a Multi-News brief
    assert days("Last week Saturday Night Live opened the show with a sketch.")[1:] == []
    assert days("The Sunday Times reported the deal in full.") == []
    assert days("He appeared on Monday Night Football for the first time.") == []
    assert days("He left on Saturday night for the city.") == ["2023-09-09"]
    assert days("The Monday meeting was cancelled by the board.") == ["2023-09-11"]
    # any such day is no date (QA round 41: "flying on a Sunday, the day the plane plunged" was dated a week on)
    assert days("The airline violated its licence by flying on a Sunday, the day the plane plunged.") == []
    assert days("The market opens every Monday at dawn.") == []


def test_relative_dates_need_an_anchor() -> None:
    assert days("The leader left the capital on Sunday aboard his train.", base=None) == []
    assert days("The treaty was signed on Sept. 12, 2021 in the capital city.", base=None) == ["2021-09-12"]


def test_weekday_same_day_is_today_in_both_directions() -> None:
    assert weekday_date("on tuesday", TUESDAY, future=False) == TUESDAY
    assert weekday_date("on tuesday", TUESDAY, future=True) == TUESDAY
    assert weekday_date("on monday", TUESDAY, future=True) == date(2023, 9, 18)


def test_undated_article_falls_back_to_story_date() -> None:
    text = "Officials said the convoy crossed the border on Sunday night."
    dated = Article(id="a", raw=text, text=text, published="2023-09-12")
    undated = Article(id="b", raw=text, text=text)
    story = Story(articles=[dated, undated])
    story.sentences = [Sentence("a", 0, 0, len(text), text), Sentence("b", 1, 0, len(text), text)]
    story.story_date = date(2023, 9, 20)  # the undated article borrows this day
    got = {d.sentence.source: d.mention.day for d in dated_sentences(story)}
    assert got == {"a": date(2023, 9, 10), "b": date(2023, 9, 17)}


def test_consensus_date_is_the_most_common_day() -> None:
    arts = [Article(id=str(i), raw="x", text="x", published=p)
            for i, p in enumerate(["2023-09-12T08:00:00Z", "2023-09-12", "2023-09-11", None])]
    assert consensus_date(arts) == date(2023, 9, 12)
    assert consensus_date([Article(id="z", raw="x", text="x")]) is None


def test_photo_captions_are_not_events() -> None:
    # An AP caption kept in a Multi-News text was the only dated event of its brief; in another, captions, an
    # embedded tweet and video promos were four of eight events.
    texts = [
        'FILE - In this Aug. 11, 2015 file photo, actress Laverne Cox attends a screening in New York.',
        "In this Jan. 23, 2018, photo, Sen. Susan Collins speaks during a TV news interview in Washington.",
        "This image provided by the county jail shows the actor on Tuesday, Sept. 25, 2018, after his sentencing.",
        "pic.twitter.com/jRHOjzUZD7 — Aaron Rupar (@atrupar) September 25, 2018",
        "EMBED More News Videos The actor spends his first night in prison, reported on September 26, 2018",
        "Watch the report from Chad Pradelli on Action News at 4 p.m. on September 25, 2018.",
        "The show's fifth season was released on June 9, 2017 by the streaming service.",
        "Aug. 05, 2013 | 2:47 p.m.",  # a time stamp (an ECB+ brief listed one as an event)
        '"When you watched him walk out on Monday, did you not just think so? "',  # a quoted question
    ]
    arts = [Article(id=str(i), raw=t, text=t, published="2018-01-30") for i, t in enumerate(texts)]
    story = Story(articles=arts)
    story.sentences = [Sentence(str(i), i, 0, len(t), t) for i, t in enumerate(texts)]
    assert [d.sentence.source for d in dated_sentences(story)] == ["6"]


def test_the_day_of_the_saying_is_dropped_when_the_sentence_dates_what_was_said() -> None:
    # An ECB+ brief listed "Yesterday a neighbour recalled ... on Saturday" on Saturday and again on Sunday.
    texts = [
        "Yesterday a neighbour recalled seeing the suspect in the street at 3am on Saturday.",
        "Officials said on Monday that the blast happened on Friday night near the port.",
        "Officials said on Monday they were treating the fire as a possible arson.",
        "Police charged him this morning and he will appear in court on Wednesday.",
        # a NeuS brief listed this sentence on May 30 and again on the Monday of the press release
        "The company's servers were breached on Saturday, it announced in a Monday press release.",
        # beside a year only, the day of the announcement is the event's (an ECB+ brief lost it); the year is
        # who he is, no event of its own
        "Pierre Orlo, the leading rusher in 2009, was put on injured reserve, the team announced Wednesday.",
    ]
    arts = [Article(id=str(i), raw=t, text=t, published="2013-06-10") for i, t in enumerate(texts)]  # a Monday
    story = Story(articles=arts)
    story.sentences = [Sentence(str(i), i, 0, len(t), t) for i, t in enumerate(texts)]
    got = [(d.sentence.source, d.mention.day.isoformat()) for d in dated_sentences(story)]
    assert got == [("0", "2013-06-08"), ("1", "2013-06-07"), ("2", "2013-06-10"), ("3", "2013-06-10"),
                   ("3", "2013-06-12"), ("4", "2013-06-08"), ("5", "2013-06-05")]


def test_an_expectation_or_an_aim_names_a_coming_day() -> None:
    # an ECB+ brief of Tuesday 2007-11-13: 'HP ... expects the deal to close by ...' read as a day gone by
    tuesday = date(2007, 11, 13)
    assert days("The company expects to report its results on Thursday.", tuesday) == ["2007-11-15"]
    assert days("The minister hopes to sign the agreement on March 3.", tuesday) == ["2008-03-03"]
    assert days("He said Monday that he expects nothing from the talks.", tuesday) == ["2007-11-12"]


def test_a_weekday_naming_the_date_after_it_is_no_date_of_its_own() -> None:
    # an oral history: "Stewart made his debut on Monday, January 11, 1999" had also dated the Monday before the page
    base = date(2015, 2, 17)
    assert [(m.text, m.day) for m in find_dates("Stewart made his debut on Monday, January 11, 1999.", base)] == \
        [("January 11, 1999", date(1999, 1, 11))]
    assert [m.day for m in find_dates("The ship sailed on Friday, 3 March 2017.", base)] == [date(2017, 3, 3)]
    assert [m.day for m in find_dates("He left on Monday, saying he would return.", base)] == [date(2015, 2, 16)]


def test_a_day_without_a_year_takes_the_year_its_sentence_gives() -> None:
    # an ECB+ brief put 'killed June 24, 2005 ... while investigating a June 20 shooting' on 2006-06-20
    assert days("Deputy Ortiz was killed June 24, 2005 while investigating a June 20 shooting.", date(2007, 3, 20)) \
        == ["2005-06-24", "2005-06-20"]
    # the year that puts it nearest the sentence's full date: a NeuS brief dated 'the deadly Jan. 6 riot ... to
    # certify the Nov. 3, 2020 election' Jan. 6, 2020 when the sentence's year was taken as it stood
    assert days("It was the sequel to the Jan. 6 riot, when Congress met to certify the Nov. 3, 2020 election.",
                date(2021, 9, 20)) == ["2021-01-06", "2020-11-03"]
    # two years given: none is taken for the day without one
    assert days("The law of March 3, 2001 was replaced on May 5, 2009 and amended on June 20.", date(2010, 1, 5)) \
        == ["2001-03-03", "2009-05-05", "2009-06-20"]


def test_a_day_told_as_done_is_never_a_coming_one() -> None:
    # a day over 300 days back is usually a coming one ('a May 10 deadline' on May 3) ...
    assert days("The judge has given him a May 10 deadline.", date(2023, 5, 3)) == ["2023-05-10"]
    # ... but not when the clause says it happened, or the day names an incident: an ECB+ brief dated a killing
    # 'on June 24' of 2005 after the article of May 2, 2007, and a NeuS brief the 'Jan. 6 riot' a year late
    assert days("The deputy was killed on June 24, while investigating a shooting.", date(2007, 5, 2)) == ["2006-06-24"]
    assert days("He called the Jan. 6 riot a disgrace.", date(2022, 1, 4)) == ["2021-01-06"]
    # a present tense before a weekday naming an incident: that incident's day, not a coming one
    assert days("Orozco is now the main suspect in the Friday afternoon slaying of the deputy.", date(2005, 6, 26)) \
        == ["2005-06-24"]
    assert days("The Saints play the Falcons on Friday.", date(2005, 6, 26)) == ["2005-07-01"]


def test_a_would_be_migrant_is_no_future() -> None:
    # a NeuS brief put 'issued a stark warning to would-be migrants from Guatemala on Monday' five days after the
    # articles' date, as a coming Monday
    assert days("Harris issued a stark warning to would-be migrants from Guatemala on Monday.", date(2021, 6, 9)) \
        == ["2021-06-07"]
    assert days("Harris would travel to Mexico on Monday, aides said.", date(2021, 6, 9)) == ["2021-06-14"]


def test_a_month_of_last_year_is_placed() -> None:
    # an ECB+ brief's timeline missed 'In April last year an 8.6-magnitude quake struck 431 kilometres off Banda Aceh'
    mentions = find_dates("In April last year an 8.6-magnitude quake struck off Banda Aceh.", date(2013, 7, 2))
    assert [(m.text, m.day.isoformat(), m.precision) for m in mentions] == [("April last year", "2012-04-01", "month")]
    assert days("He visited on May 25 last year.", date(2013, 7, 2)) == ["2012-05-25"]
    assert days("In April last year the quake struck.", None) == []


def test_an_undated_text_writing_a_later_year_is_read_against_its_latest_date() -> None:
    # QA round 12: undated reports "as of August 2016" were read against another source's 2014 date, and their
    # "On Monday" put in November 2014
    from storylens.models import Article, Story
    from storylens.timeline.dates import latest_written

    text = "On Monday, the CDC reported that, as of August 2016, there have been 50 cases in 24 states."
    assert latest_written(text) == date(2016, 8, 1)
    assert latest_written("The trial opens on March 3, 2099, the clerk said.") is None  # not after today
    # the end of a range written out in full too (QA round 38: "From Jan. 1 to Aug. 31, 2016, the CDC reported ...")
    assert latest_written("From Jan. 1 to Aug. 31, 2016, the CDC reported 50 people with the illness.") \
        == date(2016, 8, 31)
    story = Story(articles=[Article(id="a", raw="", text="The report covers 2014.", published="2014-11-13"),
                           Article(id="b", raw="", text=text), Article(id="c", raw="", text="It began in 2012.")])
    story.story_date = date(2014, 11, 13)
    assert story.reading_date("b") == (date(2016, 8, 1), True)
    assert story.reading_date("c") == (date(2014, 11, 13), True)  # an earlier year: the story's date
    assert story.reading_date("a") == (date(2014, 11, 13), False)


def test_a_historical_year_is_read_and_a_day_after_that_on_is_no_bound() -> None:
    # QA round 13 (a Multi-News eclipse story): "March 31, 1866" was placed on 2010-03-31, and "Jan. 31, 2037" after
    # "after that, on" was dropped as a period's bound
    base = date(2018, 1, 29)
    assert days("Before 2017, there was a partial eclipse on Dec. 31, 2009, but we have to go all the way back to "
                "March 31, 1866.", base) == ["2009-12-31", "1866-03-31"]
    assert days("The next ones are on Dec. 31, 2028, and, after that, on Jan. 31, 2037.", base) == [
        "2028-12-31", "2037-01-31"]
    assert days("The shop stayed open until Jan. 31, 2037.", base) == []  # a bound still


def test_a_day_without_a_year_takes_the_lone_year_its_sentence_writes_next_to_the_article_s() -> None:
    # QA round 13 (ECB+ HP/EYP): "which ends January 31", in an article of 2007-11-12, was placed in January 2007
    base = date(2007, 11, 12)
    assert days("HP expects the deal to close by its first fiscal 2008 quarter, which ends January 31.", base) == [
        "2008-01-31"]
    # a year further off is what something dates from, not the year of the day
    assert days("The firm, founded in 1998, holds its meeting on November 20.", base) == ["1998-01-01", "2007-11-20"]


def test_a_courts_order_to_come_back_plans_the_day() -> None:
    # QA round 16 (ECB+): 'was remanded in custody to appear before Taunton Crown Court on 19 August' put the plea he
    # entered on that day, as something that happened then
    base = date(2013, 7, 23)  # a Tuesday
    (m,) = find_dates("He was remanded in custody to appear before Taunton Crown Court on 19 August.", base)
    assert m.day.isoformat() == "2013-08-19" and m.planned
    assert days("He was bailed to return to the police station on Monday.", base) == ["2013-07-29"]
    # failing to appear is what happened
    (m,) = find_dates("He failed to appear in court on Monday.", base)
    assert m.day.isoformat() == "2013-07-22" and not m.planned


def test_a_year_or_month_already_over_is_no_plan() -> None:
    # QA round 17 (ECB+): 'since that now infamous debacle in Jacksonville in 2006' was labelled planned (its clause's
    # present tense reads as a schedule), and a coming day still is one
    base = date(2012, 12, 24)
    (m,) = find_dates("It was the worst run defense I have seen the Colts play since that now infamous debacle in "
                      "Jacksonville in 2006.", base)
    assert m.day.year == 2006 and not m.planned
    (m,) = find_dates("He is scheduled to return to work full-time tomorrow as the head coach.", base)
    assert m.day.isoformat() == "2012-12-25" and m.planned


def test_a_plan_denied_is_no_plan_but_its_day_still_lies_ahead() -> None:
    # QA round 18 (ECB+): '"... I'm not going to lecture too much this morning," Bodiford said' was a planned event
    base = date(2008, 12, 13)  # a Saturday
    (m,) = find_dates('"You\'ll be pleased to know that I\'m not going to lecture too much this morning," the judge '
                      "said.", base)
    assert not m.planned
    (m,) = find_dates("He is not expected to return to court on Monday, his lawyer said.", base)
    assert m.day.isoformat() == "2008-12-15" and not m.planned
    (m,) = find_dates("He is expected to return to court on Monday, his lawyer said.", base)
    assert m.day.isoformat() == "2008-12-15" and m.planned


def test_today_in_a_name_is_no_day() -> None:
    # QA round 19 (conflicts-dev): three award winners "at USA Today" and "Today in the Sky" were dated by the page
    base = date(2010, 11, 24)
    assert days("The bronze goes to Gary Stoller, a reporter at USA Today, for his series.", base) == []
    assert days("Ben Mutzabaugh wins gold for the best travel blog, Today in the Sky, at USAToday.com.", base) == []
    assert days("the reporter at usa today wrote about the fares.", base) == []
    assert days("Today, the company said it would cut 40 jobs.", base) == ["2010-11-24"]
    assert days('"Today we start again," he said.', base) == ["2010-11-24"]
    assert days("The company said today it would cut 40 jobs.", base) == ["2010-11-24"]
    # "today" as "these days" (QA round 23)
    assert days("\"It is a history that we're still struggling with today,\" the chancellor said.", base) == []
    assert days("Families of today spend more than families of 1990 did.", base) == []
    assert days("The vote is set for today, the clerk said.", base) == ["2010-11-24"]
    # "of our time" (QA round 32: "valued at around $4,500 in today's economy" was an event)
    assert days("The ring was valued at around $4,500 in today's economy.", base) == []
    assert days("Today's hearing was cut short, the clerk said.", base) == ["2010-11-24"]


def test_a_day_named_by_weekday_and_month_day_pins_its_year_among_those_written() -> None:
    # QA round 19: an undated text writing "Thursday October 19" and the year 2017 (Oct. 19, 2017 was a Thursday)
    from storylens.timeline.dates import pinned_day

    text = "The bank was robbed on Thursday October 19. He was born in 1964 and moved back in 2017."
    assert pinned_day(text, date(2026, 1, 1)) == date(2017, 10, 19)
    # a day written out in full within a month after it is later still
    assert pinned_day(text + " The charge was stayed October 23, 2017.", date(2026, 1, 1)) == date(2017, 10, 23)
    # no year whose calendar fits, or two that do: nothing pinned
    assert pinned_day("The bank was robbed on Friday October 19 in 2017.", date(2026, 1, 1)) is None
    assert pinned_day("It opened on Thursday October 19, a year after 2006 and before 2017.", date(2026, 1, 1)) is None
    # a wire dateline gives the day and its lead the weekday (QA round 22: a Reuters page read as undated)
    wire = ("Dec 17 (Reuters) - A ticket buying frenzy could make Tuesday's Mega Millions jackpot the biggest prize. "
            "The record jackpot was won in March 2012; the second largest in May 2013.")
    assert pinned_day(wire, date(2026, 1, 1)) == date(2013, 12, 17)  # a Tuesday; Dec 17, 2012 was a Monday
    flat = "paris, april 5 ( upi ) -- a court ruled on friday against the airline over a flight in april 2013."
    assert pinned_day(flat, date(2026, 1, 1)) == date(2013, 4, 5)  # lower-cased, spaced (QA round 24)
    assert pinned_day("LIMA, Dec 1 (Reuters) - Peru suspended its investigator, officials said in 2009 and 2013.",
                      date(2026, 1, 1)) is None  # no weekday to pin the year by


def test_a_month_named_alone_is_the_nearest_such_month() -> None:
    # QA round 24: "a charge dismissed by the court in June" (an article of August 2021) was no date at all
    from storylens.timeline.dates import find_dates

    base = date(2021, 8, 19)

    def read(text: str) -> list[tuple[str, str, bool]]:
        return [(m.day.isoformat(), m.precision, m.planned) for m in find_dates(text, base)]

    assert read("The court dismissed the charge in June.") == [("2021-06-01", "month", False)]
    assert read("Prices rose in December.") == [("2020-12-01", "month", False)]  # the December before
    assert read("The vote will be held in October.") == [("2021-10-01", "month", True)]
    assert read("They met in May.") == [] and read("She works in March of Dimes.") == []
    assert find_dates("The court dismissed the charge in June.", None) == []  # no article date: not placed


def test_a_range_s_ends_and_bounds_only_right_before_a_date_are_no_events() -> None:
    # QA round 25: a refund "for the time period of November 1, 2012, through August 31, 2013" was dated by its first
    # day; "passed by state lawmakers last week" and "since a court ruled in 2008" lost their dates as bounds
    from storylens.timeline.dates import find_dates

    base = date(2013, 10, 20)

    def read(text: str) -> list[str]:
        return [m.day.isoformat() for m in find_dates(text, base)]

    assert read("His rent rose for the time period of November 1, 2012, through August 31, 2013.") == []
    assert read("The festival runs from May 3 to May 7.") == []
    assert read("And since a court ruled in 2008 that she was not fit to, her father has stepped in.") == ["2008-01-01"]
    assert read("He has lived there since 2008.") == [] and read("She has worked there since early 2010.") == []
    assert read("The bill was passed by state lawmakers last week.") == ["2013-10-13"]
    assert read("The deal must be done by Friday.") == [] and read("The office is open from 9 a.m. Monday.") == []


def test_a_clause_set_before_the_date_by_while_or_although_does_not_give_it_its_tense() -> None:
    # QA round 31 (ECB+): "While shakers ... are common to the area, Thursday's 2:09 a.m. jolt lasted longer" was a
    # planned event, its Thursday read ahead by the "are" of the clause before it
    base = date(2013, 3, 15)  # a Friday
    (m,) = find_dates("While shakers around magnitude 2 and 3 are common to the area, Thursday's 2:09 a.m. jolt lasted "
                      "longer and proved stronger than usual, residents said.", base)
    assert m.day.isoformat() == "2013-03-14" and not m.planned
    (m,) = find_dates("While talks are stalled, the committee will meet Thursday to review the bill.", base)
    assert m.day.isoformat() == "2013-03-21" and m.planned


def test_on_track_to_names_a_coming_day() -> None:
    # QA round 31 (NeuS): "The Senate appears on track to prevent a government shutdown on Thursday at midnight", in
    # a Wednesday's story, was dated the Thursday before; the same story's "final passage ... on Thursday" the next
    base = date(2021, 9, 29)  # a Wednesday
    (m,) = find_dates("The Senate appears on track to prevent a government shutdown on Thursday at midnight.", base)
    assert m.day.isoformat() == "2021-09-30" and m.planned
    (m,) = find_dates("The Senate was on track on Thursday, aides said.", base)
    assert m.day.isoformat() == "2021-09-23"


def test_a_range_s_end_after_a_full_date_s_comma_is_a_bound() -> None:
    # QA round 32 (test-250): "... what each celebrity earned between may 1, 2011, and may 1, 2012." was an event
    base = date(2012, 6, 1)
    assert find_dates("what each celebrity earned between may 1, 2011, and may 1, 2012.", base) == []
    assert find_dates("He was charged with fraud between Nov. 1, 2004, and Oct. 8, 2008.", base) == []
    days = find_dates("He was charged on Nov. 1, 2004, and convicted on Oct. 8, 2008.", base)
    assert [m.day.isoformat() for m in days] == ["2004-11-01", "2008-10-08"]


def test_a_day_naming_an_incident_inside_another_clause_dates_nothing() -> None:
    # QA round 33 (NeuS): "Pelosi will announce this week whether she will create a select committee to investigate
    # the Jan. 6 riot" was dated Jan. 6
    base = date(2021, 6, 22)

    def incidents(sentence: str) -> list[bool]:
        return [m.incident for m in find_dates(sentence, base)]

    assert incidents("Pelosi will announce this week whether she will create a select committee to investigate the "
                     "Jan. 6 riot at the U.S. Capitol.") == [True]
    assert incidents("The Jan. 6 riot at the Capitol left five people dead.") == [False]
    assert incidents("Rioters stormed the Capitol on Jan. 6, police said.") == [False]
    story = Story(articles=[Article(id="a", raw="", text="", published="2021-06-22")], sentences=[
        Sentence(index=0, source="a", start=0, end=10, text="Pelosi will announce this week whether she will create a "
                                                           "select committee to investigate the Jan. 6 riot."),
        Sentence(index=1, source="a", start=11, end=20, text="The Jan. 6 riot at the Capitol left five people dead.")])
    assert [item.sentence.index for item in dated_sentences(story)] == [1]


def test_a_day_in_brackets_with_a_time_zone_is_the_moment_told_before() -> None:
    # QA round 35 (conflicts-dev): "... drawing Tuesday before the 11 p.m. EST (4 a.m., Dec. 18, GMT) drawing" gave
    # Dec. 18 its own event beside the drawing of Dec. 17
    base = date(2013, 12, 17)
    assert days("Tickets can be bought until the 11 p.m. EST (4 a.m., Dec. 18, GMT) drawing, officials said.",
                base) == []
    assert days("The prize grew to $586 million (up from $400 million on Dec. 13), officials said.", base) \
        == ["2013-12-13"]


def test_as_of_dates_a_tally_not_an_event() -> None:
    # QA round 36 (NeuS): "... a probe into the origins of the pandemic that has killed more than 3.34 million people
    # worldwide as of Friday" was an event of Friday
    base = date(2021, 5, 14)  # a Friday
    assert days("Scientists called for a probe into the pandemic that has killed more than 3.34 million people "
                "worldwide as of Friday.", base) == []
    assert days("Scientists called on Thursday for a probe into the pandemic.", base) == ["2021-05-13"]


def test_a_weekday_naming_the_day_of_a_date_just_given_is_no_second_day() -> None:
    # QA round 37 (conflicts-dev): "On Dec. 14, a busy Friday night at the Excalibur, ..." was also an event of the
    # Friday before the article's date
    base = date(2013, 2, 21)
    assert days("On Dec. 14, a busy Friday night at the Excalibur, a shooting sent crowds running.", base) \
        == ["2012-12-14"]
    assert days("He was arrested on Dec. 14, and released on Friday.", base) == ["2012-12-14", "2013-02-15"]


def test_a_named_incident_after_adjectives_dates_no_other_clause() -> None:
    # QA round 37 (NeuS): "Republican leaders are trying to sink legislation establishing an independent commission on
    # the deadly Jan. 6 attack on the Capitol" was an event of Jan. 6
    base = date(2021, 5, 19)
    (m,) = find_dates("Republican leaders are trying to sink legislation establishing an independent commission on "
                      "the deadly Jan. 6 attack on the Capitol.", base)
    assert m.incident
    (m,) = find_dates("The deadly Jan. 6 attack on the Capitol left five people dead.", base)
    assert not m.incident


def test_a_past_year_recalled_beside_the_day_or_qualifying_a_noun_dates_no_event() -> None:
    # QA round 39: each of these was listed under its year, the sentence's news shown as if it happened then
    texts = [
        ("On Tuesday, Mr. Cosby, 81, was sentenced to three to 10 years in prison for drugging and sexually "
         "assaulting a woman, Andrea Constand, at his home outside Philadelphia in 2004."),
        ("A man who a prosecutor says was wrongly convicted in the killing of a schoolgirl in 1957 must be released "
         "from prison, a judge ordered Friday."),
        "Finley saw a tweet on how fans are seeking to prevent the demolition of an office building designed in 1958.",
        ("The department says he will serve his sentence at SCI Phoenix for sexually assaulting a woman at his "
         "home in 2004."),
        # what a bill would do (QA round 40: the block was listed under the shutdown's Friday)
        ("Yellen's letter came less than 24 hours after Senate Republicans blocked a bill that would suspend the "
         "debt ceiling and prevent a government shutdown on Friday."),
        # a year in brackets (QA round 43)
        "Asked how he felt about it (he was No. 4 on the most-wanted list in 2012), Katriuk paused.",
        # still events: a year as the main verb's, and a day after a qualifying participle
        "Smith died in 2004 at his home in Ohio.",
        "The museum was built in 1958 by a local firm.",
        "The treaty signed on Monday takes effect next year.",
    ]
    arts = [Article(id=str(i), raw=t, text=t, published="2018-09-26") for i, t in enumerate(texts)]  # a Wednesday
    story = Story(articles=arts)
    story.sentences = [Sentence(str(i), i, 0, len(t), t) for i, t in enumerate(texts)]
    got = [(d.sentence.source, d.mention.day.isoformat()) for d in dated_sentences(story)]
    assert got == [("0", "2018-09-25"), ("1", "2018-09-21"), ("6", "2004-01-01"), ("7", "1958-01-01"),
                   ("8", "2018-09-24")]


def test_tomorrow_in_a_statement_counts_from_the_day_it_was_made() -> None:
    # QA round 43 (NeuS): read from the article's Wednesday, "tomorrow" was Thursday, though the statement was Tuesday's
    wednesday = date(2021, 9, 29)
    assert days("Biden will now remain at the White House tomorrow to work on the bills, the White House said on "
                "Tuesday.", wednesday) == ["2021-09-29", "2021-09-28"]
    # a statement of the article's own day, or none, leaves it as it was
    assert days("The vote will be held tomorrow, the speaker said on Wednesday.", wednesday) == ["2021-09-30",
                                                                                               "2021-09-29"]
    assert days("The vote will be held tomorrow, the speaker said.", wednesday) == ["2021-09-30"]
