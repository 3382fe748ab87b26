"""Common English diminutives of given names: "Chris Wray" is "Christopher Wray" written short.

A small hand-kept table rather than a package: PyPI's `nicknames` (a curated CSV) would do, but it
lists loose relations too ("Al" for a dozen names, "Ed" for "Edgar" and "Edmund"), and a story
merges two people only on a pairing most readers would make without thinking. Each diminutive
maps to the full names it usually stands for; the cluster stage merges a short name with a full
one only when just one such full name with the same surname is in the story.
"""

from __future__ import annotations

from functools import cache

from storylens.entities.normalize import token_key

_TABLE = {
    "abby": "abigail", "alex": "alexander alexandra", "andy": "andrew", "tony": "anthony",
    "barb": "barbara", "ben": "benjamin", "bernie": "bernard", "beth": "elizabeth", "betsy": "elizabeth",
    "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert", "brad": "bradley",
    "cathy": "catherine", "kathy": "kathleen katherine", "kate": "katherine catherine",
    "chris": "christopher christine christina christian", "chuck": "charles", "charlie": "charles",
    "dan": "daniel", "danny": "daniel", "dave": "david", "deb": "deborah", "debbie": "deborah",
    "dick": "richard", "don": "donald", "doug": "douglas", "ed": "edward", "eddie": "edward",
    "fred": "frederick", "gabe": "gabriel", "greg": "gregory", "jake": "jacob", "jim": "james",
    "jimmy": "james", "jamie": "james", "jeff": "jeffrey", "jen": "jennifer", "jenny": "jennifer",
    "jerry": "gerald jerome", "joe": "joseph", "joey": "joseph", "jon": "jonathan", "josh": "joshua",
    "ken": "kenneth", "kenny": "kenneth", "larry": "lawrence", "liz": "elizabeth", "maggie": "margaret",
    "matt": "matthew", "mike": "michael", "mikey": "michael", "mitch": "mitchell", "nate": "nathan nathaniel",
    "nick": "nicholas", "pat": "patrick patricia", "patty": "patricia", "peggy": "margaret",
    "pete": "peter", "phil": "philip phillip", "ron": "ronald", "ronnie": "ronald", "russ": "russell",
    "sam": "samuel samantha", "sandy": "sandra", "steve": "steven stephen", "sue": "susan",
    "ted": "edward theodore", "teddy": "theodore", "tim": "timothy", "tom": "thomas", "tommy": "thomas",
    "vicky": "victoria", "will": "william", "zach": "zachary",
    "becky": "rebecca rebekah", "becca": "rebecca rebekah", "bekah": "rebekah rebecca", "rob": "robert",
    "robbie": "robert", "rick": "richard", "ricky": "richard", "rich": "richard", "meg": "margaret megan",
    "jess": "jessica", "jackie": "jacqueline", "steph": "stephanie", "mandy": "amanda", "manny": "manuel",
    "hank": "henry", "gerry": "gerald", "trish": "patricia", "tricia": "patricia", "val": "valerie",
    "stan": "stanley", "ray": "raymond", "walt": "walter", "wally": "walter", "gene": "eugene", "marty": "martin",
    "vince": "vincent", "randy": "randall randolph", "terry": "terence terrance", "lenny": "leonard",
    "freddie": "frederick", "geoff": "geoffrey", "herb": "herbert", "norm": "norman", "stu": "stuart",
    "wes": "wesley", "cindy": "cynthia", "ollie": "oliver", "rudy": "rudolph", "theo": "theodore",
}


DIMINUTIVES = frozenset(_TABLE)  # given names written short ("bill", "chris"): given names, whatever the story


@cache
def full_forms() -> dict[str, frozenset[str]]:
    """Token key of a diminutive -> token keys of the full names it stands for."""
    return {token_key(short): frozenset(token_key(f) for f in full.split()) for short, full in _TABLE.items()}


def is_short_for(short: str, full: str) -> bool:
    """`short` (a token key) is a diminutive of `full` (a token key)."""
    return full in full_forms().get(short, frozenset())
