"""The timeline: meetings newest first, at their precision, filtered by leader."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from diplomacy.articles import services
from diplomacy.leaders.models import Leader
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Meeting, ReviewStatus
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TIMELINE = reverse("timeline")
# The list of meetings (the default of `/` is the chart: tests/test_timeline_chart.py).
LIST = f"{TIMELINE}?view=list"


@pytest.fixture
def seed_ingested(kb, seed_text):
    article = services.article_create(text=seed_text)
    ingestion.article_ingest(article.pk)


def _rows(response) -> list[str]:
    return [m.date_label for m in response.context["meetings"]]


def test_timeline_shows_the_seed_meetings_newest_first(analyst_client, seed_ingested):
    response = analyst_client.get(LIST)
    assert response.status_code == 200
    assert _rows(response) == ["3 September 2025", "3 September 2025", "June 2024"]
    html = response.content.decode()
    assert "Kim Jong Un" in html and "Xi Jinping" in html and "Pyongyang" in html
    assert "June 2024" in html


def test_leader_filter_narrows_the_timeline(analyst_client, seed_ingested):
    xi = Leader.objects.get(name="Xi Jinping")
    response = analyst_client.get(TIMELINE, {"view": "list", "leader": xi.slug})
    assert [sorted(p.name for p in m.participants.all()) for m in response.context["meetings"]] == [
        ["Kim Jong Un", "Vladimir Putin", "Xi Jinping"]
    ]


def test_htmx_filter_returns_only_the_rows(analyst_client, seed_ingested):
    putin = Leader.objects.get(name="Vladimir Putin")
    response = analyst_client.get(
        TIMELINE, {"view": "list", "leader": putin.slug}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="timeline-rows">')
    assert "<html" not in html
    assert len(response.context["meetings"]) == 3


def test_filter_form_updates_the_url(analyst_client, seed_ingested):
    html = analyst_client.get(LIST).content.decode()
    assert 'hx-push-url="true"' in html
    assert 'hx-get="/"' in html


def test_unknown_leader_filter_shows_the_empty_state(analyst_client, seed_ingested):
    response = analyst_client.get(TIMELINE, {"view": "list", "leader": "nobody-at-all"})
    assert _rows(response) == []
    assert "No meetings" in response.content.decode()


def test_rejected_meetings_never_show(analyst_client):
    shown = MeetingFactory(date=datetime.date(2025, 1, 2))
    MeetingFactory(date=datetime.date(2025, 1, 3), status=ReviewStatus.REJECTED)
    assert [m.pk for m in analyst_client.get(LIST).context["meetings"]] == [shown.pk]


def test_older_meetings_page_continues_where_the_first_stopped(analyst_client, monkeypatch):
    monkeypatch.setattr("diplomacy.meetings.views.MEETINGS_PER_PAGE", 3)
    made = [MeetingFactory(date=datetime.date(2025, 1, day)) for day in range(1, 8)]
    first = analyst_client.get(LIST)
    second = analyst_client.get(TIMELINE, {"view": "list", "after": first.context["next_cursor"]})
    third = analyst_client.get(TIMELINE, {"view": "list", "after": second.context["next_cursor"]})
    seen = [m.pk for page in (first, second, third) for m in page.context["meetings"]]
    assert seen == [m.pk for m in reversed(made)]
    assert not third.context["next_cursor"]


@pytest.mark.parametrize("rows", [1, 10])
def test_timeline_query_count_does_not_grow_with_rows(
    analyst_client, django_assert_num_queries, rows
):
    people = [LeaderFactory(), LeaderFactory(), LeaderFactory()]
    days = [datetime.date(2025, 1, 1) + datetime.timedelta(days=n) for n in range(rows)]
    made = [MeetingFactory(participants=people, date=day) for day in reversed(days)]
    # session, user, groups (role: also the menu), data version, then on a cache miss:
    # meetings, participants, leaders for the filter
    with django_assert_num_queries(7):
        response = analyst_client.get(LIST)
    assert response.status_code == 200
    assert [m.pk for m in response.context["meetings"]] == [m.pk for m in made]
    assert response.content.decode().count('<article class="meeting') == rows
    # Again: the rows come from the cache while the data is unchanged.
    with django_assert_num_queries(4):
        again = analyst_client.get(LIST)
    assert again.status_code == 200
    rows_html = response.content.decode().split('<div id="timeline-rows">')[1]
    assert again.content.decode().split('<div id="timeline-rows">')[1] == rows_html


def test_cached_timeline_filtered_by_a_leader_looks_nothing_up(
    analyst_client, django_assert_num_queries
):
    person = LeaderFactory()
    meeting = MeetingFactory(participants=[person, LeaderFactory()])
    url = f"{LIST}&leader={person.slug}"
    first = analyst_client.get(url)
    assert first.status_code == 200
    assert [m.pk for m in first.context["meetings"]] == [meeting.pk]
    # session, user, groups (role), data version: the leader and the rows are cached
    with django_assert_num_queries(4):
        again = analyst_client.get(url)
    assert again.status_code == 200
    rows = first.content.decode().split('<div id="timeline-rows">')[1]
    assert again.content.decode().split('<div id="timeline-rows">')[1] == rows
    assert rows.count('<article class="meeting') == 1
    assert person.name in rows


def test_meeting_page_shows_its_source_sentence(analyst_client, seed_ingested):
    meeting = Meeting.objects.get(reported_as="past")
    html = analyst_client.get(meeting.get_absolute_url()).content.decode()
    assert "June 2024" in html
    quote = re.search(r'<blockquote class="evidence">(.*?)</blockquote>', html, re.S).group(1)
    assert "<mark>Kim</mark>" in quote
    assert unescape(re.sub(r"</?mark>", "", quote)) == meeting.evidence.get().text


def test_leader_page_lists_meetings(analyst_client, seed_ingested):
    kim = Leader.objects.get(name="Kim Jong Un")
    response = analyst_client.get(kim.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["meetings"]) == 3
