"""Editors' writes to any EditableRecord: the stale-edit check and applying a change.

Every service that changes a record for an editor takes the row with ``lock_for_edit``
(inside its transaction) and writes it with ``apply_edit`` or ``mark_edited``, so the
version, the edited fields and the history's author are kept the same way everywhere.
"""

from typing import Any

from django.db.models import Model


class StaleEdit(Exception):
    """Someone saved the record since the editor's form was loaded."""

    def __init__(self, current: Any, changed: dict[str, tuple]):
        super().__init__("The record was changed by someone else since you opened it.")
        self.current = current
        self.changed = changed  # field -> (value the editor saw, value now)


def lock_for_edit(model: type[Model], pk: int, version: int | None, seen: dict | None = None):
    """The row locked for update, after checking the editor saw its latest version."""
    record: Any = model._default_manager.select_for_update().get(pk=pk)
    if version is not None and record.version != version:
        seen = seen or {}
        changed = {
            field: (old, getattr(record, field))
            for field, old in seen.items()
            if getattr(record, field) != old
        }
        raise StaleEdit(record, changed)
    return record


def mark_edited(record: Any, names, by, *, reason: str | None = None) -> None:
    """Save a record an editor changed: remember the fields as edited, bump the version,
    and name the editor (and the reason, e.g. a revert) in its history entry."""
    record.edited_fields = sorted(set(record.edited_fields) | set(names))
    record.version += 1
    record._history_user = by
    if reason is not None:
        record._change_reason = reason
    record.save()


def apply_edit(record: Any, fields: dict, by) -> list[str]:
    """Apply the fields that differ, remember them as edited, bump the version."""
    changed = [name for name, value in fields.items() if getattr(record, name) != value]
    for name in changed:
        setattr(record, name, fields[name])
    if changed:
        mark_edited(record, changed, by)
    return changed
