"""The Celery task that extracts an article: thin, it takes an id and runs ingestion
(meetings/ingestion.py). Articles queue it by name (articles/queue.py)."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from diplomacy.articles import services
from diplomacy.articles.queue import INGEST_ARTICLE
from diplomacy.meetings import ingestion


@shared_task(
    name=INGEST_ARTICLE,
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=settings.INGEST_MAX_RETRIES,
    # In the prefork pool: SoftTimeLimitExceeded fails the article with the reason
    # (ingestion.article_ingest, which also keeps this budget itself in other pools); a
    # worker stuck past the grace is killed, and the sweep takes the article back once
    # its lease (longer than both) has run out.
    soft_time_limit=settings.EXTRACTION_TIME_LIMIT_SECONDS,
    time_limit=settings.EXTRACTION_TIME_LIMIT_SECONDS + settings.EXTRACTION_KILL_GRACE_SECONDS,
)
def ingest_article(self, article_id: int) -> None:
    try:
        ingestion.article_ingest(article_id)
    except (OperationalError, InterfaceError) as error:
        # A database error is usually passing: try again later, waiting longer each time;
        # an article that keeps failing ends `failed` with the error, never lost.
        if self.request.retries >= self.max_retries:
            services.article_give_up(article_id, error)
            return
        delay = settings.INGEST_RETRY_BASE_SECONDS * 2**self.request.retries
        raise self.retry(exc=error, countdown=min(delay, 600)) from None
