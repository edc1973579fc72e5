"""Pair counts (models.PairCount) kept in step with the meetings they count.

A meeting contributes one to the count of every pair of its participants, in the month
of its date, while it is visible (not rejected, not merged into another). Every write
that can change a contribution (a new meeting, a participant added or removed, a date
or status changed, a merge, an admin's edit or deletion) runs inside ``pairs_follow``
with the meetings it touches: their contributions are read before and after, and the
difference is added to the counts with atomic increments, so concurrent workers never
lose an update. ``pairs_rebuild`` recomputes everything from scratch (after a bulk
load; the tests compare the two).

The same two calls keep the timeline's month counts in step (meetings/month_counts.py).
"""

from collections import defaultdict
from contextlib import contextmanager
from datetime import date
from itertools import combinations

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max, Value
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear, Greatest

from diplomacy.meetings.models import Meeting, PairCount, Participation
from diplomacy.meetings.month_counts import counts_add, counts_follow, month_index, month_start

# (leader_a, leader_b, month), leader_a < leader_b. Months are numbered as in MonthCount
# (month_index: year * 12 + month - 1, 0 undated), so that a period of months is a range of
# integers: the network of any period sums the rows of its whole months (network.py adds
# the meetings of the part-months at its ends).
Cell = tuple[int, int, int]


def _contributions(meeting_ids) -> dict[Cell, list]:
    """{cell: [meetings, last date]} that these meetings add to the counts now."""
    ids = list(meeting_ids)
    if not ids:
        return {}
    dates = dict(Meeting.objects.visible().filter(pk__in=ids).values_list("pk", "date"))
    people = defaultdict(set)
    for meeting_id, leader_id in Participation.objects.filter(
        meeting_id__in=list(dates)
    ).values_list("meeting_id", "leader_id"):
        people[meeting_id].add(leader_id)
    cells: dict[Cell, list] = {}
    for meeting_id, day in dates.items():
        month = month_index(day)
        for a, b in combinations(sorted(people[meeting_id]), 2):
            cell = cells.setdefault((a, b, month), [0, None])
            cell[0] += 1
            if day and (cell[1] is None or day > cell[1]):
                cell[1] = day
    return cells


@contextmanager
def pairs_follow(*meetings: Meeting | int):
    """Keep the pair counts in step with whatever the block does to these meetings."""
    ids = [m if isinstance(m, int) else m.pk for m in meetings]
    before = _contributions(ids)
    with counts_follow(ids):
        yield
    _apply(before, _contributions(ids))


def pairs_add(meeting: Meeting, leader_ids=None) -> None:
    """A meeting just created starts counting; with its participants' ids given (the
    write path that created it knows them), without reading anything back."""
    counts_add(meeting, leader_ids)
    if leader_ids is None:
        _apply({}, _contributions([meeting.pk]))
        return
    if meeting.status == "rejected" or meeting.merged_into_id:
        return
    month = month_index(meeting.date)
    _apply({}, {(a, b, month): [1, meeting.date]
                for a, b in combinations(sorted(set(leader_ids)), 2)})  # fmt: skip


def _apply(before: dict[Cell, list], after: dict[Cell, list]) -> None:
    for cell in before.keys() | after.keys():
        was, now = before.get(cell, [0, None]), after.get(cell, [0, None])
        delta = now[0] - was[0]
        if delta > 0 or (now[1] and now[1] != was[1]):
            _increase(cell, delta, now[1])
        if delta < 0 or (was[1] and was[1] != now[1]):
            _decrease(cell, min(delta, 0), was[1])


def _filter(cell: Cell):
    a, b, month = cell
    return PairCount.objects.filter(leader_a_id=a, leader_b_id=b, month=month)


def _increase(cell: Cell, delta: int, day: date | None) -> None:
    changes = {"meetings": F("meetings") + delta}
    if day is not None:
        changes["last"] = Greatest(Coalesce("last", Value(day)), Value(day))
    if _filter(cell).update(**changes):
        return
    a, b, month = cell
    try:
        with transaction.atomic():
            PairCount.objects.create(leader_a_id=a, leader_b_id=b, month=month, meetings=delta,
                                     last=day)  # fmt: skip
    except IntegrityError:  # another worker created it meanwhile
        _filter(cell).update(**changes)


def _decrease(cell: Cell, delta: int, day: date | None) -> None:
    if delta:
        _filter(cell).update(meetings=F("meetings") + delta)
    row = _filter(cell).first()
    if row is None:
        return
    if row.meetings <= 0:
        row.delete()
    elif day is not None and row.last == day:
        # The meeting that may have been the last one left: find the last again.
        a, b, month = cell
        start = month_start(month) if month else None
        within = {"date__year": start.year, "date__month": start.month} if start else {"date": None}
        row.last = (
            Meeting.objects.visible()
            .filter(participations__leader=a)
            .filter(participations__leader=b)
            .filter(**within)
            .aggregate(last=Max("date"))["last"]
        )
        row.save(update_fields=["last"])


def pairs_rebuild(apps=None) -> int:
    """Recompute every pair count from the meetings (after a bulk load). With a
    migration's ``apps``, from its historical models."""
    models = (apps.get_model("meetings", name) for name in ("Meeting", "Participation",
              "PairCount")) if apps else (Meeting, Participation, PairCount)  # fmt: skip
    meeting_model, participation_model, pair_model = models
    if connection.vendor == "postgresql":
        return _rebuild_in_sql(meeting_model, participation_model, pair_model)
    visible = meeting_model.objects.exclude(status="rejected").filter(merged_into=None)
    rows = (
        participation_model.objects.filter(
            meeting__in=visible.values("pk"),
            meeting__participations__leader_id__gt=F("leader_id"),
        )
        .values(
            a=F("leader_id"),
            b=F("meeting__participations__leader_id"),
            month=Coalesce(
                ExtractYear("meeting__date") * 12 + ExtractMonth("meeting__date") - 1, 0
            ),
        )  # fmt: skip
        .annotate(n=Count("meeting_id"), last=Max("meeting__date"))
        .order_by()
    )
    with transaction.atomic():
        pair_model.objects.all().delete()
        created = pair_model.objects.bulk_create(
            (pair_model(leader_a_id=r["a"], leader_b_id=r["b"], month=r["month"],
                        meetings=r["n"], last=r["last"]) for r in rows.iterator(chunk_size=10_000)),
            batch_size=10_000,
        )  # fmt: skip
    return len(created)


def _rebuild_in_sql(meeting_model, participation_model, pair_model) -> int:
    """The same in one statement, without the rows passing through Python (PostgreSQL:
    a million meetings take seconds instead of minutes)."""
    meetings, participations, pairs = (
        m._meta.db_table for m in (meeting_model, participation_model, pair_model)
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {pairs}")
        cursor.execute(
            f"""INSERT INTO {pairs} (leader_a_id, leader_b_id, month, meetings, last)
            SELECT a.leader_id, b.leader_id,
                   COALESCE((EXTRACT(YEAR FROM m.date) * 12 + EXTRACT(MONTH FROM m.date) - 1)::int,
                            0),
                   count(*), max(m.date)
            FROM {meetings} m
            JOIN {participations} a ON a.meeting_id = m.id
            JOIN {participations} b ON b.meeting_id = m.id AND b.leader_id > a.leader_id
            WHERE m.status <> 'rejected' AND m.merged_into_id IS NULL
            GROUP BY 1, 2, 3"""
        )
        return cursor.rowcount
