"""Extraction speed and memory: `make bench-extract` (python bench/extract_speed.py DIR).

Loads the knowledge base from the repository's data file (the same entries the
database holds after `load_kb`), then extracts every *.txt in DIR many times on
one core and prints: load time, median and p95 milliseconds per article, median
per 3 KB of text, and peak resident memory.
"""

import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.results import save  # noqa: E402

ROUNDS = 30


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
    save("extract", {
        "articles": len(texts), "load_ms": load_seconds * 1000,
        "median_ms": statistics.median(per_article),
        "p95_ms": per_article[int(0.95 * (len(per_article) - 1))],
        "median_ms_per_3kb": statistics.median(per_3kb), "memory_mb": rss_mb,
    })  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/dev")
