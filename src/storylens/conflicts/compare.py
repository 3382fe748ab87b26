"""When two values in aligned sentences fill the same slot, and whether they can both be true.

`slot_score` says how sure we are that two values answer the same question (same
counted noun, same measured thing, same verb and preposition); `agree` says whether
they are compatible after normalisation. Rules, decided once for all kinds:
* numbers are intervals ("about 60" = 54..66, "at least 20" = 20..inf, exact values
  converted between units keep 2% for rounding); overlapping intervals agree;
* a bound that is compatible is NOT a hard conflict ("at least 20" vs "ninety"). When a lower
  bound and the other figure still differ by `SOFT_RATIO` or more it is reported as a *soft*
  disagreement with lower confidence and a note saying the figures are compatible (an upper
  bound under which the other figure falls, "up to two years" / "five months", is no dispute);
* dates agree when they are the same day (weekdays resolved against each article's date,
  or the same weekday name when no date is known); the same weekday name resolved a week apart
  is one day whose tense was read two ways;
* places agree when one name contains the other ("Vladivostok" / "the city of Vladivostok") or one
  place lies in the other ("Aberdeen" / "Maryland", by the gazetteer: a city in its country or state).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from datetime import date

from storylens.conflicts.numbers import compatible
from storylens.conflicts.temporal import MONTHS
from storylens.conflicts.values import AGENT, PERIOD_BOUND, PERIOD_LABEL, Value
from storylens.entities.gazetteer import apart, nested, region_of
from storylens.entities.gazetteer import key as place_key
from storylens.entities.places import known_place

SOFT_RATIO = 2.0
SAME_THING = 0.55  # MiniLM cosine of two counted nouns naming the same thing (wagons/cars 0.60)
SAME_EVENT = 0.5  # event_match needed for two days to date the same event
NAMED_EVENT = 0.65  # MiniLM cosine of a verb and an event noun naming one event ("murder" / "kill" 0.68)
SAME_STATEMENT = 0.5  # signature overlap that makes two values one statement whatever the verbs
CONTEXT_SLOT = 0.75
PLACE_EVENT_SLOT = 0.6  # slot score when the words around both values are the same
# Verbs too general to identify an event on their own.
_LIGHT_VERBS = frozenset({"the", "and", "was", "were", "are", "has", "had", "have", "been", "being", "said", "says",
                          "will", "would", "could", "did", "does", "get", "got", "make", "made", "take", "took",
                          "told", "according", "be", "say", "do", "tell"})
# Verbs of where someone comes from or lives.
_ORIGIN_VERBS = frozenset({"bear", "born", "raise", "grow", "live", "reside", "hail"})
# Verbs that carry an event named by a noun ("the meeting will take place / be held / is set for").
_SUPPORT_VERBS = frozenset({"take", "hold", "be", "happen", "occur", "schedule", "set", "expect", "plan", "come",
                            "begin", "start", "slate"})
# Verbs that relate one event to another ("following the abduction ... on September 15" / "the publicity which
# followed the November 18 sinking"): the day dates the event followed, named by the verb's object, not the verb.
_RELATION_VERBS = frozenset({"follow", "precede"})
# Outcomes that look alike to a word embedding but are never one event: a toll of the killed and one of the wounded,
# rockets fired and rockets that hit (QA round 20: 'Three Israeli civilians were killed by a rocket on Monday' /
# 'Three soldiers were wounded ... by a rocket strike later Thursday' was a dispute of days).
_CONTRASTS = (
    (frozenset({"kill", "die", "murder", "slay"}), frozenset({"wound", "injure", "hurt", "maim"})),
    (frozenset({"fire", "launch", "shoot"}), frozenset({"hit", "strike", "land", "intercept", "down"})),
    (frozenset({"arrest", "detain", "jail", "imprison"}), frozenset({"release", "free", "bail"})),
    (frozenset({"convict"}), frozenset({"acquit", "clear"})),
    (frozenset({"win"}), frozenset({"lose"})),
    (frozenset({"open", "reopen"}), frozenset({"close", "shut"})),
    (frozenset({"buy", "acquire", "purchase"}), frozenset({"sell"})),
    (frozenset({"rise", "increase", "climb", "gain", "jump", "grow"}), frozenset({"fall", "drop", "decline", "decrease",
                                                                                 "slip", "shrink", "lose"})),
    (frozenset({"hire", "appoint", "name", "elect"}), frozenset({"fire", "dismiss", "resign", "quit", "oust"})),
)


def contrasting(lemma_a: str, lemma_b: str) -> bool:
    """Two verbs of outcomes that exclude each other as one event ("killed" / "wounded", "fired" / "hit")."""
    return any((lemma_a in x and lemma_b in y) or (lemma_a in y and lemma_b in x) for x, y in _CONTRASTS)


_HOSTING = frozenset({"host", "stage", "welcome", "receive", "see", "witness", "experience"})
_VENUE = frozenset({"location", "venue", "site", "place", "destination", "host", "setting"})
SAME_BODY = 0.8  # two tallies of one vote: the smaller's total votes at least this share of the larger's
# Who casts a vote: two tallies of different bodies are different votes.
_VOTING_BODIES = frozenset({"house", "senate", "assembly", "committee", "subcommittee", "council", "court", "parliament",
                            "chamber", "board", "jury", "panel", "commission", "congress", "legislature", "shareholder",
                            "member", "lawmaker", "senator", "justice", "delegate", "voter", "union"})
Similarity = Callable[[str, str], float]
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]+")


def same_kind(a: Value, b: Value) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind in ("quantity",):
        return a.dimension == b.dimension
    return True


@functools.lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:4] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _LIGHT_VERBS)


def event_match(a: Value, b: Value, text_a: str, text_b: str, word_sim: Similarity) -> float:
    """0..1: do the verbs the two values hang from name the same event?

    The same verb stem on both sides, or one side's verb named as a noun by the other
    sentence ("will meet" / "the meeting will take place"), is a match; otherwise the
    verbs' embedding similarity counts for a little (single-word embeddings are weak).
    """
    if not a.verb or not b.verb:
        return 0.3
    if contrasting(a.verb_lemma, b.verb_lemma):
        return 0.0
    if a.verb_lemma in _RELATION_VERBS or b.verb_lemma in _RELATION_VERBS:
        # one event only when the events followed are named alike
        return 1.0 if (_stems(a.verb) - _stems(a.verb.split()[0])) & (_stems(b.verb) - _stems(b.verb.split()[0])) else 0.3
    if a.verb_lemma and a.verb_lemma not in _LIGHT_VERBS and (
            a.verb_lemma == b.verb_lemma or _noun_of(a.verb_lemma, b.verb_lemma) or _noun_of(b.verb_lemma, a.verb_lemma)):
        return 1.0
    sa, sb = _stems(a.verb), _stems(b.verb)
    va, vb = _stems(a.verb.split()[0]), _stems(b.verb.split()[0])
    # the same verb, or the same object noun ("hold talks" / "held talks"); a verb that is the other's
    # object ("was sentenced" / "appealed his sentence") names another event
    if (sa - va) & (sb - vb):
        return 1.0
    if a.verb_lemma in _LIGHT_VERBS and b.verb_lemma in _LIGHT_VERBS:
        # "was" and "was" name no one event: "He was at the meeting in Key Biscayne on March 30, 1972" / "LaRue was
        # with Magruder at a campaign stop ... on June 17, 1972" (QA round 33); the words around them may
        return 0.3
    if va & vb:
        return 1.0
    # "will meet" / "the meeting will take place": one side names the event as a noun and
    # hangs the value from a verb that only supports it
    # (and whoever takes part on one side is named on the other)
    # (as a noun: "was searching for Orozco because he was a suspect in a shooting that occurred in the neighborhood
    # Monday" names no search on Monday)
    if (va & _named(b, text_b) and b.verb_lemma in _SUPPORT_VERBS
            and _stems(" ".join(a.participants)) <= _stems(text_b)) \
            or (vb & _named(a, text_a) and a.verb_lemma in _SUPPORT_VERBS
                and _stems(" ".join(b.participants)) <= _stems(text_a)):
        return 0.7
    if a.verb_lemma in _SUPPORT_VERBS and b.verb_lemma in _SUPPORT_VERBS and (
            _stems(" ".join(a.participants)) & _stems(text_b) or _stems(" ".join(b.participants)) & _stems(text_a)):
        return 0.7  # "the meeting might happen Tuesday" / "it will take place ... (the meeting) Wednesday"
    sim = word_sim(a.verb_lemma, b.verb_lemma) if a.verb_lemma and b.verb_lemma else word_sim(a.verb, b.verb)
    # a noun the day names is a precise event: "convicted March 20" / "the June 20 attempted murder" (0.58) are two
    floor = NAMED_EVENT if a.named_event or b.named_event else SAME_THING
    return 0.6 * sim if sim < floor else sim


def _named(value: Value, text: str) -> frozenset[str]:
    """Stems of the nouns of the value's sentence (of all its words when they were not read)."""
    return _stems(" ".join(sorted(value.nouns))) if value.nouns is not None else _stems(text)


def _noun_of(noun: str, verb: str) -> bool:
    """'filing' / 'file', 'meeting' / 'meet', 'shopping' / 'shop': the verbal noun of the verb (the event a day
    dates through "a court filing on Thursday")."""
    return noun.endswith("ing") and len(verb) >= 3 and noun in (verb + "ing", verb[:-1] + "ing", verb + verb[-1] + "ing")


def signature_overlap(a: Value, b: Value) -> float:
    """0..1: shared lemmas of the two slot signatures (cosine of the sets)."""
    if not a.signature or not b.signature:
        return 0.0
    return len(a.signature & b.signature) / (len(a.signature) * len(b.signature)) ** 0.5


def same_participants(a: Value, b: Value, word_sim: Similarity) -> bool:
    """False only when both verbs name who/what takes part and nobody is on both sides (by lemma, or the name of
    the story's entity, or by MiniLM)."""
    if not a.participants or not b.participants:
        return True
    return bool(a.participants & b.participants) or any(
        word_sim(x, y) >= SAME_THING for x in a.participants for y in b.participants)


def other_roles(a: Value, b: Value) -> bool:
    """Values whose roles answer different questions whatever their sentences' wording (a re-worded copy included):
    a day that labels a report or bounds a period against an event's day ("killed since Wednesday" / "killed on
    Thursday"; "between May 1, 2005, and Dec. 8, 2006" / "on May 1, 2005"), or a count of those who did something
    against one of those it was done to ("by eight officers" / "the two men were arrested")."""
    if a.kind in ("date", "weekday"):
        return PERIOD_LABEL in (a.role, b.role) or (a.role == PERIOD_BOUND) != (b.role == PERIOD_BOUND)
    return a.kind == "count" and (a.role == AGENT) != (b.role == AGENT)


def possible_slot(a: Value, b: Value, word_sim: Similarity, text_a: str = "", text_b: str = "") -> bool:
    """Hard rules: can these two values fill one slot at all?

    Days and dates belong to an event: the same event needs the same (or a synonymous)
    verb and the same subject; "Kim boarded on Sunday" and "the train arrived on Tuesday",
    or "Putin arrived on Monday", are different events, not a dispute. A place in a
    relation ("north of X", "away from X") never states where something is.
    """
    if other_roles(a, b):
        return False
    if a.kind in ("date", "weekday"):
        if a.patients and b.patients and not a.patients & b.patients:
            return False  # "placed rookie Chris Ivory on injured reserve Tuesday" / "placed Thomas on IR Wednesday"
        # the same words around both days (a re-worded copy of one statement) also make one event
        same_statement = signature_overlap(a, b) >= SAME_STATEMENT
        return same_participants(a, b, word_sim) and (
            same_statement or event_match(a, b, text_a, text_b, word_sim) >= SAME_EVENT)
    if a.kind == "place":
        # a region (LOC) and a city or country (GPE) are seldom alternatives to each other
        if "relation" in (a.role, b.role) or {a.dimension, b.dimension} == {"GPE", "LOC"}:
            return False
        if {a.role, b.role} == {"subject", "where"} and not _names_a_venue(a if a.role == "subject" else b):
            # a place as its verb's subject acts ("the Pacific Ocean will be turned toward the moon", "North Korea
            # launched ..."), it is not where something happens ("viewers who live in eastern North America"),
            # unless it hosts or is named as the venue ("Russia will host the summit", "the Vostochny Cosmodrome
            # has been mentioned as a potential location"); as the party it may still rival a party ("Venezuela
            # leader Kim" / "North Korea agreed")
            return False
        if (a.role == "modifier") != (b.role == "modifier"):
            # "the upscale California relatives" says which relatives, "takes place in Buenos Aires" where: only
            # the same words around both make them one slot ("a Kansas man" / "a man in Florida" is too loose);
            # where people live says nothing of where it happened ("arrested two Bountiful residents" / "a court
            # document filed in nearby Creston": QA round 32)
            modifier, text = (a, text_a) if a.role == "modifier" else (b, text_b)
            return bool(a.context & b.context) and not _RESIDENTS_AFTER.match(text, modifier.end)
        if (a.verb_lemma in _ORIGIN_VERBS) != (b.verb_lemma in _ORIGIN_VERBS):
            # where someone was born, grew up or lives is no place of the story's events ('born Betty Joan Perske in
            # The Bronx, died this month' / 'who died at her Manhattan home': QA round 17)
            return False
        # two places are alternatives only for one event: the same verb, or the same words around them
        return bool(a.context & b.context) or shares_event(a, b) or event_match(
            a, b, text_a, text_b, word_sim) >= SAME_EVENT
    if a.dimension == "tally" and b.dimension == "tally":
        # the House's vote and the Senate's on one bill are two votes: by the body named, or by how many voted
        # ('passed in a 364-62 vote' / 'passed the Senate 92-6'; abstentions move a total by a few votes)
        bodies_a, bodies_b = a.participants & _VOTING_BODIES, b.participants & _VOTING_BODIES
        totals = sorted(sum(int(x) for x in v.key.split("-")) for v in (a, b))
        return not (bodies_a and bodies_b and not bodies_a & bodies_b) and totals[0] >= SAME_BODY * totals[1]
    return True


_COUNTY = re.compile(r"\b(?:County|Parish|Borough)$")
_RESIDENTS_AFTER = re.compile(r"['’]?s?\s+(?:residents?|natives?|m[ae]n|wom[ae]n|boys?|girls?|famil(?:y|ies)|couples?|"
                              r"teens?|teenagers?|students?|mothers?|fathers?|citizens?|voters?|locals?)\b",
                              re.IGNORECASE)
_COMPASS_REGION = re.compile(r"(?:the\s+)?(?:North|South|East|West|Central|Upper|Lower|Inner|Outer)(?:east|west)?(?:ern)?"
                             r"\s+(?:Bay|Coast|Shore|Side|End|Valley|Country|Hills|Woods|Plains|Highlands|Lowlands|"
                             r"Desert|Midlands|Suburbs)$", re.IGNORECASE)


def _names_a_venue(value: Value) -> bool:
    return value.verb_lemma in _HOSTING or bool((value.signature | value.context) & _VENUE)


def unlike_places(a: Value, b: Value) -> bool:
    """Two places that answer no common "where", whatever words their sentences share: one only locates
    something else ("north of X"), or one is a city or country and the other a site or region that nothing
    shows to be a place of its own: not located by its sentence ("the Vostochny Cosmodrome in far-eastern
    Russia" is a rival to Vladivostok) and not named after a known place (a changed "the Centre for Colombia"
    still disputes "Israel"). 'Her death in hospital in Edinburgh' / 'Speaking on Desert Island Discs',
    a programme the NER took for a facility, is no dispute."""
    if a.kind != "place" or b.kind != "place":
        return False
    if "relation" in (a.role, b.role):
        return True
    if bool(_COUNTY.search(a.surface)) != bool(_COUNTY.search(b.surface)):
        return True  # a county holds its towns: "The Hennepin County Attorney filed charges" / "LaSalle of Bloomington"
    if bool(_COMPASS_REGION.match(a.surface)) != bool(_COMPASS_REGION.match(b.surface)):
        return True  # a region named by its side may hold or lie in the other place: "the North Bay" / "Northern
        # California" (a QA brief of round 31; the gazetteer knows a North Bay in Ontario)
    if (a.dimension == "GPE") == (b.dimension == "GPE"):
        return False
    site = b if a.dimension == "GPE" else a
    words = _CAPITALISED.findall(site.surface)
    return not site.located and not any(known_place(w) for w in words + [f"{x} {y}" for x, y in itertools.pairwise(words)])


def other_regions(vi: list[Value], vj: list[Value]) -> bool:
    """The two sentences set their events in regions apart: each names where it happened down to a state or a
    country, and no region of one holds or is a region of the other ('four people were shot ... in Middleton,
    Wis.' / 'fatally shooting herself ... in Harford County, Maryland': two shootings, whose days dispute nothing)."""
    def regions(values: list[Value]) -> set[tuple[str, str]]:
        return {r for v in values if v.kind == "place" and (v.role == "where" or v.qualifies)
                and (r := region_of(v.surface)) is not None}

    ri, rj = regions(vi), regions(vj)
    return bool(ri) and bool(rj) and all(apart(x, y) for x in ri for y in rj)


def other_people(a: Value, b: Value) -> bool:
    """Figures of two different named people: 'Earl Clark finished with 22 points' / 'Corey Chandler chipped in
    with 19 points' (a round-up of games), 'Smith got 40 votes' / 'Jones got 35'. A figure whose subject is
    unnamed ('the forward', 'he') may still be either person's."""
    return bool(a.subjects) and bool(b.subjects) and not a.subjects & b.subjects


# Where a distance is measured from: "26 miles north of Santa Rosa", "twelve miles east of Cloverdale", "75 miles from
# San Francisco", "17 kilometers (10 miles) north of Gaza".
_COMPASS = r"(?:north|south|east|west)(?:-?(?:north|south|east|west))*"
_FROM_PLACE = re.compile(rf"\s*(?:\([^)]*\)\s*)?(?:(?:due|roughly)\s+)?(?:{_COMPASS}\s+of|from|outside(?:\s+of)?|away\s+from)"
                         r"\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")
# What a length can measure besides a distance from somewhere.
_NOT_DISTANCE = frozenset({"depth", "deep", "height", "altitude", "elevation", "length", "width", "long", "wide", "tall",
                           "high", "diameter", "radius"})


def measured_from(value: Value, text: str) -> str | None:
    """The place a distance is measured from ("26 miles north of *Santa Rosa*"), lower-cased; None if not said."""
    if value.kind != "quantity":
        return None
    m = _FROM_PLACE.match(text, value.end)
    return m[1].lower().rstrip(".") if m else None


def other_origins(a: Value, b: Value, text_a: str, text_b: str) -> bool:
    """Two distances measured from different places ('26 miles from Santa Rosa' / '75 miles north of San
    Francisco' / 'twelve miles east of Cloverdale'), or a distance from a place and a depth or a height ('a
    depth of 12 miles'): different facts, not a dispute. From the same place they still dispute ('about 20
    miles north of Santa Rosa' / 'about 26 miles north of Santa Rosa')."""
    from_a, from_b = measured_from(a, text_a), measured_from(b, text_b)
    if from_a and from_b:
        return from_a != from_b and not nested(from_a, from_b)
    other = b if from_a else a if from_b else None
    return other is not None and (other.anchor.lower() in _NOT_DISTANCE
                                  or bool(_DEPTH_AFTER.match(text_b if other is b else text_a, other.end)))


# A length measured downwards: "originated six miles beneath the surface", "10 km deep", "two miles underground".
_DEPTH_AFTER = re.compile(r"\s+(?:beneath|below|under(?:ground)?|deep|down)\b", re.IGNORECASE)
# A year a sentence gives, and a sentence that opens on one: "In 2004, a magnitude 9.1 quake ...", "In March 2012 ...".
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_OPENS_ON_YEAR = re.compile(r"\W*(?:In|During|Back in|By)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?"
                            r"((?:19|20)\d{2})\b")
# Years back for a sentence naming only earlier years to be background ("In 2004, a magnitude 9.1 quake").
BACKGROUND_YEARS = 2


def names_year(text: str) -> bool:
    return _YEAR.search(text) is not None


def background(text: str, year: int | None) -> str:
    """The year, `BACKGROUND_YEARS` or more before the story's, the sentence opens on: it tells an earlier event
    ("In 2004, a magnitude 9.1 quake off Indonesia triggered a tsunami"); "" when it does not. A year later in a
    sentence often dates only a part of it ("was sentenced ... for drugging and sexually assaulting a woman ...
    in 2004")."""
    m = _OPENS_ON_YEAR.match(text)
    return m[1] if year is not None and m is not None and int(m[1]) <= year - BACKGROUND_YEARS else ""


# A month before the year dates a point in time: "In June 2012, a 3.0 quake struck ..." is an earlier event in a
# story of March 2013 though its year is only one back.
BACKGROUND_MONTHS = 2
_OPENS_ON_MONTH = re.compile(r"\W*(?:In|During|Back in|By)\s+(?:(?:early|late|mid-?)\s*)?([A-Z][a-z]+)\.?\s+"
                             r"((?:19|20)\d{2})\b")


def dated_background(text: str, day: date | None) -> str:
    """`background` read against the story's day: a sentence opening on a month and year at least
    `BACKGROUND_MONTHS` before it tells an earlier event too."""
    if day is None:
        return ""
    m = _OPENS_ON_MONTH.match(text)
    month = MONTHS.get(m[1].lower()) if m else None
    if m and month and (day.year - int(m[2])) * 12 + day.month - month >= BACKGROUND_MONTHS:
        return m[2]
    return background(text, day.year)


def different_eras(text_a: str, text_b: str, year: int | None, era_a: str = "", era_b: str = "") -> bool:
    """One sentence tells an earlier event (`background`, or `era_a` / `era_b`: the year of the earlier event the
    sentences before it tell, see `detect.story_eras`) whose year the other does not name: its figure, place or
    day is that event's ('In 2004, a magnitude 9.1 quake' / 'the magnitude 6.1 quake struck at a depth of 10
    kilometers'); 'In 2004, ... killed 230,000 people in 14 countries' / '... in 13 countries ... in 2004' still
    pair."""
    was_a, was_b = background(text_a, year) or era_a, background(text_b, year) or era_b
    return bool(was_a and was_a not in text_b) or bool(was_b and was_b not in text_a)


# A figure summed over several parties: "a combined 157 games with the Angels and Braves", "between them", "in
# aggregate". Against a figure of one of the parties ("54 games with the Angels") it is a whole and its part.
_SUMMED = re.compile(r"\bcombined\b(?!\s+with)|\bbetween\s+(?:them|the\s+(?:two|three|four))\b|"
                     r"\b(?:in\s+)?aggregate\b|\bcumulative\b", re.IGNORECASE)


def one_summed(text_a: str, text_b: str) -> bool:
    """One sentence's figures are sums over several parties and the other's are not (QA round 22: 'Playing in a
    combined 157 games with the Angels and Braves, Teixeira had 33 homers' / 'hit .358 with 13 homers ... in 54
    games with the Angels')."""
    return (_SUMMED.search(text_a) is None) != (_SUMMED.search(text_b) is None)


# A person's age as news copy gives it: "a 36-year-old Australian climber", "Robert Buckley, 32, fell", "aged 41".
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|(?<=[A-Za-z], )(\d{1,3})(?=, [a-z])|\baged (\d{1,3})\b")
# Ages this far apart are two people (a disputed age is a year or two off).
AGE_GAP = 3


@functools.lru_cache(maxsize=4096)
def ages(text: str) -> frozenset[int]:
    """The ages a sentence gives."""
    return frozenset(int(next(g for g in m.groups() if g)) for m in _AGE.finditer(text))


def different_ages(text_a: str, text_b: str) -> bool:
    """Each sentence is about one person of a given age, and the ages are years apart: two people ('A
    36-year-old Australian climber ... after falling about 150 metres' / 'Robert Buckley, 32, fell about 2,000
    feet'), whose figures are their own."""
    x, y = ages(text_a), ages(text_b)
    return len(x) == 1 and len(y) == 1 and abs(next(iter(x)) - next(iter(y))) >= AGE_GAP


def different_lists(a: Value, b: Value) -> bool:
    """Places in two different lists, or a list member and a single place: different sets named.

    A member of a list of places answers "which places", not "where" ("heat records in Utah, Wyoming
    and Nevada" / "in Arizona, Nevada and Colorado"); only the same list with one member changed still
    pairs. (Only for pairing: a source naming a place in a list still states it.)
    """
    return a.kind == "place" and a.siblings != b.siblings


def shares_event(a: Value, b: Value) -> bool:
    """One value's verb is in the other's slot signature (not a light verb)."""
    return any(v and v not in _LIGHT_VERBS and v in w.signature for v, w in ((a.verb_lemma, b), (b.verb_lemma, a)))


def slot_score(a: Value, b: Value, word_sim: Similarity, text_a: str = "", text_b: str = "") -> float:
    """0..1: how clearly `a` and `b` are the same slot of the same statement.

    The same words right around both values ("A Kansas police officer" / "A Florida police
    officer", "three external cooling loops" / "two external cooling loops") mark the same
    slot whatever the parse says; otherwise each kind has its own evidence.
    """
    context = CONTEXT_SLOT if a.context & b.context else 0.0
    event = event_match(a, b, text_a, text_b, word_sim)
    # numbers: the counted/measured thing must match AND the statement around it (verb or words)
    if a.kind == "count":
        thing = word_sim(a.anchor, b.anchor)
        thing = 1.0 if thing >= SAME_THING else thing  # "wagons" / "cars" / "carriages"
        return thing * (0.6 + 0.4 * max(event, context / CONTEXT_SLOT))
    if a.kind == "quantity":
        if a.anchor and b.anchor:
            thing = 0.5 + 0.5 * word_sim(a.anchor, b.anchor)
        elif (a.anchor and a.anchor in text_b.lower()) or (b.anchor and b.anchor in text_a.lower()):
            thing = 0.9  # the other sentence names the measured thing, the parse just did not link it
        else:
            thing = 0.6
        return min(1.0, thing * (0.65 + 0.35 * max(event, context / CONTEXT_SLOT)) + (0.15 if context else 0.0))
    if a.kind in ("date", "weekday"):
        return max(context, 0.25 + 0.6 * event)
    if a.kind == "place":
        if "relation" in (a.role, b.role) or (a.dimension == "GPE") != (b.dimension == "GPE"):
            return 0.0
        if a.role == b.role == "where":
            return max(context, 0.5 + 0.4 * event)
        if shares_event(a, b):
            return max(context, PLACE_EVENT_SLOT)  # "meet in X" / "X ... a location for the leaders to meet"
        return context
    return 0.0


def agree(a: Value, b: Value) -> bool:
    """True when both values can be true at once (see the module rules)."""
    if a.number is not None and b.number is not None:
        return compatible(a.number, b.number)
    if a.kind == "place":
        return a.key == b.key or a.key in b.key or b.key in a.key or _abbreviates(a.surface, b.surface) \
            or _abbreviates(b.surface, a.surface) or nested(a.surface, b.surface) or _inside(a, b) or _inside(b, a) \
            or _share_name(a.surface, b.surface)
    if a.kind == "weekday" and a.date_mention and b.date_mention and a.date_mention.weekday == b.date_mention.weekday \
            and a.date_mention.resolved and b.date_mention.resolved \
            and abs((a.date_mention.resolved - b.date_mention.resolved).days) <= 7:
        # the same day name a week apart is one day read once as past and once as future ('moved to
        # arrange the vote for Saturday' / 'a vote was set for Saturday'), not two answers
        return True
    if a.kind == "date" and a.date_mention and b.date_mention and None in (a.date_mention.year, b.date_mention.year):
        # "Jan. 31" and "31 Jan. 2018": a date without a year agrees with the same day of any year
        return (a.date_mention.month, a.date_mention.day) == (b.date_mention.month, b.date_mention.day)
    return a.key == b.key


# Words any place name may hold: sharing two of them only ("National Park") says nothing of which place.
_GENERIC_PLACE_WORDS = frozenset({"national", "park", "county", "city", "river", "lake", "mount", "mountain", "state",
                                  "north", "south", "east", "west", "new", "saint", "island", "islands", "bay", "beach",
                                  "valley", "airport", "international", "the", "of", "district", "province", "region",
                                  "central", "upper", "lower", "great", "port", "fort", "san", "santa", "los", "las"})


def _share_name(a: str, b: str) -> bool:
    """Two place names holding the same two words in a row, one of them its own: "Aoraki Mount Cook" and "Mount Cook
    National Park" (a mountain and its park: QA round 20 disputed them), not "North Carolina" / "South Carolina"."""
    def pairs(name: str) -> set[tuple[str, str]]:
        words = [place_key(w) for w in re.findall(r"[A-Za-z]+\.?", name)]
        return {(x, y) for x, y in itertools.pairwise(words) if not {x, y} <= _GENERIC_PLACE_WORDS}

    return bool(pairs(a) & pairs(b))


def _inside(inner: Value, outer: Value) -> bool:
    """The story puts `inner` in `outer`, or in a place the gazetteer puts in it ("Brooklyn's Brownsville
    section" / "Brooklyn", or "New York")."""
    return any(o == outer.key or nested(outer.surface, o) for o in inner.within)


def _abbreviates(short: str, long: str) -> bool:
    """'U.S.' / 'US' for 'United States' (initials), 'Va.' / 'Calif.' for 'Virginia' / 'California' (prefix)."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    words = re.findall(r"[A-Za-z]+", long)
    if len(words) >= 2 and letters.isupper() and letters == "".join(w[0] for w in words).upper():
        return True
    if not (short.endswith(".") and len(letters) >= 2 and len(words) == 1 and len(words[0]) > len(letters)):
        return False
    rest = iter(words[0].lower()[1:])  # the abbreviation's letters in order ("Va." in "Virginia")
    return words[0][0].lower() == letters[0].lower() and all(ch in rest for ch in letters.lower()[1:])


def soft_disagreement(a: Value, b: Value) -> bool:
    """Compatible only through a lower bound, while the figures differ widely ('at least 20' vs 'ninety').

    Only a lower bound against a figure: a toll given as 'at least 20' may understate the 'ninety' of
    another source. An upper bound is a cap ('up to two years in prison', 'within six months'): a
    figure well under it is what caps are for (time served, a count so far), not a sign that either
    source is wrong; and of two floors the higher one just says more.
    """
    if a.number is None or b.number is None or "at_least" not in (a.number.bound, b.number.bound):
        return False
    if a.number.is_bound and b.number.is_bound:
        return False  # 'more than 30 years' / 'more than 60 years'; 'over two days' / 'within 10 days'
    if not compatible(a.number, b.number):
        return False
    lo, hi = sorted((a.number.base, b.number.base))
    return lo > 0 and hi / lo >= SOFT_RATIO
