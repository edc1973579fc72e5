"""Every main page at 390 px wide (a phone): no sideways scrolling of the page, and the
main menu folds behind a button that opens it."""

import datetime

import pytest
from playwright.sync_api import expect

from diplomacy.articles.models import Article
from diplomacy.meetings.models import Evidence
from tests.browser.conftest import log_in, screenshot
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _some_of_everything():
    long_title = "A headline long enough to need more than one line on a phone " * 3
    article = ArticleFactory(
        title=long_title.strip(),
        url="https://news.example/" + "very-long-path-segment-" * 8,
        text="date 2025-09-03 Vladimir Putin met Kim Jong Un in Beijing on Wednesday. " * 20,
        status=Article.Status.DONE,
    )
    putin = LeaderFactory(name="Vladimir Vladimirovich Putin", country="RU")
    kim = LeaderFactory(name="Kim Jong Un", country="KP")
    xi = LeaderFactory(name="Xi Jinping", country="CN")
    meeting = MeetingFactory(
        participants=[putin, kim, xi], date=datetime.date(2025, 9, 3), place="Beijing",
        country="CN", occasion="Victory Day parade and a very long occasion name indeed",
        source=article,
    )  # fmt: skip
    Evidence.objects.filter(meeting=meeting).update(start=16, end=70, text=article.text[16:70])
    for day in range(1, 12):
        MeetingFactory(participants=[putin, kim], date=datetime.date(2024, 6, day))
    StatementFactory(speaker=putin, meeting=meeting, article=article, text="Word " * 60)
    return article, putin, meeting


def _pages(article, leader, meeting) -> dict[str, str]:
    return {
        "timeline": "/",
        "timeline-list": "/?view=list",
        "timeline-lanes": f"/?leader={leader.slug}&leader=Kim+Jong+Un"
        "&start=2024-05-01&end=2025-10-01",
        "timeline-invalid-filter": "/?date_from=garbage",
        "network": "/network/",
        "map": "/map/",
        "statements": "/statements/",
        "meeting": meeting.get_absolute_url(),
        "leader": leader.get_absolute_url(),
        "articles": "/articles/",
        "article": article.get_absolute_url(),
        "upload": "/articles/new/",
        "feeds": "/articles/feeds/",
        "review": "/review/",
        "review-meeting": f"/review/meetings/{meeting.pk}/",
        "review-leader": f"/review/leaders/{leader.slug}/",
    }


def _overflow(page) -> int:
    """How far the page is wider than the window (0 when it does not scroll sideways)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_every_main_page_fits_390_px_and_its_menu_opens(page):
    article, leader, meeting = _some_of_everything()
    log_in(page, "admin")
    page.set_viewport_size(PHONE)
    menu = page.locator("header .menu-toggle")
    nav = page.locator("nav[aria-label=Main]")
    too_wide = {}
    for name, path in _pages(article, leader, meeting).items():
        page.goto(page.base_url + path)
        page.wait_for_load_state("networkidle")
        if overflow := _overflow(page):
            too_wide[name] = overflow
        expect(menu).to_be_visible()
        expect(nav).to_be_hidden()
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(nav.get_by_role("link", name="Review")).to_be_visible()
        expect(nav.get_by_role("link", name="Upload")).to_be_visible()
        assert _overflow(page) == 0
        screenshot(page, f"small-{name}")
        menu.click()
        expect(nav).to_be_hidden()
    assert too_wide == {}
    # The page with the invalid filter answers 400 (on purpose); nothing else went wrong.
    assert [e for e in page.console_errors if "status of 400" not in e] == []


def test_menu_follows_the_link_chosen_and_closes_with_escape(page):
    log_in(page, "analyst")
    page.set_viewport_size(PHONE)
    menu = page.locator("header .menu-toggle")
    menu.click()
    page.get_by_role("link", name="Statements").click()
    page.wait_for_url(f"{page.base_url}/statements/")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    page.keyboard.press("Escape")
    expect(page.locator("nav[aria-label=Main]")).to_be_hidden()
    expect(menu).to_be_focused()


def test_wide_screens_show_the_menu_without_a_button(page):
    log_in(page, "analyst")
    expect(page.locator("header .menu-toggle")).to_be_hidden()
    expect(page.locator("nav[aria-label=Main] >> text=Network")).to_be_visible()


def test_a_wide_table_scrolls_inside_itself_not_the_page(page):
    people = [LeaderFactory(name=f"Leader with a rather long name {n}") for n in range(3)]
    MeetingFactory(participants=people)
    log_in(page, "analyst")
    page.set_viewport_size(PHONE)
    page.goto(f"{page.base_url}/network/")
    table = page.locator("table.table").first
    expect(table).to_be_visible()
    assert table.evaluate("t => getComputedStyle(t).overflowX") == "auto"
    assert _overflow(page) == 0
