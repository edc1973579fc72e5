"""Writes to leaders: the people an extraction names, found or created (unverified) for
ingestion; editors' changes of names, aliases and offices (merging duplicates is in
review/services.py)."""

from datetime import date

from django.db import IntegrityError, transaction

from diplomacy.core.editing import apply_edit, lock_for_edit
from diplomacy.extraction.types import ExtractedLeader
from diplomacy.leaders.kb import DB_KEY_PREFIX
from diplomacy.leaders.models import Alias, Leader, Office, normalize_name


def leaders_for(found: list[ExtractedLeader]) -> dict[str, Leader]:
    """Database rows for the people of an extraction: those of the knowledge base in one
    query, the others one by one (created unverified if new)."""
    keys = [p.key for p in found if p.key and not p.key.startswith(DB_KEY_PREFIX)]
    by_key = Leader.objects.in_bulk(keys, field_name="key") if keys else {}
    rows = {}
    for person in found:
        leader = by_key.get(person.key) if person.key else None
        rows[person.name] = _follow_merges(leader) if leader else leader_for(person)
    return rows


def _follow_merges(leader: Leader) -> Leader:
    seen = set()
    while leader.merged_into_id and leader.pk not in seen:
        seen.add(leader.pk)
        leader = leader.merged_into
    return leader


def leader_for(extracted: ExtractedLeader) -> Leader:
    """The database row for an extracted person (following merges), created unverified
    if unknown."""
    return _follow_merges(_leader_row(extracted))


def _leader_row(extracted: ExtractedLeader) -> Leader:
    if extracted.key and extracted.key.startswith(DB_KEY_PREFIX):
        return Leader.objects.get(pk=int(extracted.key.removeprefix(DB_KEY_PREFIX)))
    if extracted.key:
        leader = Leader.objects.filter(key=extracted.key).first()
        if leader:
            return leader
    normalized = normalize_name(extracted.name)
    alias = (
        Alias.objects.filter(normalized=normalized, leader__known=False)
        .select_related("leader")
        .first()
    )
    if alias:
        return alias.leader
    leader = Leader.objects.create(
        name=extracted.name, country=extracted.country or "", known=False
    )
    Alias.objects.create(leader=leader, name=extracted.name)
    return leader


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
