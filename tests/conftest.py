from pathlib import Path

import pytest
from django.conf import settings

from diplomacy.accounts.roles import ensure_roles
from diplomacy.leaders.kb import leaders_load_file
from tests.factories import UserFactory

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


def _client_for(client, role):
    client.force_login(UserFactory(username=role, role=role))
    return client


@pytest.fixture
def analyst_client(client, roles):
    return _client_for(client, "analyst")


@pytest.fixture
def editor_client(client, roles):
    return _client_for(client, "editor")


@pytest.fixture
def admin_client(client, roles):
    return _client_for(client, "admin")
