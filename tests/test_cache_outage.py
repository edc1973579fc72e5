"""The shared cache is an optimisation only: with its Redis down, every analyst page
answers from the database; with the broker down, feeds are stored all the same.

Against a real Redis of this test's own (port 6391), configured as settings.py
configures a deployment with CACHE_URL, shut down mid-test as an outage would.
"""

import importlib.util
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from diplomacy.articles.models import Feed
from diplomacy.meetings.services import meeting_update
from tests.factories import LeaderFactory, MeetingFactory, StatementFactory
from tests.workers import wait_for

pytestmark = pytest.mark.django_db
PORT = 6391
REDIS_URL = f"redis://127.0.0.1:{PORT}"


def _redis_cli(*args: str) -> str:
    run = subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", str(PORT), *args], capture_output=True, text=True
    )
    return run.stdout.strip()


def _redis_stop() -> None:
    _redis_cli("shutdown", "nosave")
    wait_for(lambda: _redis_cli("ping") != "PONG", 10)


@pytest.fixture
def own_redis(tmp_path):
    """A Redis for this test alone; shut down at the end whatever happened."""
    subprocess.run(
        ["redis-server", "--port", str(PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "yes", "--dir", str(tmp_path)],
        check=True, capture_output=True,
    )  # fmt: skip
    wait_for(lambda: _redis_cli("ping") == "PONG", 10)
    yield
    if _redis_cli("ping") == "PONG":
        _redis_stop()


def deployment_caches(monkeypatch, cache_url: str) -> dict:
    """CACHES exactly as settings.py builds them for a deployment with CACHE_URL."""
    monkeypatch.setenv("CACHE_URL", cache_url)
    path = Path(django_settings.BASE_DIR) / "diplomacy" / "settings.py"
    spec = importlib.util.spec_from_file_location("settings_with_cache_url", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CACHES


@pytest.fixture
def redis_cache(own_redis, monkeypatch, settings):
    settings.CACHES = deployment_caches(monkeypatch, f"{REDIS_URL}/0")


# The list of meetings (`/` is the chart, whose meetings come from /timeline/data).
LIST = reverse("timeline") + "?view=list"


@pytest.fixture
def pages():
    """Every analyst page, with data on it."""
    alma = LeaderFactory(name="Alma Aster", slug="alma-aster", country="RO")
    bruno = LeaderFactory(name="Bruno Bellweather", country="FR")
    meeting = MeetingFactory(participants=[alma, bruno], place="Geneva")
    StatementFactory(speaker=alma, meeting=meeting, text="We will build the bridge together")
    urls = [
        reverse("timeline"), reverse("timeline") + "?leader=Alma+Aster&kind=bilateral",
        LIST, reverse("timeline_data") + "?leader=alma-aster&start=2000-01-01&end=2100-12-31",
        reverse("timeline") + "?date_from=2000-01-01&date_to=2100-12-31",
        reverse("network"), reverse("network") + "?country=RO&sort=last",
        reverse("network") + "?ego=alma-aster", reverse("map"),
        reverse("map") + "?at=place:CH:Geneva&date_from=2000-01-01",
        reverse("statements"), reverse("statements") + "?q=bridge",
        alma.get_absolute_url(), meeting.get_absolute_url(),
        reverse("api_meetings"), reverse("api_meetings") + "?leader=alma-aster&limit=5",
        reverse("api_statements"), reverse("api_leaders") + "?q=alma",
        reverse("export_meetings", args=["csv"]), reverse("export_statements", args=["json"]),
        reverse("leader_autocomplete") + "?leader=Alm",
    ]  # fmt: skip
    return meeting, urls


def _text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_every_analyst_page_answers_from_the_database_with_the_cache_down(
    analyst_client, redis_cache, pages
):
    meeting, urls = pages
    for url in urls:
        assert analyst_client.get(url).status_code == 200, url
    assert int(_redis_cli("dbsize")) > 0  # the pages were cached in this Redis
    _redis_stop()
    meeting_update(meeting.pk, version=meeting.version, fields={"place": "Lausanne"}, seen={},
                   by=None)  # fmt: skip
    answers = {url: analyst_client.get(url) for url in urls}
    assert {url: r.status_code for url, r in answers.items()} == dict.fromkeys(urls, 200)
    # Read from the database: the change made during the outage shows.
    for url in (LIST, reverse("api_meetings"), meeting.get_absolute_url()):
        assert "Lausanne" in _text(answers[url]), url
    htmx = analyst_client.get(LIST, headers={"HX-Request": "true"})
    assert (htmx.status_code, "Lausanne" in htmx.content.decode()) == (200, True)


def test_pages_come_back_to_the_cache_when_redis_does(analyst_client, redis_cache, pages, settings):
    from django.core.cache import cache

    _, urls = pages
    _redis_stop()
    assert analyst_client.get(urls[0]).status_code == 200
    subprocess.run(
        ["redis-server", "--port", str(PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "yes"],
        check=True, capture_output=True, cwd="/tmp",
    )  # fmt: skip
    wait_for(lambda: _redis_cli("ping") == "PONG", 10)
    cache._down_until = 0  # as if the few seconds of RETRY_SECONDS had passed
    assert analyst_client.get(urls[0]).status_code == 200
    assert int(_redis_cli("dbsize")) > 0


@pytest.fixture
def broker_down(own_redis):
    """Celery publishing to a real Redis broker that is down, as in production during an
    outage (the tests otherwise run tasks eagerly)."""
    from diplomacy.celery import app

    _redis_stop()
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager, app.conf.broker_url = False, f"{REDIS_URL}/1"
    app._after_fork()  # forget any connection pool made for another broker
    yield
    app.conf.task_always_eager, app.conf.broker_url = saved
    app._after_fork()


def test_feeds_are_stored_and_polled_later_with_the_broker_down(
    admin_client, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribed = admin_client.post(reverse("feeds"), {"url": "https://example.org/rss"})
    assert subscribed.status_code == 302
    feed = Feed.objects.get()
    assert (feed.url, feed.active) == ("https://example.org/rss", True)  # beat polls it
    with django_capture_on_commit_callbacks(execute=True):
        polled = admin_client.post(reverse("feed_poll", args=[feed.pk]))
    assert polled.status_code == 302


def test_parameters_a_page_does_not_read_make_no_new_cache_entries(
    analyst_client, redis_cache, pages
):
    _, urls = pages
    cached = [url for url in urls if "export" not in url and "autocomplete" not in url]
    for url in cached:
        assert analyst_client.get(url).status_code == 200
    entries = int(_redis_cli("dbsize"))
    for n in range(10):
        for url in cached:
            junk = f"utm_source=mail{n}&x{n}=%00&_={time.time_ns()}"
            response = analyst_client.get(url + ("&" if "?" in url else "?") + junk)
            assert response.status_code == 200
    # The same filters written another way: the same entries.
    analyst_client.get(reverse("timeline") + "?kind=bilateral&leader=Alma+Aster")
    analyst_client.get(reverse("timeline") + "?leader=+Alma+Aster+&kind=bilateral&date_to=")
    analyst_client.get(reverse("api_meetings") + "?limit=5&leader=alma-aster")
    assert int(_redis_cli("dbsize")) == entries


def test_a_full_cache_that_refuses_writes_is_only_a_miss(analyst_client, redis_cache, pages):
    """A Redis at its maxmemory without an eviction policy answers every write with an
    OOM error (docs/deploy.md sets allkeys-lru so that it evicts instead): the pages
    still answer, from the database."""
    _, urls = pages
    _redis_cli("config", "set", "maxmemory-policy", "noeviction")
    _redis_cli("config", "set", "maxmemory", "1")
    assert _redis_cli("set", "probe", "x").startswith("OOM")
    for url in urls:
        assert analyst_client.get(url).status_code == 200, url
    assert int(_redis_cli("dbsize")) == 0
