"""Ingestion: an article in, the record out.

The one place that runs other apps' steps in order: claim the article and keep its
time budget (articles.services), extract it with the knowledge base (leaders.kb, the
extraction library), store what was found (meetings.services.extraction_store, which
finds or creates the people through leaders.services) and record the outcome on the
article (articles.services). The Celery task that runs it is meetings/tasks.py.
"""

import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction

from diplomacy.articles import services
from diplomacy.articles.models import Article
from diplomacy.extraction import extract
from diplomacy.leaders.kb import knowledge_base_cached
from diplomacy.meetings.services import extraction_store

log = logging.getLogger(__name__)


def article_ingest(article_id: int) -> None:
    """Extract an article and store what was found, in one transaction."""
    article = services.article_claim(article_id)
    if article is None:
        return
    limit = settings.EXTRACTION_TIME_LIMIT_SECONDS
    try:
        with services.time_budget(limit):
            # With its trace: each piece of evidence keeps why the machine read a meeting
            # there.
            extraction = extract(
                article.text, article.published, knowledge_base_cached(), trace=True
            )
            with transaction.atomic():
                found = extraction_store(article, extraction)
                services.article_finish(article, Article.Status.DONE, **found)
    except SoftTimeLimitExceeded:
        # Celery's soft time limit or our own budget: the article fails, with the reason.
        log.warning("Extraction of article %s took longer than %s s", article.pk, limit)
        services.article_out_of_time(article, limit)
    except (OperationalError, InterfaceError):
        # The database went away: give the article back so a retry or the sweep takes it.
        services.article_release(article)
        raise
    except Exception as error:
        log.exception("Extraction of article %s failed", article.pk)
        services.article_finish(
            article, Article.Status.FAILED, error=f"{type(error).__name__}: {error}"
        )
