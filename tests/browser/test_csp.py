"""Every page works under the strict Content Security Policy: no violation in the console."""

import pytest

from diplomacy.articles import services
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Meeting, Statement
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_page_violates_the_content_security_policy(page, kb, seed_text):
    article = services.article_create(text=seed_text)
    ingestion.article_ingest(article.pk)
    meeting = Meeting.objects.first()
    statement = Statement.objects.first()
    leader = meeting.participants.first()
    log_in(page, "admin")
    urls = [
        "/", "/?view=list", "/network/", "/map/", "/statements/?q=lideri", "/articles/",
        "/articles/new/",
        f"/articles/{article.pk}/", f"/meetings/{meeting.pk}/", f"/leaders/{leader.slug}/",
        "/review/", f"/review/meetings/{meeting.pk}/", f"/review/statements/{statement.pk}/",
        f"/review/leaders/{leader.slug}/", "/review/quality/", "/review/quality/preview/",
        "/articles/feeds/", "/admin/",
        "/admin/meetings/meeting/", f"/admin/meetings/meeting/{meeting.pk}/change/",
        f"/admin/leaders/leader/{leader.pk}/change/",
    ]  # fmt: skip
    seen = {}
    for url in urls:
        response = page.goto(page.base_url + url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        seen[url] = list(page.console_errors)
        page.console_errors.clear()
    # The network graph drew under the policy too.
    page.goto(page.base_url + "/network/")
    page.wait_for_selector("#network-graph[data-nodes]")
    seen["/network/ (drawn)"] = list(page.console_errors)
    page.console_errors.clear()
    # The timeline chart drew (d3, its tooltip placed through the CSSOM) under it too.
    page.goto(page.base_url + "/")
    page.wait_for_selector("section.timeline-chart[data-loaded]")
    page.hover("a.mark >> nth=0")
    page.wait_for_selector(".chart-tip:not([hidden])")
    seen["/ (drawn)"] = list(page.console_errors)
    page.goto(page.base_url + "/map/")
    page.wait_for_selector("#map[data-dots]")
    seen["/map/ (drawn)"] = list(page.console_errors)
    assert {url: errors for url, errors in seen.items() if errors} == {}
