"""Editors: review queue, inline corrections, merges, history and revert, and that
their work survives re-extraction."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from diplomacy.articles import services as article_services
from diplomacy.articles.models import Article
from diplomacy.leaders.models import Alias, Leader
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Evidence, Meeting, ReviewStatus, Statement
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def _people(meeting) -> list[str]:
    return sorted(p.name for p in meeting.participants.all())


@pytest.fixture
def seed(kb, seed_text) -> Article:
    article = article_services.article_create(text=seed_text)
    ingestion.article_ingest(article.pk)
    return article


def _reingest(article: Article) -> None:
    Article.objects.filter(pk=article.pk).update(status="queued")
    ingestion.article_ingest(article.pk)


def test_queue_lists_unreviewed_meetings_lowest_confidence_first(editor_client):
    low = MeetingFactory(confidence=0.3)
    high = MeetingFactory(confidence=0.9)
    MeetingFactory(confidence=0.1, status=ReviewStatus.VERIFIED)
    MeetingFactory(confidence=0.1, status=ReviewStatus.REJECTED)
    StatementFactory()
    response = editor_client.get(reverse("review"))
    assert [m.pk for m in response.context["items"]] == [low.pk, high.pk]
    assert response.context["counts"] == {"meetings": 2, "statements": 1}


def test_queue_filters_by_article_leader_and_kind(editor_client):
    article = ArticleFactory()
    ana = LeaderFactory(name="Ana Popescu")
    on_article = MeetingFactory(source=article, kind=Meeting.Kind.CALL)
    with_ana = MeetingFactory(participants=[ana, LeaderFactory()])
    url = reverse("review")
    assert [m.pk for m in editor_client.get(url, {"article": article.pk}).context["items"]] == [
        on_article.pk
    ]
    assert [m.pk for m in editor_client.get(url, {"leader": "Ana Popescu"}).context["items"]] == [
        with_ana.pk
    ]
    assert [m.pk for m in editor_client.get(url, {"kind": "call"}).context["items"]] == [
        on_article.pk
    ]


def test_review_panel_shows_the_article_with_the_evidence_marked(editor_client, seed):
    past = Meeting.objects.get(reported_as="past")
    html = editor_client.get(reverse("review_meeting", args=[past.pk]), headers=HX).content.decode()
    evidence = past.evidence.get()
    marks = re.findall(r"<mark>(.*?)</mark>", html, re.S)
    # The evidence sentence is marked whole, once, beside the marked names of the people.
    assert marks.count(escape(evidence.text)) == 1
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(marks)


def _edit(client, meeting, **changes):
    data = {
        "date": meeting.date.isoformat() if meeting.date else "",
        "date_precision": meeting.date_precision,
        "place": meeting.place,
        "country": meeting.country,
        "kind": meeting.kind,
        "occasion": meeting.occasion,
        "version": meeting.version,
        **changes,
    }
    return client.post(reverse("meeting_edit", args=[meeting.pk]), data, headers=HX)


def test_editor_changes_a_meeting_and_history_says_who(editor_client):
    meeting = MeetingFactory(place="Paris", date=datetime.date(2025, 3, 4))
    response = _edit(editor_client, meeting, place="Versailles", date_precision="month")
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert (meeting.place, meeting.date.isoformat(), meeting.date_precision) == (
        "Versailles", "2025-03-01", "month"
    )  # fmt: skip
    assert meeting.edited_fields == ["date", "date_precision", "place"]
    latest = meeting.history.first()
    assert latest.history_user.username == "editor"
    assert "place" in response.content.decode()
    assert "Paris → Versailles" in response.content.decode()


def test_validation_error_appears_next_to_the_field(editor_client):
    meeting = MeetingFactory()
    response = _edit(editor_client, meeting, date_precision="")
    assert response.status_code == 400
    assert "Say how precise the date is." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.version == 1


def test_remove_a_wrong_participant_and_add_the_right_one(editor_client):
    wrong, right, stays = (LeaderFactory(name=n) for n in ("Wrong Person", "Right Person", "Stays"))
    meeting = MeetingFactory(participants=[wrong, stays])
    editor_client.post(reverse("participant_remove", args=[meeting.pk, wrong.pk]), headers=HX)
    response = editor_client.post(
        reverse("participant_add", args=[meeting.pk]), {"leader": "Right Person"}, headers=HX
    )
    assert response.status_code == 200
    assert _people(meeting) == ["Right Person", "Stays"]
    meeting.refresh_from_db()
    assert meeting.edited_fields == ["participants"]


def test_adding_an_unknown_participant_says_why(editor_client):
    meeting = MeetingFactory()
    response = editor_client.post(
        reverse("participant_add", args=[meeting.pk]), {"leader": "Nobody Known"}, headers=HX
    )
    assert response.status_code == 400
    assert "No leader by this name." in response.content.decode()


def test_verify_and_reject(editor_client, analyst_client):
    kept, dropped = MeetingFactory(), MeetingFactory()
    url = reverse("meeting_status", args=[kept.pk])
    editor_client.post(url, {"status": "verified"}, headers=HX)
    editor_client.post(reverse("meeting_status", args=[dropped.pk]), {"status": "rejected"})
    statuses = dict(Meeting.objects.values_list("pk", "status"))
    assert statuses == {kept.pk: "verified", dropped.pk: "rejected"}
    shown = [
        m.pk for m in analyst_client.get(reverse("timeline"), {"view": "list"}).context["meetings"]
    ]
    assert shown == [kept.pk]
    assert analyst_client.get(dropped.get_absolute_url()).status_code == 404


def test_merging_two_meetings(editor_client):
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    keep = MeetingFactory(participants=[a, b])
    drop = MeetingFactory(participants=[b, c])
    said = StatementFactory(speaker=b, meeting=drop)
    editor_client.post(reverse("meeting_merge", args=[keep.pk, drop.pk]))
    drop.refresh_from_db()
    assert drop.merged_into_id == keep.pk
    assert _people(keep) == sorted([a.name, b.name, c.name])
    assert Evidence.objects.filter(meeting=keep).count() == 2
    assert Statement.objects.get(pk=said.pk).meeting_id == keep.pk
    assert list(Meeting.objects.visible()) == [keep]
    assert drop.history.first().history_user.username == "editor"


def test_merging_two_leaders_moves_everything(editor_client, kb):
    putin = Leader.objects.get(name="Vladimir Putin")
    twin = LeaderFactory(name="V. Putin Duplicate", country="RU", known=False)
    Alias.objects.create(leader=twin, name="Vova Duplicatovich")
    meeting = MeetingFactory(participants=[twin, LeaderFactory()])
    said = StatementFactory(speaker=twin)
    response = editor_client.post(reverse("leader_merge", args=[putin.slug]), {"leader": twin.slug})
    assert response.status_code == 302
    assert putin.pk in set(meeting.participations.values_list("leader_id", flat=True))
    assert Statement.objects.get(pk=said.pk).speaker_id == putin.pk
    assert {"Vova Duplicatovich", "V. Putin Duplicate"} <= set(
        putin.aliases.values_list("name", flat=True)
    )
    twin.refresh_from_db()
    assert twin.merged_into_id == putin.pk


def test_editor_adds_an_alias_and_the_next_article_uses_it(editor_client, kb):
    putin = Leader.objects.get(name="Vladimir Putin")
    editor_client.post(
        reverse("alias_add", args=[putin.slug]), {"alias": "Vova Kremlyovich"}, headers=HX
    )
    article = article_services.article_create(
        text="date 2025-05-06 Vova Kremlyovich met Xi Jinping in Moscow on Monday for talks."
    )
    ingestion.article_ingest(article.pk)
    meeting = Meeting.objects.get(evidence__article=article)
    assert _people(meeting) == ["Vladimir Putin", "Xi Jinping"]


def test_offices_added_and_removed_with_a_clear_error(editor_client):
    leader = LeaderFactory()
    url = reverse("office_add", args=[leader.slug])
    bad = editor_client.post(
        url,
        {"title": "President", "role": "head_of_state", "start": "2020-01-01", "end": "2019-01-01"},
        headers=HX,
    )
    assert bad.status_code == 400
    assert "An office cannot end before it starts." in bad.content.decode()
    editor_client.post(url, {"title": "President", "role": "head_of_state", "start": "2020-01-01"})
    office = leader.offices.get()
    editor_client.post(reverse("office_remove", args=[leader.slug, office.pk]), headers=HX)
    assert leader.offices.count() == 0


def test_every_edit_survives_reingestion(editor_client, seed):
    past = Meeting.objects.get(reported_as="past")
    bilateral = Meeting.objects.get(reported_as="current", kind="bilateral")
    multilateral = Meeting.objects.get(kind="multilateral")
    xi = Leader.objects.get(name="Xi Jinping")
    _edit(editor_client, past, place="Vladivostok", country="RU")
    editor_client.post(reverse("participant_remove", args=[multilateral.pk, xi.pk]))
    editor_client.post(reverse("meeting_status", args=[bilateral.pk]), {"status": "verified"})
    quote = Statement.objects.filter(kind="direct").order_by("start").first()
    editor_client.post(reverse("statement_status", args=[quote.pk]), {"status": "rejected"})
    before = (Meeting.objects.count(), Statement.objects.count(), Evidence.objects.count())

    _reingest(seed)

    assert (Meeting.objects.count(), Statement.objects.count(), Evidence.objects.count()) == before
    past.refresh_from_db()
    assert (past.place, past.country) == ("Vladivostok", "RU")
    assert _people(Meeting.objects.get(pk=multilateral.pk)) == ["Kim Jong Un", "Vladimir Putin"]
    assert Meeting.objects.get(pk=bilateral.pk).status == "verified"
    assert Statement.objects.get(pk=quote.pk).status == "rejected"


def test_rejected_and_merged_meetings_are_not_created_again(editor_client, seed):
    past = Meeting.objects.get(reported_as="past")
    bilateral = Meeting.objects.get(reported_as="current", kind="bilateral")
    multilateral = Meeting.objects.get(kind="multilateral")
    editor_client.post(reverse("meeting_status", args=[past.pk]), {"status": "rejected"})
    editor_client.post(reverse("meeting_merge", args=[multilateral.pk, bilateral.pk]))
    _reingest(seed)
    assert Meeting.objects.count() == 3
    assert [m.pk for m in Meeting.objects.visible()] == [multilateral.pk]


def test_history_is_readable_and_a_change_can_be_reverted(editor_client):
    meeting = MeetingFactory(place="Paris")
    _edit(editor_client, meeting, place="Lyon")
    meeting.refresh_from_db()
    original = meeting.history.order_by("history_id").first()
    page = editor_client.get(reverse("review_meeting", args=[meeting.pk])).content.decode()
    assert "Paris → Lyon" in page
    editor_client.post(
        reverse("meeting_revert", args=[meeting.pk, original.history_id]), headers=HX
    )
    meeting.refresh_from_db()
    assert meeting.place == "Paris"
    assert meeting.history.count() == 3


def test_second_save_of_a_stale_form_is_refused_and_says_what_changed(client, roles):
    from tests.factories import UserFactory

    meeting = MeetingFactory(place="Paris", occasion="")
    first, second = Client(), Client()
    first.force_login(UserFactory(username="editor1", role="editor"))
    second.force_login(UserFactory(username="editor2", role="editor"))
    assert _edit(first, meeting, place="Berlin").status_code == 200
    response = _edit(second, meeting, occasion="G7 summit")  # still version 1
    assert response.status_code == 409
    html = response.content.decode()
    assert "someone else changed this record" in html
    assert "you saw “Paris”, it is now “Berlin”" in html
    meeting.refresh_from_db()
    assert (meeting.place, meeting.occasion, meeting.version) == ("Berlin", "", 2)


def test_statement_corrections(editor_client):
    speaker, right = LeaderFactory(name="Wrong Speaker"), LeaderFactory(name="Right Speaker")
    statement = StatementFactory(speaker=speaker, text="We will talk again")
    url = reverse("statement_edit", args=[statement.pk])
    data = {"speaker_name": "Right Speaker", "text": "We will talk again soon", "kind": "direct",
            "meeting": "", "version": 1}  # fmt: skip
    assert editor_client.post(url, data, headers=HX).status_code == 200
    statement.refresh_from_db()
    assert (statement.speaker_id, statement.text) == (right.pk, "We will talk again soon")
    assert statement.edited_fields == ["speaker", "text"]
    bad = editor_client.post(url, {**data, "speaker_name": "Nobody", "version": 2}, headers=HX)
    assert "No leader by this name." in bad.content.decode()


def test_leader_name_edit_and_alias_errors(editor_client):
    leader = LeaderFactory(name="Old Name")
    Alias.objects.create(leader=leader, name="Known Alias")
    editor_client.post(
        reverse("leader_edit", args=[leader.slug]),
        {"name": "New Name", "country": "ro", "version": 1},
        headers=HX,
    )
    leader.refresh_from_db()
    assert (leader.name, leader.country) == ("New Name", "RO")
    response = editor_client.post(
        reverse("alias_add", args=[leader.slug]), {"alias": "Known Alias"}, headers=HX
    )
    assert response.status_code == 400
    assert "already has the alias" in response.content.decode()


def test_csrf_is_checked_and_works_with_the_htmx_header(roles):
    from tests.factories import UserFactory

    meeting = MeetingFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(username="editor", role="editor"))
    url = reverse("meeting_status", args=[meeting.pk])
    assert client.post(url, {"status": "verified"}, headers=HX).status_code == 403
    page = client.get(reverse("review_meeting", args=[meeting.pk]))
    token = page.context["csrf_token"]
    assert f'"X-CSRFToken": "{token}"' in page.content.decode()
    response = client.post(url, {"status": "verified"}, headers={**HX, "X-CSRFToken": str(token)})
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == "verified"


def test_history_shows_participants_added_and_removed(editor_client):
    wrong = LeaderFactory(name="Wrong Person")
    LeaderFactory(name="Right Person")
    meeting = MeetingFactory(participants=[wrong, LeaderFactory()])
    editor_client.post(reverse("participant_remove", args=[meeting.pk, wrong.pk]))
    editor_client.post(reverse("participant_add", args=[meeting.pk]), {"leader": "Right Person"})
    page = editor_client.get(reverse("review_meeting", args=[meeting.pk])).content.decode()
    assert "participant removed" in page and "Wrong Person → —" in page
    assert "participant added" in page and "— → Right Person" in page
