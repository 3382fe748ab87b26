"""Two figures that are two facts (a part and the whole, a source giving both) are no dispute."""

from storylens.conflicts.figures import Stated, figure_sources, same_figure, two_facts
from storylens.conflicts.numbers import find_numbers
from storylens.conflicts.roles import is_relative
from storylens.conflicts.values import Value
from storylens.models import Article, Sentence, Story


def count(text: str, noun: str) -> Value:
    n = find_numbers(text)[0]
    return Value("count", n.start, n.end, n.surface, n.surface, n.surface, n.dimension, n, anchor=noun,
                 relative=is_relative(text, n.start, n.end))


def story_of(*sentences: tuple[str, str]) -> Story:
    arts = {src: Article(id=src, raw="", text="") for src, _ in sentences}
    sents = [Sentence(src, k, 0, len(t), t) for k, (src, t) in enumerate(sentences)]
    return Story(articles=list(arts.values()), sentences=sents)


def test_same_figure_needs_the_same_wording_of_the_bound():
    assert same_figure(count("60 cars", "cars"), count("sixty cars", "cars"))
    assert not same_figure(count("about 60 cars", "cars"), count("60 cars", "cars"))
    assert not same_figure(count("at least 60 cars", "cars"), count("61 cars", "cars"))


def test_an_order_of_magnitude_apart_is_a_part_and_a_whole():
    few, many = count("seven patients", "patients"), count("258,000 patients", "patients")
    assert two_facts((0, few), (1, many), Stated())
    assert not two_facts((0, count("162 people", "people")), (1, count("240 people", "people")), Stated())


def test_a_source_stating_both_figures_disputes_neither():
    texts = [("s1", "12 people died"), ("s1", "The toll rose to 20 people"), ("s2", "20 people died"),
             ("s3", "15 people died")]
    story = story_of(*texts)
    values = {k: [count(t, "people")] for k, (_, t) in enumerate(texts)}
    stated = figure_sources(story, values)
    assert stated.sources[(0, 0)] == {"s1"} and stated.sources[(2, 0)] == {"s1", "s2"}
    assert two_facts((0, values[0][0]), (2, values[2][0]), stated)  # s1 gives 12 and 20
    assert not two_facts((3, values[3][0]), (2, values[2][0]), stated)  # nobody gives 15 and 20


def test_a_source_stating_one_figure_and_the_other_in_round_numbers_disputes_neither():
    # a NeuS brief disputed "more than $18 billion last year" (vaccines) with "$3.2 billion" (pills), while the
    # first source goes on: "Now it's pouring more than $3 billion on ... pills"
    texts = [("s1", "more than 18 people died"), ("s1", "now more than 3 people died"), ("s2", "3.2 people died")]
    story = story_of(*texts)
    values = {k: [count(t, "people")] for k, (_, t) in enumerate(texts)}
    stated = figure_sources(story, values)
    assert stated.rounded[(2, 0)] == {"s1"}
    assert two_facts((0, values[0][0]), (2, values[2][0]), stated)
    # a bound that merely admits both figures gives neither: 33 and 35 stay a dispute beside "at least 30"
    texts = [("s1", "at least 30 people died"), ("s2", "33 people died"), ("s3", "35 people died")]
    story = story_of(*texts)
    values = {k: [count(t, "people")] for k, (_, t) in enumerate(texts)}
    stated = figure_sources(story, values)
    assert stated.rounded[(1, 0)] == stated.rounded[(2, 0)] == {"s1"}
    assert not two_facts((1, values[1][0]), (2, values[2][0]), stated)
    # a cap states no figure under it ("up to $18.7 billion" in fines, a "$13 billion" loss: a planted conflict
    # of conflicts-dev's held-out half was lost to a first version that read caps too), nor a far one
    texts = [("s1", "up to 18.7 people died"), ("s1", "5.2 people died"), ("s2", "13 people died"),
             ("s3", "more than 10 people died")]
    story = story_of(*texts)
    values = {k: [count(t, "people")] for k, (_, t) in enumerate(texts)}
    stated = figure_sources(story, values)
    assert stated.rounded[(2, 0)] == frozenset()  # 13 is over 10 x 1.2
    assert not two_facts((1, values[1][0]), (2, values[2][0]), stated)


def test_an_increment_and_a_total_are_two_facts():
    total, more = count("Thirty bodies have been recovered", "bodies"), count("12 more victims were flown", "victims")
    assert more.relative and not total.relative
    assert count("another 3,000 jobs", "jobs").relative and count("three other players", "players").relative
    assert two_facts((0, total), (1, more), Stated())
    # two increments of the same thing, or two totals, can still be a dispute
    assert not two_facts((0, more), (1, count("15 more victims were flown", "victims")), Stated())
    assert not two_facts((0, total), (1, count("Twelve bodies have been recovered", "bodies")), Stated())
    assert not count("10 times more often", "times").relative
    # what a measure adds to a thing is not the thing's size
    added = count("The bill would add $256 billion to the deficit", "billion")
    assert added.relative and two_facts((0, count("a roughly $1 trillion bill", "trillion")), (1, added), Stated())
    assert not count("The team added 3 players last week", "players").relative


def test_a_projection_and_a_stated_figure_are_two_facts():
    from dataclasses import replace

    now, later = count("One in seven patients", "patients"), count("one in 10 patients", "patients")
    assert two_facts((0, replace(now, future=False)), (1, replace(later, future=True)), Stated())
    assert not two_facts((0, replace(now, future=False)), (1, replace(later, future=False)), Stated())
    assert not two_facts((0, replace(now, future=None)), (1, replace(later, future=True)), Stated())  # cannot tell


def test_a_wanted_figure_and_a_stated_one_are_two_facts():
    from dataclasses import replace

    actual, expected = count("rose 0.8 percent", "percent"), count("the expected 0.2 percent", "percent")
    assert two_facts((0, actual), (1, replace(expected, wanted=True)), Stated())
    assert not two_facts((0, actual), (1, expected), Stated())
    # two expectations (or two requirements) can still disagree
    assert not two_facts((0, replace(actual, wanted=True)), (1, replace(expected, wanted=True)), Stated())


def test_durations_counted_from_different_events_are_two_facts():
    from dataclasses import replace

    eight, four = count("Eight months after", "months"), count("less than four months after", "months")
    assert two_facts((0, replace(eight, since="authorize")), (1, replace(four, since="complete")), Stated())
    assert not two_facts((0, replace(eight, since="authorize")), (1, replace(four, since="authorize")), Stated())
    assert not two_facts((0, replace(eight, since="authorize")), (1, four), Stated())  # one cannot tell
