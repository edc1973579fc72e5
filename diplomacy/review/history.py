"""A record's history as editors read it: who changed what, when."""

HIDDEN = {"version", "edited_fields", "updated_at"}


def history_entries(record, limit: int = 30) -> list[dict]:
    """Newest first; each entry with the fields that changed from the one before."""
    entries = list(
        record.history.select_related("history_user").order_by("-history_id")[: limit + 1]
    )
    rows = []
    for newer, older in zip(entries, [*entries[1:], None], strict=False):
        if len(rows) == limit:
            break
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            changes = [(c.field, c.old, c.new) for c in delta.changes if c.field not in HIDDEN]
        rows.append(
            {
                "id": newer.history_id,
                "when": newer.history_date,
                "who": newer.history_user,
                "type": newer.get_history_type_display(),
                "changes": changes,
                "first": older is None,
                "revertable": True,
            }
        )
    return rows


def meeting_history(meeting, limit: int = 30) -> list[dict]:
    """A meeting's own changes with its participants' additions and removals, newest first."""
    from diplomacy.meetings.models import Participation

    rows = history_entries(meeting, limit)
    people = (
        Participation.history.filter(meeting_id=meeting.pk)
        .exclude(history_type="~")
        .select_related("history_user", "leader")
        .order_by("-history_id")[:limit]
    )
    for entry in people:
        added = entry.history_type == "+"
        rows.append(
            {
                "id": None,
                "when": entry.history_date,
                "who": entry.history_user,
                "type": "participant added" if added else "participant removed",
                "changes": [("participants", "" if added else entry.leader.name,
                             entry.leader.name if added else "")],
                "first": False,
                "revertable": False,
            }
        )  # fmt: skip
    rows.sort(key=lambda row: row["when"], reverse=True)
    return rows[:limit]
