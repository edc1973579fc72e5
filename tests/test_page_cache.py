"""Cached parts of the analyst pages change as soon as the data they show changes.

Every page is read once (so its parts are cached), the data is changed through the
same paths editors, admins and workers use, and the page read again must show it.
"""

from datetime import date

import pytest
from django.urls import reverse

from diplomacy.leaders.services import alias_add, leader_update
from diplomacy.meetings.models import Meeting
from diplomacy.meetings.services import (
    meeting_participant_remove,
    meeting_update,
    statement_set_status,
)
from tests.factories import LeaderFactory, MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db

# The list of meetings (the default of `/` is the chart: tests/test_timeline_chart.py).
LIST = reverse("timeline") + "?view=list"


def _page(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_timeline_shows_an_editors_change_of_place(analyst_client):
    meeting = MeetingFactory(place="Geneva")
    assert "Geneva" in _page(analyst_client, LIST)
    meeting_update(meeting.pk, version=meeting.version, fields={"place": "Lausanne"}, seen={},
                   by=None)  # fmt: skip
    page = _page(analyst_client, LIST)
    assert "Lausanne" in page
    assert "Geneva" not in page


def test_timeline_shows_a_renamed_leader_and_a_new_meeting(analyst_client):
    person = LeaderFactory(name="Old Name")
    MeetingFactory(participants=[person, LeaderFactory()])
    assert "Old Name" in _page(analyst_client, LIST)
    leader_update(person.pk, version=person.version, fields={"name": "New Name"}, seen={},
                  by=None)  # fmt: skip
    MeetingFactory(place="Reykjavik")
    page = _page(analyst_client, LIST)
    assert "New Name" in page and "Old Name" not in page
    assert "Reykjavik" in page


def test_htmx_page_of_the_timeline_is_fresh_too(analyst_client):
    meeting = MeetingFactory(place="Geneva")
    headers = {"HX-Request": "true"}
    assert "Geneva" in analyst_client.get(LIST, headers=headers).content.decode()
    meeting_update(meeting.pk, version=meeting.version, fields={"place": "Bern"}, seen={},
                   by=None)  # fmt: skip
    assert "Bern" in analyst_client.get(LIST, headers=headers).content.decode()


def test_statement_search_drops_a_rejected_statement(analyst_client):
    said = StatementFactory(text="We will build the bridge together")
    assert "build the bridge" in _page(analyst_client, reverse("statements"), q="bridge")
    statement_set_status(said.pk, "rejected", by=None)
    assert "build the bridge" not in _page(analyst_client, reverse("statements"), q="bridge")


def test_network_drops_a_removed_participant(analyst_client):
    a, b = LeaderFactory(name="Alpha Person"), LeaderFactory(name="Beta Person")
    c = LeaderFactory(name="Gamma Person")
    meeting = MeetingFactory(participants=[a, b, c], date=date(2020, 5, 5))
    assert "Gamma Person" in _page(analyst_client, reverse("network"))
    meeting_participant_remove(meeting.pk, c.pk, by=None)
    assert "Gamma Person" not in _page(analyst_client, reverse("network"))


def test_leader_page_shows_a_new_counterpart_and_alias(analyst_client):
    person = LeaderFactory(name="Main Person")
    MeetingFactory(participants=[person, LeaderFactory(name="First Counterpart")])
    url = person.get_absolute_url()
    assert "First Counterpart" in _page(analyst_client, url)
    MeetingFactory(participants=[person, LeaderFactory(name="Second Counterpart")])
    alias_add(person, "Hauptperson", "de", by=None)
    page = _page(analyst_client, url)
    assert "Second Counterpart" in page
    assert "Hauptperson" in page


def test_api_answers_from_the_cache_until_the_data_changes(analyst_client):
    meeting = MeetingFactory(place="Geneva")
    first = analyst_client.get(reverse("api_meetings")).json()
    assert [m["place"] for m in first["results"]] == ["Geneva"]
    meeting_update(meeting.pk, version=meeting.version, fields={"place": "Oslo"}, seen={},
                   by=None)  # fmt: skip
    second = analyst_client.get(reverse("api_meetings")).json()
    assert [m["place"] for m in second["results"]] == ["Oslo"]


def test_admin_deletions_reach_the_pages(analyst_client, admin_client):
    meeting = MeetingFactory(place="Valletta")
    assert "Valletta" in _page(analyst_client, LIST)
    response = admin_client.post(
        reverse("admin:meetings_meeting_delete", args=[meeting.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert "Valletta" not in _page(analyst_client, LIST)


def test_a_new_source_reaches_the_leader_page_statements(analyst_client):
    person = LeaderFactory()
    url = person.get_absolute_url()
    assert "A brand new statement" not in _page(analyst_client, url)
    StatementFactory(speaker=person, text="A brand new statement about trade")
    assert "A brand new statement" in _page(analyst_client, url)
