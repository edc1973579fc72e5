"""Accent-insensitive search on every database, and quotation fragments kept apart.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL set: "relatiile" finds
"Relațiile", "Romania" finds "România", "grossbritannien" finds "Großbritannien" on the
statement search and on the timeline's text filter, whatever the database.
"""

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.urls import reverse

from diplomacy.articles import services as article_services
from diplomacy.leaders.models import Alias
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Meeting, Statement, search_fold
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db

D = datetime.date
RELATII = "Relațiile dintre țările noastre s-au întărit"
ROMANIA = "România rămâne un partener de încredere"
BRITAIN = "Großbritannien bleibt ein enger Partner"
# Romanian written with the cedilla letters (ţ, ş) older keyboards type instead of ț, ș.
CEDILLA = "Ţările noastre îşi respectă angajamentele"


@pytest.fixture
def quoted():
    speaker = LeaderFactory(name="Klaus Iohannis", country="RO")
    for n, text in enumerate([RELATII, ROMANIA, BRITAIN, CEDILLA]):
        StatementFactory(speaker=speaker, text=text, said_on=D(2025, 9, 3 + n))
    return speaker


def _found(client, q: str) -> list[str]:
    return [s.text for s in client.get(reverse("statements"), {"q": q}).context["statements"]]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("relatiile", [RELATII]),
        ("Relațiile", [RELATII]),
        ("RELATIILE tarile", [RELATII]),
        ("Romania", [ROMANIA]),
        ("România", [ROMANIA]),
        ("grossbritannien", [BRITAIN]),
        ("Großbritannien", [BRITAIN]),
        # ț (comma below) typed, ţ (cedilla) stored, and the other way round.
        ("țările angajamentele", [CEDILLA]),
        ("tarile", [CEDILLA, RELATII]),
    ],
)
def test_statement_search_ignores_accents_case_and_letter_variants(
    analyst_client, quoted, q, expected
):
    assert _found(analyst_client, q) == expected


@pytest.fixture
def places():
    a = LeaderFactory(name="Klaus Iohannis", country="RO")
    b = LeaderFactory(name="Olaf Scholz", country="DE")
    c = LeaderFactory(name="Nicușor Dan", country="RO")
    Alias.objects.create(leader=c, name="Nicușor Dan")  # every leader's name is an alias
    MeetingFactory(participants=[a, b], date=D(2024, 5, 1), place="București", country="RO")
    MeetingFactory(
        participants=[a, b], date=D(2024, 6, 1), place="London", occasion="Staatsbesuch in "
        "Großbritannien",
    )  # fmt: skip
    MeetingFactory(
        participants=[b, c], date=D(2024, 7, 1), place="Berlin", occasion="Summitul "
        "Germania–România",
    )  # fmt: skip


def _places(client, q: str) -> list[str]:
    response = client.get(reverse("timeline"), {"view": "list", "q": q})
    return [m.place for m in response.context["meetings"]]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("bucuresti", ["București"]),
        ("grossbritannien", ["London"]),
        ("Großbritannien", ["London"]),
        ("Romania", ["Berlin"]),
        ("germania romania", ["Berlin"]),
        # A participant by a name written without its accents (one of their aliases).
        ("nicusor", ["Berlin"]),
        ("Scholz", ["Berlin", "London", "București"]),
    ],
)
def test_timeline_text_filter_ignores_accents(analyst_client, places, q, expected):
    assert _places(analyst_client, q) == expected


# --- every write keeps the folded column in step --------------------------------------


def test_saving_a_statement_or_a_meeting_folds_its_text():
    statement = StatementFactory(text="Relațiile s-au întărit")
    meeting = MeetingFactory(place="Brașov", occasion="Întâlnirea de la Großbritannien")
    assert statement.search_folded == "relatiile s au intarit"
    assert meeting.search_folded == "brasov intalnirea de la grossbritannien"
    statement.text = "Ţara noastră"
    statement.save(update_fields=["text"])
    meeting.occasion = ""
    meeting.save(update_fields=["occasion"])
    assert Statement.objects.get(pk=statement.pk).search_folded == "tara noastra"
    assert Meeting.objects.get(pk=meeting.pk).search_folded == "brasov"


def test_an_editors_correction_of_a_statement_is_searchable_without_accents(
    analyst_client, editor_client
):
    statement = StatementFactory(text="Relatiile noastre", speaker__name="Klaus Iohannis")
    response = editor_client.post(
        reverse("statement_edit", args=[statement.pk]),
        {
            "text": "Cooperarea dintre țări s-a consolidat",
            "kind": "direct",
            "meeting": "",
            "speaker_name": "Klaus Iohannis",
            "version": statement.version,
        },
    )
    assert response.status_code == 302
    assert _found(analyst_client, "tari consolidat") == ["Cooperarea dintre țări s-a consolidat"]


def test_a_statement_changed_in_the_admin_is_searchable_without_accents(admin_client):
    statement = StatementFactory(text="Old words")
    data = {
        "speaker": statement.speaker_id,
        "text": "Întâlnirea a fost foarte bună",
        "kind": "direct",
        "language": "ro",
        "said_on": "2025-09-03",
        "article": statement.article_id,
        "meeting": "",
        "start": statement.start,
        "end": statement.end,
        "status": "extracted",
        "confidence": "0.9",
        "edited_fields": "[]",
        "version": statement.version,
    }
    response = admin_client.post(
        reverse("admin:meetings_statement_change", args=[statement.pk]), data
    )
    assert response.status_code == 302
    assert Statement.objects.get(pk=statement.pk).search_folded == "intalnirea a fost foarte buna"


def test_extracted_statements_are_stored_folded(kb, seed_text):
    article = article_services.article_create(text=seed_text)
    ingestion.article_ingest(article.pk)
    stored = Statement.objects.filter(article=article)
    assert stored.exists()
    assert [s.search_folded for s in stored] == [search_fold(s.text) for s in stored]


def test_the_migration_folds_rows_stored_before_it():
    statement = StatementFactory(text="Relațiile dintre țări")
    meeting = MeetingFactory(place="Iași", occasion="Vizită în România")
    Statement.objects.update(search_folded="")
    Meeting.objects.update(search_folded="")
    migration = importlib.import_module("diplomacy.meetings.migrations.0010_search_folded")
    migration.forward(apps, None)
    assert Statement.objects.get(pk=statement.pk).search_folded == "relatiile dintre tari"
    assert Meeting.objects.get(pk=meeting.pk).search_folded == "iasi vizita in romania"


def test_the_migration_makes_unreviewed_one_and_two_word_quotations_fragments():
    text = (
        "Putin a lăudat „curajul” și „eroismul” soldaților, o „période d'incertitude”, "
        "un dialog „bun și sincer”. Întrebat de Kiev, a răspuns: „Da, curând”."
    )
    article = ArticleFactory(text=text)

    def quoted(words: str, **fields) -> Statement:
        start = text.index(words)
        return StatementFactory(
            article=article, text=words, kind="direct", start=start, end=start + len(words),
            **fields,
        )  # fmt: skip

    stored = [
        quoted("curajul"),
        quoted("période d'incertitude"),
        quoted("bun și sincer"),
        quoted("eroismul", edited_fields=["text"]),
        quoted("Da, curând"),
    ]
    migration = importlib.import_module("diplomacy.meetings.migrations.0010_search_folded")
    migration.forward(apps, None)
    kinds = dict(Statement.objects.values_list("pk", "kind"))
    # Inside the narration: fragments; three words, an editor's, a short answer: kept.
    assert [kinds[s.pk] for s in stored] == ["fragment", "fragment", "direct", "direct", "direct"]


# --- fragments: highlights, not statements ---------------------------------------------


@pytest.fixture
def with_fragment():
    putin = LeaderFactory(name="Vladimir Putin", country="RU")
    article = ArticleFactory(title="Parada de la Beijing")
    StatementFactory(speaker=putin, article=article, text="curajul", kind="fragment", start=5)
    StatementFactory(
        speaker=putin, article=article, text="Mă bucur să am ocazia să vă întâlnesc", start=50
    )
    return article


def test_fragments_are_not_in_the_statement_results_but_found_as_highlights(
    analyst_client, with_fragment
):
    response = analyst_client.get(reverse("statements"), {"q": "curajul"})
    assert [s.text for s in response.context["statements"]] == []
    assert [s.text for s in response.context["highlights"]] == ["curajul"]
    assert "Highlights" in response.content.decode()
    everything = analyst_client.get(reverse("statements"))
    assert [s.text for s in everything.context["statements"]] == [
        "Mă bucur să am ocazia să vă întâlnesc"
    ]


def test_fragments_are_neither_exported_nor_queued_for_review(
    analyst_client, editor_client, with_fragment
):
    response = analyst_client.get(reverse("export_statements", args=["json"]))
    exported = json.loads(b"".join(response.streaming_content))
    assert [s["text"] for s in exported] == ["Mă bucur să am ocazia să vă întâlnesc"]
    queue = editor_client.get(reverse("review"), {"type": "statements"})
    assert queue.context["counts"]["statements"] == 1
    assert [s.text for s in queue.context["items"]] == ["Mă bucur să am ocazia să vă întâlnesc"]


def test_article_page_shows_fragments_as_highlights_apart_from_statements(
    analyst_client, with_fragment
):
    response = analyst_client.get(with_fragment.get_absolute_url())
    assert [s.text for s in response.context["statements"]] == [
        "Mă bucur să am ocazia să vă întâlnesc"
    ]
    assert [s.text for s in response.context["highlights"]] == ["curajul"]


def test_extraction_stores_fragments_apart(kb, seed_text):
    article = article_services.article_create(text=seed_text)
    ingestion.article_ingest(article.pk)
    fragments = Statement.objects.filter(article=article, kind="fragment").order_by("start")
    assert [(s.speaker.name, s.text) for s in fragments] == [
        ("Vladimir Putin", "curajul"),
        ("Vladimir Putin", "eroismul"),
        ("Kim Jong Un", "consolidat semnificativ"),
    ]
    assert list(Statement.objects.visible().filter(kind="fragment")) == []
