"""Read-only JSON API and CSV/JSON exports of the filtered timeline and statements.

The API pages with an opaque cursor (`next` in each answer); exports stream every
matching row, so a large export never sits in memory.
"""

import csv
import json

from django.db import connection
from django.db.models import F, Q
from django.http import JsonResponse, StreamingHttpResponse
from django.utils.http import urlencode

from diplomacy.leaders.models import Leader, normalize_name
from diplomacy.meetings.caching import cached_response
from diplomacy.meetings.filters import Cursor, MeetingFilter, StatementFilter, page_of
from diplomacy.meetings.models import Meeting, Statement
from diplomacy.meetings.serializers import (
    MEETING_CSV_HEADER,
    STATEMENT_CSV_HEADER,
    leader_dict,
    meeting_csv_row,
    meeting_dict,
    statement_csv_row,
    statement_dict,
)

API_PAGE = 100
API_MAX_PAGE = 500
EXPORT_CHUNK = 2000


def _limit(request) -> int:
    try:
        return max(1, min(int(request.GET.get("limit", API_PAGE)), API_MAX_PAGE))
    except ValueError:
        return API_PAGE


def _next_url(request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = {k: v for k, v in request.GET.items() if k != "cursor"}
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{urlencode(params)}")


def _filtered_meetings(request):
    return MeetingFilter(request.GET).apply(Meeting.objects.for_timeline())


def _filtered_statements(request):
    return StatementFilter(request.GET).apply(
        Statement.objects.visible()
        .select_related("speaker", "article")
        .order_by(F("said_on").desc(nulls_last=True), "-id"),
        vendor=connection.vendor,
    )


@cached_response
def api_meetings(request):
    meetings = Cursor.after(_filtered_meetings(request), request.GET.get("cursor"))
    rows, cursor = page_of(meetings, _limit(request))
    return JsonResponse(
        {"results": [meeting_dict(m) for m in rows], "next": _next_url(request, cursor)}
    )


@cached_response
def api_statements(request):
    statements = Cursor.after(
        _filtered_statements(request), request.GET.get("cursor"), field="said_on"
    )
    rows, cursor = page_of(statements, _limit(request), field="said_on")
    return JsonResponse(
        {"results": [statement_dict(s) for s in rows], "next": _next_url(request, cursor)}
    )


@cached_response
def api_leaders(request):
    """Leaders by name (`q`, any alias) and `country`; cursor is the last id seen."""
    leaders = Leader.objects.prefetch_related("aliases", "offices").order_by("pk")
    if q := request.GET.get("q", "").strip():
        by_alias = Leader.objects.filter(aliases__normalized__contains=normalize_name(q))
        leaders = leaders.filter(Q(name__icontains=q) | Q(pk__in=by_alias.values("pk")))
    if country := request.GET.get("country", "").strip().upper():
        leaders = leaders.filter(country=country)
    cursor = request.GET.get("cursor", "")
    if cursor.isdigit():
        leaders = leaders.filter(pk__gt=int(cursor))
    limit = _limit(request)
    rows = list(leaders[: limit + 1])
    next_cursor = str(rows[limit - 1].pk) if len(rows) > limit else None
    return JsonResponse(
        {"results": [leader_dict(x) for x in rows[:limit]], "next": _next_url(request, next_cursor)}
    )


class _Echo:
    def write(self, value):
        return value


def _in_chunks(queryset):
    # iterator() with a chunk size keeps prefetching working and memory flat.
    return queryset.iterator(chunk_size=EXPORT_CHUNK)


def _csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def body():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(body(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json_response(filename: str, items) -> StreamingHttpResponse:
    def body():
        yield "["
        for n, item in enumerate(items):
            yield ("," if n else "") + json.dumps(item, ensure_ascii=False)
        yield "]"

    response = StreamingHttpResponse(body(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_meetings(request, fmt: str):
    meetings = _in_chunks(_filtered_meetings(request))
    if fmt == "csv":
        return _csv_response(
            "meetings.csv", MEETING_CSV_HEADER, (meeting_csv_row(m) for m in meetings)
        )
    return _json_response("meetings.json", (meeting_dict(m) for m in meetings))


def export_statements(request, fmt: str):
    statements = _in_chunks(_filtered_statements(request))
    if fmt == "csv":
        return _csv_response(
            "statements.csv", STATEMENT_CSV_HEADER, (statement_csv_row(s) for s in statements)
        )
    return _json_response("statements.json", (statement_dict(s) for s in statements))
