"""Analyst pages: timeline, meeting, network and statement search."""

from django.db import connection
from django.db.models import F
from django.shortcuts import get_object_or_404, render

from diplomacy.core.caching import lazy
from diplomacy.meetings.filters import (
    Cursor,
    MeetingFilter,
    StatementFilter,
    invalid_filters,
    page_of,
)
from diplomacy.meetings.highlight import highlight
from diplomacy.meetings.models import Meeting, Mention, Statement
from diplomacy.meetings.selectors import country_choices
from diplomacy.meetings.timeline import (
    any_of_leaders,
    filter_query,
    form_context,
    list_filter_data,
    timeline_chart,
)

MEETINGS_PER_PAGE = 50
STATEMENTS_PER_PAGE = 50
HIGHLIGHTS_SHOWN = 20


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


def timeline(request):
    """`/`: the chart (meetings/timeline.py), or with `view=list` (and for its later
    pages) the meetings newest first, grouped by month, with the same filters."""
    if request.GET.get("view") != "list" and "after" not in request.GET:
        return timeline_chart(request)
    filters = MeetingFilter(list_filter_data(request.GET))
    # A value that does not clean: the page, with the reason beside the filter, as a 400.
    status = 400 if invalid_filters(MeetingFilter, request.GET) else 200
    after = request.GET.get("after")

    def page():
        meetings = any_of_leaders(filters.apply(Meeting.objects.for_timeline()), request.GET)
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
        # Every leader selected (filters has one at most), for the next pages and exports.
        "query": lazy(lambda: filter_query(request.GET, view=None, start=None, end=None)),
        "countries": lazy(country_choices),
        **form_context(request),
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
