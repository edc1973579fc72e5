"""Correcting an article: who may, what a new publication date does to what was extracted
from it, the warning for an article without a date, and a second upload of the same text."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from diplomacy.articles.models import Article
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Evidence, Meeting, Statement
from diplomacy.meetings.services import meeting_update
from tests.factories import ArticleFactory, MeetingFactory, StatementFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_run_here")]

UPLOAD = reverse("article_upload")
# Our own short report: two leaders of the knowledge base met "on Monday". Published on
# Wednesday 12 March 2025, that Monday is 10 March.
MONDAY_TALKS = (
    "Emmanuel Macron met Volodymyr Zelensky in Paris on Monday to talk about air defence. "
    '"We will stand with Ukraine for as long as it takes," Macron told reporters after the talks.'
)
WARNING = "No publication date given or found: relative dates ('on Monday') cannot be resolved — "


def _edit_url(article) -> str:
    return reverse("article_edit", args=[article.pk])


def _paste(client, capture, text=MONDAY_TALKS, **fields):
    with capture(execute=True):
        response = client.post(UPLOAD, {"text": text, **fields})
    return response


def _set_date(client, capture, article, published: str, **fields):
    article.refresh_from_db()
    data = {
        "version": article.version,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": published,
        **fields,
    }
    with capture(execute=True) as callbacks:
        response = client.post(_edit_url(article), data)
    return response, callbacks


def _meeting_row(meeting: Meeting) -> tuple:
    meeting.refresh_from_db()
    return (
        sorted(p.name for p in meeting.participants.all()),
        meeting.date_label,
        meeting.place,
    )


# --- who may ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["analyst", "editor"])
def test_analyst_and_editor_cannot_edit_an_article(roles, client, role):
    # Editors change extracted records, not the articles they come from: the role table
    # gives them no articles.change_article (which also runs re-extraction of everything).
    article = ArticleFactory(title="As uploaded", published=None)
    client.force_login(UserFactory(username=role, role=role))
    assert client.get(_edit_url(article)).status_code == 403
    response = client.post(
        _edit_url(article), {"version": 1, "title": "Changed", "published": "2025-03-12"}
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.published, article.version) == ("As uploaded", None, 1)


def test_admin_gets_the_edit_form_with_the_article_values(admin_client):
    article = ArticleFactory(title="Talks", source="Daily Wire Service", published=None)
    response = admin_client.get(_edit_url(article))
    assert response.status_code == 200
    form = response.context["form"]
    assert {name: form[name].value() for name in ("title", "source", "published", "version")} == {
        "title": "Talks",
        "source": "Daily Wire Service",
        "published": None,
        "version": 1,
    }


def test_article_page_links_to_the_edit_page_for_admins_only(admin_client, analyst_client):
    article = ArticleFactory()
    link = f'href="{_edit_url(article)}"'
    assert link in admin_client.get(article.get_absolute_url()).content.decode()
    assert link not in analyst_client.get(article.get_absolute_url()).content.decode()


def test_review_pages_link_to_the_edit_page_for_admins_only(admin_client, editor_client):
    article = ArticleFactory(published=None)
    meeting = MeetingFactory(source=article)
    statement = StatementFactory(speaker=meeting.participants.first(), article=article)
    link = f'href="{_edit_url(article)}"'
    for url in (
        reverse("review_meeting", args=[meeting.pk]),
        reverse("review_statement", args=[statement.pk]),
    ):
        admin_page = admin_client.get(url).content.decode()
        assert link in admin_page, url
        assert "no publication date" in admin_page, url
        assert link not in editor_client.get(url).content.decode(), url


# --- a new publication date ------------------------------------------------------------


def test_setting_the_date_extracts_again_and_dates_the_monday_meeting(
    kb, admin_client, django_capture_on_commit_callbacks
):
    _paste(admin_client, django_capture_on_commit_callbacks)
    article = Article.objects.get()
    meeting = Meeting.objects.get()
    assert (article.status, article.published) == ("done", None)
    assert _meeting_row(meeting) == (
        ["Emmanuel Macron", "Volodymyr Zelensky"],
        "Date unknown",
        "Paris",
    )
    response, callbacks = _set_date(
        admin_client, django_capture_on_commit_callbacks, article, "2025-03-12"
    )
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert len(callbacks) == 1  # queued once the change was committed
    article.refresh_from_db()
    assert (article.status, article.published, article.version) == (
        "done",
        date(2025, 3, 12),
        2,
    )
    # The same sentence maps to the same meeting, which now has the resolved date.
    assert list(Meeting.objects.values_list("pk", flat=True)) == [meeting.pk]
    assert _meeting_row(meeting) == (
        ["Emmanuel Macron", "Volodymyr Zelensky"],
        "10 March 2025",
        "Paris",
    )
    assert meeting.edited_fields == []
    statement = Statement.objects.get()
    assert (statement.meeting_id, statement.said_on) == (meeting.pk, date(2025, 3, 10))


def test_editor_corrections_survive_the_new_date(
    kb, admin_client, django_capture_on_commit_callbacks
):
    _paste(admin_client, django_capture_on_commit_callbacks)
    article = Article.objects.get()
    meeting = Meeting.objects.get()
    editor = UserFactory(username="editor", role="editor")
    meeting_update(
        meeting.pk,
        version=meeting.version,
        fields={"place": "Élysée Palace", "occasion": "Air defence talks"},
        seen={},
        by=editor,
    )
    _set_date(admin_client, django_capture_on_commit_callbacks, article, "2025-03-12")
    meeting.refresh_from_db()
    assert (meeting.date_label, meeting.place, meeting.country, meeting.occasion) == (
        "10 March 2025",
        "Élysée Palace",
        "FR",  # as the engine found it: the editor left the country alone
        "Air defence talks",
    )
    assert meeting.edited_fields == ["occasion", "place"]


def test_editor_corrected_date_is_not_replaced_by_the_new_reading(
    kb, admin_client, django_capture_on_commit_callbacks
):
    _paste(admin_client, django_capture_on_commit_callbacks, published="2025-03-05")
    article = Article.objects.get()
    meeting = Meeting.objects.get()
    assert meeting.date_label == "3 March 2025"
    editor = UserFactory(username="editor", role="editor")
    meeting_update(
        meeting.pk,
        version=meeting.version,
        fields={"date": date(2025, 3, 9), "date_precision": "day"},
        seen={},
        by=editor,
    )
    _set_date(admin_client, django_capture_on_commit_callbacks, article, "2025-03-12")
    meeting.refresh_from_db()
    assert (meeting.date_label, meeting.edited_fields) == ("9 March 2025", ["date"])


def test_meeting_that_becomes_a_known_one_joins_it(
    kb, admin_client, django_capture_on_commit_callbacks
):
    # Another outlet had already reported the same talks, with their date.
    _paste(
        admin_client,
        django_capture_on_commit_callbacks,
        text="Volodymyr Zelensky held talks with Emmanuel Macron in Paris on 10 March 2025.",
        published="2025-03-11",
    )
    known = Meeting.objects.get()
    _paste(admin_client, django_capture_on_commit_callbacks)
    article = Article.objects.get(published=None)
    undated = Meeting.objects.get(date=None)
    _set_date(admin_client, django_capture_on_commit_callbacks, article, "2025-03-12")
    undated.refresh_from_db()
    assert undated.merged_into_id == known.pk
    assert list(Meeting.objects.visible().values_list("pk", flat=True)) == [known.pk]
    assert set(Evidence.objects.values_list("meeting_id", "article_id")) == {
        (known.pk, known.evidence.first().article_id),
        (known.pk, article.pk),
    }
    assert Statement.objects.get().meeting_id == known.pk


def test_two_meetings_told_in_one_sentence_each_keep_their_people(
    kb, admin_client, django_capture_on_commit_callbacks
):
    text = "Joe Biden met Narendra Modi in Tokyo on Monday, and later that day he also met "
    text += "Scott Morrison."
    _paste(admin_client, django_capture_on_commit_callbacks, text=text)
    article = Article.objects.get()
    _set_date(admin_client, django_capture_on_commit_callbacks, article, "2022-05-25")
    rows = sorted(_meeting_row(m) for m in Meeting.objects.all())
    assert rows == [
        (["Joe Biden", "Narendra Modi"], "23 May 2022", "Tokyo"),
        (["Joe Biden", "Scott Morrison"], "23 May 2022", "Tokyo"),
    ]
    # Extracting once more finds everything as it is and writes nothing.
    versions = dict(Meeting.objects.values_list("pk", "version"))
    Article.objects.filter(pk=article.pk).update(status="queued")
    ingestion.article_ingest(article.pk)
    assert dict(Meeting.objects.values_list("pk", "version")) == versions


# Another outlet's report of the same talks, in other words.
OTHER_REPORT = "On Monday Volodymyr Zelensky held talks in Paris with Emmanuel Macron."


def _evidence() -> set[tuple]:
    """(the date of the meeting, the article) of every piece of evidence."""
    found = Evidence.objects.select_related("meeting")
    return {(evidence.meeting.date_label, evidence.article_id) for evidence in found}


def test_meeting_shared_with_another_undated_report_gets_the_date(
    kb, admin_client, django_capture_on_commit_callbacks
):
    _paste(admin_client, django_capture_on_commit_callbacks, text=OTHER_REPORT)
    _paste(admin_client, django_capture_on_commit_callbacks)
    first, second = Article.objects.order_by("pk")
    assert _evidence() == {("Date unknown", first.pk), ("Date unknown", second.pk)}
    _set_date(admin_client, django_capture_on_commit_callbacks, second, "2025-03-12")
    assert _evidence() == {("10 March 2025", first.pk), ("10 March 2025", second.pk)}
    assert Meeting.objects.count() == 1


def test_report_whose_new_date_tells_of_another_day_leaves_the_shared_meeting(
    kb, admin_client, django_capture_on_commit_callbacks
):
    _paste(admin_client, django_capture_on_commit_callbacks, text=OTHER_REPORT,
           published="2025-03-12")  # fmt: skip
    _paste(admin_client, django_capture_on_commit_callbacks, published="2025-03-12")
    first, second = Article.objects.order_by("pk")
    shared = Meeting.objects.get()
    assert _evidence() == {("10 March 2025", first.pk), ("10 March 2025", second.pk)}
    # The second article was in fact published a week later: its Monday is the 17th.
    _set_date(admin_client, django_capture_on_commit_callbacks, second, "2025-03-19")
    assert _evidence() == {("10 March 2025", first.pk), ("17 March 2025", second.pk)}
    shared.refresh_from_db()
    assert (shared.date_label, shared.version) == ("10 March 2025", 1)
    assert Statement.objects.get(article=second).said_on == date(2025, 3, 17)


def test_changing_the_title_only_does_not_extract_again(
    admin_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Old title", published=date(2025, 3, 12))
    response, callbacks = _set_date(
        admin_client, django_capture_on_commit_callbacks, article, "2025-03-12", title="New"
    )
    assert response.status_code == 302
    assert callbacks == []
    article.refresh_from_db()
    assert (article.title, article.status, article.version) == ("New", "done", 2)


def test_article_changes_are_recorded_with_who_made_them(
    admin_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Old title", source="", published=None)
    _set_date(
        admin_client,
        django_capture_on_commit_callbacks,
        article,
        "2025-03-12",
        title="New title",
        source="Evening Courier",
    )
    latest = article.history.order_by("-history_id").first()
    assert (latest.title, latest.source, latest.published, latest.history_user.username) == (
        "New title",
        "Evening Courier",
        date(2025, 3, 12),
        "admin",
    )
    page = admin_client.get(_edit_url(article)).content.decode()
    assert "Old title → New title" in page


def test_stale_form_is_refused_with_both_versions(admin_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(title="First", published=date(2025, 3, 12))
    _set_date(
        admin_client, django_capture_on_commit_callbacks, article, "2025-03-12", title="Second"
    )
    stale = {"version": 1, "title": "Mine", "source": "", "url": "", "published": "2025-03-12"}
    response = admin_client.post(_edit_url(article), stale)
    assert response.status_code == 409
    assert response.context["stale"] == [("Title", "Mine", "Second")]
    assert response.context["form"]["version"].value() == "2"  # saving again applies mine
    article.refresh_from_db()
    assert (article.title, article.version) == ("Second", 2)


def test_new_date_waits_while_the_article_is_being_extracted(
    admin_client, django_capture_on_commit_callbacks
):
    # A worker is extracting it with the old date and would mark it done afterwards.
    article = ArticleFactory(status="processing", published=None)
    response, callbacks = _set_date(
        admin_client, django_capture_on_commit_callbacks, article, "2025-03-12"
    )
    assert response.status_code == 409
    assert response.context["form"].non_field_errors() == [
        "The article is being extracted right now: save again in a moment."
    ]
    assert callbacks == []
    article.refresh_from_db()
    assert (article.published, article.version, article.status) == (None, 1, "processing")


def test_url_of_another_article_is_refused(admin_client):
    ArticleFactory(
        url="https://news.example.org/talks", canonical_url="https://news.example.org/talks"
    )
    article = ArticleFactory(published=date(2025, 3, 12))
    response = admin_client.post(
        _edit_url(article),
        {"version": 1, "title": "T", "url": "https://www.news.example.org/talks/?utm_source=x"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["url"][0].startswith("Another article has this URL")


# --- the warning for an article without a date ------------------------------------------


def test_undated_paste_warns_with_a_link_to_the_edit_page(
    kb, admin_client, django_capture_on_commit_callbacks
):
    response = _paste(admin_client, django_capture_on_commit_callbacks)
    article = Article.objects.get()
    page = admin_client.get(response["Location"]).content.decode()
    assert f'{WARNING}<a href="{_edit_url(article)}">set the date</a>' in page


@pytest.mark.parametrize(
    ("text", "fields"),
    [(MONDAY_TALKS, {"published": "2025-03-12"}), (f"date 2025-03-12 {MONDAY_TALKS}", {})],
    ids=["date given", "date in the text"],
)
def test_dated_paste_does_not_warn(
    kb, admin_client, django_capture_on_commit_callbacks, text, fields
):
    response = _paste(admin_client, django_capture_on_commit_callbacks, text=text, **fields)
    article = Article.objects.get()
    page = admin_client.get(response["Location"]).content.decode()
    assert article.published == date(2025, 3, 12)
    assert "No publication date" not in page
    assert f'<a href="{_edit_url(article)}">Edit title, source, URL or publication date</a>' in page


def test_upload_result_warns_for_each_undated_article(admin_client):
    undated = SimpleUploadedFile("monday.txt", MONDAY_TALKS.encode())
    dated = SimpleUploadedFile("dated.txt", f"date 2025-03-12 {MONDAY_TALKS} Later.".encode())
    response = admin_client.post(UPLOAD, {"files": [undated, dated]})
    page = response.content.decode()
    article = Article.objects.get(published=None)
    assert response.status_code == 200
    assert page.count(WARNING) == 1
    assert f'{WARNING}<a href="{_edit_url(article)}">set the date</a>' in page
    assert "1 article stored without a publication date" in page


# --- the same text again -----------------------------------------------------------------


def test_same_text_with_a_date_links_to_the_stored_article_and_offers_the_date(
    kb, admin_client, django_capture_on_commit_callbacks
):
    _paste(admin_client, django_capture_on_commit_callbacks)
    article = Article.objects.get()
    response = _paste(admin_client, django_capture_on_commit_callbacks, published="2025-03-12")
    page = response.content.decode()
    assert response.status_code == 409
    assert f'<a href="{article.get_absolute_url()}">' in page
    assert f'<a href="{_edit_url(article)}">Edit that article</a>' in page
    offer = f"{_edit_url(article)}?published=2025-03-12"
    assert f'href="{offer}"' in page
    assert "Set the stored article's date to 12 March 2025" in page
    assert Article.objects.count() == 1
    # Following the offer: the form holds the new date, for the admin to check and save.
    form = admin_client.get(offer).context["form"]
    assert (form["published"].value(), form["version"].value()) == (date(2025, 3, 12), 1)


def test_same_text_again_when_the_stored_one_is_dated_makes_no_offer(
    kb, admin_client, django_capture_on_commit_callbacks
):
    _paste(admin_client, django_capture_on_commit_callbacks, published="2025-03-12")
    response = _paste(admin_client, django_capture_on_commit_callbacks, published="2025-03-12")
    page = response.content.decode()
    assert response.status_code == 409
    assert ", published 12 March 2025. Nothing new was stored." in page
    assert "?published=" not in page


def test_participants_the_new_reading_changes_are_in_the_meetings_history(db):
    """Re-extraction that finds other people for a meeting of this article alone writes
    history rows for the participations, so the meeting's history shows it and a revert
    can bring the old participants back."""
    from diplomacy.extraction.types import ExtractedMeeting, Span
    from diplomacy.meetings.services import meeting_upsert
    from tests.factories import LeaderFactory

    ana, ion, eva = (LeaderFactory(name=n) for n in ("Ana Aster", "Ion Iris", "Eva Elm"))
    article = ArticleFactory()
    meeting = MeetingFactory(participants=[ana, ion], source=article)  # evidence at 0-10
    extracted = ExtractedMeeting(
        participants=["Ana Aster", "Eva Elm"], date=meeting.date.isoformat(),
        date_precision="day", location_name="Paris", location_country="FR",
        kind="bilateral", reported_as="current", confidence=0.8,
        evidence=[Span(0, 10, "x")],
    )  # fmt: skip
    found, created = meeting_upsert(
        article, extracted, {"Ana Aster": ana, "Eva Elm": eva}, {(0, 10): [meeting.pk]}
    )
    assert (found.pk, created) == (meeting.pk, False)
    assert sorted(meeting.participants.values_list("name", flat=True)) == ["Ana Aster", "Eva Elm"]
    changes = sorted(
        (h.history_type, h.leader_id)
        for h in meeting.participations.model.history.filter(meeting_id=meeting.pk)
        if h.leader_id != ana.pk
    )
    assert changes == [("+", eva.pk), ("-", ion.pk)]
