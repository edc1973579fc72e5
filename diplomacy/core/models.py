"""What every record an editor corrects carries."""

from django.db import models


class EditableRecord(models.Model):
    """A record editors correct (leaders, meetings, statements): the fields they changed,
    which extraction never touches again, and a version for optimistic locking
    (editing.lock_for_edit). Each model keeps its own history (simple-history's
    HistoricalRecords), which reverts and the stale-edit check read."""

    edited_fields = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
