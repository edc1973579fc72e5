"""An editor's save that met someone else's (HTTP 409), laid out so nothing is lost.

Three versions of each field are known: what the editor's form was built from (`seen`,
the record's history at the version the form carried), what they submitted, and what
is saved now. The panel shows the submitted and the saved value side by side wherever
they differ, and offers one button that saves the editor's version again over the saved
one: the fields they changed take their value, the fields they left alone keep the
saved value (so another editor's change to another field is not undone), and the
version is the current one.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.db import models

from diplomacy.core.editing import StaleEdit


@dataclass(frozen=True)
class ConflictRow:
    label: str
    yours: str
    saved: str
    seen: str
    you_changed: bool
    they_changed: bool


@dataclass(frozen=True)
class Conflict:
    rows: list[ConflictRow]
    # (name, value) of the hidden inputs of the form that saves the editor's version again.
    reapply: list[tuple[str, str]]
    action: str  # the edit URL
    target: str  # the panel the answer replaces

    @property
    def they_changed(self) -> list[ConflictRow]:
        return [row for row in self.rows if row.they_changed]

    @property
    def anything_to_reapply(self) -> bool:
        return any(row.you_changed for row in self.rows)


def _shown(field: forms.Field, value) -> str:
    """A value as the editor reads it: a choice by its label, a date in ISO form."""
    if value is None or value == "":
        return ""
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _raw(field: forms.Field, value) -> str:
    """A saved value as the form accepts it back."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        # A leader typed by name is sent by slug: names are not unique.
        return str(getattr(value, "slug", value.pk))
    return str(value)


def stale_conflict(
    submitted: forms.BaseForm, stale: StaleEdit, seen: dict, *, fields: dict[str, str], action: str,
    target: str,
) -> Conflict:  # fmt: skip
    """The conflict between a valid `submitted` form and the record saved meanwhile.

    `fields` maps each model field the form edits to its form field's name.
    """
    current = stale.current
    rows, reapply = [], []
    for model_field, form_field in fields.items():
        field = submitted.fields[form_field]
        yours = submitted.cleaned_data[form_field]
        saved = getattr(current, model_field)
        was = seen.get(model_field, saved)
        you_changed, they_changed = yours != was, saved != was
        if you_changed:
            reapply.append((form_field, submitted[form_field].value() or ""))
        else:
            reapply.append((form_field, _raw(field, saved)))
        if yours != saved:
            rows.append(
                ConflictRow(
                    label=str(submitted[form_field].label),
                    yours=_shown(field, yours),
                    saved=_shown(field, saved),
                    seen=_shown(field, was),
                    you_changed=you_changed,
                    they_changed=they_changed,
                )
            )
    reapply.append(("version", str(current.version)))
    return Conflict(rows=rows, reapply=reapply, action=action, target=target)
