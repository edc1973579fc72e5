"""Network and map latency as the data grows: `make bench-network-map`.

The targets (issue 17, at 1,000,000 meetings): the network of one year with its top 200
leaders p95 ≤ 200 ms; the map ≤ 200 ms. Like bench/pages.py (whose database, server and
load helpers this reuses): a PostgreSQL database filled by `generate_data`, gunicorn with
3 workers, 8 concurrent clients, and every request a URL not asked before, so the page
cache cannot answer:

- network, one year, top 200: a calendar year or a year from any day (part-months at
  both ends, counted from those days' meetings), 1996-2025;
- network, one year and a country (the meetings themselves are counted);
- network, ego: a leader drawn across the frequency ranks, in a year;
- map, one year (+ country): a calendar year, half of them with a country;
- map, a country, every year.

The unfiltered map and network of the whole record are measured as repeated URLs (their
cached parts answer after the first request), with the first request too.

    python bench/network_map.py 100000
    BENCH_REUSE=1 BENCH_DATABASE=diplomacy_network python bench/network_map.py 100000
"""

import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import results  # noqa: E402
from bench.pages import (  # noqa: E402
    DATABASE,
    PORT,
    REQUESTS,
    TIMEOUT,
    database_for,
    first_request,
    load,
    queries,
    session_cookie,
)


def varied(count: int, seed: int = 17) -> list[tuple[str, list[str]]]:
    from django.db.models import Count

    from diplomacy.leaders.models import Leader
    from diplomacy.meetings.management.commands.generate_data import COUNTRIES

    rng = random.Random(seed)
    ranked = list(
        Leader.objects.annotate(n=Count("participations")).filter(n__gt=0).order_by("-n", "pk")
        .values_list("slug", flat=True)
    )  # fmt: skip

    def year_from_any_day() -> str:
        start = date(rng.randint(1996, 2024), rng.randint(1, 12), rng.randint(1, 28))
        end = start + timedelta(days=364)
        return f"date_from={start}&date_to={end}"

    def calendar_year() -> str:
        year = rng.randint(1996, 2025)
        return f"date_from={year}-01-01&date_to={year}-12-31"

    years = [f"date_from={y}-01-01&date_to={y}-12-31" for y in range(1996, 2026)]
    years += [year_from_any_day() for _ in range(count)]
    step = max(1, len(ranked) // count)
    egos = [ranked[min(len(ranked) - 1, i * step + rng.randrange(step))] for i in range(count)]
    pages = [
        ("network, one year, top 200", [f"/network/?{y}&top=200" for y in years]),
        ("network, one year and a country",
         [f"/network/?{calendar_year()}&country={rng.choice(COUNTRIES)}" for _ in range(count)]),
        ("network, ego in a year", [f"/network/?{calendar_year()}&ego={slug}" for slug in egos]),
        ("map, one year (+ country)",
         [f"/map/?{calendar_year()}" + (f"&country={rng.choice(COUNTRIES)}" if i % 2 else "")
          for i in range(count)]),
        ("map, a country, every year",
         [f"/map/?country={c}" + (f"&kind={k}" if k else "") for c in COUNTRIES
          for k in ("", "bilateral", "call", "visit", "multilateral")]),
    ]  # fmt: skip
    out = []
    for name, urls in pages:
        seen = list(dict.fromkeys(urls))
        rng.shuffle(seen)
        out.append((name, seen[:count]))
    return out


REPEATED = [("network, whole record", "/network/"), ("map, whole record", "/map/")]


def measure(size: int) -> list[dict]:
    fill = database_for(size)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    connections["default"].settings_dict["NAME"] = DATABASE or f"diplomacy_pages_{size}"
    call_command("migrate", verbosity=0)
    if fill:
        call_command(
            "generate_data", meetings=size, statements=size,
            leaders=min(5000, max(50, size // 20)), verbosity=0,
        )  # fmt: skip
    cookie = session_cookie("analyst")
    pages = varied(REQUESTS)
    counts = {name: queries(urls[-1], "analyst", {}) for name, urls in pages}
    connections.close_all()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "diplomacy.wsgi:application", "-b",
         f"127.0.0.1:{PORT}", "--workers", "3", "--timeout", str(TIMEOUT),
         "--log-level", "warning"],
        cwd=ROOT,
    )  # fmt: skip
    rows = []
    try:
        time.sleep(3)
        for _ in range(12):  # every process loads its code and templates first
            first_request("/network/?date_from=1990-01-01&date_to=1990-12-31", cookie, {})
        for name, urls in pages:
            p50, p95, rate = load(urls, cookie, {})
            rows.append({"size": size, "mode": "varied", "page": name, "p50_ms": p50,
                         "p95_ms": p95, "per_second": rate, "queries": counts[name],
                         "requests": len(urls)})  # fmt: skip
            print(f"{size:>9,} varied {name:34} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
                  f"{rate:6.1f} req/s  {counts[name]:3} queries  ({len(urls)} URLs)",
                  flush=True)  # fmt: skip
        for name, url in REPEATED:
            cold = first_request(url, cookie, {})
            p50, p95, rate = load(url, cookie, {}, REQUESTS)
            rows.append({"size": size, "mode": "repeated", "page": name, "cold_ms": cold,
                         "p50_ms": p50, "p95_ms": p95, "per_second": rate,
                         "requests": REQUESTS})  # fmt: skip
            print(f"{size:>9,} {name:41} first {cold:7.1f} ms  p50 {p50:7.1f} ms  "
                  f"p95 {p95:7.1f} ms  {rate:6.1f} req/s", flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [100_000]
    rows = []
    for size in sizes:
        rows += measure(size)
    kept = [row for row in results.load("network_map") or [] if row["size"] not in sizes]
    results.save("network_map", sorted(kept + rows, key=lambda row: row["size"]))


if __name__ == "__main__":
    main()
