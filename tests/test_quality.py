"""Editors' work as evaluation data (issue #14): export_gold writes what editors reviewed in
the annotation format score.py reads; the quality page scores the engine on it; the
re-extraction preview says what re-extracting would change, writing nothing."""

import importlib.util
import json
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from diplomacy.articles import services as article_services
from diplomacy.articles.models import Article
from diplomacy.extraction import extract, load_knowledge_base, to_schema
from diplomacy.leaders.data import LEADERS_FILE
from diplomacy.leaders.kb import knowledge_base_from_db
from diplomacy.leaders.models import Leader
from diplomacy.meetings import ingestion, services
from diplomacy.meetings.models import Evidence, Meeting, ReviewStatus, Statement
from diplomacy.review import scoring
from diplomacy.review.gold import file_text, reviewed_articles
from diplomacy.review.machine import machine_view, stored_prediction
from diplomacy.review.quality import _slim, editor_corrections, quality_report
from diplomacy.review.services import meeting_merge
from tests.factories import ArticleFactory, LeaderFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

SCORE_PY = Path(settings.SHARED_DIR) / "eval" / "score.py"
HELDOUT = Path(settings.BASE_DIR) / "bench" / "heldout"

EN = """date 2025-03-12
French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin on Monday to discuss defence spending.
"We have agreed to work together on a common air defence shield for Europe," Macron told reporters after the talks.
On Tuesday, Macron held a phone call with Ukrainian President Volodymyr Zelensky.
Merz said the two countries would present a plan before the summer.
Last June, Macron and Italian Prime Minister Giorgia Meloni met in Rome.
"The future of Europe depends on our unity and on nothing else," Meloni said at the time.
"""  # noqa: E501

FR = """date 2025-04-02
Le président Emmanuel Macron a rencontré le Premier ministre indien Narendra Modi mardi à Paris.
« Nous voulons construire ensemble une industrie de défense commune », a déclaré Macron après l'entretien.
"""  # noqa: E501


def _ingest(text: str) -> Article:
    """Through the real path: stored, then extracted and stored by the ingestion service."""
    article = article_services.article_create(text=text, title=text.splitlines()[1][:40])
    ingestion.article_ingest(article.pk)
    article.refresh_from_db()
    return article


def _meeting(*names: str) -> Meeting:
    wanted = sorted(names)
    found = [
        m for m in Meeting.objects.all() if sorted(p.name for p in m.participants.all()) == wanted
    ]
    assert len(found) == 1, (names, found)
    return found[0]


def _statement(start: str) -> Statement:
    return Statement.objects.get(text__startswith=start)


@pytest.fixture
def editor(roles):
    return UserFactory(username="gold-editor", role="editor")


@pytest.fixture
def ingested(kb):
    en, fr = _ingest(EN), _ingest(FR)
    assert (en.status, en.language, fr.status, fr.language) == ("done", "en", "done", "fr")
    return en, fr


@pytest.fixture
def reviewed(ingested, editor):
    """The English article fully reviewed (one meeting verified, one corrected, one
    rejected; quotes verified, the reported speech rejected); the French one partly (its
    meeting verified, its quotation not)."""
    en, fr = ingested
    berlin = _meeting("Emmanuel Macron", "Friedrich Merz")
    call = _meeting("Emmanuel Macron", "Volodymyr Zelensky")
    rome = _meeting("Emmanuel Macron", "Giorgia Meloni")
    services.meeting_set_status(berlin.pk, ReviewStatus.VERIFIED, by=editor)
    services.meeting_set_status(call.pk, ReviewStatus.REJECTED, by=editor)
    services.meeting_update(
        rome.pk, version=rome.version, seen={}, by=editor,
        fields={"date": date(2024, 6, 14), "date_precision": "day"},
    )  # fmt: skip
    mattarella = Leader.objects.get(name="Sergio Mattarella")
    services.meeting_participant_add(rome.pk, mattarella, by=editor)
    for statement in Statement.objects.filter(article=en):
        status = ReviewStatus.REJECTED if statement.kind == "indirect" else ReviewStatus.VERIFIED
        services.statement_set_status(statement.pk, status, by=editor)
    paris = _meeting("Emmanuel Macron", "Narendra Modi")
    services.meeting_set_status(paris.pk, ReviewStatus.VERIFIED, by=editor)
    return {"en": en, "fr": fr, "berlin": berlin, "call": call, "rome": rome, "paris": paris}


def _export(outdir: Path, *args: str) -> str:
    out = StringIO()
    call_command("export_gold", str(outdir), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _english_annotation(r: dict) -> dict:
    en = r["en"]
    macron = _statement("We have agreed")
    meloni = _statement("The future of Europe")
    return {
        "language": "en",
        "published": "2025-03-12",
        "leaders": [
            {"name": "Emmanuel Macron", "country": "FR", "role": "President of France",
             "mentions": ["Emmanuel Macron", "Macron"]},
            {"name": "Friedrich Merz", "country": "DE", "role": "",
             "mentions": ["Friedrich Merz", "Merz"]},
            {"name": "Volodymyr Zelensky", "country": "UA", "role": "President of Ukraine",
             "mentions": ["Volodymyr Zelensky"]},
            {"name": "Giorgia Meloni", "country": "IT", "role": "Prime Minister of Italy",
             "mentions": ["Giorgia Meloni", "Meloni"]},
            {"name": "Sergio Mattarella", "country": "IT", "role": "President of Italy",
             "mentions": []},
        ],
        "meetings": [
            {"participants": ["Emmanuel Macron", "Friedrich Merz"], "date": "2025-03-10",
             "location": "Berlin, DE", "kind": "bilateral",
             "evidence": EN.splitlines()[1], "reported_as": "current",
             "id": r["berlin"].pk, "review": "verified"},
            {"participants": ["Emmanuel Macron", "Giorgia Meloni", "Sergio Mattarella"],
             "date": "2024-06-14", "location": "Rome, IT", "kind": "bilateral",
             "evidence": EN.splitlines()[5], "reported_as": "past",
             "id": r["rome"].pk, "review": "corrected"},
        ],
        "statements": [
            {"speaker": "Emmanuel Macron",
             "quote_start": "We have agreed to work together on a common air defence shield "
                            "for Europe",
             "kind": "direct", "id": macron.pk, "review": "verified"},
            {"speaker": "Giorgia Meloni",
             "quote_start": "The future of Europe depends on our unity and on nothing else",
             "kind": "direct", "id": meloni.pk, "review": "verified"},
        ],
        "non_meetings": [["Emmanuel Macron", "Volodymyr Zelensky"]],
        "article": en.pk,
        "title": en.title,
        "url": "",
        "complete": True,
    }  # fmt: skip


# --- export_gold ----------------------------------------------------------------------


def test_export_gold_writes_each_fully_reviewed_article_as_text_and_annotation(reviewed, tmp_path):
    en = reviewed["en"]
    said = _export(tmp_path / "gold")
    assert said == (
        f"Wrote 1 reviewed articles (1 fully reviewed) to {tmp_path / 'gold'}: 2 meetings, "
        "1 non-meetings, 2 statements.\n"
    )
    assert sorted(p.name for p in (tmp_path / "gold").iterdir()) == [
        f"article-{en.pk}.json",
        f"article-{en.pk}.txt",
    ]
    assert (tmp_path / "gold" / f"article-{en.pk}.txt").read_text(encoding="utf-8") == EN
    written = json.loads((tmp_path / "gold" / f"article-{en.pk}.json").read_text("utf-8"))
    assert written == _english_annotation(reviewed)


def test_export_gold_partial_takes_partly_reviewed_articles_with_unreviewed_records_marked(
    reviewed, tmp_path
):
    fr = reviewed["fr"]
    _export(tmp_path / "gold", "--partial")
    written = json.loads((tmp_path / "gold" / f"article-{fr.pk}.json").read_text("utf-8"))
    quote = _statement("Nous voulons")
    assert (written["meetings"], written["statements"], written["complete"]) == (
        [{"participants": ["Emmanuel Macron", "Narendra Modi"], "date": "2025-04-01",
          "location": "Paris, FR", "kind": "bilateral", "evidence": FR.splitlines()[1],
          "reported_as": "current", "id": reviewed["paris"].pk, "review": "verified"}],
        [{"speaker": "Emmanuel Macron",
          "quote_start": "Nous voulons construire ensemble une industrie de défense commune",
          "kind": "direct", "id": quote.pk, "review": "unreviewed"}],
        False,
    )  # fmt: skip


def test_export_gold_filters_by_language_and_publication_date(reviewed, tmp_path):
    en, fr = reviewed["en"], reviewed["fr"]
    _export(tmp_path / "fr", "--partial", "--language", "fr")
    _export(tmp_path / "april", "--partial", "--since", "2025-04-01")
    _export(tmp_path / "none", "--since", "2025-04-01")
    assert sorted(p.name for p in (tmp_path / "fr").iterdir()) == [
        f"article-{fr.pk}.json",
        f"article-{fr.pk}.txt",
    ]
    assert sorted(p.name for p in (tmp_path / "april").iterdir()) == [
        f"article-{fr.pk}.json",
        f"article-{fr.pk}.txt",
    ]
    assert list((tmp_path / "none").iterdir()) == []
    assert en.published == date(2025, 3, 12)


def test_export_gold_replaces_its_own_files_and_refuses_a_folder_of_other_annotations(
    reviewed, tmp_path
):
    _export(tmp_path / "gold", "--partial")
    services.meeting_set_status(reviewed["paris"].pk, ReviewStatus.EXTRACTED, by=None)
    _export(tmp_path / "gold", "--partial")  # the French article is no longer reviewed
    assert len(list((tmp_path / "gold").iterdir())) == 2
    (tmp_path / "gold" / "seed.json").write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="holds other files score.py would read"):
        _export(tmp_path / "gold")


def test_exported_text_carries_the_publication_date_the_workers_used():
    marked = Article(text="date 2025-03-12\nMacron met Merz.", published=date(2025, 3, 12))
    corrected = Article(text="date 2025-03-12\nMacron met Merz.", published=date(2025, 3, 19))
    given = Article(text="Macron met Merz on Monday.", published=date(2025, 3, 12))
    undated = Article(text="Macron met Merz on Monday.", published=None)
    assert file_text(marked) == "date 2025-03-12\nMacron met Merz."
    assert file_text(corrected) == "date 2025-03-19\nMacron met Merz."
    assert file_text(given) == "date 2025-03-12\nMacron met Merz on Monday."
    assert file_text(undated) == "Macron met Merz on Monday."


# --- the scorer agrees with score.py --------------------------------------------------


def _score_py():
    if not SCORE_PY.exists():
        pytest.skip(f"../shared is missing: no {SCORE_PY} to compare with (shared)")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _compare_with_score_py(gold_dir: Path, predict) -> dict:
    """Per article, the same counts and the same diff lines; in total the same figures."""
    score_py = _score_py()
    totals = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pred = predict(path.with_suffix(".txt"))
        theirs: list[str] = []
        ours: list[str] = []
        counts = score_py.score_article(gold, pred, theirs)
        assert scoring.score_article(gold, pred, ours) == counts, path.name
        assert ours == theirs, path.name
        totals.append(counts)
    total = scoring.add_counts(totals)
    assert scoring.summarize(total) == score_py.summarize(total)
    return scoring.summarize(total)


def test_scoring_gives_score_py_numbers_on_the_held_out_set():
    kb = load_knowledge_base(LEADERS_FILE)

    def predict(path: Path) -> dict:
        return to_schema(extract(path.read_text(encoding="utf-8"), None, kb), str(path))

    figures = _compare_with_score_py(HELDOUT, predict)
    # Not all ones: the comparison covers misses, spurious records and wrong speakers.
    assert figures["meetings_f1"] < 0.8 and figures["statements_f1"] < 0.95


def test_scoring_gives_score_py_numbers_on_an_exported_set(reviewed, tmp_path):
    _export(tmp_path / "gold", "--partial")
    kb = knowledge_base_from_db()

    def predict(path: Path) -> dict:
        return to_schema(extract(path.read_text(encoding="utf-8"), None, kb), str(path))

    figures = _compare_with_score_py(tmp_path / "gold", predict)
    assert (figures["meetings_p"], figures["meetings_r"], figures["trap_hits"]) == (0.5, 0.667, 1)


def test_score_py_scores_the_export_as_the_quality_page_does(reviewed, tmp_path):
    if not SCORE_PY.exists():
        pytest.skip(f"../shared is missing: no {SCORE_PY} to run (shared)")
    _export(tmp_path / "gold", "--partial")
    # As the evaluation runs: the extract command on an embedded database of its own
    # (migrated and loaded with the knowledge base on first use).
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path}/e.db"}
    run = subprocess.run(
        [sys.executable, str(SCORE_PY), "--gold", str(tmp_path / "gold"), "--json",
         "--cmd", f"{sys.executable} manage.py extract"],
        capture_output=True, text=True, env=env, cwd=settings.BASE_DIR, check=True,
    )  # fmt: skip
    by_score_py = json.loads(run.stdout)
    page = quality_report(reviewed_articles(partial=True)).total.figures
    assert by_score_py == page
    assert (page["meetings_p"], page["meetings_r"], page["meetings_f1"]) == (0.5, 0.667, 0.571)
    assert (page["statements_p"], page["statements_r"], page["trap_hits"]) == (1.0, 1.0, 1)


# --- the quality page -----------------------------------------------------------------


def test_quality_page_shows_precision_and_recall_by_language_and_month(reviewed, editor_client):
    response = editor_client.get(reverse("quality"), {"scope": "partial"})
    assert response.status_code == 200
    report = response.context["report"]
    rows = {
        g.label: (g.articles, g.meetings, g.statements)
        for g in [report.total, *report.languages, *report.months]
    }

    def figures(p, r, f1, matched, gold, predicted):
        return {"p": p, "r": r, "f1": f1, "matched": matched, "gold": gold,
                "predicted": predicted}  # fmt: skip

    english = (1, figures(0.333, 0.5, 0.4, 1, 2, 3), figures(1.0, 1.0, 1.0, 2, 2, 2))
    french = (1, figures(1.0, 1.0, 1.0, 1, 1, 1), figures(1.0, 1.0, 1.0, 1, 1, 1))
    assert rows == {
        "All reviewed articles": (
            2, figures(0.5, 0.667, 0.571, 2, 3, 4), figures(1.0, 1.0, 1.0, 3, 3, 3)
        ),
        "en": english, "fr": french, "2025-03": english, "2025-04": french,
    }  # fmt: skip
    page = response.content.decode()
    assert '<th scope="row">Meetings</th><td>0.500</td><td>0.667</td><td>0.571</td>' in page
    assert "<h2>By language</h2>" in page and "<h2>By month of publication</h2>" in page


def test_quality_page_takes_fully_reviewed_articles_unless_asked(reviewed, editor_client):
    response = editor_client.get(reverse("quality"))
    report = response.context["report"]
    assert [(g.label, g.articles) for g in report.languages] == [("en", 1)]
    assert (response.context["complete"], response.context["partly"]) == (1, 1)
    assert editor_client.get(reverse("quality"), {"scope": "all"}).status_code == 400


def test_quality_page_lists_the_corrections_by_kind_of_error(reviewed, editor_client):
    corrections = editor_client.get(reverse("quality")).context["corrections"]
    assert [(row["kind"], row["records"]) for row in corrections.rows()] == [
        ("rejected", 1),
        ("participant_added", 1),
        ("date", 1),
        ("statement_rejected", 1),
    ]
    # Four meetings and three statements reviewed; the two meetings and two quotations
    # verified as the engine made them.
    assert (corrections.meetings, corrections.statements, corrections.verified_unchanged) == (
        4, 3, 4,
    )  # fmt: skip
    examples = {row["kind"]: [r.pk for _, r in row["examples"]] for row in corrections.rows()}
    assert examples["date"] == [reviewed["rome"].pk]


def test_quality_page_is_for_editors_and_admins(reviewed, analyst_client, admin_client):
    assert analyst_client.get(reverse("quality")).status_code == 403
    assert analyst_client.get(reverse("quality_preview")).status_code == 403
    assert admin_client.get(reverse("quality")).status_code == 200


def test_quality_page_without_reviews_says_how_articles_get_there(kb, editor_client):
    page = editor_client.get(reverse("quality")).content.decode()
    assert "No reviewed article yet" in page


def _reviewed_articles(n: int) -> None:
    for i in range(n):
        article = ArticleFactory(language="en" if i % 2 else "de")
        meeting = MeetingFactory(source=article, participants=[LeaderFactory(), LeaderFactory()])
        services.meeting_set_status(meeting.pk, ReviewStatus.VERIFIED, by=None)


@pytest.mark.parametrize("articles", [1, 10])
def test_quality_page_queries_do_not_grow_with_articles(
    kb, editor_client, django_assert_num_queries, articles
):
    _reviewed_articles(articles)
    editor_client.get(reverse("quality"))  # the engine's output is cached from here on
    with django_assert_num_queries(24):
        response = editor_client.get(reverse("quality"))
    assert response.context["report"].total.articles == articles


# --- what the engine stored, read back from history -----------------------------------


def test_stored_records_are_the_engines_output_whatever_editors_did_since(ingested, editor):
    en, _ = ingested
    engine = _slim(to_schema(extract(EN, None, knowledge_base_from_db()), "en.txt"))
    berlin = _meeting("Emmanuel Macron", "Friedrich Merz")
    call = _meeting("Emmanuel Macron", "Volodymyr Zelensky")
    rome = _meeting("Emmanuel Macron", "Giorgia Meloni")
    meloni = Leader.objects.get(name="Giorgia Meloni")
    services.meeting_participant_remove(rome.pk, meloni.pk, by=editor)
    services.meeting_update(
        rome.pk, version=Meeting.objects.get(pk=rome.pk).version, seen={}, by=editor,
        fields={"place": "Milan", "kind": "visit"},
    )  # fmt: skip
    quote = _statement("The future of Europe")
    services.statement_update(
        quote.pk, version=quote.version, seen={}, by=editor,
        fields={"speaker": Leader.objects.get(name="Emmanuel Macron"), "text": "The future"},
    )  # fmt: skip
    meeting_merge(keep=berlin, drop=call, by=editor)

    (records,) = [r for r in reviewed_articles(partial=True) if r.article.pk == en.pk]
    stored = stored_prediction(records, machine_view([en.pk]))

    def meetings(p):
        return sorted((m["participants"], m["date"], m["location"], m["kind"]) for m in p)

    assert meetings(stored["meetings"]) == meetings(engine["meetings"])
    assert sorted(tuple(s.values()) for s in stored["statements"]) == sorted(
        tuple(s.values()) for s in engine["statements"]
    )
    corrections = editor_corrections([records])
    # The merge made the call part of the talks in Berlin: Zelensky joined them.
    assert [(row["kind"], row["records"]) for row in corrections.rows()] == [
        ("merged", 1),
        ("participant_added", 1),
        ("participant_removed", 1),
        ("place", 1),
        ("kind", 1),
        ("speaker", 1),
        ("text", 1),
    ]


# --- re-extraction, previewed ---------------------------------------------------------


@pytest.fixture
def older_engine(ingested, editor):
    """Records as an older engine stored them: Monday's talks dated Tuesday (an editor
    put the date right), and a second meeting of Macron and Modi that the engine of today
    no longer reads (an editor verified it). Both articles fully reviewed."""
    en, fr = ingested
    berlin = _meeting("Emmanuel Macron", "Friedrich Merz")
    berlin.date, berlin.version = date(2025, 3, 11), berlin.version + 1
    berlin.save()  # as the engine writes: no editor, nothing in edited_fields
    services.meeting_update(
        berlin.pk, version=berlin.version, seen={}, by=editor,
        fields={"date": date(2025, 3, 10)},
    )  # fmt: skip
    macron, modi = Leader.objects.filter(name__in=["Emmanuel Macron", "Narendra Modi"])
    earlier = services.meeting_create(
        [macron, modi], date=date(2025, 2, 1), date_precision="month", kind="bilateral"
    )
    sentence = FR.splitlines()[1]
    start = FR.index(sentence)
    Evidence.objects.create(
        meeting=earlier, article=fr, start=start, end=start + len(sentence), text=sentence
    )
    for meeting in Meeting.objects.filter(status=ReviewStatus.EXTRACTED):
        services.meeting_set_status(meeting.pk, ReviewStatus.VERIFIED, by=editor)
    for statement in Statement.objects.exclude(kind="fragment"):
        services.statement_set_status(statement.pk, ReviewStatus.VERIFIED, by=editor)
    return en, fr


def _rows() -> dict[str, int]:
    """How many rows every table holds, history included."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_reextract_dry_run_shows_gains_and_losses_and_writes_nothing(older_engine):
    en, fr = older_engine
    before = _rows()
    history = list(Meeting.history.values_list("history_id", "version"))
    states = list(Article.objects.values_list("pk", "status", "status_changed_at"))
    out = StringIO()
    call_command("reextract", "--dry-run", stdout=out)
    assert _rows() == before
    assert list(Meeting.history.values_list("history_id", "version")) == history
    assert list(Article.objects.values_list("pk", "status", "status_changed_at")) == states
    lines = out.getvalue().splitlines()
    assert lines[1:3] == [
        "  Stored records   meetings_p 0.800  meetings_r 0.800  meetings_f1 0.800  "
        "statements_p 1.000  statements_r 1.000",
        "  Current engine   meetings_p 1.000  meetings_r 0.800  meetings_f1 0.889  "
        "statements_p 1.000  statements_r 1.000",
    ]
    assert lines[3:5] == [
        "Would lose: 1 articles",
        f"  article {fr.pk} [fr] {fr}: meetings 2->1/2 (spurious 0->0), quotes 1->1/1 "
        "(spurious 0->0)",
    ]
    assert lines[5].startswith("    missed meeting   ['Emmanuel Macron', 'Narendra Modi'] 2025-02")
    assert lines[6:] == [
        "Would gain: 1 articles",
        f"  article {en.pk} [en] {en}: meetings 2->3/3 (spurious 1->0), quotes 2->2/2 "
        "(spurious 0->0)",
        "Dry run: nothing was written.",
    ]


def test_preview_on_the_quality_page_writes_nothing(older_engine, editor_client):
    en, fr = older_engine
    before = _rows()
    response = editor_client.get(reverse("quality_preview"), headers={"HX-Request": "true"})
    assert _rows() == before
    preview = response.context["preview"]
    assert ([c.article.pk for c in preview.losses], [c.article.pk for c in preview.gains]) == (
        [fr.pk],
        [en.pk],
    )
    page = response.content.decode()
    assert "<h3>Would lose: 1 article</h3>" in page and "<h1>" not in page


def test_reextract_without_dry_run_queues_every_article_after_the_preview(
    older_engine, tasks_run_here, django_capture_on_commit_callbacks
):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reextract", stdout=out)
    assert out.getvalue().splitlines()[-1] == "2 articles queued for extraction again."
    # Extracted again: what editors corrected stays.
    berlin = _meeting("Emmanuel Macron", "Friedrich Merz")
    assert (berlin.date, set(Article.objects.values_list("status", flat=True))) == (
        date(2025, 3, 10),
        {"done"},
    )
