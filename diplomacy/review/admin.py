from django.contrib import admin

from diplomacy.review.models import Merge


@admin.register(Merge)
class MergeAdmin(admin.ModelAdmin):
    """The merge log, to read: merges are made and undone from the review pages, which
    keep the records, pair counts and history in step."""

    list_display = ["kind", "drop_id", "keep_id", "by", "at", "undone_at"]
    list_filter = ["kind"]
    readonly_fields = ["kind", "keep_id", "drop_id", "moved", "by", "at", "undone_by", "undone_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
