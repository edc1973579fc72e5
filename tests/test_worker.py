"""End to end on the real stack: upload view → Redis → a real Celery worker → PostgreSQL."""

import pytest
from django.urls import reverse

from diplomacy.articles.models import Article
from diplomacy.meetings.models import Meeting, Statement
from tests.test_ingest import SEED_MEETINGS, SEED_QUOTES, _meetings, _speakers_of_direct_quotes
from tests.workers import Worker, require_real_stack, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def celery_worker():
    require_real_stack()
    worker = Worker("e2e")
    yield worker.process
    worker.stop()


def _wait_until_finished(article_id: int, seconds: float = 90) -> Article:
    wait_for(lambda: Article.objects.get(pk=article_id).is_finished, seconds)
    return Article.objects.get(pk=article_id)


def test_uploaded_seed_is_extracted_by_a_real_worker(celery_worker, kb, admin_client, seed_text):
    response = admin_client.post(reverse("article_upload"), {"text": seed_text})
    assert response.status_code == 302
    article = Article.objects.get()
    # Stored before the work: the row exists whatever the worker does next.
    assert article.status in ("queued", "processing", "done")

    article = _wait_until_finished(article.pk)
    assert (article.status, article.error) == ("done", "")
    assert celery_worker.poll() is None
    assert _meetings() == SEED_MEETINGS
    assert _speakers_of_direct_quotes() == SEED_QUOTES

    page = admin_client.get(article.get_absolute_url(), headers={"HX-Request": "true"})
    assert b"hx-trigger" not in page.content
    assert b"Kim Jong Un" in page.content
    assert Meeting.objects.count() == 3
    assert Statement.objects.filter(article=article).count() >= 6
