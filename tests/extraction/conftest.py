"""Fixtures for the extraction engine's tests: plain Python, no database."""

from datetime import date

import pytest

from diplomacy.extraction import KnowledgeBase, extract, load_knowledge_base
from diplomacy.extraction.types import Extraction
from diplomacy.leaders.data import LEADERS_FILE


@pytest.fixture(scope="session")
def knowledge_base() -> KnowledgeBase:
    return load_knowledge_base(LEADERS_FILE)


@pytest.fixture
def run(knowledge_base):
    """Extract from a short text published on the given day (ISO string)."""

    def _run(text: str, published: str) -> Extraction:
        return extract(text, date.fromisoformat(published), knowledge_base)

    return _run
