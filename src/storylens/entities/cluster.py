"""Clustering name spans into entities.

Spans are first grouped by exact name key (so the work below is over distinct
spellings, not over every mention), then groups are joined by eight rules:
spelling variants (every token matches), a name without its middle initial (when
unambiguous), a diminutive of the given name ("Chris" / "Christopher"),
a company's name with or without its legal form ("JBS SA" / "JBS"), a plural
name alone and the one organisation ending in it ("Saints" / "New Orleans Saints"),
"Department of X" / "X Department", acronyms (initials of a long name), and, per
mention, surnames or given names alone ("Ri", "Mr. Ri") resolved to a full name in the same article.

NER labels disagree between sources (a city PERSON in one, GPE in another; a seat
of government ORG / GPE), so identical keys are grouped whatever their label, and
the type is a vote.
Demonyms (NORP "Varnian") are kept apart from the country (GPE "Varnia"): an
adjective describing people or things is not a mention of the state, and linking
them would make every "Varnian official" count as a mention of Varnia.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rapidfuzz import fuzz

from storylens.entities.gazetteer import AP_STATES, gazetteer, state_of
from storylens.entities.gazetteer import key as place_key
from storylens.entities.nicknames import is_short_for
from storylens.entities.normalize import (
    NICKNAME,
    acronym_letters,
    initials,
    is_acronym,
    is_initial_key,
    keys_match,
    name_key,
    split_words,
    token_key,
    tokens_match,
)
from storylens.entities.places import known_place
from storylens.entities.spans import Span, ship_words, storm_words

Key = tuple[str, ...]
K = TypeVar("K", str, tuple[str, ...])

_FAMILY = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "norp"}
# Tie-break between equally voted labels: the more specific / more useful type first.
_LABEL_ORDER = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")

# A name part shared by several people of the story goes to one named in full in this many articles, and this
# many times as many as any other (`pick_person`).
DOMINANT_SOURCES = 3
DOMINANT_RATIO = 3.0


def family(label: str) -> str:
    """Coarse type used to guard merges: person, place, org, norp or other."""
    return _FAMILY.get(label, "other")


def dominant(votes: Counter[str]) -> str:
    """The label with most votes; ties go to the more specific label."""

    def rank(label: str) -> tuple[int, int]:
        order = _LABEL_ORDER.index(label) if label in _LABEL_ORDER else len(_LABEL_ORDER)
        return (-votes[label], order)

    return min(votes, key=rank) if votes else "ORG"


@dataclass
class Group:
    """All spans whose names share one key (one distinct spelling up to normalisation)."""

    key: Key
    spans: list[Span] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)

    @property
    def families(self) -> set[str]:
        return {family(label) for label in self.votes}


class UnionFind(Generic[K]):
    """Disjoint sets over group keys (or any sortable keys: the claims stage joins sources with it)."""

    def __init__(self, keys: Iterable[K]) -> None:
        self.parent: dict[K, K] = {k: k for k in keys}

    def find(self, k: K) -> K:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:  # path compression
            self.parent[k], k = root, self.parent[k]
        return root

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_spans(spans: Iterable[Span]) -> dict[Key, Group]:
    """Spans grouped by exact name key."""
    groups: dict[Key, Group] = {}
    for s in spans:
        key = name_key(s.text)
        if not key:
            continue
        if s.family:
            key = (*key, *name_key(s.family))  # "Bill" of "Bill and Melinda Gates" is Bill Gates
        if s.junior:
            key = (*key, s.junior)
        g = groups.setdefault(key, Group(key))
        g.spans.append(s)
        g.votes.update(s.votes)
    return groups


def merge_variants(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join spellings whose tokens all match ("Sol-hwa"/"Sol Hwa", "Yuriy"/"Yuri").

    Candidates are blocked by token count and first letters (a token match needs the
    same first letter), so only a handful of pairs are ever compared.
    """
    blocks: dict[tuple, list[Key]] = defaultdict(list)
    for key in groups:
        blocks[(len(key), tuple(t[0] for t in key))].append(key)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if keys_match(a, b) and groups[a].families & groups[b].families:
                    uf.union(a, b)


def merge_spacings(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join a name written with and without the space inside it ("Joseph Van Wert" / "Joseph VanWert", "De Blasio" /
    "DeBlasio": QA round 26 listed the accused three times), as one person or one body."""
    by_letters: dict[str, list[Key]] = defaultdict(list)
    for key, g in groups.items():
        if g.spans:
            by_letters[re.sub(r"[^a-z0-9]", "", g.spans[0].text.lower())].append(key)
    for keys in by_letters.values():
        for other in keys[1:]:
            if groups[keys[0]].families & groups[other].families:
                uf.union(keys[0], other)


def merge_initials(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join "William Brady" to "William P. Brady" when that is the only such name in the story;
    with both "George W. Bush" and "George H. W. Bush" present, "George Bush" stays apart. A person's
    middle name written out counts as well ("Oakleigh Nance" / "Oakleigh Ryan Nance")."""
    fuller: dict[Key, set[Key]] = defaultdict(set)
    for key, g in groups.items():
        if any(is_initial_key(t) for t in key[1:-1]):
            bare = tuple(t for i, t in enumerate(key) if not (0 < i < len(key) - 1 and is_initial_key(t)))
            if bare in groups:
                fuller[bare].add(key)
        elif len(key) == 3 and "person" in g.families and (key[0], key[2]) in groups \
                and "person" in groups[(key[0], key[2])].families:
            fuller[(key[0], key[2])].add(key)
    for bare, keys in fuller.items():
        # a middle initial and the middle name it stands for are one person's ("Frederick C. LaRue" / "Frederick
        # Cheney LaRue", both beside "Fred LaRue": QA round 33 listed three people)
        for a, b in itertools.combinations(sorted(keys), 2):
            if _same_middles(a, b) and groups[a].families & groups[b].families:
                uf.union(a, b)
        roots = {uf.find(k) for k in keys}
        if len(roots) == 1 and groups[bare].families & groups[next(iter(keys))].families:
            uf.union(bare, roots.pop())


def _same_middles(a: Key, b: Key) -> bool:
    """Names of one length whose middle parts match, an initial standing for a name that begins with it."""
    return len(a) == len(b) and a != b and all(
        x == y or (is_initial_key(x) and y.startswith(x)) or (is_initial_key(y) and x.startswith(y))
        for x, y in zip(a, b, strict=True))


def merge_nicknames(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join "Chris Wray" to "Christopher Wray": the same surname (and middle), a diminutive of the given name.

    Only when one such full name is in the story ("Chris Smith" stays apart when both "Christopher" and
    "Christine Smith" are named), and not when one article writes both side by side or beside a family
    word: two forms there are two people ("Mike Tarrant and Michael Tarrant left", "Chris Smith and his
    father Christopher Smith"). Apart, in an article that writes "FBI Director Christopher Wray" and
    paragraphs later "both Chris Wray and Rod Rosenstein", they name one man.
    """
    people = [k for k, g in groups.items() if len(k) >= 2 and dominant(g.votes) == "PERSON"]
    by_rest: dict[Key, list[Key]] = defaultdict(list)
    for key in people:
        by_rest[key[1:]].append(key)
    for keys in by_rest.values():
        for short in keys:
            fulls = [k for k in keys if is_short_for(short[0], k[0])]
            if len({uf.find(k) for k in fulls}) != 1:
                continue
            longs = [s for k in fulls for s in groups[k].spans]
            if not any(_side_by_side(a, b) for a in groups[short].spans for b in longs):
                uf.union(short, fulls[0])


# Two forms of a name this close in one article are two people listed together.
SIDE_BY_SIDE_CHARS = 80


def _side_by_side(a: Span, b: Span) -> bool:
    """Spans of one article close together, or either beside a family word."""
    return a.source == b.source and (a.kin or b.kin or abs(a.start - b.start) <= SIDE_BY_SIDE_CHARS)


# Words naming a unit or the legal form of a body after its acronym ("HP Services", "IBM Corp."), not another name.
_UNIT_WORDS = frozenset({"services", "service", "labs", "lab", "inc", "corp", "corporation", "co", "company", "group",
                         "division", "unit", "solutions", "technology", "technologies", "systems", "software",
                         "enterprise", "enterprises", "holdings", "international", "global", "foundation", "ltd",
                         "plc", "llc", "sa", "ag", "usa", "uk", "america", "europe", "asia"})


def link_acronyms(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join an acronym to the one long name whose initials it is ("WHO" - "World Health Organization"), a place's
    to a place's."""
    expansions: dict[str, set[Key]] = defaultdict(set)
    for key, g in groups.items():
        if len(key) < 2 or dominant(g.votes) in ("PERSON", "NORP"):
            continue
        for s in g.spans:
            for acr in initials(s.text):
                expansions[acr].add(key)
    # an acronym that opens longer names of the story is their short form ("EYP" of "EYP Mission Critical
    # Facilities", "EYP MCF"), not the initials of another name ("Einhorn Yaffee Prescott", QA round 13)
    # (a unit of the body is no such name: "HP Services", "HP Labs" leave "HP" the initials of "Hewlett-Packard",
    # which a QA brief of round 20 kept apart from it in 7 and 13 sources)
    heads = {acronym_letters(first) for key, g in groups.items() if len(key) >= 2 for s in g.spans
             if is_acronym(first := s.text.split()[0])
             and not {w.lower().strip(".,") for w in s.text.split()[1:]} <= _UNIT_WORDS}
    for key, g in groups.items():
        acronyms = {acronym_letters(s.text) for s in g.spans if is_acronym(s.text)} - heads
        place = family(dominant(g.votes)) == "place"
        for acr in acronyms:
            # a place's initials are no organisation's ("U.S." is not the "University of Sheffield"); NER's other
            # labels for acronyms are too loose to judge by ("OITNB" ORG for a WORK_OF_ART)
            roots = {uf.find(k) for k in expansions.get(acr, ())
                     if (family(dominant(groups[k].votes)) == "place") == place
                     or dominant(groups[k].votes) == "FAC" and not place}  # "ISS": the International Space Station
            if len(roots) > 1 and _spellings_of_one(groups, uf, roots):
                for root in roots:  # "Detroit Water and Sewerage Department" / "... Sewage Department": one "DWSD"
                    uf.union(key, root)
            elif len(roots) == 1:
                uf.union(key, roots.pop())


def link_defined_acronyms(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join an acronym to the long name it is defined for, written right after it: "Centers for Disease Control
    and Prevention (CDC)" (a QA brief of round 18 kept them apart: "CDC" is not all the name's initials). Its
    letters must follow the name's words in order (`_letters_follow`)."""
    ends: dict[tuple[str, int], Key] = {}
    for key, g in groups.items():
        if len(key) >= 2:
            for s in g.spans:
                ends[(s.source, s.end)] = key
    for key, g in groups.items():
        for s in g.spans:
            if not is_acronym(s.text):
                continue
            # " (" or ", " between them
            long = next((k for gap in (2, 3) if (k := ends.get((s.source, s.start - gap)))), None)
            if long is not None and _letters_follow(acronym_letters(s.text), groups[long].spans[0].text) \
                    and (family(dominant(g.votes)) == "place") == (family(dominant(groups[long].votes)) == "place"):
                uf.union(key, long)


def _letters_follow(letters: str, name: str) -> bool:
    """The letters are a subsequence of the name's words' initials that opens on its first word, or on a later word
    and closes on its last ("Santa Clara Valley Transportation Authority (VTA)": QA round 24 listed the three names
    of the authority apart)."""
    heads = "".join(w[0] for w in split_words(name) if w[:1].isalpha()).upper()
    if len(letters) < 2:
        return False
    if heads.startswith(letters[0]):
        starts = [0]
    elif letters[-1] == heads[-1]:
        starts = [k for k, ch in enumerate(heads) if ch == letters[0]]
    else:
        return False
    return any(_subsequence(letters, heads[k:]) for k in starts)


def _subsequence(letters: str, heads: str) -> bool:
    it = iter(heads)
    return all(ch in it for ch in letters)


# Long names that share an acronym are one name misspelt when they differ this little (rapidfuzz ratio, 0-100).
SPELLING_RATIO = 90


def _spellings_of_one(groups: dict[Key, Group], uf: UnionFind, roots: set[Key]) -> bool:
    """Every pair of the long names under `roots` is one spelling away from the other."""
    names = [next((" ".join(k) for k in groups if uf.find(k) == root and len(k) >= 2), None) for root in roots]
    return None not in names and all(fuzz.ratio(a, b) >= SPELLING_RATIO
                                     for i, a in enumerate(names) for b in names[i + 1:])


# "Department of Defense" is the "Defense Department", "Ministry of Defence" the "Defence Ministry", "University of
# Reading" "Reading University".
_INVERTIBLE_HEADS = frozenset({token_key("department"), token_key("ministry"), token_key("university")})
_OF, _THE = token_key("of"), token_key("the")


def inverted_name(key: Key) -> Key | None:
    """The key of "<X> Department" for "Department of (the) <X>", else None."""
    if len(key) >= 3 and key[0] in _INVERTIBLE_HEADS and key[1] == _OF:
        rest = key[3:] if key[2] == _THE else key[2:]
        return (*rest, key[0]) if rest else None
    return None


# Legal forms after a company's name ("JBS SA", "Colonial Pipeline Co.", "Tesla Inc."): the same company without them.
# Compared as written: the transliteration key of "Sea" is that of "SA".
_LEGAL_FORMS = frozenset({"inc", "incorporated", "co", "corp", "corporation", "ltd", "limited", "llc", "plc", "sa",
                          "ag", "nv", "gmbh", "spa"})
_INDEFINITE = frozenset({"a", "an"})
_POLITIES = frozenset({"state", "city", "commonwealth", "town", "village", "county", "province", "republic",
                       "kingdom"})
# A company's trade written before its name: "Retailer Target said ...", "Drugmaker Merck said ..." (and any
# "...maker": automaker, chipmaker). Merged only with the bare name the story also writes, never a person's.
_TRADES = frozenset({"retailer", "insurer", "lender", "broadcaster", "airline", "carrier", "regulator",
                     "conglomerate", "startup", "publisher", "streamer"})
_GENERIC_HEADS = frozenset(token_key(w) for w in ("center", "centre", "clinic", "hospital", "institute"))
_QUOTES = " \"“”"
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A newspaper's head word alone is the "<place> <head>" paper the story names: "the Post" of "The Washington Post".
_PAPER_HEADS = frozenset({"Post", "Journal", "Herald", "Tribune", "Globe", "Gazette", "Chronicle", "Telegraph",
                          "Examiner", "Inquirer", "Courier", "Bee", "Star"})
_OFFICES = frozenset({"court", "department", "council", "committee", "police", "senate", "assembly", "legislature",
                      "government", "office", "ministry", "agency", "commission", "board", "university", "college",
                      "school", "hospital", "party", "service", "bureau", "administration", "authority"})
_PLURAL_NAME = re.compile(r"^[A-Z][a-z]+[^s]s$")


def bare_name(name: str) -> Key | None:
    """The key of the name without a leading "A"/"An" ("A Food and Drug Administration advisory panel" at a
    sentence start), a trade written before it ("Drugmaker Merck" at a sentence start), its country's initials
    ("U.S. Food and Drug Administration"), a ship's prefix, a trailing legal form or country's initials ("T-Mobile
    USA"), or None when it has none."""
    words = split_words(name)
    key = name_key(name)
    if len(words) >= 3 and words[0].lower() in _INDEFINITE and len(key) >= 3:
        return key[1:]
    if len(words) >= 2 and len(key) >= 2 and (_trade(words[0]) or _country_initials(words[0])):
        return key[1:]
    if (n := ship_words(name)) and len(key) > n:
        return key[n:]  # "INS Tabar" is "Tabar", "Indian Naval Ship Sukanya" "Sukanya"
    if (n := storm_words(name)) and len(key) > n:
        return key[n:]  # "Hurricane Henri" is "Henri"
    if len(words) >= 2 and words[-1].lower().rstrip(".") in _LEGAL_FORMS and len(key) >= 2:
        return key[:-1]
    if len(words) >= 2 and len(key) >= 2 and _country_initials(words[-1]):
        return key[:-1]  # a company's arm in a country: "T-Mobile USA" is "T-Mobile" (QA round 31 listed both)
    if len(key) >= 3 and key[1] == _OF and words[0].lower() in _POLITIES and known_place(" ".join(words[2:])):
        return key[2:]  # "the State of Michigan" is Michigan, "the City of Detroit" Detroit (QA round 34 listed both)
    return None


def _trade(word: str) -> bool:
    low = word.lower()
    return (low.endswith("maker") and len(low) > len("maker")) or low in _TRADES


def _country_initials(word: str) -> bool:
    return is_acronym(word) and place_key(word) in gazetteer().countries


def merge_nickname_forms(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join 'Charles "Lucky" Luciano' (keyed as Charles Luciano) to "Lucky Luciano" when the story has it, and to
    the nickname alone when no other name of the story carries it: 'Nicole "Snooki" Polizzi' is the "Snooki" and
    'Jenni "JWoww" Farley' the "JWoww" of other paragraphs (QA round 39 listed them apart)."""
    bearers: dict[Key, set[Key]] = defaultdict(set)
    for key, g in groups.items():
        m = NICKNAME.search(g.spans[0].text)
        words = split_words(g.spans[0].text)
        if m and len(key) >= 2:
            nickname = m.group().strip(_QUOTES)
            alt = name_key(nickname + " " + words[-1])
            if alt in groups and alt != key:
                uf.union(key, alt)
            alone = name_key(nickname)
            if len(alone) == 1 and alone in groups and dominant(groups[alone].votes) not in _PLACE_LABELS:
                bearers[alone].add(uf.find(key))
    for alone, people in bearers.items():
        if len(people) == 1:
            uf.union(next(iter(people)), alone)


def merge_bare_names(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join "JBS SA" to "JBS" and "A Food and Drug Administration" to "Food and Drug Administration" when the
    story also writes the bare name and neither is a person."""
    for key, g in groups.items():
        bare = bare_name(g.spans[0].text)
        # (a trade before it says the bare name is the firm, whatever label NER gave it once: "Merck said" PERSON)
        if bare in groups and bare != key and "person" not in g.families and (
                "person" not in groups[bare].families
                or _trade(split_words(g.spans[0].text)[0]) and dominant(groups[bare].votes) != "PERSON"):
            uf.union(key, bare)
        # "Morningside Recovery Center" is the "Morningside Recovery" of other articles: a facility's generic head
        # dropped, when what is left names neither a person nor a place ("Betty Ford", "Cleveland" of "Cleveland
        # Clinic" stay apart)
        if len(key) >= 3 and key[-1] in _GENERIC_HEADS and key[:-1] in groups \
                and not {dominant(g.votes), dominant(groups[key[:-1]].votes)} & {"PERSON", "GPE", "LOC"}:
            uf.union(key, key[:-1])
        # "NASA Goddard Space Flight Center" is the "Goddard Space Flight Center" of other articles: an organisation
        # of the story written before a name of two words or more that names its part (QA round 31 listed both)
        if len(key) >= 3 and key[:1] in groups and key[1:] in groups and dominant(groups[key[:1]].votes) == "ORG" \
                and dominant(g.votes) not in ("PERSON", "GPE", "LOC") \
                and dominant(groups[key[1:]].votes) not in ("PERSON", "GPE", "LOC"):
            uf.union(key, key[1:])


def merge_short_names(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join a plural name alone to the one "<place> <plural>" organisation of the story: "Saints" is the "New
    Orleans Saints", "Lions" the "Detroit Lions", "Times" the "New York Times", and a paper's head word alone
    ("Post" of "Washington Post"). Plurals and papers only ("House" alone is as often the House of
    Representatives as the White House), after a known place only ("Davies" is not "Russell T
    Davies" typed ORG, "Wales" not the "University of South Wales"); a demonym ("Democrats") stays apart."""
    longer: dict[Key, set[Key]] = defaultdict(set)
    surnames = set()
    for key, g in groups.items():
        words = split_words(g.spans[0].text)
        if len(key) >= 2 and dominant(g.votes) == "ORG" and len(words) >= 2:
            for n in (1, 2):  # "New York Times" -> "Times", "Boston Red Sox" -> "Red Sox"
                if len(words) > n and len(key) > n and known_place(" ".join(words[:-n])):
                    longer[key[-n:]].add(key)
        elif len(key) >= 2 and dominant(g.votes) == "PERSON":
            surnames.add(key[-1])
    for key, g in groups.items():
        word = g.spans[0].text.strip()
        # two words are a name of their own ("Red Sox", "Blue Jays"); one word only a plural or a paper's head
        # (not an office: "Supreme Court" may be the country's beside a "Texas Supreme Court")
        if len(key) == 2:
            short = dominant(g.votes) == "ORG" and word.split()[-1].lower() not in _OFFICES
        else:
            short = len(key) == 1 and bool(_PLURAL_NAME.match(word) or word in _PAPER_HEADS)
        if not short or "norp" in g.families or key[-1] in surnames:
            continue  # "Jones" is Tom Jones, not "Dow Jones", when the story names him
        roots = {uf.find(k) for k in longer.get(key, ())}
        if len(roots) == 1:
            uf.union(key, roots.pop())
            for s in g.spans:
                s.votes = Counter({"ORG": 1.0})  # NER's other labels for the short form ("Bears" LOC) were slips
            g.votes = Counter({"ORG": float(len(g.spans))})


def merge_countries(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join the names of one country ("U.S.", "United States", "America"; "Britain", "UK"): the gazetteer's;
    and a U.S. state's name and its AP abbreviation ("California", "Calif.")."""
    countries = gazetteer().countries
    places = [(key, g.spans[0].text) for key, g in groups.items() if dominant(g.votes) in ("GPE", "LOC")]
    # a state the story abbreviates ("Ga.") is the state its full name means there too, not the country ("Georgia")
    abbreviated = {state_of(text) for _, text in places if place_key(text) in AP_STATES} - {None}
    by_code: dict[str, list[Key]] = defaultdict(list)
    for key, text in places:
        state = state_of(text)
        if state and (state in abbreviated or place_key(text) in AP_STATES):
            code: str | None = "state:" + state  # "Ga" is Georgia's abbreviation, not Gabon's country code
        else:
            code = countries.get(place_key(text)) or ("state:" + state if state else None)
        if code:
            by_code[code].append(key)
    for keys in by_code.values():
        for other in keys[1:]:
            uf.union(keys[0], other)


# Words after a region's own name that the name is written with or without ("Nangarhar Province", "Tigray Region",
# "Ahrweiler district"). Not "State", "County" or "City": "Ohio State", "Orange County" and "Mexico City" are others.
_ADMIN_HEADS = frozenset(token_key(w) for w in ("province", "governorate", "prefecture", "oblast", "region",
                                                "district", "krai", "voivodeship", "canton"))


def merge_admin_heads(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join a region written with its administrative word to its bare name, one typo apart or not: "Nangahar
    Province" is the "Nangarhar" of another outlet's "Nangarhar province" (QA round 22: two places)."""
    bare = [key for key, g in groups.items() if "place" in g.families]
    for key, g in groups.items():
        if len(key) < 2 or key[-1] not in _ADMIN_HEADS or "place" not in g.families:
            continue
        for other in bare:
            if other != key and keys_match(key[:-1], other):
                uf.union(key, other)


_BARE_HEADS = frozenset({token_key("department"), token_key("ministry")})


def merge_inversions(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join "Department of Justice" and "Justice Department" (the two are written interchangeably), and a
    department of a name of two words or more and that name alone when the story writes it as an organisation
    ("Department of Health and Human Services" / "Health and Human Services"; never "Justice" alone)."""
    for key in list(groups):
        other = inverted_name(key)
        if other in groups and "org" in groups[key].families | groups[other].families:
            uf.union(key, other)
        if other is not None and key[0] in _BARE_HEADS and len(other) >= 3:
            bare = other[:-1]
            if bare in groups and dominant(groups[bare].votes) == "ORG":
                uf.union(key, bare)


# Other names of one body: "House GOP" and "House Republicans" in one article (QA round 40 listed "GOP" apart from
# "Republicans").
_OTHER_NAMES = {"GOP": ("Republicans", "Republican", "Republican Party"),
                # and the Pentagon's ("the Pentagon cited ..." / "The Department of Defense announced ...": QA round 44)
                "Pentagon": ("Department of Defense", "Defense Department", "DoD")}


def merge_adjectives(groups: dict[Key, Group], uf: UnionFind) -> None:
    """Join a group's adjective and its noun, both tagged as groups of people: "Democratic" / "Democrat"
    ("Democrats" joins the noun as a variant), "Islamic" / "Islam"; and a body's other name (`_OTHER_NAMES`)."""
    for key, g in groups.items():
        if len(key) == 1 and key[0].endswith("ic") and dominant(g.votes) == "NORP":
            noun = (key[0][:-2],)
            if noun in groups and dominant(groups[noun].votes) == "NORP":
                uf.union(key, noun)
    for name, others in _OTHER_NAMES.items():
        if (key := name_key(name)) in groups:
            for other in map(name_key, others):
                if other in groups:
                    uf.union(key, other)


def cluster_votes(groups: dict[Key, Group], uf: UnionFind) -> dict[Key, Counter[str]]:
    """Label votes summed over each cluster."""
    votes: dict[Key, Counter[str]] = defaultdict(Counter)
    for key, g in groups.items():
        votes[uf.find(key)].update(g.votes)
    return votes


def name_parts(
    groups: dict[Key, Group], uf: UnionFind, votes: dict[Key, Counter[str]]
) -> dict[str, set[Key]]:
    """First and last token of every multi-token person name -> the clusters that have it."""
    parts: dict[str, set[Key]] = defaultdict(set)
    for key in groups:
        root = uf.find(key)
        if len(key) >= 2 and dominant(votes[root]) == "PERSON":
            parts[key[0]].add(root)
            parts[key[-1]].add(root)
    return parts


def reads_as_place(span: Span) -> bool:
    """The words around the span read it as a place (a cue vote beyond its own NER label)."""
    own = 1.0 if span.label in ("GPE", "LOC") else 0.0
    return span.votes["GPE"] + span.votes["LOC"] > own


def pick_person(
    part: str, source: str, parts: dict[str, set[Key]], presence: dict[Key, Counter[str]], local_only: bool,
    start: int = -1, named_at: dict[Key, dict[str, list[int]]] | None = None,
) -> Key | None:
    """The full name a lone name part at `start` refers to in `source`.

    A person of the same article with that first or last name wins, the most mentioned one if several
    ("Ri" -> the Ri mentioned most), among those the article has already named at that point when
    there are any (a brother named in the last paragraph does not take the "Gigante" of the lede);
    outside such an article the part is resolved when a single person in the story has it (for a
    `local_only` name, a part NER labelled otherwise, only when that person is named in full widely).
    """
    candidates = set(parts.get(part, ()))
    if not candidates:
        # A misspelt part ("Kharzen") is matched within its own article only: across the story one edit joins
        # other people ("his mother Denise" is not the marathon winner Lelisa Desisa named in another article).
        # And a surname only: given names lie one edit apart ("sold my Harley" is no Harvey Weinstein's).
        candidates = {r for p, roots in parts.items() if tokens_match(p, part)
                      for r in roots if presence[r][source] and r[-1] == p}
    local = [r for r in candidates if presence[r][source]]
    if named_at is not None and len(local) > 1:
        before = {r: bisect_left(named_at.get(r, {}).get(source, []), start) for r in local}
        if any(before.values()):
            local = [r for r in local if before[r]]
    # news calls a person by the surname: "Mitchell" beside Karen Mitchell and Mitchell Hernandez is hers (QA round 15)
    by_surname = [r for r in local if r[-1] == part]
    if len(local) > 1 and 0 < len(by_surname) < len(local):
        local = by_surname
    if len(local) > 1 and (best := _widely_named(local, presence)):
        # news names the story's own person by surname and a relative in full ("Chela Ortiz", his widow, in an
        # article that calls the murdered deputy "Ortiz" ten times): the one named far more widely is meant
        return best
    if local:
        return max(local, key=lambda r: (presence[r][source], sum(presence[r].values()), r))
    if not candidates:
        return None
    if len(candidates) == 1 and not local_only:
        return next(iter(candidates))
    # Several people share the name: the one the story names in full far more widely is meant ("Hansbrough"
    # in 6 round-ups is Tyler Hansbrough, named in 8 articles, not his father Gene, named in 2). So is the one
    # person of that name for a lone name NER labelled otherwise, when named widely ("Lohan", tagged ORG in 3
    # articles that never write "Lindsay", in a story naming her in full in 16).
    return _widely_named(candidates, presence)


def _widely_named(candidates: Iterable[Key], presence: dict[Key, Counter[str]]) -> Key | None:
    """The candidate named in far more of the story's articles than any other, or None."""
    spread = sorted(((sum(1 for n in presence[r].values() if n), r) for r in candidates), reverse=True)
    (top, best), second = spread[0], (spread[1][0] if len(spread) > 1 else 0)
    return best if top >= DOMINANT_SOURCES and top >= DOMINANT_RATIO * second else None


def person_tails(groups: dict[Key, Group], uf: UnionFind, votes: dict[Key, Counter[str]]) -> dict[Key, set[Key]]:
    """Last two tokens of every person name of 3+ tokens written twice or more -> the clusters that have them:
    "Dickson Wright" (a double surname) or "Jong Un" alone mean a person named in full elsewhere. A name
    written once may be NER's slip ("Office Stephen Johnson" of "Sheriff's Office Stephen Johnson ...")."""
    tails: dict[Key, set[Key]] = defaultdict(set)
    for key, g in groups.items():
        root = uf.find(key)
        if len(key) >= 3 and len(g.spans) >= 2 and dominant(votes[root]) == "PERSON":
            tails[key[-2:]].add(root)
    return tails


def pick_tail(candidates: set[Key], source: str, presence: dict[Key, Counter[str]]) -> Key | None:
    """The person of `source` whose full name ends so, the most mentioned one there (else the only one in the
    story); None when two people named in the article share it as often (a father and a daughter)."""
    local = sorted((presence[r][source] for r in candidates if presence[r][source]), reverse=True)
    if local and (len(local) == 1 or local[0] > local[1]):
        return max(candidates, key=lambda r: presence[r][source])
    return next(iter(candidates)) if not local and len(candidates) == 1 else None


def assign(spans: list[Span]) -> tuple[list[tuple[Span, Key]], dict[str, set[Key]]]:
    """Cluster the spans: each span with its cluster's root key; also the person name
    parts (first/last token of full names -> clusters), for the alias scan."""
    groups = group_spans(spans)
    uf = UnionFind(groups)
    merge_variants(groups, uf)
    merge_spacings(groups, uf)
    merge_initials(groups, uf)
    merge_nicknames(groups, uf)
    merge_bare_names(groups, uf)
    merge_nickname_forms(groups, uf)
    merge_short_names(groups, uf)
    merge_inversions(groups, uf)
    merge_adjectives(groups, uf)
    merge_countries(groups, uf)
    merge_admin_heads(groups, uf)
    link_acronyms(groups, uf)
    link_defined_acronyms(groups, uf)
    votes = cluster_votes(groups, uf)
    parts = name_parts(groups, uf, votes)
    # The parts "Mr. X" may be: the last, and the first unless the story writes the last alone ("Mr. Xi" is Xi
    # Jinping and "Mr. Kim" Kim Jong Un, but "Mr. Barak" is not Barack Obama of a story that writes "Obama").
    surnames: dict[str, set[Key]] = defaultdict(set)
    for key in groups:
        if len(key) >= 2 and dominant(votes[uf.find(key)]) == "PERSON":
            surnames[key[-1]].add(uf.find(key))
            if (key[-1],) not in groups:
                surnames[key[0]].add(uf.find(key))
    multi = {uf.find(k) for k in groups if len(k) >= 2}
    presence: dict[Key, Counter[str]] = defaultdict(Counter)
    named_at: dict[Key, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for key, g in groups.items():
        for s in g.spans:
            presence[uf.find(key)][s.source] += 1
            named_at[uf.find(key)][s.source].append(s.start)
    for by_source in named_at.values():
        for starts in by_source.values():
            starts.sort()
    tails = person_tails(groups, uf, votes)
    # "Ford" beside "Ford Motor Co." is the firm, whoever else the story names Ford
    firms = {k[0] for k in groups if len(k) >= 2 and dominant(votes[uf.find(k)]) == "ORG"}
    longest: Counter[Key] = Counter()
    for key in groups:
        root = uf.find(key)
        longest[root] = max(longest[root], len(key))
    out: list[tuple[Span, Key]] = []
    for key, g in groups.items():
        root = uf.find(key)
        # spaCy often labels a lone surname ORG ("Trump said") or GPE ("Lohan checked in", "Nunes showed"); such
        # a name is taken for the person only when that person is named in full in the same article, and a
        # GPE one only when no mention of it reads as a place ("in Washington").
        label = dominant(votes[root])
        # A NORP one too ("Ibanez playing left field", "Freese says"), for a person the same article names, unless
        # the name is used as a modifier ("the Genovese family", named after Vito Genovese, is not the man).
        unplaced = not any(reads_as_place(s) for s in g.spans)
        # (a name some sentence reads as a place is one, whatever NER's label: "a Waitrose supermarket in Surrey",
        # "Banstead, Surrey" is no "Surrey Fire" typed PERSON)
        lone = len(key) == 1 and root not in multi and (
            label == "PERSON" or label == "ORG" and key[0] not in firms
            or label in ("GPE", "LOC") and unplaced
            or label == "NORP" and not any(s.determined for s in g.spans))
        # a place label on a name no gazetteer knows and no sentence reads as a place is NER's guess: the one
        # person of the story with that name is meant, as for a name tagged PERSON ("Nicky", "Margot" of a review
        # naming Nicky Spurgeon and Margot Robbie)
        guessed = label in ("GPE", "LOC") and unplaced and not known_place(g.spans[0].text)
        tail = tails.get(key, set()) if len(key) == 2 and longest[root] == 2 and label == "PERSON" else set()
        if tail and 2 * sum(s.kin for s in g.spans) >= len(g.spans):
            # a relative named so beside a family word, mostly ("her first husband Humphrey Bogart", father of
            # "Stephen Humphrey Bogart", had been filed under the son in a QA brief): the name is a person of its own
            tail = set()
        # where an article names two people ending so as often, the one two or more other articles mean by it
        # ("Dickson Wright" where Clarissa Dickson Wright and, once, her baptismal "Louise Esmerelda Dickson Wright"
        # are named); one other article is too little to go on (a father and a daughter)
        tail_picks = {s.source: pick_tail(tail, s.source, presence) for s in g.spans} if tail else {}
        meant = {r for r in tail_picks.values() if r is not None}
        agreed = next(iter(meant)) if len(meant) == 1 and sum(r is not None for r in tail_picks.values()) >= 2 \
            else None
        for s in g.spans:
            # (a name NER read as a person's is one in each mention but one that reads as a place: "lived four blocks
            # from Woodward" had kept nine mentions of "Woodward" apart from Bob Woodward in QA round 33)
            target = pick_person(key[0], s.source, surnames if s.surname else parts, presence,
                                 label != "PERSON" and not guessed, s.start, named_at) \
                if lone and (unplaced or label != "PERSON" or not reads_as_place(s)) else None
            if tail:
                target = tail_picks[s.source]
                if target is None and agreed is not None and presence[agreed][s.source]:
                    target = agreed
            if target is not None:
                s.votes = Counter({"PERSON": 1.0})  # its ORG label was the NER slip
            out.append((s, target or root))
    return out, parts
