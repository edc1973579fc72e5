"""Places: country names, adjectives and demonyms, capitals, cities and venues.

Country names in the eight languages come from CLDR (``country_names.py``, generated
at build time with babel by ``data/build_country_names.py``). Adjectives and demonyms
(``data/geo/adjectives.toml``), extra country names, cities, capitals, venues and US
states (``data/geo/places.toml``) are curated data files. Adjectives are written as
stems with a ``*`` where the language's inflection endings (the lexicon's
``adjective_endings``) attach, so ``chinez*`` covers chinez, chineză, chinezul,
chinezului, chinezi... and ``китайск*`` covers every case form. Matching is on folded
tokens (lower case, Latin accents removed, hyphens split), so a form of several words is
written with hyphens ("North-Korean*"): forms are separated by spaces.
"""

from __future__ import annotations

import tomllib

from diplomacy.extraction import datafiles, lexicon
from diplomacy.extraction.country_names import COUNTRY_NAMES

GEO_DIR = datafiles.DATA_DIR / "geo"
# The keys each geo file must have.
PLACES_FIELDS = (
    "family_name_first",
    "given_name_first",
    "us_states",
    "capitals",
    "country_extra",
    "cities",
    "venues",
)
ADJECTIVES_FIELDS = ("adjectives",)


def load_geo_file(name: str, fields: tuple[str, ...], directory=GEO_DIR) -> dict:
    """A geo data file, checked to have every field."""
    path = directory / name
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    missing = [key for key in fields if key not in data]
    if missing:
        raise datafiles.DataFileError(f"geo file {name}: missing field(s): {', '.join(missing)}")
    return data


def check_adjectives(table: dict[str, dict[str, str]], name: str = "adjectives.toml") -> None:
    """Every country of the adjective table gives each language (``""`` for none) and
    no other key: a language forgotten for one country would silently miss it."""
    for code, by_language in table.items():
        missing = [lang for lang in datafiles.LANGUAGES if lang not in by_language]
        unknown = [key for key in by_language if key not in datafiles.LANGUAGES]
        if missing or unknown:
            problems = []
            if missing:
                problems.append(f"missing language(s): {', '.join(missing)}")
            if unknown:
                problems.append(f"unknown language(s): {', '.join(unknown)}")
            raise datafiles.DataFileError(f"geo file {name}: {code}: " + "; ".join(problems))


_PLACES = load_geo_file("places.toml", PLACES_FIELDS)
_ADJECTIVES = load_geo_file("adjectives.toml", ADJECTIVES_FIELDS)
check_adjectives(_ADJECTIVES["adjectives"])

ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = lexicon.table("adjective_endings")
# Romanian articled demonyms used as nouns for a person ("rusul", "pe nord-coreean").
DEMONYM_PERSON_ENDINGS: dict[str, tuple[str, ...]] = lexicon.table("demonym_person_endings")
# Extra country names: short forms, acronyms and official names CLDR does not list.
COUNTRY_EXTRA: dict[str, list[str]] = _PLACES["country_extra"]
# Country adjectives and demonyms: {country: {language: "form form stem* ..."}}.
_ADJ: dict[str, dict[str, str]] = _ADJECTIVES["adjectives"]
# Cities: (English name, country, local names). Capitals are marked in CAPITALS below.
_CITIES: list[tuple[str, str, list[str]]] = [
    (c["name"], c["country"], c["forms"]) for c in _PLACES["cities"]
]
# Capital of each country, for "capitala chineză", "the DPRK capital", "столица Китая".
CAPITALS: dict[str, str] = _PLACES["capitals"]
# Seats of power that stand for their city (annotation convention: Élysée → Paris).
_VENUES: list[tuple[str, str, list[str]]] = [
    (v["name"], v["country"], v["forms"]) for v in _PLACES["venues"]
]
# Subdivisions whose name after a comma places an unknown town ("in Woodside, California").
US_STATES: list[str] = _PLACES["us_states"]
# Countries where the family name comes first: its first word is the bare surname.
FAMILY_NAME_FIRST: frozenset[str] = frozenset(_PLACES["family_name_first"])
# Countries whose people go by their first name: it is a short form too.
GIVEN_NAME_FIRST: frozenset[str] = frozenset(_PLACES["given_name_first"])


def load_country_names() -> dict[str, list[str]]:
    names = {code: list(forms) for code, forms in COUNTRY_NAMES.items()}
    for code, extra in COUNTRY_EXTRA.items():
        names.setdefault(code, []).extend(n for n in extra if not n.endswith("_"))
    return names


def adjective_forms() -> list[tuple[str, str, str]]:
    """Every (form, country, language) of the adjective table, stems expanded."""
    forms = []
    for code, by_language in _ADJ.items():
        for language, spec in by_language.items():
            for item in spec.split():
                if item.endswith("*"):
                    forms.extend(
                        (item[:-1] + end, code, language) for end in ADJECTIVE_ENDINGS[language]
                    )
                else:
                    forms.append((item, code, language))
    return forms


def cities() -> list[tuple[str, str, str]]:
    """(surface form, English name, country) for every city and local name."""
    return [(form, name, code) for name, code, forms in _CITIES for form in forms]


def venues() -> list[tuple[str, str, str]]:
    return [(form, city, code) for city, code, forms in _VENUES for form in forms]
