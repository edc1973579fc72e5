"""One meeting, however many workers read about it at once: reports of the same meeting
extracted side by side by two real Celery worker processes (Redis, PostgreSQL) end as one
meeting with every report's evidence, never as twins, and the pair counts stay exact.

(tests.workers is imported as a module: a test module holding ``Worker`` is marked as
needing the real stack as a whole, and the first test here runs anywhere.)"""

import threading
import time
from itertools import combinations
from pathlib import Path

import psycopg
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from diplomacy.articles import services
from diplomacy.articles.models import Article
from diplomacy.articles.reading import ArticleText
from diplomacy.extraction import extract
from diplomacy.leaders.kb import knowledge_base_from_db
from diplomacy.meetings import ingestion
from diplomacy.meetings.models import Meeting, PairCount
from diplomacy.meetings.pairs import pairs_rebuild
from diplomacy.meetings.services import dates_compatible, extraction_store, places_compatible
from tests import workers

# Five meetings, four reports of each in other words (one of them gives only the month).
# Macron and Meloni meet twice: two meetings of the same people on other days stay two.
REPORTS = [
    "date 2025-03-04 Emmanuel Macron met Giorgia Meloni in Rome on Tuesday. The two leaders "
    "talked about defence spending and the war in Ukraine.",
    "date 2025-03-05 Giorgia Meloni received Emmanuel Macron in Rome on Tuesday for a working "
    'dinner. "We see the same dangers," Meloni said afterwards.',
    "date 2025-03-05 French President Emmanuel Macron held talks with Giorgia Meloni in Rome "
    "yesterday, aides said, and both promised closer cooperation on migration.",
    'date 2025-03-06 Emmanuel Macron and Giorgia Meloni met on 4 March in Rome. "Europe must '
    'be able to defend itself," Macron told reporters after the meeting.',
    "date 2025-06-17 Emmanuel Macron met Giorgia Meloni in Paris on Tuesday to discuss tariffs "
    "and the budget of the European Union.",
    "date 2025-06-18 Giorgia Meloni held talks with Emmanuel Macron in Paris on Tuesday. "
    '"We are not always in agreement, but we talk," Meloni said.',
    "date 2025-06-18 Emmanuel Macron hosted Giorgia Meloni at the Elysee in Paris yesterday; "
    "the two leaders met for two hours.",
    "date 2025-06-20 Emmanuel Macron and Giorgia Meloni met in Paris on 17 June, their second "
    "meeting this year, and spoke about the Middle East.",
    "date 2025-04-10 Keir Starmer met Donald Tusk in Warsaw on Thursday for talks on security. "
    '"Poland can count on Britain," Starmer said.',
    "date 2025-04-11 Donald Tusk welcomed Keir Starmer in Warsaw on Thursday; the two prime "
    "ministers met to sign a defence treaty.",
    "date 2025-04-11 Keir Starmer held talks with Donald Tusk in Warsaw yesterday about air "
    "defence and trade.",
    "date 2025-04-30 Keir Starmer met Donald Tusk in Warsaw earlier this month to sign a "
    "defence treaty.",
    "date 2025-05-22 Narendra Modi met Anthony Albanese in New Delhi on Thursday to talk about "
    "trade and clean energy.",
    "date 2025-05-23 Anthony Albanese held talks with Narendra Modi in New Delhi on Thursday. "
    '"Our partnership has never been stronger," Albanese said.',
    "date 2025-05-23 Narendra Modi received Anthony Albanese in New Delhi yesterday; the two "
    "leaders met for talks on critical minerals.",
    "date 2025-05-30 Narendra Modi and Anthony Albanese met in New Delhi in May and agreed to "
    "hold a summit every year.",
    "date 2025-07-01 Pedro Sánchez met Luiz Inácio Lula da Silva in Madrid on Tuesday. The two "
    "leaders discussed the trade agreement between Europe and South America.",
    'date 2025-07-02 Lula held talks with Pedro Sánchez in Madrid on Tuesday. "Spain is our '
    'door to Europe," Lula said after the meeting.',
    "date 2025-07-02 Pedro Sánchez received Luiz Inácio Lula da Silva in Madrid yesterday, and "
    "the two leaders met for a working lunch.",
    "date 2025-07-04 Pedro Sánchez and Lula met in Madrid on 1 July to talk about climate finance.",
]

# (participants, date, place, articles reporting it): what the twenty reports make.
MEETINGS = [
    (("Anthony Albanese", "Narendra Modi"), "2025-05-22", "New Delhi", 4),
    (("Donald Tusk", "Keir Starmer"), "2025-04-10", "Warsaw", 4),
    (("Emmanuel Macron", "Giorgia Meloni"), "2025-03-04", "Rome", 4),
    (("Emmanuel Macron", "Giorgia Meloni"), "2025-06-17", "Paris", 4),
    (("Luiz Inacio Lula da Silva", "Pedro Sanchez"), "2025-07-01", "Madrid", 4),
]


# The queries of storing one article that reports one new meeting and no quotation (one of
# them keeps the timeline's month counts in step).
STORE_QUERIES = 15


def twins() -> list[tuple[int, int]]:
    """Pairs of visible meetings that are one meeting twice: the same participants on
    compatible dates (at whatever precision) and compatible places."""
    visible = Meeting.objects.visible().prefetch_related("participations").order_by("pk")
    people = {m.pk: {p.leader_id for p in m.participations.all()} for m in visible}
    return [
        (a.pk, b.pk)
        for a, b in combinations(visible, 2)
        if people[a.pk] == people[b.pk]
        and dates_compatible(a.date, a.date_precision, b.date, b.date_precision)
        and places_compatible(a.place, b.place)
    ]


def meetings() -> list[tuple]:
    return sorted(
        (
            tuple(sorted(m.participants.values_list("name", flat=True))),
            m.date.isoformat(),
            m.place,
            m.evidence.values("article").distinct().count(),
        )
        for m in Meeting.objects.visible()
    )


def pair_counts_and_recount() -> tuple[set, set]:
    """The pair counts the writes kept, and the same counted again from the meetings."""
    kept = set(PairCount.objects.values_list("leader_a", "leader_b", "month", "meetings", "last"))
    pairs_rebuild()
    recount = set(
        PairCount.objects.values_list("leader_a", "leader_b", "month", "meetings", "last")
    )
    return kept, recount


def upload_at_once() -> None:
    """The twenty reports in one upload, the reports of each meeting side by side, so
    that the two workers (one task each at a time) take two reports of one meeting."""
    results = services.articles_create([ArticleText(text=text) for text in REPORTS])
    assert [type(r) for r in results] == [Article] * len(REPORTS)


@pytest.mark.django_db
def test_twenty_reports_one_after_another_make_five_meetings(kb):
    upload_at_once()
    for article in Article.objects.order_by("pk"):
        ingestion.article_ingest(article.pk)
    assert Article.objects.exclude(status="done").count() == 0
    assert (meetings(), twins()) == (MEETINGS, [])
    kept, recount = pair_counts_and_recount()
    assert kept == recount


@pytest.mark.django_db
def test_storing_an_article_locks_its_meetings_in_one_query(kb):
    (article,) = services.articles_create([ArticleText(text=REPORTS[0])])
    extraction = extract(article.text, article.published, knowledge_base_from_db())
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        extraction_store(article, extraction)
    locks = [q["sql"] for q in queries if "pg_advisory_xact_lock" in q["sql"]]
    on_postgresql = int(connection.vendor == "postgresql")
    # SQLite needs no lock of its own (see meetings_lock); PostgreSQL one query more.
    assert (len(queries), len(locks)) == (STORE_QUERIES + on_postgresql, on_postgresql)


def _ready(worker: workers.Worker) -> bool:
    return " ready." in Path(worker.log.name).read_text(errors="replace")


class SlowCommits(threading.Thread):
    """Another session keeps the pair counts table locked against writes, as a busy
    database keeps a commit waiting: a worker that has just created a meeting waits before
    its commit (at its first pair count write), so its window between finding no meeting
    and committing one stays open until the other worker has reached the same point. The
    lock is let go whenever two workers wait in this database (or after two seconds), and
    taken again at once. Without it the workers race as fast as they go."""

    WAITING = (
        "SELECT count(*) FROM pg_locks WHERE NOT granted"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )

    def __init__(self):
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.both_waiting = 0  # times two workers were seen waiting at once

    def run(self) -> None:
        with psycopg.connect(workers.database_url()) as conn:
            while not self.done.is_set():
                conn.execute("LOCK TABLE meetings_paircount IN EXCLUSIVE MODE")
                deadline = time.monotonic() + 2
                while time.monotonic() < deadline and not self.done.is_set():
                    if conn.execute(self.WAITING).fetchone()[0] >= 2:
                        self.both_waiting += 1
                        break
                    time.sleep(0.02)
                conn.rollback()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("slow_commits", [False, True], ids=["fast", "slow-commits"])
def test_two_workers_racing_on_twenty_reports_make_no_twin_meetings(kb, slow_commits):
    workers.require_real_stack()
    pair = [workers.Worker("twins-1"), workers.Worker("twins-2")]
    slow = SlowCommits()
    try:
        workers.wait_for(lambda: all(_ready(w) for w in pair), 60)
        if slow_commits:
            slow.start()
        upload_at_once()
        workers.wait_for(
            lambda: not Article.objects.exclude(status="done").exists(), 120, every=0.5
        )
        assert all(w.alive() for w in pair)
    finally:
        slow.done.set()
        if slow.is_alive():
            slow.join()
        for worker in pair:
            worker.stop()
    # Both processes did part of the work: the reports really were read side by side.
    done_by = [Path(w.log.name).read_text(errors="replace").count("succeeded") for w in pair]
    assert all(done_by), done_by
    if slow_commits:  # each meeting's first two reports were stored side by side
        assert slow.both_waiting >= len(MEETINGS)
    found = twins()
    visible = Meeting.objects.visible().count()
    assert (len(found), visible, found) == (0, len(MEETINGS), [])
    assert meetings() == MEETINGS
    kept, recount = pair_counts_and_recount()
    assert kept == recount
