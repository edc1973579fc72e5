"""An admin pastes an article without its date, is told so, sets the date, and the
"on Monday" meeting gets its day."""

import pytest
from playwright.sync_api import expect

from diplomacy.articles.models import Article
from diplomacy.meetings.models import Meeting
from tests.browser.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONDAY_TALKS = (
    "Emmanuel Macron met Volodymyr Zelensky in Paris on Monday to talk about air defence. "
    '"We will stand with Ukraine for as long as it takes," Macron told reporters after the talks.'
)
WARNING = (
    "No publication date given or found: relative dates ('on Monday') cannot be resolved — "
    "set the date"
)


def test_admin_pastes_an_undated_article_and_sets_its_date(page, kb):
    log_in(page, "admin")
    page.goto(f"{page.base_url}/articles/new/")
    page.get_by_label("Paste an article").fill(MONDAY_TALKS)
    page.get_by_role("button", name="Store and extract").click()

    warning = page.locator("p.warning")
    expect(warning).to_have_text(f"{WARNING}.")
    expect(page.locator("#article-status .meetings")).to_contain_text("Date unknown")
    screenshot(page, "article-without-date")

    warning.get_by_role("link", name="set the date").click()
    expect(page.locator("h1")).to_have_text("Edit article")
    page.get_by_label("Publication date").fill("2025-03-12")
    screenshot(page, "article-edit")
    page.get_by_role("button", name="Save").click()

    article = Article.objects.get()
    page.wait_for_url(f"{page.base_url}{article.get_absolute_url()}")
    expect(page.locator(".messages")).to_contain_text("extracted again")
    expect(page.locator("#article-status .status")).to_have_text("Done")
    meetings = page.locator("#article-status .meetings li")
    expect(meetings).to_have_count(1)
    expect(meetings).to_contain_text("10 March 2025: Emmanuel Macron, Volodymyr Zelensky in Paris")
    expect(page.locator("p.warning")).to_have_count(0)
    screenshot(page, "article-dated")
    assert [m.date_label for m in Meeting.objects.all()] == ["10 March 2025"]
    assert page.console_errors == []
