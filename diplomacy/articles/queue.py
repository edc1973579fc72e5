"""Sending work to the Celery workers, by task name.

Services queue tasks through here instead of importing the task modules (which import
the services): no import circle, and articles can queue the extraction of an article,
which is a meetings task (meetings/tasks.py; articles cannot import meetings). Each
app's AppConfig.ready() imports its task module, so in every process the name finds the
task object, and ``task_always_eager`` (the embedded default, the tests) still runs it
in-process. A broker that cannot be reached raises kombu's OperationalError, for the
caller to handle.
"""

from diplomacy.celery import app

# The names are the modules the tasks were first defined in: messages queued by an
# older release still find them.
INGEST_ARTICLE = "diplomacy.articles.tasks.ingest_article"
POLL_FEED = "diplomacy.articles.tasks.poll_feed"
INGEST_FEED_ENTRY = "diplomacy.articles.tasks.ingest_feed_entry"


def task_send(name: str, *args: object) -> None:
    """Queue the task named ``name`` with these arguments."""
    app.tasks[name].delay(*args)
