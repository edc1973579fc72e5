"""Thin Celery tasks: take an id, call a service. (Extracting an article is meetings'
task, meetings/tasks.py; services queue tasks by name, articles/queue.py.)"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from diplomacy.articles import feeds, services
from diplomacy.articles.models import Feed


@shared_task
def requeue_stalled_articles() -> int:
    return services.articles_requeue_stalled()


@shared_task
def poll_feeds() -> int:
    """Beat: poll every active feed."""
    ids = list(Feed.objects.filter(active=True).values_list("pk", flat=True))
    for pk in ids:
        poll_feed.delay(pk)
    return len(ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def poll_feed(feed_id: int) -> None:
    for entry_id in feeds.feed_poll(feed_id):
        feeds.feed_entry_enqueue(entry_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def ingest_feed_entry(entry_id: int) -> None:
    feeds.feed_entry_ingest(entry_id)
