"""Analyst pages beyond the timeline: network, leader, statements, exports, API, feed."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from diplomacy.articles.models import Article
from diplomacy.leaders.models import Alias, Leader
from diplomacy.meetings.models import Meeting, ReviewStatus, Statement
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def trio():
    """A met B twice and C once; B met C once (a call); one rejected A-C meeting."""
    a = LeaderFactory(name="Alma Aster", country="RO")
    b = LeaderFactory(name="Bruno Bellweather", country="FR")
    c = LeaderFactory(name="Chiara Corvo", country="IT")
    MeetingFactory(participants=[a, b], date=D(2024, 3, 1), place="Paris", country="FR")
    MeetingFactory(participants=[a, b], date=D(2025, 5, 2), place="Bucharest", country="RO")
    MeetingFactory(participants=[a, c], date=D(2025, 6, 3), kind=Meeting.Kind.MULTILATERAL)
    MeetingFactory(participants=[b, c], date=D(2025, 7, 4), kind=Meeting.Kind.CALL)
    MeetingFactory(participants=[a, c], date=D(2025, 8, 5), status=ReviewStatus.REJECTED)
    return a, b, c


def _names(response) -> list[list[str]]:
    return [sorted(p.name for p in m.participants.all()) for m in response.context["meetings"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "call"}, [["Bruno Bellweather", "Chiara Corvo"]]),
        ({"country": "ro"}, [["Alma Aster", "Chiara Corvo"], ["Alma Aster", "Bruno Bellweather"],
                             ["Alma Aster", "Bruno Bellweather"]]),
        ({"date_from": "2025-05-01", "date_to": "2025-06-30"},
         [["Alma Aster", "Chiara Corvo"], ["Alma Aster", "Bruno Bellweather"]]),
        ({"q": "bucharest"}, [["Alma Aster", "Bruno Bellweather"]]),
        ({"q": "corvo"}, [["Bruno Bellweather", "Chiara Corvo"], ["Alma Aster", "Chiara Corvo"]]),
        ({"leader": "Chiara Corvo"},
         [["Bruno Bellweather", "Chiara Corvo"], ["Alma Aster", "Chiara Corvo"]]),
        ({"status": "verified"}, []),
    ],
)  # fmt: skip
def test_timeline_filters(analyst_client, trio, params, expected):
    assert _names(analyst_client.get(reverse("timeline"), {"view": "list", **params})) == expected


def test_timeline_next_page_is_rows_only(analyst_client, trio, monkeypatch):
    monkeypatch.setattr("diplomacy.meetings.views.MEETINGS_PER_PAGE", 2)
    first = analyst_client.get(reverse("timeline"), {"view": "list"})
    response = analyst_client.get(
        reverse("timeline"), {"after": first.context["next_cursor"]}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert 'id="timeline-rows"' not in html
    assert html.count('<article class="meeting') == 2
    assert 'hx-trigger="revealed"' not in html


def test_network_counts_pairs_in_the_database(analyst_client, trio):
    response = analyst_client.get(reverse("network"))
    pairs = [(p["a"].name, p["b"].name, p["count"], p["last"]) for p in response.context["pairs"]]
    assert pairs == [
        ("Alma Aster", "Bruno Bellweather", 2, D(2025, 5, 2)),
        ("Bruno Bellweather", "Chiara Corvo", 1, D(2025, 7, 4)),
        ("Alma Aster", "Chiara Corvo", 1, D(2025, 6, 3)),
    ]
    graph = response.context["graph"]
    assert sorted(n["label"] for n in graph["nodes"]) == [
        "Alma Aster", "Bruno Bellweather", "Chiara Corvo"
    ]  # fmt: skip
    assert len(graph["edges"]) == 3


def test_network_filters_by_period_and_kind(analyst_client, trio):
    response = analyst_client.get(
        reverse("network"), {"date_from": "2025-01-01", "kind": "bilateral"}
    )
    assert [(p["a"].name, p["b"].name, p["count"]) for p in response.context["pairs"]] == [
        ("Alma Aster", "Bruno Bellweather", 1)
    ]


def test_network_table_sorts_by_column(analyst_client, trio):
    response = analyst_client.get(reverse("network"), {"sort": "b"})
    assert [p["b"].name for p in response.context["pairs"]] == [
        "Bruno Bellweather", "Chiara Corvo", "Chiara Corvo"
    ]  # fmt: skip


def test_leader_page_ranks_counterparts(analyst_client, trio):
    a, b, c = trio
    response = analyst_client.get(b.get_absolute_url())
    assert [
        (x["leader"].name, x["count"], x["last"]) for x in response.context["counterparts"]
    ] == [
        ("Alma Aster", 2, D(2025, 5, 2)),
        ("Chiara Corvo", 1, D(2025, 7, 4)),
    ]


def test_leader_feed_needs_its_token_not_a_session(client, analyst_client, trio):
    a, _, _ = trio
    page = analyst_client.get(a.get_absolute_url())
    feed_url = page.context["feed_url"]
    client.logout()
    feed = client.get(feed_url)
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert feed.content.decode().count("<entry>") == 3
    assert client.get(reverse("leader_feed", args=[a.slug])).status_code == 404
    assert client.get(reverse("leader_feed", args=[a.slug]) + "?token=forged").status_code == 404


@pytest.fixture
def said(kb):
    """Statements of the knowledge base's Putin and Kim (not look-alikes beside them)."""
    putin = Leader.objects.get(key="Q7747")
    kim = Leader.objects.get(key="Q56226")
    StatementFactory(
        speaker=putin,
        text="Relațiile dintre țările noastre s-au întărit",
        language="ro",
        said_on=D(2025, 9, 3),
    )
    StatementFactory(
        speaker=kim,
        text="Cooperation has strengthened significantly",
        language="en",
        said_on=D(2025, 9, 2),
    )
    StatementFactory(
        speaker=putin, text="Nobody conspired against anyone", language="en", said_on=D(2024, 6, 19)
    )
    return putin, kim


def _texts(response) -> list[str]:
    return [s.text for s in response.context["statements"]]


def test_statement_search_by_words_speaker_language_and_period(analyst_client, said):
    url = reverse("statements")
    assert _texts(analyst_client.get(url, {"q": "cooperation"})) == [
        "Cooperation has strengthened significantly"
    ]
    assert _texts(analyst_client.get(url, {"speaker": "Vladimir Putin", "language": "en"})) == [
        "Nobody conspired against anyone"
    ]
    assert _texts(analyst_client.get(url, {"date_from": "2025-01-01"})) == [
        "Relațiile dintre țările noastre s-au întărit",
        "Cooperation has strengthened significantly",
    ]


def test_statement_search_ignores_accents(analyst_client, said):
    response = analyst_client.get(reverse("statements"), {"q": "relatiile tarile"})
    assert _texts(response) == ["Relațiile dintre țările noastre s-au întărit"]


def test_meeting_exports_follow_the_filters(analyst_client, trio):
    response = analyst_client.get(reverse("export_meetings", args=["csv"]), {"kind": "call"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["id", "date", "date_precision", "participants"]
    assert [r[1:4] for r in rows[1:]] == [["2025-07-04", "day", "Bruno Bellweather; Chiara Corvo"]]
    response = analyst_client.get(
        reverse("export_meetings", args=["json"]), {"leader": "Alma Aster"}
    )
    data = json.loads(b"".join(response.streaming_content))
    assert [m["date"] for m in data] == ["2025-06-03", "2025-05-02", "2024-03-01"]


def test_statement_exports(analyst_client, said):
    response = analyst_client.get(reverse("export_statements", args=["json"]), {"language": "ro"})
    data = json.loads(b"".join(response.streaming_content))
    assert [(s["speaker"]["name"], s["text"]) for s in data] == [
        ("Vladimir Putin", "Relațiile dintre țările noastre s-au întărit")
    ]
    response = analyst_client.get(reverse("export_statements", args=["csv"]))
    assert len(b"".join(response.streaming_content).decode().strip().splitlines()) == 4


def test_api_meetings_pages_with_a_cursor(analyst_client, trio):
    seen, url = [], reverse("api_meetings") + "?limit=3"
    while url:
        data = analyst_client.get(url).json()
        seen += [m["date"] for m in data["results"]]
        url = data["next"]
    assert seen == ["2025-07-04", "2025-06-03", "2025-05-02", "2024-03-01"]


def test_api_leaders_and_statements(analyst_client, said):
    leaders = analyst_client.get(reverse("api_leaders"), {"q": "putin"}).json()
    # Every leader whose name or an alias contains the words, in the order of their ids.
    assert [x["name"] for x in leaders["results"]] == ["Vladimir Putin", "John Kaputin"]
    statements = analyst_client.get(reverse("api_statements"), {"speaker": "Kim Jong Un"}).json()
    assert [(s["speaker"]["name"], s["said_on"]) for s in statements["results"]] == [
        ("Kim Jong Un", "2025-09-02")
    ]
    assert statements["next"] is None


PAGES = [
    ("timeline", {}),
    ("network", {}),
    ("map", {}),
    ("statements", {}),
    ("api_meetings", {}),
    ("api_statements", {}),
    ("api_leaders", {}),
    ("articles", {}),
]


@pytest.mark.parametrize(("name", "params"), PAGES)
def test_anonymous_is_sent_to_login(client, name, params):
    response = client.get(reverse(name), params)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def _rows(n: int):
    people = [LeaderFactory(), LeaderFactory(), LeaderFactory()]
    for i in range(n):
        meeting = MeetingFactory(participants=people)
        StatementFactory(speaker=people[i % 3], meeting=meeting)


# One literal count per page, the same with 1 and with 10 rows: no query per row. The
# cached pages count one query for the data version (meetings/caching.py).
QUERY_COUNTS = {
    "network": 9,  # with the first and last year of the record, for the year slider
    "statements": 5,
    "api_meetings": 5,
    "api_statements": 4,
    "api_leaders": 6,
    "articles": 7,
}


def _shown(name: str, response) -> list[int]:
    """The ids of the rows a page or an API answer shows (pairs: their counts)."""
    if name.startswith("api_"):
        return [row["id"] for row in response.json()["results"]]
    if name == "network":
        return [pair["count"] for pair in response.context["pairs"]]
    return [row.pk for row in response.context[name]]


def _expected(name: str, rows: int) -> list[int]:
    if name == "network":
        return [rows, rows, rows]  # the three pairs of the three people, each met `rows` times
    if name == "api_leaders":  # the knowledge base fills the API's first page of 100
        return list(Leader.objects.order_by("pk").values_list("pk", flat=True)[:100])
    if name == "api_meetings":
        return list(Meeting.objects.order_by("-date", "-pk").values_list("pk", flat=True))
    if name == "articles":
        return list(Article.objects.order_by("-pk").values_list("pk", flat=True))
    return list(Statement.objects.order_by("-said_on", "-pk").values_list("pk", flat=True))


@pytest.mark.parametrize("rows", [1, 10])
@pytest.mark.parametrize("name", sorted(QUERY_COUNTS))
def test_query_count_does_not_grow_with_rows(analyst_client, django_assert_num_queries, name, rows):
    _rows(rows)
    with django_assert_num_queries(QUERY_COUNTS[name]):
        response = analyst_client.get(reverse(name))
    assert response.status_code == 200
    assert _shown(name, response) == _expected(name, rows)


@pytest.mark.parametrize("rows", [1, 10])
def test_leader_page_query_count(analyst_client, django_assert_num_queries, rows):
    people = [LeaderFactory(), LeaderFactory()]
    for _ in range(rows):
        StatementFactory(speaker=people[0], meeting=MeetingFactory(participants=people))
    # One of them reads the user's feed key for the feed link (accounts/feed_tokens.py); four
    # draw the ego network (the counterparts, their names, who among them met) and the
    # meetings per year.
    with django_assert_num_queries(19):
        response = analyst_client.get(people[0].get_absolute_url())
    assert response.status_code == 200
    assert [(x["leader"].pk, x["count"]) for x in response.context["counterparts"]] == [
        (people[1].pk, rows)
    ]
    assert len(response.context["meetings"]) == rows
    assert len(response.context["statements"]) == rows


@pytest.mark.parametrize("rows", [1, 10])
def test_export_query_count(analyst_client, django_assert_num_queries, rows):
    _rows(rows)
    # One of them reads the sources of a chunk of meetings (serializers.with_sources).
    with django_assert_num_queries(5):
        response = analyst_client.get(reverse("export_meetings", args=["json"]))
        exported = json.loads(b"".join(response.streaming_content))
    assert response.status_code == 200
    assert sorted(m["id"] for m in exported) == sorted(Meeting.objects.values_list("pk", flat=True))
    assert len(exported) == rows


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_article_markup_is_shown_as_text_on_every_page(admin_client):
    speaker = LeaderFactory(name=f"Mallory {HOSTILE}")
    Alias.objects.create(leader=speaker, name=speaker.name)
    other = LeaderFactory()
    article = ArticleFactory(text=f"date 2025-01-01 Talks. {HOSTILE}", title=f"Title {HOSTILE}")
    meeting = MeetingFactory(participants=[speaker, other], place=HOSTILE, source=article)
    meeting.evidence.update(text=HOSTILE, start=0, end=len(HOSTILE))
    said = StatementFactory(
        speaker=speaker, text=f"Quote {HOSTILE}", meeting=meeting, article=article
    )
    pages = [
        reverse("timeline") + "?view=list", meeting.get_absolute_url(), reverse("network"),
        reverse("statements"), speaker.get_absolute_url(), article.get_absolute_url(),
        reverse("articles"), reverse("review"), reverse("review_meeting", args=[meeting.pk]),
        reverse("review_statement", args=[said.pk]), reverse("review_leader", args=[speaker.slug]),
        reverse("review") + "?type=statements", reverse("leader_autocomplete") + "?leader=Mallory",
    ]  # fmt: skip
    # JSON carries the text as it is, served as JSON that browsers must not sniff as HTML.
    api = admin_client.get(reverse("api_meetings"))
    assert api["Content-Type"] == "application/json"
    assert api["X-Content-Type-Options"] == "nosniff"
    for url in pages:
        html = admin_client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert (
            "&lt;script&gt;" in html or "\\u003Cscript\\u003E" in html or "\\u003cscript" in html
        ), url


@pytest.mark.parametrize("rows", [1, 10])
def test_meeting_page_query_count(analyst_client, django_assert_num_queries, rows):
    people = [LeaderFactory(), LeaderFactory()]
    meeting = MeetingFactory(participants=people)
    for _ in range(rows - 1):
        MeetingFactory(participants=people)  # other meetings do not count
        meeting.evidence.create(article=ArticleFactory(), start=0, end=5, text="Talks")
        StatementFactory(speaker=people[0], meeting=meeting)
    with django_assert_num_queries(10):
        response = analyst_client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert response.context["meeting"] == meeting
    assert sorted(p.pk for p in response.context["participants"]) == sorted(p.pk for p in people)
    assert len(response.context["evidence"]) == rows
    assert len(response.context["statements"]) == rows - 1


@pytest.mark.parametrize("rows", [1, 10])
def test_article_page_query_count(admin_client, django_assert_num_queries, rows):
    article = ArticleFactory()
    people = [LeaderFactory(), LeaderFactory()]
    for _ in range(rows):
        meeting = MeetingFactory(participants=people, source=article)
        StatementFactory(speaker=people[0], meeting=meeting, article=article)
    with django_assert_num_queries(7):
        response = admin_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.context["article"] == article
    assert len(response.context["meetings"]) == rows
    assert len(response.context["statements"]) == rows


def test_imported_record_is_shown_as_the_source(analyst_client):
    meeting = MeetingFactory(source=ArticleFactory())
    meeting.evidence.all().delete()
    meeting.evidence.create(
        record="visits-3009", text="Prime Minister Avdullah Hoti: Working Visit."
    )
    html = analyst_client.get(meeting.get_absolute_url()).content.decode()
    assert "Imported record visits-3009" in html
    assert "Working Visit." in html
