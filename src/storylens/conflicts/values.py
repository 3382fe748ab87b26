"""Typed values in one sentence: quantities, counts, dates, weekdays and places, with their slot.

A value alone cannot conflict with anything; two values conflict only when they fill
the same slot of the same statement. So next to each value we keep what identifies
its slot, read from spaCy's parse of the sentence: the counted noun ("ninety armored
train *wagons*"), the noun a quantity measures ("maximum *speed* of 60 km/h"), the verb
and preposition a place or a day hangs from ("*meet in* Vladivostok", "*heading for*
Khabarovsk", "*meet* on Tuesday"), and the words right around the value.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from storylens.conflicts.numbers import Number, display, find_numbers, range_spans
from storylens.conflicts.roles import (
    counted_from,
    in_name,
    is_adjusted,
    is_earlier,
    is_rate,
    is_relative,
    is_wanted,
    period_of,
)
from storylens.conflicts.roles import token_at as _token_at
from storylens.conflicts.temporal import WEEKDAYS, DateMention, find_dates
from storylens.entities.gazetteer import is_region
from storylens.entities.gazetteer import key as gazetteer_key
from storylens.entities.normalize import POSSESSIVE
from storylens.entities.places import known_place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that put a place in the "where it happens / where it goes" role; "near", "north of",
# "away from" only relate a place to another and never state where something is.
WHERE_PREPS = frozenset({"in", "at", "to", "for", "into", "toward", "towards", "inside", "via", "onto", "on"})
_RELATION_WORDS = frozenset({"near", "from", "away", "north", "south", "east", "west", "close", "outside",
                             "beyond", "between", "across", "off", "bypassed", "past", "left", "leaving", "according"})
# Head words of an organisation's name: the NER tags "Las Vegas Police" or "Cooper County Sheriff's Office"
# as a place for the place name inside, but the organisation says nothing about where anything happens.
_ORG_HEADS = frozenset({"police", "sheriff", "office", "department", "agency", "ministry", "bureau", "commission",
                        "committee", "council", "party", "administration", "association"})
# Nouns a place name before them still locates ("her Brownsville neighborhood", "the Gaza border").
_PLACE_NOUNS = frozenset({"city", "town", "village", "county", "state", "province", "region", "area", "district",
                          "neighborhood", "neighbourhood", "section", "suburb", "borough", "country", "capital", "island",
                          "coast", "border", "street", "road", "highway", "side", "community", "countryside", "port"})
_WORD = re.compile(r"[A-Za-z0-9$%]+(?:['’][a-z]+)?")
_SLOT_STOP = frozenset({"the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "by", "with", "is", "was",
                        "were", "are", "be", "been", "that", "this", "it", "its", "as", "from", "or", "his", "her",
                        "their", "he", "she", "they", "said", "says"})


@dataclass(frozen=True)
class Value:
    """A typed value in a sentence. `start`/`end` are offsets into the sentence text."""

    kind: str  # quantity, count, date, weekday, place
    start: int
    end: int
    surface: str
    normalized: str
    key: str  # equal keys agree (places, dates); numbers compare by interval instead
    dimension: str = ""  # numbers: "count", "percent", "money:USD", a pint dimensionality
    number: Number | None = None
    date_mention: DateMention | None = None
    anchor: str = ""  # counted noun, measured noun, or the verb a place/day hangs from
    topic: str = ""  # a short phrase naming the slot, for the reader
    role: str = ""  # places: "where", "subject", "relation"; dates: the preposition
    context: frozenset[str] = field(default_factory=frozenset)  # words right around the value
    verb: str = ""  # the verb (with particle/object) the value hangs from
    signature: frozenset[str] = field(default_factory=frozenset)  # content lemmas of the value's neighbourhood
    verb_lemma: str = ""  # lemma of the governing verb ("arrived" -> "arrive")
    participants: frozenset[str] = field(default_factory=frozenset)  # lemmas of that verb's subject and object
    relative: bool = False  # figures: counted on top of or beside others ("12 more", "another 3,000", "two other")
    future: bool | None = None  # figures: stated for the future ("will be diagnosed"); None: cannot tell
    wanted: bool = False  # figures: an expectation, a goal or a requirement ("the 0.2% economists had expected")
    earlier: bool = False  # figures: the value before a change ("down from his initial $2.3 trillion proposal")
    since: str = ""  # durations: the event they are counted from ("eight months after *authorizing*")
    siblings: frozenset[str] = field(default_factory=frozenset)  # places: keys of the other places in its list
    negated: bool = False  # figures: the verb they hang from is negated ("two members did not sign")
    qualifier: frozenset[str] = field(default_factory=frozenset)  # counts: what kind of the counted noun
    qualifies: bool = False  # places: a state naming where the place before it is ("Key Biscayne, *Fla.*")
    located: bool = False  # places: the sentence locates it in another place ("the Vostochny Cosmodrome *in Russia*")
    # figures: surnames of the named people the governing verb is about ("*Earl Clark* finished with 25 points")
    subjects: frozenset[str] = field(default_factory=frozenset)
    rate: bool = False  # per game, day or year, or an average ("averaged 7.2 rebounds", "averaging 3.8 yards per run")
    # a measure with something left out ("the 0.9 percent CPI increase ..., controlling for food and energy prices",
    # core inflation) is another measure than the whole ("prices increased 0.8 percent"; `roles.is_adjusted`)
    adjusted: bool = False
    ranged: bool = False  # figures: an end of a range ("between six and *75* years")
    period: str = ""  # figures: the period stated for ("rose 0.9 percent in the past *month*"; `roles.period_of`)
    within: frozenset[str] = field(default_factory=frozenset)  # places: keys of places the story puts it in (nesting.py)
    nouns: frozenset[str] | None = None  # lemmas of the sentence's nouns (None: not read, e.g. a value built by hand)
    named_event: bool = False  # days: the event is a noun the day names ("the June 20 shooting"), not a verb
    # durations: how far back a record reaches ("the bloodiest escalation in *four years*", "sober for the first time
    # in *12 years*"), comparable with another record's, not with a length of something
    record: bool = False
    # days: who or what the verb was done to, by name ("placed *Chris Ivory* on injured reserve Tuesday")
    patients: frozenset[str] = field(default_factory=frozenset)


_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def place_key(name: str) -> str:
    """Case, accents, punctuation ("U.S." = "US"), a leading article and a possessive do not make a
    different place (the gazetteer's key, after the possessive)."""
    return gazetteer_key(_POSSESSIVE.sub("", name.strip()))


def _context(text: str, start: int, end: int) -> frozenset[str]:
    left = [w.lower() for w in _WORD.findall(text[:start])][-2:]
    right = [w.lower() for w in _WORD.findall(text[end:])][:2]
    return frozenset(w for w in left + right if w not in _SLOT_STOP)


def _noun_phrase(tok: Any) -> str:
    """The noun with its adjective/compound modifiers, e.g. 'maximum speed'."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and c.pos_ != "NUM"]
    words = [c.text for c in mods[-2:]] + [tok.text]
    return " ".join(words).lower()


def _governing_verb(tok: Any, limit: int = 6) -> Any:
    cur = tok
    for _ in range(limit):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur
        if cur.head is cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _day_verb(verb: Any) -> Any:
    """The verb a day dates: the parser hangs a day at a sentence's end on the nearest verb, and when that is a
    present participle describing a noun ("foiled a five-boat attack on merchant vessels *transiting* the Gulf
    of Aden on Friday"), the event of the day is the clause's own verb. (A past participle keeps the day: "the
    man *arrested* on Friday was released".)"""
    if verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        main = _governing_verb(verb)
        return main if main is not None else verb
    return verb


# Nouns that name an event a day can date ("the June 20 shooting", "Tuesday's vote"); not "the Jan. 1 supermoon
# rise", "Tuesday morning".
_EVENT_NOUNS = frozenset({
    "shooting", "attack", "assault", "bombing", "blast", "explosion", "crash", "fire", "killing", "slaying", "murder",
    "stabbing", "robbery", "raid", "arrest", "riot", "protest", "rally", "march", "strike", "election", "vote",
    "referendum", "primary", "meeting", "summit", "talks", "hearing", "trial", "verdict", "ruling", "sentencing",
    "debate", "speech", "address", "announcement", "launch", "game", "match", "race", "final", "ceremony", "funeral",
    "wedding", "visit", "accident", "collision", "derailment", "earthquake", "quake", "storm", "outage", "hack",
    "breach", "incident", "ambush", "siege", "coup", "invasion", "deadline"})


def _event_noun(day: Any) -> Any:
    """The noun a day dates when it names one: a verbal noun the day follows ("according to a court *filing* on
    Thursday", "at a *hearing* on Monday": the filing, not "according"), or the noun the day modifies ("convicted
    of the June 20, 2005 attempted *murder*", "Tuesday's *shooting*", "the Monday *meeting*": the murder, not the
    conviction)."""
    head = day.head
    if day.dep_ in ("nmod", "compound", "poss") and head.pos_ == "NOUN" and head.i > day.i \
            and head.lemma_.lower() in _EVENT_NOUNS:
        return head
    if head.pos_ == "ADP" and head.lower_ in ("on", "at") and head.head.pos_ == "NOUN" \
            and head.head.lower_.endswith("ing") and head.head.i < head.i:
        return head.head
    return None


def _verb_phrase(verb: Any) -> str:
    """'take place', 'meet', 'heading': the verb and its particle or bare object noun."""
    if verb is None:
        return ""
    extra = [c.text for c in verb.children if c.dep_ == "prt" or (c.dep_ == "dobj" and c.pos_ == "NOUN")]
    return " ".join([verb.text, *extra[:1]]).lower()


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
SIGNATURE_WINDOW = 5  # tokens each side of the value


def _slot(doc: Any, start: int, end: int, verb: Any) -> tuple[frozenset[str], str, frozenset[str]]:
    """(signature, verb lemma, participant lemmas) of the value at chars start..end of the sentence.

    The signature is what identifies the value's slot whatever the rest of the sentence says:
    the content lemmas in a small window around it, the verb it hangs from, that verb's
    subject and the noun the value is attached to in the parse.
    """
    toks = [t for t in doc if start <= t.idx < end]
    if not toks:
        return frozenset(), "", frozenset()
    first, last = toks[0].i, toks[-1].i
    lemmas = {_lemma(t) for t in doc[max(0, first - SIGNATURE_WINDOW): last + 1 + SIGNATURE_WINDOW]
              if t.pos_ in _CONTENT_POS and not t.is_stop and not (first <= t.i <= last) and len(t.text) > 1}
    head = toks[-1].head
    if head.pos_ in ("NOUN", "PROPN") and not (first <= head.i <= last):
        lemmas.add(_lemma(head))
    verb_lemma, participants = "", set()
    if verb is not None:
        verb_lemma = verb.lemma_.lower()
        lemmas.add(verb_lemma)
        lemmas |= _arguments(verb)
        parties = [c for c in _parties(verb) if c.pos_ in ("NOUN", "PROPN")]
        participants = {_lemma(c) for c in parties}
        # who they are, by the people they belong to: "Three Israeli civilians were killed" and "Three Israelis were
        # killed" are one party (a conflicts-dev planted day went unpaired; QA round 20)
        participants |= {_lemma(m) for c in parties for m in c.children if m.dep_ == "amod" and m.ent_type_ == "NORP"}
        lemmas |= participants
    lemmas -= {"be", "have", "say", "do", "will", "would", "also"}
    return frozenset(lemmas), verb_lemma, frozenset(participants)


def _named_patients(verb: Any) -> frozenset[str]:
    """The last words of the people or things named as what the verb was done to ("placed rookie *Chris Ivory* on
    injured reserve", "*Thomas* was placed"), with their conjuncts."""
    # (and through a clause the parser hangs off the verb: "placed | running back Pierre Thomas" reads "running" so)
    near = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    heads = [c for v in near for c in v.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PROPN"]
    heads += [g for h in heads for g in h.conjuncts if g.pos_ == "PROPN"]
    return frozenset(h.text.lower() for h in heads)


def _parties(verb: Any) -> list[Any]:
    """The tokens naming who or what takes part in the verb's event: its subject and object (for an event noun,
    its owner and what it is of: "the attempted murder *of a man*", "*Tuesday's* vote")."""
    if verb.pos_ == "NOUN":
        return [c for c in verb.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")
                and c.lower_ not in WEEKDAYS] + [
            g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    verb_lemma = verb.lemma_.lower()
    # subject and object both: "police arrested X" and "X was arrested" share X
    # the object of "take place" / "hold talks" belongs to the predicate, it is nobody taking part
    obj = ("dobj",) if verb_lemma not in ("take", "hold", "have", "make") else ()
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", *obj)]
    args += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb_lemma in _REPORTING_VERBS:
        # what is said or reported is no party to the saying: 'the sheriff called Kameron's death Thursday a
        # "tragic accident"' and 'the school's website on Friday reported Kameron's death' are two statements
        args = [c for c in args if c.dep_ != "dobj"]
    return args


def _lemma(t: Any) -> str:
    """A token's lemma; for the head word of an organisation's name the entities stage resolved, that entity's name
    (set on the parse by `conflicts.detect`), so that "DWSD announced" and "The Detroit Water and Sewerage
    Department announced" share their party."""
    if t.ent_kb_id_ and t.ent_iob_ and _entity_root(t):
        return t.ent_kb_id_
    lemma = t.lemma_.lower()
    if t.ent_type_ == "NORP" and lemma.endswith(("is", "ans", "ians")):
        return lemma[:-1]  # "Israelis" / "Israeli", "Palestinians" / "Palestinian": the people and its adjective
    return lemma


def _entity_root(t: Any) -> bool:
    roots = t.doc.user_data.get("storylens_entity_roots")
    if roots is None:
        roots = t.doc.user_data["storylens_entity_roots"] = {e.root.i for e in t.doc.ents}
    return t.i in roots


def _arguments(verb: Any) -> set[str]:
    """Lemmas of the verb's object-like arguments, one preposition deep, and the clauses they open.

    'mentioned as a potential location for the two leaders to meet' -> {location, meet}.
    """
    out: set[str] = set()
    heads = [c for c in verb.children if c.dep_ in ("dobj", "attr", "xcomp", "oprd")]
    heads += [g for c in verb.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    for h in heads:
        if h.pos_ in _CONTENT_POS:
            out.add(h.lemma_.lower())
        out |= {c.lemma_.lower() for c in h.children
                if c.dep_ in ("acl", "relcl", "xcomp", "advcl") and c.pos_ == "VERB"}
    return out


def _count_anchor(doc: Any, num: Number, text: str) -> Any:
    """The counted noun of a bare number: its head when it is a number modifier, the group it is part of ("nine of
    the activists"), else the next noun."""
    tok = _token_at(doc, num.num_end - 1)
    if tok is None:
        return None
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        if head.i > tok.i:
            return _run_on(doc, head)
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.head.i == tok.i:
        # a part of a group the story names: "(at least) nine of the activists were arrested"
        group = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if group and any(d.lower_ in ("the", "those", "these") or d.dep_ == "poss" for d in group[0].children):
            return group[0]
    for nxt in doc[tok.i + 1: tok.i + 5]:
        if nxt.pos_ in ("NOUN",):
            # walk to the end of the noun compound ("train wagons" -> "wagons")
            while nxt.dep_ == "compound" and nxt.head.i > nxt.i and nxt.head.pos_ == "NOUN":
                nxt = nxt.head
            return nxt
        if nxt.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ"):
            break
    return None


# Who did it, in a passive's "by" phrase: "were arrested ... by eight plainclothes RCMP officers" counts the doers, not
# those it was done to ("the two men were arrested": QA round 32 set the two against the eight).
AGENT = "agent"


def _in_agent_phrase(noun: Any) -> bool:
    while noun.dep_ == "appos":
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def _run_on(doc: Any, noun: Any) -> Any:
    """The last noun of a run the parser cut in two without a comma: "by eight plainclothes RCMP officers" has
    "officers" in apposition to "plainclothes" (QA round 32 counted eight "plainclothes" against "the two men")."""
    for t in doc[noun.i + 1: noun.i + 4]:
        if t.dep_ == "appos" and t.head.i == noun.i and t.pos_ == "NOUN" \
                and all(x.dep_ == "compound" for x in doc[noun.i + 1: t.i]):
            return t
    return noun


_COMPARATIVES = frozenset({"more", "less", "fewer", "higher", "lower", "greater", "larger", "bigger", "smaller",
                           "faster", "slower", "likelier", "worse", "better", "as"})


def _compared(doc: Any, times: Any) -> str:
    """What a multiplier compares: the word after its comparative ("four times more *resistant*"), else the verb
    it modifies ("*increased* 10 times more with ..."); '' when it is no comparison ("three times a week")."""
    nxt = doc[times.i + 1] if times.i + 1 < len(doc) else None
    if nxt is None or nxt.text.lower() not in _COMPARATIVES:
        return ""
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("ADJ", "ADV", "NOUN", "VERB"):
        return after.lemma_.lower()
    verb = _governing_verb(times)
    return verb.lemma_.lower() if verb is not None else ""


def _measured_noun(doc: Any, num: Number) -> Any:
    """The noun a quantity measures: 'speed' in 'a maximum speed of 60 km/h' or 'the speed is 60 km/h'."""
    tok = _token_at(doc, max(num.end - 1, num.num_end - 1))
    cur = tok
    for _ in range(5):
        if cur is None or cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ == "NOUN" and not (num.start <= cur.idx < num.end + 1):
            return cur
        if cur.pos_ in ("AUX", "VERB") and cur.lemma_ in ("be", "") and cur.text.lower() in _COPULAS:
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
            return subj[0] if subj else None
    return None


_COPULAS = frozenset({"be", "is", "was", "are", "were", "been", "being", "'s", "remains", "remained", "stood"})


_THROUGH = re.compile(r"\b(?:through|thru)\s+$", re.IGNORECASE)
# The first or last few of something counts a stretch of it, no total: "Manning completed his first 17 passes" / "28
# passes" (QA round 35).
_STRETCH = re.compile(r"\b(?:his|her|their|its|the)\s+(?:first|last|final|opening)\s+$", re.IGNORECASE)
# A count given with its share of a whole: "was reported in 30 (34%) cases" counts a part of the cases, no total (QA
# round 38 set it against a story's 50 cases).
_SHARE_AFTER = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*(?:%|percent)\s*\)")
# A game clock's time left: "with 12 minutes, 31 seconds remaining", "with 4:48 left" (two plays' clocks were disputed
# as durations in QA round 35).
_CLOCK_LEFT = re.compile(r"(?:\s*,?\s*(?:and\s+)?\d+\s*(?:minutes?|mins?|seconds?|secs?))*\s+(?:remaining|left|to play|"
                         r"to go)\b", re.IGNORECASE)
_MAGNITUDE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)
_OTHERS = frozenset({"others", "other"})


def _number_values(text: str, doc: Any, skip: list[tuple[int, int]]) -> list[Value]:
    out: list[Value] = []
    ranges = range_spans(text)
    for n in find_numbers(text):
        if any(a < n.end and n.start < b for a, b in skip):
            continue  # the day of a date
        if text[n.end:n.end + 1] == "-" or text[n.num_end:n.num_end + 1] == "-":
            continue  # "9-year-old", "six-hour", "a seven-day average": an attribute of something else, not a figure
        if in_name(doc, n.num_end - 1):
            continue  # "Title 42", "Boeing 737 jets": a number that is part of a name counts nothing
        if n.dimension == "count" and _THROUGH.search(text, max(0, n.start - 12), n.start):
            continue  # "Through 14 games in the 2008 season, Bush had 404 yards": the stretch a tally covers
        if n.dimension == "count" and (_STRETCH.search(text, max(0, n.start - 20), n.start)
                                       or _SHARE_AFTER.match(text, n.num_end)):
            continue
        if n.dimension == "[time]" and _CLOCK_LEFT.match(text, n.end):
            continue
        if n.dimension == "count" and _MAGNITUDE.search(text, max(0, n.start - 20), n.start):
            continue  # "a magnitude 6.1 earthquake" counts no earthquakes (QA round 28: it disputed "two quakes")
        if n.dimension == "count":
            noun = _count_anchor(doc, n, text)
            if noun is None:
                continue  # a bare number with nothing counted is not a comparable fact
            anchor = noun.text.lower()
            if anchor in _OTHERS:
                # "250 others injured", "left 14 others trapped": the rest of a group named before, whatever it is
                # (QA round 28 found three such counts disputing one another)
                continue
            if anchor in ("times", "fold"):
                # a multiplier counts nothing: it scales what it is compared on ("four times more resistant",
                # "increased 10 times more"), and two multipliers of different comparisons are no dispute
                anchor = _compared(doc, noun) or anchor
            topic = f"number of {_noun_phrase(noun)}"
            kind = "count"
            normalized = f"{display(n)} {anchor}"
        else:
            if n.dimension == "[time]" and _AGO.match(text, n.end):
                continue  # "five years ago" dates an event; it states no length of anything
            noun = _measured_noun(doc, n)
            if noun is not None and noun.lower_ in ("percent", "percentage", "pct"):
                noun = None  # "63 percent": the unit read as what it measures (a QA dispute was titled "percent")
            anchor = noun.text.lower() if noun is not None else ""
            unit_name = {"percent": "percentage", "[length] / [time]": "speed", "[time]": "duration",
                         "[length]": "distance", "[mass]": "weight"}.get(n.dimension, "")
            if n.dimension.startswith("money:"):
                unit_name = "amount"
            topic = _noun_phrase(noun) if noun is not None else (unit_name or "figure")
            kind = "quantity"
            normalized = display(n)
        tok = _token_at(doc, n.num_end - 1)
        gov = _governing_verb(tok) if tok is not None else None
        sig, verb_lemma, participants = _slot(doc, n.start, n.end, gov)
        if noun is not None:
            sig |= {noun.lemma_.lower()}
        # "when he was 5 years old": an age, which disputes another age but no length of time
        dimension = "age" if n.dimension == "[time]" and _OLD.match(text, n.end) else n.dimension
        if dimension == "age":
            topic = "age"
        role = AGENT if kind == "count" and noun is not None and _in_agent_phrase(noun) else ""
        out.append(Value(kind, n.start, n.end, n.surface, normalized, normalized, dimension, n, None, anchor,
                         topic, role, _context(text, n.start, n.end), _verb_phrase(gov), sig, verb_lemma, participants,
                         is_relative(text, n.start, n.end), _stated_for_future(doc, n.num_end - 1),
                         is_wanted(doc, n.num_end - 1), earlier=is_earlier(text, n.start),
                         since=counted_from(doc, n.end) if n.dimension == "[time]" else "",
                         negated=gov is not None and (any(c.dep_ == "neg" for c in gov.children)
                                                      or _absent(gov, noun)),
                         qualifier=_qualifier(noun) if kind == "count" else frozenset(),
                         subjects=named_subjects(doc, gov, noun, tok.head if tok is not None else None),
                         rate=is_rate(text, n.start, n.end, kind),
                         adjusted=kind == "quantity" and is_adjusted(text, n.start, n.end),
                         ranged=any(a <= n.num_end - 1 < b for a, b in ranges),
                         period=period_of(text, n.start, n.end),
                         record=n.dimension == "[time]" and bool(_RECORD_WINDOW.search(text, max(0, n.start - 80),
                                                                                        n.start))))
    return out


# A vote's tally: "passed 220-207", "a 5-4 decision", "by a vote of 52 to 48", "the 220-to-190 vote". The figures of a tally are skipped as
# numbers (`numbers.find_numbers`); read as one pair, two tallies of one vote can disagree. Only votes: a sports
# score's game is too often another one of the same teams.
_TALLY = re.compile(r"(?<![\d.,$/:-])(?P<a>\d{1,3})\s*(?:[-–—]|-to-)\s*(?P<b>\d{1,3})(?![\d%/:-]|\.\d)"
                    r"|\b(?:vot(?:e[ds]?|ing)\s+(?:of\s+)?|by\s+(?:a\s+)?)(?P<c>\d{1,3})\s+to\s+(?P<d>\d{1,3})\b",
                    re.IGNORECASE)
_VOTE_CUE = re.compile(r"\bvot(?:e|es|ed|ing)\b|\btally\b|\bballots?\b|\bmargin\b|\b(?:decision|ruling|verdict)\b"
                       r"|\bmajority\b|\b(?:passed|approved|rejected|ruled|confirmed|adopted|overrode)\b",
                       re.IGNORECASE)
_NOT_TALLY_AFTER = re.compile(r"\s*(?:percent|per\s?cent|years?|months?|weeks?|days?|hours?|minutes?|miles?|km|"
                              r"feet|foot|inch|inches|pounds?|(?!party-)[a-z]+-)\b", re.IGNORECASE)

# An age band or a range ("aged 18-24", "from 10-15"), not a tally; "a vote of 220-207" is one.
_RANGE_BEFORE = re.compile(r"\b(?:aged?|ages|between|from|to|through)\s+$", re.IGNORECASE)


def _tally_values(text: str, doc: Any) -> list[Value]:
    """The tallies of votes in a sentence that speaks of a vote, each as one value ("220-207", larger side first)."""
    if not _VOTE_CUE.search(text):
        return []
    out: list[Value] = []
    for m in _TALLY.finditer(text):
        a, b = (int(m.group("a") or m.group("c")), int(m.group("b") or m.group("d")))
        if _NOT_TALLY_AFTER.match(text, m.end()) or a + b < 3 or _RANGE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        key = f"{max(a, b)}-{min(a, b)}"
        start, end = (m.start("a"), m.end("b")) if m.group("a") else (m.start("c"), m.end("d"))
        tok = _token_at(doc, start)
        gov = _governing_verb(tok) if tok is not None else None
        sig, verb_lemma, participants = _slot(doc, start, end, gov)
        out.append(Value("quantity", start, end, text[start:end], key, key, "tally", None, None, "vote", "vote tally",
                         "", _context(text, start, end), _verb_phrase(gov), sig | {"vote"}, verb_lemma,
                         participants, subjects=named_subjects(doc, gov)))
    return out


_SPEECH_VERBS = frozenset({"say", "tell", "add", "announce", "state", "claim", "warn", "note", "explain", "insist",
                           "argue", "deny", "confirm", "urge", "ask", "reply", "respond", "write", "tweet"})
# Verbs that count what did not happen: "missed four games" and "played in 10 games" are the two parts of a
# season, as "did not sign" and "signed" are of a board.
_ABSENCE_VERBS = frozenset({"miss", "skip"})
def _absent(verb: Any, noun: Any) -> bool:
    """The figure counts what the verb says did not happen: its object ('missed four *games*'), not a time
    something was missing for ('the plane, missing for four years')."""
    return noun is not None and verb.lemma_.lower() in _ABSENCE_VERBS and verb.pos_ == "VERB" \
        and noun.dep_ == "dobj" and noun.head.i == verb.i


_REPORTING_VERBS = _SPEECH_VERBS | {"call", "report", "describe", "reveal", "disclose"}
_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)
# A superlative or a first time, then the span it holds over: "the bloodiest escalation in four years", "the lowest level
# in a decade", "for the first time in 20 years" (QA round 20 disputed the first with 'two years of Arab revolution').
_NOT_SUPERLATIVE = ("interest|test|rest|arrest|protest|request|contest|forest|guest|west|quest|chest|suggest|invest|"
                    "harvest|manifest|honest|modest|earnest|nest|pest|vest|lest|crest|digest|priest|unrest|conquest")
_RECORD_WINDOW = re.compile(rf"\b(?:(?!(?:{_NOT_SUPERLATIVE})\b)[a-z]+est|most\s+[a-z]+|least\s+[a-z]+|first|worst|best)\b"
                            r"(?:\s+[\w'’-]+){0,6}?\s+(?:in|since|for)\s+(?:(?:more than|nearly|almost|over|about|at least)\s+)?$",
                            re.IGNORECASE)
_OLD = re.compile(r"\s+old\b", re.IGNORECASE)


def named_subjects(doc: Any, verb: Any, *things: Any) -> frozenset[str]:
    """Whose figure it is: the people and organisations the NER names as the verb's subject or as the owner of
    the counted or measured thing ("Earl Clark finished ..." -> {"clark"}, "Jamaal Charles' 226 yards" ->
    {"charles"}, "The Chiefs rushed for over 350 yards" -> {"chiefs"}). A person by surname, an organisation by
    the story's name for it (its acronym and full name are one) or its last word."""
    owners = _subjects(verb)
    owners += [c for s in owners for c in s.conjuncts]
    owners += [c for t in things if t is not None for c in t.children if c.dep_ == "poss"]
    named = {_owner_name(e) for e in doc.ents if e.label_ in ("PERSON", "ORG") and any(t in e for t in owners)}
    # a proper noun the NER left untagged in this sentence ("The Colts took the ball", tagged elsewhere)
    named |= {t.text.lower() for t in owners if t.pos_ == "PROPN" and not t.ent_type_ and t.text[:1].isupper()}
    if not named and any(t.lower_ in _PERSONAL for t in owners):
        named.add(SOMEONE)  # "He has 189 rushing yards": whoever the article named last (detect.py reads it)
    return frozenset(named)


# The owner a pronoun stands for, to be read from the sentences before: "He scored six touchdowns".
SOMEONE = "<pronoun>"
_PERSONAL = frozenset({"he", "she", "his", "her"})


# Links along which a verb without a subject of its own shares its head's: "The Colts took the ball and went 73
# yards" (conj), "Manning and the Broncos have a shot at getting the #1 seed" (pcomp, prep, dobj).
_SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "dobj"})


def _subjects(verb: Any) -> list[Any]:
    for _ in range(5):
        if verb is None:
            return []
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in _SHARES_SUBJECT or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


def _owner_name(ent: Any) -> str:
    """The last word of a person's name or of the story's name for an organisation (its acronym and full name
    are one), so that "the Indianapolis Colts" and an untagged "Colts" are one owner."""
    return last_word(ent.kb_id_ or ent.text)


def last_word(name: str) -> str:
    """A name's last word, lower-cased, without a possessive ending ("Adam Vinatieri's", "Jamaal Charles' ")."""
    words = [w for w in name.split() if POSSESSIVE.sub("", w) and w != "s"]  # "Wayne’ s", spaced
    return POSSESSIVE.sub("", words[-1]).lower() if words else ""


def _qualifier(noun: Any) -> frozenset[str]:
    """The noun modifiers that say which kind of the counted noun is meant: 'robbery' of 'two robbery
    charges', 'disobey' of 'three charges of disobeying a court order', 'AFM' of 'cases of AFM'."""
    out = {c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
           and c.i < noun.i}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.text.lower() == "of":
            out |= {g.lemma_.lower() for g in prep.children if g.dep_ in ("pobj", "pcomp")}
    return frozenset(out)


def _qualifies_previous(text: str, ent: Any, places: list[Any]) -> bool:
    """'Key Biscayne, Fla.,', 'Harrison County, Miss., coroner', 'Paris, France.': a state or country right
    after a smaller place and its comma names where that place is (as a dateline's state does), not a
    place of its own. A list of states or countries ('Utah, Wyoming, and Nevada') opens with a region."""
    before = [e for e in places if e.end_char <= ent.start_char and text[e.end_char:ent.start_char] == ", "]
    after = text[ent.end_char:ent.end_char + 1]
    if not before or (after and after not in ",;.)" and not ent.text.endswith(".")):
        return False
    return is_region(ent.text) and not is_region(before[0].text)


def _place_role(tok: Any) -> tuple[str, Any, str]:
    """(role, governing verb, preposition) of a place name's head token."""
    cur = tok
    for _ in range(4):  # "the eastern city of Vladivostok": climb to "city"
        head = cur.head
        if head.text.lower() == "of" and head.head.pos_ in ("NOUN", "PROPN") and head.head is not head:
            if head.head.text.lower() in _RELATION_WORDS:
                return "relation", _governing_verb(head.head), "of"
            cur = head.head
            continue
        if cur.dep_ in ("appos", "compound") and head is not cur:
            if cur.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in _PLACE_NOUNS:
                # "the upscale California relatives", "a Kansas police officer": which ones, not where
                return "modifier", _governing_verb(head), ""
            cur = head
            continue
        break
    head = cur.head
    if cur.dep_ == "pobj" and head.pos_ == "ADP":
        prep = head.text.lower()
        gov = head.head
        if prep in _RELATION_WORDS or gov.text.lower() in _RELATION_WORDS:
            return "relation", _governing_verb(head), prep
        if prep in WHERE_PREPS:
            return "where", _governing_verb(head), prep
        return "relation", _governing_verb(head), prep
    if cur.dep_ == "poss":  # "North Korea's news agency": whose, not where
        return "relation", _governing_verb(cur), ""
    if cur.dep_ in ("nsubj", "nsubjpass"):
        return "subject", _governing_verb(cur), ""
    if cur.dep_ == "dobj":
        verb = cur.head
        if verb.text.lower() in _RELATION_WORDS:
            return "relation", verb, ""
        return "object", verb, ""
    return "other", _governing_verb(cur), ""


def _located_names(doc: Any, known_places: dict[str, str]) -> list[tuple[Any, str]]:
    """Proper names the NER missed that the sentence itself locates in a known place.

    "The Vostochny Cosmodrome in far-eastern Russia": a capitalised name followed by
    "in/near <place>" is itself a place (a facility or site).
    """
    in_ents = {t.i for e in doc.ents for t in e}
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.i in in_ents:
            continue
        located = any(p.dep_ == "prep" and p.text.lower() in ("in", "near") and any(
            g.dep_ == "pobj" and (g.ent_type_ in PLACE_LABELS or known_places.get(place_key(g.text)) in PLACE_LABELS)
            for g in p.children) for p in tok.children)
        if located:
            first = min([c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.i])
            out.append((doc[first: tok.i + 1], "FAC"))
    return out


# A dateline: the capitalised city (or cities) opening a sentence before a comma, a dash or "(AP)"
# ("WASHINGTON — ...", "JAKARTA/PANGKALAN BUN, Indonesia Search teams ..."); the state or country
# right after its comma ("MONTPELIER, Vt. (AP) —") belongs to it too
_DATELINE_HEAD = re.compile(r"^\s*[A-Z][A-Z.'’/ -]*[A-Z.](?=\s*(?:,|\(|[—–-]))")
_DATELINE_CITY = re.compile(r"^\s*[A-Z][A-Z.'’/ -]*[A-Z.],\s*$")


def is_dateline_or_tag(text: str, start: int, end: int) -> bool:
    """A dateline ("WASHINGTON — ...") or a party/state tag ("Sen. Kelly (Ariz.)") names no place of the event."""
    if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")":
        return True
    # (a dateline city has 4 letters or more: "U.S., China and Japan agreed" opens with no dateline)
    head = _DATELINE_HEAD.match(text)
    if head and sum(ch.isalpha() for ch in head.group()) < 4:
        head = None
    return bool(head and end <= head.end()) or bool(
        _DATELINE_CITY.match(text[:start]) and sum(ch.isalpha() for ch in text[:start]) >= 4)


def _place_values(text: str, doc: Any, known_places: dict[str, str]) -> list[Value]:
    out: list[Value] = []
    # (a name the story mostly uses for a person, "Palin" of "Sarah Palin", is no place even where the
    # NER tags it GPE: known_places marks it PERSON)
    spans = [(ent, known_places.get(place_key(ent.text), ent.label_ if ent.label_ in PLACE_LABELS else None))
             for ent in doc.ents]
    found = _located_names(doc, known_places)
    spans = [(e, label) for e, label in spans + found if label in PLACE_LABELS]
    roots = {e.root.i for e, _ in spans}
    located = {e.root.i for e, _ in found} | {e.root.head.head.i for e, _ in spans if e.root.dep_ == "pobj"}
    # a neighbour that is itself a place ("the United States and Israel" / "Israel and Egypt") shares a
    # list with the value, not its slot
    place_words = {w.lower() for e, _ in spans for w in _WORD.findall(e.text)}
    for ent, label in spans:
        role, verb, _ = _place_role(ent.root)
        if role == "subject" and label == "GPE" and verb is not None and verb.lemma_.lower() in _SPEECH_VERBS \
                and not known_place(ent.text):
            continue  # "said 40-year-old Tsikala Stephania": a speaker the NER took for a place, no known place
        if ent.root.dep_ == "pobj" and ent.root.head.head.i in roots:
            role = "relation"  # "the Vostochny Cosmodrome in Russia": it locates another place, no event
        start, end = ent.start_char, ent.end_char
        if is_dateline_or_tag(text, start, end) or ent[-1].text.lower() in _ORG_HEADS:
            continue
        if ent[-1].pos_ == "ADJ" and not known_place(ent.text):
            continue  # "in Indian Naval action": a place name does not end on an adjective (an NER slip)
        if text[start:end].lower().startswith("the "):
            start += 4
        sig, verb_lemma, participants = _slot(doc, start, end, verb)
        conjuncts = {t.i for t in ent.root.conjuncts}
        siblings = frozenset(place_key(e.text) for e, _ in spans if e.root.i in conjuncts) - {place_key(ent.text)}
        out.append(Value("place", start, end, text[start:end], text[start:end], place_key(ent.text),
                         label, None, None, _verb_phrase(verb), "", role,
                         _context(text, start, end) - place_words, _verb_phrase(verb), sig, verb_lemma,
                         participants, siblings=siblings, qualifies=_qualifies_previous(text, ent, [e for e, _ in spans]),
                         located=ent.root.i in located))
    return out


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "could", "might", "may", "to", "going"})


def _verb_at(doc: Any, char: int) -> Any:
    """The verb governing the word at `char`, or None."""
    tok = _token_at(doc, char)
    return _governing_verb(tok) if tok is not None else None


def _future_at(doc: Any, char: int) -> bool | None:
    """Whether the verb governing the word at `char` speaks of the future (None: cannot tell)."""
    verb = _verb_at(doc, char)
    if verb is None:
        return None
    if verb.tag_ in ("VBD", "VBN") and not any(c.text.lower() in _FUTURE_AUX for c in verb.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.text.lower() in _FUTURE_AUX for c in verb.children):
        return True
    return False if verb.tag_ in ("VBD", "VBN") else None


# A day after these words bounds a period ("killed since Wednesday", "must pass by Friday"): it does
# not date the event, so it is no answer to "on which day" (role "bound"). "until" is left out:
# "not due to reconvene until Monday" dates the event itself.
PERIOD_BOUND = "bound"
# "the week ended July 17", "the quarter ending March 31", "as of November 13, the CDC had verified 88
# cases": the date names a reporting period or the day of a tally (which report a figure comes from),
# not the day something happened, so it is nobody's answer to "when"
PERIOD_LABEL = "period"
# ("the four fiscal quarters ended July 31, 2007" / "its first fiscal quarter, which will end Jan. 31, 2008")
_PERIOD_END = re.compile(r"(?:\b(?:week|month|quarter|year|period)s?,?\s+(?:(?:that|which)\s+)?(?:will\s+)?"
                         r"(?:ended|ending|ends|end)\s+(?:on\s+)?|\bas\s+of\s+)$", re.IGNORECASE)
# "from Jan. 1 to Aug. 31": both ends of a range bound a period, neither dates an event
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
# (a comma after a full date's year too: "between Nov. 1, 2004, and Oct. 8, 2008", whose ends were disputed in QA)
_RANGE_JOIN = re.compile(r"\s*,?\s*(?:to|through|until|till|and|[-–—])\s*", re.IGNORECASE)
_PERIOD_WORDS = re.compile(r"\b(?:since|through|before|after|by)\s+(?:last\s+|this\s+|next\s+)?$",
                           re.IGNORECASE)


def _stated_for_future(doc: Any, char: int) -> bool | None:
    """True for a projection ('will be diagnosed'), False for a stated present or past ('is', 'were'),
    None when the verb cannot tell (a hypothetical 'would be' is neither)."""
    verb = _verb_at(doc, char)
    if verb is None:
        return None
    aux = {c.text.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "'ll", "shall"}:
        return True
    if aux & _FUTURE_AUX:
        return None
    return False if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") else None


def _date_values(text: str, doc: Any, published: date | None) -> list[Value]:
    out: list[Value] = []
    found = find_dates(text, published, lambda char: _future_at(doc, char))
    ranged = set()
    for d1, d2 in itertools.pairwise(found):
        if _RANGE_OPEN.search(text[max(0, d1.start - 20):d1.start]) and _RANGE_JOIN.fullmatch(text[d1.end:d2.start]):
            ranged |= {d1.start, d2.start}
    for d in found:
        tok = _token_at(doc, d.start)
        noun = _event_noun(tok) if tok is not None else None
        verb = noun or (_day_verb(_governing_verb(tok)) if tok is not None else None)
        prep = tok.head.text.lower() if tok is not None and tok.head.pos_ == "ADP" else ""
        if _PERIOD_WORDS.search(text[:d.start]) or d.start in ranged:
            prep = PERIOD_BOUND
        if _PERIOD_END.search(text[max(0, d.start - 40):d.start]):
            prep = PERIOD_LABEL
        sig, verb_lemma, participants = _slot(doc, d.start, d.end, verb)
        out.append(Value(d.kind, d.start, d.end, d.surface, d.normalized(), d.key(), d.kind, None, d,
                         _verb_phrase(verb), "", prep, _context(text, d.start, d.end), _verb_phrase(verb),
                         sig, verb_lemma, participants, named_event=noun is not None,
                         patients=_named_patients(verb) if verb is not None and noun is None else frozenset()))
    return out


def extract_values(text: str, doc: Any, published: date | None = None,
                   known_places: dict[str, str] | None = None) -> list[Value]:
    """All typed values of one sentence; `doc` is spaCy's parse of exactly `text`.

    `known_places` (place key -> label) are names the story's NER mostly tags as places:
    the small NER model sometimes tags the same city PERSON in one sentence and GPE in
    the next, and the story-level majority is the better guess (label PERSON: a name the
    story mostly uses for a person, never read as a place).
    """
    dates = _date_values(text, doc, published)
    spans = [(v.start, v.end) for v in dates]
    values = dates + _number_values(text, doc, spans) + _tally_values(text, doc) \
        + _place_values(text, doc, known_places or {})
    nouns = frozenset(t.lemma_.lower() for t in doc if t.pos_ == "NOUN")
    return sorted((replace(v, nouns=nouns) for v in values), key=lambda v: v.start)
