import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from diplomacy.accounts.roles import ensure_roles
from diplomacy.leaders import kb as kb_module
from diplomacy.leaders.kb import leaders_load_file
from diplomacy.leaders.models import Leader
from tests.factories import UserFactory
from tests.workers import real_stack_missing

# Tests speak plain HTTP to the test client and to the live server (whose middleware
# is built once, at the start of the session): no redirect to HTTPS and no HSTS, which
# would make the browser refuse http://localhost afterwards. Production's settings are
# checked by test_security's deploy check.
settings.SECURE_SSL_REDIRECT = False
settings.SECURE_HSTS_SECONDS = 0
# Every client fixture makes a user with a password: production's PBKDF2 (a million
# rounds) would cost a noticeable part of a second each time. Tests check who may log
# in, not the hash's strength.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- markers and skips -------------------------------------------------------------------
#
# `browser`: every test under tests/browser/; `worker`: every test whose module starts
# real Celery workers (it imports tests.workers.Worker). Select with `-m` / `-m "not ..."`.
# A skip for a missing service is a failure in CI (CI=true, as CI services set it): there
# Chromium, PostgreSQL and Redis are provided, so a green run cannot hide skipped tests.

BROWSER_DIR = Path(__file__).resolve().parent / "browser"
# Words of the skip reasons that name something CI provides.
# ("shared": the ../shared corpora, found through settings.SHARED_DIR.)
CI_PROVIDES = ("chromium", "postgresql", "redis", "celery_broker_url", "shared")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(items):
    from tests.workers import Worker

    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
        if getattr(item.module, "Worker", None) is Worker:
            item.add_marker(pytest.mark.worker)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Worker tests skip here, before any fixture: no test database, no knowledge base."""
    if item.get_closest_marker("worker") and (missing := real_stack_missing()):
        pytest.skip(missing)


def _skip_reason(report) -> str:
    if isinstance(report.longrepr, tuple):  # (path, line, "Skipped: reason")
        return str(report.longrepr[2])
    return str(report.longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not (in_ci() and report.skipped) or hasattr(report, "wasxfail"):
        return
    reason = _skip_reason(report)
    marked = item.get_closest_marker("browser") or item.get_closest_marker("worker")
    if marked or any(word in reason.lower() for word in CI_PROVIDES):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where this must run: {reason}"


# --- the database ------------------------------------------------------------------------
#
# The knowledge base (3,000+ leaders) is loaded once, into the test database right after
# its creation: every `db` test runs in a transaction rolled back at its end, so each one
# starts from the same loaded base. Transactional tests (live server, real workers) empty
# the database when they end; pytest-django runs them after all the `db` tests, and the
# `kb` fixture reloads the base for those that ask for it. The others start empty.


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        leaders_load_file()
        _loaded["version"] = kb_module.knowledge_base_version()


_loaded: dict[str, tuple] = {}


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.fixture(autouse=True)
def _database_as_documented(request, django_db_blocker):
    """Transactional tests without `kb` start empty; no engine cache outlives its data.

    The engine's cached knowledge base is keyed by the newest history ids, which a rollback
    hands out again (SQLite): only the base exactly as loaded at the start is kept.
    """
    engine_cache = getattr(kb_module, "_cache", {})
    cached = engine_cache.get("kb")
    if cached is not None and cached[0] != _loaded.get("version"):
        engine_cache.clear()
    if not _is_transactional(request.node) or "kb" in request.fixturenames:
        return
    request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        if Leader.objects.exists():  # the session's base: only the first such test has it
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with no cached page parts: ids are reused after a rollback."""
    cache.clear()


SEED = Path(settings.SHARED_DIR) / "corpus" / "dev" / "seed-ro-putin-kim.txt"


@pytest.fixture
def kb(db):
    """The repository's knowledge base in the test database (see django_db_setup).

    Every `db` test has it; a test that needs it says so with this fixture, which also
    reloads it for a transactional test after another one emptied the database.
    """
    if not Leader.objects.exclude(key=None).exists():
        leaders_load_file()


@pytest.fixture
def roles(db):
    # The migration creates the groups, but a transactional test's flush removes them.
    ensure_roles()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _client_for(role: str) -> Client:
    # One client per role, so a test can act as an editor and look as an analyst.
    client = Client()
    client.force_login(UserFactory(username=role, role=role))
    return client


@pytest.fixture
def analyst_client(roles):
    return _client_for("analyst")


@pytest.fixture
def editor_client(roles):
    return _client_for("editor")


@pytest.fixture
def admin_client(roles):
    return _client_for("admin")


@pytest.fixture
def tasks_run_here():
    """Queued tasks run where they are queued, also where CELERY_BROKER_URL names a broker
    (CI) and no worker runs beside the test: for tests of what a queued extraction does,
    not of the worker (the `worker` tests start real workers)."""
    from diplomacy.celery import app

    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved
