"""The extraction trace is stored with each piece of evidence by ingestion and shown to
editors on the review page ("Why the machine thinks this"), per source article."""

import pytest
from django.urls import reverse

from diplomacy.articles import services
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Evidence, Meeting

pytestmark = pytest.mark.django_db

TEXT = (
    "date 2025-05-08\n\n"
    "Putin and Xi meet in Beijing\n\n"
    "Vladimir Putin met Xi Jinping in Beijing on Tuesday, the Kremlin said. "
    "They talked about sanctions against Donald Trump's allies.\n"
)


def _ingest(text: str):
    article = services.article_create(text=text)
    ingestion.article_ingest(article.pk)
    article.refresh_from_db()
    return article


def test_ingestion_stores_the_trace_of_each_evidence_sentence(kb):
    article = _ingest(TEXT)
    evidence = Evidence.objects.get(article=article, text__startswith="Vladimir Putin met")
    [candidate] = evidence.trace
    assert candidate["trigger"] == "met"
    assert (candidate["start"], candidate["end"]) == (
        article.text.index(" met ") + 1,
        article.text.index(" met ") + 4,
    )
    assert [(p["name"], p["party"]) for p in candidate["people"]] == [
        ("Vladimir Putin", True),
        ("Xi Jinping", True),
    ]
    assert candidate["modality"] == "held"
    assert (candidate["date"], candidate["date_source"]) == (
        "2025-05-06",
        "«Tuesday», the date nearest the meeting word in its clause",
    )
    assert candidate["place"] == "Beijing"
    assert candidate["decision"] == "kept"


def test_extracting_again_refreshes_the_stored_trace(kb):
    article = _ingest(TEXT)
    evidence = Evidence.objects.get(article=article, text__startswith="Vladimir Putin met")
    Evidence.objects.filter(pk=evidence.pk).update(trace=[])
    article.status = article.Status.QUEUED
    article.save(update_fields=["status"])
    ingestion.article_ingest(article.pk)
    evidence.refresh_from_db()
    assert [c["trigger"] for c in evidence.trace] == ["met"]


def test_review_page_shows_why_the_machine_thinks_this(kb, editor_client):
    article = _ingest(TEXT)
    meeting = Meeting.objects.get(evidence__article=article, evidence__text__startswith="Vladimir")
    page = editor_client.get(reverse("review_meeting", args=[meeting.pk])).content.decode()
    assert "<summary>Why the machine thinks this</summary>" in page
    section = page.split("<summary>Why the machine thinks this</summary>", 1)[1]
    section = section.split("</details>", 1)[0]
    assert "<dt>Meeting word</dt><dd>“met”</dd>" in section
    assert "<li>Party: Vladimir Putin — named beside the meeting word (name)</li>" in section
    assert (
        "<dt>Date</dt><dd>2025-05-06 (day) — «Tuesday», the date nearest the meeting word"
        " in its clause</dd>" in section
    )
    assert "<dt>Decision</dt><dd>kept: meeting #1 of the article</dd>" in section


def test_review_page_has_no_trace_section_for_evidence_without_one(kb, editor_client):
    article = _ingest(TEXT)
    Evidence.objects.filter(article=article).update(trace=[])
    meeting = Meeting.objects.filter(evidence__article=article).first()
    page = editor_client.get(reverse("review_meeting", args=[meeting.pk])).content.decode()
    assert "Why the machine thinks this" not in page
