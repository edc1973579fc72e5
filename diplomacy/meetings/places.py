"""Where places are and which region a country is in, for the map and the network.

Read from ``data/places.json`` (built by ``data/build_places.py`` from GeoNames and the
Natural Earth shapes; nothing is fetched at run time). A meeting's place is free text:
the engine writes the gazetteer's English name ("Beijing"), an import may write another
form ("Moscova", "Mexico, D.F."); any name the gazetteer knows for a place finds it.
"""

import functools
import json
from pathlib import Path

from diplomacy.extraction import geo
from diplomacy.leaders.models import normalize_name

DATA = Path(__file__).resolve().parent / "data" / "places.json"

# Region of a country (GeoNames' continent) → the colour it is drawn in: distinct hues,
# dark enough for white text and for a thin line on white.
REGION_COLOURS = {
    "Europe": "#1f6fb4",
    "Asia": "#c2410c",
    "North America": "#15803d",
    "South America": "#7c3aed",
    "Africa": "#a16207",
    "Oceania": "#0e7490",
    "Antarctica": "#64748b",
}
NO_REGION = "No country"
NO_REGION_COLOUR = "#6b7280"


@functools.cache
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def attribution() -> str:
    return _data()["attribution"]


def country_region(code: str) -> str:
    """The region of an ISO 3166-1 alpha-2 code, or NO_REGION."""
    row = _data()["countries"].get((code or "").upper())
    return row["region"] if row else NO_REGION


def region_colour(region: str) -> str:
    return REGION_COLOURS.get(region, NO_REGION_COLOUR)


def country_point(code: str) -> tuple[float, float] | None:
    """(latitude, longitude) a country's meetings fall back to: the centroid of its
    largest shape, or its capital for a country too small for the shapes."""
    row = _data()["countries"].get((code or "").upper())
    return tuple(row["at"]) if row and row["at"] else None


@functools.cache
def _names() -> dict[str, list[tuple[str, str]]]:
    """Folded name → [(gazetteer name, country)] of every name of every located place."""
    located = _data()["places"]
    names: dict[str, list[tuple[str, str]]] = {}

    def add(form: str, name: str, country: str) -> None:
        if name in located.get(country, {}):
            spots = names.setdefault(normalize_name(form), [])
            if (name, country) not in spots:
                spots.append((name, country))

    for country, spots in located.items():
        for name in spots:
            add(name, name, country)
    gazetteer = geo.load_geo_file("places.toml", geo.PLACES_FIELDS)
    for entry in gazetteer["cities"] + gazetteer["venues"]:
        for form in entry["forms"]:
            add(form, entry["name"], entry["country"])
    return names


@functools.cache
def place_of(text: str, country: str) -> tuple[str, str] | None:
    """The gazetteer place (name, country) a meeting's place names, or None. With the
    meeting's country, a place of that country; without, the name must be unambiguous.
    "Mexico, D.F." is tried whole, then before its first comma."""
    folded = normalize_name(text or "")
    if not folded:
        return None
    for key in dict.fromkeys([folded, normalize_name(text.split(",")[0])]):
        spots = _names().get(key, [])
        if country:
            spots = [spot for spot in spots if spot[1] == country.upper()]
        if len(spots) == 1:
            return spots[0]
    return None


def place_point(name: str, country: str) -> tuple[float, float]:
    """(latitude, longitude) of a gazetteer place that place_of returned."""
    return tuple(_data()["places"][country][name])
