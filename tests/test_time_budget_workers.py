"""Issue 15, defect 4, against real worker processes (PostgreSQL and Redis): a long
article fails at the worker's time budget with the reason, and the periodic sweep never
hands an article to a second worker while the first is still extracting it."""

import pytest

from diplomacy.articles import services
from diplomacy.articles.models import Article
from tests.test_time_budget import long_text
from tests.workers import Worker, require_real_stack, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_worker_fails_an_article_over_its_time_budget_with_the_reason(kb):
    require_real_stack()
    # A million characters take several seconds to extract; the budget is one.
    article = services.article_create(text=long_text(1_000_000))
    worker = Worker("budget", EXTRACTION_TIME_LIMIT_SECONDS="1")
    try:
        wait_for(lambda: Article.objects.get(pk=article.pk).status == "failed", 120)
    finally:
        worker.stop()
    article.refresh_from_db()
    assert article.error.startswith(
        "Extraction took longer than 1 s (EXTRACTION_TIME_LIMIT_SECONDS) and was stopped: "
        "the text (1,000,000 characters) is too long"
    )
    assert article.attempts == 1


def test_sweep_never_gives_a_running_article_to_a_second_worker(kb):
    require_real_stack()
    # Before leases, an article `processing` longer than ARTICLE_STALL_SECONDS was queued
    # again, and the idle second worker extracted it beside the first.
    article = services.article_create(text=long_text(600_000))
    sweeping = Worker("sweeping", beat=True, ARTICLE_STALL_SECONDS="1", SWEEP_SECONDS="1")
    idle = Worker("idle", ARTICLE_STALL_SECONDS="1")
    try:
        wait_for(lambda: Article.objects.get(pk=article.pk).status == "done", 300, every=0.5)
    finally:
        sweeping.stop()
        idle.stop()
    article.refresh_from_db()
    assert (article.status, article.attempts) == ("done", 1)
