"""Ingestion: an article becomes meetings, statements and evidence, idempotently."""

from datetime import date

import pytest
from django.urls import reverse

from diplomacy.articles import services
from diplomacy.articles.models import Article
from diplomacy.articles.reading import ArticleText
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Evidence, Meeting, ReviewStatus, Statement
from diplomacy.meetings.services import (
    meeting_find,
    meeting_participant_add,
    meeting_participant_remove,
)
from diplomacy.meetings.tasks import ingest_article
from diplomacy.review.services import leader_merge
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _ingest(text: str) -> Article:
    article = services.article_create(text=text)
    ingestion.article_ingest(article.pk)
    article.refresh_from_db()
    return article


def _meetings() -> set[tuple]:
    return {
        (
            tuple(sorted(p.name for p in m.participants.all())),
            m.date.isoformat(),
            m.date_precision,
            m.place,
            m.kind,
            m.reported_as,
        )
        for m in Meeting.objects.all()
    }


SEED_MEETINGS = {
    (("Kim Jong Un", "Vladimir Putin"), "2025-09-03", "day", "Beijing", "bilateral", "current"),
    (
        ("Kim Jong Un", "Vladimir Putin", "Xi Jinping"),
        "2025-09-03",
        "day",
        "Beijing",
        "multilateral",
        "current",
    ),
    (("Kim Jong Un", "Vladimir Putin"), "2024-06-01", "month", "Pyongyang", "bilateral", "past"),
}


def _speakers_of_direct_quotes() -> list[tuple[str, str]]:
    return [
        (s.speaker.name, s.text[:20])
        for s in Statement.objects.filter(kind="direct").order_by("start")
        if len(s.text.split()) > 2
    ]


SEED_QUOTES = [
    ("Vladimir Putin", "Relațiile dintre țăr"),
    ("Vladimir Putin", "Mă bucur să am ocazi"),
    ("Kim Jong Un", "dacă pot face ceva p"),
    ("Donald Trump", "Vă rog să transmiteț"),
    ("Yuri Ushakov", "Vreau să spun că nim"),
    ("Yuri Ushakov", "Niciunul dintre cei "),
]


def test_seed_article_gives_its_three_meetings_and_six_quotes(kb, seed_text):
    article = _ingest(seed_text)
    assert (article.status, article.error, article.language) == ("done", "", "ro")
    assert article.published.isoformat() == "2025-09-03"
    assert _meetings() == SEED_MEETINGS
    assert _speakers_of_direct_quotes() == SEED_QUOTES
    assert Evidence.objects.filter(article=article).count() >= 3
    for evidence in Evidence.objects.all():
        assert seed_text[evidence.start : evidence.end] == evidence.text


def test_running_the_task_twice_changes_nothing(kb, seed_text):
    article = _ingest(seed_text)
    counts = (Meeting.objects.count(), Statement.objects.count(), Evidence.objects.count())
    ingest_article.apply(args=[article.pk])
    # Even a second full extraction of the same article (status reset) adds nothing.
    Article.objects.filter(pk=article.pk).update(status="queued")
    ingestion.article_ingest(article.pk)
    assert (Meeting.objects.count(), Statement.objects.count(), Evidence.objects.count()) == counts
    article.refresh_from_db()
    assert article.status == "done"


def test_second_report_of_a_meeting_adds_evidence_not_a_meeting(kb, seed_text):
    _ingest(seed_text)
    other = _ingest(
        "date 2025-09-04 Vladimir Putin și Kim Jong Un au avut miercuri o întâlnire la "
        "Beijing, la care au discutat despre cooperarea militară."
    )
    assert _meetings() == SEED_MEETINGS
    assert Evidence.objects.filter(article=other).count() == 1
    assert Evidence.objects.values("article").distinct().count() == 2


def test_syndicated_copy_is_recognised_as_a_duplicate(kb, seed_text):
    first = services.article_create(text=seed_text)
    copy = seed_text.replace("Associated Press notează", "Agenția AP notează") + "\nFoto: AP"
    with pytest.raises(services.DuplicateArticle) as found:
        services.article_create(text=copy)
    assert found.value.existing == first


def test_same_url_in_another_form_is_a_duplicate(db):
    first = services.article_create(
        text="One text.", url="https://www.example.com/a/b/?utm_source=x"
    )
    with pytest.raises(services.DuplicateArticle) as found:
        services.article_create(text="Another text.", url="http://example.com/a/b#top")
    assert found.value.existing == first


def test_many_articles_stored_at_once_find_every_kind_of_duplicate(
    kb, seed_text, django_capture_on_commit_callbacks
):
    stored = services.article_create(text="Already here.", url="https://example.com/old")
    copy = seed_text.replace("Associated Press notează", "Agenția AP notează") + "\nFoto: AP"
    items = [
        ArticleText(text=seed_text, title="Seed"),
        ArticleText(text="Already here."),  # same text as a stored article
        ArticleText(text="New text, old page.", url="http://www.example.com/old/#x"),
        ArticleText(text=copy),  # a near copy of an earlier item of the same upload
        ArticleText(text="date 2025-02-03 Fresh."),
    ]
    with django_capture_on_commit_callbacks() as queued:
        results = services.articles_create(items)
    assert [type(r).__name__ for r in results] == [
        "Article", "DuplicateArticle", "DuplicateArticle", "DuplicateArticle", "Article",
    ]  # fmt: skip
    assert results[1].existing == results[2].existing == stored
    assert results[3].existing == results[0]
    assert results[4].published.isoformat() == "2025-02-03"
    assert Article.objects.count() == 3
    assert len(queued) == 2  # each new article is queued once its row is committed
    ingestion.article_ingest(results[0].pk)
    assert _meetings() == SEED_MEETINGS


def test_meetings_are_found_by_their_exact_participants(kb):
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    pair = MeetingFactory(participants=[a, b], date=date(2025, 3, 4), place="")
    trio = MeetingFactory(participants=[a, b, c], date=date(2025, 3, 4), place="")
    assert meeting_find({a.pk, b.pk}, date(2025, 3, 4), "day") == pair
    assert meeting_find({a.pk, b.pk, c.pk}, date(2025, 3, 1), "month") == trio
    assert meeting_find({a.pk, c.pk}, date(2025, 3, 4), "day") is None
    # Every write that changes who took part keeps the lookup in step.
    meeting_participant_remove(trio.pk, c.pk, by=None)
    assert meeting_find({a.pk, b.pk, c.pk}, date(2025, 3, 4), "day") is None
    assert meeting_find({a.pk, b.pk}, date(2025, 3, 4), "day") == pair
    meeting_participant_add(pair.pk, c, by=None)
    assert meeting_find({a.pk, b.pk, c.pk}, date(2025, 3, 4), "day") == pair
    twin = LeaderFactory()
    other = MeetingFactory(participants=[twin, b], date=date(2025, 5, 6), place="")
    leader_merge(keep=a, drop=twin, by=None)
    assert meeting_find({a.pk, b.pk}, date(2025, 5, 6), "day") == other


def test_meeting_rejected_by_an_editor_is_not_created_again(kb, seed_text):
    first = _ingest(seed_text)
    past = Meeting.objects.get(reported_as="past")
    past.status = ReviewStatus.REJECTED
    past.save()
    Article.objects.filter(pk=first.pk).update(status="queued")
    ingestion.article_ingest(first.pk)
    assert Meeting.objects.count() == 3
    assert Meeting.objects.get(reported_as="past").status == ReviewStatus.REJECTED


def test_article_without_leaders_is_done_with_nothing_extracted(kb):
    article = _ingest("date 2025-01-02 It rained in the valley all week.")
    assert article.status == "done"
    assert (Meeting.objects.count(), Statement.objects.count()) == (0, 0)


def test_failed_article_can_be_retried_by_an_admin(
    admin_client, kb, django_capture_on_commit_callbacks
):
    article = services.article_create(text="date 2025-01-02 Nothing here.")
    Article.objects.filter(pk=article.pk).update(status="failed", error="ValueError: boom")
    page = admin_client.get(article.get_absolute_url())
    assert b"ValueError: boom" in page.content
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(reverse("article_retry", args=[article.pk]))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.error, len(callbacks)) == ("queued", "", 1)


def test_analyst_cannot_retry(analyst_client):
    article = services.article_create(text="date 2025-01-02 Nothing here.")
    Article.objects.filter(pk=article.pk).update(status="failed")
    assert analyst_client.post(reverse("article_retry", args=[article.pk])).status_code == 403


def test_stalled_articles_are_queued_again(settings, django_capture_on_commit_callbacks):
    settings.ARTICLE_STALL_SECONDS = 0
    stalled = services.article_create(text="date 2025-01-02 Stalled.")
    Article.objects.filter(pk=stalled.pk).update(status="processing")
    finished = services.article_create(text="date 2025-01-02 Finished.")
    Article.objects.filter(pk=finished.pk).update(status="done")
    with django_capture_on_commit_callbacks() as callbacks:
        assert services.articles_requeue_stalled() == 1
    assert Article.objects.get(pk=stalled.pk).status == "queued"
    assert Article.objects.get(pk=finished.pk).status == "done"
    assert len(callbacks) == 1


def test_article_page_polls_until_finished(admin_client):
    article = services.article_create(text="date 2025-01-02 Waiting.")
    page = admin_client.get(article.get_absolute_url(), headers={"HX-Request": "true"})
    assert b'hx-trigger="every 1s"' in page.content
    assert b"<html" not in page.content
    Article.objects.filter(pk=article.pk).update(status="done")
    page = admin_client.get(article.get_absolute_url(), headers={"HX-Request": "true"})
    assert b"hx-trigger" not in page.content


def test_alias_added_after_an_ingestion_is_used_by_the_next_one(kb):
    from diplomacy.leaders.models import Alias, Leader

    text = "date 2025-05-06 {} met Vladimir Putin in Moscow on Monday for talks."
    _ingest(text.format("Emmanuel Macron"))  # the knowledge base is now cached
    Alias.objects.create(leader=Leader.objects.get(name="Xi Jinping"), name="Zorblat Quenmoor")
    _ingest(text.format("Zorblat Quenmoor"))
    assert sorted(
        tuple(sorted(p.name for p in m.participants.all())) for m in Meeting.objects.all()
    ) == [("Emmanuel Macron", "Vladimir Putin"), ("Vladimir Putin", "Xi Jinping")]


def test_back_reference_attaches_to_the_original_meeting(kb):
    original = _ingest(
        "date 2024-06-20 Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday for talks "
        "on a strategic partnership."
    )
    later = _ingest(
        "date 2025-09-03 Kim Jong Un and Vladimir Putin met in Beijing on Wednesday. "
        "The two leaders last met in Pyongyang in June last year."
    )
    pyongyang = Meeting.objects.filter(place="Pyongyang")
    assert pyongyang.count() == 1
    meeting = pyongyang.get()
    assert (meeting.date.isoformat(), meeting.date_precision) == ("2024-06-19", "day")
    assert set(meeting.evidence.values_list("article_id", flat=True)) <= {original.pk, later.pk}
    assert meeting.evidence.filter(article=original).exists()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("2024-06-19", "day"), ("2024-06", "month"), True),
        (("2024-06-19", "day"), ("2024-06-18", "day"), False),
        (("2024-06", "month"), ("2024", "year"), True),
        (("2024-06", "month"), ("2024-07", "month"), False),
        (("2024-12-31", "day"), ("2024-12", "month"), True),
    ],
)
def test_dates_compatible_at_their_precision(a, b, same):
    from diplomacy.meetings.services import dates_compatible, parse_partial_date

    (day_a, precision_a), (day_b, precision_b) = parse_partial_date(a[0]), parse_partial_date(b[0])
    assert dates_compatible(day_a, precision_a, day_b, precision_b) is same
