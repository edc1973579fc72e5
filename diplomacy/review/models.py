"""The merge log: what each merge of two records moved, so that it can be undone."""

from django.conf import settings
from django.db import models


class Merge(models.Model):
    """One merge of a duplicate (`drop`) into the record that stays (`keep`).

    `moved` records exactly what the merge did, by row id, so that undoing it puts both
    records back as they were: rows moved from `drop` to `keep`, rows deleted as
    duplicates (with their values, to recreate them), rows created on `keep`, and the
    fields changed on either record with their old values. See review/services.py.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        LEADER = "leader", "Leader"

    kind = models.CharField(max_length=7, choices=Kind.choices)
    keep_id = models.PositiveBigIntegerField()
    drop_id = models.PositiveBigIntegerField()
    moved = models.JSONField(default=dict)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["kind", "keep_id"], name="merge_keep_idx"),
            models.Index(fields=["kind", "drop_id"], name="merge_drop_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.drop_id} into {self.keep_id}"

    @property
    def undone(self) -> bool:
        return self.undone_at is not None
