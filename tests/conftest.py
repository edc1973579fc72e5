from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from diplomacy.accounts.roles import ensure_roles
from diplomacy.leaders.kb import leaders_load_file
from tests.factories import UserFactory

# Tests speak plain HTTP to the test client and to the live server (whose middleware
# is built once, at the start of the session): no redirect to HTTPS and no HSTS, which
# would make the browser refuse http://localhost afterwards. Production's settings are
# checked by test_security's deploy check.
settings.SECURE_SSL_REDIRECT = False
settings.SECURE_HSTS_SECONDS = 0


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with no cached page parts: ids are reused after a rollback."""
    cache.clear()


SEED = Path(settings.SHARED_DIR) / "corpus" / "dev" / "seed-ro-putin-kim.txt"


@pytest.fixture
def kb(db):
    """The repository's knowledge base, loaded into the test database."""
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
