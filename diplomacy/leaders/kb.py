"""The knowledge base between its data file, the database and the extraction engine.

The repository's `diplomacy/leaders/data/leaders.jsonl` is loaded into the
database (`manage.py load_kb`); the engine then reads the database, so an alias
an editor adds is used by the next extraction.
"""

from collections.abc import Iterable
from pathlib import Path

from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

from diplomacy.extraction import KnowledgeBase, load_leader_entries
from diplomacy.extraction.types import LeaderEntry
from diplomacy.extraction.types import Office as OfficeEntry
from diplomacy.leaders.data import LEADERS_FILE
from diplomacy.leaders.models import Alias, Leader, Office, normalize_name, unique_slug

# Leaders created by the application rather than the data file get this key prefix
# in the engine's knowledge base, so extraction results map back to their rows.
DB_KEY_PREFIX = "db:"


@transaction.atomic
def leaders_load(entries: Iterable[LeaderEntry]) -> tuple[int, int]:
    """Insert or update leaders from knowledge-base entries; returns (created, updated).

    Aliases and offices are only ever added, so what editors added stays.
    """
    entries = list(entries)
    existing = {leader.key: leader for leader in Leader.objects.exclude(key=None)}
    taken = set(Leader.objects.values_list("slug", flat=True))
    fresh = []
    for entry in entries:
        if entry.key not in existing:
            slug = unique_slug(entry.name, entry.country, taken)
            taken.add(slug)
            leader = Leader(key=entry.key, name=entry.name, country=entry.country, slug=slug)
            existing[entry.key] = leader
            fresh.append(leader)
    bulk_create_with_history(fresh, Leader)
    fresh_keys = {leader.key for leader in fresh}
    # bulk_create does not return ids on every backend: read them back by key.
    ids = dict(Leader.objects.exclude(key=None).values_list("key", "pk"))
    updated = 0
    alias_names = set(Alias.objects.values_list("leader_id", "name"))
    offices_on_record = {(o.leader_id, o.title, o.start): o for o in Office.objects.all()}
    new_aliases, new_offices = [], []
    for entry in entries:
        leader = existing[entry.key]
        leader.pk = ids[entry.key]
        if entry.key not in fresh_keys and (leader.name, leader.country, leader.known) != (
            entry.name,
            entry.country,
            True,
        ):
            leader.name, leader.country, leader.known = entry.name, entry.country, True
            leader.save(update_fields=["name", "country", "known", "updated_at"])
            updated += 1
        for name in dict.fromkeys((entry.name, *entry.aliases)):
            if (leader.pk, name) not in alias_names:
                alias_names.add((leader.pk, name))
                # bulk_create skips save(), which fills `normalized`.
                new_aliases.append(
                    Alias(leader_id=leader.pk, name=name, normalized=normalize_name(name))
                )
        for office in entry.offices:
            on_record = offices_on_record.get((leader.pk, office.title, office.start))
            if on_record is None:
                offices_on_record[(leader.pk, office.title, office.start)] = Office(
                    leader_id=leader.pk,
                    title=office.title,
                    role=office.role,
                    country=office.country,
                    start=office.start,
                    end=office.end,
                )
                new_offices.append(offices_on_record[(leader.pk, office.title, office.start)])
            elif (on_record.role, on_record.country, on_record.end) != (
                office.role,
                office.country,
                office.end,
            ):
                # The data file corrects a spell it lists (typically its end).
                on_record.role, on_record.country, on_record.end = (
                    office.role,
                    office.country,
                    office.end,
                )
                if on_record.pk:
                    on_record.save(update_fields=["role", "country", "end"])
    bulk_create_with_history(new_aliases, Alias)
    bulk_create_with_history(new_offices, Office)
    return len(fresh), updated


def leaders_load_file(path: Path = LEADERS_FILE) -> tuple[int, int]:
    return leaders_load(load_leader_entries(path))


def engine_key(leader: Leader) -> str:
    return leader.key or f"{DB_KEY_PREFIX}{leader.pk}"


_cache: dict[str, tuple[tuple, KnowledgeBase]] = {}


def knowledge_base_version() -> tuple:
    """Changes whenever a leader, alias or office is added, changed or removed.

    Every change through the models, the admin, the editors' pages or the loader
    (bulk_create_with_history) leaves a history row, so the newest history ids tell in
    one cheap query whether the cached base is stale.
    """
    tables = [model.history.model._meta.db_table for model in (Leader, Alias, Office)]
    sql = "SELECT " + ", ".join(f"(SELECT MAX(history_id) FROM {table})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def knowledge_base_cached() -> KnowledgeBase:
    """The engine's knowledge base, rebuilt only when the database's has changed.

    Building it takes a noticeable fraction of a second with the world-wide base;
    a worker keeps it between articles.
    """
    version = knowledge_base_version()
    cached = _cache.get("kb")
    if cached is None or cached[0] != version:
        _cache["kb"] = (version, knowledge_base_from_db())
    return _cache["kb"][1]


def knowledge_base_from_db() -> KnowledgeBase:
    """The engine's knowledge base, built from every leader in the database."""
    leaders = Leader.objects.prefetch_related("aliases", "offices")
    entries = [
        LeaderEntry(
            key=engine_key(leader),
            name=leader.name,
            country=leader.country,
            aliases=tuple(a.name for a in leader.aliases.all() if a.name != leader.name),
            offices=tuple(
                OfficeEntry(title=o.title, role=o.role, country=o.country, start=o.start, end=o.end)
                for o in leader.offices.all()
            ),
        )
        for leader in leaders
    ]
    return KnowledgeBase(entries)
