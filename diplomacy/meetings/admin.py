from django.contrib import admin
from django.db import transaction
from simple_history.admin import SimpleHistoryAdmin

from diplomacy.meetings.models import Evidence, Meeting, Participation, Statement
from diplomacy.meetings.pairs import pairs_add, pairs_follow
from diplomacy.meetings.services import participants_changed


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["leader"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    raw_id_fields = ["article"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "date", "date_precision", "place", "kind", "status", "confidence"]
    list_filter = ["status", "kind", "date_precision"]
    search_fields = ["place", "participants__name"]
    inlines = [ParticipationInline, EvidenceInline]

    # An admin's change of a meeting, its participants or its status keeps the pair
    # counts in step: read the meeting's contribution before, apply the difference after.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST" or not object_id or not object_id.isdigit():
            return super().changeform_view(request, object_id, form_url, extra_context)
        with transaction.atomic(), pairs_follow(int(object_id)):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        participants_changed(form.instance)
        if not change:
            pairs_add(form.instance)

    def delete_model(self, request, obj):
        with pairs_follow(obj.pk):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with pairs_follow(*queryset.values_list("pk", flat=True)):
            super().delete_queryset(request, queryset)


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "leader"]
    autocomplete_fields = ["leader"]
    raw_id_fields = ["meeting"]

    def save_model(self, request, obj, form, change):
        before = Participation.objects.filter(pk=obj.pk).values_list("meeting_id", flat=True)
        moved_from = list(before) if change else []
        with pairs_follow(obj.meeting_id, *moved_from):
            super().save_model(request, obj, form, change)
        participants_changed(obj.meeting_id, *moved_from)

    def delete_model(self, request, obj):
        with pairs_follow(obj.meeting_id):
            super().delete_model(request, obj)
        participants_changed(obj.meeting_id)

    def delete_queryset(self, request, queryset):
        meetings = set(queryset.values_list("meeting_id", flat=True))
        with pairs_follow(*meetings):
            super().delete_queryset(request, queryset)
        participants_changed(*meetings)


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "article", "start", "end"]
    raw_id_fields = ["meeting", "article"]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["speaker", "kind", "language", "said_on", "status"]
    list_filter = ["kind", "language", "status"]
    search_fields = ["text", "speaker__name"]
    raw_id_fields = ["article", "meeting"]
    autocomplete_fields = ["speaker"]
