"""What the meetings pages add to the page cache (core/caching.py): the tables whose
writes change what they show, and the parameters each cached page reads."""

from django.core.exceptions import ValidationError

from diplomacy.core.caching import data_version_watch, form_values, page_parameters_add
from diplomacy.meetings.filters import Cursor, MeetingFilter, StatementFilter
from diplomacy.meetings.models import Evidence, Meeting, Mention, Participation, Statement


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
    from diplomacy.meetings.timeline import view_values

    # Every leader (lanes), the view (chart or list) and the chart's window as well.
    return {
        **form_values(MeetingFilter, data),
        "after": cursor_value(data.get("after")),
        **view_values(data),
    }


def _network_values(data) -> dict:
    from diplomacy.meetings.network import PAIR_SORTS, NetworkOptions

    sort = data.get("sort")
    return {
        **form_values(MeetingFilter, data),
        **form_values(NetworkOptions, data),
        "sort": sort if sort in PAIR_SORTS else "count",
    }


def _map_values(data) -> dict:
    from diplomacy.meetings.maps import MapOptions

    return {**form_values(MeetingFilter, data), **form_values(MapOptions, data)}


def _statement_values(data) -> dict:
    return {**form_values(StatementFilter, data), "after": cursor_value(data.get("after"))}


def page_cache_setup() -> None:
    """Called once by MeetingsConfig.ready(). (The leader page's parts are keyed by the
    leader.)"""
    data_version_watch(Meeting, Evidence, Statement, Mention)
    data_version_watch(*(model.history.model for model in (Meeting, Participation, Statement)))
    page_parameters_add("timeline", _timeline_values)
    page_parameters_add("network", _network_values)
    page_parameters_add("map", _map_values)
    page_parameters_add("statements", _statement_values)
