"""Numbers, units, bounds and their compatibility (no models needed)."""

import math

import pytest

from storylens.conflicts.numbers import compatible, display, find_numbers, parse_word_number


def one(text: str):
    nums = find_numbers(text)
    assert len(nums) == 1, nums
    return nums[0]


@pytest.mark.parametrize("word,value", [("ninety", 90), ("twenty", 20), ("twenty-five", 25), ("Six", 6),
                                        ("1,200", 1200), ("3.5", 3.5), ("dozen", 12)])
def test_spelled_and_written_numbers(word, value):
    assert parse_word_number(word) == value


def test_parse_word_number_rejects_words():
    assert parse_word_number("train") is None


def test_speed_units_are_converted_with_pint():
    kmh = one("the train reaches a maximum speed of approximately 60 kilometers per hour.")
    mph = one("The train can only go at a speed of about 37 mph (59 km/h) because of the weight.")
    assert kmh.surface == "approximately 60 kilometers per hour"
    assert kmh.bound == "about" and kmh.dimension == mph.dimension == "[length] / [time]"
    assert display(kmh) == "~60 km/h"
    assert display(mph).startswith("~59.5")  # the bracketed restatement is one value, not two
    assert compatible(kmh, mph)


def test_agreeing_and_disagreeing_speeds():
    about_120 = one("It runs at about 120 km/h on the plain.")
    mph_75 = one("It runs at 75 mph on the plain.")
    kmh_150 = one("It runs at 150 km/h on the plain.")
    assert compatible(about_120, mph_75)
    assert not compatible(about_120, kmh_150)
    assert not compatible(one("a top speed of about 60 kilometers per hour"),
                          one("a top speed of about 88 kilometers per hour"))


def test_bounds():
    at_least = one("The train has at least twenty cars.")
    ninety = one("The train has ninety wagons.")
    assert at_least.bound == "at_least" and at_least.high == math.inf
    assert compatible(at_least, ninety)  # logically compatible: no hard conflict
    assert not compatible(one("up to 10 people were hurt"), one("15 people were hurt"))
    assert one("more than three years").bound == "at_least"
    assert one("nearly 40 cars").bound == "nearly"
    north = one("a poll showing his approval rating north of 50 percent")
    assert north.bound == "at_least" and compatible(north, one("55 percent of Americans approve"))
    assert one("shares fell south of $10 on Monday").bound == "at_most"
    # the top of an estimate (an ECB+ brief read 'as much as $180 million' as '≥ 180 million')
    assert one("The Angels offered as much as $180 million.").bound == "at_most"
    assert compatible(one("as many as 50 people were killed"), one("45 people were killed"))
    assert not compatible(one("as many as 50 people were killed"), one("70 people were killed"))
    assert one("a town about 15 miles north of Gaza").bound == "about"  # a direction after it is no bound


def test_money_percent_and_scale():
    money = one("The deal was worth $5.2 billion last year.")
    assert money.dimension == "money:USD" and money.value == 5.2e9
    assert display(money) == "5.2 billion USD"
    pct = one("Turnout was 63 percent in the county.")
    assert pct.dimension == "percent" and pct.value == 63
    assert not compatible(pct, one("Turnout was 44% in the county."))


def test_within_is_an_upper_bound():
    deadline = one("The board ordered a review within six months.")
    assert deadline.bound == "at_most" and deadline.surface == "within six months"
    assert compatible(deadline, one("The review came four months later."))


def test_years_times_ordinals_are_not_quantities():
    assert find_numbers("In 2019 at 4:12 PM on the 23rd they met.") == []


def test_counts_have_no_unit():
    n = one("Police arrested 162 people overnight.")
    assert n.dimension == "count" and n.value == 162 and n.surface == "162"


def test_negated_bounds():
    capped = one("Trump ordered that no more than 15,000 refugees could be accepted.")
    assert capped.bound == "at_most" and capped.surface == "no more than 15,000" and capped.high == 15000
    floor = one("The train has no fewer than 20 cars.")
    assert floor.bound == "at_least" and floor.low == 20


def test_numbers_inside_names_and_tallies_are_not_quantities():
    assert find_numbers("The Delta COVID-19 variant doubles the risk of hospitalisation.") == []
    assert find_numbers("The 54-35 vote fell short.") == []
    assert [n.value for n in find_numbers("Two F-16 jets and 12 drones were lost.")] == [2.0, 12.0]
    # a number glued to letters is a name or a code; a currency sign before it is not a letter
    assert [n.value for n in find_numbers("Leaders of the G7 and the H1N1 panel pledged 5 billion doses.")] == [5e9]
    assert [n.value for n in find_numbers("It costs US$5 and 3 euros.")] == [5.0, 3.0]
