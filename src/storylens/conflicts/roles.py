"""What role a figure plays in its sentence, beyond its slot: the readings that make two different
figures two facts rather than two answers (figures.py), and numbers that are no figure at all.

* relative: counted on top of or beside others ("12 more victims", "another 3,000 jobs", "1 million
  doses each", "add $256 billion to the deficit");
* earlier: the value a change started from ("down from his initial $2.3 trillion proposal"), or a figure of
  another time ("one week after he managed 10 yards on nine carries");
* wanted: expected, aimed at or required ("the 0.2% economists had expected", "10 GOP votes needed");
* counted from: the event a duration runs from ("eight months after first authorizing the vaccine");
* in a name: "Title 42", "Boeing 737 jets" count nothing.

All read from the sentence text or from the spaCy parse the value was extracted from (no new parse).
"""

from __future__ import annotations

import re
from typing import Any


def token_at(doc: Any, char: int) -> Any:
    """The token of `doc` covering character `char`, or None."""
    for tok in doc:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


_RELATIVE_AFTER = re.compile(
    r"\s+(?:more|other|additional|extra|further)\b|\s+(?:[\w'’-]+\s+){0,3}?(?:each|apiece)\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:another|an additional|an extra|a further)\s+$"
                              # a change's size, not a level: "still down 6.8 million jobs compared with February 2020"
                              # (a NeuS brief disputed it with the 700,000 jobs a month's report was to add; QA round 19)
                              r"|\b(?:down|up)\s+(?:by\s+)?(?:(?:about|some|nearly|almost|roughly|around|more than|"
                              r"less than|over)\s+)?$", re.IGNORECASE)
# "would add $256 billion to the deficit": what is added to a thing, not the size of the thing
_ADDED_BEFORE = re.compile(
    r"\badd(?:s|ed|ing)?\s+(?:(?:about|some|roughly|nearly|almost|around|over|more than|up to|an estimated)\s+)?$",
    re.IGNORECASE)
_ADDED_TO_AFTER = re.compile(r"(?:\s+[\w'’,.-]+){0,4}?\s+to\b", re.IGNORECASE)
# A figure a change started from ("down from his initial $2.3 trillion proposal", "rose from 6% to 5.8%")
# or one marked as superseded ("the original $2.25 trillion plan") is an earlier value, not the current one.
_CHANGE = (r"(?:down|up|fell|fall|falls|rose|rise|rises|dropped|drop|drops|climbed|jumped|increased|decreased|"
           r"declined|cut|reduced|lowered|raised|grew|slipped|surged|soared|plunged|shrank|ticked|edged|revised)")
_EARLIER_BEFORE = re.compile(
    r"(?:\b" + _CHANGE + r"\s+(?:[\w'’.,]+\s+){0,3}?from\s+(?:(?!to\b)[A-Za-z'’.]+\s+){0,2}?"
    r"|\b(?:initial|original|previous|earlier|prior|former|old)\s+)$", re.IGNORECASE)


# A change named by a noun after its size: "the $50 billion increase in HP's market value" (QA round 26 disputed it with
# HP's "market value of about $115 billion"). Not for a share ("a 5 percent rise" and "rose 3 percent" are both
# changes, told by a noun and by a verb).
_CHANGE_NOUN_AFTER = re.compile(r"\s+(?:increase|rise|jump|gain|drop|decline|fall|decrease|loss|cut|boost|surge|"
                                r"hike|reduction)s?\b", re.IGNORECASE)


def is_relative(text: str, start: int, end: int) -> bool:
    """'bodies of 12 more victims', 'another 3,000 jobs', '1 million doses each', 'add $256 billion to the
    deficit', 'the $50 billion increase in ...': a figure counted on top of or beside others, not a total."""
    if _RELATIVE_AFTER.match(text, end) or _RELATIVE_BEFORE.search(text[:start]):
        return True
    if _CHANGE_NOUN_AFTER.match(text, end) and "%" not in text[start:end] and "percent" not in text[start:end].lower():
        return True
    return bool(_ADDED_BEFORE.search(text[max(0, start - 40):start]) and _ADDED_TO_AFTER.match(text, end))


_RATE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:a|an|per|every)\s+(?:game|match|day|night|week|month|year|season|"
                         r"outing|hour|minute|run|carry|attempt|catch|reception|play|rush|start|inning|possession)\b",
                         re.IGNORECASE)
_AVERAGE_BEFORE = re.compile(r"\b(?:average\s+of|averag(?:ed|es|ing))\s+(?:a\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def is_rate(text: str, start: int, end: int, kind: str = "count") -> bool:
    """'averaged 7.2 rebounds', 'an average of 300 deaths', '20 points a game': a count per game, day or year,
    not the count of one game or one day. A quantity is a rate when it is an average ('averaging 3.8 yards per run'
    against one game's '30 yards', QA round 27); 'per hour' of a quantity is its unit, a speed."""
    if kind != "count":
        return bool(_AVERAGE_BEFORE.search(text[max(0, start - 40):start]))
    return bool(_RATE_AFTER.match(text, end) or _AVERAGE_BEFORE.search(text[max(0, start - 40):start]))


# What a measure leaves out, said within its clause: "excluding food and energy", "controlling for ...", "core".
_ADJUSTED = re.compile(r"\b(?:excluding|excludes|exclude|controlling\s+for|stripping\s+out|strips\s+out|"
                       r"leaving\s+out|not\s+counting|inflation[- ]adjusted|adjusted\s+for\s+inflation|core)\b",
                       re.IGNORECASE)


def is_adjusted(text: str, start: int, end: int) -> bool:
    """The figure is of a measure with something left out or adjusted: 'The 0.9 percent CPI increase from March,
    again controlling for food and energy prices' is no dispute with 'prices increased 0.8 percent' (QA round 27)."""
    return bool(_ADJUSTED.search(text, max(0, start - 60), min(len(text), end + 90)))


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december")
_PERIOD = re.compile(
    r"\b(?:(?P<which>past|last|previous|prior|this|next)\s+(?:\d+\s+|few\s+|two\s+|three\s+)?"
    r"(?P<unit>day|week|month|quarter|year)s?"
    r"|the\s+(?P<before>day|week|month|quarter|year)\s+before"
    r"|(?P<over>year|month|week)[- ](?:over|on)[- ](?:year|month|week)"
    r"|(?:a|one)\s+(?P<ago>year|month|week)\s+(?:ago|earlier)"
    r"|in\s+(?P<month>" + _MONTHS + r"))\b", re.IGNORECASE)


_SEASON = re.compile(r"\b(?P<which>this|last|previous|prior)\s+season\b", re.IGNORECASE)
_SEASON_WORD = re.compile(r"\bseasons?\b", re.IGNORECASE)
_GAME_DAY = re.compile(r"\b(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s)?\s+"
                       r"(?:night\s+)?(?:against|vs\.?|versus|at|over|in)\b|\bin\s+week\s+\d+\b"
                       r"|\b(?:victory|win|loss|defeat|rout|shutout)\s+(?:over|against|to|at|vs\.?|versus)\b",
                       re.IGNORECASE)


_SINCE_OPENING = re.compile(r"\s*(?:Since|Over|In)\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?(?:week|game)\s+\d+\b"
                            r"|\s*Since\s+(?:the\s+)?(?:start|beginning)\s+of\s+(?:" + _MONTHS + r")\b", re.IGNORECASE)
_LAST_GAMES = re.compile(r"\b(?:in|over|during)\s+(?:his|her|their|its|the)\s+(?:last|past|previous)\s+(?:\w+\s+)?"
                         r"(?:games|starts|outings|matches|contests|appearances)\b", re.IGNORECASE)


# A running total's cut-off: "32 new cases ... through July", "as of August 2016, there have been 50 cases", "As of
# November 13, CDC had verified reports of 88 cases" (QA round 36 disputed the three totals); totals to two days are
# no rivals.
_CUT_OFF = re.compile(r"\b(?:as\s+of|through|thru|so\s+far\s+in|to\s+the\s+end\s+of)\s+(?:(?:early|late|mid-?)\s*)?"
                      r"(?P<when>(?:" + _MONTHS + r")\.?(?:\s+\d{1,2}(?!\d))?(?:,?\s+(?:19|20)\d{2})?"
                      r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.\s+\d{1,2}(?:,?\s+(?:19|20)\d{2})?)\b",
                      re.IGNORECASE)


def period_of(text: str, start: int, end: int) -> str:
    """The period a figure is stated for, read from the words right around it: 'rose 0.9 percent *in the past month*'
    -> 'month', '4.5% in the past year' (or 'year-over-year', 'from a year earlier') -> 'year', '412,000 *last week*'
    -> 'week', 'the week before' -> 'week before', 'in July' -> 'july'; '' when none is named."""
    m = _PERIOD.search(text[start:min(len(text), end + 60)]) or _PERIOD.search(text[max(0, start - 30):start])
    part = _SINCE_OPENING.match(text) or _LAST_GAMES.search(text, start, min(len(text), end + 60))
    cut = _CUT_OFF.search(text) if m is None and not part else None
    if cut:
        return "to " + " ".join(cut["when"].lower().replace(",", "").split())
    if m is None and part:
        # a tally from a point on ("Since Week 11, Thomas has ... 498 rushing yards") or over the last few games is
        # no season's total ("548 rushing yards ... this season"), nor the tally of another stretch (QA round 27)
        return " ".join(part[0].lower().split())
    if m is None:
        # a sports line: a season's total against one game's figure ('had only 269 yards ... on 29 catches' this season
        # / 'on Sunday against Tampa Bay ... five catches': QA round 21 disputed four such pairs)
        season = _SEASON.search(text)
        if season:
            return "season before" if season["which"].lower() in ("last", "previous", "prior") else "season"
        return "day" if _SEASON_WORD.search(text) is None and _GAME_DAY.search(text) else ""
    if m["before"]:
        return f"{m['before'].lower()} before"
    if m["over"] or m["ago"]:
        return (m["over"] or m["ago"]).lower()  # "year-over-year", "from a year earlier": a change over the year
    if m["month"]:
        return m["month"].lower()
    unit = m["unit"].lower()
    return f"{unit} before" if m["which"].lower() in ("previous", "prior") else unit


def counted_from(doc: Any, char: int) -> str:
    """The event a duration is counted from: 'eight months after first *authorizing* the vaccine', 'four months
    after Pfizer *completed* its application', '40 minutes after *take-off*' (the lemma; '' when none)."""
    nxt = next((t for t in doc if t.idx >= char), None)
    if nxt is None or nxt.text.lower() not in ("after", "since"):
        return ""
    if nxt.dep_ == "mark":
        return nxt.head.lemma_.lower()
    objs = [c for c in nxt.children if c.dep_ in ("pobj", "pcomp")]
    return objs[0].lemma_.lower() if objs else ""


# A clause set at another time than the story's event: "came one week after he managed 10 yards on nine carries",
# "Prior to that he had caught 2 passes".
_OTHER_TIME_BEFORE = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?|games?|seasons?)\s+(?:after|before)"
    r"|prior to that|the (?:day|week|month|year|game|season) before)\b[^.;:]*$", re.IGNORECASE)


def is_earlier(text: str, start: int) -> bool:
    """'down from his initial $2.3 trillion', 'from 6% to 5.8%', 'the original $2.25 trillion plan': the value
    before a change, a different slot from a current figure; so is a figure of a clause set at another time
    ('one week after he managed 10 yards on nine carries')."""
    before = text[max(0, start - 80):start]
    return bool(_EARLIER_BEFORE.search(before) or _OTHER_TIME_BEFORE.search(before))


def in_name(doc: Any, char: int) -> bool:
    """Is the number at `char` part of a proper name ('Title 42', 'Route 66', 'Boeing 737 Max jets')?

    The word right before it is a capitalised proper noun that the number modifies, or that modifies the
    same noun as the number does; 'In Texas 300 people died' and 'said Tuesday 12 people' are no names.
    """
    tok = token_at(doc, char)
    if tok is None or tok.i == 0 or not tok.text[:1].isdigit():
        return False
    prev = doc[tok.i - 1]
    if prev.pos_ not in ("PROPN", "NOUN") or not prev.text[:1].isupper() or not prev.text.isalpha():
        return False
    return tok.head.i == prev.i or (prev.pos_ == "PROPN" and prev.dep_ in ("nmod", "compound")
                                    and prev.head.i == tok.head.i != tok.i)


# Words that make a figure something expected, aimed at or required rather than a stated actual
# ("the 0.2% economists had expected", "the 10 GOP votes needed", "a goal of 70%", "aims to hire 500").
# "estimate" is left out: "officials estimate 300 died" states the toll itself, hedged.
_WANTED = frozenset({"expect", "forecast", "predict", "anticipate", "target", "goal", "aim", "need", "require",
                     "hope", "seek"})
# Of those, the participles that make the figure's own noun a wanted one ('the expected 0.2%', 'the votes
# needed'); 'a $1.2 trillion package aimed at roads' says what the package is for, not that it is a goal.
_WANTED_MODIFIERS = frozenset({"expect", "forecast", "predict", "anticipate", "target", "need", "require", "expected",
                               "forecasted", "predicted", "anticipated", "targeted", "needed", "required"})


def is_wanted(doc: Any, char: int) -> bool:
    """Is the figure at `char` an expectation, a target or a requirement (a different slot from an actual)?

    Read from the parse: the words above the figure up to the second verb (a verb and the verb it
    complements: 'had expected the C.P.I. to rise 3.6 percent') and their modifiers ('the expected
    0.2%', 'votes needed to advance'). The counted noun's own lemma does not count ('scored two goals'),
    nor a verb whose active subject holds the figure ('30 people needed treatment' states 30).
    """
    tok = token_at(doc, char)
    verbs = 0
    prev = None
    for _ in range(6):
        if tok is None:
            return False
        counted = prev is not None and prev.dep_ in ("nummod", "quantmod") and prev.head.i == tok.i
        own = tok.lemma_.lower() in _WANTED
        if own and prev is not None and not counted and prev.dep_ not in ("nsubj", "csubj"):
            return True
        if any(c.dep_ in ("amod", "acl") and _WANTED_MODIFIERS & {c.lemma_.lower(), c.text.lower()}
               for c in tok.children):
            return True
        if tok.pos_ in ("VERB", "AUX"):
            verbs += 1
            if verbs >= 2 or tok.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp"):
                return False  # the figure's clause is not the complement of another verb or noun
        if tok.head.i == tok.i:
            return False
        prev, tok = tok, tok.head
    return False
