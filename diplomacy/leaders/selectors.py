"""Reads of leaders that pages share."""

from django.db.models import Q

from diplomacy.leaders.models import Leader, LeaderQuerySet


def leaders_typed(typed: str) -> LeaderQuerySet:
    """Leaders one of whose names (any alias) has a word starting with ``typed``, already
    normalised (normalize_name): known ones first, then by name."""
    return (
        Leader.objects.filter(
            Q(aliases__normalized__startswith=typed) | Q(aliases__normalized__contains=f" {typed}")
        )
        .distinct()
        .order_by("-known", "name")
    )
