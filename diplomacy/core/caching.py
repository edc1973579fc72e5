"""Rendered parts of the analyst pages, cached until the data they show changes.

The cache keys hold a *data version*: the highest id of every table whose rows the
pages show, and of the history tables that record every edit (django-simple-history)
and of the admin's log (every change made in the admin). Any write that can change a
page (an article ingested, an editor's correction, a merge, an admin deletion) raises
one of them, so the next request renders afresh; nothing has to be invalidated by hand.
Each app names its tables in its AppConfig.ready() (``data_version_watch``), and the
parameters each of its cached pages reads (``page_parameters_add``).

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
from collections.abc import Callable

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Model
from django.http import HttpResponse, JsonResponse
from django.utils.functional import SimpleLazyObject

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


# (table, primary key column) of every table the version reads, in the order the apps
# named them (INSTALLED_APPS order, so the same in every process).
_version_sources: list[tuple[str, str]] = []


def data_version_watch(*models: type[Model]) -> None:
    """Make a write to any of these tables change the data version. For an app's
    AppConfig.ready(): its tables the pages read and the history tables of its records
    (``Model.history.model``; reaching it builds a manager class, so once a process)."""
    for model in models:
        source = (model._meta.db_table, str(model._meta.pk.column))
        if source not in _version_sources:
            _version_sources.append(source)


def data_version() -> str:
    """One query of index-only lookups, however large the tables."""
    columns = ", ".join(
        f"(SELECT MAX({connection.ops.quote_name(column)}) FROM {connection.ops.quote_name(table)})"
        for table, column in _version_sources
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
    values: dict[str, object] = {}
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


# The parameters each page with cached parts reads, by URL name (page_parameters_add); a
# page not named here is keyed by its path alone.
PAGE_PARAMETERS: dict[str, Callable[[dict], dict]] = {}


def page_parameters_add(url_name: str, read: Callable[[dict], dict]) -> None:
    """Key the cached parts of the page named ``url_name`` by ``read(request.GET)``: the
    validated values of the parameters it reads (form_values), so parameters it ignores
    cannot make new entries. For an app's AppConfig.ready()."""
    PAGE_PARAMETERS[url_name] = read


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
