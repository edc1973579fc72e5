"""Pair counts stay equal to a count from scratch through every kind of write."""

import random
from datetime import date

import pytest
from django.urls import reverse

from diplomacy.meetings.models import Meeting, PairCount
from diplomacy.meetings.pairs import pairs_rebuild
from diplomacy.meetings.services import (
    meeting_create,
    meeting_participant_add,
    meeting_participant_remove,
    meeting_set_status,
    meeting_update,
    revert_to,
)
from diplomacy.meetings.views import counted_pairs, meeting_pairs
from diplomacy.review.services import leader_merge, meeting_merge
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _counts() -> set[tuple]:
    return set(PairCount.objects.values_list("leader_a", "leader_b", "year", "meetings", "last"))


def _rebuilt() -> set[tuple]:
    kept = _counts()
    pairs_rebuild()
    fresh = _counts()
    return kept, fresh


def test_every_kind_of_write_keeps_the_counts_exact():
    rng = random.Random(5)
    people = [LeaderFactory() for _ in range(6)]
    meetings = [
        meeting_create(
            rng.sample(people, rng.choice((2, 2, 3))),
            kind="bilateral",
            date=date(2020 + rng.randrange(3), rng.randint(1, 12), 1),
            date_precision="day",
        )  # fmt: skip
        for _ in range(12)
    ]
    for step in range(60):
        meeting = rng.choice(meetings)
        meeting.refresh_from_db()
        action = step % 7
        if action == 0:
            new_day = date(2019 + rng.randrange(4), rng.randint(1, 12), rng.randint(1, 28))
            meeting_update(meeting.pk, version=meeting.version, fields={"date": new_day},
                           seen={}, by=None)  # fmt: skip
        elif action == 1:
            meeting_set_status(meeting.pk, rng.choice(["rejected", "verified", "extracted"]),
                               by=None)  # fmt: skip
        elif action == 2:
            meeting_participant_add(meeting.pk, rng.choice(people), by=None)
        elif action == 3:
            present = list(meeting.participations.values_list("leader_id", flat=True))
            if len(present) > 2:
                meeting_participant_remove(meeting.pk, rng.choice(present), by=None)
        elif action == 4:
            other = rng.choice(meetings)
            other.refresh_from_db()
            if other.pk != meeting.pk and not other.merged_into_id and not meeting.merged_into_id:
                meeting_merge(keep=meeting, drop=other, by=None)
        elif action == 5:
            history = list(meeting.history.values_list("history_id", flat=True))
            revert_to(meeting, rng.choice(history), by=None)
        else:
            meeting_update(meeting.pk, version=meeting.version, fields={"date": None,
                           "date_precision": ""}, seen={}, by=None)  # fmt: skip
    twin = people.pop()
    leader_merge(keep=people[0], drop=twin, by=None)
    kept, fresh = _rebuilt()
    assert kept == fresh
    assert fresh  # the sequence left some pairs to count


def test_admin_edits_and_deletions_keep_the_counts_exact(admin_client):
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b], date=date(2021, 3, 3))
    gone = MeetingFactory(participants=[a, c], date=date(2021, 4, 4))
    admin_client.post(reverse("admin:meetings_meeting_delete", args=[gone.pk]), {"post": "yes"})
    admin_client.post(reverse("admin:meetings_participation_add"),
                      {"meeting": meeting.pk, "leader": c.pk})  # fmt: skip
    assert meeting.participations.count() == 3
    kept, fresh = _rebuilt()
    assert kept == fresh
    assert {(x, y) for x, y, *_ in fresh} == {
        tuple(sorted((a.pk, b.pk))),
        tuple(sorted((a.pk, c.pk))),
        tuple(sorted((b.pk, c.pk))),
    }


def test_network_of_whole_years_equals_the_live_count():
    people = [LeaderFactory() for _ in range(5)]
    rng = random.Random(3)
    for _ in range(25):
        MeetingFactory(participants=rng.sample(people, 2),
                       date=date(2018 + rng.randrange(5), rng.randint(1, 12), 9))  # fmt: skip
    MeetingFactory(participants=people[:2], date=None, date_precision="")
    live = meeting_pairs(Meeting.objects.visible())
    assert counted_pairs(None) == live
    in_2020 = meeting_pairs(Meeting.objects.visible().filter(date__year__in=[2019, 2020]))
    assert counted_pairs((2019, 2020)) == in_2020
    assert counted_pairs((2019, 2020)) != live


def test_leader_page_counterparts_come_from_the_counts(analyst_client):
    main, often, once = LeaderFactory(), LeaderFactory(name="Often Met"), LeaderFactory()
    for year in (2019, 2020, 2021):
        MeetingFactory(participants=[main, often], date=date(year, 5, 5))
    MeetingFactory(participants=[main, once], date=date(2022, 1, 1))
    rejected = MeetingFactory(participants=[main, once], date=date(2023, 1, 1))
    meeting_set_status(rejected.pk, "rejected", by=None)
    response = analyst_client.get(main.get_absolute_url())
    shown = [(x["leader"].pk, x["count"], x["last"]) for x in response.context["counterparts"]]
    assert shown == [(often.pk, 3, date(2021, 5, 5)), (once.pk, 1, date(2022, 1, 1))]
