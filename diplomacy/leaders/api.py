"""The read-only JSON API of leaders: /api/leaders (the meetings and statements API is
meetings/api.py)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import JsonResponse

from diplomacy.core.api import DIGITS, next_page_url, page_limit
from diplomacy.core.caching import cached_response, form_values
from diplomacy.leaders.models import Leader, normalize_name
from diplomacy.leaders.serializers import leader_dict


class LeaderQuery(forms.Form):
    q = forms.CharField(required=False, max_length=200)
    country = forms.CharField(required=False, max_length=2)


def _leader_parameters(request) -> dict:
    values = form_values(LeaderQuery, request.GET, strict=True)
    cursor = request.GET.get("cursor", "")
    if cursor and not DIGITS.fullmatch(cursor):
        raise ValidationError("cursor: not a cursor this site gave out.")
    return {**values, "cursor": cursor or None, "limit": page_limit(request)}


@cached_response(_leader_parameters)
def api_leaders(request, values):
    """Leaders by name (`q`, any alias) and `country`; cursor is the last id seen."""
    leaders = Leader.objects.prefetch_related("aliases", "offices").order_by("pk")
    if q := values.get("q", ""):
        by_alias = Leader.objects.filter(aliases__normalized__contains=normalize_name(q))
        leaders = leaders.filter(Q(name__icontains=q) | Q(pk__in=by_alias.values("pk")))
    if country := values.get("country", "").upper():
        leaders = leaders.filter(country=country)
    if values["cursor"]:
        leaders = leaders.filter(pk__gt=int(values["cursor"]))
    limit = values["limit"]
    rows = list(leaders[: limit + 1])
    next_cursor = str(rows[limit - 1].pk) if len(rows) > limit else None
    return JsonResponse(
        {
            "results": [leader_dict(x) for x in rows[:limit]],
            "next": next_page_url(request, values, next_cursor),
        }
    )
