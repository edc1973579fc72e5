"""Where meetings happen: `/map/`, the timeline's filters, one dot per place sized by its
meetings, a click on a dot for that place's meetings.

The database groups the matching meetings by their place and country (one query,
however many meetings); each group is then put on the map here: at its gazetteer place
(places.py) when the place is one the gazetteer knows, else at its country's point (the
centroid of its shape: said in the legend), else it is counted as having no place.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q, QuerySet
from django.shortcuts import render
from django.utils.html import json_script
from django.utils.http import urlencode

from diplomacy.core.caching import lazy
from diplomacy.meetings.filters import MeetingFilter, invalid_filters
from diplomacy.meetings.models import Meeting
from diplomacy.meetings.places import attribution, country_point, place_of, place_point
from diplomacy.meetings.selectors import country_choices
from diplomacy.meetings.templatetags.analyst import country_name

PLACE_MEETINGS_SHOWN = 50
PLACES_LISTED = 25


class MapOptions(forms.Form):
    """The dot clicked: 'place:FR:Paris' or 'country:FR'."""

    at = forms.RegexField(required=False, regex=r"^(place:[A-Z]{2}:.{1,200}|country:[A-Z]{2})$")


@dataclass
class Dot:
    key: str
    label: str
    country: str
    lat: float
    lon: float
    fallback: bool  # at the country's point: the place itself has no coordinates
    count: int = 0
    sources: list[tuple[str, str]] = field(default_factory=list)  # (place, country) as stored


@dataclass
class MeetingMap:
    dots: list[Dot]
    total: int  # meetings matching the filters
    placeless: int  # with neither a known place nor a country: not on the map
    undated: int  # on the map (no date filter), but in no period

    @property
    def on_map(self) -> int:
        return self.total - self.placeless

    @property
    def at_country(self) -> int:
        return sum(dot.count for dot in self.dots if dot.fallback)


def _dot_for(place: str, country: str) -> Dot | None:
    spot = place_of(place, country)
    if spot is not None:
        name, code = spot
        lat, lon = place_point(name, code)
        return Dot(f"place:{code}:{name}", name, code, lat, lon, fallback=False)
    point = country_point(country)
    if point is None:
        return None
    return Dot(f"country:{country}", country_name(country), country, *point, fallback=True)


def place_groups(meetings: QuerySet) -> list[dict]:
    """Meetings per stored (place, country), with how many of them are undated."""
    return list(
        meetings.order_by()
        .values("place", "country")
        .annotate(n=Count("pk"), undated=Count("pk", filter=Q(date=None)))
    )


def meeting_map(meetings: QuerySet) -> MeetingMap:
    """The dots of these meetings, biggest first, and what could not be placed."""
    dots: dict[str, Dot] = {}
    total = placeless = undated = 0
    for group in place_groups(meetings):
        total += group["n"]
        undated += group["undated"]
        dot = _dot_for(group["place"], group["country"])
        if dot is None:
            placeless += group["n"]
            continue
        dot = dots.setdefault(dot.key, dot)
        dot.count += group["n"]
        dot.sources.append((group["place"], group["country"]))
    ranked = sorted(dots.values(), key=lambda d: (-d.count, d.label, d.key))
    return MeetingMap(dots=ranked, total=total, placeless=placeless, undated=undated)


def dot_meetings(meetings: QuerySet, dot: Dot) -> QuerySet:
    """The meetings of one dot: those stored with one of its (place, country) pairs."""
    which = Q(pk__in=[])
    for place, country in dot.sources:
        which |= Q(place=place, country=country)
    return meetings.filter(which)


def map_json(found: MeetingMap) -> dict:
    return {
        "dots": [
            {
                "key": d.key,
                "label": d.label,
                "country": d.country,
                "lat": d.lat,
                "lon": d.lon,
                "count": d.count,
                "fallback": d.fallback,
            }
            for d in found.dots
        ],  # fmt: skip
    }


MAP_PARAMETERS = (*MeetingFilter.base_fields, "at")


def _query(data, **changes) -> str:
    kept = {k: v for k, v in data.items() if k in MAP_PARAMETERS and v}
    kept.update(changes)
    return urlencode({k: v for k, v in kept.items() if v is not None})


def map_page(request):
    """`/map/`: the dots for the filters; with `at`, the meetings of that dot below."""
    filters = MeetingFilter(request.GET)
    invalid = invalid_filters(MeetingFilter, request.GET) or invalid_filters(
        MapOptions, request.GET
    )
    status = 400 if invalid else 200
    at = "" if invalid else request.GET.get("at", "")
    meetings = lazy(lambda: filters.apply(Meeting.objects.visible()))
    found = lazy(lambda: meeting_map(meetings))

    def chosen() -> dict | None:
        dot = next((d for d in found.dots if d.key == at), None)
        if dot is None:
            return None
        rows = dot_meetings(filters.apply(Meeting.objects.for_timeline()), dot)
        return {"dot": dot, "meetings": list(rows[:PLACE_MEETINGS_SHOWN])}

    context = {
        "filters": filters,
        "invalid": invalid,
        "found": found,
        "chosen": lazy(chosen) if at else None,
        "at": at,
        "map_script": lazy(lambda: json_script(map_json(found), "map-data")),
        "listed": lazy(lambda: found.dots[:PLACES_LISTED]),
        "query": _query(request.GET, at=None),
        "attribution": attribution(),
        "countries": lazy(_countries),
        "shown": PLACE_MEETINGS_SHOWN,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "meetings/map.html#map-body", context, status=status)
    return render(request, "meetings/map.html", context, status=status)


def _countries() -> list[str]:
    return country_choices()
