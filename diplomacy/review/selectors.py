"""Reads of the review pages: the queue narrowed by its filters and paged, and the
meetings that may be duplicates of one."""

import datetime
import re

from django.db.models import F, Q

from diplomacy.leaders.models import Leader, normalize_name
from diplomacy.meetings import services
from diplomacy.meetings.filters import leader_from_param
from diplomacy.meetings.models import Meeting, Participation, ReviewStatus


def queue_filtered(values: dict, meetings, statements):
    """Narrow the queue by the cleaned parameters of a valid QueueFilter."""
    if article := values["article"]:
        meetings = meetings.filter(evidence__article_id=article).distinct()
        statements = statements.filter(article_id=article)
    if name := values["leader"]:
        leader = leader_from_param(name)
        meetings = meetings.filter(participations__leader=leader) if leader else meetings.none()
        statements = statements.filter(speaker=leader) if leader else statements.none()
    if kind := values["kind"]:
        meetings = meetings.filter(kind=kind)
    # Meetings imported from structured records (they keep the record's id) or read in
    # articles: editors can work through each apart.
    if source := values["source"]:
        imported = Q(external_id__isnull=False)
        meetings = meetings.filter(imported) if source == "imported" else meetings.exclude(imported)
    return meetings, statements


def queue_after(queryset, cursor: tuple[float, int] | None):
    """Keyset pagination over (confidence, id) ascending: lowest confidence first."""
    if cursor is None:
        return queryset
    confidence, pk = cursor
    return queryset.filter(Q(confidence__gt=confidence) | Q(confidence=confidence, pk__gt=pk))


def _date_range(token: str):
    """'2025' / '2025-09' / '2025-09-03' -> (first day, last day), or None."""
    if not re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", token):
        return None
    try:
        day, precision = services.parse_partial_date(token)
    except ValueError:
        return None
    if day is None:  # not for a token the pattern matched: for the type checker
        return None
    if precision == "year":
        return day, day.replace(month=12, day=31)
    if precision == "month":
        following = day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1)
        return day, following - datetime.timedelta(days=1)
    return day, day


def merge_candidates(keep: Meeting, query: str, limit: int = 20) -> list[Meeting]:
    """Meetings that may be `keep`'s duplicate: with a participant named by each word of
    the query and on a date given in it; with no query, those sharing a participant."""
    found = (
        Meeting.objects.filter(merged_into=None)
        .exclude(status=ReviewStatus.REJECTED)
        .exclude(pk=keep.pk)
    )
    words = []
    for token in query.split():
        if (period := _date_range(token)) is not None:
            found = found.filter(date__range=period)
        elif len(normalize_name(token)) >= 2:
            words.append(token)
    for word in words:
        typed = normalize_name(word)
        named = Leader.objects.filter(
            Q(aliases__normalized__startswith=typed)
            | Q(aliases__normalized__contains=f" {typed}")
            | Q(name__icontains=word)
        ).values("pk")
        found = found.filter(
            pk__in=Participation.objects.filter(leader__in=named).values("meeting")
        )
    if not query.strip():
        found = found.filter(
            pk__in=Participation.objects.filter(
                leader__in=keep.participations.values("leader")
            ).values("meeting")
        )
    newest_first = found.order_by(F("date").desc(nulls_last=True), "-pk")
    return list(newest_first.prefetch_related("participants")[:limit])
