"""Who met whom: the network of the leaders most connected in a period, or one leader's
ego network, computed in the database.

Where the pairs come from:

- a period and nothing else (or no filter at all): the pair counts per month
  (models.PairCount, kept by meetings/pairs.py on every write). The months wholly inside
  the period are summed from their rows; the part-months at its ends (a period from
  15 March) are counted from those days' meetings, so the counts are exact for any
  dates, not rounded to months;
- any other filter (country, kind, status, leader, text): the meetings that match, each
  giving one to every pair of its participants (on PostgreSQL from their
  ``participant_key``, without reading the participations).

Either way the rows are (leader a, leader b, meetings, last date) with a < b, summed per
pair in one statement that also ranks the leaders by degree (how many people they met
in the period) and keeps the top N, the edges among them and the strongest pairs.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, QuerySet, Value
from django.shortcuts import render
from django.utils.html import json_script
from django.utils.http import urlencode

from diplomacy.core.caching import lazy
from diplomacy.leaders.models import Leader
from diplomacy.meetings.filters import MeetingFilter, invalid_filters, leader_from_param
from diplomacy.meetings.models import Meeting, PairCount, Participation
from diplomacy.meetings.month_counts import month_index
from diplomacy.meetings.places import NO_REGION, REGION_COLOURS, country_region, region_colour
from diplomacy.meetings.selectors import country_choices

TOP_DEFAULT = 100  # leaders in the network at first
TOP_STEP = 100  # "show more" adds this many
TOP_MAX = 1000
EGO_DEFAULT = 30  # counterparts in an ego network at first
EGO_STEP = 30
PAIRS_SHOWN = 100  # rows of the pair table
# Lines drawn among the top leaders: each leader's strongest few, so that everyone keeps a
# line and the strongest ties show (a year of a large record has some 1,700 pairs among its
# top 200: a hairball, and 150 KB to send). `edges`: a limit of this many a leader, as the
# first and as the second of a pair.
EDGES_PER_NODE = 2
LABELLED = 25  # the leaders with the most meetings are labelled; the others on hover


class NetworkOptions(forms.Form):
    """The network's own parameters, beside the timeline's filters (MeetingFilter)."""

    top = forms.IntegerField(required=False, min_value=1, max_value=TOP_MAX)
    ego = forms.CharField(required=False, max_length=200)


Rows = tuple[str, list]  # SQL giving (pa, pb, pn, plast) rows, and its parameters


def only_period(filters: MeetingFilter):
    """(first day, last day), either None when open, when the filters are a period
    and nothing else; None when there is no filter at all; False otherwise."""
    if not filters.is_valid():
        return False
    data = filters.cleaned_data
    if any(data.get(name) for name in ("leader", "country", "kind", "status", "q")):
        return False
    start, end = data.get("date_from"), data.get("date_to")
    return None if start is None and end is None else (start, end)


def _sql(queryset: QuerySet) -> Rows | None:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (an unknown leader)
        return None
    return sql, list(params)


# On PostgreSQL the pairs of the meetings found come from their participant_key ("3,17,42",
# kept by services.participants_changed): the meetings are read once through their
# indexes and the participations are not touched at all.
PAIRS_FROM_KEYS = """
SELECT a AS pa, b AS pb, 1 AS pn, found.date AS plast
FROM ({meetings}) AS found,
     LATERAL (SELECT string_to_array(found.participant_key, ',')::bigint[] AS ids) AS people,
     LATERAL unnest(people.ids) AS a, LATERAL unnest(people.ids) AS b
WHERE a < b
"""


def meeting_rows(meetings: QuerySet) -> Rows | None:
    """One row per pair of participants of each of these meetings."""
    if connection.vendor == "postgresql":
        found = _sql(meetings.order_by().values("date", "participant_key"))
        return found and (PAIRS_FROM_KEYS.format(meetings=found[0]), found[1])
    return _sql(
        Participation.objects.filter(
            meeting__in=meetings.values("pk"),
            meeting__participations__leader_id__gt=F("leader_id"),
        )
        .order_by()
        .values(
            pa=F("leader_id"),
            pb=F("meeting__participations__leader_id"),
            pn=Value(1),
            plast=F("meeting__date"),
        )  # fmt: skip
    )


def month_rows(first: int | None, last: int | None) -> Rows | None:
    """The pair counts of the months first to last (month numbers, either None when open;
    both None: every month and the undated meetings too)."""
    rows = PairCount.objects.order_by()
    if first is not None or last is not None:
        rows = rows.filter(month__gte=max(first or 1, 1))
    if last is not None:
        rows = rows.filter(month__lte=last)
    return _sql(rows.values(pa=F("leader_a_id"), pb=F("leader_b_id"), pn=F("meetings"),
                            plast=F("last")))  # fmt: skip


def _next_day(day: date) -> date:
    return day + timedelta(days=1)


def period_rows(start: date | None, end: date | None) -> list[Rows]:
    """The rows of a period: whole months from the counts, part-months from meetings."""
    if start is None and end is None:
        return [month_rows(None, None)]
    first = None if start is None else month_index(start) + (start.day != 1)
    last = None if end is None else month_index(end) - (_next_day(end).day != 1)
    if first is not None and last is not None and first > last:
        # Inside one month, or two part-months with nothing whole between: from meetings.
        return [meeting_rows(Meeting.objects.visible().filter(date__gte=start, date__lte=end))]
    sources = [month_rows(first, last)]
    visible = Meeting.objects.visible()
    if start is not None and start.day != 1:
        month_end = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        sources.append(meeting_rows(visible.filter(date__gte=start, date__lt=month_end)))
    if end is not None and _next_day(end).day != 1:
        sources.append(meeting_rows(visible.filter(date__gte=end.replace(day=1), date__lte=end)))
    return sources


def filtered_rows(filters: MeetingFilter, among: list[int] | None = None) -> Rows | None:
    """All the pair rows the filters give, as one SQL (a UNION ALL of its sources).
    `among`: only meetings with one of these leaders (an ego network's people)."""
    period = only_period(filters)
    if period is False:
        meetings = filters.apply(Meeting.objects.visible())
        if among is not None:
            meetings = meetings.filter(
                pk__in=Participation.objects.filter(leader_id__in=among).values("meeting_id")
            )
        sources = [meeting_rows(meetings)]
    else:
        sources = period_rows(*period) if period else period_rows(None, None)
    sources = [s for s in sources if s is not None]
    if not sources:
        return None
    sql = " UNION ALL ".join(f"SELECT * FROM ({s}) AS part{i}" for i, (s, _) in enumerate(sources))
    return sql, [p for _, params in sources for p in params]


NETWORK_SQL = """
WITH pairs AS (
    SELECT r.pa AS a, r.pb AS b, SUM(r.pn) AS n, MAX(r.plast) AS last
    FROM ({rows}) AS r {where} GROUP BY r.pa, r.pb
), ends AS (
    SELECT a AS l, n FROM pairs UNION ALL SELECT b AS l, n FROM pairs
), ranked AS (
    SELECT l, COUNT(*) AS degree, SUM(n) AS weight FROM ends GROUP BY l
), top AS (
    SELECT l, degree, weight FROM ranked ORDER BY degree DESC, weight DESC, l LIMIT %s
), among AS (
    SELECT a, b, n, last,
        ROW_NUMBER() OVER (PARTITION BY a ORDER BY n DESC, last DESC NULLS LAST, b) AS of_a,
        ROW_NUMBER() OVER (PARTITION BY b ORDER BY n DESC, last DESC NULLS LAST, a) AS of_b
    FROM pairs WHERE a IN (SELECT l FROM top) AND b IN (SELECT l FROM top)
)
SELECT 'node' AS row, l AS a, CAST(NULL AS bigint) AS b, degree AS n, weight AS m,
       CAST(NULL AS date) AS last FROM top
UNION ALL SELECT 'total', NULL, NULL, COUNT(*), NULL, NULL FROM ranked
UNION ALL SELECT 'edge', a, b, n, NULL, last FROM among WHERE of_a <= %s OR of_b <= %s
UNION ALL SELECT * FROM (
    SELECT 'pair', a, b, n, CAST(NULL AS numeric), last FROM pairs
    ORDER BY n DESC, last DESC NULLS LAST, a, b LIMIT %s
) AS strongest
"""


def _run(rows: Rows, where: str, where_params: list, limits: list) -> list[tuple]:
    sql = NETWORK_SQL.format(rows=rows[0], where=where)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*rows[1], *where_params, *limits])
        return cursor.fetchall()


@dataclass
class Network:
    """Who is drawn (leaders with their degree and meetings in the period), the edges
    among them, the strongest pairs for the table, and how many leaders there were."""

    nodes: list[dict]
    edges: list[dict]
    pairs: list[dict]
    total: int
    top: int
    ego: Leader | None = None


def _network(result: list[tuple], top: int, known: dict | None = None) -> Network:
    """The rows of NETWORK_SQL as leaders; `known`: leaders already read, by id."""
    ids = {row[1] for row in result if row[1] is not None} | {
        row[2] for row in result if row[2] is not None
    }
    people = dict(known or {})
    if ids - people.keys():
        people.update(Leader.objects.in_bulk(ids - people.keys()))
    nodes = [{"leader": people[a], "degree": int(n), "weight": int(m)}
             for kind, a, _, n, m, _ in result if kind == "node"]  # fmt: skip
    total = next((int(n) for kind, _, _, n, _, _ in result if kind == "total"), 0)
    edges, pairs = [], []
    for kind, a, b, n, _, last in result:
        if kind in ("edge", "pair"):
            (edges if kind == "edge" else pairs).append(
                {"a": people[a], "b": people[b], "count": int(n), "last": _day(last)}
            )
    return Network(nodes=nodes, edges=edges, pairs=pairs, total=total, top=top)


def _day(value) -> date | None:
    """SQLite answers MAX(date) as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def network_of(filters: MeetingFilter, top: int = TOP_DEFAULT) -> Network:
    """The `top` leaders by degree for the filters, the edges among them, and the
    strongest pairs."""
    rows = filtered_rows(filters)
    if rows is None:
        return Network(nodes=[], edges=[], pairs=[], total=0, top=top)
    limits = [top, EDGES_PER_NODE, EDGES_PER_NODE, PAIRS_SHOWN]
    return _network(_run(rows, "", [], limits), top)


def ego_network(filters: MeetingFilter, leader: Leader, top: int = EGO_DEFAULT) -> Network:
    """A leader, the `top` people they met most often for the filters, and who among
    them met each other: two statements, the leader's pairs, then the pairs among the
    people kept. A counterpart's size is their meetings with the leader."""
    rows = filtered_rows(filters, among=[leader.pk])
    if rows is None:
        return Network(nodes=[], edges=[], pairs=[], total=0, top=top, ego=leader)
    touching = _run(rows, "WHERE r.pa = %s OR r.pb = %s", [leader.pk] * 2, [2, 0, 0, top])
    theirs = _network(touching, top, {leader.pk: leader})
    weight = {leader.pk: next((n["weight"] for n in theirs.nodes if n["leader"] == leader), 0)}
    known = {leader.pk: leader}
    for pair in theirs.pairs:
        other = pair["b"] if pair["a"] == leader else pair["a"]
        weight[other.pk] = pair["count"]
        known[other.pk] = other
    people = list(weight)
    rows = filtered_rows(filters, among=people)
    marks = ", ".join(["%s"] * len(people))
    among = _network(_run(rows, f"WHERE r.pa IN ({marks}) AND r.pb IN ({marks})",
                          people * 2, [len(people), len(people), len(people), 0]), top,
                          known)  # fmt: skip
    nodes = [{**node, "weight": weight[node["leader"].pk]} for node in among.nodes]
    if not nodes:
        nodes = [{"leader": leader, "degree": 0, "weight": 0}]
    return Network(nodes=nodes, edges=among.edges, pairs=theirs.pairs,
                   total=max(theirs.total - 1, 0), top=top, ego=leader)  # fmt: skip


def graph_json(network: Network) -> dict:
    """Nodes and edges for the drawing (cytoscape's element data): the biggest first,
    the first LABELLED of them labelled, each coloured by the region of its country."""
    nodes = []
    ranked = sorted(network.nodes, key=lambda n: (-n["weight"], -n["degree"], n["leader"].pk))
    for rank, node in enumerate(ranked):
        person = node["leader"]
        region = country_region(person.country) if person.country else NO_REGION
        nodes.append({
            "id": str(person.pk), "label": person.name, "slug": person.slug,
            "url": person.get_absolute_url(), "weight": node["weight"],
            "degree": node["degree"], "region": region, "colour": region_colour(region),
            "labelled": rank < LABELLED or person == network.ego,
            "centre": person == network.ego,
        })  # fmt: skip
    edges = [{"id": f"{e['a'].pk}-{e['b'].pk}", "source": str(e["a"].pk),
              "target": str(e["b"].pk), "weight": e["count"]}
             for e in network.edges]  # fmt: skip
    return {"nodes": nodes, "edges": edges}


def legend(graph: dict) -> list[tuple[str, str]]:
    """(region, colour) of the regions drawn, in the palette's order."""
    drawn = {node["region"] for node in graph["nodes"]}
    order = [*REGION_COLOURS, NO_REGION]
    return [(region, region_colour(region)) for region in order if region in drawn]


def options_of(data) -> tuple[int | None, Leader | None, bool]:
    """(top, ego leader, valid) from the request's parameters."""
    options = NetworkOptions(data)
    if not options.is_valid():
        return None, None, False
    ego = options.cleaned_data["ego"]
    return options.cleaned_data["top"], (leader_from_param(ego) if ego else None), True


# --- the page ------------------------------------------------------------------------


def _recency(pair: dict) -> int:
    return -(pair["last"].toordinal() if pair["last"] else 0)


PAIR_SORTS = {
    "count": lambda p: (-p["count"], _recency(p), p["a"].name, p["b"].name),
    "a": lambda p: (p["a"].name, p["b"].name),
    "b": lambda p: (p["b"].name, p["a"].name),
    "last": lambda p: (_recency(p), p["a"].name, p["b"].name),
}


def year_span() -> tuple[int, int] | None:
    """The first and last year with a visible dated meeting: the time slider's ends (two
    reads off the newest-first index)."""
    visible = Meeting.objects.visible().exclude(date=None).values_list("date", flat=True)
    # In the index's order (date descending, the undated last), read from either end.
    first = visible.order_by(F("date").asc(nulls_first=True)).first()
    last = visible.order_by(F("date").desc(nulls_last=True)).first()
    return (first.year, last.year) if first and last else None


def _query(data, **changes) -> str:
    """The page's parameters with some changed (None drops one), for its links."""
    kept = {k: v for k, v in data.items() if k in NETWORK_PARAMETERS and v}
    kept.update(changes)
    return urlencode({k: v for k, v in kept.items() if v is not None})


NETWORK_PARAMETERS = (*MeetingFilter.base_fields, *NetworkOptions.base_fields, "sort")


def network_page(request):
    """`/network/`: the `top` leaders by degree (or `ego`'s network) for the filters, and
    the pair table; an HTMX request gets the body only (the form stays)."""
    filters = MeetingFilter(request.GET)
    invalid = invalid_filters(MeetingFilter, request.GET) or invalid_filters(
        NetworkOptions, request.GET
    )
    status = 400 if invalid else 200
    sort = request.GET.get("sort", "count")
    sort = sort if sort in PAIR_SORTS else "count"  # the page shows back only a known sort
    options = lazy(lambda: options_of(request.GET))

    def computed() -> Network:
        top, ego, _ = options
        if ego is not None:
            network = ego_network(filters, ego, top or EGO_DEFAULT)
        else:
            network = network_of(filters, top or TOP_DEFAULT)
        network.pairs.sort(key=PAIR_SORTS[sort])
        return network

    network = lazy(computed)
    graph = lazy(lambda: graph_json(network))
    step = EGO_STEP if request.GET.get("ego") else TOP_STEP

    def more() -> dict | None:
        """The link that shows `step` more people, while there are more."""
        shown = len(network.pairs) if network.ego else len(network.nodes)
        if shown < network.top or network.top >= TOP_MAX:
            return None
        top = min(network.top + step, TOP_MAX)
        return {"query": _query(request.GET, top=top), "top": top}

    context = {
        "filters": filters,
        "invalid": invalid,
        "network": network,
        "pairs": lazy(lambda: network.pairs),
        "graph": graph,
        "graph_script": lazy(lambda: json_script(dict(graph), "network-data")),
        "legend": lazy(lambda: legend(graph)),
        "ego_asked": request.GET.get("ego", ""),
        "more": lazy(more),
        "whole_query": _query(request.GET, ego=None, top=None),
        "sort_query": _query(request.GET, sort=None),
        "sort": sort,
        "top": request.GET.get("top", ""),
        "years": lazy(year_span),
        "countries": lazy(country_choices),
        "limit": PAIRS_SHOWN,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "meetings/network.html#network-body", context, status=status)
    return render(request, "meetings/network.html", context, status=status)
