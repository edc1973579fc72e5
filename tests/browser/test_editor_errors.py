"""An editor's refused save is explained in place and loses nothing: a wrong name, a
missing date, someone else's save in between (HTTP 400 and 409), a server failure."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from diplomacy.leaders.models import Leader
from diplomacy.meetings.models import Meeting, Statement
from tests.browser.conftest import log_in, screenshot
from tests.factories import LeaderFactory, MeetingFactory, StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATE = re.compile(r"^Date:?$")  # not "Date precision"


def _open(page, path: str):
    page.goto(page.base_url + path)
    return page


def _second_tab(page, path: str):
    """Another tab of the same editor's browser, on the same page."""
    tab = page.context.new_page()
    tab.base_url = page.base_url
    return _open(tab, path)


def _save(page, form, button: str = "Save") -> int:
    """Click a form's button and wait for the answer; its HTTP status."""
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.get_by_role("button", name=button, exact=True).click()
    return answer.value.status


def test_unknown_participant_is_explained_next_to_the_field_and_the_name_kept(page):
    host, guest = LeaderFactory(name="Host Leader"), LeaderFactory(name="Guest Leader")
    meeting = MeetingFactory(participants=[host, guest])
    log_in(page, "editor")
    _open(page, f"/review/meetings/{meeting.pk}/")
    form = page.locator("#meeting-panel form", has=page.get_by_label("Add a participant"))
    form.get_by_label("Add a participant").fill("Nobody Known")

    assert _save(page, form, "Add") == 400

    form = page.locator("#meeting-panel form", has=page.get_by_label("Add a participant"))
    error = form.locator(".error")
    expect(error).to_have_text("No leader by this name.")
    field = form.get_by_label("Add a participant")
    expect(field).to_have_value("Nobody Known")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", error.get_attribute("id"))
    expect(field).to_be_focused()
    screenshot(page, "editor-error-unknown-participant")
    # The browser logs the 400 itself; nothing else (a CSP violation would show here).
    assert [e for e in page.console_errors if "status of 400" not in e] == []
    assert sorted(p.name for p in Meeting.objects.get().participants.all()) == [
        "Guest Leader",
        "Host Leader",
    ]


def test_clearing_the_date_is_explained_and_the_other_typed_values_kept(page):
    meeting = MeetingFactory(place="Paris", date=datetime.date(2025, 3, 4), occasion="")
    log_in(page, "editor")
    _open(page, f"/review/meetings/{meeting.pk}/")
    form = page.locator("#meeting-panel form", has=page.get_by_label("Place"))
    form.get_by_label("Place").fill("Versailles")
    form.get_by_label("Occasion").fill("State visit")
    form.get_by_label(DATE).fill("")

    assert _save(page, form) == 400

    form = page.locator("#meeting-panel form", has=page.get_by_label("Place"))
    date_field = form.locator(".field", has=page.get_by_label(DATE))
    expect(date_field.locator(".error")).to_have_text("Give the date, or clear its precision.")
    expect(form.get_by_label(DATE)).to_have_value("")
    expect(form.get_by_label("Place")).to_have_value("Versailles")
    expect(form.get_by_label("Occasion")).to_have_value("State visit")
    screenshot(page, "editor-error-date-cleared")
    meeting.refresh_from_db()
    assert (meeting.place, meeting.date, meeting.version) == ("Paris", datetime.date(2025, 3, 4), 1)


def test_concurrent_meeting_edit_shows_both_versions_and_reapplies_the_second(page):
    meeting = MeetingFactory(place="Paris", occasion="")
    log_in(page, "editor")
    url = f"/review/meetings/{meeting.pk}/"
    first = _open(page, url)
    second = _second_tab(page, url)

    form = first.locator("#meeting-panel form", has=first.get_by_label("Place"))
    form.get_by_label("Place").fill("Geneva")
    assert _save(first, form) == 200

    form = second.locator("#meeting-panel form", has=second.get_by_label("Place"))
    form.get_by_label("Place").fill("Vienna")
    form.get_by_label("Occasion").fill("Peace talks")
    assert _save(second, form) == 409

    conflict = second.locator("#meeting-panel .stale")
    expect(conflict).to_be_visible()
    expect(conflict).to_be_focused()
    expect(conflict).to_contain_text("Not saved")
    place = conflict.locator("tbody tr", has=second.locator("th", has_text="Place"))
    expect(place.locator("td")).to_have_text(["Vienna", "Geneva"])
    occasion = conflict.locator("tbody tr", has=second.locator("th", has_text="Occasion"))
    expect(occasion.locator("td")).to_have_text(["Peace talks", "—"])
    screenshot(second, "editor-error-concurrent-meeting-edit")
    meeting.refresh_from_db()
    assert (meeting.place, meeting.occasion, meeting.version) == ("Geneva", "", 2)

    assert _save(second, conflict, "Save my version again") == 200

    expect(second.locator("#meeting-panel .stale")).to_have_count(0)
    expect(second.get_by_label("Place")).to_have_value("Vienna")
    meeting.refresh_from_db()
    assert (meeting.place, meeting.occasion, meeting.version) == ("Vienna", "Peace talks", 3)


def test_concurrent_leader_edit_reapplies_only_what_the_second_editor_changed(page):
    leader = LeaderFactory(name="Old Name", country="FR")
    log_in(page, "editor")
    url = f"/review/leaders/{leader.slug}/"
    first = _open(page, url)
    second = _second_tab(page, url)

    form = first.locator("#leader-panel form", has=first.get_by_label("Canonical name (English)"))
    form.get_by_label("Canonical name (English)").fill("New Name")
    assert _save(first, form) == 200

    form = second.locator("#leader-panel form", has=second.get_by_label("Canonical name (English)"))
    form.get_by_label("Country").fill("RO")
    assert _save(second, form) == 409

    conflict = second.locator("#leader-panel .stale")
    name = conflict.locator("tbody tr", has=second.locator("th", has_text="Canonical name"))
    expect(name.locator("td")).to_have_text(["Old Name", "New Name"])
    country = conflict.locator("tbody tr", has=second.locator("th", has_text="Country"))
    expect(country.locator("td")).to_have_text(["RO", "FR"])
    expect(conflict).to_contain_text("you saw “Old Name”, it is now “New Name”")
    screenshot(second, "editor-error-concurrent-leader-edit")

    assert _save(second, conflict, "Save my version again") == 200

    expect(second.locator("#leader-panel .stale")).to_have_count(0)
    leader.refresh_from_db()
    # The other editor's new name stays; this editor's country is applied over it.
    assert (leader.name, leader.country, leader.version) == ("New Name", "RO", 3)


def test_unknown_speaker_is_explained_and_the_typed_text_kept(page):
    statement = StatementFactory(speaker=LeaderFactory(name="Some Speaker"), text="We agree")
    log_in(page, "editor")
    _open(page, f"/review/statements/{statement.pk}/")
    form = page.locator("#statement-panel form", has=page.get_by_label("Speaker"))
    form.get_by_label("Speaker").fill("Nobody Known")
    form.get_by_label("Text").fill("We agree on everything")

    assert _save(page, form) == 400

    form = page.locator("#statement-panel form", has=page.get_by_label("Speaker"))
    expect(form.locator(".field.has-error .error")).to_have_text(
        "No leader by this name. Add them as an alias first."
    )
    expect(form.get_by_label("Speaker")).to_have_value("Nobody Known")
    expect(form.get_by_label("Text")).to_have_value("We agree on everything")
    screenshot(page, "editor-error-unknown-speaker")
    assert Statement.objects.get().text == "We agree"


def test_server_and_network_failures_show_an_alert_next_to_the_form(page):
    meeting = MeetingFactory(place="Paris")
    log_in(page, "editor")
    _open(page, f"/review/meetings/{meeting.pk}/")
    form = page.locator("#meeting-panel form", has=page.get_by_label("Place"))
    form.get_by_label("Place").fill("Versailles")
    alert = page.locator("#meeting-panel .request-error[role=alert]")

    # A crash on the server (the browser is given the 500 answer in its place).
    page.route("**/edit/", lambda route: route.fulfill(status=500, body="Server Error"))
    assert _save(page, form) == 500
    expect(alert).to_contain_text("Not saved. The server failed (HTTP 500).")
    page.unroute("**/edit/")

    # The meeting disappears behind the editor's back: the next save answers 404.
    Meeting.objects.filter(pk=meeting.pk).delete()
    assert _save(page, form) == 404
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("Not saved. This record no longer exists (HTTP 404)")
    expect(form.get_by_label("Place")).to_have_value("Versailles")
    screenshot(page, "editor-error-server-failure")

    # No connection at all.
    page.context.set_offline(True)
    form.get_by_role("button", name="Save", exact=True).click()
    expect(alert).to_contain_text("Not saved. Could not reach the server")
    page.context.set_offline(False)
    alert.get_by_role("button", name="Dismiss").click()
    expect(alert).to_have_count(0)


def test_leader_records_are_untouched_by_a_refused_save(page):
    """A 400 on the leader form (empty name) is shown and changes nothing."""
    leader = LeaderFactory(name="Kept Name", country="FR")
    log_in(page, "editor")
    _open(page, f"/review/leaders/{leader.slug}/")
    form = page.locator("#leader-panel form", has=page.get_by_label("Canonical name (English)"))
    form.get_by_label("Canonical name (English)").fill("")
    form.get_by_label("Country").fill("DE")
    # The browser's own check would stop an empty required field: test the server's.
    form.evaluate("f => f.noValidate = true")

    assert _save(page, form) == 400

    form = page.locator("#leader-panel form", has=page.get_by_label("Canonical name (English)"))
    expect(form.locator(".field.has-error .error")).to_have_text("This field is required.")
    expect(form.get_by_label("Country")).to_have_value("DE")
    assert Leader.objects.values_list("name", "country").get() == ("Kept Name", "FR")
