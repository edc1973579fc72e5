"""Page latency as the data grows: `make bench-pages` (part of `make bench`).

For each size (meetings; statements are three times as many) a fresh PostgreSQL
database is filled by `generate_data`, gunicorn serves the project, and 8 concurrent
clients request every analyst page and API endpoint, plus the baseline an editor would
otherwise use: the Django admin changelist of meetings, unfiltered and searched by a
participant. Two measures of each page:

- *varied* (the headline): every request asks for a URL not asked before, so the page
  cache cannot answer: a fresh leader, country, date range, word, depth, meeting or
  speaker each time, drawn across the frequency range (the busiest leaders and the
  rarest, common words and words that match nothing);
- *repeated*: the same URL again and again (what the cache makes of it): the first
  request after the server starts (its cached parts still empty), then p50/p95.

With requests per second under load and the queries per page. The figures go to
bench/results/pages.json for bench/report.py.

    python bench/pages.py 10000 100000 1000000
    BENCH_REUSE=1 BENCH_DATABASE=diplomacy_queries python bench/pages.py 1000000
"""

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import results  # noqa: E402

PORT = 8765
CLIENTS = 8
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
BASELINE_REQUESTS = int(os.environ.get("BENCH_BASELINE_REQUESTS", "40"))
TIMEOUT = 300  # seconds: the admin baseline searched by participant is slow at a million
# BENCH_REUSE=1 keeps a database of the same size from an earlier run instead of
# generating it again (a million meetings take about five minutes to generate).
REUSE = os.environ.get("BENCH_REUSE", "") == "1"
# The database to use instead of diplomacy_pages_SIZE (one size per run then).
DATABASE = os.environ.get("BENCH_DATABASE", "")
os.environ.pop("CELERY_BROKER_URL", None)
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
os.environ["SECURE_COOKIES"] = "false"  # plain HTTP on localhost, no TLS proxy in front
os.environ["SECURE_SSL_REDIRECT"] = "false"
# As docs/deploy.md recommends: persistent database connections in the web processes.
os.environ.setdefault("CONN_MAX_AGE", "600")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")


def database_for(size: int) -> bool:
    """Point Django at this size's database; True if it must be filled."""
    import psycopg

    name = DATABASE or f"diplomacy_pages_{size}"
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if REUSE and exists:
            with psycopg.connect(os.environ["DATABASE_URL"]) as db:
                held = db.execute("SELECT count(*) FROM meetings_meeting").fetchone()[0]
            if held == size:
                return False
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return True


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
        ("timeline", "/?view=list", "analyst", {}),
        ("timeline, leader", f"/?view=list&leader={busiest.slug}", "analyst", {}),
        ("timeline, country and dates",
         "/?view=list&country=FR&date_from=2010-01-01&date_to=2015-12-31",
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


NO_MATCH_WORDS = ["zanzibar", "xylophone", "quokka", "g7", "atlantis", "brexit", "kumquat"]


def varied_pages(count: int, seed: int = 16) -> list[tuple[str, list[str], str, dict]]:
    """(name, URLs, who, extra headers): for each page `count` URLs, none asked twice,
    drawn across the frequency range."""
    import random
    from datetime import date, timedelta

    from django.db.models import Count

    from diplomacy.leaders.models import Leader
    from diplomacy.meetings.filters import Cursor
    from diplomacy.meetings.management.commands.generate_data import COUNTRIES, PHRASES, WORDS
    from diplomacy.meetings.models import Meeting

    rng = random.Random(seed)
    # Every leader by how often they meet, busiest first: picks spread over the ranks.
    ranked = list(
        Leader.objects.annotate(n=Count("participations")).filter(n__gt=0).order_by("-n", "pk")
        .values_list("slug", "name")
    )  # fmt: skip

    def leaders(n):
        step = max(1, len(ranked) // n)
        picked = [ranked[min(len(ranked) - 1, i * step + rng.randrange(step))] for i in range(n)]
        rng.shuffle(picked)
        return picked

    def day(first=1996, last=2025):
        return date(rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28))

    def period():
        start = day(1996, 2024)
        return start, min(date(2025, 12, 31), start + timedelta(days=rng.randint(30, 6 * 365)))

    cursors = []
    while len(cursors) < count:
        # Depth anywhere: the newest meeting on or before a random day.
        meeting = (
            Meeting.objects.visible().filter(date__lte=day()).order_by("-date", "-id")
            .only("pk", "date").first()
        )  # fmt: skip
        if meeting:
            cursors.append(Cursor.encode(meeting.date, meeting.pk))
    highest = Meeting.objects.order_by("-pk").values_list("pk", flat=True).first() or 1
    meeting_ids = list(
        Meeting.objects.visible()
        .filter(pk__in=rng.sample(range(1, highest + 1), min(highest, count * 2)))
        .values_list("pk", flat=True)[:count]
    )
    places = sorted({word for city in ("paris", "berlin", "rome", "madrid", "london",
                     "washington", "moscow", "beijing", "tokyo", "new delhi", "brasilia",
                     "bucharest", "kyiv", "ankara", "cairo", "pretoria", "canberra", "ottawa",
                     "mexico city", "riyadh", "geneva") for word in [city, city[:4]]})  # fmt: skip
    phrase_words = sorted({w for texts in PHRASES.values() for t in texts for w in t.split()
                           if len(w) > 4})  # fmt: skip
    statement_words = [*WORDS, *phrase_words]
    texts = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            texts.append(rng.choice(places))
        elif kind == 1:
            texts.append(rng.choice(NO_MATCH_WORDS) + ("" if i < 8 else str(i)))
        else:
            texts.append(leaders(1)[0][1])
    words = []
    for i in range(count):
        if i % 3 == 0:
            words.append(rng.choice(NO_MATCH_WORDS) + str(i))
        else:
            words.append(" ".join(rng.sample(statement_words, 1 + i % 2)))

    def unique(urls):
        seen, out = set(), []
        for url in urls:
            if url not in seen:
                seen.add(url)
                out.append(url)
        return out

    people = leaders(count)
    speakers = leaders(count)
    htmx = {"HX-Request": "true"}
    timeline_filters = []
    for i in range(count):
        start, end = period()
        timeline_filters.append(
            f"/?view=list&country={rng.choice(COUNTRIES)}&date_from={start}&date_to={end}"
            + (f"&kind={rng.choice(['bilateral', 'call', 'visit'])}" if i % 3 == 0 else "")
        )
    years = [(y, "") for y in range(1996, 2026)]
    years += [(rng.randint(1996, 2025), rng.choice(COUNTRIES)) for _ in range(count)]
    pages = [
        ("timeline, deep pages", [f"/?after={c}" for c in cursors], "analyst", htmx),
        ("timeline, leader", [f"/?view=list&leader={slug}" for slug, _ in people], "analyst", {}),
        ("timeline, country and dates", timeline_filters, "analyst", {}),
        ("timeline, ?q=", [f"/?view=list&q={t.replace(' ', '+')}" for t in texts], "analyst", {}),
        ("meeting", [f"/meetings/{pk}/" for pk in meeting_ids], "analyst", {}),
        ("leader", [f"/leaders/{slug}/" for slug, _ in people], "analyst", {}),
        ("network, one year (+ country)",
         [f"/network/?date_from={y}-01-01&date_to={y}-12-31" + (f"&country={c}" if c else "")
          for y, c in years], "analyst", {}),
        ("statement search", [f"/statements/?q={w.replace(' ', '+')}" for w in words],
         "analyst", {}),
        ("statements, speaker", [f"/statements/?speaker={slug}" for slug, _ in speakers],
         "analyst", {}),
        ("api/meetings, leader", [f"/api/meetings?leader={slug}&limit=100" for slug, _ in people],
         "analyst", {}),
        ("baseline: admin meetings", [f"/admin/meetings/meeting/?p={i + 2}" for i in range(count)],
         "admin", {}),
        ("baseline: admin, by participant",
         [f"/admin/meetings/meeting/?q={name.replace(' ', '+')}" for _, name in people],
         "admin", {}),
    ]  # fmt: skip
    return [(name, unique(urls)[:count], who, headers) for name, urls, who, headers in pages]


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


def load(url: str | list[str], cookie: str, headers: dict, requests: int = REQUESTS):
    """Latency under load: one URL requested again and again, or (a list) each URL of
    the list once, the clients taking the next one not yet asked."""
    import urllib3

    pool = urllib3.HTTPConnectionPool("127.0.0.1", PORT, maxsize=CLIENTS, timeout=TIMEOUT)
    latencies: list[float] = []
    lock = threading.Lock()
    varied = isinstance(url, list)
    per_client = max(1, (len(url) if varied else requests) // CLIENTS)
    urls = iter(url if varied else [url] * (per_client * CLIENTS))

    def client():
        for _ in range(per_client):
            with lock:
                url = next(urls)
            started = time.perf_counter()
            response = pool.request("GET", url, headers={"Cookie": cookie, **headers})
            elapsed = time.perf_counter() - started
            if response.status != 200:
                raise RuntimeError(f"{url}: HTTP {response.status}")
            with lock:
                latencies.append(elapsed)

    # Steady state: every gunicorn process has rendered the page once (the first-request
    # column measures the empty cache).
    for _ in range(12 if requests >= 100 and not varied else 0):
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


def measure(size: int) -> list[dict]:
    fill = database_for(size)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()  # settings are read once: point the connection at this size
    connections["default"].settings_dict["NAME"] = DATABASE or f"diplomacy_pages_{size}"
    call_command("migrate", verbosity=0)
    load_seconds = None
    if fill:
        started = time.monotonic()
        call_command(
            "generate_data", meetings=size, statements=3 * size,
            leaders=min(5000, max(50, size // 20)), verbosity=0,
        )  # fmt: skip
        load_seconds = time.monotonic() - started
    cookies = {"analyst": session_cookie("analyst"), "admin": session_cookie("admin", True)}
    targets = pages()
    counts = {name: queries(url, who, headers) for name, url, who, headers in targets}
    varied = varied_pages(REQUESTS)
    # Queries of one request of each (here, in this process: the server's cache is apart).
    varied_counts = {name: queries(urls[-1], who, headers) for name, urls, who, headers in varied}
    connections.close_all()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "diplomacy.wsgi:application", "-b",
         f"127.0.0.1:{PORT}", "--workers", "3", "--timeout", str(TIMEOUT),
         "--log-level", "warning"],
        cwd=ROOT, env=os.environ.copy(),
    )  # fmt: skip
    try:
        time.sleep(3)
        # Every gunicorn process loads its code and templates on its first requests: warm
        # them on a page that is not measured, so "first request" is the empty cache only.
        for _ in range(12):
            first_request("/statements/?q=warm", cookies["analyst"], {})
        rows = []
        for name, urls, who, headers in varied:
            if name.startswith("baseline"):  # seconds a request at a million: fewer
                urls = urls[:BASELINE_REQUESTS]
            p50, p95, rate = load(urls, cookies[who], headers)
            rows.append({"size": size, "mode": "varied", "page": name, "p50_ms": p50,
                         "p95_ms": p95, "per_second": rate, "queries": varied_counts[name],
                         "requests": len(urls)})  # fmt: skip
            print(f"{size:>9,} varied {name:34} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
                  f"{rate:6.1f} req/s  {varied_counts[name]:3} queries  ({len(urls)} URLs)",
                  flush=True)  # fmt: skip
        for name, url, who, headers in targets:
            cold = first_request(url, cookies[who], headers)
            # The baseline takes seconds a request at a million meetings: fewer requests.
            count = BASELINE_REQUESTS if name.startswith("baseline") else REQUESTS
            p50, p95, rate = load(url, cookies[who], headers, count)
            rows.append({"size": size, "mode": "repeated", "page": name, "cold_ms": cold,
                         "p50_ms": p50,
                         "p95_ms": p95, "per_second": rate, "queries": counts[name],
                         "requests": count})  # fmt: skip
            print(f"{size:>9,} {name:34} first {cold:7.1f} ms  p50 {p50:7.1f} ms  "
                  f"p95 {p95:7.1f} ms  {rate:6.1f} req/s  {counts[name]:3} queries",
                  flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    if load_seconds is not None:
        print(f"(generated {size:,} meetings and {3 * size:,} statements in {load_seconds:.0f} s)")
    return rows


def first_request(url: str, cookie: str, headers: dict) -> float:
    """One request with the page's cached parts still empty (the server just started, or
    the data changed): what the first analyst to open this page after a change waits."""
    import urllib3

    started = time.perf_counter()
    response = urllib3.request("GET", f"http://127.0.0.1:{PORT}{url}", timeout=TIMEOUT,
                               headers={"Cookie": cookie, **headers})  # fmt: skip
    if response.status != 200:
        raise RuntimeError(f"{url}: HTTP {response.status}")
    return (time.perf_counter() - started) * 1000


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    rows = []
    for size in sizes:
        rows += measure(size)
    # Sizes not measured in this run keep the figures of the last run that measured them.
    kept = [row for row in results.load("pages") or [] if row["size"] not in sizes]
    results.save("pages", sorted(kept + rows, key=lambda row: row["size"]))
    print("figures saved; `python bench/report.py` writes docs/benchmarks.md")


if __name__ == "__main__":
    main()
