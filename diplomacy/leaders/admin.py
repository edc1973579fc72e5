from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from diplomacy.leaders.models import Alias, Leader, Office


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["name", "language"]


class OfficeInline(admin.TabularInline):
    model = Office
    extra = 0


@admin.register(Leader)
class LeaderAdmin(SimpleHistoryAdmin):
    list_display = ["name", "country", "known", "key"]
    list_filter = ["known", "country"]
    search_fields = ["name", "key", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, OfficeInline]


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "leader", "language"]
    search_fields = ["name", "leader__name"]
    autocomplete_fields = ["leader"]


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "leader", "role", "country", "start", "end"]
    list_filter = ["role"]
    search_fields = ["title", "leader__name"]
    autocomplete_fields = ["leader"]
