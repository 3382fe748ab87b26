"""Name normalisation: transliteration-tolerant keys and the token-by-token match rule.

A name becomes a tuple of token keys. Two spellings are the same name when they
have the same number of tokens and every token pair matches: equal keys, or (for
long tokens only) one typo-like edit apart. Comparing whole strings instead would
merge different people who share most letters ("Ri Song Ho" / "Ri Song Il").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA
from unidecode import unidecode

# Generic romanisation equivalences, applied in order to a lower-cased ASCII token.
# Each pair is a spelling choice that different transliteration systems make for
# the same sound; vowels o/u, e/a and y/i vary most between systems.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"kh", "ch"),  # Kh/Ch for the same fricative
        (r"^ts", "c"),  # Wade-Giles ts- vs pinyin c-
        (r"ph", "f"),
        (r"w", "v"),
        (r"ck", "k"),
        (r"ou", "u"),
        (r"y", "i"),
        (r"o", "u"),
        (r"e", "a"),
        (r"(.)\1+", r"\1"),  # double letters: -mm-/-m-, -yy/-y
    )
)

# Lower-case particles that some spellings keep and others drop or capitalise
# ("al-Assad" / "Al Assad" / "Assad"); they never distinguish two people.
PARTICLES = frozenset(
    {"al", "el", "ibn", "bin", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le"}
)
# Generational suffixes do not change who is meant in a news story.
_SUFFIXES = frozenset({"jr", "sr"})
# ... nor does a numeral after a first and last name ("Michael Egan III"); after one word it names ("Level II").
_GENERATIONS = frozenset({"II", "III", "IV"})
_ROMAN = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")

# A player's position, written before the name as a title is ("Kicker Ryan Succop", "QB Andrew Luck").
POSITIONS = frozenset({"quarterback", "qb", "kicker", "punter", "receiver", "linebacker", "cornerback", "tailback",
                       "halfback", "fullback", "pitcher", "shortstop", "goalkeeper", "goalie", "midfielder", "striker",
                       "defenseman"})
# Honorifics and offices stripped from the front of person names ("Mr. X", "President X"), and positions.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "state",
        "deputy",
        "supreme",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "general",
        "gen",
        "adm",
        "admiral",
        "col",
        "colonel",
        "lt",
        "lieutenant",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "maj",
        "major",
        "marshal",
        "commander",
        "cmdr",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "pres",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "pope",
        "cardinal",
        "bishop",
        "rev",
        "reverend",
        "father",
        "sheikh",
        "judge",
        "justice",
        "ambassador",
        "envoy",
        "speaker",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "chief",
        "ceo",
        "crown",
        "field",
        "army",
        "navy",
        # nobility and police ranks ("Viscount Arthur X", "Detective Inspector Jane Roe"); not "earl", "count" or
        # "duke", which are also given names
        "viscount",
        "viscountess",
        "vicomte",
        "vicomtesse",
        "baron",
        "baroness",
        "duchess",
        "marquess",
        "marquis",
        "countess",
        "inspector",
        "insp",
        "detective",
        "det",
        "constable",
        "superintendent",
        "supt",
        "sheriff",
        # a photo credit's marker ("Courtesy Sara Carson"), not part of the name
        "courtesy",
        # legislators and local offices ("Congressman Wolf" is Frank R. Wolf, "Assemblyman Dov Hikind")
        "congressman",
        "congresswoman",
        "congressmember",
        "assemblyman",
        "assemblywoman",
        "assemblymember",
        "councilman",
        "councilwoman",
        "councilmember",
        "alderman",
        "alderwoman",
        "delegate",
        "commissioner",
        "attorney",
        "district",
        "commodore",
        "officer",
        "trooper",
        "coach",
        "rabbi",
        "imam",
        "pastor",
    ]
) | POSITIONS

_APOS = "'’‘`´"  # ‘ too: CMS text often writes 'Modern Family‘s'
# A nickname quoted inside a person's name ('Vincent "The Chin" Gigante'): not part of the name's key.
NICKNAME = re.compile(r"\s[\"“][^\"“”]{1,30}[\"”]\s")
POSSESSIVE = re.compile(rf"[{_APOS}]s?$")
_WORD_SPLIT = re.compile(r"[\s\-‐‑–_/]+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_INITIAL = re.compile(r"^[A-Za-z]\.?$")
# Small function words skipped when forming an acronym ("Joint Maritime Council" -> JMC).
_ACRONYM_SKIP = frozenset(
    {"of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "&", "de", "du", "des"}
)


_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def token_key(token: str) -> str:
    """Transliteration-normalised key of one name token: "Song" -> "sung", "Kharzan" -> "charzan".
    Roman numerals keep their exact letters ("II" and "III" differ), and ordinals their digits ("117th Street" and
    "27th Street" had both keyed as "th street")."""
    if _ROMAN.match(token) or _ORDINAL.match(token):
        return token.lower()
    key = re.sub(r"[^a-z]", "", unidecode(token).lower())
    for pattern, repl in _RULES:
        key = pattern.sub(repl, key)
    return key


def split_words(name: str) -> list[str]:
    """The words of a name, splitting on spaces and hyphens ("Sol-hwa" is "Sol", "hwa")."""
    return [w for w in _WORD_SPLIT.split(name.strip()) if w]


# Abbreviations of a place name's generic word: "Mt Cook" is "Mount Cook", "Ft. Worth" "Fort Worth".
_SPELT_OUT = {"Mt": token_key("Mount"), "Ft": token_key("Fort")}


@lru_cache(maxsize=8192)
def name_key(name: str) -> tuple[str, ...]:
    """Key of a whole name: token keys without particles, suffixes and possessive endings.

    Middle initials are kept: "George W. Bush" and "George H. W. Bush" are different
    people; `cluster.merge_initials` joins "George Bush" to one of them only when the
    story has just one.
    """
    words = split_words(POSSESSIVE.sub("", NICKNAME.sub(" ", name.strip())))
    if len(words) >= 3 and words[-1] in _GENERATIONS:
        words = words[:-1]  # "Michael Egan III" is the Michael Egan of the story ("World War II": two words before)
    keys = []
    for w in words:
        k = _SPELT_OUT.get(w.rstrip("."), token_key(w))
        if not k or k in _SUFFIXES:
            continue
        if k in PARTICLES and len(words) > 1:
            continue
        keys.append(k)
    return tuple(keys)


_COMPASS = frozenset(token_key(w) for w in (
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    "eastern", "western", "northern", "southern"))


def tokens_match(a: str, b: str) -> bool:
    """Two token keys name the same thing: equal, or long and one typo/transposition apart (never two points of
    the compass: "Southwest" and "Southeast" key one letter apart)."""
    if a == b:
        return True
    return (len(a) >= 6 and len(b) >= 6 and a[0] == b[0] and OSA.distance(a, b) <= 1
            and not (a in _COMPASS or b in _COMPASS))


def keys_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every token matches its counterpart (same count, same order); a guard against merging
    different people who share a name part."""
    return len(a) == len(b) and all(tokens_match(x, y) for x, y in zip(a, b, strict=True))


def is_initial_key(token: str) -> bool:
    """A token key that is a lone initial ("W." -> "v")."""
    return len(token) == 1


def is_acronym(text: str) -> bool:
    """An upper-case abbreviation such as "WHO", "U.N." or "NATO"."""
    return bool(_ACRONYM.match(text.strip()))


def acronym_letters(text: str) -> str:
    """The letters of an acronym: "U.N." -> "UN"."""
    return text.replace(".", "").strip().upper()


def initials(name: str) -> set[str]:
    """Acronyms a long name can have: initials of its capitalised words, with and without
    the small function words ("Bank of the North" -> {"BN", "BOTN"})."""
    words = split_words(name)
    if len(words) < 2:
        return set()
    # an acronym inside the name gives all its letters: "U.S. Geological Survey" is the "USGS"
    main = "".join(acronym_letters(w) if is_acronym(w) else w[0] for w in words
                   if w.lower() not in _ACRONYM_SKIP and w[0].isupper())
    every = "".join(w[0] for w in words if w[0].isalpha()).upper()
    found = {x for x in (main.upper(), every) if len(x) >= 2}
    if len(words) >= 3 and is_acronym(words[0]):
        found |= initials(" ".join(words[1:]))  # "U.S. Food and Drug Administration" is also the "FDA"
    return found


def is_initial(word: str) -> bool:
    """A single letter, optionally with a dot ("W.")."""
    return bool(_INITIAL.match(word))


def is_title(word: str) -> bool:
    """An honorific or office that may precede a person's name ("Marshals" too)."""
    w = word.rstrip(".").lower()
    return w in TITLES or (w.endswith("s") and w[:-1] in TITLES)
