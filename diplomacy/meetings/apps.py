from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "diplomacy.meetings"

    def ready(self) -> None:
        # The ingest task, which articles queue by name (articles/queue.py).
        import diplomacy.meetings.tasks  # noqa: F401
        from diplomacy.meetings.caching import page_cache_setup

        page_cache_setup()
