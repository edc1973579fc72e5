"""Read-only JSON API and CSV/JSON exports of the filtered timeline and statements.

The API pages with an opaque cursor (`next` in each answer); exports stream every
matching row, so a large export never sits in memory.
"""

import csv
import json

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse

from diplomacy.core.api import next_page_url, page_limit
from diplomacy.core.caching import cached_response, form_values
from diplomacy.meetings.caching import cursor_value
from diplomacy.meetings.filters import Cursor, MeetingFilter, StatementFilter, page_of
from diplomacy.meetings.models import Meeting, Statement
from diplomacy.meetings.serializers import (
    MEETING_CSV_HEADER,
    STATEMENT_CSV_HEADER,
    csv_safe,
    meeting_csv_row,
    meeting_dict,
    meeting_export_dict,
    statement_csv_row,
    statement_dict,
    with_sources,
)

EXPORT_CHUNK = 2000


# --- parameters: every one validated, a wrong one answers 400 with the reason --------


def _meeting_parameters(request) -> dict:
    return form_values(MeetingFilter, request.GET, strict=True)


def _statement_parameters(request) -> dict:
    return form_values(StatementFilter, request.GET, strict=True)


def _paged(filter_parameters):
    def parameters(request) -> dict:
        return {
            **filter_parameters(request),
            "cursor": cursor_value(request.GET.get("cursor"), strict=True),
            "limit": page_limit(request),
        }

    return parameters


def _filtered_meetings(values: dict):
    return MeetingFilter(values).apply(Meeting.objects.for_timeline())


def _filtered_statements(values: dict):
    return StatementFilter(values).apply(
        Statement.objects.visible()
        .select_related("speaker", "article")
        .order_by(F("said_on").desc(nulls_last=True), "-id"),
        vendor=connection.vendor,
    )


@cached_response(_paged(_meeting_parameters))
def api_meetings(request, values):
    meetings = Cursor.after(_filtered_meetings(values), values["cursor"])
    rows, cursor = page_of(meetings, values["limit"])
    return JsonResponse(
        {"results": [meeting_dict(m) for m in rows], "next": next_page_url(request, values, cursor)}
    )


@cached_response(_paged(_statement_parameters))
def api_statements(request, values):
    statements = Cursor.after(_filtered_statements(values), values["cursor"], field="said_on")
    rows, cursor = page_of(statements, values["limit"], field="said_on")
    return JsonResponse(
        {
            "results": [statement_dict(s) for s in rows],
            "next": next_page_url(request, values, cursor),
        }
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
            yield writer.writerow([csv_safe(cell) for cell in row])

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


def _bad_request(error: ValidationError) -> HttpResponse:
    return HttpResponse(" ".join(error.messages), status=400, content_type="text/plain")


def export_meetings(request, fmt: str):
    try:
        values = _meeting_parameters(request)
    except ValidationError as error:
        return _bad_request(error)
    meetings = _in_chunks(with_sources(_filtered_meetings(values)))
    if fmt == "csv":
        return _csv_response(
            "meetings.csv", MEETING_CSV_HEADER, (meeting_csv_row(m) for m in meetings)
        )
    return _json_response("meetings.json", (meeting_export_dict(m) for m in meetings))


def export_statements(request, fmt: str):
    try:
        values = _statement_parameters(request)
    except ValidationError as error:
        return _bad_request(error)
    statements = _in_chunks(_filtered_statements(values))
    if fmt == "csv":
        return _csv_response(
            "statements.csv", STATEMENT_CSV_HEADER, (statement_csv_row(s) for s in statements)
        )
    return _json_response("statements.json", (statement_dict(s) for s in statements))
