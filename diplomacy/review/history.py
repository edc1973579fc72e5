"""A record's history as editors read it: who changed what, when, in words.

Fields by their labels, dates at their precision, people by name, choices by their
labels; a merge or an undo as one entry that says what was merged (with the button to
undo it); a meeting's participants and a leader's aliases and offices as they were
added and removed.
"""

from datetime import timedelta

from django.utils.text import capfirst
from django.utils.timezone import localtime

from diplomacy.leaders.models import Alias, Leader, Office
from diplomacy.meetings.models import Meeting, Participation
from diplomacy.review.models import Merge

HIDDEN = {
    "version", "edited_fields", "updated_at", "created_at", "participant_key", "normalized",
}  # fmt: skip


def date_at_precision(day, precision: str) -> str:
    """'3 September 2025', 'June 2024', '2024'; '' for no date."""
    return Meeting(date=day, date_precision=precision).date_label if day else ""


class _Names:
    """Names of the leaders and labels of the meetings a history refers to, read once."""

    def __init__(self):
        self.leaders: dict[int, str] = {}

    def leader(self, pk) -> str:
        if pk is None:
            return ""
        if pk not in self.leaders:
            self.leaders[pk] = (
                Leader.objects.filter(pk=pk).values_list("name", flat=True).first()
                or f"leader {pk}"
            )
        return self.leaders[pk]


def _value(field, value, names: _Names) -> str:
    if value in (None, ""):
        return ""
    if field.is_relation:
        if field.related_model is Leader:
            return names.leader(value)
        return f"{field.related_model._meta.verbose_name} {value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _changes(model, newer, older, names: _Names) -> list[tuple[str, str, str]]:
    fields = {c.field: c for c in newer.diff_against(older).changes if c.field not in HIDDEN}
    changes = []
    if model is Meeting and ({"date", "date_precision"} & set(fields)):
        fields.pop("date", None), fields.pop("date_precision", None)
        changes.append(
            (
                "Date",
                date_at_precision(older.date, older.date_precision),
                date_at_precision(newer.date, newer.date_precision),
            )
        )
    for name, change in fields.items():
        field = model._meta.get_field(name)
        changes.append(
            (
                capfirst(field.verbose_name),
                _value(field, change.old, names),
                _value(field, change.new, names),
            )
        )
    return changes


def _merges(reasons) -> dict[int, Merge]:
    ids = {int(r.partition(":")[2]) for r in reasons if r and r.split(":")[0] in ("merge", "undo")}
    return Merge.objects.select_related("by", "undone_by").in_bulk(ids) if ids else {}


# What a merge moved, by kind: the key in Merge.moved and the words for one and many.
MOVED: dict[str, list[tuple[str, str, str]]] = {
    Merge.Kind.LEADER: [
        ("aliases", "alias", "aliases"),
        ("offices", "office", "offices"),
        ("participations", "meeting", "meetings"),
        ("statements", "statement", "statements"),
        ("mentions", "mention", "mentions"),
    ],
    Merge.Kind.MEETING: [
        ("participations", "participant", "participants"),
        ("evidence", "source sentence", "source sentences"),
        ("statements", "statement", "statements"),
    ],
}


def merge_summary(merge: Merge) -> str:
    """'moved here: 2 aliases, 3 meetings, 1 statement'."""
    moved = merge.moved or {}
    parts = [
        f"{len(moved[key])} {one if len(moved[key]) == 1 else many}"
        for key, one, many in MOVED[merge.kind]
        if moved.get(key)
    ]
    return f"moved here: {', '.join(parts)}" if parts else "nothing to move"


def _describe(record, reason: str | None, default: str, merges: dict[int, Merge]):
    """What an entry did, in words, and the merge it may undo."""
    what, _, ref = (reason or "").partition(":")
    merge = merges.get(int(ref)) if ref.isdigit() and what in ("merge", "undo") else None
    if what == "revert" and ref.isdigit():
        then = record.history.filter(history_id=int(ref)).values_list("history_date", flat=True)
        when = localtime(then[0]).strftime("%Y-%m-%d %H:%M") if then else "an earlier time"
        return f"reverted to the version of {when}", None
    if merge is None:
        return default, None
    moved = merge.moved or {}
    keeping = merge.keep_id == record.pk
    if what == "merge" and keeping:
        text = f"merged {moved.get('drop_label', merge.drop_id)} into this one"
        return f"{text} ({merge_summary(merge)})", merge
    if what == "merge":
        return f"merged into {moved.get('keep_label', merge.keep_id)}", None
    if keeping:
        return f"undid the merge of {moved.get('drop_label', merge.drop_id)}", None
    return f"unmerged from {moved.get('keep_label', merge.keep_id)}", None


def history_entries(record, limit: int = 30) -> list[dict]:
    """Newest first; each entry with the fields that changed from the one before."""
    entries = list(
        record.history.select_related("history_user").order_by("-history_id")[: limit + 1]
    )
    merges = _merges(e.history_change_reason for e in entries)
    names = _Names()
    model = type(record)
    rows: list[dict] = []
    for newer, older in zip(entries, [*entries[1:], None], strict=False):
        if len(rows) == limit:
            break
        changes = _changes(model, newer, older, names) if older is not None else []
        what, merge = _describe(
            record, newer.history_change_reason, newer.get_history_type_display().lower(), merges
        )
        rows.append(
            {
                "id": newer.history_id,
                "when": newer.history_date,
                "who": newer.history_user,
                "type": what,
                "changes": changes,
                "first": older is None,
                "revertable": True,
                "merge": merge if merge is not None and not merge.undone else None,
            }
        )
    return rows


def _child_rows(history, label: str, plural: str, describe, limit: int) -> list[dict]:
    """Rows added to and removed from a record (participants, aliases, offices)."""
    rows = []
    for entry in history.exclude(history_type="~").order_by("-history_id")[:limit]:
        added = entry.history_type == "+"
        text = describe(entry)
        rows.append(
            {
                "id": None,
                "when": entry.history_date,
                "who": entry.history_user,
                "type": f"{label.lower()} {'added' if added else 'removed'}",
                "changes": [(plural, "" if added else text, text if added else "")],
                "first": False,
                "revertable": False,
                "merge": None,
            }
        )
    return rows


def _combined(rows: list[dict], limit: int) -> list[dict]:
    """One list, newest first. A version of the record that only says its participants
    (aliases, offices) changed is shown as that change, with its revert button."""
    rows.sort(key=lambda row: row["when"], reverse=True)
    shown = []
    for index, row in enumerate(rows):
        older = rows[index + 1] if index + 1 < len(rows) else None
        if (
            row["id"] is not None
            and not row["changes"]
            and row["type"] == "changed"
            and older is not None
            and older["id"] is None
            and older["who"] == row["who"]
            and row["when"] - older["when"] < timedelta(seconds=2)
        ):
            older.update(id=row["id"], revertable=True, when=row["when"])
            continue
        shown.append(row)
    return shown[:limit]


def meeting_history(meeting, limit: int = 30) -> list[dict]:
    """A meeting's own changes with its participants' additions and removals, newest first."""
    people = Participation.history.filter(meeting_id=meeting.pk).select_related(
        "history_user", "leader"
    )
    rows = history_entries(meeting, limit) + _child_rows(
        people, "Participant", "Participants", lambda e: e.leader.name if e.leader else "", limit
    )
    return _combined(rows, limit)


def leader_history(leader, limit: int = 30) -> list[dict]:
    """A leader's own changes with aliases and offices added and removed, newest first."""
    aliases = Alias.history.filter(leader_id=leader.pk).select_related("history_user")
    offices = Office.history.filter(leader_id=leader.pk).select_related("history_user")

    def office(entry) -> str:
        dates = " – ".join(d.isoformat() if d else "" for d in (entry.start, entry.end))
        return f"{entry.title} ({entry.country}, {dates})" if entry.start else entry.title

    rows = (
        history_entries(leader, limit)
        + _child_rows(aliases, "Alias", "Aliases", lambda e: e.name, limit)
        + _child_rows(offices, "Office", "Offices", office, limit)
    )
    return _combined(rows, limit)
