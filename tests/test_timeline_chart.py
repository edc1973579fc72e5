"""The timeline chart's data (meetings/timeline.py): exact counts per bucket, the filters
meaning what they mean on the list, lanes, marks and their cap, refused parameters, and
the month counts kept in step by every write (meetings/month_counts.py)."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.urls import reverse

from diplomacy.meetings import timeline
from diplomacy.meetings.filters import MeetingFilter
from diplomacy.meetings.models import Meeting, MonthCount
from diplomacy.meetings.month_counts import counts_rebuild
from diplomacy.meetings.services import (
    meeting_create,
)
from diplomacy.review.services import leader_merge
from tests.factories import LeaderFactory, MeetingFactory
from tests.writes import WRITES, random_write

pytestmark = pytest.mark.django_db

DATA = reverse("timeline_data")


def _get(client, **params):
    response = client.get(DATA, params)
    assert response.status_code == 200, response.content
    return response.json()


def _buckets(answer) -> dict:
    return {(b["lane"], b["start"]): b["counts"] for b in answer["buckets"]}


@pytest.fixture
def record():
    """Three leaders in two countries and eleven meetings over three years."""
    ana = LeaderFactory(name="Ana Popescu", slug="ana", country="RO")
    jean = LeaderFactory(name="Jean Dupont", slug="jean", country="FR")
    olaf = LeaderFactory(name="Olaf Berg", slug="olaf", country="DE")
    d, m = date, MeetingFactory
    made = [
        m(participants=[ana, jean], date=d(2020, 1, 5), place="Paris", country="FR"),
        m(participants=[ana, jean], date=d(2020, 1, 20), kind="call", place="", country=""),
        m(participants=[ana, olaf], date=d(2020, 3, 2), place="Berlin", country="DE"),
        m(participants=[jean, olaf], date=d(2020, 3, 31), kind="visit", place="Berlin",
          country="DE"),
        m(participants=[ana, jean, olaf], date=d(2021, 6, 15), kind="multilateral",
          place="Geneva", country="CH", status="verified"),
        m(participants=[ana, jean], date=d(2021, 6, 16), place="Bucharest", country="RO"),
        m(participants=[jean, olaf], date=d(2022, 12, 31), place="Paris", country="FR"),
        m(participants=[ana, olaf], date=d(2022, 2, 7), kind="call", place="", country=""),
        m(participants=[ana, jean], date=None, date_precision="", place="Rome", country="IT"),
        m(participants=[ana, jean], date=d(2021, 6, 15), status="rejected"),
        m(participants=[jean, olaf], date=d(2020, 1, 9), place="Paris", country="FR"),
    ]  # fmt: skip
    return ana, jean, olaf, made


def test_density_by_year_and_month_is_exact(analyst_client, record):
    years = _get(analyst_client, start="2000-01-01", end="2024-12-31", view="chart")
    assert (years["unit"], years["mode"], years["total"]) == ("year", "marks", 9)
    assert _buckets(years) == {
        (None, "2020-01-01"): {"bilateral": 3, "call": 1, "visit": 1},
        (None, "2021-01-01"): {"multilateral": 1, "bilateral": 1},
        (None, "2022-01-01"): {"bilateral": 1, "call": 1},
    }
    assert years["undated"] == [1]  # the meeting in Rome, not drawn
    months = _get(analyst_client, start="2020-01-01", end="2021-12-31")
    assert months["unit"] == "month"
    assert _buckets(months) == {
        (None, "2020-01-01"): {"bilateral": 2, "call": 1},
        (None, "2020-03-01"): {"bilateral": 1, "visit": 1},
        (None, "2021-06-01"): {"multilateral": 1, "bilateral": 1},
    }
    assert [b["end"] for b in months["buckets"]] == ["2020-02-01", "2020-04-01", "2021-07-01"]


def test_density_by_week_and_day_is_exact(analyst_client, record):
    weeks = _get(analyst_client, start="2020-01-01", end="2020-04-30")
    assert weeks["unit"] == "week"
    # ISO weeks start on Monday: 5 January 2020 is a Sunday, in the week of 30 December.
    assert _buckets(weeks) == {
        (None, "2019-12-30"): {"bilateral": 1},
        (None, "2020-01-06"): {"bilateral": 1},
        (None, "2020-01-20"): {"call": 1},
        (None, "2020-03-02"): {"bilateral": 1},
        (None, "2020-03-30"): {"visit": 1},
    }
    days = _get(analyst_client, start="2021-06-01", end="2021-06-30")
    assert days["unit"] == "day"
    assert _buckets(days) == {
        (None, "2021-06-15"): {"multilateral": 1},
        (None, "2021-06-16"): {"bilateral": 1},
    }


def _oracle(params: dict, unit: str, lo: date, hi: date) -> Counter:
    """The counts computed the slow way, from the list's own filter."""
    leaders = params.get("leader", [])
    plain = {k: v for k, v in params.items() if k != "leader"}
    selection = timeline.Selection(plain, leaders)
    found = Counter()
    lanes = {p.pk: i for i, p in enumerate(selection.lanes)}
    for meeting in selection.meetings().prefetch_related("participants"):
        if meeting.date is None or not lo <= meeting.date <= hi:
            continue
        start = timeline.bucket_floor(meeting.date, unit)
        for lane in [lanes[p.pk] for p in meeting.participants.all() if p.pk in lanes] or [None]:
            found[(lane, start.isoformat(), meeting.kind)] += 1
    return found


def _answered(answer) -> Counter:
    return Counter({(b["lane"], b["start"], kind): n
                    for b in answer["buckets"] for kind, n in b["counts"].items()})  # fmt: skip


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "fr"},
        {"country": "RO"},
        {"kind": "call"},
        {"status": "verified"},
        {"q": "paris"},
        {"q": "olaf"},
        {"leader": ["ana"]},
        {"leader": ["Jean Dupont", "olaf"]},
        {"leader": ["ana"], "country": "DE"},
        {"leader": ["ana", "jean"], "kind": "bilateral"},
        {"date_from": "2020-01-10", "date_to": "2021-06-15"},
        {"date_from": "2020-03-01", "date_to": "2020-03-31", "country": "DE"},
    ],
)
@pytest.mark.parametrize(
    ("start", "end"),
    [("2000-01-01", "2024-12-31"), ("2020-01-01", "2022-12-31"), ("2020-01-01", "2020-05-01")],
)
def test_every_filter_counts_what_the_list_shows(analyst_client, record, params, start, end):
    answer = _get(analyst_client, start=start, end=end, **params)
    window = timeline.Window(date.fromisoformat(start), date.fromisoformat(end))
    lo, hi = window.buckets()
    assert _answered(answer) == _oracle(params, window.unit, lo, hi)


def test_counts_of_a_leader_match_the_list_of_that_leader(analyst_client, record):
    ana = record[0]
    answer = _get(analyst_client, leader="ana", start="2000-01-01", end="2024-12-31")
    listed = analyst_client.get(reverse("timeline"), {"view": "list", "leader": ana.slug})
    dated = [m for m in listed.context["meetings"] if m.date]
    assert answer["total"] == len(dated) == 6
    assert answer["lanes"] == [{"id": ana.pk, "slug": "ana", "name": "Ana Popescu",
                                "url": ana.get_absolute_url()}]  # fmt: skip
    assert answer["undated"] == [1]


def test_marks_name_participants_place_and_lanes(analyst_client, record):
    ana, jean, olaf, made = record
    answer = _get(analyst_client, leader=["ana", "jean", "olaf"], start="2021-01-01",
                  end="2021-12-31")  # fmt: skip
    assert answer["mode"] == "marks"
    assert [m["id"] for m in answer["marks"]] == [made[4].pk, made[5].pk]
    summit = answer["marks"][0]
    assert summit == {
        "id": made[4].pk, "date": "2021-06-15", "label": "15 June 2021", "kind": "multilateral",
        "status": "verified", "place": "Geneva (Switzerland)", "occasion": "",
        "participants": [{"id": p.pk, "name": p.name} for p in (ana, jean, olaf)],
        "lanes": [0, 1, 2], "url": made[4].get_absolute_url(),
    }  # fmt: skip
    assert answer["marks"][1]["lanes"] == [0, 1]
    assert [lane["name"] for lane in answer["lanes"]] == ["Ana Popescu", "Jean Dupont", "Olaf Berg"]
    # One lane per leader: the summit counts in each of the three (a year: weeks).
    assert answer["unit"] == "week"
    assert _buckets(answer) == {
        (0, "2021-06-14"): {"multilateral": 1, "bilateral": 1},
        (1, "2021-06-14"): {"multilateral": 1, "bilateral": 1},
        (2, "2021-06-14"): {"multilateral": 1},
    }
    assert answer["undated"] == [1, 1, 0]


def test_past_the_cap_the_density_is_shown_instead(analyst_client, record, monkeypatch):
    monkeypatch.setattr(timeline, "MARKS_CAP", 4)
    answer = _get(analyst_client, start="2020-01-01", end="2020-12-31")
    assert (answer["mode"], answer["total"], answer["marks"]) == ("density", 5, [])
    fewer = _get(analyst_client, start="2020-01-01", end="2020-03-15")
    assert (fewer["mode"], len(fewer["marks"])) == ("marks", 4)
    assert fewer["cap"] == 4


def test_unknown_leaders_are_named_and_match_nothing(analyst_client, record):
    answer = _get(analyst_client, leader=["nobody-at-all"], start="2020-01-01", end="2022-12-31")
    assert (answer["buckets"], answer["marks"], answer["unknown"]) == ([], [], ["nobody-at-all"])
    mixed = _get(analyst_client, leader=["nobody-at-all", "olaf"], start="2020-01-01",
                 end="2022-12-31")  # fmt: skip
    assert (len(mixed["lanes"]), mixed["unknown"], mixed["total"]) == (1, ["nobody-at-all"], 6)


def test_without_a_window_the_whole_record_in_whole_years(analyst_client, record):
    answer = _get(analyst_client)
    assert (answer["start"], answer["end"], answer["unit"]) == ("2020-01-01", "2022-12-31", "month")
    filtered = _get(analyst_client, q="geneva")
    assert (filtered["start"], filtered["end"]) == ("2021-01-01", "2021-12-31")
    dates = _get(analyst_client, date_from="2020-02-01", date_to="2020-02-20")
    assert (dates["start"], dates["end"], dates["total"]) == ("2020-02-01", "2020-02-20", 0)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"kind": "summit"},
            "kind: Select a valid choice. summit is not one of the available choices.",
        ),
        ({"start": "garbage"}, "start: enter a date as YYYY-MM-DD."),
        ({"end": "2020-13-01"}, "end: enter a date as YYYY-MM-DD."),
        ({"start": "2021-01-01", "end": "2020-01-01"}, "start: must not be after end."),
        ({"leader": "a\x00b"}, "leader: Null characters are not allowed."),
        ({"leader": [f"l{n}" for n in range(13)]}, "leader: at most 12 leaders at once."),
        ({"date_from": "²"}, "date_from: Enter a valid date."),
    ],
)
def test_a_wrong_parameter_answers_400_with_the_reason(analyst_client, params, message):
    response = analyst_client.get(DATA, params)
    assert (response.status_code, response.json()) == (400, {"error": message})


def test_the_chart_page_is_the_default_and_the_list_one_click_away(analyst_client, record):
    page = analyst_client.get(reverse("timeline"), {"kind": "call", "leader": ["ana", "jean"]})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-src="/timeline/data?kind=call&amp;leader=ana&amp;leader=jean"' in html
    assert '<a href="/?kind=call&amp;leader=ana&amp;leader=jean&amp;view=list">List</a>' in html
    assert html.count('<input type="hidden" name="leader"') == 2
    assert '<a class="chip-remove" href="?kind=call&amp;leader=jean"' in html
    assert "meetings" not in page.context  # no list read for the chart
    listed = analyst_client.get(reverse("timeline"), {"view": "list", "leader": ["ana", "jean"],
                                                      "kind": "call"})  # fmt: skip
    assert [m.pk for m in listed.context["meetings"]] == [record[3][7].pk, record[3][1].pk]
    assert 'aria-current="page">List</a>' in listed.content.decode()


def test_the_list_of_several_leaders_is_cached_apart_from_one(analyst_client, record):
    both = analyst_client.get(reverse("timeline"), {"view": "list", "leader": ["ana", "olaf"]})
    one = analyst_client.get(reverse("timeline"), {"view": "list", "leader": ["olaf"]})
    rows = [c.content.decode().count('<article class="meeting') for c in (both, one)]
    assert rows == [10, 6]  # the list shows undated meetings too


def test_the_chart_page_with_a_wrong_filter_answers_400(analyst_client):
    response = analyst_client.get(reverse("timeline"), {"date_from": "garbage"})
    assert response.status_code == 400
    assert 'data-invalid="true"' in response.content.decode()
    assert analyst_client.get(reverse("timeline"), {"start": "x"}).status_code == 400


# --- the month counts follow every write ----------------------------------------------


def _counts() -> set[tuple]:
    return set(
        MonthCount.objects.filter(meetings__gt=0).values_list(
            "leader_id", "country", "month", "kind", "status", "meetings"
        )
    )


def _kept_and_recounted() -> tuple[set, set]:
    kept = _counts()
    counts_rebuild()
    return kept, _counts()


def test_every_kind_of_write_keeps_the_month_counts_exact():
    rng = random.Random(7)
    people = [LeaderFactory(country=c) for c in ("RO", "FR", "FR", "DE", "", "PL")]
    meetings = [
        meeting_create(
            rng.sample(people, rng.choice((2, 2, 3))),
            kind=rng.choice(Meeting.Kind.values),
            date=date(2020 + rng.randrange(3), rng.randint(1, 12), 1),
            date_precision="day",
            country=rng.choice(["RO", "FR", "", "CH"]),
        )  # fmt: skip
        for _ in range(12)
    ]
    for step in range(70):
        random_write(rng, WRITES[step % len(WRITES)], meetings, people)
    leader_merge(keep=people[1], drop=people.pop(), by=None)
    kept, recounted = _kept_and_recounted()
    assert kept == recounted
    assert {row[2] for row in recounted} & {0}  # some undated meetings are counted too
    assert len(recounted) > 20


def test_admin_edits_and_deletions_keep_the_month_counts_exact(admin_client):
    a, b, c = LeaderFactory(country="RO"), LeaderFactory(country="FR"), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b], date=date(2021, 3, 3))
    gone = MeetingFactory(participants=[a, c], date=date(2021, 4, 4))
    admin_client.post(reverse("admin:meetings_meeting_delete", args=[gone.pk]), {"post": "yes"})
    admin_client.post(reverse("admin:meetings_participation_add"),
                      {"meeting": meeting.pk, "leader": c.pk})  # fmt: skip
    assert meeting.participations.count() == 3
    kept, recounted = _kept_and_recounted()
    assert kept == recounted
    month = 2021 * 12 + 2
    assert {(row[0], row[1]) for row in recounted if row[2] == month} == {
        (0, ""),
        (0, "RO"),
        (0, "FR"),
        (a.pk, ""),
        (b.pk, ""),
        (c.pk, ""),
    }


def test_the_migration_counts_the_meetings_already_stored():
    MeetingFactory(participants=[LeaderFactory(country="RO"), LeaderFactory(country="RO")],
                   date=date(2024, 5, 6), country="")  # fmt: skip
    kept = _counts()
    MonthCount.objects.all().delete()
    counts_rebuild(apps)  # as migration 0013 calls it, with its registry of models
    assert _counts() == kept
    assert len(kept) == 4  # all, Romania once, two leaders


def test_window_buckets_cover_the_window():
    window = timeline.Window(date(2020, 1, 15), date(2020, 2, 3))
    assert (window.unit, window.buckets()) == ("day", (date(2020, 1, 15), date(2020, 2, 3)))
    window = timeline.Window(date(2020, 1, 15), date(2020, 6, 3))
    assert (window.unit, window.buckets()) == ("week", (date(2020, 1, 13), date(2020, 6, 7)))
    window = timeline.Window(date(1990, 5, 1), date(2020, 6, 3))
    assert window.buckets() == (date(1990, 1, 1), date(2020, 12, 31))
    assert timeline.bucket_next(date(2020, 12, 1), "month") == date(2021, 1, 1)
    assert MeetingFilter({"country": "fr"}).is_valid()
    assert timeline.unit_for(date(2020, 1, 1), date(2020, 1, 1) + timedelta(days=401)) == "month"
