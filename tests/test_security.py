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


@override_settings(DEBUG=False)
def test_error_pages_are_our_own_and_say_nothing_secret(analyst_client):
    missing = analyst_client.get("/meetings/999999/")
    assert missing.status_code == 404
    html = missing.content.decode()
    assert "There is nothing at this address." in html
    assert "Traceback" not in html
    # (A short key, as in a quick local run, could appear in any page by chance.)
    assert len(settings.SECRET_KEY) < 16 or settings.SECRET_KEY not in html
    forbidden = analyst_client.get(reverse("review"))
    assert forbidden.status_code == 403
    assert "Your role does not allow this." in forbidden.content.decode()


def test_server_error_page_is_our_own(analyst_client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and "Traceback" not in html
