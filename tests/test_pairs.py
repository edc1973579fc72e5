"""Pair counts stay equal to a count from scratch through every kind of write."""

import random
from datetime import date

import pytest
from django.urls import reverse

from diplomacy.meetings.filters import MeetingFilter
from diplomacy.meetings.models import Meeting, PairCount
from diplomacy.meetings.network import network_of
from diplomacy.meetings.pairs import pairs_rebuild
from diplomacy.meetings.services import (
    meeting_create,
    meeting_set_status,
)
from diplomacy.review.services import leader_merge
from tests.factories import LeaderFactory, MeetingFactory
from tests.writes import WRITES, random_write

pytestmark = pytest.mark.django_db


def _counts() -> set[tuple]:
    return set(PairCount.objects.values_list("leader_a", "leader_b", "month", "meetings", "last"))


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
    # Every write but a change of kind, which pair counts do not depend on.
    writes = [w for w in WRITES if w != "kind"]
    for step in range(60):
        random_write(rng, writes[step % len(writes)], meetings, people)
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


def _pairs(data: dict) -> list[tuple]:
    return [(p["a"].pk, p["b"].pk, p["count"], p["last"])
            for p in network_of(MeetingFilter(data)).pairs]  # fmt: skip


def test_network_of_whole_years_equals_the_live_count():
    """The counts of whole years against the same period through a filter that makes the
    network count the meetings themselves (status: every visible one is unreviewed)."""
    people = [LeaderFactory() for _ in range(5)]
    rng = random.Random(3)
    for _ in range(25):
        MeetingFactory(participants=rng.sample(people, 2),
                       date=date(2018 + rng.randrange(5), rng.randint(1, 12), 9))  # fmt: skip
    MeetingFactory(participants=people[:2], date=None, date_precision="")
    assert set(Meeting.objects.values_list("status", flat=True)) == {"extracted"}
    live = _pairs({"status": "extracted"})
    assert _pairs({}) == live
    years = {"date_from": "2019-01-01", "date_to": "2020-12-31"}
    assert _pairs(years) == _pairs({**years, "status": "extracted"})
    assert _pairs(years) != live


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
