"""Hardening against a hostile client: missing records, odd GET parameters, large
anonymous bodies, feed tokens, the admin role's own rights, rejected records (issue 15)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import URLPattern, reverse

from diplomacy.leaders.models import Alias, Office
from diplomacy.meetings.models import Meeting, ReviewStatus, Statement
from diplomacy.review import urls as review_urls
from tests.factories import (
    ArticleFactory,
    LeaderFactory,
    MeetingFactory,
    StatementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MISSING = 987654


# --- every write under /review/ answers 404 for a missing record ----------------------


def _post_routes() -> list[URLPattern]:
    """The review routes that write: all but the pages an editor reads."""
    reads = {
        "review",
        "review_meeting",
        "review_statement",
        "review_leader",
        "meeting_merge_search",
    }
    return [p for p in review_urls.urlpatterns if p.name not in reads]


def _missing_variants(pattern: URLPattern, real: dict) -> list[dict]:
    """The route's arguments with real records, each in turn replaced by a missing one."""
    names = list(pattern.pattern.converters)
    kwargs = {name: {**real["default"], **real[pattern.name]}[name] for name in names}
    return [{**kwargs, name: "no-such-leader" if name == "slug" else MISSING} for name in names]


def test_every_review_write_answers_404_for_a_missing_record(editor_client):
    a, b = LeaderFactory(name="Hard One"), LeaderFactory(name="Hard Two")
    meeting = MeetingFactory(participants=[a, b])
    other = MeetingFactory(participants=[a, b])
    statement = StatementFactory(speaker=a, meeting=meeting)
    alias = Alias.objects.create(leader=a, name="Hardy")
    office = Office.objects.create(leader=a, title="Hard office", role="official")
    real = {
        "default": {"pk": meeting.pk, "slug": a.slug, "history_id": 0},
        "meeting_merge": {"other": other.pk},
        "participant_remove": {"leader_id": b.pk},
        "meeting_revert": {"history_id": meeting.history.first().history_id},
        "statement_edit": {"pk": statement.pk},
        "statement_status": {"pk": statement.pk},
        "statement_revert": {
            "pk": statement.pk, "history_id": statement.history.first().history_id,
        },
        "alias_remove": {"alias_id": alias.pk},
        "office_remove": {"office_id": office.pk},
        "leader_revert": {"history_id": a.history.first().history_id},
        "merge_undo": {},
    }  # fmt: skip
    data = {"status": "verified", "leader": "Hard Two", "version": "1", "name": "Hard One"}
    editor_client.raise_request_exception = False  # a 500 is an answer to report
    answers = {}
    for pattern in _post_routes():
        real.setdefault(pattern.name, {})
        for kwargs in _missing_variants(pattern, real):
            url = reverse(pattern.name, kwargs=kwargs)
            answers[url] = editor_client.post(url, data).status_code
    assert len(answers) == 24
    assert {url: status for url, status in answers.items() if status != 404} == {}


# --- no GET parameter of any page answers 500 ----------------------------------------

MEETING_FILTER = ["leader", "country", "kind", "status", "date_from", "date_to", "q"]
STATEMENT_FILTER = ["q", "speaker", "language", "date_from", "date_to"]
# Every page that reads GET parameters, with the parameters it reads.
PAGES = {
    "timeline": ([], [*MEETING_FILTER, "after", "view", "start", "end"]),
    "timeline_data": ([], [*MEETING_FILTER, "start", "end"]),
    "network": ([], [*MEETING_FILTER, "sort", "top", "ego"]),
    "map": ([], [*MEETING_FILTER, "at"]),
    "statements": ([], [*STATEMENT_FILTER, "after"]),
    "export_meetings": (["csv"], MEETING_FILTER),
    "export_statements": (["json"], STATEMENT_FILTER),
    "api_meetings": ([], [*MEETING_FILTER, "cursor", "limit"]),
    "api_statements": ([], [*STATEMENT_FILTER, "cursor", "limit"]),
    "api_leaders": ([], ["q", "country", "cursor", "limit"]),
    "leader_autocomplete": ([], ["leader", "speaker"]),
    "leader_feed": (["leader"], ["token"]),
    "articles": ([], ["before"]),
    "article_edit": (["article"], ["published"]),
    "review": ([], ["type", "article", "leader", "kind", "source", "after"]),
    "quality": ([], ["scope", "language"]),
    "quality_preview": ([], ["scope", "language"]),
    "meeting_merge_search": (["meeting"], ["q"]),
    "login": ([], ["next"]),
}
HOSTILE = {
    "nul": "a\x00b",
    "superscript two": "²",
    "very long": "9" * 5000,
    "not a number": "abc",
    "huge number": "9" * 30,
    "negative": "-1",
    "arabic digits": "١٢",
}


def test_every_page_that_reads_get_parameters_is_in_the_table():
    """A new page with GET parameters belongs in PAGES (a reminder, read from the source)."""
    readers = set()
    for path in (Path(settings.BASE_DIR) / "diplomacy").rglob("*.py"):
        if re.search(r"request\.GET|\(request\.GET\)", path.read_text(encoding="utf-8")):
            readers.add(path.relative_to(settings.BASE_DIR).as_posix())
    assert readers == {
        "diplomacy/articles/views.py",
        "diplomacy/core/api.py",
        "diplomacy/core/caching.py",
        "diplomacy/leaders/api.py",
        "diplomacy/leaders/views.py",
        "diplomacy/meetings/api.py",
        "diplomacy/meetings/leader_page.py",
        "diplomacy/meetings/maps.py",
        "diplomacy/meetings/network.py",
        "diplomacy/meetings/timeline.py",
        "diplomacy/meetings/views.py",
        "diplomacy/review/quality_views.py",
        "diplomacy/review/views.py",
    }


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_get_parameter_value_answers_500(roles, admin_client, name):
    a, b = LeaderFactory(name="Probe One"), LeaderFactory(name="Probe Two")
    meeting = MeetingFactory(participants=[a, b])
    StatementFactory(speaker=a, meeting=meeting)
    objects = {"leader": a.slug, "meeting": meeting.pk, "article": ArticleFactory().pk}
    args, parameters = PAGES[name]
    url = reverse(name, args=[objects.get(arg, arg) for arg in args])
    admin_client.raise_request_exception = False
    failures = {}
    for parameter in parameters:
        for label, value in HOSTILE.items():
            for client_headers in ({}, {"HX-Request": "true"}):
                response = admin_client.get(url, {parameter: value}, headers=client_headers)
                if response.status_code >= 500:
                    failures[(parameter, label, bool(client_headers))] = response.status_code
    assert failures == {}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"leader": "\x00"}, "leader: Null characters are not allowed."),
        ({"article": "²"}, "article: Enter a whole number."),
        ({"after": "²:1"}, "after: Not a cursor this site gave out."),
        (
            {"kind": "summit"},
            "kind: Select a valid choice. summit is not one of the available choices.",
        ),
    ],
)
def test_review_queue_refuses_a_bad_parameter_with_the_reason(editor_client, query, message):
    response = editor_client.get(reverse("review"), query)
    assert (response.status_code, response.content.decode()) == (400, message)


def test_article_list_refuses_a_cursor_that_is_not_an_ascii_id(analyst_client):
    response = analyst_client.get(reverse("articles"), {"before": "²"})
    assert (response.status_code, response.content.decode()) == (
        400,
        "before: not a page this site gave out.",
    )
    assert analyst_client.get(reverse("articles"), {"before": "12"}).status_code == 200


# --- request bodies are limited before they are read --------------------------------


class CountingBody:
    """A request body made up as it is read, counting what the server took of it."""

    def __init__(self, length: int):
        self.length, self.taken = length, 0
        self.head = (
            b'--X\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n"
        )

    def read(self, size: int = -1) -> bytes:
        left = self.length - self.taken
        size = left if size is None or size < 0 else min(size, left)
        start = self.taken
        self.taken += size
        head = self.head[start : start + size]
        return head + b"a" * (size - len(head))

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)


def _post_body(client: Client, url: str, body: CountingBody, **meta):
    # As in production: the CSRF check, with a cookie got from the login page, reads the
    # body of every POST to find the token.
    client.handler.enforce_csrf_checks = True
    client.get(reverse("login"), secure=True)
    return client.generic(
        "POST", url, secure=True, HTTP_REFERER="https://testserver/login/",
        CONTENT_TYPE="multipart/form-data; boundary=X", CONTENT_LENGTH=str(body.length),
        **{"wsgi.input": body, **meta},
    )  # fmt: skip


def test_anonymous_large_body_is_refused_unread(db, tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    body = CountingBody(20 * 1024 * 1024)
    response = _post_body(Client(), reverse("article_upload"), body)
    assert (response.status_code, body.taken) == (413, 0)
    assert response.content.decode() == "At most 65,536 bytes may be sent without signing in."
    assert list(tmp_path.iterdir()) == []


def test_anonymous_body_without_a_length_is_refused(db):
    response = Client().generic(
        "POST", reverse("login"), b"username=a", content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH="", HTTP_TRANSFER_ENCODING="chunked",
    )  # fmt: skip
    assert response.status_code == 411


def test_the_login_form_still_fits_the_anonymous_limit(roles):
    UserFactory(username="fits", role="analyst")
    response = Client().post(
        reverse("login"), {"username": "fits", "password": "correct horse battery staple"}
    )
    assert (response.status_code, response["Location"]) == (302, reverse("timeline"))


def test_signed_in_body_over_the_upload_limit_is_refused_unread(analyst_client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1024 * 1024
    body = CountingBody(2 * 1024 * 1024)
    response = _post_body(analyst_client, reverse("article_upload"), body)
    assert (response.status_code, body.taken) == (413, 0)
    small = CountingBody(1024)
    assert _post_body(analyst_client, reverse("article_upload"), small).status_code == 403
    assert small.taken == 1024


# --- the admin role cannot raise itself or anyone else above it ----------------------


def _user_form(user, **changes) -> dict:
    """The Django admin's change form for `user`, as a browser would post it back."""
    data = {
        "username": user.username, "first_name": "", "last_name": "", "email": "",
        "is_active": "on", "is_staff": "on" if user.is_staff else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "last_login_0": "", "last_login_1": "",
    }  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def _state(user) -> tuple:
    user.refresh_from_db()
    groups = sorted(user.groups.values_list("name", flat=True))
    return user.is_superuser, user.is_staff, groups, user.user_permissions.count()


def test_admin_role_cannot_make_itself_superuser_or_change_its_groups(roles):
    me = UserFactory(username="role-admin", role="admin")
    client = Client()
    client.force_login(me)
    every_group = [str(pk) for pk in Group.objects.values_list("pk", flat=True)]
    some_permission = str(Permission.objects.get(codename="delete_merge").pk)
    response = client.post(
        reverse("admin:auth_user_change", args=[me.pk]),
        _user_form(me, is_superuser="on", groups=every_group, user_permissions=[some_permission]),
    )
    assert response.status_code == 302
    assert _state(me) == (False, True, ["admin"], 0)


def test_admin_role_cannot_make_another_user_superuser_but_can_give_a_role(roles):
    me = UserFactory(username="role-admin", role="admin")
    other = UserFactory(username="someone", role="analyst")
    client = Client()
    client.force_login(me)
    editor = str(Group.objects.get(name="editor").pk)
    response = client.post(
        reverse("admin:auth_user_change", args=[other.pk]),
        _user_form(other, is_superuser="on", groups=[editor]),
    )
    assert response.status_code == 302
    assert _state(other) == (False, False, ["editor"], 0)


def test_admin_role_cannot_touch_a_superuser_or_the_role_groups(roles):
    me = UserFactory(username="role-admin", role="admin")
    root = get_user_model().objects.create_superuser("root", password="correct horse 123")
    client = Client()
    client.force_login(me)
    password = reverse("admin:auth_user_password_change", args=[root.pk])
    new = {"password1": "taken over 12345", "password2": "taken over 12345"}
    assert client.post(password, new).status_code == 403
    assert (
        client.post(reverse("admin:auth_user_delete", args=[root.pk]), {"post": "yes"}).status_code
        == 403
    )
    root.refresh_from_db()
    assert root.check_password("correct horse 123")
    admin_group = Group.objects.get(name="admin")
    before = set(admin_group.permissions.values_list("pk", flat=True))
    every = [str(pk) for pk in Permission.objects.values_list("pk", flat=True)]
    change = reverse("admin:auth_group_change", args=[admin_group.pk])
    assert client.post(change, {"name": "admin", "permissions": every}).status_code == 403
    assert set(admin_group.permissions.values_list("pk", flat=True)) == before


# --- feed links: per user and leader, expiring, revocable, ended by a password change --


def _feed_link(client, leader) -> str:
    return client.get(leader.get_absolute_url()).context["feed_url"]


def _feed_status(link: str) -> int:
    return Client().get(link).status_code


@pytest.fixture
def feed_user(roles):
    user = UserFactory(username="reader", role="analyst")
    client = Client()
    client.force_login(user)
    return user, client


def test_feed_link_works_for_its_leader_only(feed_user):
    _, client = feed_user
    a, b = LeaderFactory(name="Feed One"), LeaderFactory(name="Feed Two")
    link = _feed_link(client, a)
    other = link.replace(f"/{a.slug}/feed/", f"/{b.slug}/feed/")
    assert (_feed_status(link), _feed_status(other)) == (200, 404)


def test_feed_link_expires_after_90_days(feed_user, monkeypatch):
    import time

    _, client = feed_user
    leader = LeaderFactory(name="Feed Old")
    now, day = time.time(), 86400  # FEED_TOKEN_DAYS is 90 unless set
    monkeypatch.setattr(time, "time", lambda: now - 91 * day)
    old = _feed_link(client, leader)
    monkeypatch.setattr(time, "time", lambda: now - 89 * day)
    recent = _feed_link(client, leader)
    monkeypatch.undo()
    assert (_feed_status(old), _feed_status(recent)) == (404, 200)


def test_password_change_ends_feed_links(feed_user):
    user, client = feed_user
    leader = LeaderFactory(name="Feed Pass")
    link = _feed_link(client, leader)
    assert _feed_status(link) == 200
    user.set_password("another long passphrase")
    user.save()
    assert _feed_status(link) == 404


def test_revoke_ends_every_feed_link_and_the_new_one_works(feed_user):
    _, client = feed_user
    a, b = LeaderFactory(name="Feed Rev"), LeaderFactory(name="Feed Rev Two")
    links = [_feed_link(client, a), _feed_link(client, b)]
    response = client.post(reverse("feed_links_revoke", args=[a.slug]))
    assert (response.status_code, response["Location"]) == (302, a.get_absolute_url())
    assert [_feed_status(link) for link in links] == [404, 404]
    assert _feed_status(_feed_link(client, a)) == 200


def test_feed_link_of_a_deactivated_user_stops_working(feed_user):
    user, client = feed_user
    link = _feed_link(client, LeaderFactory(name="Feed Gone"))
    user.is_active = False
    user.save()
    assert _feed_status(link) == 404


# --- analyst pages show only what is on record --------------------------------------


def test_article_page_leaves_out_rejected_and_merged_records(analyst_client):
    article = ArticleFactory()
    a, b = LeaderFactory(name="Shown One"), LeaderFactory(name="Shown Two")
    shown = MeetingFactory(participants=[a, b], source=article)
    MeetingFactory(participants=[a, b], source=article, status=ReviewStatus.REJECTED)
    keep = MeetingFactory(participants=[a, b])
    MeetingFactory(participants=[a, b], source=article, merged_into=keep)
    said = StatementFactory(speaker=a, article=article)
    StatementFactory(speaker=a, article=article, status=ReviewStatus.REJECTED)
    StatementFactory(
        speaker=a, article=article, kind=Statement.Kind.FRAGMENT, status=ReviewStatus.REJECTED
    )
    page = analyst_client.get(reverse("article", args=[article.pk]))
    assert [m.pk for m in page.context["meetings"]] == [shown.pk]
    assert [s.pk for s in page.context["statements"]] == [said.pk]
    assert page.context["highlights"] == []
    assert b"rejected" not in page.content
    assert Meeting.objects.filter(evidence__article=article).count() == 3


def test_review_queue_accepts_the_cursors_it_gives_out(editor_client):
    for confidence in [0.00001] * 55 + [0.5] * 5:
        MeetingFactory(confidence=confidence)
    first = editor_client.get(reverse("review"))
    cursor = first.context["next_cursor"]
    second = editor_client.get(reverse("review"), {"after": cursor})
    assert (cursor.split(":")[0], second.status_code) == ("1e-05", 200)
    seen = [m.pk for m in first.context["items"]] + [m.pk for m in second.context["items"]]
    assert len(seen) == len(set(seen)) == 60
