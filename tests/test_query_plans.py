"""Every analyst page's queries are served by indexes on a large record (PostgreSQL).

A generated, analysed record of 100,000 meetings (``generate_data``) stands in for a
large one: the planner then chooses as it does at a million, and a query shape that
the indexes cannot serve (an OR keyset, a substring match without its trigram index, an
aggregation over every participation) shows up as a ``Seq Scan`` on one of the big
tables. Each page is requested with its cache empty; every query it makes that reads
meetings, participations or statements is explained, and none may scan them whole.
"""

import datetime
import re
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from diplomacy.leaders.models import Leader
from diplomacy.meetings.filters import Cursor
from diplomacy.meetings.models import Meeting
from diplomacy.meetings.services import meeting_participant_add, meeting_participant_remove
from tests.factories import LeaderFactory, MeetingFactory, UserFactory

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are PostgreSQL's: needs postgresql"
)
D = datetime.date

MEETINGS = 100_000
BIG_TABLES = ("meetings_meeting", "meetings_participation", "meetings_statement")
SEQ_SCAN = re.compile(r"Seq Scan on (meetings_meeting|meetings_participation|meetings_statement)")
GENERATED = [  # (table, what the rows are removed by), children first
    ("meetings_statement", "id"), ("meetings_evidence", "id"), ("meetings_participation", "id"),
    ("meetings_meeting", "id"), ("articles_article", "id"), ("leaders_alias", "id"),
    ("leaders_leader", "id"),
]  # fmt: skip


@pytest.fixture
def record(django_db_setup, django_db_blocker):
    """100,000 generated meetings (300,000 statements would cost CI a minute more for
    the same plans: 100,000 are enough for the planner to prefer the indexes), committed
    outside the test's transaction and removed right after it."""
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            before = {}
            for table, column in GENERATED:
                cursor.execute(f"SELECT COALESCE(MAX({column}), 0) FROM {table}")
                before[table] = cursor.fetchone()[0]
        started = time.monotonic()
        # generate_data ends with ANALYZE: the planner sees the record as it is.
        call_command(
            "generate_data", meetings=MEETINGS, statements=MEETINGS, leaders=2000, verbosity=0
        )
        print(f"generated {MEETINGS:,} meetings in {time.monotonic() - started:.0f} s")
        yield
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM meetings_paircount")
            cursor.execute("DELETE FROM meetings_monthcount")
            for table, column in GENERATED:
                if table.startswith("meetings_") and not before[table]:
                    cursor.execute(f"TRUNCATE {table} CASCADE")  # empty before: faster
                else:
                    cursor.execute(f"DELETE FROM {table} WHERE {column} > %s", [before[table]])


@pytest.fixture
def pages(record, db):
    busiest = Leader.objects.filter(key__startswith="gen:").order_by("pk").first()
    rare = Leader.objects.filter(key__startswith="gen:").order_by("-pk").first()
    second = Leader.objects.filter(key__startswith="gen:").order_by("pk")[1]
    deep = Meeting.objects.for_timeline()[2000:2001].get()
    meeting = Meeting.objects.visible().order_by("-date", "-id").first()
    cursor = Cursor.encode(deep.date, deep.pk)
    return {
        "timeline": "/?view=list",
        "timeline, deep page": f"/?after={cursor}",
        "timeline, busiest leader": f"/?view=list&leader={busiest.slug}",
        "timeline, rare leader": f"/?view=list&leader={rare.slug}",
        "timeline, kind and period": "/?view=list&kind=call&date_from=2004-01-01"
        "&date_to=2004-06-30",
        "timeline, country and period": "/?view=list&country=FR&date_from=2010-01-01"
        "&date_to=2015-12-31",
        "timeline, country, deep": f"/?view=list&country=SE&after={cursor}",
        "timeline, place word": "/?view=list&q=bucharest",
        "timeline, short word": "/?view=list&q=g7",
        "timeline, word matching nothing": "/?view=list&q=zanzibar",
        "timeline, leader name": f"/?view=list&q={rare.name.replace(' ', '+')}",
        # (The chart's bands of months and years read the month counts, not these tables.)
        "chart, three lanes by week": f"/timeline/data?leader={busiest.slug}&leader={rare.slug}"
        f"&leader={second.slug}&start=2020-01-01&end=2020-12-31",
        "chart, kind by day": "/timeline/data?kind=call&start=2020-03-01&end=2020-04-15",
        "chart, place word": "/timeline/data?q=bucharest&start=2004-01-01&end=2007-12-31",
        "chart, marks": "/timeline/data?start=2020-03-01&end=2020-03-03",
        "chart, part-months": "/timeline/data?date_from=2020-03-15&date_to=2021-02-10",
        "meeting": f"/meetings/{meeting.pk}/",
        "leader": f"/leaders/{busiest.slug}/",
        "network, one year": "/network/?date_from=2020-01-01&date_to=2020-12-31",
        "network, one year and a country": "/network/?country=FR&date_from=2020-01-01"
        "&date_to=2020-12-31",
        "network, part-months": "/network/?date_from=2020-03-15&date_to=2021-02-10",
        "network, ego": f"/network/?ego={busiest.slug}&date_from=2020-01-01&date_to=2020-12-31",
        "map, one year": "/map/?date_from=2020-01-01&date_to=2020-12-31",
        "map, country and years": "/map/?country=FR&date_from=2018-01-01&date_to=2020-12-31",
        "statements, common word": "/statements/?q=security",
        "statements, rare words": "/statements/?q=frank+nuclear",
        "statements, no match": "/statements/?q=xylophone",
        "statements, speaker": f"/statements/?speaker={busiest.slug}",
        "api, leader": f"/api/meetings?leader={busiest.slug}&limit=100",
        "api, statements": "/api/statements?q=security",
    }


def _plans(client, url: str) -> list[tuple[str, str]]:
    cache.clear()  # the page's queries, not the cache's answer
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or not any(
                table in sql for table in BIG_TABLES
            ):
                continue
            cursor.execute(f"EXPLAIN {sql}")
            plans.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return plans


@postgresql_only
def test_no_page_scans_the_big_tables(record, analyst_client, pages):
    # `record` first: loaded before the test's transaction opens, removed after it ends.
    scanned = {}
    for name, url in pages.items():
        plans = _plans(analyst_client, url)
        assert plans, f"{name}: no query read the big tables"
        bad = [f"{sql[:300]}\n{plan}" for sql, plan in plans if SEQ_SCAN.search(plan)]
        if bad:
            scanned[name] = bad
    assert scanned == {}, "\n\n".join(f"{k}:\n" + "\n".join(v) for k, v in scanned.items())


# The query shapes behave as the pages promise, on every database.


def _ids(response) -> list[int]:
    return [m.pk for m in response.context["meetings"]]


def test_pages_run_from_the_dated_meetings_into_the_undated(analyst_client, monkeypatch):
    """The row-value keyset reads only dated meetings; the page that reaches their end is
    filled with the undated ones, newest id first, and the cursor goes on from there."""
    monkeypatch.setattr("diplomacy.meetings.views.MEETINGS_PER_PAGE", 2)
    dated = [MeetingFactory(date=D(2025, 1, day)) for day in (1, 2, 2)]
    undated = [MeetingFactory(date=None) for _ in range(3)]
    seen, after = [], None
    for _ in range(4):
        response = analyst_client.get("/", {"after": after} if after else {"view": "list"})
        seen.append(_ids(response))
        after = response.context["next_cursor"]
        if not after:
            break
    newest_first = [dated[2].pk, dated[1].pk, dated[0].pk, *[m.pk for m in reversed(undated)]]
    assert seen == [newest_first[0:2], newest_first[2:4], newest_first[4:6]]


def test_country_filter_follows_the_participants(analyst_client):
    """The participants' countries are kept on the meeting by every write of its
    participants, so the country filter reads the meeting alone."""
    editor = UserFactory(role="editor")
    romanian, french = LeaderFactory(country="RO"), LeaderFactory(country="FR")
    meeting = MeetingFactory(participants=[romanian], date=D(2025, 3, 1), country="")
    assert _ids(analyst_client.get("/", {"view": "list", "country": "FR"})) == []
    meeting_participant_add(meeting.pk, french, by=editor)
    assert _ids(analyst_client.get("/", {"view": "list", "country": "FR"})) == [meeting.pk]
    meeting_participant_remove(meeting.pk, french.pk, by=editor)
    assert _ids(analyst_client.get("/", {"view": "list", "country": "FR"})) == []
    assert _ids(analyst_client.get("/", {"view": "list", "country": "RO"})) == [meeting.pk]


def test_text_filter_of_two_letters_matches_the_start_of_a_word(analyst_client):
    """Fewer than three letters cannot be looked up as a substring in a trigram index:
    they match where a word starts ("g7" finds "G7 summit" and "Summit of the G7")."""
    first = MeetingFactory(date=D(2025, 1, 1), occasion="G7 summit")
    second = MeetingFactory(date=D(2025, 1, 2), occasion="Summit of the G7")
    MeetingFactory(date=D(2025, 1, 3), occasion="Big7 forum")
    assert _ids(analyst_client.get("/", {"view": "list", "q": "g7"})) == [second.pk, first.pk]


def test_text_filter_finds_a_participant_by_alias_and_a_place(analyst_client):
    leader = LeaderFactory(name="Klaus Iohannis")
    leader.aliases.create(name="Johannis", normalized="johannis")
    by_alias = MeetingFactory(participants=[leader], date=D(2025, 1, 1), place="Sibiu")
    by_place = MeetingFactory(date=D(2025, 1, 2), place="Johannisburg")
    MeetingFactory(date=D(2025, 1, 3), place="Paris")
    assert _ids(analyst_client.get("/", {"view": "list", "q": "johannis"})) == [
        by_place.pk,
        by_alias.pk,
    ]
