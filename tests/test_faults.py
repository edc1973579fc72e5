"""No article is lost under faults: a worker killed mid-batch, the broker down during
uploads. Real worker processes, Redis and PostgreSQL; CI runs these."""

import itertools
from collections import Counter
from pathlib import Path

import pytest
from django.urls import reverse

from diplomacy.articles import services
from diplomacy.articles.models import Article
from diplomacy.extraction import extract
from diplomacy.leaders.kb import knowledge_base_from_db
from diplomacy.meetings.models import Evidence, Meeting, Statement
from tests.workers import Worker, redis_start, redis_stop, require_real_stack, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PEOPLE = ["Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sánchez", "Keir Starmer",
          "Donald Tusk", "Xi Jinping", "Narendra Modi"]  # fmt: skip
CITIES = ["Paris", "Berlin", "Rome", "Madrid", "London", "Warsaw"]


def articles(n: int) -> list[str]:
    """Short, distinct articles, each reporting one meeting and one quotation."""
    pairs = itertools.cycle(itertools.combinations(PEOPLE, 2))
    texts = []
    for number in range(n):
        a, b = next(pairs)
        month, day = number % 12 + 1, number % 27 + 1
        city = CITIES[number % len(CITIES)]
        texts.append(
            f"date 2025-{month:02d}-{day:02d} {a} met {b} in {city} on Monday for talks on "
            f'trade. "We agreed on the next steps, item {number}," {a} said after the meeting.'
        )
    return texts


def _no_duplicate_meetings() -> None:
    keys = Counter(
        (tuple(sorted(m.participants.values_list("pk", flat=True))), m.date, m.place)
        for m in Meeting.objects.visible()
    )
    assert [key for key, count in keys.items() if count > 1] == []


def _each_article_once() -> None:
    """Every article done, with exactly what one extraction of it gives: no row twice."""
    assert Article.objects.exclude(status="done").count() == 0
    kb = knowledge_base_from_db()
    expected_statements = expected_evidence = 0
    for article in Article.objects.all():
        found = extract(article.text, article.published, kb)
        expected_statements += len(found.statements) + len(found.fragments)  # both stored
        expected_evidence += len({(s.start, s.end) for m in found.meetings for s in m.evidence})
    assert Statement.objects.count() == expected_statements
    assert Evidence.objects.count() == expected_evidence
    assert expected_evidence >= Article.objects.count()


def test_worker_killed_mid_batch_loses_and_duplicates_nothing(kb):
    require_real_stack()
    # Redis gives an unacknowledged task back after this long. The article in hand when
    # the worker dies is leased for its time limit, grace and margin (3 + 2 × 1 s here).
    first = Worker(
        "doomed", CELERY_VISIBILITY_TIMEOUT="5", EXTRACTION_TIME_LIMIT_SECONDS="3",
        EXTRACTION_KILL_GRACE_SECONDS="1",
    )  # fmt: skip
    try:
        for text in articles(200):
            services.article_create(text=text)
        wait_for(lambda: Article.objects.filter(status="done").count() >= 30, 120)
        first.kill()
    finally:
        first.stop()
    assert Article.objects.filter(status="done").count() < 200

    # The article being processed when the worker died was claimed: beat's sweep
    # queues it again once it has stalled; the redelivered message finds it taken.
    second = Worker(
        "survivor", beat=True, CELERY_VISIBILITY_TIMEOUT="5", ARTICLE_STALL_SECONDS="3",
        SWEEP_SECONDS="2",
    )  # fmt: skip
    try:
        wait_for(lambda: Article.objects.filter(status="done").count() == 200, 240, every=1)
    finally:
        second.stop()
    _each_article_once()
    _no_duplicate_meetings()


def test_uploads_while_redis_is_down_are_stored_and_done_once_it_is_back(kb, admin_client):
    require_real_stack()
    redis_stop()
    try:
        for text in articles(50):
            response = admin_client.post(reverse("article_upload"), {"text": text})
            assert response.status_code == 302
        assert Article.objects.filter(status="queued").count() == 50
    finally:
        redis_start()
    # Nothing was queued; beat's periodic sweep finds the articles left queued.
    worker = Worker("after-outage", beat=True, ARTICLE_STALL_SECONDS="1", SWEEP_SECONDS="2")
    try:
        wait_for(lambda: Article.objects.filter(status="done").count() == 50, 180, every=1)
    finally:
        worker.stop()
    _each_article_once()
    _no_duplicate_meetings()


def _lock_table(table: str):
    """Another connection holds a table locked, as a long migration or a stuck
    transaction would: the worker's statements on it fail after its lock_timeout."""
    import psycopg

    from tests.workers import database_url

    conn = psycopg.connect(database_url())
    conn.execute("BEGIN")
    conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
    return conn


def worker_log_count(worker, text: str) -> int:
    return Path(worker.log.name).read_text(errors="replace").count(text)


def test_database_error_is_retried_with_back_off(kb, seed_text):
    require_real_stack()
    # Statements on a locked table give up after 300 ms: a real PostgreSQL error
    # (LockNotAvailable, an OperationalError), as a passing outage gives.
    worker = Worker(
        "retrying", DATABASE_SESSION_OPTIONS="-c lock_timeout=300",
        INGEST_RETRY_BASE_SECONDS="1", INGEST_MAX_RETRIES="8",
    )  # fmt: skip
    lock = _lock_table("meetings_meeting")
    try:
        article = services.article_create(text=seed_text)
        wait_for(lambda: worker_log_count(worker, "Retry in 2s") >= 1, 60)
        lock.rollback()
        wait_for(lambda: Article.objects.get(pk=article.pk).status == "done", 60)
    finally:
        lock.close()
        worker.stop()
    assert worker_log_count(worker, "Retry in 1s") >= 1
    done = Article.objects.get(pk=article.pk)
    assert (done.error, done.attempts >= 3) == ("", True)
    assert Meeting.objects.count() == 3


def test_article_that_keeps_failing_ends_failed_with_its_error(kb, seed_text):
    require_real_stack()
    worker = Worker(
        "giving-up", DATABASE_SESSION_OPTIONS="-c lock_timeout=300",
        INGEST_RETRY_BASE_SECONDS="1", INGEST_MAX_RETRIES="2",
    )  # fmt: skip
    lock = _lock_table("meetings_meeting")
    try:
        article = services.article_create(text=seed_text)
        wait_for(lambda: Article.objects.get(pk=article.pk).status == "failed", 60)
    finally:
        lock.rollback()
        lock.close()
        worker.stop()
    failed = Article.objects.get(pk=article.pk)
    assert failed.error.startswith("Gave up after repeated database errors: OperationalError")
    assert failed.attempts == 3
    assert Meeting.objects.count() == 0
