"""Page latency as the data grows: `make bench-pages` (part of `make bench`).

For each size (meetings; statements are three times as many) a fresh PostgreSQL
database is filled by `generate_data`, gunicorn serves the project, and 8 concurrent
clients request every analyst page and API endpoint, plus the baseline an editor would
otherwise use: the Django admin changelist of meetings, unfiltered and searched by a
participant. Prints p50/p95 latency, requests per second and queries per page, and
writes the table to docs/benchmarks.md.

    python bench/pages.py 10000 100000 1000000
"""

import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = "diplomacy_pages"
PORT = 8765
CLIENTS = 8
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB}"
os.environ.pop("CELERY_BROKER_URL", None)
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
os.environ["SECURE_COOKIES"] = "false"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")


def fresh_database() -> None:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")


def session_cookie(username: str, superuser: bool = False) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group, User
    from django.contrib.sessions.backends.db import SessionStore

    user, _ = User.objects.get_or_create(username=username)
    user.is_staff = user.is_superuser = superuser
    user.set_unusable_password()
    user.save()
    if not superuser:
        user.groups.set([Group.objects.get(name="analyst")])
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def pages() -> list[tuple[str, str, str, dict]]:
    """(name, URL, who, extra headers), with the most active leader and a deep page."""
    from django.db.models import Count

    from diplomacy.leaders.models import Leader
    from diplomacy.meetings.filters import Cursor
    from diplomacy.meetings.models import Meeting

    busiest = Leader.objects.annotate(n=Count("participations")).order_by("-n").first()
    deep = Meeting.objects.for_timeline()[50 * 50 - 1 : 50 * 50].get()
    meeting = Meeting.objects.visible().order_by("-date").first()
    cursor = Cursor.encode(deep.date, deep.pk)
    htmx = {"HX-Request": "true"}
    return [
        ("timeline", "/", "analyst", {}),
        ("timeline, leader", f"/?leader={busiest.slug}", "analyst", {}),
        ("timeline, country and dates", "/?country=FR&date_from=2010-01-01&date_to=2015-12-31",
         "analyst", {}),
        ("timeline, page 50", f"/?after={cursor}", "analyst", htmx),
        ("meeting", f"/meetings/{meeting.pk}/", "analyst", {}),
        ("leader (most active)", f"/leaders/{busiest.slug}/", "analyst", {}),
        ("network, one year", "/network/?date_from=2020-01-01&date_to=2020-12-31", "analyst", {}),
        ("statement search", "/statements/?q=cooperation+energy", "analyst", {}),
        ("api/meetings", "/api/meetings", "analyst", {}),
        ("api/statements", "/api/statements?q=security", "analyst", {}),
        ("api/leaders", "/api/leaders?q=generated+leader+1", "analyst", {}),
        ("baseline: admin meetings", "/admin/meetings/meeting/", "admin", {}),
        ("baseline: admin, by participant",
         f"/admin/meetings/meeting/?q={busiest.name.replace(' ', '+')}", "admin", {}),
    ]  # fmt: skip


def queries(url: str, who: str, headers: dict) -> int:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(User.objects.get(username=who))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def load(url: str, cookie: str, headers: dict) -> tuple[float, float, float]:
    import urllib3

    pool = urllib3.HTTPConnectionPool("127.0.0.1", PORT, maxsize=CLIENTS)
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = REQUESTS // CLIENTS

    def client():
        for _ in range(per_client):
            started = time.perf_counter()
            response = pool.request("GET", url, headers={"Cookie": cookie, **headers})
            elapsed = time.perf_counter() - started
            if response.status != 200:
                raise RuntimeError(f"{url}: HTTP {response.status}")
            with lock:
                latencies.append(elapsed)

    for _ in range(3):
        pool.request("GET", url, headers={"Cookie": cookie, **headers})
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return (
        statistics.median(latencies) * 1000,
        latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        len(latencies) / wall,
    )


def measure(size: int) -> list[tuple]:
    fresh_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    call_command(
        "generate_data", meetings=size, statements=3 * size, leaders=min(5000, max(50, size // 20)),
        verbosity=0,
    )  # fmt: skip
    load_seconds = time.monotonic() - started
    cookies = {"analyst": session_cookie("analyst"), "admin": session_cookie("admin", True)}
    targets = pages()
    counts = {name: queries(url, who, headers) for name, url, who, headers in targets}
    connections.close_all()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "diplomacy.wsgi:application", "-b",
         f"127.0.0.1:{PORT}", "--workers", "3", "--log-level", "warning"],
        cwd=ROOT, env=os.environ.copy(),
    )  # fmt: skip
    try:
        time.sleep(3)
        rows = []
        for name, url, who, headers in targets:
            p50, p95, rate = load(url, cookies[who], headers)
            rows.append((size, name, p50, p95, rate, counts[name]))
            print(f"{size:>9,} {name:34} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
                  f"{rate:6.1f} req/s  {counts[name]:3} queries", flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"(generated {size:,} meetings and {3 * size:,} statements in {load_seconds:.0f} s)")
    return rows


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, {pg}, Python {platform.python_version()}"


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    rows = []
    for size in sizes:
        rows += measure(size)
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {machine()}. {CLIENTS} concurrent clients, {REQUESTS} requests a page, "
        "gunicorn with 3 workers; written by `python bench/pages.py` (`make bench`).",
        "",
        "| meetings | page | p50 ms | p95 ms | req/s | queries |",
        "|---:|---|---:|---:|---:|---:|",
        *[f"| {s:,} | {n} | {a:.1f} | {b:.1f} | {r:.1f} | {q} |" for s, n, a, b, r, q in rows],
        "",
    ]
    out = ROOT / "docs" / "benchmarks.md"
    previous = out.read_text() if out.exists() else ""
    keep = previous.split("\n## Pages", 1)[0] if "## Extraction" in previous else ""
    out.write_text((keep + "\n## Pages\n\n" if keep else "") + "\n".join(lines))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
