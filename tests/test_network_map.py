"""The network (top leaders by degree, show more, any period, ego networks), the pair
counts per month behind it, the map's dots, and the leader page's chart."""

import json
import random
import re
from collections import defaultdict
from datetime import date
from itertools import combinations

import pytest
from django.urls import reverse

from diplomacy.meetings.filters import MeetingFilter
from diplomacy.meetings.leader_page import year_chart
from diplomacy.meetings.maps import meeting_map
from diplomacy.meetings.models import Meeting, PairCount, Participation
from diplomacy.meetings.network import ego_network, network_of
from diplomacy.meetings.selectors import meetings_per_year
from diplomacy.meetings.services import (
    meeting_create,
    meeting_participant_add,
    meeting_participant_remove,
    meeting_set_status,
    meeting_update,
    revert_to,
)
from diplomacy.review.services import meeting_merge, merge_undo
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db
D = date


# --- pair counts per month ------------------------------------------------------------


def _month_rows() -> set[tuple]:
    return set(PairCount.objects.values_list("leader_a", "leader_b", "month", "meetings", "last"))


def _recount() -> set[tuple]:
    """The month rows counted afresh from the visible meetings' participations."""
    visible = Meeting.objects.visible()
    people = defaultdict(set)
    for meeting_id, leader_id in Participation.objects.filter(meeting__in=visible).values_list(
        "meeting_id", "leader_id"
    ):
        people[meeting_id].add(leader_id)
    cells: dict[tuple, tuple] = {}
    for meeting_id, day in visible.values_list("pk", "date"):
        month = day.year * 12 + day.month - 1 if day else 0
        for a, b in combinations(sorted(people[meeting_id]), 2):
            n, last = cells.get((a, b, month), (0, None))
            cells[(a, b, month)] = (n + 1, max([d for d in (last, day) if d], default=None))
    return {(a, b, month, n, last) for (a, b, month), (n, last) in cells.items()}


def test_month_rows_equal_a_recount_after_creates_edits_merges_undo_and_deletes(admin_client):
    rng = random.Random(17)
    people = [LeaderFactory() for _ in range(6)]

    def day():
        return D(2021 + rng.randrange(2), rng.randint(1, 12), rng.randint(1, 28))

    meetings = [meeting_create(rng.sample(people, rng.choice((2, 2, 3))), kind="bilateral",
                               date=day(), date_precision="day") for _ in range(14)]  # fmt: skip
    assert _month_rows() == _recount()

    def fresh(meeting):
        meeting.refresh_from_db()
        return meeting

    for step in range(42):
        meeting = fresh(rng.choice(meetings))
        action = step % 6
        if action == 0:  # a date moved, often to another month; sometimes to none
            new = None if step % 12 == 0 else day()
            fields = {"date": new, "date_precision": "day" if new else ""}
            meeting_update(meeting.pk, version=meeting.version, by=None, seen={}, fields=fields)
        elif action == 1:
            meeting_set_status(meeting.pk, rng.choice(["rejected", "verified"]), by=None)
        elif action == 2:
            meeting_participant_add(meeting.pk, rng.choice(people), by=None)
        elif action == 3:
            present = list(meeting.participations.values_list("leader_id", flat=True))
            if len(present) > 2:
                meeting_participant_remove(meeting.pk, rng.choice(present), by=None)
        elif action == 4:  # a merge, undone every other time
            other = fresh(rng.choice(meetings))
            if other.pk != meeting.pk and not (other.merged_into_id or meeting.merged_into_id):
                merge = meeting_merge(keep=meeting, drop=other, by=None)
                if step % 8 == 4:
                    merge_undo(merge, by=None)
        else:  # an edit undone: back to an earlier version
            history = list(meeting.history.values_list("history_id", flat=True))
            revert_to(meeting, rng.choice(history), by=None)
        assert _month_rows() == _recount(), f"step {step}"
    for meeting in meetings[:3]:  # deleted by an admin
        response = admin_client.post(
            reverse("admin:meetings_meeting_delete", args=[meeting.pk]), {"post": "yes"}
        )
        assert response.status_code == 302
    assert _month_rows() == _recount()
    assert len({row[2] for row in _month_rows()}) >= 4  # several months still counted


# --- the network of any period --------------------------------------------------------


def _brute_pairs(start: date | None, end: date | None) -> dict[tuple, tuple]:
    """(a, b) → (meetings, last date) of the visible meetings in the period, in Python."""
    pairs: dict[tuple, tuple] = {}
    for meeting in Meeting.objects.visible().prefetch_related("participations"):
        if (start or end) and meeting.date is None:
            continue
        if (start and meeting.date < start) or (end and meeting.date > end):
            continue
        ids = sorted(p.leader_id for p in meeting.participations.all())
        for a, b in combinations(ids, 2):
            n, last = pairs.get((a, b), (0, None))
            pairs[(a, b)] = (n + 1, max([d for d in (last, meeting.date) if d], default=None))
    return pairs


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, None),
        (D(2021, 1, 1), D(2021, 12, 31)),  # a whole year
        (D(2021, 3, 15), D(2022, 2, 10)),  # part-months at both ends
        (D(2021, 5, 3), D(2021, 5, 20)),  # inside one month
        (D(2021, 5, 3), D(2021, 6, 20)),  # two part-months, nothing whole between
        (D(2021, 5, 1), D(2021, 5, 31)),  # one whole month
        (None, D(2021, 7, 9)),  # open start
        (D(2021, 7, 9), None),  # open end
    ],
)
def test_network_of_any_period_equals_a_count_of_its_meetings(start, end):
    rng = random.Random(4)
    people = [LeaderFactory() for _ in range(7)]
    for _ in range(60):
        day = D(2020 + rng.randrange(3), rng.randint(1, 12), rng.randint(1, 28))
        MeetingFactory(participants=rng.sample(people, rng.choice((2, 2, 3))), date=day)
    MeetingFactory(participants=people[:2], date=None, date_precision="")
    MeetingFactory(participants=people[2:4], date=D(2021, 5, 10), status="rejected")
    data = {
        "date_from": start.isoformat() if start else "",
        "date_to": end.isoformat() if end else "",
    }
    network = network_of(MeetingFilter(data), top=100)
    shown = {(p["a"].pk, p["b"].pk): (p["count"], p["last"]) for p in network.pairs}
    assert shown == _brute_pairs(start, end)
    degree = defaultdict(int)
    for a, b in shown:
        degree[a] += 1
        degree[b] += 1
    assert {n["leader"].pk: n["degree"] for n in network.nodes} == dict(degree)


def _graph(response) -> dict:
    found = re.search(r'<script id="network-data" type="application/json">(.*?)</script>',
                      response.content.decode(), re.S)  # fmt: skip
    return json.loads(found.group(1))


@pytest.fixture
def star():
    """Hub met A three times, B twice, C once; A met B once; D met E; all in 2023."""
    hub = LeaderFactory(name="Hub Person", country="DE")
    a, b, c = (LeaderFactory(name=f"{x} Person", country=k)
               for x, k in (("Alpha", "JP"), ("Beta", "BR"), ("Gamma", "")))  # fmt: skip
    d, e = LeaderFactory(name="Delta Person"), LeaderFactory(name="Epsilon Person")
    for month in (1, 2, 3):
        MeetingFactory(participants=[hub, a], date=D(2023, month, 5))
    for month in (4, 5):
        MeetingFactory(participants=[hub, b], date=D(2023, month, 5))
    MeetingFactory(participants=[hub, c], date=D(2023, 6, 5))
    MeetingFactory(participants=[a, b], date=D(2023, 7, 5))
    MeetingFactory(participants=[d, e], date=D(2023, 8, 5))
    return hub, a, b, c, d, e


def test_network_shows_the_top_leaders_by_degree_and_the_edges_among_them(analyst_client, star):
    hub, a, b, c, d, e = star
    response = analyst_client.get(reverse("network"), {"top": "3"})
    graph = _graph(response)
    # Degrees: hub 3, A 2, B 2, then C, D, E 1 each.
    assert [(n["label"], n["degree"], n["weight"]) for n in graph["nodes"]] == [
        ("Hub Person", 3, 6), ("Alpha Person", 2, 4), ("Beta Person", 2, 3),
    ]  # fmt: skip
    assert sorted((x["source"], x["target"], x["weight"]) for x in graph["edges"]) == sorted(
        [(str(hub.pk), str(a.pk), 3), (str(hub.pk), str(b.pk), 2), (str(a.pk), str(b.pk), 1)]
    )
    assert [(n["region"], n["colour"]) for n in graph["nodes"]] == [
        ("Europe", "#1f6fb4"), ("Asia", "#c2410c"), ("South America", "#7c3aed"),
    ]  # fmt: skip
    assert response.context["network"].total == 6
    html = response.content.decode()
    assert 'data-network-top="103"' in html  # show more: 100 more
    assert "The 3 leaders who met the most people (of 6)" in html


def test_show_more_then_everyone_without_a_more_link(analyst_client, star):
    response = analyst_client.get(reverse("network"))  # the default: 100
    assert len(_graph(response)["nodes"]) == 6
    assert "data-network-top" not in response.content.decode()
    assert [n["labelled"] for n in _graph(response)["nodes"]] == [True] * 6


def test_network_of_a_period_of_part_months(analyst_client, star):
    response = analyst_client.get(
        reverse("network"), {"date_from": "2023-01-10", "date_to": "2023-04-30"}
    )
    hub, a, b, *_ = star
    assert [(p["a"].pk, p["b"].pk, p["count"]) for p in response.context["pairs"]] == [
        (hub.pk, a.pk, 2), (hub.pk, b.pk, 1),
    ]  # fmt: skip
    assert 'data-first="2023" data-last="2023"' in response.content.decode()


def test_ego_network_is_the_leader_their_top_counterparts_and_who_among_them_met(
    analyst_client, star
):
    hub, a, b, c, d, e = star
    response = analyst_client.get(reverse("network"), {"ego": hub.slug, "top": "2"})
    assert response.status_code == 200
    graph = _graph(response)
    assert [(n["label"], n["weight"], n["centre"]) for n in graph["nodes"]] == [
        ("Hub Person", 6, True), ("Alpha Person", 3, False), ("Beta Person", 2, False),
    ]  # fmt: skip
    assert len(graph["edges"]) == 3  # hub-A, hub-B and A-B
    assert [(p["a"].name, p["b"].name, p["count"]) for p in response.context["pairs"]] == [
        ("Hub Person", "Alpha Person", 3), ("Hub Person", "Beta Person", 2),
    ]  # fmt: skip
    html = response.content.decode()
    assert f'Ego network of <a href="{hub.get_absolute_url()}">Hub Person</a>' in html
    assert "the 2 people they met most often (of 3)" in html
    assert 'data-network-top="32"' in html
    # Filters narrow the ego network too: before April only A was met.
    narrow = ego_network(MeetingFilter({"date_to": "2023-03-31"}), hub, 30)
    assert [(n["leader"].name, n["weight"]) for n in narrow.nodes] == [
        ("Hub Person", 3), ("Alpha Person", 3)
    ]  # fmt: skip


def test_ego_network_of_a_country_filter_counts_the_meetings(analyst_client, star):
    hub, a, b, *_ = star
    response = analyst_client.get(reverse("network"), {"ego": hub.slug, "country": "BR"})
    assert [(p["b"].name, p["count"]) for p in response.context["pairs"]] == [("Beta Person", 2)]


def test_network_refuses_bad_options_and_says_when_a_leader_is_unknown(analyst_client, star):
    for bad in ({"top": "0"}, {"top": "abc"}, {"top": "5000"}, {"date_from": "garbage"}):
        assert analyst_client.get(reverse("network"), bad).status_code == 400, bad
    response = analyst_client.get(reverse("network"), {"ego": "nobody-at-all"})
    assert response.status_code == 200
    assert "No leader called “nobody-at-all”" in response.content.decode()


def test_network_body_alone_for_htmx(analyst_client, star):
    response = analyst_client.get(
        reverse("network"), {"ego": star[0].slug}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="network-body">')
    assert 'id="network-filters"' not in html


# --- the map --------------------------------------------------------------------------


@pytest.fixture
def places():
    fr, ru = LeaderFactory(country="FR"), LeaderFactory(country="RU")
    made = {
        "paris": [
            MeetingFactory(participants=[fr, ru], date=D(2022, 1, d), place="Paris", country="FR")
            for d in (3, 4, 5)
        ],  # fmt: skip
        # Three spellings of one gazetteer place, one without its country.
        "moscow": [
            MeetingFactory(participants=[fr, ru], date=D(2023, 2, 1), place="Moscow", country="RU"),
            MeetingFactory(
                participants=[fr, ru], date=D(2023, 2, 2), place="Moscova", country="RU"
            ),
            MeetingFactory(participants=[fr, ru], date=D(2023, 2, 3), place="Kremlin", country=""),
        ],
        # A place the gazetteer does not know: at France's centre.
        "france": [
            MeetingFactory(
                participants=[fr, ru],
                date=D(2023, 3, 1),
                place="Nowhereville",
                country="FR",
                kind=Meeting.Kind.CALL,
            )
        ],  # fmt: skip
        "nowhere": [
            MeetingFactory(participants=[fr, ru], date=D(2023, 4, 1), place="", country="")
        ],
        "undated": [
            MeetingFactory(
                participants=[fr, ru], date=None, date_precision="", place="Paris", country="FR"
            )
        ],  # fmt: skip
    }
    MeetingFactory(participants=[fr, ru], date=D(2023, 5, 1), place="Paris", country="FR",
                   status="rejected")  # fmt: skip
    return made


def _dots(response) -> list[tuple]:
    return [(d.key, d.count, d.fallback) for d in response.context["found"].dots]


def test_map_counts_meetings_per_place_exactly(analyst_client, places):
    response = analyst_client.get(reverse("map"))
    assert response.status_code == 200
    assert _dots(response) == [
        ("place:FR:Paris", 4, False), ("place:RU:Moscow", 3, False), ("country:FR", 1, True),
    ]  # fmt: skip
    found = response.context["found"]
    assert (found.total, found.on_map, found.placeless, found.undated, found.at_country) == (
        9, 8, 1, 1, 1
    )  # fmt: skip
    moscow = next(d for d in found.dots if d.key == "place:RU:Moscow")
    assert (moscow.lat, moscow.lon) == (55.752, 37.618)
    france = next(d for d in found.dots if d.key == "country:FR")
    assert (france.label, france.lat, france.lon) == ("France", 46.607, 2.339)
    data = json.loads(re.search(r'id="map-data" type="application/json">(.*?)</script>',
                                response.content.decode(), re.S).group(1))  # fmt: skip
    assert [d["key"] for d in data["dots"]] == [d[0] for d in _dots(response)]


def test_map_filters_like_the_timeline(analyst_client, places):
    in_2023 = analyst_client.get(
        reverse("map"), {"date_from": "2023-01-01", "date_to": "2023-12-31"}
    )
    assert _dots(in_2023) == [("place:RU:Moscow", 3, False), ("country:FR", 1, True)]
    assert in_2023.context["found"].undated == 0
    calls = analyst_client.get(reverse("map"), {"kind": "call"})
    assert _dots(calls) == [("country:FR", 1, True)]
    by_place = analyst_client.get(reverse("map"), {"q": "moscova"})
    assert _dots(by_place) == [("place:RU:Moscow", 1, False)]
    nobody = analyst_client.get(reverse("map"), {"leader": "no such person"})
    assert _dots(nobody) == []


def test_map_refuses_invalid_filters(analyst_client, places):
    for bad in ({"date_from": "garbage"}, {"at": "somewhere"}, {"at": "country:fr"},
                {"kind": "picnic"}):  # fmt: skip
        response = analyst_client.get(reverse("map"), bad)
        assert response.status_code == 400, bad
        assert "a value is not valid" in response.content.decode()


def test_a_dot_lists_its_meetings(analyst_client, places):
    response = analyst_client.get(reverse("map"), {"at": "place:RU:Moscow"})
    chosen = response.context["chosen"]
    assert [m.pk for m in chosen["meetings"]] == [m.pk for m in reversed(places["moscow"])]
    fallback = analyst_client.get(
        reverse("map"), {"at": "country:FR"}, headers={"HX-Request": "true"}
    )
    assert [m.pk for m in fallback.context["chosen"]["meetings"]] == [places["france"][0].pk]
    html = fallback.content.decode()
    assert html.lstrip().startswith('<div id="map-body">')
    assert "France: 1 meeting" in html
    # Filters narrow the list as they narrow the dots.
    narrow = analyst_client.get(reverse("map"), {"at": "place:FR:Paris", "date_to": "2022-01-04"})
    assert [m.date for m in narrow.context["chosen"]["meetings"]] == [D(2022, 1, 4), D(2022, 1, 3)]


@pytest.mark.parametrize("rows", [1, 10])
def test_place_list_query_count_does_not_grow(analyst_client, django_assert_num_queries, rows):
    people = [LeaderFactory(), LeaderFactory(), LeaderFactory()]
    for i in range(rows):
        MeetingFactory(participants=people, date=D(2024, 1, 1 + i), place="Rome", country="IT")
    # Version, session and user, the groups for the menu, the countries, the groups
    # per place, the place's meetings and their participants.
    with django_assert_num_queries(8):
        response = analyst_client.get(reverse("map"), {"at": "place:IT:Rome"})
    assert len(response.context["chosen"]["meetings"]) == rows


def test_meeting_map_reads_one_grouped_query(django_assert_num_queries, places):
    with django_assert_num_queries(1):
        found = meeting_map(Meeting.objects.visible())
    assert found.total == 9


# --- the leader page ------------------------------------------------------------------


def test_leader_page_has_meetings_per_year_and_an_ego_network(analyst_client):
    leader, other, third = LeaderFactory(), LeaderFactory(), LeaderFactory()
    for day in (D(2019, 1, 5), D(2019, 6, 5), D(2021, 3, 3)):
        MeetingFactory(participants=[leader, other], date=day)
    MeetingFactory(participants=[leader, other, third], date=None, date_precision="")
    MeetingFactory(participants=[leader, third], date=D(2020, 1, 1), status="rejected")
    MeetingFactory(participants=[other, third], date=D(2020, 1, 1))
    assert meetings_per_year(leader) == {2019: 2, 2021: 1, None: 1}
    response = analyst_client.get(leader.get_absolute_url())
    chart = response.context["per_year"]
    assert [(bar["year"], bar["meetings"], bar["height"]) for bar in chart["bars"]] == [
        (2019, 2, 120.0), (2020, 0, 0.0), (2021, 1, 60.0),
    ]  # fmt: skip
    assert (chart["first"], chart["last"], chart["most"], chart["undated"]) == (2019, 2021, 2, 1)
    html = response.content.decode()
    assert html.count("<rect ") == 3
    assert "And 1 undated." in html
    graph = response.context["graph"]
    assert [(n["id"], n["weight"], n["centre"]) for n in graph["nodes"]] == [
        (str(leader.pk), 5, True), (str(other.pk), 4, False), (str(third.pk), 1, False),
    ]  # fmt: skip
    assert len(graph["edges"]) == 3  # the other two met too


def test_year_chart_of_no_dated_meeting():
    assert year_chart({None: 2}) == {"bars": [], "undated": 2}
