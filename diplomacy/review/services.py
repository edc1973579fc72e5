"""Merging duplicates, undoing a merge, and reverting a record to a past version.

A merge writes a `Merge` row whose `moved` says, by row id, what it did: the rows moved
from the duplicate (`drop`) to the record that stays (`keep`), the rows deleted as
duplicates with their values, the rows created on `keep`, and the fields it changed
with their values before and after. `merge_undo` reads it back and puts both records
as they were, or refuses and says which later edit stands in the way. The history rows
a merge or an undo writes carry the reason ``merge:<id>`` or ``undo:<id>``, so that the
history list can tell them apart (review/history.py).
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from diplomacy.core.editing import lock_for_edit
from diplomacy.leaders.models import Alias, Leader, Office, normalize_name
from diplomacy.leaders.services import leader_update
from diplomacy.meetings.models import Evidence, Meeting, Mention, Participation, Statement
from diplomacy.meetings.month_counts import counts_follow
from diplomacy.meetings.pairs import pairs_follow
from diplomacy.meetings.services import participants_changed, revert_to
from diplomacy.review.models import Merge

# The fields a meeting merge fills on `keep` when only `drop` knows them.
MEETING_FILLED = ["place", "country", "occasion"]


class MergeRefused(ValueError):
    """A merge, an undo or a revert that cannot be done; the message says why."""


def _lock_both(model, keep_pk: int, drop_pk: int):
    # Always the lower id first, so that two merges of the same pair cannot deadlock.
    first, second = sorted((keep_pk, drop_pk))
    rows = {first: lock_for_edit(model, first, None), second: lock_for_edit(model, second, None)}
    return rows[keep_pk], rows[drop_pk]


def _mark(record, by, reason: str) -> None:
    record.version += 1
    record._history_user = by
    record._change_reason = reason


def meeting_label(meeting: Meeting) -> str:
    """'Vladimir Putin, Kim Jong Un · 3 September 2025 · Beijing'."""
    names = ", ".join(sorted(p.name for p in meeting.participants.all())) or "no participants"
    return " · ".join(filter(None, [names, meeting.date_label, meeting.place]))


# --- leaders -----------------------------------------------------------------------


@transaction.atomic
def leader_merge(*, keep: Leader, drop: Leader, by) -> Merge:
    """Two records of one person become one: aliases, offices, participations,
    statements and mentions move to `keep`; `drop` points at `keep`, so extraction
    follows it. Whatever aliases both have: one `keep` already has (by its normalized
    form) is dropped, and `drop`'s name becomes an alias of `keep` unless it is one."""
    if keep.pk == drop.pk:
        raise MergeRefused("A leader cannot be merged into itself.")
    keep, drop = _lock_both(Leader, keep.pk, drop.pk)
    if drop.merged_into_id:
        raise MergeRefused(f"{drop.name} was already merged into {drop.merged_into.name}.")
    if keep.merged_into_id:
        raise MergeRefused(
            f"{keep.name} was itself merged into {keep.merged_into.name}: merging "
            f"{drop.name} into it would make a cycle. Undo that merge first."
        )
    moved: dict = {"keep_label": keep.name, "drop_label": drop.name}
    merge = Merge.objects.create(kind=Merge.Kind.LEADER, keep_id=keep.pk, drop_id=drop.pk, by=by)
    reason = f"merge:{merge.pk}"

    known = {a.normalized for a in keep.aliases.all()}
    moved["aliases"], moved["aliases_deleted"] = [], []
    for alias in drop.aliases.all():
        alias._history_user, alias._change_reason = by, reason
        if alias.normalized in known:
            moved["aliases_deleted"].append(
                {"id": alias.pk, "name": alias.name, "language": alias.language}
            )
            alias.delete()
        else:
            known.add(alias.normalized)
            alias.leader = keep
            alias.save()
            moved["aliases"].append(alias.pk)
    moved["alias_created"] = None
    if normalize_name(drop.name) not in known:
        alias = Alias(leader=keep, name=drop.name)
        alias._history_user, alias._change_reason = by, reason
        alias.save()
        moved["alias_created"] = alias.pk

    held = {(o.title, o.start) for o in keep.offices.all()}
    moved["offices"], moved["offices_deleted"] = [], []
    for office in drop.offices.all():
        office._history_user, office._change_reason = by, reason
        if (office.title, office.start) in held:
            moved["offices_deleted"].append(
                {"id": office.pk, "title": office.title, "role": office.role,
                 "country": office.country, "start": _iso(office.start),
                 "end": _iso(office.end)}
            )  # fmt: skip
            office.delete()
        else:
            held.add((office.title, office.start))
            office.leader = keep
            office.save()
            moved["offices"].append(office.pk)

    participations = list(Participation.objects.filter(leader=drop))
    meeting_ids = sorted({p.meeting_id for p in participations})
    both = set(
        Participation.objects.filter(leader=keep, meeting_id__in=meeting_ids).values_list(
            "meeting_id", flat=True
        )
    )
    moved["participations"], moved["participations_deleted"] = [], []
    with pairs_follow(*meeting_ids):
        to_move = []
        for participation in participations:
            participation._history_user, participation._change_reason = by, reason
            if participation.meeting_id in both:
                moved["participations_deleted"].append(
                    {"id": participation.pk, "meeting": participation.meeting_id}
                )
                participation.delete()
            else:
                participation.leader = keep
                to_move.append(participation)
        bulk_update_with_history(
            to_move, Participation, ["leader"], default_user=by, default_change_reason=reason
        )
        moved["participations"] = [p.pk for p in to_move]
    participants_changed(*meeting_ids)

    statements = list(Statement.objects.filter(speaker=drop))
    for statement in statements:
        statement.speaker = keep
    bulk_update_with_history(
        statements, Statement, ["speaker"], default_user=by, default_change_reason=reason
    )
    moved["statements"] = [s.pk for s in statements]
    moved["mentions"] = list(Mention.objects.filter(leader=drop).values_list("pk", flat=True))
    Mention.objects.filter(pk__in=moved["mentions"]).update(leader=keep)

    moved["keep_fields"], moved["drop_fields"] = {}, {}
    if not keep.known and drop.known:
        moved["keep_fields"] = {"known": keep.known, "key": keep.key}
        moved["drop_fields"] = {"key": drop.key}
        keep.known, keep.key, drop.key = True, drop.key, None
    drop.merged_into = keep
    _mark(drop, by, reason)
    drop.save()
    _mark(keep, by, reason)
    keep.save()
    merge.moved = moved
    merge.save(update_fields=["moved"])
    return merge


def _iso(day):
    return day.isoformat() if day else None


def _missing(model, ids, **belongs) -> int:
    """How many of these rows no longer exist or no longer belong where the merge put them."""
    ids = list(ids)
    return len(ids) - model.objects.filter(pk__in=ids, **belongs).count() if ids else 0


def _leader_undo(merge: Merge, by) -> None:
    moved, reason = merge.moved, f"undo:{merge.pk}"
    if not Leader.objects.filter(pk__in=[merge.keep_id, merge.drop_id]).count() == 2:
        raise MergeRefused("Cannot undo: one of the two leaders was deleted since.")
    keep, drop = _lock_both(Leader, merge.keep_id, merge.drop_id)
    gone = _leader_undo_check(keep, drop, moved)
    _leader_undo_names(drop, moved, by, reason)
    _leader_undo_links(keep, drop, moved, gone, by, reason)


def _leader_undo_check(keep: Leader, drop: Leader, moved: dict) -> list[int]:
    """Refuse the undo, saying why, when later edits stand in its way; else the meetings
    whose duplicate participation the merge deleted."""
    problems = []
    if drop.merged_into_id != keep.pk:
        problems.append(f"{drop.name} is no longer merged into {keep.name}.")
    if keep.merged_into_id:
        problems.append(
            f"{keep.name} was merged into {keep.merged_into.name} since: undo that merge first."
        )
    checks = [
        (Alias, moved["aliases"], {"leader": keep}, "aliases it moved were removed since"),
        (Office, moved["offices"], {"leader": keep}, "offices it moved were removed since"),
        (Participation, moved["participations"], {"leader": keep},
         "meetings it moved were changed since (the participant removed)"),
        (Statement, moved["statements"], {"speaker": keep},
         "statements it moved were given another speaker since"),
        (Mention, moved["mentions"], {"leader": keep}, "mentions it moved are gone"),
    ]  # fmt: skip
    for model, ids, belongs, what in checks:
        if n := _missing(model, ids, **belongs):
            problems.append(f"{n} of the {what}.")
    gone = [d["meeting"] for d in moved["participations_deleted"]]
    if n := len(set(gone) - set(Meeting.objects.filter(pk__in=gone).values_list("pk", flat=True))):
        problems.append(f"{n} of the meetings both took part in were deleted since.")
    if problems:
        raise MergeRefused("Cannot undo this merge: " + " ".join(problems))
    return gone


def _leader_undo_names(drop: Leader, moved: dict, by, reason: str) -> None:
    """Aliases and offices back to the duplicate, the deleted ones recreated."""
    for alias in Alias.objects.filter(pk__in=moved["aliases"]):
        alias.leader, alias._history_user, alias._change_reason = drop, by, reason
        alias.save()
    for values in moved["aliases_deleted"]:
        alias = Alias(id=values["id"], leader=drop, name=values["name"],
                      language=values["language"])  # fmt: skip
        alias._history_user, alias._change_reason = by, reason
        alias.save(force_insert=True)
    if moved["alias_created"]:
        for alias in Alias.objects.filter(pk=moved["alias_created"]):
            alias._history_user, alias._change_reason = by, reason
            alias.delete()
    for office in Office.objects.filter(pk__in=moved["offices"]):
        office.leader, office._history_user, office._change_reason = drop, by, reason
        office.save()
    for values in moved["offices_deleted"]:
        office = Office(leader=drop, **values)
        office._history_user, office._change_reason = by, reason
        office.save(force_insert=True)


def _leader_undo_links(
    keep: Leader, drop: Leader, moved: dict, gone: list[int], by, reason: str
) -> None:
    """Participations, statements and mentions back to the duplicate; both records as
    they were."""
    participations = list(Participation.objects.filter(pk__in=moved["participations"]))
    meeting_ids = sorted({p.meeting_id for p in participations} | set(gone))
    with pairs_follow(*meeting_ids):
        for participation in participations:
            participation.leader = drop
        bulk_update_with_history(
            participations, Participation, ["leader"], default_user=by,
            default_change_reason=reason,
        )  # fmt: skip
        for values in moved["participations_deleted"]:
            participation = Participation(id=values["id"], meeting_id=values["meeting"],
                                          leader=drop)  # fmt: skip
            participation._history_user, participation._change_reason = by, reason
            participation.save(force_insert=True)
    participants_changed(*meeting_ids)
    statements = list(Statement.objects.filter(pk__in=moved["statements"]))
    for statement in statements:
        statement.speaker = drop
    bulk_update_with_history(
        statements, Statement, ["speaker"], default_user=by, default_change_reason=reason
    )
    Mention.objects.filter(pk__in=moved["mentions"]).update(leader=drop)

    if moved["keep_fields"]:
        keep.known, keep.key = moved["keep_fields"]["known"], moved["keep_fields"]["key"]
    _mark(keep, by, reason)
    keep.save()
    if moved["drop_fields"]:
        drop.key = moved["drop_fields"]["key"]
    drop.merged_into = None
    _mark(drop, by, reason)
    drop.save()


# --- meetings ----------------------------------------------------------------------


@transaction.atomic
def meeting_merge(*, keep: Meeting, drop: Meeting, by) -> Merge:
    """Two records of one meeting become one: evidence and statements move to `keep`,
    participants unite, fields only `drop` knows fill `keep`'s blanks, and `drop`
    points at `keep` (re-extraction follows the pointer)."""
    if keep.pk == drop.pk:
        raise MergeRefused("A meeting cannot be merged into itself.")
    keep, drop = _lock_both(Meeting, keep.pk, drop.pk)
    if drop.merged_into_id:
        raise MergeRefused(
            f"Meeting {drop.pk} was already merged into meeting {drop.merged_into_id}."
        )
    if keep.merged_into_id:
        raise MergeRefused(
            f"Meeting {keep.pk} was itself merged into meeting {keep.merged_into_id}: merging "
            f"meeting {drop.pk} into it would make a cycle. Undo that merge first."
        )
    merge = Merge.objects.create(
        kind=Merge.Kind.MEETING, keep_id=keep.pk, drop_id=drop.pk, by=by,
        moved={"keep_label": meeting_label(keep), "drop_label": meeting_label(drop)},
    )  # fmt: skip
    moved, reason = merge.moved, f"merge:{merge.pk}"
    with pairs_follow(keep, drop):
        spans = set(keep.evidence.values_list("article_id", "start", "end", "record"))
        moved["evidence"] = [
            pk
            for pk, *span in drop.evidence.values_list("pk", "article_id", "start", "end", "record")
            if tuple(span) not in spans
        ]
        Evidence.objects.filter(pk__in=moved["evidence"]).update(meeting=keep)
        statements = list(drop.statements.all())
        for statement in statements:
            statement.meeting = keep
        bulk_update_with_history(
            statements, Statement, ["meeting"], default_user=by, default_change_reason=reason
        )
        moved["statements"] = [s.pk for s in statements]
        present = set(keep.participations.values_list("leader_id", flat=True))
        moved["participations"] = []
        for leader_id in drop.participations.values_list("leader_id", flat=True):
            if leader_id not in present:
                participation = Participation(meeting=keep, leader_id=leader_id)
                participation._history_user, participation._change_reason = by, reason
                participation.save()
                moved["participations"].append(participation.pk)
        participants_changed(keep)
        fields = {}
        for name in MEETING_FILLED:
            if not getattr(keep, name) and getattr(drop, name):
                fields[name] = [getattr(keep, name), getattr(drop, name)]
        if keep.date is None and drop.date is not None:
            fields["date"] = [None, drop.date.isoformat()]
            fields["date_precision"] = [keep.date_precision, drop.date_precision]
        for name, (_, new) in fields.items():
            setattr(keep, name, drop.date if name == "date" else new)
        moved["keep_fields"] = fields
        moved["edited_fields"] = keep.edited_fields
        if moved["participations"] or fields:
            added = {"participants"} if moved["participations"] else set()
            keep.edited_fields = sorted(set(keep.edited_fields) | added | set(fields))
        _mark(keep, by, reason)
        keep.save()
        drop.merged_into = keep
        _mark(drop, by, reason)
        drop.save()
    merge.save(update_fields=["moved"])
    return merge


def _meeting_undo(merge: Merge, by) -> None:
    moved, reason = merge.moved, f"undo:{merge.pk}"
    if not Meeting.objects.filter(pk__in=[merge.keep_id, merge.drop_id]).count() == 2:
        raise MergeRefused("Cannot undo: one of the two meetings was deleted since.")
    keep, drop = _lock_both(Meeting, merge.keep_id, merge.drop_id)
    problems = []
    if drop.merged_into_id != keep.pk:
        problems.append(f"Meeting {drop.pk} is no longer merged into meeting {keep.pk}.")
    if keep.merged_into_id:
        problems.append(
            f"Meeting {keep.pk} was merged into meeting {keep.merged_into_id} since: "
            "undo that merge first."
        )
    if n := _missing(Evidence, moved["evidence"], meeting=keep):
        problems.append(f"{n} of the source sentences it moved were moved or removed since.")
    if n := _missing(Statement, moved["statements"], meeting=keep):
        problems.append(f"{n} of the statements it moved were attached elsewhere since.")
    for name, (_, new) in moved["keep_fields"].items():
        now = getattr(keep, name)
        now = now.isoformat() if name == "date" and now else now
        if now != new:
            label = Meeting._meta.get_field(name).verbose_name
            problems.append(f"The {label} of meeting {keep.pk} was changed since the merge.")
    if problems:
        raise MergeRefused("Cannot undo this merge: " + " ".join(problems))
    with pairs_follow(keep, drop):
        Evidence.objects.filter(pk__in=moved["evidence"]).update(meeting=drop)
        statements = list(Statement.objects.filter(pk__in=moved["statements"]))
        for statement in statements:
            statement.meeting = drop
        bulk_update_with_history(
            statements, Statement, ["meeting"], default_user=by, default_change_reason=reason
        )
        # A participant the merge added and an editor removed since is gone either way.
        for participation in Participation.objects.filter(pk__in=moved["participations"]):
            participation._history_user, participation._change_reason = by, reason
            participation.delete()
        participants_changed(keep)
        for name, (old, _) in moved["keep_fields"].items():
            setattr(keep, name, old)
        added = set(keep.edited_fields) - set(moved["edited_fields"])
        merged = ({"participants"} if moved["participations"] else set()) | set(
            moved["keep_fields"]
        )
        keep.edited_fields = sorted(set(keep.edited_fields) - (added & merged))
        _mark(keep, by, reason)
        keep.save()
        drop.merged_into = None
        _mark(drop, by, reason)
        drop.save()


# --- undo and revert ---------------------------------------------------------------


@transaction.atomic
def merge_undo(merge: Merge, *, by) -> Merge:
    """Put both records back as they were before the merge, or say why not."""
    merge = Merge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone:
        raise MergeRefused("This merge was already undone.")
    if merge.kind == Merge.Kind.LEADER:
        _leader_undo(merge, by)
    else:
        _meeting_undo(merge, by)
    merge.undone_by, merge.undone_at = by, timezone.now()
    merge.save(update_fields=["undone_by", "undone_at"])
    return merge


def merges_of(record) -> list[Merge]:
    kind = Merge.Kind.LEADER if isinstance(record, Leader) else Merge.Kind.MEETING
    return list(Merge.objects.filter(Q(keep_id=record.pk) | Q(drop_id=record.pk), kind=kind))


def record_revert(record, history_id: int, *, by):
    """Revert a meeting, statement or leader to one of its versions (see
    meetings.services.revert_to), refusing a version older than a merge into the record
    that still stands: undoing the merge is how to go back past it."""
    past = record.history.get(history_id=history_id)
    if isinstance(record, Leader | Meeting):
        kind = Merge.Kind.LEADER if isinstance(record, Leader) else Merge.Kind.MEETING
        later = (
            Merge.objects.filter(
                kind=kind, keep_id=record.pk, undone_at=None, at__gt=past.history_date
            )
            .order_by("at")
            .first()
        )
        if later is not None:
            raise MergeRefused(
                f"This version is older than the merge of {later.moved.get('drop_label', '')} "
                "into this record: undo that merge first (in the history below)."
            )
    return revert_to(record, history_id, by=by)


@transaction.atomic
def leader_edit(leader_id: int, *, version: int, fields: dict, seen: dict, by) -> Leader:
    """An editor's change of a leader's name or country. A new country also changes what
    the country filter and the month counts of the timeline say of every meeting of the
    leader's, so those follow in the same transaction."""
    old_country = Leader.objects.filter(pk=leader_id).values_list("country", flat=True).first()
    if "country" not in fields or fields["country"] == old_country:
        return leader_update(leader_id, version=version, fields=fields, seen=seen, by=by)
    meeting_ids = list(
        Participation.objects.filter(leader_id=leader_id).values_list("meeting_id", flat=True)
    )
    with counts_follow(meeting_ids):
        leader = leader_update(leader_id, version=version, fields=fields, seen=seen, by=by)
        if meeting_ids:
            participants_changed(*meeting_ids)
    return leader
