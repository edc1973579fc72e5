"""Security promises, each with a test that fails if the promise is broken."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "PATH": "/usr/bin:/bin",
    "SECRET_KEY": "a-long-random-production-secret-key-for-this-check-only-0123456789",
    "ALLOWED_HOSTS": "diplomacy.example.org",
    "DEBUG": "false",
}


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    run = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, cwd=settings.BASE_DIR,
        env={**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path}/d.db"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "System check identified no issues" in run.stdout


def test_a_boolean_setting_that_is_not_a_boolean_stops_the_start(tmp_path):
    env = {**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path}/d.db", "DEBUG": "ture"}
    run = subprocess.run(
        [sys.executable, "manage.py", "check"], capture_output=True, text=True,
        cwd=settings.BASE_DIR, env=env,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: DEBUG='ture' is not a boolean: "
        "use one of 1, true, yes, on or 0, false, no, off."
    )


def test_every_page_sends_a_strict_content_security_policy(analyst_client):
    response = analyst_client.get(reverse("timeline"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy


def test_pages_have_no_inline_scripts_or_styles(analyst_client, editor_client):
    import re

    urls = [reverse("timeline"), reverse("network"), reverse("statements"), reverse("articles")]
    for client, url in [(analyst_client, u) for u in urls] + [(editor_client, reverse("review"))]:
        html = client.get(url).content.decode()
        scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
        assert scripts == [], url
        assert "<style" not in html and " style=" not in html, url
        assert re.search(r"\son[a-z]+=", html) is None, url


def test_login_is_throttled_after_repeated_failures(roles):
    UserFactory(username="target", role="analyst")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "target", "password": "wrong"})
    locked = client.post(
        reverse("login"), {"username": "target", "password": "correct horse battery staple"}
    )
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_validators_refuse_weak_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password")
    with pytest.raises(ValidationError):
        validate_password("short")


def test_sessions_expire(analyst_client):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    analyst_client.get(reverse("timeline"))
    assert 0 < analyst_client.session.get_expiry_age() <= 12 * 3600


def test_changing_the_password_ends_other_sessions(roles):
    user = UserFactory(username="changer", role="analyst")
    elsewhere = Client()
    elsewhere.force_login(user)
    assert elsewhere.get(reverse("timeline")).status_code == 200
    user.set_password("a completely new passphrase 42")
    user.save()
    response = elsewhere.get(reverse("timeline"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_demo_users_exist_only_when_asked_for():
    assert get_user_model().objects.filter(username__in=["analyst", "editor", "admin"]).count() == 0


# A long key of the tests' own: a short one could appear in any page or log by chance.
KNOWN_SECRET = "never-shown-anywhere-test-secret-key-0123456789abcdef"


@pytest.fixture
def known_secret(settings) -> str:
    """Set before the clients log in, so their sessions are signed with it."""
    settings.SECRET_KEY = KNOWN_SECRET
    return KNOWN_SECRET


@override_settings(DEBUG=False)
def test_error_pages_are_our_own_and_say_nothing_secret(known_secret, analyst_client):
    missing = analyst_client.get("/meetings/999999/")
    assert missing.status_code == 404
    html = missing.content.decode()
    assert "There is nothing at this address." in html
    assert "Traceback" not in html
    assert known_secret not in html
    forbidden = analyst_client.get(reverse("review"))
    assert forbidden.status_code == 403
    assert "Your role does not allow this." in forbidden.content.decode()


def test_server_error_page_is_our_own(analyst_client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and "Traceback" not in html


# --- fetching: attempts to get around the private-address guard -------------------


class _Tricky(__import__("http.server").server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        if self.path == "/slow":
            __import__("time").sleep(3)
        if self.path == "/lying-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
            self.wfile.write(b"<html>" + b"x" * 50_000)
            return
        if self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/admin")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def tricky_site():
    import threading
    from http.server import ThreadingHTTPServer

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Tricky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


@pytest.mark.parametrize(
    "url",
    ["http://localhost/", "http://127.0.0.2/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
     "http://2130706433/", "http://metadata.google.internal.localhost/"],
)  # fmt: skip
def test_names_and_forms_of_loopback_are_refused(url):
    from diplomacy.articles.fetching import FetchError, fetch

    with pytest.raises(FetchError):
        fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "ftp://x/", "data:,x"])
def test_only_web_schemes(url):
    from diplomacy.articles.fetching import FetchError, fetch

    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url)


def test_redirect_to_a_private_address_is_refused(tricky_site, settings):
    from diplomacy.articles.fetching import FetchError, fetch

    # The first hop is allowed here only because it is this test's own local server;
    # the guard is switched back on for the hop the redirect points to.
    settings.FETCH_ALLOW_PRIVATE = True
    import diplomacy.articles.fetching as fetching

    original = fetching._public_addresses
    calls = []

    def guard(host, port):
        calls.append(host)
        if host == "127.0.0.1":
            return original(host, port)
        settings.FETCH_ALLOW_PRIVATE = False
        return original(host, port)

    fetching._public_addresses = guard
    try:
        with pytest.raises(FetchError, match="private or reserved address"):
            fetch(f"http://127.0.0.1:{tricky_site}/to-private")
    finally:
        fetching._public_addresses = original
    assert calls == ["127.0.0.1", "10.0.0.1"]


def test_a_lying_content_length_does_not_make_us_read_more(tricky_site, settings):
    from diplomacy.articles.fetching import FetchError, fetch

    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_MAX_BYTES = 10_000
    with pytest.raises(FetchError, match="larger than 10,000 bytes"):
        fetch(f"http://127.0.0.1:{tricky_site}/lying-length")


def test_slow_responses_time_out(tricky_site, settings):
    from diplomacy.articles.fetching import FetchError, fetch

    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_TIMEOUT_SECONDS = 1
    with pytest.raises(FetchError, match="ReadTimeoutError|TimeoutError"):
        fetch(f"http://127.0.0.1:{tricky_site}/slow")


# --- nothing rejected leaks through exports, the API or feeds -----------------------


def test_rejected_records_never_leave_through_exports_api_or_feeds(analyst_client):
    import json

    from diplomacy.meetings.models import ReviewStatus
    from tests.factories import LeaderFactory, MeetingFactory, StatementFactory

    leader, other = LeaderFactory(name="Shown Leader"), LeaderFactory()
    shown = MeetingFactory(participants=[leader, other])
    hidden = MeetingFactory(participants=[leader, other], status=ReviewStatus.REJECTED)
    StatementFactory(speaker=leader, text="Kept words")
    StatementFactory(speaker=leader, text="Rejected words", status=ReviewStatus.REJECTED)

    def body(response):
        return b"".join(response.streaming_content) if response.streaming else response.content

    bodies = [
        body(analyst_client.get(reverse("export_meetings", args=[fmt]))) for fmt in ("csv", "json")
    ] + [
        body(analyst_client.get(reverse("export_statements", args=[fmt])))
        for fmt in ("csv", "json")
    ]
    api = analyst_client.get(reverse("api_meetings")).json()
    assert [m["id"] for m in api["results"]] == [shown.pk]
    statements = analyst_client.get(reverse("api_statements")).json()
    assert [s["text"] for s in statements["results"]] == ["Kept words"]
    assert all(b"Rejected words" not in b for b in bodies)
    exported = json.loads(bodies[1])
    assert [m["id"] for m in exported] == [shown.pk] and hidden.pk != shown.pk
    page = analyst_client.get(leader.get_absolute_url())
    feed = Client().get(page.context["feed_url"])
    assert feed.content.decode().count("<entry>") == 1


def test_secrets_and_passwords_stay_out_of_logs(known_secret, roles, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    UserFactory(username="logged", role="analyst")
    Client().post(reverse("login"), {"username": "logged", "password": "my-secret-passphrase"})
    assert "my-secret-passphrase" not in caplog.text
    assert known_secret not in caplog.text
