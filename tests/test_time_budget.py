"""Issue 15, defects 4 and 8: a time budget per article, a sweep that leaves an article
to its live worker, fingerprints cheap for long texts, and no empty batch left behind.

The same behaviours with real worker processes: tests/test_time_budget_workers.py."""

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from diplomacy.articles import services
from diplomacy.articles.duplicates import MAX_WORDS, simhash
from diplomacy.articles.models import Article, Batch
from diplomacy.meetings import ingestion

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parent / "extraction" / "corpus"


def long_text(size: int) -> str:
    """Articles of the test corpus joined until the text holds ``size`` characters."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    parts, total = [], 0
    while total < size:
        parts.append(articles[len(parts) % len(articles)])
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)[:size]


def test_article_over_the_time_budget_fails_with_the_reason(settings):
    # 300,000 characters take seconds to extract on any machine; the budget is 0.2 s.
    settings.EXTRACTION_TIME_LIMIT_SECONDS = 0.2
    article = services.article_create(text=long_text(300_000))
    ingestion.article_ingest(article.pk)
    article.refresh_from_db()
    assert article.status == "failed"
    assert article.error == (
        "Extraction took longer than 0.2 s (EXTRACTION_TIME_LIMIT_SECONDS) and was stopped: "
        "the text (300,000 characters) is too long or too complex to extract in time. "
        "Split it into articles, or raise the limit."
    )


def test_article_within_the_time_budget_is_done(settings, kb):
    settings.EXTRACTION_TIME_LIMIT_SECONDS = 60
    article = services.article_create(text="date 2025-01-02 Putin met Xi in Beijing on Monday.")
    ingestion.article_ingest(article.pk)
    article.refresh_from_db()
    assert (article.status, article.error) == ("done", "")


def test_claim_leases_the_article_beyond_the_time_limit_and_its_grace(settings):
    settings.EXTRACTION_TIME_LIMIT_SECONDS = 100
    settings.EXTRACTION_KILL_GRACE_SECONDS = 10
    article = services.article_create(text="date 2025-01-02 Leased.")
    before = timezone.now()
    claimed = services.article_claim(article.pk)
    assert claimed.status == "processing"
    assert before + timedelta(seconds=120) <= claimed.lease_until
    assert claimed.lease_until <= timezone.now() + timedelta(seconds=120)


def test_sweep_leaves_an_article_whose_lease_runs_alone(
    settings, django_capture_on_commit_callbacks
):
    settings.ARTICLE_STALL_SECONDS = 0  # claimed "long ago" by the old rule
    article = services.article_create(text="date 2025-01-02 Being extracted.")
    services.article_claim(article.pk)
    Article.objects.filter(pk=article.pk).update(
        status_changed_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks() as callbacks:
        assert services.articles_requeue_stalled() == 0
    assert Article.objects.get(pk=article.pk).status == "processing"
    assert callbacks == []


def test_sweep_queues_again_an_article_whose_lease_ran_out(django_capture_on_commit_callbacks):
    article = services.article_create(text="date 2025-01-02 Worker lost.")
    services.article_claim(article.pk)
    Article.objects.filter(pk=article.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks() as callbacks:
        assert services.articles_requeue_stalled() == 1
    assert Article.objects.get(pk=article.pk).status == "queued"
    assert len(callbacks) == 1


def test_sweep_fails_an_article_whose_lease_ran_out_too_often(settings):
    settings.ARTICLE_MAX_ATTEMPTS = 2
    article = services.article_create(text="date 2025-01-02 Kills its worker.")
    services.article_claim(article.pk)
    Article.objects.filter(pk=article.pk).update(
        attempts=2, lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert services.articles_requeue_stalled() == 0
    article.refresh_from_db()
    assert (article.status, article.error) == (
        "failed",
        "Extraction did not finish in 2 attempts: each time its worker was lost or killed "
        "at the time limit.",
    )


def test_fingerprint_of_a_long_text_reads_its_first_words_only():
    text = long_text(400_000)
    words = text.split()
    assert len(words) > MAX_WORDS
    # What follows the first MAX_WORDS words does not change the fingerprint.
    assert simhash(text) == simhash(text + " Appended words that change nothing." * 1000)
    assert simhash(text) != simhash("Another beginning entirely. " * 20 + text)


def test_near_copy_of_a_long_text_is_a_duplicate():
    text = long_text(400_000)
    first = services.article_create(text=text)
    with pytest.raises(services.DuplicateArticle) as refused:
        services.article_create(text="Reuters\n" + text)
    assert refused.value.existing == first


def _zip(members: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("news.zip", buffer.getvalue())


def test_zip_whose_every_file_is_refused_leaves_no_empty_batch(admin_client):
    archive = _zip({"photo.png": b"\x89PNG\r\n\x1a\n", "latin.txt": "caf\xe9".encode("latin-1")})
    response = admin_client.post(reverse("article_upload"), {"files": [archive]})
    assert response.status_code == 200
    assert [o.error != "" for o in response.context["outcomes"]] == [True, True]
    assert response.context["batch"] is None
    assert "Nothing new was stored." in response.content.decode()
    assert (Batch.objects.count(), Article.objects.count()) == (0, 0)


def test_zip_of_texts_already_stored_leaves_no_empty_batch(admin_client):
    services.article_create(text="date 2025-01-02 Stored before.")
    services.article_create(text="date 2025-01-03 Stored before too.")
    archive = _zip(
        {"a.txt": b"date 2025-01-02 Stored before.", "b.txt": b"date 2025-01-03 Stored before too."}
    )
    response = admin_client.post(reverse("article_upload"), {"files": [archive]})
    assert [o.duplicate is not None for o in response.context["outcomes"]] == [True, True]
    assert (Batch.objects.count(), Article.objects.count()) == (0, 2)


def test_zip_with_one_new_text_makes_a_batch_holding_it(admin_client):
    archive = _zip({"new.txt": b"date 2025-01-02 New.", "photo.png": b"\x89PNG\r\n\x1a\n"})
    response = admin_client.post(reverse("article_upload"), {"files": [archive]})
    batch = Batch.objects.get()
    assert response.context["batch"] == batch
    assert list(batch.articles.values_list("text", flat=True)) == ["date 2025-01-02 New."]
