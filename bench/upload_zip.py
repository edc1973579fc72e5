"""The largest upload the limits allow: `python bench/upload_zip.py [CORPUS_DIR]`.

A .zip of 20 distinct texts of 4.9 MB each (98 MB unpacked, within ARTICLE_MAX_BYTES,
ZIP_MAX_BYTES and UPLOAD_MAX_BYTES), each made of the corpus's paragraphs in its own
order, posted to the upload page by an admin, as gunicorn would run it (in-process:
Django's test client). Prints the seconds the request takes, against the web worker's
30 s timeout, and the seconds the duplicate fingerprints (SimHash) of the 20 texts take
inside it. Extraction is only queued (Redis database BENCH_BROKER_URL, purged at the end),
never run. Uses its own database (`diplomacy_bench_upload`, or BENCH_UPLOAD_DB; dropped and
created afresh).
"""

import io
import os
import random
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB = os.environ.get("BENCH_UPLOAD_DB", "diplomacy_bench_upload")
TEXTS = 20
TEXT_BYTES = 4_900_000
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB}"
)
os.environ["CELERY_BROKER_URL"] = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/1")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")


def fresh_database() -> None:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")


def long_texts(corpus: Path) -> list[str]:
    paragraphs = []
    for path in sorted(corpus.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[-1]
        paragraphs += [p.strip() for p in body.split("\n\n") if len(p.strip()) > 80]
    out = []
    for number in range(TEXTS):
        rng = random.Random(number)
        parts, size = [f"date 2025-03-{number + 1:02d}\nLong dispatch {number}."], 0
        while size < TEXT_BYTES:
            parts.append(rng.choice(paragraphs))
            size += len(parts[-1].encode("utf-8")) + 2
        out.append("\n\n".join(parts).encode("utf-8")[:TEXT_BYTES].decode("utf-8", "ignore"))
    return out


def main(corpus: str) -> None:
    fresh_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from diplomacy.articles.duplicates import simhash
    from diplomacy.articles.models import Article, Batch
    from diplomacy.celery import app

    setup_test_environment()  # the test client's host and its response context
    call_command("migrate", verbosity=0)
    texts = long_texts(Path(corpus))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for number, text in enumerate(texts):
            zipped.writestr(f"dispatch-{number:02d}.txt", text)
    unpacked = sum(len(t.encode("utf-8")) for t in texts)
    print(f"zip: {TEXTS} texts, {unpacked / 1e6:.0f} MB unpacked, "
          f"{len(archive.getvalue()) / 1e6:.1f} MB packed")  # fmt: skip

    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        simhash(text)
    fingerprints, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"SimHash of the {TEXTS} texts: {fingerprints:.2f} s (CPU {cpu:.2f} s)")

    admin = get_user_model().objects.create_superuser(
        "bench", "bench@example.org", "bench-password"
    )
    client = Client()
    client.force_login(admin)
    archive.seek(0)
    archive.name = "dispatches.zip"
    t0, c0 = time.perf_counter(), time.process_time()
    response = client.post(reverse("article_upload"), {"files": [archive]}, secure=True)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    stored = Article.objects.count()
    print(f"upload request: {seconds:.1f} s, CPU {cpu:.1f} s "
          f"(status {response.status_code}; the web "
          f"worker's timeout is 30 s), {stored} articles and "
          f"{Batch.objects.count()} batch stored")  # fmt: skip
    app.control.purge()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared/corpus/dev"))
