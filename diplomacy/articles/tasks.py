"""Thin Celery tasks: take an id, call a service."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from diplomacy.articles import services


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=8,
)
def ingest_article(article_id: int) -> None:
    services.article_ingest(article_id)


@shared_task
def requeue_stalled_articles() -> int:
    return services.articles_requeue_stalled()
