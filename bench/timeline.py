"""The timeline chart's data as the record grows: `python bench/timeline.py 100000`.

For each size a PostgreSQL database is filled by `generate_data` (kept and reused when
it already holds that many meetings), then the chart's JSON endpoint (meetings/
timeline.py: `/timeline/data`) is asked, in this process through Django's test client
with the page cache emptied before every request, for:

- *density*: windows of every span (30 years down to a few weeks, each at a random
  place) with no filter and with each one filter: a leader (drawn across the frequency
  range, from the busiest to the rarest), a country, a kind, a text (place words, words
  matching nothing, a leader's name), and three leaders as lanes;
- *marks*: windows of a few days (no filter) or a few weeks (one leader) where the
  meetings are drawn one by one.

Each request's time is the whole request (session, queries, JSON), p50/p95/max per
group; the SQL statements are the same for every request of a group, with other values.
Figures go to bench/results/timeline.json.

    python bench/timeline.py 100000
    BENCH_DATABASE=diplomacy_queries python bench/timeline.py 1000000
"""

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import results  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
DATABASE = os.environ.get("BENCH_DATABASE", "")
os.environ.pop("CELERY_BROKER_URL", None)
os.environ.pop("CACHE_URL", None)  # the in-process cache, emptied before each request
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
os.environ["SECURE_SSL_REDIRECT"] = "false"  # the test client speaks plain HTTP
os.environ["SECURE_COOKIES"] = "false"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")

FIRST, LAST = date(1996, 1, 1), date(2025, 12, 31)
SPANS = [30 * 365, 10 * 365, 4 * 365, 2 * 365, 365, 180, 90, 40]


def database(size: int) -> bool:
    """Point Django at this size's database; True if it must be filled."""
    import psycopg

    name = DATABASE or f"diplomacy_timeline_{size}"
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            with psycopg.connect(os.environ["DATABASE_URL"]) as db:
                try:
                    held = db.execute("SELECT count(*) FROM meetings_meeting").fetchone()[0]
                except psycopg.errors.UndefinedTable:
                    held = -1
            if held == size:
                return False
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return True


def _window(rng: random.Random, span: int) -> str:
    start = FIRST + timedelta(days=rng.randrange(max(1, (LAST - FIRST).days - span)))
    return f"start={start}&end={start + timedelta(days=span)}"


def groups(rng: random.Random) -> dict[str, list[str]]:
    """URLs per group, none asked twice."""
    from django.db.models import Count

    from diplomacy.leaders.models import Leader
    from diplomacy.meetings.management.commands.generate_data import CITIES, COUNTRIES

    ranked = list(
        Leader.objects.filter(key__startswith="gen:")
        .annotate(n=Count("participations"))
        .order_by("-n")
        .values_list("slug", "name")
    )

    # Leaders across the frequency range: a quarter from the 20 busiest, the rest anywhere.
    def leader() -> tuple[str, str]:
        return rng.choice(ranked[:20] if rng.random() < 0.25 else ranked)

    words = [c.lower() for c, _ in CITIES if c] + ["zanzibar", "atlantis", "g7", "kumquat"]

    def windows(make) -> list[str]:
        return [f"/timeline/data?{make()}&{_window(rng, rng.choice(SPANS))}"
                for _ in range(REQUESTS)]  # fmt: skip

    return {
        "density, no filter": windows(lambda: "view=chart"),
        "density, leader": windows(lambda: f"leader={leader()[0]}"),
        "density, country": windows(lambda: f"country={rng.choice(COUNTRIES)}"),
        "density, kind": windows(
            lambda: f"kind={rng.choice(['bilateral', 'multilateral', 'call', 'visit'])}"
        ),
        "density, text (place or nothing)": windows(lambda: f"q={rng.choice(words)}"),
        "density, text (a leader's name)": windows(lambda: "q=" + leader()[1].replace(" ", "+")),
        "density, three lanes": windows(
            lambda: "&".join(f"leader={leader()[0]}" for _ in range(3))
        ),
        "marks, no filter (3 days)": [
            f"/timeline/data?{_window(rng, 3)}" for _ in range(REQUESTS)
        ],  # fmt: skip
        "marks, one leader (4 weeks)": [
            f"/timeline/data?leader={leader()[0]}&{_window(rng, 28)}" for _ in range(REQUESTS)
        ],
    }


def measure(size: int) -> list[dict]:
    fill = database(size)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from diplomacy.accounts.roles import ensure_roles
    from tests.factories import UserFactory

    call_command("migrate", verbosity=0)
    if fill:
        started = time.monotonic()
        call_command("generate_data", meetings=size, statements=1000,
                     leaders=min(5000, max(50, size // 20)), verbosity=0)  # fmt: skip
        print(f"filled {size:,} meetings in {time.monotonic() - started:.0f} s")
    with connection.cursor() as cursor:  # index-only scans want the visibility map
        cursor.execute("VACUUM ANALYZE meetings_meeting")
        cursor.execute("VACUUM ANALYZE meetings_monthcount")
        cursor.execute("VACUUM ANALYZE meetings_participation")
    ensure_roles()
    client = Client()
    client.force_login(UserFactory(username="bench-timeline", role="analyst"))
    rng = random.Random(17)
    rows = []
    for name, urls in groups(rng).items():
        seconds, modes = [], {}
        for url in urls:
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.content[:200])
            mode = response.json()["mode"]
            modes[mode] = modes.get(mode, 0) + 1
        ms = sorted(s * 1000 for s in seconds)
        row = {
            "size": size, "group": name, "requests": len(ms),
            "p50_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[max(0, int(len(ms) * 0.95) - 1)], 1),
            "max_ms": round(ms[-1], 1), "modes": modes,
        }  # fmt: skip
        rows.append(row)
        print(f"{size:>9,}  {name:<36} p50 {row['p50_ms']:>7.1f} ms  p95 {row['p95_ms']:>7.1f} ms"
              f"  max {row['max_ms']:>7.1f} ms  {modes}")  # fmt: skip
    return rows


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [100_000]
    rows = []
    for size in sizes:
        rows += measure(size)
    earlier = (results.load("timeline") or {}).get("rows", [])
    kept = [row for row in earlier if row["size"] not in sizes]
    results.save("timeline", {"machine": results.machine(), "rows": kept + rows})


if __name__ == "__main__":
    main()
