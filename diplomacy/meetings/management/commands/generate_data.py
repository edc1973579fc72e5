"""Generate a large, realistically shaped record for benchmarks (PostgreSQL).

A few leaders meet very often and most rarely (Zipf-like weights); meetings spread
over 30 years, mostly bilateral, with one to three sources; statements in eight
languages, half of them tied to a meeting. Rows go in with COPY, in id ranges after
what is already there, and the tables are analysed afterwards.

    python manage.py generate_data --meetings 1000000 --statements 3000000 --leaders 5000
"""

import hashlib
import random
import time
from datetime import UTC, date, datetime, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from diplomacy.meetings.models import search_fold
from diplomacy.meetings.month_counts import counts_rebuild
from diplomacy.meetings.pairs import pairs_rebuild
from diplomacy.meetings.services import participant_countries, participant_key

CITIES = [
    ("Paris", "FR"), ("Berlin", "DE"), ("Rome", "IT"), ("Madrid", "ES"), ("London", "GB"),
    ("Washington", "US"), ("Moscow", "RU"), ("Beijing", "CN"), ("Tokyo", "JP"),
    ("New Delhi", "IN"), ("Brasília", "BR"), ("Bucharest", "RO"), ("Kyiv", "UA"),
    ("Ankara", "TR"), ("Cairo", "EG"), ("Pretoria", "ZA"), ("Canberra", "AU"),
    ("Ottawa", "CA"), ("Mexico City", "MX"), ("Riyadh", "SA"), ("Geneva", "CH"), ("", ""),
]  # fmt: skip
COUNTRIES = sorted({c for _, c in CITIES if c} | {"PL", "NL", "SE", "KR", "ID", "NG", "AR"})
KINDS = ["bilateral"] * 70 + ["multilateral"] * 12 + ["call"] * 12 + ["visit"] * 6
STATUSES = ["extracted"] * 70 + ["verified"] * 25 + ["rejected"] * 5
PHRASES = {
    "en": ["we agreed to deepen our cooperation", "the talks were constructive and frank",
           "sanctions will remain until the troops withdraw", "trade between our countries grew"],
    "ro": ["relațiile dintre țările noastre s-au întărit",
           "am discutat despre securitatea energetică"],
    "fr": ["nous avons parlé de la sécurité européenne", "les négociations ont été difficiles"],
    "de": ["wir haben über die Energiepreise gesprochen", "die Gespräche waren sehr offen"],
    "es": ["hemos hablado de la cooperación económica", "las conversaciones fueron productivas"],
    "it": ["abbiamo discusso della crisi migratoria", "i colloqui sono stati costruttivi"],
    "pt": ["conversamos sobre o comércio bilateral", "as negociações foram positivas"],
    "ru": ["мы обсудили вопросы безопасности", "переговоры прошли конструктивно"],
}  # fmt: skip
WORDS = [
    "energy",
    "trade",
    "security",
    "climate",
    "migration",
    "ukraine",
    "gaza",
    "nato",
    "sanctions",
    "gas",
    "oil",
    "grain",
    "nuclear",
    "summit",
    "alliance",
    "border",
    "peace",
    "investment",
    "tariffs",
]
EPOCH = date(1996, 1, 1)
DAYS = (date(2026, 1, 1) - EPOCH).days


def _next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def _copy(table: str, columns: list[str], rows) -> int:
    count = 0
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor().copy(
            f"COPY {table} ({', '.join(f'"{c}"' for c in columns)}) FROM STDIN"
        ) as copy,
    ):
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _reset_sequence(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=10_000)
        parser.add_argument("--statements", type=int, default=30_000)
        parser.add_argument("--leaders", type=int, default=500)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, meetings: int, statements: int, leaders: int, seed: int, **options):
        if connection.vendor != "postgresql":
            raise CommandError("generate_data loads with COPY: it needs PostgreSQL.")
        rng = random.Random(seed)
        started = time.monotonic()
        now = datetime.now(UTC)

        first_leader = _next_id("leaders_leader")
        leader_ids = list(range(first_leader, first_leader + leaders))
        country_of = {pk: rng.choice(COUNTRIES) for pk in leader_ids}
        self._step("leaders", _copy(
            "leaders_leader",
            ["id", "key", "name", "slug", "country", "known", "edited_fields", "version",
             "created_at", "updated_at"],
            ((pk, f"gen:{pk}", f"Generated Leader {pk}", f"generated-leader-{pk}", country_of[pk],
              True, "[]", 1, now, now) for pk in leader_ids),
        ), started)  # fmt: skip
        first_alias = _next_id("leaders_alias")
        self._step("aliases", _copy(
            "leaders_alias", ["id", "leader_id", "name", "normalized", "language"],
            ((first_alias + i, pk, f"Generated Leader {pk}", f"generated leader {pk}", "")
             for i, pk in enumerate(leader_ids)),
        ), started)  # fmt: skip
        # Zipf-like: the most active leaders meet hundreds of times as often as most.
        weights = [1 / (rank + 1) ** 1.1 for rank in range(leaders)]
        cumulative = []
        total = 0.0
        for weight in weights:
            total += weight
            cumulative.append(total)

        articles = max(1, meetings // 4)
        first_article = _next_id("articles_article")
        self._step("articles", _copy(
            "articles_article",
            ["id", "title", "text", "source", "url", "language", "published", "content_hash",
             "status", "error", "attempts", "created_at", "status_changed_at", "canonical_url",
             "version"],
            ((pk, f"Generated article {pk}", f"Generated article {pk}.", "Generated Wire", "",
              "en", EPOCH + timedelta(days=rng.randrange(DAYS)),
              hashlib.sha256(f"generated {pk} {seed}".encode()).hexdigest(), "done", "", 1, now,
              now, "", 1) for pk in range(first_article, first_article + articles)),
        ), started)  # fmt: skip

        first_meeting = _next_id("meetings_meeting")
        meeting_ids = range(first_meeting, first_meeting + meetings)
        dates = {}
        participants = {}

        def meeting_rows():
            for pk in meeting_ids:
                day = EPOCH + timedelta(days=rng.randrange(DAYS))
                dates[pk] = day
                size = 2 if rng.random() < 0.85 else rng.randint(3, 6)
                people = set()
                while len(people) < size:
                    people.add(leader_ids[_pick(rng, cumulative, total)])
                participants[pk] = people
                place, country = rng.choice(CITIES)
                status, confidence = rng.choice(STATUSES), round(rng.random(), 3)
                yield (pk, day, "day", place, country, rng.choice(KINDS), "", "current",
                       status, confidence, None, "[]", 1, participant_key(people),
                       participant_countries(country_of[p] for p in people), search_fold(place),
                       now, now)  # fmt: skip

        self._step("meetings", _copy(
            "meetings_meeting",
            ["id", "date", "date_precision", "place", "country", "kind", "occasion",
             "reported_as", "status", "confidence", "external_id", "edited_fields", "version",
             "participant_key", "participant_countries", "search_folded", "created_at",
             "updated_at"],
            meeting_rows(),
        ), started)  # fmt: skip

        first_participation = _next_id("meetings_participation")
        first_evidence = _next_id("meetings_evidence")
        first_statement = _next_id("meetings_statement")

        # The row generators run inside COPY: they must not query the database.
        def participation_rows():
            pk = first_participation
            for meeting in meeting_ids:
                for person in participants.pop(meeting):
                    yield (pk, meeting, person)
                    pk += 1

        self._step("participations", _copy(
            "meetings_participation", ["id", "meeting_id", "leader_id"], participation_rows()
        ), started)  # fmt: skip

        def evidence_rows():
            pk = first_evidence
            for meeting in meeting_ids:
                for source in range(rng.choice((1, 1, 2, 3))):
                    article = first_article + rng.randrange(articles)
                    yield (pk, meeting, article, "", source * 20, source * 20 + 19,
                           "Generated evidence sentence.", "[]")  # fmt: skip
                    pk += 1

        self._step("evidence", _copy(
            "meetings_evidence",
            ["id", "meeting_id", "article_id", "record", "start", "end", "text", "trace"],
            evidence_rows(),
        ), started)  # fmt: skip

        def statement_rows():
            pk = first_statement
            for number in range(statements):
                language = rng.choice(list(PHRASES))
                text = f"{rng.choice(PHRASES[language])} {rng.choice(WORDS)} {rng.choice(WORDS)}"
                meeting = first_meeting + rng.randrange(meetings) if rng.random() < 0.5 else None
                said_on = dates[meeting] if meeting else EPOCH + timedelta(days=rng.randrange(DAYS))
                speaker = leader_ids[_pick(rng, cumulative, total)]
                kind = "direct" if rng.random() < 0.8 else "indirect"
                article = first_article + number % articles
                yield (pk, speaker, text, kind, language, said_on, meeting, article, number,
                       number + len(text), rng.choice(STATUSES), round(rng.random(), 3), "[]", 1,
                       search_fold(text), now)  # fmt: skip
                pk += 1

        self._step("statements", _copy(
            "meetings_statement",
            ["id", "speaker_id", "text", "kind", "language", "said_on", "meeting_id",
             "article_id", "start", "end", "status", "confidence", "edited_fields", "version",
             "search_folded", "created_at"],
            statement_rows(),
        ), started)  # fmt: skip

        tables = ["leaders_leader", "leaders_alias", "articles_article", "meetings_meeting",
                  "meetings_participation", "meetings_evidence", "meetings_statement"]  # fmt: skip
        for table in tables:
            _reset_sequence(table)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self._step("pair counts", pairs_rebuild(), started)
        self._step("month counts", counts_rebuild(), started)
        self.stdout.write(f"done in {time.monotonic() - started:.0f} s")

    def _step(self, what: str, count: int, started: float) -> None:
        self.stdout.write(f"{what}: {count:,} rows ({time.monotonic() - started:.0f} s)")


def _pick(rng: random.Random, cumulative: list[float], total: float) -> int:
    from bisect import bisect_left

    return bisect_left(cumulative, rng.random() * total)
