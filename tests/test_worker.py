"""End to end on the real stack: upload view → Redis → a real Celery worker → PostgreSQL."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from diplomacy.articles.models import Article
from diplomacy.meetings.models import Meeting, Statement
from tests.test_ingest import SEED_MEETINGS, SEED_QUOTES, _meetings, _speakers_of_direct_quotes

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "tests" / "artifacts"


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def celery_worker():
    if not settings.CELERY_BROKER_URL or connection.vendor != "postgresql":
        pytest.skip("needs CELERY_BROKER_URL and PostgreSQL (.ci/run sets both)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = (ARTIFACTS / "celery-worker.log").open("w")
    env = {**os.environ, "DATABASE_URL": _database_url()}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "diplomacy", "worker", "--pool=solo",
         "--concurrency=1", "--loglevel=INFO", "--without-gossip", "--without-mingle"],
        cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    yield worker
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
    log.close()


def _wait_until_finished(article_id: int, seconds: float = 90) -> Article:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        article = Article.objects.get(pk=article_id)
        if article.is_finished:
            return article
        time.sleep(0.25)
    raise AssertionError(f"article {article_id} still {article.status} after {seconds}s")


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
