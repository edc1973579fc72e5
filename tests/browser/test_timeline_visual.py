"""The timeline chart in a real browser: zoom and pan with the buttons, the wheel and a
drag, the window kept in the URL (Back restores it), a mark's participants on hover, a
click through to the meeting, and one lane per selected leader with the meetings between
them drawn across the lanes. Each step saves a screenshot in tests/artifacts/."""

import re
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from diplomacy.meetings import timeline
from diplomacy.meetings.models import Meeting
from tests.browser.conftest import log_in, screenshot
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHART = "section.timeline-chart"


@pytest.fixture
def three_years(monkeypatch):
    """91 meetings over 2019–2021; past 20 in view the chart shows the density."""
    monkeypatch.setattr(timeline, "MARKS_CAP", 20)
    # Answers cached by earlier tests were computed with the real cap.
    cache.clear()
    ana = LeaderFactory(name="Ana Popescu", slug="ana-popescu", country="RO")
    jean = LeaderFactory(name="Jean Dupont", slug="jean-dupont", country="FR")
    olaf = LeaderFactory(name="Olaf Berg", slug="olaf-berg", country="DE")
    others = [LeaderFactory(name=f"Guest Number {n}") for n in range(3)]
    for m in range(36):
        year, month = 2019 + m // 12, m % 12 + 1
        MeetingFactory(participants=[ana, jean], date=date(year, month, 5), place="Paris")
        MeetingFactory(participants=[ana, others[m % 3]], date=date(year, month, 12),
                       kind=Meeting.Kind.VISIT, place="Bucharest", country="RO")  # fmt: skip
        if m % 2 == 0:
            MeetingFactory(participants=[jean, olaf], date=date(year, month, 20),
                           kind=Meeting.Kind.CALL, place="", country="")  # fmt: skip
    summit = MeetingFactory(
        participants=[ana, jean, olaf], date=date(2020, 6, 15), kind=Meeting.Kind.MULTILATERAL,
        place="Geneva", country="CH",
    )  # fmt: skip
    return ana, jean, olaf, summit


def _loaded(page) -> str:
    """Wait for the chart's next answer after an action; its window."""
    before = page.get_attribute(CHART, "data-loaded")
    page.wait_for_function(
        "([sel, n]) => document.querySelector(sel).dataset.loaded !== n"
        " && !document.querySelector(sel).hasAttribute('aria-busy')",
        arg=[CHART, before],
    )
    return page.get_attribute(CHART, "data-window")


def _window_in_url(page) -> tuple[date, date]:
    query = parse_qs(urlparse(page.url).query)
    return date.fromisoformat(query["start"][0]), date.fromisoformat(query["end"][0])


def _span(window: tuple[date, date]) -> int:
    return (window[1] - window[0]).days


def _act(page, action) -> str:
    """Do something to the chart and wait for the answer it asks for."""
    before = page.get_attribute(CHART, "data-loaded")
    action()
    page.wait_for_function(
        "([sel, n]) => document.querySelector(sel).dataset.loaded !== n"
        " && !document.querySelector(sel).hasAttribute('aria-busy')",
        arg=[CHART, before],
    )
    return page.get_attribute(CHART, "data-window")


def test_zoom_and_pan_keep_the_url_and_back_restores_it(page, three_years):
    ana, jean, olaf, summit = three_years
    log_in(page, "analyst")
    page.wait_for_selector(f"{CHART}[data-loaded]")
    assert page.get_attribute(CHART, "data-window") == "2019-01-01/2021-12-31"
    assert page.get_attribute(CHART, "data-mode") == "density"
    assert page.get_attribute(CHART, "data-unit") == "month"
    assert page.locator("g.bucket").count() == 36
    expect(page.locator(".chart-summary")).to_contain_text("91 meetings in the months shown")
    assert page.get_attribute("svg.timeline-svg", "aria-labelledby") == "chart-title"
    screenshot(page, "timeline-chart")

    # Zoom in with the button: half the span, in the URL.
    _act(page, lambda: page.click("button[data-action=zoom-in]"))
    first = _window_in_url(page)
    assert 540 <= _span(first) <= 550
    screenshot(page, "timeline-zoomed-button")

    # The wheel zooms further, around the pointer.
    box = page.locator("svg.timeline-svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    _act(page, lambda: page.mouse.wheel(0, -1000))
    page.wait_for_function("() => new URLSearchParams(location.search).get('start')"
                           f" !== '{first[0].isoformat()}'")  # fmt: skip
    wheeled = _window_in_url(page)
    assert _span(wheeled) < _span(first) / 2
    screenshot(page, "timeline-zoomed-wheel")

    # Pan: a button, then a drag to the right (earlier).
    _act(page, lambda: page.click("button[data-action=earlier]"))
    panned = _window_in_url(page)
    assert panned[0] < wheeled[0] and abs(_span(panned) - _span(wheeled)) <= 1
    x, y = box["x"] + box["width"] / 2, box["y"] + 40
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 150, y, steps=8)
    _act(page, page.mouse.up)
    dragged = _window_in_url(page)
    assert dragged[0] < panned[0]
    screenshot(page, "timeline-panned")

    # Back: the window before the drag, in the URL and in the chart.
    _act(page, page.go_back)
    assert _window_in_url(page) == panned
    assert page.get_attribute(CHART, "data-window").split("/")[0] == panned[0].isoformat()
    _act(page, page.go_back)
    assert _window_in_url(page) == wheeled
    page.go_forward()
    page.wait_for_function(f"() => location.search.includes('{panned[0].isoformat()}')")
    screenshot(page, "timeline-back")


def test_marks_show_who_met_on_hover_and_open_the_meeting(page, three_years):
    ana, jean, olaf, summit = three_years
    log_in(page, "analyst")
    page.goto(f"{page.base_url}/?start=2020-06-01&end=2020-06-30")
    page.wait_for_selector(f"{CHART}[data-mode=marks]")
    marks = page.locator("a.mark")
    # June 2020: Ana and Jean, Ana and a guest, the summit (Jean and Olaf: even months).
    expect(marks).to_have_count(3)
    summit_mark = page.locator(f"a.mark[data-id='{summit.pk}']")
    summit_mark.hover()
    tip = page.locator(".chart-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("15 June 2020")
    expect(tip).to_contain_text("Ana Popescu, Jean Dupont, Olaf Berg")
    expect(tip).to_contain_text("Geneva (Switzerland)")
    screenshot(page, "timeline-hover")
    summit_mark.click()
    page.wait_for_url(f"{page.base_url}{summit.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("Ana Popescu · Jean Dupont · Olaf Berg")


def test_three_leaders_get_three_lanes_with_their_meetings_linked(page, three_years):
    ana, jean, olaf, summit = three_years
    log_in(page, "analyst")
    page.goto(f"{page.base_url}/?leader={ana.slug}&leader={jean.slug}"
              "&start=2020-05-01&end=2020-07-31")  # fmt: skip
    page.wait_for_selector(f"{CHART}[data-mode=marks]")
    expect(page.locator("g.lane")).to_have_count(2)
    # A third leader, typed into the filter: the chart comes back with three lanes.
    page.fill("#filter-leader", "Olaf Berg")
    _act(page, lambda: page.press("#filter-leader", "Enter"))
    page.wait_for_url(re.compile("leader=olaf-berg|leader=Olaf"))
    lanes = page.locator("g.lane text.lane-name")
    expect(lanes).to_have_count(3)
    assert lanes.all_text_contents() == ["Ana Popescu", "Jean Dupont", "Olaf Berg"]
    expect(page.locator(".chips li")).to_have_count(3)
    # May to July 2020: Ana and Jean three times, Jean and Olaf twice, the summit once
    # are between lanes; Ana and a guest three times are marks on Ana's lane alone.
    expect(page.locator("a.mark")).to_have_count(9)
    between = page.locator("a.mark.between")
    expect(between).to_have_count(6)
    summit_link = page.locator(f"a.mark[data-id='{summit.pk}'] line.link")
    assert summit_link.get_attribute("data-lanes") == "3"
    height = float(summit_link.get_attribute("y2")) - float(summit_link.get_attribute("y1"))
    assert height > 100  # from Ana's lane down to Olaf's
    assert page.locator(f"a.mark[data-id='{summit.pk}'] circle").count() == 3
    assert page.locator("a.mark:not(.between) circle").count() == 3
    expect(page.locator(".chart-summary")).to_contain_text(
        "9 meetings of Ana Popescu, Jean Dupont and Olaf Berg"
    )
    screenshot(page, "timeline-lanes")

    # Zoomed out, each lane has its own density band.
    page.goto(f"{page.base_url}/?leader={ana.slug}&leader={jean.slug}&leader={olaf.slug}")
    page.wait_for_selector(f"{CHART}[data-mode=density]", state="attached")
    lanes_drawn = page.eval_on_selector_all(
        "g.bucket title", "els => new Set(els.map(e => e.textContent.split(',')[0])).size"
    )
    assert lanes_drawn == 3
    screenshot(page, "timeline-lanes-density")
    assert page.console_errors == []
