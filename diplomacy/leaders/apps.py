from django.apps import AppConfig


class LeadersConfig(AppConfig):
    name = "diplomacy.leaders"

    def ready(self) -> None:
        from diplomacy.core.caching import data_version_watch
        from diplomacy.leaders.models import Alias, Leader, Office

        # The pages show leaders' names, aliases and offices: an edit renders them afresh.
        data_version_watch(*(model.history.model for model in (Leader, Alias, Office)))
