"""Editors' writes to leaders: names, aliases, offices, and merging duplicates."""

from datetime import date

from django.db import IntegrityError, transaction

from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings.models import Mention, Participation, Statement
from diplomacy.meetings.pairs import pairs_follow
from diplomacy.meetings.services import (
    StaleEdit,
    apply_edit,
    lock_for_edit,
    participants_changed,
)

__all__ = ["StaleEdit"]


@transaction.atomic
def leader_update(leader_id: int, *, version: int, fields: dict, seen: dict, by) -> Leader:
    leader = lock_for_edit(Leader, leader_id, version, seen)
    apply_edit(leader, fields, by)
    return leader


def alias_add(leader: Leader, name: str, language: str = "", *, by) -> Alias:
    """An alias in any language or script; the next extraction uses it."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("An alias cannot be empty.")
    alias = Alias(leader=leader, name=name, language=language)
    alias._history_user = by
    try:
        with transaction.atomic():
            alias.save()
    except IntegrityError:
        raise ValueError(f"{leader.name} already has the alias “{name}”.") from None
    return alias


def alias_remove(alias: Alias, *, by) -> None:
    alias._history_user = by
    alias.delete()


def office_add(
    leader: Leader, *, title: str, role: str, country: str, start: date | None,
    end: date | None, by,
) -> Office:  # fmt: skip
    if start and end and end < start:
        raise ValueError("An office cannot end before it starts.")
    office = Office(leader=leader, title=title, role=role, country=country, start=start, end=end)
    office._history_user = by
    try:
        with transaction.atomic():
            office.save()
    except IntegrityError:
        raise ValueError("This office with this start date is already recorded.") from None
    return office


def office_remove(office: Office, *, by) -> None:
    office._history_user = by
    office.delete()


@transaction.atomic
def leader_merge(*, keep: Leader, drop: Leader, by) -> Leader:
    """Two records of one person become one: aliases, offices, participations, statements
    and mentions move to `keep`; `drop` points at `keep`, so extraction follows it."""
    if keep.pk == drop.pk:
        raise ValueError("A leader cannot be merged into itself.")
    keep = lock_for_edit(Leader, keep.pk, None)
    drop = lock_for_edit(Leader, drop.pk, None)
    names = set(keep.aliases.values_list("name", flat=True))
    for alias in list(drop.aliases.all()):
        alias._history_user = by
        if alias.name in names:
            alias.delete()
        else:
            alias.leader = keep
            alias.save()
    if drop.name not in names:
        Alias.objects.create(leader=keep, name=drop.name)
    for office in list(drop.offices.all()):
        office._history_user = by
        if keep.offices.filter(title=office.title, start=office.start).exists():
            office.delete()
        else:
            office.leader = keep
            office.save()
    moved = list(Participation.objects.filter(leader=drop))
    with pairs_follow(*{p.meeting_id for p in moved}):
        for participation in moved:
            participation._history_user = by
            if Participation.objects.filter(meeting=participation.meeting, leader=keep).exists():
                participation.delete()
            else:
                participation.leader = keep
                participation.save()
    participants_changed(*{p.meeting_id for p in moved})
    Statement.objects.filter(speaker=drop).update(speaker=keep)
    Mention.objects.filter(leader=drop).update(leader=keep)
    if not keep.known and drop.known:
        keep.known, keep.key, drop.key = True, drop.key, None
    drop.merged_into = keep
    drop.version += 1
    drop._history_user = by
    drop.save()
    keep.version += 1
    keep._history_user = by
    keep.save()
    return keep
