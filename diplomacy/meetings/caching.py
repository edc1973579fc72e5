"""Rendered parts of the analyst pages, cached until the data they show changes.

The cache keys hold a *data version*: the highest id of every table whose rows the
pages show, and of the history tables that record every edit (django-simple-history)
and of the admin's log (every change made in the admin). Any write that can change a
page (an article ingested, an editor's correction, a merge, an admin deletion) raises
one of them, so the next request renders afresh; nothing has to be invalidated by hand.

The version is read from committed rows, before the page's own queries: a page
rendered while a write commits may be newer than its version, never older.

The cache is an optimisation only. With Redis down, every page is rendered from the
database (FailSafeRedisCache), and the keys are built from the validated values of the
parameters a page reads, not from the raw query string, so parameters a page ignores
cannot make new entries (docs/deploy.md bounds the cache's memory).
"""

import functools
import hashlib
import json
import logging
import time

import redis
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.functional import SimpleLazyObject

from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings.filters import Cursor, MeetingFilter, StatementFilter
from diplomacy.meetings.models import Evidence, Meeting, Mention, Participation, Statement

log = logging.getLogger(__name__)


class FailSafeRedisCache(RedisCache):
    """Django's Redis cache, except that an unreachable or failing Redis is a miss.

    A read answers the default, a write does nothing, and the request goes on to the
    database. After an error the cache is left alone for RETRY_SECONDS (a key of the
    CACHES entry, default 5), so an outage costs one failed connection per process
    every few seconds, not one or two on every fragment of every page. Counters
    (incr/decr) still raise: there is no value to fall back to.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._retry_seconds = float(params.get("RETRY_SECONDS", 5))
        self._down_until = 0.0

    def _guarded(self, method: str, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except redis.RedisError as error:
            log.warning("Cache unavailable, pages are read from the database: %r", error)
            self._down_until = time.monotonic() + self._retry_seconds
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guarded("delete_many", None, keys, version)

    def clear(self):
        return self._guarded("clear", False)


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


# --- cache keys from validated parameters -----------------------------------------


def form_values(form_class, data, *, strict: bool = False) -> dict:
    """The values of a filter form's fields, each cleaned by its field alone (the
    form's hooks that look leaders up in the database are left out), empty ones dropped,
    dates as ISO dates. A value that does not clean raises the field's error when
    `strict`; otherwise it is kept raw and marked, because the page shows it back and
    filters nothing. Parameters the form does not know are ignored."""
    values = {}
    for name, field in form_class.base_fields.items():
        raw = data.get(name, "")
        if raw in ("", None):
            continue
        try:
            value = field.clean(raw)
        except ValidationError as error:
            if strict:
                raise ValidationError(f"{name}: {' '.join(error.messages)}") from None
            values[name] = ["invalid", raw]
            continue
        if value not in ("", None):
            values[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return values


def cursor_value(raw: str | None, *, strict: bool = False) -> str | None:
    """A keyset cursor (filters.Cursor) in its one canonical spelling."""
    if not raw:
        return None
    cursor = Cursor.decode(raw)
    if cursor is None:
        if strict:
            raise ValidationError("cursor: not a cursor this site gave out.")
        return "invalid"
    return Cursor.encode(*cursor)


def _timeline_values(data) -> dict:
    from diplomacy.meetings.timeline import view_values  # it imports this module

    # Every leader (lanes), the view (chart or list) and the chart's window as well.
    return {
        **form_values(MeetingFilter, data),
        "after": cursor_value(data.get("after")),
        **view_values(data),
    }


def _network_values(data) -> dict:
    from diplomacy.meetings.network import PAIR_SORTS, NetworkOptions  # it imports this module

    sort = data.get("sort")
    return {
        **form_values(MeetingFilter, data),
        **form_values(NetworkOptions, data),
        "sort": sort if sort in PAIR_SORTS else "count",
    }


def _map_values(data) -> dict:
    from diplomacy.meetings.maps import MapOptions  # it imports this module

    return {**form_values(MeetingFilter, data), **form_values(MapOptions, data)}


def _statement_values(data) -> dict:
    return {**form_values(StatementFilter, data), "after": cursor_value(data.get("after"))}


# The parameters each page with cached parts reads, by URL name; a page not named here
# is keyed by its path alone. (The leader page's parts are keyed by the leader.)
PAGE_PARAMETERS = {
    "timeline": _timeline_values,
    "network": _network_values,
    "map": _map_values,
    "statements": _statement_values,
}


def page_key(request) -> str:
    """What a cached part of a page varies on besides the data version and the role:
    the path and the validated values of the parameters the page reads."""
    match = request.resolver_match
    read = PAGE_PARAMETERS.get(match.url_name if match else "")
    values = read(request.GET) if read else {}
    return f"{request.path}?{json.dumps(values, sort_keys=True, default=str)}"


def page_cache(request):
    """Context processor: the data version and the page's key, read only if a template's
    cache tag needs them."""
    return {
        "data_version": lazy(data_version),
        "page_key": lazy(lambda: page_key(request)),
        "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
    }


def cached_response(parameters):
    """Cache a read-only view's whole response under the data version, the path and the
    values `parameters(request)` validated: for views that answer every signed-in user
    alike (the JSON API), with no per-user token in the response. A parameter that does
    not validate (ValidationError) answers 400 with the reason, before any query; the
    view is called as view(request, values)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                values = parameters(request)
            except ValidationError as error:
                return JsonResponse({"error": " ".join(error.messages)}, status=400)
            described = json.dumps(values, sort_keys=True, default=str)
            key = (
                "page:"
                + hashlib.sha256(
                    f"{data_version()}|{request.path}|{described}".encode()
                ).hexdigest()
            )
            if (hit := cache.get(key)) is not None:
                content, content_type = hit
                return HttpResponse(content, content_type=content_type)
            response = view(request, values, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, (response.content, response["Content-Type"]),
                          settings.PAGE_CACHE_SECONDS)  # fmt: skip
            return response

        return wrapper

    return decorator
