"""The network and the map as people use them: a click on a leader for their ego network
(and back), the year slider, a click on a place for its meetings, a phone's width."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, log_in, screenshot
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date


@pytest.fixture
def record():
    """A hub who met four people in 2023 and 2024, two of whom met each other; a pair
    who met in 2022 only; meetings in Paris, Moscow and an unknown French village."""
    hub = LeaderFactory(name="Helga Hub", country="DE")
    others = [LeaderFactory(name=name, country=country) for name, country in (
        ("Aiko Arai", "JP"), ("Bruno Braga", "BR"), ("Chidi Chukwu", "NG"), ("Dana Dorn", "US"),
    )]  # fmt: skip
    for i, other in enumerate(others):
        for n in range(4 - i):
            MeetingFactory(participants=[hub, other], date=D(2023 + n % 2, 1 + n, 10),
                           place="Paris", country="FR")  # fmt: skip
    MeetingFactory(participants=others[:2], date=D(2024, 6, 1), place="Moscow", country="RU")
    lone = [LeaderFactory(name="Ezra Eld", country="IL"), LeaderFactory(name="Fay Fox")]
    MeetingFactory(participants=lone, date=D(2022, 3, 3), place="Hameau Inconnu", country="FR")
    return hub, others, lone


def _screenshot(page, name: str) -> None:
    """A screenshot that leaves the page as it was: Playwright's default hides the caret
    by giving inputs a style attribute, which HTMX then copies onto the next page's inputs
    (an inline style the Content Security Policy refuses)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, caret="initial")


def _click_node(page, leader) -> None:
    """A real click where cytoscape drew the leader."""
    graph = page.locator("#network-graph")
    box = graph.bounding_box()
    spot = page.evaluate(
        "id => document.getElementById('network-graph').cy.getElementById(id).renderedPosition()",
        str(leader.pk),
    )
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def test_click_a_leader_for_their_ego_network_and_back(page, record):
    hub, others, lone = record
    log_in(page, "analyst")
    page.goto(f"{page.base_url}/network/")
    expect(page.locator("#network-graph")).to_have_attribute("data-nodes", "7")
    _click_node(page, others[0])
    page.wait_for_url(f"**/network/?*ego={others[0].slug}*")
    summary = page.locator(".network-summary")
    expect(summary).to_contain_text("Ego network of Aiko Arai")
    expect(page.locator("#network-graph")).to_have_attribute("data-nodes", "3")  # + hub, Bruno
    expect(summary.get_by_role("link", name="Aiko Arai")).to_have_attribute(
        "href", others[0].get_absolute_url()
    )
    _screenshot(page, "network-ego")
    page.go_back()
    page.wait_for_url(f"{page.base_url}/network/")
    expect(page.locator("#network-graph")).to_have_attribute("data-nodes", "7")
    expect(page.locator("#net-ego")).to_have_value("")
    # The year slider: from 2023 on, the pair of 2022 is gone.
    page.locator("#net-year-from").fill("2023")
    page.wait_for_url("**date_from=2023-01-01*")
    expect(page.locator("#network-graph")).to_have_attribute("data-nodes", "5")
    expect(page.locator("#net-years-shown")).to_have_text("2022–2024".replace("2022", "2023"))
    assert page.console_errors == []


def test_click_a_place_for_its_meetings(page, record):
    log_in(page, "analyst")
    page.goto(f"{page.base_url}/map/")
    expect(page.locator("#map")).to_have_attribute("data-dots", "3")
    # At its top: France's centre (the village) is drawn over Paris's middle.
    page.locator('circle[data-key="place:FR:Paris"]').click(position={"x": 28, "y": 6})
    page.wait_for_url("**/map/?*at=place*Paris*")
    section = page.locator("#place-meetings")
    expect(section.locator("h2")).to_contain_text("Paris")
    expect(section.locator("h2")).to_contain_text("10 meetings")
    expect(section.locator(".place-list li")).to_have_count(10)
    expect(page.locator('circle.chosen[data-key="place:FR:Paris"]')).to_have_count(1)
    _screenshot(page, "map-place")
    # The country's centre: the village the gazetteer does not know.
    page.get_by_role("link", name="France").click()
    expect(section.locator("h2")).to_contain_text("France: 1 meeting")
    assert page.console_errors == []


def test_map_and_network_fit_a_phone(browser, live_server, roles, record):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.base_url = live_server.url
    log_in(page, "analyst")
    pages = [("map-390", "/map/", "#map[data-dots]"),
             ("network-390", "/network/", "#network-graph[data-nodes]")]  # fmt: skip
    for name, url, drawn in pages:
        page.goto(page.base_url + url)
        page.wait_for_selector(drawn)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (url, width)
        screenshot(page, name)
    context.close()
