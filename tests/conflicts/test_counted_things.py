"""Counts of different things in a line of statistics are not one slot."""

from __future__ import annotations

from storylens.conflicts.detect import counts_other_thing
from storylens.conflicts.values import Value


def sim(x: str, y: str) -> float:
    if x == y or frozenset({x, y}) == frozenset({"tds", "touchdowns"}):
        return 1.0
    return 0.4  # MiniLM: 'carries' / 'yards' 0.41, 'visitors' / 'girls' under 0.55


def count(n: str, thing: str) -> Value:
    return Value(kind="count", start=0, end=len(n), surface=n, normalized=n, key=n, anchor=thing)


def test_a_figure_is_not_paired_with_another_thing_the_other_line_counts_apart() -> None:
    # '404 yards and two touchdowns on 106 carries' / 'caught eight passes for 66 yards and two touchdowns'
    line_i = [count("404", "yards"), count("two", "touchdowns"), count("106", "carries")]
    line_j = [count("eight", "passes"), count("66", "yards"), count("two", "touchdowns")]
    assert counts_other_thing(line_i[2], line_j[1], line_i, line_j, sim)  # carries vs yards: i counts yards
    assert counts_other_thing(line_i[1], line_j[0], line_i, line_j, sim)  # touchdowns vs passes: j counts touchdowns
    assert not counts_other_thing(line_i[0], line_j[1], line_i, line_j, sim)  # yards vs yards: one thing
    # carries vs passes: neither line counts the other's thing, so the words around them may still pair them
    assert not counts_other_thing(line_i[2], line_j[0], line_i, line_j, sim)


def test_one_group_named_two_ways_still_pairs() -> None:
    # 'three white visitors from Ohio' / 'two white girls from Ohio': nothing else counted on either side
    a, b = count("three", "visitors"), count("two", "girls")
    assert not counts_other_thing(a, b, [a], [b], sim)


def test_a_conflict_shows_only_counts_of_the_disputed_thing() -> None:
    from storylens.conflicts.build import _counts_the_dispute
    from storylens.conflicts.detect import Finding

    games_4, games_10 = count("four", "games"), count("10", "games")
    strongest = Finding((0, games_4), (1, games_10), 0.9, False, ())
    assert _counts_the_dispute(count("14", "games"), strongest, sim)
    assert not _counts_the_dispute(count("four", "tds"), strongest, sim)  # chained in through a shared sentence
    assert _counts_the_dispute(count("four", ""), strongest, sim)  # no counted noun: cannot tell, kept
