"""The management commands that `make run` and the evaluation use."""

import json
import re
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from diplomacy.leaders.models import Alias, Leader, normalize_name

pytestmark = pytest.mark.django_db


def test_demo_users_are_printed_and_can_log_in(roles):
    out = StringIO()
    call_command("create_demo_users", stdout=out)
    found = re.findall(r"username: (\w+)\s+password: (\S+)", out.getvalue())
    assert [name for name, _ in found] == ["analyst", "editor", "admin"]
    for name, password in found:
        # As the login page does it: with the request (login throttling looks at it).
        user = authenticate(RequestFactory().post("/login/"), username=name, password=password)
        assert user is not None
        assert [g.name for g in user.groups.all()] == [name]


def test_loading_the_knowledge_base_twice_changes_nothing(db):
    call_command("load_kb", stdout=StringIO())
    counts = (Leader.objects.count(), Alias.objects.count())
    call_command("load_kb", stdout=StringIO())
    assert (Leader.objects.count(), Alias.objects.count()) == counts
    assert counts[0] > 0


def test_knowledge_base_names_every_leader_of_the_dev_corpus(kb):
    annotated = {
        leader["name"]
        for path in (settings.SHARED_DIR / "corpus" / "dev").glob("*.json")
        for leader in json.loads(path.read_text(encoding="utf-8"))["leaders"]
    }
    # As the scorer compares names: accents and case aside.
    on_record = {normalize_name(name) for name in Leader.objects.values_list("name", flat=True)}
    assert {name for name in annotated if normalize_name(name) not in on_record} == set()


def test_alias_added_in_the_database_is_used_by_extraction(kb):
    from diplomacy.extraction import extract
    from diplomacy.leaders.kb import knowledge_base_from_db

    text = "date 2025-05-06 Barnaby Quillfeather met Putin in Moscow on Monday."
    before = extract(text, None, knowledge_base_from_db())
    # Before the alias, the name is nobody the knowledge base knows.
    assert {leader.name for leader in before.leaders if leader.known} == {"Vladimir Putin"}
    Alias.objects.create(leader=Leader.objects.get(name="Xi Jinping"), name="Barnaby Quillfeather")
    after = extract(text, None, knowledge_base_from_db())
    assert {leader.name for leader in after.leaders} == {"Vladimir Putin", "Xi Jinping"}


HTML_ARTICLE = """<!doctype html><html><head><title>Talks in Rome</title>
<meta property="article:published_time" content="2025-03-12T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks in Rome</h1>
<p>Italian Prime Minister Giorgia Meloni met Emmanuel Macron in Rome on Monday for talks
on defence spending, energy prices and the war in Ukraine, officials said.</p>
<p>The two leaders spoke for two hours and agreed to meet again before the summer.</p>
</article><footer>Copyright</footer></body></html>"""


def test_extract_command_prints_one_json_object_per_file(tmp_path):
    text_file = tmp_path / "a.txt"
    text_file.write_text(
        "date 2025-05-06 Putin met Xi Jinping in Moscow on Monday.", encoding="utf-8"
    )
    html_file = tmp_path / "b.html"
    html_file.write_text(HTML_ARTICLE, encoding="utf-8")
    # As the evaluation runs it: no DEBUG, no SECRET_KEY, an embedded database never migrated.
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path}/e.db"}
    run = subprocess.run(
        [sys.executable, "manage.py", "extract", str(text_file), str(html_file)],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
    )
    from_text, from_html = (json.loads(line) for line in run.stdout.splitlines())
    assert (from_text["file"], from_text["published"]) == (str(text_file), "2025-05-06")
    assert sorted(leader["name"] for leader in from_text["leaders"]) == [
        "Vladimir Putin",
        "Xi Jinping",
    ]
    assert [(sorted(m["participants"]), m["date"]) for m in from_text["meetings"]] == [
        (["Vladimir Putin", "Xi Jinping"], "2025-05-05")
    ]
    assert (from_html["file"], from_html["published"]) == (str(html_file), "2025-03-12")
    assert [
        (sorted(m["participants"]), m["date"], m["location"]["name"]) for m in from_html["meetings"]
    ] == [(["Emmanuel Macron", "Giorgia Meloni"], "2025-03-10", "Rome")]


def test_server_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path}/e.db"}
    run = subprocess.run(
        [sys.executable, "manage.py", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
    )
    assert run.returncode == 1
    assert "diplomacy.E001" in run.stderr
    assert "SECRET_KEY is not set." in run.stderr


def test_reloading_corrects_an_office_the_data_file_lists(db, tmp_path):
    from diplomacy.leaders.models import Office

    line = (
        '{"key": "Q1", "name": "Ana Example", "country": "RO", "aliases": [], "offices": '
        '[{"title": "Prime Minister of Romania", "role": "head_of_government", "country": "RO", '
        '"start": "2023-06-15", "end": %s}]}\n'
    )
    data = tmp_path / "leaders.jsonl"
    data.write_text(line % "null", encoding="utf-8")
    call_command("load_kb", file=data, stdout=StringIO())
    data.write_text(line % '"2025-06-23"', encoding="utf-8")
    call_command("load_kb", file=data, stdout=StringIO())
    offices = Office.objects.filter(leader__key="Q1")  # beside the session's knowledge base
    assert [(o.start.isoformat(), o.end.isoformat()) for o in offices] == [
        ("2023-06-15", "2025-06-23")
    ]
