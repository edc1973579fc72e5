"""Editors' writes to leaders: names, aliases and offices (merging duplicates is in
review/services.py)."""

from datetime import date

from django.db import IntegrityError, transaction

from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings.services import StaleEdit, apply_edit, lock_for_edit

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
