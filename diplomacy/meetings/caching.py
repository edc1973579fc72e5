"""Rendered parts of the analyst pages, cached until the data they show changes.

The cache keys hold a *data version*: the highest id of every table whose rows the
pages show, and of the history tables that record every edit (django-simple-history)
and of the admin's log (every change made in the admin). Any write that can change a
page (an article ingested, an editor's correction, a merge, an admin deletion) raises
one of them, so the next request renders afresh; nothing has to be invalidated by hand.

The version is read from committed rows, before the page's own queries: a page
rendered while a write commits may be newer than its version, never older.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject

from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings.models import Evidence, Meeting, Mention, Participation, Statement


@functools.cache
def _version_sources() -> tuple[tuple[str, str], ...]:
    """(table, primary key column) of every table the version reads; once a process:
    reaching a history model through simple-history builds a manager class each time."""
    tables = [(Model._meta.db_table, Model._meta.pk.column)
              for Model in (Meeting, Evidence, Statement, Mention, LogEntry)]  # fmt: skip
    for Model in (Meeting, Participation, Statement, Leader, Alias, Office):
        history = Model.history.model
        tables.append((history._meta.db_table, history._meta.pk.column))
    return tuple(tables)


def data_version() -> str:
    """One query of index-only lookups, however large the tables."""
    columns = ", ".join(
        f"(SELECT MAX({connection.ops.quote_name(column)}) FROM {connection.ops.quote_name(table)})"
        for table, column in _version_sources()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return ".".join(str(value or 0) for value in cursor.fetchone())


def lazy(function):
    """A value computed the first time a template uses it: on a cache hit, never."""
    return SimpleLazyObject(function)


def page_cache(request):
    """Context processor: the data version, read only if a template's cache tag needs it."""
    return {"data_version": lazy(data_version), "page_cache_seconds": settings.PAGE_CACHE_SECONDS}


def cached_response(view):
    """Cache a read-only view's whole response under the data version and the full path:
    for views that answer every signed-in user alike (the JSON API), with no per-user
    token in the response."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        key = (
            "page:"
            + hashlib.sha256(f"{data_version()}|{request.get_full_path()}".encode()).hexdigest()
        )
        if (hit := cache.get(key)) is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, response["Content-Type"]),
                      settings.PAGE_CACHE_SECONDS)  # fmt: skip
        return response

    return wrapper
