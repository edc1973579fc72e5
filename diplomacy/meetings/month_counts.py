"""Month counts (models.MonthCount) kept in step with the meetings they count.

A visible meeting (not rejected, not merged into another) adds one, in the month of its
date under its kind and status, to the count of the whole record, of each country of
its place and participants, and of each participant. Every write that can change that
(a new meeting, a participant added or removed, a date, kind or status changed, a merge,
an undo, an admin's edit or deletion) already runs inside ``pairs.pairs_follow`` or calls
``pairs.pairs_add``; those call ``counts_follow`` and ``counts_add`` here, so the two
kinds of counts follow the same writes. The difference of a meeting's contribution
before and after is added in one upsert (``INSERT … ON CONFLICT … DO UPDATE SET
meetings = meetings + excluded.meetings``), cells in a fixed order, so concurrent
workers neither lose an update nor deadlock. ``counts_rebuild`` recomputes everything
in one statement (after a bulk load; the tests compare the two).
"""

from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import date

from django.db import connection, transaction

from diplomacy.meetings.models import Meeting, MonthCount, Participation

Cell = tuple[int, str, int, str, str]  # (leader_id, country, month, kind, status)
UNDATED = 0


def month_index(day: date | None) -> int:
    """The month of a date as one number (year * 12 + month - 1); 0 when undated."""
    return day.year * 12 + day.month - 1 if day else UNDATED


def month_start(index: int) -> date:
    """The first day of a month given as month_index."""
    return date(index // 12, index % 12 + 1, 1)


def _cells(day, kind: str, status: str, countries, leader_ids) -> list[Cell]:
    month = month_index(day)
    return [
        (0, "", month, kind, status),
        *((0, country, month, kind, status) for country in sorted(set(countries) - {""})),
        *((leader, "", month, kind, status) for leader in sorted(set(leader_ids))),
    ]


def _contributions(meeting_ids) -> Counter:
    """{cell: meetings} that these meetings add to the counts now (two queries)."""
    ids = list(meeting_ids)
    if not ids:
        return Counter()
    meetings = list(
        Meeting.objects.visible()
        .filter(pk__in=ids)
        .values_list("pk", "date", "kind", "status", "country")
    )
    people, countries = defaultdict(set), defaultdict(set)
    for meeting_id, leader_id, country in Participation.objects.filter(
        meeting_id__in=[m[0] for m in meetings]
    ).values_list("meeting_id", "leader_id", "leader__country"):
        people[meeting_id].add(leader_id)
        countries[meeting_id].add(country)
    found = Counter()
    for pk, day, kind, status, country in meetings:
        found.update(_cells(day, kind, status, countries[pk] | {country}, people[pk]))
    return found


@contextmanager
def counts_follow(meeting_ids):
    """Keep the month counts in step with whatever the block does to these meetings."""
    ids = list(meeting_ids)
    before = _contributions(ids)
    yield
    _apply(before, _contributions(ids))


def counts_add(meeting: Meeting, leader_ids=None) -> None:
    """A meeting just created starts counting. With its participants' ids given (the
    write path that created it knows them, and has set participant_countries from their
    countries), nothing is read back."""
    if leader_ids is None:
        _apply(Counter(), _contributions([meeting.pk]))
        return
    if meeting.status == "rejected" or meeting.merged_into_id:
        return
    countries = {*meeting.participant_countries.split(), meeting.country}
    cells = _cells(meeting.date, meeting.kind, meeting.status, countries, leader_ids)
    _apply(Counter(), Counter(cells))


def _apply(before: Counter, after: Counter) -> None:
    changes = sorted(
        (cell, after[cell] - before[cell])
        for cell in before.keys() | after.keys()
        if after[cell] != before[cell]
    )
    if not changes:
        return
    table = MonthCount._meta.db_table
    rows = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(changes))
    params = [value for cell, delta in changes for value in (*cell, delta)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {table} (leader_id, country, month, kind, status, meetings)
            VALUES {rows}
            ON CONFLICT (leader_id, country, month, kind, status)
            DO UPDATE SET meetings = {table}.meetings + excluded.meetings""",
            params,
        )


# The month of a date as month_index computes it, in each database's SQL.
MONTH_SQL = {
    "postgresql": "COALESCE((EXTRACT(YEAR FROM m.date) * 12 + EXTRACT(MONTH FROM m.date) - 1)"
    "::integer, 0)",
    "sqlite": "COALESCE(CAST(strftime('%Y', m.date) AS INTEGER) * 12"
    " + CAST(strftime('%m', m.date) AS INTEGER) - 1, 0)",
}

REBUILD_SQL = """
INSERT INTO {counts} (leader_id, country, month, kind, status, meetings)
WITH shown AS (
    SELECT m.id, {month} AS month, m.kind, m.status, m.country
    FROM {meetings} m WHERE m.status <> 'rejected' AND m.merged_into_id IS NULL
), places AS (
    SELECT id, country FROM shown WHERE country <> ''
    UNION
    SELECT p.meeting_id, l.country FROM {participations} p
    JOIN {leaders} l ON l.id = p.leader_id JOIN shown s ON s.id = p.meeting_id
    WHERE l.country <> ''
)
SELECT 0, '', month, kind, status, count(*) FROM shown GROUP BY month, kind, status
UNION ALL
SELECT 0, places.country, s.month, s.kind, s.status, count(*)
FROM places JOIN shown s ON s.id = places.id GROUP BY places.country, s.month, s.kind, s.status
UNION ALL
SELECT p.leader_id, '', s.month, s.kind, s.status, count(*)
FROM {participations} p JOIN shown s ON s.id = p.meeting_id
GROUP BY p.leader_id, s.month, s.kind, s.status
"""


def counts_rebuild(apps=None) -> int:
    """Recompute every month count from the meetings, in one statement (after a bulk
    load; a million meetings take seconds). With a migration's ``apps``, the tables of
    its historical models (the same names)."""
    get = apps.get_model if apps else None
    meeting_model = get("meetings", "Meeting") if get else Meeting
    tables = {
        "counts": (get("meetings", "MonthCount") if get else MonthCount)._meta.db_table,
        "meetings": meeting_model._meta.db_table,
        "participations": (
            get("meetings", "Participation") if get else Participation
        )._meta.db_table,
        "leaders": meeting_model._meta.get_field("participants").related_model._meta.db_table,
    }
    sql = REBUILD_SQL.format(month=MONTH_SQL[connection.vendor], **tables)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {tables['counts']}")
        cursor.execute(sql)
        return cursor.rowcount
