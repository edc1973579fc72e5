"""Reads of the meetings pages that several of them share, or that aggregate: the
countries to filter by, who a leader met, how often and when last, and per year."""

from collections import defaultdict

from django.db.models import Case, F, Max, Q, Sum, When

from diplomacy.leaders.models import Leader
from diplomacy.meetings.models import MonthCount, PairCount

COUNTERPARTS_SHOWN = 50


def country_choices() -> list[str]:
    """The countries of the filters' choice: those of the leaders on record."""
    return list(
        Leader.objects.exclude(country="")
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )


def counterparts(leader: Leader, limit: int = COUNTERPARTS_SHOWN) -> list[dict]:
    """The people a leader met, most meetings first, with the date of the last one: read
    from the pair counts (meetings/pairs.py), a few rows a counterpart and year."""
    other = Case(When(leader_a=leader, then=F("leader_b")), default=F("leader_a"))
    rows = list(
        PairCount.objects.filter(Q(leader_a=leader) | Q(leader_b=leader))
        .values(other_id=other)
        .annotate(count=Sum("meetings"), last=Max("last"))
        .order_by("-count", F("last").desc(nulls_last=True), "other_id")[:limit]
    )
    people = Leader.objects.in_bulk([r["other_id"] for r in rows])
    return [{"leader": people[r["other_id"]], "count": r["count"], "last": r["last"]} for r in rows]


def meetings_per_year(leader: Leader) -> dict[int | None, int]:
    """{year: the leader's visible meetings that year}, None for the undated: summed from
    the leader's month counts (meetings/month_counts.py), a few hundred rows at most,
    however many meetings they had."""
    years: dict[int | None, int] = defaultdict(int)
    rows = MonthCount.objects.filter(leader_id=leader.pk, country="")
    for month, meetings in rows.values_list("month", "meetings"):
        years[month // 12 if month else None] += meetings
    return {year: n for year, n in years.items() if n}
