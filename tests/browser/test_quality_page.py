"""The quality page in a browser: its tables at a phone's width, and the re-extraction
preview loaded in place (HTMX) under the strict Content Security Policy."""

import pytest
from playwright.sync_api import expect

from diplomacy.meetings import services
from diplomacy.meetings.models import ReviewStatus, Statement
from tests.browser.conftest import log_in, screenshot
from tests.factories import UserFactory
from tests.test_quality import EN, FR, _ingest, _meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def reviewed(kb, roles):
    editor = UserFactory(username="quality-editor", role="editor")
    _ingest(EN), _ingest(FR)
    services.meeting_set_status(
        _meeting("Emmanuel Macron", "Volodymyr Zelensky").pk, ReviewStatus.REJECTED, by=editor
    )
    for name in ("Friedrich Merz", "Giorgia Meloni", "Narendra Modi"):
        services.meeting_set_status(
            _meeting("Emmanuel Macron", name).pk, ReviewStatus.VERIFIED, by=editor
        )
    for statement in Statement.objects.exclude(kind="fragment"):
        services.statement_set_status(statement.pk, ReviewStatus.VERIFIED, by=editor)


def _overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", ["wide", "phone"])
def test_quality_page_shows_its_tables_and_previews_reextraction_in_place(page, reviewed, width):
    log_in(page, "editor")
    if width == "phone":
        page.set_viewport_size(PHONE)
    page.goto(f"{page.base_url}/review/quality/")
    expect(page.get_by_role("heading", name="On 2 reviewed articles")).to_be_visible()
    expect(page.get_by_role("heading", name="By language")).to_be_visible()
    expect(page.get_by_role("row", name="Meeting rejected: no such meeting 1")).to_be_visible()
    page.get_by_role("link", name="Preview re-extraction").click()
    expect(page.get_by_role("heading", name="Would lose: 0 articles")).to_be_visible()
    expect(page.get_by_role("row", name="Stored records")).to_be_visible()
    assert page.url == f"{page.base_url}/review/quality/"  # swapped in place
    assert _overflow(page) == 0
    screenshot(page, f"quality-{width}")
    assert page.console_errors == []
