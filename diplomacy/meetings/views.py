"""Analyst pages: timeline, meeting, network and statement search."""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, Max, Sum
from django.shortcuts import get_object_or_404, render
from django.utils.html import json_script

from diplomacy.leaders.models import Leader
from diplomacy.meetings.caching import lazy
from diplomacy.meetings.filters import (
    Cursor,
    MeetingFilter,
    StatementFilter,
    invalid_filters,
    page_of,
)
from diplomacy.meetings.highlight import highlight
from diplomacy.meetings.models import Meeting, Mention, PairCount, Participation, Statement

MEETINGS_PER_PAGE = 50
STATEMENTS_PER_PAGE = 50
HIGHLIGHTS_SHOWN = 20
NETWORK_PAIRS = 300


def _month_label(day) -> str:
    return day.strftime("%B %Y") if day else "Date unknown"


def _mark_month_headers(rows: list[Meeting], after: str | None) -> None:
    """Set `month_header` on the first meeting of each month, across pages too."""
    cursor = Cursor.decode(after)
    previous = _month_label(cursor[0]) if cursor else None
    for meeting in rows:
        label = meeting.month_label
        meeting.month_header = label if label != previous else None
        previous = label


def country_choices() -> list[str]:
    return list(
        Leader.objects.exclude(country="")
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )


def timeline(request):
    filters = MeetingFilter(request.GET)
    # A value that does not clean: the page, with the reason beside the filter, as a 400.
    status = 400 if invalid_filters(MeetingFilter, request.GET) else 200
    after = request.GET.get("after")

    def page():
        meetings = filters.apply(Meeting.objects.for_timeline())
        rows, next_cursor = page_of(Cursor.after(meetings, after), MEETINGS_PER_PAGE)
        _mark_month_headers(rows, after)
        return rows, next_cursor

    # Computed only when the cached fragment of the page is missing (caching.py): on a
    # hit, not even the leader of the filter is looked up.
    found = lazy(page)
    context = {
        "filters": filters,
        "leader": lazy(lambda: (filters.is_valid(), filters.leader_obj)[1]),
        "meetings": lazy(lambda: found[0]),
        "next_cursor": lazy(lambda: found[1]),
        "query": lazy(filters.query_string),
        "countries": lazy(country_choices),
    }
    if request.htmx and not request.htmx.boosted:
        partial = "timeline-page" if after else "timeline-rows"
        return render(request, f"meetings/timeline.html#{partial}", context, status=status)
    return render(request, "meetings/timeline.html", context, status=status)


def meeting_detail(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.visible().prefetch_related("participants"), pk=pk)
    participants = list(meeting.participants.all())
    evidence = list(meeting.evidence.select_related("article").order_by("article__published", "pk"))
    mentions = Mention.objects.filter(
        article__in={e.article_id for e in evidence}, leader__in=participants
    ).values_list("article_id", "start", "end")
    for item in evidence:
        spans = [
            (start, end)
            for article_id, start, end in mentions
            if article_id == item.article_id and item.start <= start and end <= item.end
        ]
        item.highlighted = highlight(item.text, item.start, spans)
    statements = Statement.objects.visible().filter(meeting=meeting).select_related("speaker")
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": meeting,
            "participants": participants,
            "evidence": evidence,
            "statements": statements,
        },
    )


# On PostgreSQL the pairs of the meetings found come from their participant_key ("3,17,42",
# kept by services.participants_changed): the meetings are read once through their
# indexes and the participations are not touched at all.
PAIRS_FROM_KEYS = """
SELECT a AS a_id, b AS b_id, count(*) AS count, max(found.date) AS last
FROM ({meetings}) AS found,
     LATERAL (SELECT string_to_array(found.participant_key, ',')::bigint[] AS ids) AS people,
     LATERAL unnest(people.ids) AS a, LATERAL unnest(people.ids) AS b
WHERE a < b
GROUP BY a, b
ORDER BY count DESC, last DESC NULLS LAST, a, b
LIMIT %s
"""


def meeting_pairs(meetings, limit: int = NETWORK_PAIRS) -> list[dict]:
    """Who met whom how often, aggregated in the database, most frequent first."""
    if connection.vendor == "postgresql":
        try:
            query = meetings.order_by().values("date", "participant_key").query
            sql, params = query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing (an unknown leader)
            return []
        with connection.cursor() as cursor:
            cursor.execute(PAIRS_FROM_KEYS.format(meetings=sql), [*params, limit])
            columns = [c.name for c in cursor.description]
            return _with_people([dict(zip(columns, row, strict=True)) for row in cursor])
    rows = (
        Participation.objects.filter(
            meeting__in=meetings.values("pk"),
            meeting__participations__leader_id__gt=F("leader_id"),
        )
        .values(a_id=F("leader_id"), b_id=F("meeting__participations__leader_id"))
        .annotate(count=Count("meeting_id"), last=Max("meeting__date"))
    )
    return _pairs_with_people(rows, limit)


def counted_pairs(years: tuple[int | None, int | None] | None, limit: int = NETWORK_PAIRS):
    """The same from the pair counts (meetings/pairs.py): every visible meeting (years
    None) or those of whole years, first to last, either end open."""
    rows = PairCount.objects.all()
    if years is not None:
        first, last = years
        rows = rows.filter(year__gte=first or 1, **({"year__lte": last} if last else {}))
    rows = rows.values(a_id=F("leader_a_id"), b_id=F("leader_b_id")).annotate(
        count=Sum("meetings"), last=Max("last")
    )
    return _pairs_with_people(rows, limit)


def _pairs_with_people(rows, limit: int) -> list[dict]:
    return _with_people(
        list(rows.order_by("-count", F("last").desc(nulls_last=True), "a_id", "b_id")[:limit])
    )


def _with_people(rows: list[dict]) -> list[dict]:
    people = Leader.objects.in_bulk({r["a_id"] for r in rows} | {r["b_id"] for r in rows})
    return [
        {"a": people[r["a_id"]], "b": people[r["b_id"]], "count": r["count"], "last": r["last"]}
        for r in rows
    ]


def graph_data(pairs: list[dict], centre: Leader | None = None) -> dict:
    """Nodes and edges for the network drawing (cytoscape's element format)."""
    nodes, edges = {}, []
    for pair in pairs:
        for person in (pair["a"], pair["b"]):
            nodes.setdefault(person.pk, {
                "id": str(person.pk), "label": person.name,
                "url": person.get_absolute_url(), "weight": 0,
                "centre": centre is not None and person.pk == centre.pk,
            })  # fmt: skip
            nodes[person.pk]["weight"] += pair["count"]
        edges.append({
            "id": f"{pair['a'].pk}-{pair['b'].pk}", "source": str(pair["a"].pk),
            "target": str(pair["b"].pk), "weight": pair["count"],
        })  # fmt: skip
    return {"nodes": list(nodes.values()), "edges": edges}


def _recency(pair: dict) -> int:
    return -(pair["last"].toordinal() if pair["last"] else 0)


PAIR_SORTS = {
    "count": lambda p: (-p["count"], _recency(p), p["a"].name, p["b"].name),
    "a": lambda p: (p["a"].name, p["b"].name),
    "b": lambda p: (p["b"].name, p["a"].name),
    "last": lambda p: (_recency(p), p["a"].name, p["b"].name),
}


def network(request):
    filters = MeetingFilter(request.GET)
    status = 400 if invalid_filters(MeetingFilter, request.GET) else 200
    sort = request.GET.get("sort", "count")
    sort = sort if sort in PAIR_SORTS else "count"  # the page shows back only a known sort

    def sorted_pairs():
        years = filters.whole_years()
        if years is not False:
            pairs = counted_pairs(years)
        else:
            pairs = meeting_pairs(filters.apply(Meeting.objects.visible()))
        pairs.sort(key=PAIR_SORTS[sort])
        return pairs

    pairs = lazy(sorted_pairs)
    graph = lazy(lambda: graph_data(pairs))
    context = {
        "filters": filters,
        "pairs": pairs,
        "graph": graph,
        "graph_script": lazy(lambda: json_script(dict(graph), "network-data")),
        "sort": sort,
        "query": filters.query_string(),
        "countries": lazy(country_choices),
        "limit": NETWORK_PAIRS,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "meetings/network.html#network-body", context, status=status)
    return render(request, "meetings/network.html", context, status=status)


def _highlights(filters: StatementFilter) -> list[Statement]:
    """Quotations of one or two words matching the words searched for. They are no
    statements, so never in the results; the page shows them in a section of their own."""
    if not filters.is_valid() or not filters.cleaned_data["q"].strip():
        return []
    found = filters.apply(
        Statement.objects.highlights()
        .select_related("speaker", "article")
        .order_by(F("said_on").desc(nulls_last=True), "-id"),
        vendor=connection.vendor,
    )
    return list(found[:HIGHLIGHTS_SHOWN])


def statement_search(request):
    filters = StatementFilter(request.GET)
    status = 400 if invalid_filters(StatementFilter, request.GET) else 200
    after = request.GET.get("after")

    def page():
        # Only when the cached fragment is missing: the search reads the index (filters.py).
        statements = filters.apply(
            Statement.objects.visible()
            .select_related("speaker", "article", "meeting")
            .order_by(F("said_on").desc(nulls_last=True), "-id"),
            vendor=connection.vendor,
        )
        return page_of(
            Cursor.after(statements, after, field="said_on"), STATEMENTS_PER_PAGE, field="said_on"
        )

    found = lazy(page)
    context = {
        "filters": filters,
        "statements": lazy(lambda: found[0]),
        "next_cursor": lazy(lambda: found[1]),
        "highlights": lazy(lambda: _highlights(filters)),
        "query": filters.query_string(),
        "languages": ["en", "ro", "fr", "de", "es", "it", "pt", "ru"],
    }
    if request.htmx and not request.htmx.boosted:
        partial = "statement-page" if after else "statement-results"
        return render(request, f"meetings/statements.html#{partial}", context, status=status)
    return render(request, "meetings/statements.html", context, status=status)
