from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from diplomacy.meetings.models import Evidence, Meeting, Participation, Statement


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


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "leader"]
    autocomplete_fields = ["leader"]
    raw_id_fields = ["meeting"]


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
