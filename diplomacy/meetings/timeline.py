"""The timeline drawn on a time axis (the default of `/`): a density band of meetings per
year, month, week or day, stacked by kind, or the meetings themselves when few enough are
in view, and one lane per selected leader.

The page (`timeline_chart`) is the filter form and an empty chart; static/js/timeline.js
draws it with d3 from `timeline_data` (JSON), asking only for the window in view each time
the analyst zooms or pans. The filters mean what they mean on the list: the same
MeetingFilter narrows the same meetings. Several `leader` parameters select lanes: the
meetings of any of them, each counted in the lane of every selected participant.

Density comes from the month counts (models.MonthCount, kept in step on every write by
meetings/month_counts.py) when the buckets are months or years and the filters are ones
the counts are kept by (a country, a kind, a status, leaders, whole months of dates);
otherwise, and for weeks and days, it is counted from the meetings through the index of
their dates (meeting_density_idx), or the filter's own index.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Max, Min, Sum, Value
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from diplomacy.core.caching import cached_response, form_values, lazy
from diplomacy.leaders.models import Leader
from diplomacy.meetings.filters import MeetingFilter, invalid_filters, leader_from_param
from diplomacy.meetings.models import Meeting, MonthCount, Participation
from diplomacy.meetings.month_counts import UNDATED, month_index, month_start
from diplomacy.meetings.selectors import country_choices
from diplomacy.meetings.templatetags.analyst import country_name

MARKS_CAP = 500  # meetings drawn one by one at most; past it, the density band
MAX_LANES = 12
# The widest and narrowest windows, and the span of each bucket unit.
EARLIEST, LATEST = date(1000, 1, 1), date(2999, 12, 31)
MIN_SPAN_DAYS = 2
UNITS = ("year", "month", "week", "day")
KINDS = [value for value, _ in Meeting.Kind.choices]


# --- parameters ---------------------------------------------------------------------


def leader_values(data) -> list[str]:
    """The `leader` parameters given, non-empty, each once, in their order (the form
    sends its empty 'add a leader' field too)."""
    raw = data.getlist("leader") if hasattr(data, "getlist") else [data.get("leader", "")]
    seen = []
    for value in raw:
        value = (value or "").strip()
        if value and value not in seen:
            seen.append(value)
    return seen


def _clean_leaders(data) -> list[str]:
    values = leader_values(data)
    field = MeetingFilter.base_fields["leader"]
    for value in values:
        try:
            field.clean(value)
        except ValidationError as error:
            raise ValidationError(f"leader: {' '.join(error.messages)}") from None
    if len(values) > MAX_LANES:
        raise ValidationError(f"leader: at most {MAX_LANES} leaders at once.")
    return values


def _clean_date(data, name: str) -> date | None:
    raw = data.get(name, "")
    if not raw:
        return None
    try:
        day = forms.DateField().clean(raw)
    except ValidationError:
        raise ValidationError(f"{name}: enter a date as YYYY-MM-DD.") from None
    return min(max(day, EARLIEST), LATEST)


def view_values(data, *, strict: bool = False) -> dict:
    """What the timeline page reads besides MeetingFilter's fields: the view (chart or
    list), every leader and the window, cleaned (for cache keys and the JSON endpoint).
    Not strict: a value that does not clean is kept marked, as form_values does."""
    values = {"view": "list" if data.get("view") == "list" else "chart"}
    for name, clean in (
        ("leader", _clean_leaders),
        ("start", lambda d: _clean_date(d, "start")),
        ("end", lambda d: _clean_date(d, "end")),
    ):
        try:
            values[name] = clean(data)
        except ValidationError:
            if strict:
                raise
            values[name] = ["invalid", data.getlist(name) if hasattr(data, "getlist") else []]
    if strict and values["start"] and values["end"] and values["start"] > values["end"]:
        raise ValidationError("start: must not be after end.")
    return values


def timeline_parameters(request) -> dict:
    """Every parameter of the JSON endpoint, cleaned; a wrong one raises ValidationError
    (answered 400 with the reason by cached_response)."""
    values = form_values(MeetingFilter, request.GET, strict=True)
    values.pop("leader", None)
    extra = view_values(request.GET, strict=True)
    return {
        **values,
        "leader": extra["leader"],
        "start": extra["start"].isoformat() if extra["start"] else None,
        "end": extra["end"].isoformat() if extra["end"] else None,
    }


def filter_query(data, **changes) -> str:
    """The query string of the filters (every leader included) with some parameters
    changed or dropped (None): for the tabs, the chips and the chart's data address."""
    pairs = [(k, v) for k in MeetingFilter.base_fields if k != "leader" if (v := data.get(k))]
    pairs += [("leader", v) for v in leader_values(data)]
    for name in ("view", "start", "end"):
        if data.get(name):
            pairs.append((name, data.get(name)))
    for name, value in changes.items():
        pairs = [(k, v) for k, v in pairs if k != name]
        if value is not None:
            pairs += [(name, v) for v in (value if isinstance(value, list) else [value])]
    return urlencode(pairs)


# --- what is selected -----------------------------------------------------------------


class Selection:
    """The filters of a request with its leaders apart: MeetingFilter for everything else,
    and the leaders each resolved once (a slug, a name or an alias, as on the list)."""

    def __init__(self, data, leaders: list[str]):
        plain = {k: v for k in MeetingFilter.base_fields if k != "leader" if (v := data.get(k))}
        self.filters = MeetingFilter(plain)
        self.leader_values = leaders
        self.lanes: list[Leader] = []
        self.unknown: list[str] = []
        for value in leaders:
            leader = leader_from_param(value)
            if leader is None:
                self.unknown.append(value)
            elif leader not in self.lanes:
                self.lanes.append(leader)

    @property
    def cleaned(self) -> dict:
        return self.filters.cleaned_data if self.filters.is_valid() else {}

    def meetings(self, base=None):
        """The meetings selected: the filters, and with leaders given, the meetings of any
        of them (none when none of them is known)."""
        meetings = self.filters.apply(base if base is not None else Meeting.objects.visible())
        if self.leader_values:
            if not self.lanes:
                return meetings.none()
            meetings = meetings.filter(
                pk__in=Participation.objects.filter(leader__in=self.lanes).values("meeting_id")
            )
        return meetings

    def facet(self) -> tuple[list[int], str] | None:
        """(leader ids or [0], country or '') when the month counts can answer for these
        filters, else None."""
        data = self.cleaned
        if not self.filters.is_valid() or (data.get("q") or "").strip():
            return None
        if self.leader_values and not self.lanes:
            return None
        country = data.get("country") or ""
        if self.lanes and country:
            return None
        return [leader.pk for leader in self.lanes] or [0], country


def any_of_leaders(meetings, data):
    """The list's meetings with several leaders selected: those of any of them (with one,
    MeetingFilter has already narrowed them)."""
    values = leader_values(data)
    if len(values) <= 1:
        return meetings
    return Selection({}, values).meetings(meetings)


def list_filter_data(data):
    """The GET parameters as the list's MeetingFilter should read them: its one `leader`
    is the only leader given, or none when several are (any_of_leaders applies those)."""
    plain = data.copy()
    values = leader_values(data)
    plain.setlist("leader", values if len(values) == 1 else [])
    return plain


# --- buckets ------------------------------------------------------------------------


def unit_for(start: date, end: date) -> str:
    """Buckets from the span in view: about 10 to 200 of them whatever the zoom."""
    days = (end - start).days
    if days > 15 * 366:
        return "year"
    if days > 400:
        return "month"
    if days > 92:
        return "week"
    return "day"


def bucket_floor(day: date, unit: str) -> date:
    if unit == "year":
        return date(day.year, 1, 1)
    if unit == "month":
        return day.replace(day=1)
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day


def bucket_next(day: date, unit: str) -> date:
    """The first day of the bucket after the one that starts on `day`."""
    if unit == "year":
        return date(day.year + 1, 1, 1)
    if unit == "month":
        return month_start(month_index(day) + 1)
    return day + timedelta(days=7 if unit == "week" else 1)


Counts = Counter  # {(lane index or None, bucket start, kind): meetings}


def _lane_of(selection: Selection) -> dict[int, int | None]:
    return {leader.pk: index for index, leader in enumerate(selection.lanes)} or {0: None}


def _table_counts(selection: Selection, first: int, last: int, unit: str) -> Counts:
    """Whole months first..last (month_index) from the month counts."""
    leader_ids, country = selection.facet()
    rows = MonthCount.objects.filter(
        leader_id__in=leader_ids, country=country, month__gte=first, month__lte=last
    )
    if kind := selection.cleaned.get("kind"):
        rows = rows.filter(kind=kind)
    if status := selection.cleaned.get("status"):
        rows = rows.filter(status=status)
    bucket = F("month") / 12 if unit == "year" else F("month")
    lanes = _lane_of(selection)
    found = Counts()
    for row in (
        rows.values(lane=F("leader_id"), bucket=bucket, k=F("kind"))
        .annotate(n=Sum("meetings"))
        .order_by()
    ):
        start = date(row["bucket"], 1, 1) if unit == "year" else month_start(row["bucket"])
        found[(lanes[row["lane"]], start, row["k"])] += row["n"]
    return found


def _direct_counts(selection: Selection, lo: date, hi: date, unit: str) -> Counts:
    """Counted from the meetings between lo and hi, bucketed by `unit`."""
    meetings = selection.filters.apply(Meeting.objects.visible()).filter(date__gte=lo, date__lte=hi)
    lanes = _lane_of(selection)
    if selection.leader_values:
        if not selection.lanes:
            return Counts()
        meetings = meetings.filter(participations__leader__in=selection.lanes)
        lane = F("participations__leader")
    else:
        lane = Value(0)
    if unit in ("day", "week"):
        keys = {"day": F("date")}
    elif unit == "month":
        keys = {"year": ExtractYear("date"), "month": ExtractMonth("date")}
    else:
        keys = {"year": ExtractYear("date")}
    found = Counts()
    rows = meetings.values(lane=lane, k=F("kind"), **keys).annotate(n=Count("pk")).order_by()
    for row in rows:
        if "day" in row:
            start = bucket_floor(row["day"], unit)
        else:
            start = date(row["year"], row.get("month", 1), 1)
        found[(lanes[row["lane"]], start, row["k"])] += row["n"]
    return found


def density(selection: Selection, lo: date, hi: date, unit: str) -> Counts:
    """Meetings per bucket, kind and lane between lo and hi (whole buckets), within the
    date filters. Whole months from the month counts where they can answer; the rest
    (part months at the edges of a date filter, weeks, days, other filters) counted."""
    data = selection.cleaned
    start, end = max(lo, data.get("date_from") or lo), min(hi, data.get("date_to") or hi)
    if start > end:
        return Counts()
    if unit in ("day", "week") or selection.facet() is None:
        return _direct_counts(selection, start, end, unit)
    first, last = month_index(start), month_index(end)
    whole_from = first if start.day == 1 else first + 1
    whole_to = last if end + timedelta(days=1) == month_start(last + 1) else last - 1
    if whole_from > whole_to:
        return _direct_counts(selection, start, end, unit)
    found = _table_counts(selection, whole_from, whole_to, unit)
    if whole_from > first:
        found += _direct_counts(selection, start, month_start(whole_from) - timedelta(1), unit)
    if whole_to < last:
        found += _direct_counts(selection, month_start(whole_to + 1), end, unit)
    return found


def undated_counts(selection: Selection) -> list[int]:
    """Meetings the axis cannot place (no date) under the filters, per lane (one number
    without lanes). A date filter leaves none."""
    data = selection.cleaned
    size = len(selection.lanes) or 1
    if data.get("date_from") or data.get("date_to"):
        return [0] * size
    lanes = _lane_of(selection)
    if (facet := selection.facet()) is not None:
        leader_ids, country = facet
        rows = MonthCount.objects.filter(leader_id__in=leader_ids, country=country, month=UNDATED)
        for name in ("kind", "status"):
            if value := data.get(name):
                rows = rows.filter(**{name: value})
        rows = rows.values(lane=F("leader_id")).annotate(n=Sum("meetings")).order_by()
    elif selection.leader_values and not selection.lanes:
        return [0]
    else:
        meetings = selection.filters.apply(Meeting.objects.visible()).filter(date=None)
        lane = Value(0)
        if selection.lanes:
            meetings = meetings.filter(participations__leader__in=selection.lanes)
            lane = F("participations__leader")
        rows = meetings.values(lane=lane).annotate(n=Count("pk")).order_by()
    found = {lanes[row["lane"]]: row["n"] for row in rows}
    return [found.get(i if selection.lanes else None, 0) for i in range(size)]


def extent(selection: Selection) -> tuple[date, date] | None:
    """The first and last date of the meetings selected, or None when there are none."""
    facet = selection.facet()
    if facet is not None:
        leader_ids, country = facet
        rows = MonthCount.objects.filter(
            leader_id__in=leader_ids, country=country, month__gt=UNDATED, meetings__gt=0
        )
        for name in ("kind", "status"):
            if value := selection.cleaned.get(name):
                rows = rows.filter(**{name: value})
        found = rows.aggregate(first=Min("month"), last=Max("month"))
        if found["first"] is None:
            return None
        first = month_start(found["first"])
        last = month_start(found["last"] + 1) - timedelta(days=1)
    else:
        found = selection.meetings().aggregate(first=Min("date"), last=Max("date"))
        if found["first"] is None:
            return None
        first, last = found["first"], found["last"]
    data = selection.cleaned
    return max(first, data.get("date_from") or first), min(last, data.get("date_to") or last)


def default_window(selection: Selection) -> tuple[date, date]:
    """Everything selected, in whole years; the date filters when given; the last year
    when nothing is."""
    data = selection.cleaned
    found = extent(selection)
    if found is None:
        today = date.today()
        first, last = data.get("date_from") or today - timedelta(365), data.get("date_to") or today
        return min(first, last), max(first, last)
    first = data.get("date_from") or date(found[0].year, 1, 1)
    last = data.get("date_to") or date(found[1].year, 12, 31)
    return first, last


# --- marks --------------------------------------------------------------------------


def _date_label(day: date, precision: str) -> str:
    """Meeting.date_label, from the values alone."""
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


MARK_FIELDS = ("pk", "date", "date_precision", "kind", "status", "place", "country", "occasion")


def marks(selection: Selection, start: date, end: date) -> list[dict] | None:
    """The meetings in the window, oldest first, or None past MARKS_CAP. Two queries of
    plain values (no model instances: 500 of them with their people, their labels and
    their addresses cost more than the queries)."""
    rows = list(
        selection.meetings()
        .filter(date__gte=start, date__lte=end)
        .order_by("date", "pk")
        .values_list(*MARK_FIELDS)[: MARKS_CAP + 1]
    )
    if len(rows) > MARKS_CAP:
        return None
    people: dict[int, list[tuple[str, int]]] = {row[0]: [] for row in rows}
    for meeting_id, leader_id, name in Participation.objects.filter(
        meeting_id__in=list(people)
    ).values_list("meeting_id", "leader_id", "leader__name"):
        people[meeting_id].append((name, leader_id))
    lanes = _lane_of(selection)
    url = reverse("meeting", args=[0])[: -len("0/")]
    countries: dict[str, str] = {}
    found = []
    for pk, day, precision, kind, status, place, country, occasion in rows:
        if country and country not in countries:
            countries[country] = country_name(country)
        who = sorted(people[pk])
        found.append({
            "id": pk, "date": day.isoformat(), "label": _date_label(day, precision),
            "kind": kind, "status": status,
            "place": f"{place or 'Place unknown'} ({countries[country]})" if country
            else place or "Place unknown",
            "occasion": occasion,
            "participants": [{"id": leader_id, "name": name} for name, leader_id in who],
            "lanes": sorted(lanes[i] for _, i in who if i in lanes and selection.lanes),
            "url": f"{url}{pk}/",
        })  # fmt: skip
    return found


# --- views --------------------------------------------------------------------------


@dataclass
class Window:
    start: date
    end: date

    @property
    def unit(self) -> str:
        return unit_for(self.start, self.end)

    def buckets(self) -> tuple[date, date]:
        """The first day of the first bucket in view and the last day of the last."""
        unit = self.unit
        last = bucket_floor(self.end, unit)
        return bucket_floor(self.start, unit), bucket_next(last, unit) - timedelta(days=1)


def _window(selection: Selection, values: dict) -> Window:
    start, end = values.get("start"), values.get("end")
    start = date.fromisoformat(start) if start else None
    end = date.fromisoformat(end) if end else None
    if start is None or end is None:
        first, last = default_window(selection)
        start, end = start or first, end or last
        start, end = min(start, end), max(start, end)
    if (end - start).days < MIN_SPAN_DAYS:
        end = min(start + timedelta(days=MIN_SPAN_DAYS), LATEST)
    return Window(start, end)


def _bucket_list(found: Counts, window: Window) -> list[dict]:
    unit = window.unit
    buckets: dict[tuple, dict] = {}
    for (lane, start, kind), count in sorted(found.items(), key=lambda i: (i[0][0] or 0, i[0][1])):
        if not count:
            continue
        bucket = buckets.setdefault((lane, start), {
            "lane": lane, "start": start.isoformat(),
            "end": bucket_next(start, unit).isoformat(), "counts": {},
        })  # fmt: skip
        bucket["counts"][kind] = bucket["counts"].get(kind, 0) + count
    return list(buckets.values())


def timeline_answer(values: dict) -> dict:
    """The JSON of the chart for validated parameters (timeline_parameters)."""
    selection = Selection(values, values["leader"])
    window = _window(selection, values)
    lo, hi = window.buckets()
    found = density(selection, lo, hi, window.unit)
    total = sum(found.values())
    shown = marks(selection, window.start, window.end) if total <= MARKS_CAP else None
    return {
        "start": window.start.isoformat(),
        "end": window.end.isoformat(),
        "unit": window.unit,
        "mode": "density" if shown is None else "marks",
        "total": total,
        "undated": undated_counts(selection),
        "cap": MARKS_CAP,
        "kinds": [{"value": v, "label": label} for v, label in Meeting.Kind.choices],
        "lanes": [
            {"id": p.pk, "slug": p.slug, "name": p.name, "url": p.get_absolute_url()}
            for p in selection.lanes
        ],
        "unknown": selection.unknown,
        "buckets": _bucket_list(found, window),
        "marks": shown or [],
    }


@cached_response(timeline_parameters)
def timeline_data(request, values: dict):
    """The density band or the marks of the window asked for (`start`, `end`; the whole
    record without them), with the timeline's filters; 400 with the reason for a wrong
    parameter."""
    return JsonResponse(timeline_answer(values))


def form_context(request) -> dict:
    """What the filter form of both views shows besides MeetingFilter: the leaders chosen
    (each with the address without it), and the addresses of the two views."""
    values = leader_values(request.GET)[:MAX_LANES]

    def chips() -> list[dict]:
        rows = []
        for value in values:
            leader = leader_from_param(value)
            rest = [v for v in values if v != value]
            rows.append({
                "leader": leader, "value": leader.slug if leader else value,
                "remove": "?" + filter_query(request.GET, leader=rest, start=None, end=None),
            })  # fmt: skip
        return rows

    return {
        "chips": lazy(chips),
        "lanes_full": len(values) >= MAX_LANES,
        "too_many": len(leader_values(request.GET)) > MAX_LANES,
        "max_lanes": MAX_LANES,
        "list_query": filter_query(request.GET, view="list", start=None, end=None),
        "chart_query": filter_query(request.GET, view=None),
    }


def timeline_chart(request):
    """The timeline as a chart: the filter form and the chart's frame; the drawing is
    static/js/timeline.js's, from timeline_data."""
    filters = MeetingFilter(list_filter_data(request.GET))
    window = view_values(request.GET)
    bad_window = any(not isinstance(window[name], date | None) for name in ("start", "end"))
    context = {
        **form_context(request),
        "filters": filters,
        "countries": lazy(country_choices),
        "data_url": reverse("timeline_data")
        + "?"
        + filter_query(request.GET, view=None, start=None, end=None),
        # No meetings at all (and no filter): the page says how to get some.
        "nothing_yet": lazy(lambda: not request.GET and not Meeting.objects.visible().exists()),
        "start": window["start"] if not bad_window else None,
        "end": window["end"] if not bad_window else None,
    }
    invalid = invalid_filters(MeetingFilter, request.GET) or bad_window or context["too_many"]
    status = 400 if invalid else 200
    if request.htmx and not request.htmx.boosted:
        return render(request, "meetings/timeline_chart.html#timeline-view", context,
                      status=status)  # fmt: skip
    return render(request, "meetings/timeline_chart.html", context, status=status)
