"""Refused edits answer with the panel that says why (400) or shows both versions (409),
and htmx is configured to swap those answers instead of dropping them."""

import datetime
import html
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from diplomacy.meetings.models import Meeting, Statement
from tests.factories import LeaderFactory, MeetingFactory, StatementFactory, UserFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def _editors() -> tuple[Client, Client]:
    """Two editors, each with their own browser."""
    first, second = Client(), Client()
    first.force_login(UserFactory(username="editor1", role="editor"))
    second.force_login(UserFactory(username="editor2", role="editor"))
    return first, second


def _meeting_data(meeting: Meeting, **changes) -> dict:
    return {
        "date": meeting.date.isoformat() if meeting.date else "",
        "date_precision": meeting.date_precision,
        "place": meeting.place,
        "country": meeting.country,
        "kind": meeting.kind,
        "occasion": meeting.occasion,
        "version": meeting.version,
        **changes,
    }


def _conflict_box(page: str) -> str:
    start = page.index("data-conflict")
    return page[start : page.index("</form>", start)]


def _reapply_form(page: str) -> tuple[str, dict]:
    """The action and the hidden inputs of the 'Save my version again' form."""
    box = _conflict_box(page)
    action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', box).group(1))
    inputs = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', box)
    return action, {name: html.unescape(value) for name, value in inputs}


def _rows(page: str) -> list[tuple[str, str, str]]:
    """(field, yours, saved) of the conflict table."""
    cells = re.findall(
        r"<tr(?: class=\"yours\")?><th scope=\"row\">([^<]+)(?: <span[^>]*>[^<]*</span>)?</th>"
        r"<td>([^<]*)</td><td>([^<]*)</td></tr>",
        _conflict_box(page),
    )
    return [(field, html.unescape(yours), html.unescape(saved)) for field, yours, saved in cells]


# --- htmx swaps refused forms ------------------------------------------------------


def test_htmx_swaps_400_409_and_422_and_reports_other_errors():
    base = (Path(settings.BASE_DIR) / "templates" / "base.html").read_text()
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", base).group(1))

    def handling(status: int) -> dict:
        # htmx 2 takes the first entry whose code, a regular expression, finds the status.
        return next(e for e in config["responseHandling"] if re.search(e["code"], str(status)))

    assert {s: handling(s)["swap"] for s in (200, 204, 400, 403, 404, 409, 422, 500, 503)} == {
        200: True, 204: False, 400: True, 403: False, 404: False, 409: True, 422: True,
        500: False, 503: False,
    }  # fmt: skip
    assert [s for s in (400, 403, 404, 409, 422, 500) if handling(s).get("error")] == [
        403, 404, 500,
    ]  # fmt: skip


def test_every_page_loads_the_error_script(editor_client):
    page = editor_client.get(reverse("review")).content.decode()
    assert '<script src="/static/js/htmx-errors.js" defer></script>' in page


# --- 400: the panel says why and keeps what was typed ------------------------------


def test_unknown_participant_answers_400_with_the_error_tied_to_the_field(editor_client):
    meeting = MeetingFactory()
    response = editor_client.post(
        reverse("participant_add", args=[meeting.pk]), {"leader": "Nobody Known"}, headers=HX
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="meeting-panel"')
    error_id = f"add-{meeting.pk}-error"
    assert f'<p class="error" id="{error_id}" role="alert">No leader by this name.</p>' in page
    field = re.search(rf'<input id="add-{meeting.pk}"[^>]*>', page).group(0)
    assert 'value="Nobody Known"' in field
    assert f'aria-invalid="true" aria-describedby="{error_id}"' in field


def test_cleared_date_answers_400_and_keeps_the_other_values(editor_client):
    meeting = MeetingFactory(place="Paris", date=datetime.date(2025, 3, 4))
    data = _meeting_data(meeting, date="", place="Versailles", occasion="State visit")
    response = editor_client.post(reverse("meeting_edit", args=[meeting.pk]), data, headers=HX)
    assert response.status_code == 400
    page = response.content.decode()
    error = "Give the date, or clear its precision."
    assert f'<p class="error" id="id_date_error" role="alert">{error}</p>' in page
    assert 'aria-describedby="id_date_helptext id_date_error"' in page
    assert 'value="Versailles"' in page and 'value="State visit"' in page
    meeting.refresh_from_db()
    assert (meeting.place, meeting.version) == ("Paris", 1)


def test_unknown_speaker_answers_400_next_to_the_speaker(editor_client):
    statement = StatementFactory()
    data = {"speaker_name": "Nobody", "text": "Changed", "kind": "direct", "meeting": "",
            "version": 1}  # fmt: skip
    response = editor_client.post(reverse("statement_edit", args=[statement.pk]), data, headers=HX)
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        '<p class="error" id="id_speaker_name_error" role="alert">'
        "No leader by this name. Add them as an alias first.</p>" in page
    )
    assert ">\nChanged</textarea>" in page


def test_empty_leader_name_answers_400(editor_client):
    leader = LeaderFactory(name="Kept Name")
    response = editor_client.post(
        reverse("leader_edit", args=[leader.slug]),
        {"name": "", "country": "de", "version": 1},
        headers=HX,
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<p class="error" id="id_name_error" role="alert">This field is required.</p>' in page
    assert 'value="de"' in page
    leader.refresh_from_db()
    assert leader.name == "Kept Name"


# --- 409: both versions, and one click saves the editor's again --------------------


def test_concurrent_meeting_edit_answers_409_with_both_versions(roles):
    meeting = MeetingFactory(place="Paris", occasion="", kind=Meeting.Kind.BILATERAL)
    first, second = _editors()
    url = reverse("meeting_edit", args=[meeting.pk])
    assert first.post(url, _meeting_data(meeting, place="Geneva"), headers=HX).status_code == 200
    response = second.post(
        url, _meeting_data(meeting, place="Vienna", kind="call"), headers=HX
    )  # still version 1
    assert response.status_code == 409
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="meeting-panel"')
    assert "someone else changed this record" in page
    assert "Place: you saw “Paris”, it is now “Geneva”" in page
    assert _rows(page) == [("Place", "Vienna", "Geneva"), ("Kind", "Call", "Bilateral")]
    meeting.refresh_from_db()
    assert (meeting.place, meeting.kind, meeting.version) == ("Geneva", "bilateral", 2)


def test_reapplying_keeps_the_other_editors_change_to_another_field(roles):
    meeting = MeetingFactory(place="Paris", occasion="", date=datetime.date(2025, 3, 4))
    first, second = _editors()
    url = reverse("meeting_edit", args=[meeting.pk])
    first.post(url, _meeting_data(meeting, date="2025-03-05"), headers=HX)
    page = second.post(url, _meeting_data(meeting, occasion="G7 summit"), headers=HX)
    action, data = _reapply_form(page.content.decode())
    assert action == url
    assert {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"} == {
        "date": "2025-03-05", "date_precision": "day", "place": "Paris", "country": "FR",
        "kind": "bilateral", "occasion": "G7 summit", "version": "2",
    }  # fmt: skip

    assert second.post(action, data, headers=HX).status_code == 200

    meeting.refresh_from_db()
    assert (meeting.date, meeting.occasion, meeting.version) == (
        datetime.date(2025, 3, 5), "G7 summit", 3
    )  # fmt: skip


def test_a_409_without_htmx_shows_the_whole_page_with_both_versions(roles):
    meeting = MeetingFactory(place="Paris")
    first, second = _editors()
    url = reverse("meeting_edit", args=[meeting.pk])
    first.post(url, _meeting_data(meeting, place="Geneva"))
    response = second.post(url, _meeting_data(meeting, place="Vienna"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "<!doctype html>" in page
    assert _rows(page) == [("Place", "Vienna", "Geneva")]


def test_the_same_change_by_both_editors_leaves_nothing_to_reapply(roles):
    meeting = MeetingFactory(place="Paris")
    first, second = _editors()
    url = reverse("meeting_edit", args=[meeting.pk])
    first.post(url, _meeting_data(meeting, place="Geneva"), headers=HX)
    response = second.post(url, _meeting_data(meeting, place="Geneva"), headers=HX)
    assert response.status_code == 409
    page = response.content.decode()
    assert "The saved version already has your changes" in page
    assert "Save my version again" not in page


def test_concurrent_statement_edit_reapplies_the_speaker_by_slug(roles):
    twin_a = LeaderFactory(name="Same Name", country="FR")
    twin_b = LeaderFactory(name="Same Name", country="DE", known=False)
    statement = StatementFactory(speaker=twin_b, text="We agree")
    first, second = _editors()
    url = reverse("statement_edit", args=[statement.pk])
    base = {"speaker_name": twin_b.slug, "text": "We agree", "kind": "direct", "meeting": "",
            "version": 1}  # fmt: skip
    assert first.post(url, base, headers=HX).status_code == 200  # nothing changed
    assert first.post(url, {**base, "kind": "indirect"}, headers=HX).status_code == 200
    response = second.post(url, {**base, "text": "We agree on all"}, headers=HX)
    assert response.status_code == 409
    page = response.content.decode()
    assert _rows(page) == [("Text", "We agree on all", "We agree"), ("Kind", "Direct", "Indirect")]
    action, data = _reapply_form(page)
    assert (data["speaker_name"], data["kind"], data["text"]) == (
        twin_b.slug, "indirect", "We agree on all"
    )  # fmt: skip

    assert second.post(action, data, headers=HX).status_code == 200

    saved = Statement.objects.get()
    assert (saved.speaker_id, saved.kind, saved.text) == (twin_b.pk, "indirect", "We agree on all")
    assert twin_a.pk != twin_b.pk


def test_concurrent_leader_edit_answers_409_and_reapplies(roles):
    leader = LeaderFactory(name="Old Name", country="FR")
    first, second = _editors()
    url = reverse("leader_edit", args=[leader.slug])
    first.post(url, {"name": "New Name", "country": "FR", "version": 1}, headers=HX)
    response = second.post(url, {"name": "Old Name", "country": "ro", "version": 1}, headers=HX)
    assert response.status_code == 409
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="leader-panel"')
    assert _rows(page) == [
        ("Canonical name (English)", "Old Name", "New Name"),
        ("Country", "RO", "FR"),
    ]
    action, data = _reapply_form(page)

    assert second.post(action, data, headers=HX).status_code == 200

    leader.refresh_from_db()
    assert (leader.name, leader.country, leader.version) == ("New Name", "RO", 3)
