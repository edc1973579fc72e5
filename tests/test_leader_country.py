"""An editor's change of a leader's country reaches the meetings' country filter and the
timeline's month counts."""

from datetime import date

import pytest
from django.urls import reverse

from diplomacy.meetings.models import Meeting, MonthCount
from diplomacy.meetings.month_counts import counts_rebuild
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _counts() -> set[tuple]:
    return set(
        MonthCount.objects.filter(meetings__gt=0).values_list(
            "leader_id", "country", "month", "kind", "status", "meetings"
        )
    )


def test_a_new_country_moves_the_leaders_meetings_to_it(editor_client):
    moved, other = LeaderFactory(country="RO"), LeaderFactory(country="DE")
    meeting = MeetingFactory(participants=[moved, other], date=date(2024, 3, 5))
    url = reverse("leader_edit", args=[moved.slug])
    answer = editor_client.post(
        url, {"version": moved.version, "name": moved.name, "country": "MD"}, HTTP_HX_REQUEST="true"
    )
    assert answer.status_code == 200
    meeting.refresh_from_db()
    assert meeting.participant_countries == " DE MD "
    in_md = Meeting.objects.filter(participant_countries__contains=" MD ")
    assert list(in_md.values_list("pk", flat=True)) == [meeting.pk]
    kept = _counts()
    counts_rebuild()
    assert kept == _counts()
    assert {row[1] for row in kept} >= {"MD"} and "RO" not in {row[1] for row in kept}
