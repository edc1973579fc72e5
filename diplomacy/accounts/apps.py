from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "diplomacy.accounts"

    def ready(self):
        from diplomacy.accounts import checks  # noqa: F401 - registers the checks
