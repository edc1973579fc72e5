"""Extraction speed and memory: `make bench-extract` (python bench/extract_speed.py DIR).

Loads the knowledge base from the repository's data file (the same entries the
database holds after `load_kb`), then extracts every *.txt in DIR many times on
one core and prints: load time, median and p95 milliseconds per article, median
per 3 KB of text, and peak resident memory.

Then the curve of one long text made by joining articles (those of DIR and the test
corpus, over and over) and cut at 100 KB, 200 KB, 500 KB, 1 MB, 2 MB and 5 MB: seconds
and seconds per MB at each length (the best of a few runs). Extraction is linear when the
time per MB at 5 MB is at most twice that at 100 KB (issue 15). BENCH_CURVE_MAX=2e6
stops the curve at a smaller length; BENCH_CURVE_MAX=0 skips it.
"""

import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.results import save  # noqa: E402

ROUNDS = 30
CURVE_SIZES = (100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000)
TEST_CORPUS = Path(__file__).resolve().parent.parent / "tests/extraction/corpus"


def long_text(texts: list[str], size: int) -> str:
    """Articles joined by blank lines until the text holds ``size`` bytes of UTF-8."""
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1].encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")


def curve(texts: list[str], kb, extract, largest: float) -> list[dict]:
    rows = []
    for size in (s for s in CURVE_SIZES if s <= largest):
        text = long_text(texts, size)
        runs, cpu_runs = [], []
        for _ in range(3 if size <= 1_000_000 else 1):
            t0, c0 = time.perf_counter(), time.process_time()
            extract(text, None, kb)
            runs.append(time.perf_counter() - t0)
            cpu_runs.append(time.process_time() - c0)
        seconds, cpu = min(runs), min(cpu_runs)
        mb = len(text.encode("utf-8")) / 1e6
        rows.append({
            "bytes": size, "seconds": seconds, "seconds_per_mb": seconds / mb,
            "cpu_seconds": cpu, "cpu_seconds_per_mb": cpu / mb,
        })  # fmt: skip
        print(f"  {size / 1e6:>4.1f} MB: {seconds:7.2f} s, {seconds / mb:5.2f} s/MB "
              f"(CPU {cpu:7.2f} s, {cpu / mb:5.2f} s/MB)", flush=True)  # fmt: skip
    return rows


def main(folder: str) -> None:
    started = time.perf_counter()
    from diplomacy.extraction import extract, load_leader_entries
    from diplomacy.extraction.knowledge import KnowledgeBase

    leaders_file = Path(__file__).resolve().parent.parent / "diplomacy/leaders/data/leaders.jsonl"
    kb = KnowledgeBase(load_leader_entries(leaders_file))
    extract("date 2025-01-01 Warm-up: Putin met Xi in Beijing.", None, kb)
    load_seconds = time.perf_counter() - started

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt articles in {folder}")
    per_article, per_3kb = [], []
    for text in texts:
        runs = []
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            extract(text, None, kb)
            runs.append((time.perf_counter() - t0) * 1000)
        best = statistics.median(runs)
        per_article.append(best)
        per_3kb.append(best * 3000 / max(len(text.encode("utf-8")), 1))
    per_article.sort()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sizes = statistics.median(len(t.encode("utf-8")) for t in texts)
    print(f"articles: {len(texts)} (median size {sizes / 1000:.1f} KB), {ROUNDS} rounds each")
    print(f"load (import + knowledge base + first call): {load_seconds * 1000:.0f} ms")
    print(f"extract median: {statistics.median(per_article):.2f} ms/article")
    print(f"extract p95: {per_article[int(0.95 * (len(per_article) - 1))]:.2f} ms/article")
    print(f"extract median per 3 KB: {statistics.median(per_3kb):.2f} ms")
    print(f"peak resident memory: {rss_mb:.0f} MB")
    figures = {
        "articles": len(texts), "load_ms": load_seconds * 1000,
        "median_ms": statistics.median(per_article),
        "p95_ms": per_article[int(0.95 * (len(per_article) - 1))],
        "median_ms_per_3kb": statistics.median(per_3kb), "memory_mb": rss_mb,
    }  # fmt: skip
    largest = float(os.environ.get("BENCH_CURVE_MAX", "5e6"))
    if largest:
        print("one long text of joined articles:")
        pool = texts + [p.read_text(encoding="utf-8") for p in sorted(TEST_CORPUS.glob("*.txt"))]
        rows = curve(pool, kb, extract, largest)
        figures["curve"] = rows
        if len(rows) > 1:
            # CPU time: on a shared machine, wall time also counts the other processes.
            ratio = rows[-1]["cpu_seconds_per_mb"] / rows[0]["cpu_seconds_per_mb"]
            figures["curve_ratio"] = ratio
            print(
                f"CPU time per MB at {rows[-1]['bytes'] / 1e6:.1f} MB / at "
                f"{rows[0]['bytes'] / 1e6:.1f} MB: {ratio:.2f} (linear within 2x: "
                f"{'yes' if ratio <= 2 else 'NO'})"
            )
    save("extract", figures)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/dev")
