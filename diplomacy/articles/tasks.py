"""Thin Celery tasks: take an id, call a service."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from diplomacy.articles import services


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=settings.INGEST_MAX_RETRIES,
    # In the prefork pool: SoftTimeLimitExceeded fails the article with the reason
    # (services.article_ingest, which also keeps this budget itself in other pools); a
    # worker stuck past the grace is killed, and the sweep takes the article back once
    # its lease (longer than both) has run out.
    soft_time_limit=settings.EXTRACTION_TIME_LIMIT_SECONDS,
    time_limit=settings.EXTRACTION_TIME_LIMIT_SECONDS + settings.EXTRACTION_KILL_GRACE_SECONDS,
)
def ingest_article(self, article_id: int) -> None:
    try:
        services.article_ingest(article_id)
    except (OperationalError, InterfaceError) as error:
        # A database error is usually passing: try again later, waiting longer each time;
        # an article that keeps failing ends `failed` with the error, never lost.
        if self.request.retries >= self.max_retries:
            services.article_give_up(article_id, error)
            return
        delay = settings.INGEST_RETRY_BASE_SECONDS * 2**self.request.retries
        raise self.retry(exc=error, countdown=min(delay, 600)) from None


@shared_task
def requeue_stalled_articles() -> int:
    return services.articles_requeue_stalled()


@shared_task
def poll_feeds() -> int:
    """Beat: poll every active feed."""
    from diplomacy.articles.models import Feed

    ids = list(Feed.objects.filter(active=True).values_list("pk", flat=True))
    for pk in ids:
        poll_feed.delay(pk)
    return len(ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def poll_feed(feed_id: int) -> None:
    from diplomacy.articles.feeds import feed_entry_enqueue, feed_poll

    for entry_id in feed_poll(feed_id):
        feed_entry_enqueue(entry_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def ingest_feed_entry(entry_id: int) -> None:
    from diplomacy.articles.feeds import feed_entry_ingest

    feed_entry_ingest(entry_id)
