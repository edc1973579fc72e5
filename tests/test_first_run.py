"""A fresh install: the demo data shipped in data/ (load_demo), and what an empty one says."""

import hashlib
import json
import re
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from diplomacy.articles.models import Article
from diplomacy.leaders.models import Leader
from diplomacy.meetings.management.commands.load_demo import DEMO_DIR, RECORD_FILES
from diplomacy.meetings.models import Evidence, Meeting
from tests.factories import MeetingFactory

# The records of the shipped files, as the data README lists them.
SHIPPED = {
    "visits_us.jsonl": (3264, "c9bc893e0d79c664292da36d6dfad44e663bb96fa4ef95ca6d2cac2643c95f6f"),
    "travels_us.jsonl": (4271, "588e8815855862a5041a6817d53831c682fb5ae0784b3df3352a2dbc2f9f3576"),
}
RECORDS_TAKEN = 25


@pytest.fixture
def no_shared(tmp_path, monkeypatch, settings):
    """Nothing beside the clone: the shared folder is an empty one."""
    empty = tmp_path / "shared"
    empty.mkdir()
    monkeypatch.setenv("DIPLOMACY_SHARED_DIR", str(empty))
    settings.SHARED_DIR = empty
    return empty


@pytest.fixture
def demo_data(tmp_path):
    """data/ as shipped, with the last records of each file only (the whole of it takes a
    minute to import: measured in the report, not in every test run)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in RECORD_FILES:
        lines = (DEMO_DIR / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / name).write_text("".join(lines[-RECORDS_TAKEN:]), encoding="utf-8")
    shutil.copytree(DEMO_DIR / "articles", folder / "articles")
    return folder


def _counts() -> dict:
    return {
        "meetings": Meeting.objects.count(),
        "evidence": Evidence.objects.count(),
        "articles": Article.objects.count(),
        "leaders": Leader.objects.count(),
    }


def test_shipped_record_files_are_the_documented_ones():
    for name, (records, sha256) in SHIPPED.items():
        data = (DEMO_DIR / name).read_bytes()
        assert (data.count(b"\n"), hashlib.sha256(data).hexdigest()) == (records, sha256)
    assert "CC0 1.0" in (DEMO_DIR / "README.md").read_text(encoding="utf-8")


def test_shipped_articles_start_with_their_date_and_cover_eight_languages():
    articles = sorted((DEMO_DIR / "articles").glob("*.txt"))
    languages = {path.name.split("-")[0] for path in articles}
    assert languages == {"en", "fr", "de", "es", "ro", "ru", "it", "pt"}
    for path in articles:
        assert re.match(r"date \d{4}-\d{2}-\d{2}\n", path.read_text(encoding="utf-8"))


def test_load_demo_fills_the_timeline_without_the_shared_folder(
    kb, no_shared, demo_data, analyst_client, django_capture_on_commit_callbacks, tasks_run_here
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", data=demo_data)
    assert list(no_shared.iterdir()) == []
    imported = Evidence.objects.exclude(record="").values_list("record", flat=True)
    assert {record.split("-")[0] for record in imported} == {"visits", "travels"}
    articles = Article.objects.all()
    assert (articles.count(), {a.status for a in articles}) == (8, {Article.Status.DONE})
    # Each example article gives the meeting it is about.
    read = Meeting.objects.filter(evidence__article__isnull=False).distinct()
    pairs = {frozenset(p.name for p in m.participants.all()) for m in read}
    assert {
        frozenset({"Joe Biden", "Xi Jinping"}),
        frozenset({"Olaf Scholz", "Vladimir Putin"}),
        frozenset({"Klaus Iohannis", "Donald Trump"}),
        frozenset({"Vladimir Putin", "Xi Jinping"}),
    } <= pairs

    page = analyst_client.get(reverse("timeline"), {"view": "list"}).content.decode()
    assert page.count('<article class="meeting') == 50
    assert "Nothing here yet" not in page


def test_load_demo_twice_changes_nothing(
    kb, no_shared, demo_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", data=demo_data)
    first = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", data=demo_data)
    assert first["meetings"] > RECORDS_TAKEN
    assert _counts() == first


def test_load_demo_loads_the_knowledge_base_when_it_is_missing(db, tmp_path):
    Leader.objects.all().delete()
    folder = tmp_path / "data"
    (folder / "articles").mkdir(parents=True)
    record = json.loads((DEMO_DIR / "visits_us.jsonl").read_text().splitlines()[-1])
    (folder / "visits_us.jsonl").write_text(json.dumps(record) + "\n")
    call_command("load_demo", data=folder)
    host = Meeting.objects.get().participants.get(country="US")
    assert (host.name, host.known) == ("Joe Biden", True)


def test_makefile_runs_load_demo_after_load_kb():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    steps = re.findall(r"manage\.py (\w+)", run)
    assert steps[:3] == ["migrate", "load_kb", "load_demo"]


# --- an empty install says what to do ----------------------------------------------


def test_empty_timeline_tells_an_admin_to_upload_or_import(admin_client):
    page = admin_client.get(reverse("timeline")).content.decode()
    assert "Nothing here yet" in page
    assert f'<a href="{reverse("article_upload")}">Upload articles</a>' in page
    assert "manage.py import_visits" in page
    assert "No meetings match" not in page


def test_empty_timeline_tells_an_analyst_who_can_upload(analyst_client):
    page = analyst_client.get(reverse("timeline")).content.decode()
    assert "Nothing here yet" in page
    assert "Ask an administrator to upload articles." in page
    assert reverse("article_upload") not in page


def test_a_filter_that_matches_nothing_still_says_no_meetings_match(analyst_client):
    MeetingFactory(kind=Meeting.Kind.BILATERAL)
    page = analyst_client.get(
        reverse("timeline"), {"view": "list", "kind": "call"}
    ).content.decode()
    assert "No meetings match." in page
    assert "Nothing here yet" not in page
