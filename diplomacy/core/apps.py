from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app builds on: the page cache, editable records and their edit helpers,
    HTMX panel rendering. Imports no other app of the project (docs/architecture.md)."""

    name = "diplomacy.core"

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry

        from diplomacy.core.caching import data_version_watch

        # Every change made in the admin leaves a log entry.
        data_version_watch(LogEntry)
