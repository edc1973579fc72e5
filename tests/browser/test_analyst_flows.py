"""The flows analysts use, in a real browser."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from diplomacy.articles import services
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Meeting
from tests.browser.conftest import log_in, screenshot
from tests.factories import LeaderFactory, MeetingFactory, StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _many_meetings(n: int) -> None:
    people = [LeaderFactory(name="Ana Popescu"), LeaderFactory(name="Jean Dupont")]
    for day in range(n):
        MeetingFactory(
            participants=people,
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
            kind=Meeting.Kind.CALL if day % 10 == 0 else Meeting.Kind.BILATERAL,
        )


def test_filter_timeline_go_back_and_scroll(page):
    _many_meetings(70)
    log_in(page, "analyst")
    page.click("nav.view-tabs >> text=List")  # `/` is the chart (test_timeline_visual.py)
    page.wait_for_url(re.compile(r"view=list"))
    rows = page.locator("article.meeting")
    assert rows.count() == 50
    screenshot(page, "timeline")

    page.select_option("#filter-kind", "call")
    page.wait_for_url(re.compile(r"kind=call"))
    expect(page.locator("article.meeting")).to_have_count(7)
    screenshot(page, "timeline-filtered")

    page.go_back()
    expect(page.locator("article.meeting")).to_have_count(50)
    assert "kind=call" not in page.url

    page.locator("article.meeting").last.scroll_into_view_if_needed()
    page.mouse.wheel(0, 20000)
    expect(page.locator("article.meeting")).to_have_count(70)
    assert page.locator(".more").count() == 0


def test_meeting_page_highlights_the_evidence(page, kb, seed_text):
    article = services.article_create(text=seed_text)
    ingestion.article_ingest(article.pk)
    past = Meeting.objects.get(reported_as="past")
    log_in(page, "analyst")
    page.goto(f"{page.base_url}/?view=list")
    page.click(f"a[href='{past.get_absolute_url()}']")
    marks = page.locator("blockquote.evidence mark")
    assert marks.first.inner_text() == "Kim"
    assert "June 2024" in page.inner_text("dl.facts")
    screenshot(page, "meeting")


def test_search_statements(page):
    speaker = LeaderFactory(name="Vladimir Putin")
    StatementFactory(speaker=speaker, text="Nobody conspired against anyone at all")
    StatementFactory(speaker=speaker, text="Relations have become a real alliance")
    log_in(page, "analyst")
    page.click("nav >> text=Statements")
    assert page.locator("li.statement").count() == 2
    page.fill("#st-q", "alliance")
    page.wait_for_url(re.compile(r"q=alliance"))
    expect(page.locator("li.statement")).to_have_count(1)
    assert "real alliance" in page.inner_text("li.statement")
    screenshot(page, "statements")


def test_statement_search_typed_without_accents_finds_accented_words(page):
    speaker = LeaderFactory(name="Klaus Iohannis")
    StatementFactory(speaker=speaker, language="ro", text="Relațiile cu România sunt solide")
    StatementFactory(speaker=speaker, language="de", text="Großbritannien bleibt ein Partner")
    StatementFactory(speaker=speaker, text="Nothing else to add here")
    log_in(page, "analyst")
    page.goto(f"{page.base_url}/statements/")
    for typed, found in [
        ("relatiile romania", "Relațiile cu România sunt solide"),
        ("grossbritannien", "Großbritannien bleibt ein Partner"),
    ]:
        page.fill("#st-q", typed)
        page.wait_for_url(re.compile("q=" + typed.split()[0]))
        expect(page.locator("li.statement")).to_have_count(1)
        assert page.inner_text("li.statement q") == found
    screenshot(page, "statements-accents-optional")


def test_network_draws_its_nodes(page):
    a, b, c = (LeaderFactory(name=n) for n in ("Ana Popescu", "Jean Dupont", "Olaf Berg"))
    MeetingFactory(participants=[a, b])
    MeetingFactory(participants=[b, c])
    log_in(page, "analyst")
    page.click("nav >> text=Network")
    page.wait_for_selector("#network-graph[data-nodes]")
    assert page.get_attribute("#network-graph", "data-nodes") == "3"
    assert page.get_attribute("#network-graph", "data-edges") == "2"
    assert page.locator("#network-graph canvas").count() > 0
    screenshot(page, "network")

    page.click(f"text={b.name} >> nth=0")
    page.wait_for_selector("#network-graph[data-nodes]")
    assert page.get_attribute("#network-graph", "data-nodes") == "3"
    screenshot(page, "leader")
