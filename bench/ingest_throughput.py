"""Ingestion throughput: `make bench-ingest`.

2,000 articles (paragraphs of the dev corpus mixed into new articles) stored as the
upload page stores an uploaded .zip or JSON Lines file (BENCH_UPLOAD_BATCH articles per
upload, 100 by default; 1 stores them one by one as single uploads), queued through
Redis, extracted by two worker processes into PostgreSQL. Prints articles per second
from the first upload to the last article done, and the latency from upload to done
(median, p95). Uses its own database
(`diplomacy_bench`, dropped and created afresh) and Redis database 1.
"""

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.results import save  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "2000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
UPLOAD_BATCH = int(os.environ.get("BENCH_UPLOAD_BATCH", "100"))
DB = "diplomacy_bench"
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB}"
)
os.environ["CELERY_BROKER_URL"] = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/1")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
# As docs/deploy.md recommends: workers keep their database connection between tasks.
os.environ.setdefault("CONN_MAX_AGE", "600")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")


def fresh_database() -> None:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")


def texts(corpus: Path, n: int) -> list[str]:
    paragraphs = []
    for path in sorted(corpus.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[-1]
        paragraphs += [p.strip() for p in body.split("\n\n") if len(p.strip()) > 80]
    rng = random.Random(7)
    out = []
    for number in range(n):
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        chosen = rng.sample(paragraphs, 4)
        out.append(f"date {day}\nDispatch {number}.\n\n" + "\n\n".join(chosen))
    return out


def busy_cpu_seconds() -> float:
    """CPU time the whole machine has spent busy since boot (Linux /proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "dev")
    fresh_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_kb", verbosity=0)
    from diplomacy.articles import services
    from diplomacy.articles.models import Article
    from diplomacy.articles.reading import ArticleText
    from diplomacy.celery import app

    app.control.purge()
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "diplomacy",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"bench{i}@%h",
            ],
            cwd=ROOT,
            env=os.environ.copy(),
        )  # fmt: skip
        for i in range(WORKERS)
    ]
    try:
        time.sleep(3)  # workers connect
        batch = texts(corpus, ARTICLES)
        started = time.time()
        busy_before = busy_cpu_seconds()
        stored = duplicates = 0
        for start in range(0, len(batch), UPLOAD_BATCH):
            upload = [ArticleText(text=text) for text in batch[start : start + UPLOAD_BATCH]]
            for result in services.articles_create(upload):
                if isinstance(result, services.DuplicateArticle):
                    duplicates += 1
                else:
                    stored += 1
        uploaded = time.time() - started
        while Article.objects.unfinished().exists():
            time.sleep(0.2)
        finished = time.time() - started
        busy = busy_cpu_seconds() - busy_before
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = children.ru_utime + children.ru_stime
    rows = Article.objects.values_list("created_at", "status_changed_at", "status")
    latencies = sorted((done - created).total_seconds() for created, done, _ in rows)
    failed = sum(1 for *_, status in rows if status == "failed")
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"articles: {ARTICLES} generated, {stored} stored, {duplicates} recognised as duplicates")
    print(f"workers: {WORKERS} processes; failed: {failed}; {UPLOAD_BATCH} articles per upload")
    print(f"upload of all articles: {uploaded:.1f} s ({stored / uploaded:.0f} articles/s)")
    print(f"upload to last done: {finished:.1f} s")
    print(f"throughput: {stored / finished:.1f} articles/s")
    print(f"worker CPU: {worker_cpu * 1000 / max(stored, 1):.1f} ms per article (all workers)")
    print(f"machine CPU (workers, PostgreSQL, Redis, uploader and anything else running): "
          f"{busy * 1000 / max(stored, 1):.1f} ms per article")  # fmt: skip
    print(f"latency upload -> done: median {statistics.median(latencies):.1f} s, p95 {p95:.1f} s")
    save(f"ingest-{WORKERS}", {
        "articles": ARTICLES, "stored": stored, "duplicates": duplicates, "failed": failed,
        "workers": WORKERS, "upload_batch": UPLOAD_BATCH, "seconds": finished,
        "per_second": stored / finished, "median_s": statistics.median(latencies),
        "p95_s": p95, "worker_cpu_ms": worker_cpu * 1000 / max(stored, 1),
        "machine_cpu_ms": busy * 1000 / max(stored, 1),
    })  # fmt: skip


if __name__ == "__main__":
    main()
