"""Turning raw NER mentions into clean name spans.

spaCy's spans carry titles ("President X"), articles ("the Pentagon"), possessives
("Norway's"), hashtags, photo credits ("Name / AGENCY") and half names ("Sol" of
"Ri Ok Sol"). Each is trimmed, extended or dropped here, always by moving
offsets into the article text so that `text[start:end] == span.text` holds.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from storylens.entities.gazetteer import AP_STATES, gazetteer
from storylens.entities.gazetteer import key as gazetteer_key
from storylens.entities.normalize import NICKNAME, POSITIONS, POSSESSIVE, is_title, split_words
from storylens.entities.places import known_place
from storylens.models import Mention

MAX_WORDS = 6
# A context cue counts for less than the NER label, so it decides only between
# labels NER itself is split on.
CUE_WEIGHT = 0.6
MAX_CHARS = 80
# Capitalised words that are never part of a name even when glued to one.
CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        # days named relative to the report ("Yesterday Mitt Romney said ..." grew into one name)
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
    ]
)
# A span holding one of these is several things run together (lists, credits, lines).
_COMPOUND = re.compile(r"[\n\r\t,;/|()\[\]{}:•·\"“”]")
_EDGE_JUNK = "\"'“”‘’`´«».,;:!?*#@()[]{}-–—_ \u00a0"
_MID_POSSESSIVE = re.compile(r"[’‘'`´]s\s")
# Words before a name that tell it is a person ("spokesman Yuri X") or a place ("in X").
_PERSON_CUES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "leader",
        "president",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "secretary",
        "director",
        "commander",
        "official",
        "ambassador",
        "envoy",
        "premier",
        "chancellor",
        "governor",
        "mayor",
        "senator",
        "ceo",
        "founder",
        "chief",
        "aide",
        "adviser",
        "advisor",
        "deputy",
        "general",
        "adm",
        "marshal",
        "king",
        "queen",
        "prince",
        "sister",
        "brother",
        "wife",
        "husband",
        "daughter",
        "son",
        "father",
        "mother",
    ]
)
# Role nouns a sentence may open with before a full name ("Neighbor Dan Aguliar said", "District Attorney Daniel
# Conley"), which NER takes into the name; stripped only before two more words, so the name stays whole.
_ROLE_WORDS = frozenset(["starring", "featuring", "neighbor", "neighbour", "attorney", "district", "detective",
                         "officer", "trooper", "coach", "actor", "actress", "singer", "author", "witness", "resident",
                         "student", "professor", "lawyer", "prosecutor", "manager", "owner", "survivor", "victim",
                         "fan", "teacher", "rapper", "comedian", "musician", "guitarist", "drummer", "chef", "producer",
                         "journalist", "photographer", "novelist", "filmmaker", "businessman", "businesswoman",
                         "entrepreneur", "billionaire", "activist", "pastor", "quarterback", "pitcher",
                         # a byline's or a box's "Writer Lydia Syson" (QA round 37 listed her twice)
                         "writer", "reporter", "correspondent", "columnist", "editor", "analyst", "spokesman",
                         "spokeswoman", "spokesperson",
                         # a people's noun before a full name ("Englishman Robert Buckley", QA round 26)
                         "englishman", "englishwoman", "frenchman", "frenchwoman", "scotsman", "scotswoman", "irishman",
                         "irishwoman", "welshman", "welshwoman", "dutchman", "dutchwoman"])
# A question-and-answer piece marks its lines "Q." and "A."; NER glues the mark to the name after it ("Q. Senate").
_QA_MARK = re.compile(r"[QA]\.\s")
_QA_LINE = re.compile(r"(?:^|\n)Q\.\s")
# Family words: beside a name, they say a relative of the same surname may be named too.
_KIN = re.compile(r"\b(?:father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|cousin|nephew|niece|"
                  r"grand(?:son|daughter|father|mother)|dad|mom|Jr|Sr)\b")
KIN_CHARS = 40
_FAMILY = re.compile(r"\b(?:father|mother|sons?|daughters?|child|children|brothers?|sisters?|wife|husband|"
                     r"grand(?:son|daughter|father|mother|children)|dad|mom|survived by)\b", re.IGNORECASE)
_GENERATION_SUFFIX = re.compile(r",?\s+(Jr|Sr)\.?$")
# A city's name and its comma, before a state's abbreviation ("MONTPELIER, Vt.", "Barre, Vt.").
_AFTER_CITY = re.compile(r"[A-Z][\w.'-]*,\s*$")
# Adverbs that open a sentence, capitalised there, which NER glues to the name after them ("Ironically Nichols ...").
_SENTENCE_ADVERBS = frozenset(["ironically", "meanwhile", "however", "finally", "currently", "additionally",
                               "unfortunately", "fortunately", "interestingly", "notably", "separately", "instead",
                               "eventually", "apparently", "reportedly", "allegedly", "initially", "previously",
                               "later", "earlier", "afterwards", "now", "then", "also", "still"])
# Words that open a sentence before a comma as adverbs, capitalised there, which NER may take for a name.
_OPENING_ADVERBS = _SENTENCE_ADVERBS | {"outside", "inside", "overseas", "abroad", "nearby", "elsewhere", "upstairs",
                                        "downstairs", "here", "there", "today", "tonight", "yesterday", "tomorrow",
                                        "indeed", "again", "together", "alone", "first", "next", "last", "ultimately"}
_PLACE_BEFORE = frozenset({"in", "near", "outside", "across", "into", "toward", "towards", "via", "inside"})
_PLACE_AFTER = frozenset(
    [
        "border",
        "city",
        "province",
        "region",
        "village",
        "town",
        "port",
        "station",
        "district",
        "county",
        "area",
        "river",
        "bridge",
        "peninsula",
        "island",
        "airport",
        "capital",
    ]
)
_APPOSITIVE = re.compile(r",\s+(?:the\s+)?([^\W\d_]+)")
# What one posts on or takes to is a platform, not a person ("Video posted on Twitter", "posting on Instagram",
# "fans were taking to Twitter", "said in a statement on Twitter", "Follow @handle on Twitter").
_POSTED_ON = re.compile(r"(?:\b(?:post(?:s|ed|ing)?|tweet(?:s|ed|ing)?|wr(?:ote|ites|iting)|shar(?:es|ed|ing)|"
                        r"statement|video|live|stream(?:s|ed|ing)?)\s+on|\b(?:take|takes|took|taking)\s+to|@\w+\s+on)"
                        r"\s+$", re.IGNORECASE)
# Cues that settle a name NER typed ORG (its guess for a rare foreign name): a place noun right after it ("the
# Khasan border station", "the Sahel region"), "the town of X" before it, or a role of a person in an appositive
# ("X, chairman of ...", "X, secretary for ...").
# (The place nouns of `_PLACE_AFTER` that settle it; "port", "station", "area", "bridge" and "capital" only vote.)
_PLACE_HEADS = _PLACE_AFTER - {"port", "station", "area", "bridge", "capital"}
# A building's noun in lower case after its name: the name is the building's.
_BUILDINGS = frozenset({"tower", "building", "hall", "stadium", "arena", "mosque", "church", "cathedral", "temple",
                        "synagogue", "hotel", "hospital", "mall", "palace", "compound"})
_PLACE_OF = re.compile(r"\b(?:city|town|village|province|region|county|district|island|port)\s+of\s+$",
                       re.IGNORECASE)
_PLURAL = re.compile(r"^(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+[^s]s$")  # "the Jaguars", "the Tar Heels"
_ROLE_OF = re.compile(r",\s+(?:the\s+)?([^\W\d_]+)\s+(?:of|for|at|to)\s")
# Lookbehind sees text before `pos`, so a word cut by the search window never matches.
_LEFT_WORD = re.compile(r"(?<![\w’'])([^\W\d_][\w\-]*) $")
_RIGHT_WORD = re.compile(r" ([^\W\d_][\w\-]*)(?![\w\-])")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_FROM_PLACE = re.compile(r"[-‐‑](?:born|based)\b", re.IGNORECASE)
_TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "gen", "adm", "col", "lt", "capt", "sgt",
                                  "maj", "cmdr", "sen", "rep", "gov", "rev", "insp", "det", "supt", "cpl", "pvt",
                                  "pres", "sens", "reps", "asst", "msgr", "sec", "amb", "hon", "cong", "brig", "ald",
                                  "inf", "snr", "comr", "commr", "cdr"})
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ch|i)")
# Offices that follow a country's or a people's name in a title ("Guatemala President", "Texas Governor").
_OFFICES = frozenset({"president", "prime", "premier", "chancellor", "minister", "king", "queen", "prince", "princess",
                      "emperor", "foreign", "defense", "defence", "ambassador", "envoy", "leader", "governor", "mayor",
                      "senator", "general", "secretary", "vice", "deputy", "sen", "rep", "gov", "pres"})
# A player's position after the team's name ("Colts QB Andrew Luck"): the team is no part of the name.
_POSITIONS = POSITIONS | {"coach"}
# A legislator's party and state after the name: "(R., Texas)", "(D-N.Y.)", "(R-Ohio)".
_PARTY_TAG_OPEN = re.compile(r"\((?:R|D|I|Rep|Dem|Ind)\.?(?:,\s*|\s*-\s*|\s+)$")
_PARTY_TAG_CLOSE = re.compile(r"\.?\s*\)")
_SCORE_END = re.compile(r"\s+\(?\d+\s*[-–]\s*\d+\)?$")
_CONJUNCTION_END = re.compile(r"\s+(?:and|or|&)$")
_RELATIVE = re.compile(r",\s+(who|which)\b", re.IGNORECASE)
# The name described as a business or a body right after it: "Homrich, a company contracted by the department",
# "Vargo Golf, the firm that runs ...", "EYP, a consulting firm".
_A_COMPANY = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|contractor|corporation|business"
                        r"|conglomerate|retailer|manufacturer|maker|startup|chain|subsidiary|nonprofit|charity"
                        r"|organi[sz]ation|agency|bank|insurer|broadcaster|newspaper|publisher|airline)\b")
# The rest of a dateline after its city: "KINGSTON, Jamaica (AP) — ", "WASHINGTON (Reuters) - ", "MUMBAI, India — ".
_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*(?:\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|"
                             r"Xinhua|CNS)\)\s*[—–-]|\s[—–-])\s")
# Letters after a person's name that look like a code: suffixes, "Anthony Russell QC", "Jane Roe MP".
_POSTNOMINALS = frozenset({"JR", "SR", "QC", "KC", "MP", "MSP", "MD", "JD", "JP", "PC", "DL"})
# A government portfolio before an office ("Defense Minister Shoigu", "Press Secretary Jen Psaki"): part of the
# person's title, which NER cut off as an organisation "Defense" or "Press".
_PORTFOLIOS = frozenset(["defense", "defence", "foreign", "interior", "finance", "press", "health", "education",
                         "labor", "labour", "trade", "energy", "agriculture", "transport", "environment", "culture",
                         "economy", "home"])
# A name ending so is a group, not a person ("Kim Dynasty", "Trump Administration"), or a structure, not an
# organisation ("Tuman River Friendship Bridge", "Suez Canal").
_GROUP_ENDS = frozenset(["dynasty", "family", "administration", "government", "regime", "clan"])
# Heads of institutions' names: "John Paul II Catholic Academy" is a school even when NER reads the saint's name in
# it as a person ("Church", "Bank" and "Banks" are surnames as often: left out).
_INSTITUTION_ENDS = frozenset(["academy", "school", "college", "university", "institute", "hospital", "foundation",
                               "museum", "council", "committee", "commission", "association", "society", "agency",
                               "party", "club", "ministry", "department", "center", "centre", "clinic", "service",
                               "police", "constabulary", "brigade"])
# ("MS", "SS", "MT" left out: "MS Dhoni" is a cricketer as often as "MS Columbus" is a ship)
SHIP_PREFIXES = frozenset(["MV", "M/V", "INS", "USS", "USNS", "HMS", "HMAS", "HMCS", "RMS"])
# An AP pronunciation guide NER took for a name: "Dzhokhar Tsarnaev (joh-HAHR' tsahr-NEYE'-ehv)".
_PRONUNCIATION = re.compile(r"(?:^|\s)[a-z]+['’]?-[A-Z]{2,}|[A-Z]{2,}['’]?-[a-z]+\b")
_AGENCY_WORDS = frozenset(["Images", "Pictures", "Photography", "Photos"])
_SPEECH_WORDS = frozenset(["said", "says", "told", "tells", "asked", "added", "wrote"])
# Time zones NER takes for organisations ("5:30 pm IST").
_TIME_ZONES = frozenset(["IST", "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST",
                         "AEST", "AEDT", "JST", "KST", "HKT", "SGT", "WIB", "EAT", "SAST"])
# The short zones ("ET", "CT") are also states' and others' abbreviations: a zone only right after a clock.
_CLOCK_ZONES = frozenset(["ET", "CT", "MT", "PT", "AT", "HT", "AKT"])
_AFTER_CLOCK = re.compile(r"\d\s*(?:[ap]\.?\s?m\.?)?\s*$", re.IGNORECASE)
_EVENT_ENDS = frozenset(["marathon", "olympics", "olympiad", "championship", "championships", "tournament",
                         "festival", "summit", "cup", "derby", "regatta", "prix"])
_STORMS = frozenset(["hurricane", "typhoon", "cyclone", "tropical", "storm", "superstorm"])
_STRUCTURE_ENDS = frozenset(["bridge", "tunnel", "dam", "canal", "highway", "freeway", "expressway", "motorway",
                             "airport", "stadium", "arena"])
_CODE = re.compile(r"^[B-DF-HJ-NP-TV-XZ]{2,3}$")
_ROMAN_NUMERAL = re.compile(r"^[IVX]+$")
_AGE = re.compile(r"(?:\w+-)+(?:year|month|week|day)s?-old", re.IGNORECASE)
_ADJACENT_LEFT = re.compile(r"(?<![\w’'\-])([^\W\d_][\w’'\-]*\.?)[ \t]+$")
# 'at' alone is no place cue ("at Google", "at the hospital"), but after a verb of travel it is the stop
# reached: "eventually stopping at Ussuriysk", "the ship docked at Sevastopol".
_REACHED_AT = re.compile(r"\b(?:arriv|stop|land|dock|halt|call)\w*\s+at[ \t]+$", re.IGNORECASE)


@dataclass
class Span:
    """A cleaned name span in one article, with the evidence for its type."""

    source: str
    start: int
    end: int
    text: str
    label: str
    votes: Counter[str] = field(default_factory=Counter)
    determined: bool = False  # after "the" / "a" ("the Genovese family"): a name used as a modifier
    family: str = ""  # a given name's surname, written once for a couple ("*Bill* and Melinda Gates"): "Gates"
    surname: bool = False  # after "Mr." / "Mrs." / "Ms.": a surname, never a given name ("Mr. Barak" is no Barack)
    kin: bool = False  # a family word beside it ("his father Christopher Smith"): a relative may share the name
    junior: str = ""  # "jr" / "sr" of a name so suffixed among family words ("two children, Joan Felt and Mark Felt
    # Jr."): the son or father of the name without it, not that person
    company: bool = False  # described as a business or a body right after it ("Homrich, a company contracted by")


class Covered:
    """Spans already taken in one text, for O(log n) overlap tests."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []  # running maximum of the ends, so overlapping spans are fine
        for _, e in ordered:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlaps(self, a: int, b: int) -> bool:
        """Does [a, b) overlap any span?"""
        i = bisect_left(self.starts, b) - 1
        return i >= 0 and self.max_end[i] > a


def is_stopword(word: str) -> bool:
    """A function word or calendar word: capitalised at sentence start, never a name on its own.
    Upper-case acronyms are not ("US" is not "us")."""
    if len(word) > 1 and word.rstrip(".").replace(".", "").isupper():
        return False
    w = word.lower().rstrip(".")
    return w in STOP_WORDS or w in CALENDAR


def _place_office(text: str, start: int, end: int) -> int | None:
    """Where the office starts in "<country or people> <office words> <Given Surname>" ("Guatemala President
    Alejandro Giammattei", "French Prime Minister Jean Castex"); None when the span is no such name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 4:
        return None
    # a team's player ("Colts QB Andrew Luck", "Chiefs kicker Ryan Succop"), or an office of a country or people
    player = words[1].group().lower() in _POSITIONS and words[0].group()[:1].isupper()
    place = known_place(words[0].group()) or _DEMONYM.fullmatch(words[0].group())
    if not player and not (place and words[1].group().lower() in _OFFICES):
        return None
    k = 1
    while k < len(words) and is_title(words[k].group()):
        k += 1
    name = [w.group() for w in words[k:]]
    if len(name) < 2 or any(is_title(w) or not w[0].isupper() for w in name) or is_institution(" ".join(name)):
        return None
    return start + words[1].start()


def opening_adverb(text: str, start: int, end: int) -> bool:
    """The span is an adverb set off by a comma ("Outside, a light rain has begun")."""
    return text[start:end].lower() in _OPENING_ADVERBS and text[end:end + 1] == ","


def clock_zone(text: str, start: int, end: int) -> bool:
    """The span is a time zone right after a clock ("3 a.m. CT")."""
    return text[start:end] in _CLOCK_ZONES and bool(_AFTER_CLOCK.search(text, max(0, start - 16), start))


def office_or_award(text: str, start: int, end: int) -> bool:
    """The one-word span ends an office's title ("Secretary of State") or names an award ("acting Oscar nominees")."""
    return " " not in text[start:end].strip() and bool(_OFFICE_OF.search(text, max(0, start - 30), start)
                                                        or _AWARD_AFTER.match(text, end))


def in_party_tag(text: str, start: int, end: int) -> bool:
    """The name is the state of a legislator's party tag: "(R., Texas)", "(D-N.Y.)", "(R-Ohio)"."""
    return bool(_PARTY_TAG_OPEN.search(text[max(0, start - 8):start]) and _PARTY_TAG_CLOSE.match(text, end))


# A courtesy title before a capitalised name: a person, whatever NER read ("Miss" left out: "Miss America").
_MISTER = re.compile(r"(?:Mr|Mrs|Ms|Mx)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}$")


_CASE_PARTY = re.compile(r"[Vv]s?\.\s+[A-Z]")
# ... after the other party's name (a word, or a firm's legal form: "Co.", "Inc.", "s.a."), not at a sentence's start
_CASE_BEFORE = re.compile(r"(?:\b(?:inc|co|corp|ltd|llc|plc|s\.a|n\.a|l\.p)\.|[A-Za-z0-9)])[ \t]+$", re.IGNORECASE)


def _country_or_state(name: str) -> bool:
    """A country's or a state's name (a city's may be a saint's: "St. John's University")."""
    g, k = gazetteer(), gazetteer_key(name)
    return k in g.countries or k in g.states


_PLACE_OWNER = re.compile(r"((?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*)['’]s\s+(?=[A-Z])")
_TWO_PEOPLE = re.compile(r"[A-Z][\w'’.-]*\s+(?:and|&)\s+[A-Z]")
_STATES_ATTORNEY = re.compile(r"\s+State['’]s\s+Attorney", re.IGNORECASE)


def clean_mention(m: Mention, text: str, lower_words: frozenset[str] | set[str] = frozenset()) -> Span | None:
    """The name inside a NER mention, or None when the mention is junk or several things at once.

    `lower_words` are the words the story also uses in lower case: one of them
    leading a person span of 3+ words is a capitalised job description
    ("Astrophysicist Jane Roe"), not a name."""
    raw = text[m.start : m.end]
    if raw.startswith(("#", "@")) or (m.start > 0 and text[m.start - 1] in "#@"):
        return None  # hashtags and handles
    inner = NICKNAME.sub(" ", raw) if m.label == "PERSON" else raw  # 'Vincent "The Chin" Gigante' is one name
    if _COMPOUND.search(inner.strip(_EDGE_JUNK)):
        return None  # rescued later by the alias scan if it holds a known name
    if m.label == "PERSON" and _MID_POSSESSIVE.search(raw):
        return None  # "X's car": a name never holds a possessive, unlike "People's Army"
    if m.label == "PERSON" and _TWO_PEOPLE.search(raw):
        return None  # "Roula and Ryan" (two deejays, one person in QA round 41): two names, rescued by the alias scan
    if m.label in ("GPE", "NORP") and any(c.isdigit() for c in raw):
        return None  # a currency glued to an amount ("$US1 million" gave the place "US1"); no country holds a digit
    start, end = m.start, m.end
    start, end = _strip_edges(text, start, end)
    if m.label in ("GPE", "ORG", "PERSON", "NORP") and in_party_tag(text, start, end):
        return None  # "Rep. Jeb Hensarling (R., Texas)": the member's state names no place of the story
    if _CASE_PARTY.match(text, start) and _CASE_BEFORE.search(text, max(0, start - 20), start):
        return None  # "Clearstream Banking s.a. V. Peterson": a court case's party, no person "V. Peterson" (QA round 37)
    if _EPONYM_AFTER.match(text, end):
        return None  # "Lou Gehrig's disease", "Asperger's syndrome": the illness, not the person (QA round 25)
    if office_or_award(text, start, end):
        return None  # QA round 24's "State" (ORG) of "Secretary of State", and the "Oscar" that joined Oscar Isaac
    tail = _CONJUNCTION_END.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()  # 'Anthony "Fat Tony" Salerno and': no name ends in a conjunction
    score = _SCORE_END.search(text[start:end])
    if score and score.start() > 0:
        end = start + score.start()  # "beat Evansville 91-73": a score or a record, not part of the name
    # Leading article: "the Pentagon" and "Pentagon" are one name.
    if re.match(r"(?i)the\s", text[start:end]):
        start = _skip_space(text, start + 3, end)
    if _QA_MARK.match(text, start) and (start == 0 or text[start - 1] == "\n") and _QA_LINE.search(text):
        start = _skip_space(text, start + 2, end)  # "Q. Senate Democrats ...", "A. Senate is ...": an interview's marks
    # A place's institution: "England's University of Warwick", "Britain's Ministry of Defence" name the institution
    # (QA round 42 listed "England's University of Warwick"); the place is a mention of its own
    owner = _PLACE_OWNER.match(text, start, end)
    if owner and m.label in ("ORG", "FAC") and _country_or_state(owner.group(1)):
        start = owner.end()
    # A county's prosecutor: "DeKalb County State's Attorney" is an office of DeKalb County, which names the place
    # (QA round 39 listed a place "DeKalb County State" beside "DeKalb County").
    office = _STATES_ATTORNEY.search(text, start, min(len(text), end + 14))
    if office and start < office.start() < end:
        end = office.start()
    # Trailing possessive: "Norway's" -> "Norway", "Tesla Inc.’s" -> "Tesla Inc.".
    pm = POSSESSIVE.search(text[start:end])
    if pm and pm.start() > 0 and (text[start + pm.start() - 1].isalnum() or text[start + pm.start() - 1] == "."):
        end = start + pm.start()
    label = m.label
    if label in ("PERSON", "ORG", "NORP") and text[start:end].rstrip(".").lower() in AP_STATES \
            and _AFTER_CITY.search(text[max(0, start - 30):start]):
        label = "GPE"  # "MONTPELIER, Vt. (AP)": a state's abbreviation after its city (a person "Vt" to NER)
    if label != "PERSON" and _MISTER.match(text, start, end):
        label = "PERSON"  # "Mr Bunting said" (a WORK_OF_ART to NER after a quotation: QA round 31 split him off)
    if label not in ("WORK_OF_ART", "LAW"):
        low = _LOWER_TAIL.search(text[start:end])
        if low and low.start() > 0:
            end = start + low.start()  # "Associated Press news agency", "Reuters news agency": a description after it
    words = split_words(text[start:end])
    if label == "PERSON" and len(words) >= 2 and (is_title(words[-1]) or words[-1].lower() in _GROUP_ENDS):
        label = "ORG"  # "Bexar County Sheriff", "Broward Sheriff": an office, not a person's name
    elif label in ("PERSON", "WORK_OF_ART", "PRODUCT", "GPE") and is_institution(text[start:end]):
        label = "ORG"  # "John Paul II Catholic Academy" (a person to NER), "Morningside Recovery Center" (a work of art)
    if label in ("PERSON", "ORG") and len(words) >= 2 and words[-1].lower() in _STRUCTURE_ENDS:
        label = "FAC"
    if label == "PERSON" and any(w in _AGENCY_WORDS for w in words):
        label = "ORG"  # "Getty Images", "Getty Images Buena Vista" (a photo credit), tagged PERSON
    if len(words) >= 2 and label in ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "FAC") and (
            words[0].lower() in _STORMS or words[-1].lower() in _EVENT_ENDS):
        label = "EVENT"  # "Hurricane Henri", "the Boston Marathon", tagged ORG: a storm, a race
    if len(words) >= 2 and words[0].rstrip(".") in ("Mount", "Mt") and label in ("PERSON", "ORG", "GPE", "FAC"):
        label = "LOC"  # "Mt Cook" tagged ORG: a mountain
    if is_ship(text[start:end]):
        label = "PRODUCT"  # "MV Gibe", "INS Mysore" (tagged PERSON): a ship, as OntoNotes labels vehicles
    if label == "ORG" and len(words) == 1 and words[0].lower() in _PORTFOLIOS and _before_office(text, end):
        return None
    office = _place_office(text, start, end)
    if office:
        start, label = office, "PERSON"  # "Guatemala President Alejandro Giammattei" (an ORG to NER)
    votes: Counter[str] = Counter({label: 1.0})
    start, titled = _strip_titles(text, start, end, label, lower_words)
    if titled:
        votes["PERSON"] += 1
    name = text[start:end]
    if is_junk(name) or _common_word(name, text, start, lower_words) or _lone_title(name):
        return None
    if opening_adverb(text, start, end):
        return None  # "Outside, a light rain's begun." (an ORG to NER, merged with a magazine: QA round 19)
    if clock_zone(text, start, end):
        return None  # "just after 3 a.m. CT": a time zone (a person, and an alias of "CKY-TV", in QA round 19)
    if m.label == "PERSON" and any(c.isdigit() for c in name):
        return None  # nor a digit ("COVID-19"), once an age is off ("23-year-old Ana Kade")
    return Span(m.source, start, end, name, label, votes)


def _before_office(text: str, end: int) -> bool:
    nxt = _RIGHT_WORD.match(text, end, end + 40)
    return bool(nxt) and is_title(nxt.group(1))


def _common_word(name: str, text: str, start: int, lower_words: frozenset[str] | set[str]) -> bool:
    """One ordinary word the story also writes in lower case, capitalised only by its position
    ("Detectives said ...", "Flames and smoke ...") or shouted in a lead ("A PROVISIONAL trial date").
    Short capitals stay: "WHO" and "US" are acronyms though "who" and "us" are words."""
    if len(split_words(name)) != 1 or name.lower() not in lower_words:
        return False
    if name.isupper():
        return len(name) >= 4
    before = text[max(0, start - 8) : start].rstrip(" \t\"'“‘(").rstrip("\"'”’)")
    return not before or before[-1] in ".!?:\n"


def _lone_title(name: str) -> bool:
    """An abbreviated title alone: NER cut "Sgt" off "Sgt. Hoyt Teasley" (a person "Sgt" in 4 sources of an
    ECB+ brief). Only abbreviations: "King", "Major" or "Bishop" alone may be surnames."""
    return name.rstrip(".").lower() in _TITLE_ABBREVIATIONS


def is_institution(name: str) -> bool:
    """A name ending in an institution's head: "Morningside Recovery Center", "Medford High School"."""
    words = split_words(name)
    return len(words) >= 2 and words[-1].lower() in _INSTITUTION_ENDS


def storm_words(name: str) -> int:
    """How many words of a storm's kind open its name: 1 in "Hurricane Henri", 2 in "Tropical Storm Henri", else 0."""
    words = name.split()
    n = 0
    while n < len(words) - 1 and words[n].lower() in _STORMS:
        n += 1
    return n if n < len(words) and words[n][:1].isupper() else 0


# A ship's type written out before its name: "Indian Naval Ship Sukanya", "warship Sukanya" (QA round 35 listed the
# one ship four times, as an organisation, a place, a person and a vehicle).
_SHIP_WORDS = re.compile(r"^(?:(?:Indian |Royal |U\.?S\.? )?Naval Ship|[Ww]arship|[Ff]rigate|[Dd]estroyer|[Cc]orvette|"
                         r"[Pp]atrol [Vv]essel|[Cc]oast [Gg]uard [Cc]utter|[Cc]utter) (?=[A-Z])")


def ship_words(name: str) -> int:
    """How many words of a ship's name are its prefix ("MV Gibe", "INS Tabar": 1; "Indian Naval Ship Sukanya": 3);
    0 for no ship."""
    words = name.split()
    if len(words) >= 2 and words[0] in SHIP_PREFIXES and words[1][:1].isupper():
        return 1
    m = _SHIP_WORDS.match(name)
    return len(m.group().split()) if m and len(words) > len(m.group().split()) else 0


def is_ship(name: str) -> bool:
    """A ship's name: "MV Gibe", "INS Tabar", "USS Cole", "Indian Naval Ship Sukanya"."""
    return ship_words(name) > 0


# Lower-case words ending a name ("Associated Press news agency"); a title's small words ("Gone with the Wind") are
# left to the labels that hold titles.
_LOWER_TAIL = re.compile(r"(?:\s+[a-z][a-z\-]*)+$")


def is_junk(name: str) -> bool:
    """Not a usable name: empty, no capital letter, a single letter, a number, far too long."""
    words = split_words(name)
    if not words or len(words) > MAX_WORDS or len(name) > MAX_CHARS:
        return True
    if not any(c.isupper() for c in name):
        return True
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or _PRONUNCIATION.search(name) or any(w in _SPEECH_WORDS for w in words):
        return True  # "Lew told Candy Crowley": a clause, not a name
    if len(words) >= 2 and words[-1].rstrip(".") == "No":
        return True  # "Juror No. 12", "Flight No. 370" cut at the number: a label, not a name
    return len(words) == 1 and (is_stopword(name) or name in _TIME_ZONES or _is_term(name))


# Initialisms of things, not of bodies, that NER tags as organisations: offences ("a prior DWI conviction"), sports
# figures ("43 RBIs"): QA round 23 listed "DWI", "DUI" and "RBI" among an ECB+ story's organisations.
_TERMS = frozenset({"DWI", "DUI", "OWI", "OUI", "DWAI", "RBI", "MVP", "GPA", "ATM", "GPS", "DNA", "IQ", "PIN", "CCTV"})


def _is_term(name: str) -> bool:
    """One of `_TERMS`, however cased ("Cctv" opening a lower-cased sentence), or its plural ("RBIs")."""
    up = name.upper()
    return up in _TERMS or (up.endswith("S") and up[:-1] in _TERMS)


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK and not _is_abbrev_dot(text, start, end):
        end -= 1
    return start, end


def _is_abbrev_dot(text: str, start: int, end: int) -> bool:
    """Keep the final dot of dotted abbreviations such as "U.S."."""
    return text[end - 1] == "." and text[start:end].count(".") >= 2


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _strip_titles(
    text: str, start: int, end: int, label: str, lower_words: frozenset[str] | set[str]
) -> tuple[int, bool]:
    """Drop leading honorifics. Any title word goes for PERSON spans; for other labels only a
    dotted abbreviation ("Adm.", "Mr.") does, so "Defense Ministry" keeps its first word."""
    titled = False
    while True:
        m = re.match(r"(\S+)\s+", text[start:end])
        if not m:
            return start, titled
        word = m.group(1)
        if label == "PERSON" and _AGE.fullmatch(word):
            start += m.end()  # "Six-year-old Kameron Prescott": an age, not part of the name
            continue
        job = label == "PERSON" and (word.lower() in lower_words or word.lower() in _ROLE_WORDS
                                     or word.lower() in CALENDAR) and len(split_words(text[start:end])) >= 3
        job = job or label == "PERSON" and word.lower() in _SENTENCE_ADVERBS  # "Ironically Nichols" opened a sentence
        if not (is_title(word) or job) or (label != "PERSON" and not word.endswith(".")):
            return start, titled
        start += m.end()
        titled = True


# People described by where they are from: "a Perth man", "a Texas mother", "a Perth doctor".
_RESIDENTS = frozenset({"man", "woman", "boy", "girl", "teen", "teenager", "family", "couple", "resident", "native",
                        "mother", "father", "mom", "mum", "dad", "grandmother", "grandfather", "pensioner",
                        "toddler", "doctor", "nurse", "climber", "student"})


def context_votes(span: Span, text: str) -> None:
    """Add type evidence from the words around a span (cue before, place noun after)."""
    # Only a word right next to the span counts: "in 2010, Lohan was" has no place cue for "Lohan".
    left = _ADJACENT_LEFT.search(text[max(0, span.start - 40) : span.start])
    after = _WORD.findall(text[span.end : span.end + 30]) if text[span.end : span.end + 1] == " " else []
    prev = left.group(1).lower().rstrip(".") if left else ""
    span.determined = prev in ("the", "a", "an")
    span.surname = prev in ("mr", "mrs", "ms", "mx", "miss")
    span.kin = bool(_KIN.search(text, max(0, span.start - KIN_CHARS), span.end + KIN_CHARS))
    suffix = _GENERATION_SUFFIX.search(span.text)
    if suffix and _FAMILY.search(text, max(0, span.start - KIN_CHARS), span.start):
        span.junior = suffix.group(1).lower()
    if prev in _PERSON_CUES or is_title(prev):
        span.votes["PERSON"] += CUE_WEIGHT
    elif (prev in _PLACE_BEFORE or _REACHED_AT.search(text[max(0, span.start - 30) : span.start])
          or _HOME_TOWN.search(text[max(0, span.start - 30) : span.start])) \
            and not text.startswith(("'", "’"), span.end):
        span.votes["GPE"] += CUE_WEIGHT
    if _FROM_PLACE.match(text, span.end):
        span.votes["GPE"] += CUE_WEIGHT  # "the Glasgow-born actor", "a Texas-based firm"
    if after and after[0].lower() in _PLACE_AFTER:
        span.votes["GPE" if after[0].lower() != "river" else "LOC"] += CUE_WEIGHT
    if span.label == "PERSON" and after and after[0] in _BUILDINGS:
        _overrule(span, "FAC", "PERSON")  # "evacuate al-Jalaa tower" (QA round 23: a person): the building's name
    appositive = _APPOSITIVE.match(text[span.end : span.end + 30])
    if appositive and appositive.group(1).lower() in _PERSON_CUES:
        span.votes["PERSON"] += CUE_WEIGHT  # "X, chairman of ..."
    relative = _RELATIVE.match(text, span.end)
    if relative and relative.group(1).lower() == "who":
        span.votes["PERSON"] += CUE_WEIGHT
    if _A_COMPANY.match(text, span.end):
        span.company = True  # "Homrich, a company contracted by ...": the entity is an organisation (`entity_type`)
    if span.label != "GPE" and _DATELINE_AFTER.match(text, span.end) and not text[:span.start].split("\n")[-1].strip():
        _overrule(span, "GPE", span.label)  # "KINGSTON, Jamaica (AP) —": a dateline opens with the city reported from
    if span.label != "PERSON" and len(span.text.split()) >= 2 and _AGED.search(text[max(0, span.start - 40) : span.start]) \
            and not _LOWER_AFTER.match(text, span.end):
        # "said 32-year-old protester Paris Kyriakides", "40-year-old Tsikala Stephania, a public sector worker": an
        # age before a full name is a person's ("a 32-year-old New York man": the name is a modifier, left alone)
        _overrule(span, "PERSON", span.label)
    if span.label == "ORG" and not span.text.isupper():  # an acronym is an organisation ("the CBP border unit")
        if after and after[0].lower() in _PLACE_HEADS or _PLACE_OF.search(text[max(0, span.start - 30) : span.start]):
            _overrule(span, "LOC" if after and after[0].lower() == "river" else "GPE")
        elif prev in ("a", "an") and after and after[0] in _RESIDENTS and known_place(span.text):
            _overrule(span, "GPE")  # "a Perth man", "a Perth doctor": where someone is from
        else:
            role = _ROLE_OF.match(text, span.end, span.end + 40)
            if role and role.group(1).lower() in _PERSON_CUES:
                _overrule(span, "PERSON")
    if span.label in ("PERSON", "ORG", "GPE") and text[max(0, span.start - 1) : span.start] in _OPEN_QUOTES \
            and _TITLED_SHOW.match(text, span.end):
        _overrule(span, "WORK_OF_ART", span.label)  # CNN's "John King USA" program: a show, whoever it is named after
    if span.label in ("PERSON", "GPE") and span.determined and _team(span.text):
        # "the Miami Dolphins" (GPE), "the Buffalo Bills" (PERSON): QA round 27; with its article, as a team is
        # named ("Roy Williams" is a person, though there is a Roy, New Mexico)
        _overrule(span, "ORG", span.label)
    if span.label == "PERSON" and (_POSTED_ON.search(text[max(0, span.start - 30) : span.start])
                                   or span.determined and _PLURAL.match(span.text)):
        _overrule(span, "ORG", "PERSON")  # "the Jaguars had two chances": a team or a group, not one person
    elif span.label == "PERSON" and (relative and relative.group(1).lower() == "which" or _model_code(span.text)):
        # "Keystone XL, which was proposed in 2008": a thing, whatever NER's label says
        del span.votes["PERSON"]
        span.votes["ORG"] += CUE_WEIGHT


# The last word of an office's title ("Secretary of State", "Minister of Defence") and an award's name before what it
# gives ("Oscar nominees", "Emmy-winning"): no name of their own.
_OFFICE_OF = re.compile(r"\b(?:Secretary|Minister|Undersecretary|Under Secretary)\s+of\s+(?:the\s+)?$")
_AWARD_AFTER = re.compile(r"[\s-]+(?:nominees?|nominations?|nominated|winners?|winning|awards?|statuettes?)\b",
                          re.IGNORECASE)
# An illness or a law named after someone: "Lou Gehrig's disease", "Tourette's syndrome", "Murphy's law".
_EPONYM_AFTER = re.compile(r"['’]s?\s+(?:disease|syndrome|palsy|law|sarcoma|lymphoma|disorder)\b", re.IGNORECASE)
# Where someone lives, set off after the name or the age: "LuAnn Marie Johnson, 66, of Burnsville", "Luann Johnson,
# of Burnsville" (QA round 22: NER's PERSON for the town in 9 sources).
_HOME_TOWN = re.compile(r"(?:\b\d{1,3}|[A-Za-z])\s*,\s+of\s+$")
# A title in quotation marks that a word for a show or a work follows (QA round 22: "John King USA" program, PERSON).
_OPEN_QUOTES = frozenset('"“‘\'')
_TITLED_SHOW = re.compile(r"[\"”’']\s+(?:TV\s+|radio\s+|news\s+)?(?:program|programme|show|series|podcast|documentary|"
                          r"segment|broadcast|newscast|film|movie|album|book|novel|column|blog)s?\b", re.IGNORECASE)
_AGED = re.compile(r"\b\d{1,3}-year-old(?:\s+[a-z]+){0,2}\s+$")
_LOWER_AFTER = re.compile(r"\s+[a-z]")
_LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_PLAIN_NAME = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$")  # "Ira Ehrenpreis": no "of", "&", acronym, digit


_COUPLE_GAP = re.compile(r"^\s+(?:and|&)\s+$")


def couple_surnames(spans: list[Span], text: str, given: set[str], surnames: set[str]) -> None:
    """"Bill and Melinda Gates", "Barack and Michelle Obama": a lone given name joined to a full name shares its
    surname. Only a name the story uses as a given name and never as a surname: "Biden and Kamala Harris" are two
    people. (Spans in text order; `given` and `surnames`: lower-cased first and last words of the story's full
    names of people.)"""
    for a, b in itertools.pairwise(spans):
        if a.label == b.label == "PERSON" and len(split_words(a.text)) == 1 and len(split_words(b.text)) >= 2 \
                and _COUPLE_GAP.match(text[a.end:b.start]) and not _lone_title(a.text) \
                and a.text.lower() in given and a.text.lower() not in surnames:
            a.family = split_words(b.text)[-1]


def list_votes(spans: list[Span], text: str) -> None:
    """A plain two- or three-word name NER calls an organisation, listed between people, is a person too.

    "board members Brad Buss, Robyn Denholm, Ira Ehrenpreis, Antonio Gracias ...": the members of one
    comma list are of one kind, and a name with both neighbours people (or the two before it, at the end of
    the list) is one more. `spans` are one article's, in text order.
    """
    def listed(a: Span, b: Span) -> bool:
        return a.end <= b.start and bool(_LIST_GAP.fullmatch(text[a.end : b.start]))

    for i, s in enumerate(spans):
        if s.label != "ORG" or not _PLAIN_NAME.match(s.text):
            continue
        before = spans[max(0, i - 2) : i]
        prev = before[-1] if before and listed(before[-1], s) and before[-1].label == "PERSON" else None
        nxt = spans[i + 1] if i + 1 < len(spans) and listed(s, spans[i + 1]) and spans[i + 1].label == "PERSON" else None
        two_before = prev is not None and len(before) == 2 and listed(before[0], prev) and before[0].label == "PERSON"
        if prev is not None and (nxt is not None or two_before):
            _overrule(s, "PERSON")


_NICKNAME = re.compile(r"^[A-Z][a-z]+[^s\W]s$")  # a plural nickname: "Dolphins", "Bills", "Saints"


def _team(name: str) -> bool:
    """A known place and a plural nickname ("Miami Dolphins", "New Orleans Saints"): a team, not the place or a
    person. A place named so itself ("Beverly Hills", "Palm Springs") stays one."""
    head, _, last = name.rpartition(" ")
    return bool(head) and bool(_NICKNAME.match(last)) and known_place(head) and not known_place(name)


def _overrule(span: Span, label: str, wrong: str = "ORG") -> None:
    """The words around the mention say what it is: NER's vote for another label goes."""
    del span.votes[wrong]
    span.votes[label] = max(span.votes[label], 1.0)


def _model_code(name: str) -> bool:
    """A name ending in a short upper-case code without vowels ("Keystone XL", "Mustang GT"): a product or a
    project, never a person (surnames have vowels; postnominals and roman numerals are no codes)."""
    words = name.split()
    last = words[-1] if len(words) >= 2 and not name.isupper() else ""
    return bool(_CODE.match(last)) and not _ROMAN_NUMERAL.match(last) and last not in _POSTNOMINALS


_CAPITALISED_RUN = re.compile(r"(?: [A-Z][\w'’&-]*){1,5}")


def name_an_institution(span: Span, text: str, ceiling: int) -> None:
    """A person's name that opens an institution's ("Ronald Reagan UCLA Medical Center": NER had the president among
    the people of an airport shooting, the hospital's other words left out) becomes the institution, an ORG."""
    if span.label != "PERSON":
        return
    run = _CAPITALISED_RUN.match(text, span.end, ceiling)
    if not run:
        return
    end = span.end
    for word in re.finditer(r"\S+", run.group()):
        end = span.end + word.end()
        if word.group().lower() in _INSTITUTION_ENDS:
            span.end, span.text, span.label, span.votes = end, text[span.start:end], "ORG", Counter({"ORG": 1.0})
            return


def extend_person(span: Span, text: str, floor: int, ceiling: int, lower_words: set[str]) -> None:
    """Grow a PERSON span over adjacent capitalised words NER left out ("Sol" -> "Ri Ok Sol").

    Words the story also uses in lower case ("Abroad", "Today") are ordinary words
    capitalised by position, and never taken; the span stays within [floor, ceiling),
    the room between its neighbouring spans."""
    while len(split_words(span.text)) < 4:
        m = _LEFT_WORD.search(text, max(0, span.start - 40), span.start)
        if not m:
            break
        word = m.group(1)
        a = span.start - len(word) - 1
        if not _name_like(word) or word.lower() in lower_words or a < floor:
            break
        span.start = a
        span.text = text[span.start : span.end]
    while len(split_words(span.text)) < 4:
        m = _RIGHT_WORD.match(text, span.end, span.end + 40)
        if not m:
            break
        word = m.group(1)
        b = span.end + 1 + len(word)
        if not _name_like(word) or word.lower() in lower_words or b > ceiling:
            break
        span.end = b
        span.text = text[span.start : span.end]


def _name_like(word: str) -> bool:
    return (word[0].isupper() and not is_title(word) and not is_stopword(word) and not word.isupper()
            and not _AGE.fullmatch(word) and word.lower() not in _ROLE_WORDS and word.lower() not in _SENTENCE_ADVERBS)


# Two spans of one law's name, cut by NER at a preposition: "George Floyd Justice" + " in " + "Policing Act".
_LAW_JOIN = re.compile(r" (?:in|of|for|on|and) ")


def known_names(spans: Iterable[Span]) -> dict[str, list[tuple[str, str]]]:
    """Names of 2+ words the story's NER found, by first word, longest first: (name, label). A name opening on a
    possessive is found by the bare word too: NER tags "Sam" of "Sam's Club" a person where it tags "Sam's Club"
    elsewhere (QA round 22: "Sam", PERSON, 8 sources, beside the store)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for s in spans:
        words = s.text.split()
        if len(words) >= 2:
            out.setdefault(words[0], set()).add((s.text, s.label))
            if (owner := POSSESSIVE.sub("", words[0])) != words[0]:
                out.setdefault(owner, set()).add((s.text, s.label))
    return {k: sorted(v, key=lambda n: (-len(n[0]), n)) for k, v in out.items()}


def mend_cut_names(spans: list[Span], text: str, known: dict[str, list[tuple[str, str]]]) -> list[Span]:
    """Spans in text order with names NER cut short made whole: a span the rest of a name known from
    another mention follows ("Islamic" + " State" when "Islamic State" is known: NER had the demonym
    'Islamic'), and a law's two halves ("George Floyd Justice" + " in " + "Policing Act"); and a known name
    NER glued to its owner ("Fox’s Tucker Carlson") taken out."""
    out: list[Span] = []
    for i, s in enumerate(spans):
        if out and out[-1].end > s.start:
            continue  # taken into the span before
        owner = _MID_POSSESSIVE.search(s.text)
        if owner:
            # "Fox’s Tucker Carlson" (ORG): the name after the possessive, when the story knows it as a name
            rest = s.text[owner.end() :]
            label = next((lab for name, lab in known.get(rest.split()[0] if rest else "", []) if name == rest), None)
            if label is not None:
                s.start += owner.end()
                s.text, s.label, s.votes = rest, label, Counter({label: 1.0})
        ceiling = spans[i + 1].start if i + 1 < len(spans) else len(text)
        for name, label in known.get(s.text.split()[0] if s.text else "", []):
            end = s.start + len(name)
            if (len(name) > len(s.text) and end <= ceiling and text.startswith(name, s.start)
                    and not text[end : end + 1].isalnum()):
                s.end, s.text, s.label, s.votes = end, name, label, Counter({label: 1.0})
                break
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and nxt.text.endswith(" Act") and _LAW_JOIN.fullmatch(text[s.end : nxt.start]):
            s.end, s.label, s.votes = nxt.end, "LAW", Counter({"LAW": 1.0})
            s.text = text[s.start : s.end]
        out.append(s)
    return out

