from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "diplomacy.articles"

    def ready(self):
        # Bind shared tasks to our Celery app (and its settings) in every Django process,
        # and register this app's tasks, which services queue by name (queue.py).
        import diplomacy.articles.tasks
        import diplomacy.celery  # noqa: F401
