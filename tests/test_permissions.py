"""Every URL of the project, walked as anonymous, analyst, editor and admin.

A new URL fails `test_every_url_is_in_the_table` until it is added below with the
statuses each role must get, so no page ships without its permission checked.
"""

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from diplomacy.articles.models import Batch, Feed
from diplomacy.leaders.models import Alias, Office
from diplomacy.review.services import meeting_merge
from tests.factories import (
    ArticleFactory,
    LeaderFactory,
    MeetingFactory,
    StatementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "analyst", "editor", "admin")
LOGIN = "login"  # a redirect to the login page
READ = {"anonymous": LOGIN, "analyst": 200, "editor": 200, "admin": 200}
EDIT = {"anonymous": LOGIN, "analyst": 403, "editor": (200, 302), "admin": (200, 302)}
ADMIN_ONLY = {"anonymous": LOGIN, "analyst": 403, "editor": 403, "admin": (200, 302)}


@pytest.fixture
def objects(db):
    leader = LeaderFactory(name="Walk Leader")
    other = LeaderFactory(name="Walk Other")
    batch = Batch.objects.create(label="Walk batch")
    feed = Feed.objects.create(url="https://example.org/feed.xml", active=False)
    article = ArticleFactory(status="failed", batch=batch)
    meeting = MeetingFactory(participants=[leader, other], source=article)
    spare = MeetingFactory(participants=[leader, other])
    merged = meeting_merge(
        keep=MeetingFactory(participants=[leader, other]),
        drop=MeetingFactory(participants=[leader, other]), by=None,
    )  # fmt: skip
    statement = StatementFactory(speaker=leader, meeting=meeting, article=article)
    alias = Alias.objects.create(leader=leader, name="Walky")
    office = Office.objects.create(leader=leader, title="Walker", role="official")
    return {
        "leader": leader.slug, "other": other, "article": article.pk, "meeting": meeting.pk,
        "spare": spare.pk, "statement": statement.pk, "batch": batch.pk, "alias": alias.pk,
        "feed": feed.pk, "office": office.pk, "merge": merged.pk,
        "meeting_history": meeting.history.first().history_id,
        "statement_history": statement.history.first().history_id,
        "leader_history": leader.history.first().history_id,
    }  # fmt: skip


def table(o) -> dict[str, tuple[str, list, dict, dict]]:
    """name -> (method, args, data, expected status per role)."""
    m, s, slug = o["meeting"], o["statement"], o["leader"]
    feed_anyone = {r: 404 for r in ROLES}  # without its token a feed is unknown
    return {
        "login": ("get", [], {}, {r: 200 for r in ROLES}),
        "logout": ("post", [], {}, {r: 302 for r in ROLES}),
        "timeline": ("get", [], {}, READ),
        "timeline_data": ("get", [], {}, READ),
        "meeting": ("get", [m], {}, READ),
        "network": ("get", [], {}, READ),
        "map": ("get", [], {}, READ),
        "statements": ("get", [], {}, READ),
        "leader": ("get", [slug], {}, READ),
        "leader_autocomplete": ("get", [], {"leader": "wa"}, READ),
        "leader_feed": ("get", [slug], {}, feed_anyone),
        "feed_links_revoke": (
            "post",
            [slug],
            {},
            {**READ, "analyst": 302, "editor": 302, "admin": 302},
        ),
        "export_meetings": ("get", ["csv"], {}, READ),
        "export_statements": ("get", ["json"], {}, READ),
        "api_meetings": ("get", [], {}, READ),
        "api_statements": ("get", [], {}, READ),
        "api_leaders": ("get", [], {}, READ),
        "articles": ("get", [], {}, READ),
        "article": ("get", [o["article"]], {}, READ),
        "article_upload": ("get", [], {}, ADMIN_ONLY),
        "article_retry": ("post", [o["article"]], {}, ADMIN_ONLY),
        "article_edit": ("get", [o["article"]], {}, ADMIN_ONLY),
        "batch": ("get", [o["batch"]], {}, READ),
        "reextract_all": ("post", [], {}, ADMIN_ONLY),
        "feeds": ("get", [], {}, ADMIN_ONLY),
        "feed_poll": ("post", [o["feed"]], {}, ADMIN_ONLY),
        "review": ("get", [], {}, EDIT),
        "quality": ("get", [], {}, EDIT),
        "quality_preview": ("get", [], {}, EDIT),
        "review_meeting": ("get", [m], {}, EDIT),
        "meeting_edit": ("post", [m], {"version": 99}, {**EDIT, "editor": 400, "admin": 400}),
        "meeting_status": ("post", [m], {"status": "verified"}, EDIT),
        "participant_add": ("post", [m], {"leader": "Walk Other"}, EDIT),
        "participant_remove": ("post", [m, o["other"].pk], {}, EDIT),
        "meeting_merge_search": ("get", [m], {"q": "walk"}, EDIT),
        "meeting_merge": ("post", [m, o["spare"]], {}, EDIT),
        "merge_undo": ("post", [o["merge"]], {}, EDIT),
        "meeting_revert": ("post", [m, o["meeting_history"]], {}, EDIT),
        "review_statement": ("get", [s], {}, EDIT),
        "statement_edit": ("post", [s], {}, {**EDIT, "editor": 400, "admin": 400}),
        "statement_status": ("post", [s], {"status": "verified"}, EDIT),
        "statement_revert": ("post", [s, o["statement_history"]], {}, EDIT),
        "review_leader": ("get", [slug], {}, EDIT),
        "leader_edit": ("post", [slug], {"name": "Walk Leader", "version": 1}, EDIT),
        "alias_add": ("post", [slug], {"alias": "Walker Two"}, EDIT),
        "alias_remove": ("post", [slug, o["alias"]], {}, EDIT),
        "office_add": ("post", [slug], {"title": "T", "role": "official"}, EDIT),
        "office_remove": ("post", [slug, o["office"]], {}, EDIT),
        "leader_merge": ("post", [slug], {"leader": "nobody"}, EDIT),
        "leader_revert": ("post", [slug, o["leader_history"]], {}, EDIT),
    }


def test_every_url_is_in_the_table(objects):
    names = {k for k in get_resolver().reverse_dict if isinstance(k, str)}
    assert names == set(table(objects))


def _client(role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(UserFactory(username=f"walk-{role}", role=role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_status_everywhere(roles, objects, role):
    client = _client(role)
    wrong = []
    for name, (method, args, data, expected) in table(objects).items():
        if role == "anonymous" and name == "logout":
            continue
        url = reverse(name, args=args)
        response = getattr(client, method)(url, data)
        want = expected[role]
        if want == LOGIN:
            ok = response.status_code == 302 and response["Location"].startswith(reverse("login"))
        else:
            ok = response.status_code in (want if isinstance(want, tuple) else (want,))
        if not ok:
            wrong.append((name, method, response.status_code, want))
        if name == "logout":
            client = _client(role)
    assert wrong == []


def test_django_admin_is_for_admins_only(objects, roles):
    assert _client("analyst").get("/admin/").status_code == 302
    assert _client("editor").get("/admin/").status_code == 302
    assert _client("admin").get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("role", "review", "upload"),
    [("analyst", False, False), ("editor", True, False), ("admin", True, True)],
)
def test_menu_shows_what_the_role_may_do(roles, role, review, upload):
    client = Client()
    client.force_login(UserFactory(username=f"menu-{role}", role=role))
    page = client.get(reverse("timeline")).content.decode()
    assert (f'href="{reverse("review")}"' in page) is review
    assert (f'href="{reverse("article_upload")}"' in page) is upload
