"""Language identification: today's stop-word counter against py3langid and lingua.

    python bench/langid_compare.py [DIR ...]

Reads every article (*.txt with its *.json, whose "language" is the gold) of the
corpora (default: ../shared/corpus/dev, ../shared/corpus/train, tests/extraction/corpus,
bench/heldout) and asks each identifier, restricted to our eight languages, for the
language of: the whole text (after the date marker, as the engine calls it), the
headline (first non-empty line), the first sentence, the first 200, 100 and 50
characters, and every sentence of 20 characters or more. Prints the accuracy of each
identifier on each, its load time and resident memory, and the time per call on whole
texts and on 100-character texts.

py3langid and lingua are not dependencies of the project: install them into the venv to
run this (`pip install py3langid lingua-language-detector`); an identifier that is not
installed is skipped.
"""

import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LANGS = ("en", "ro", "fr", "de", "es", "it", "pt", "ru")
CORPORA = (
    ROOT.parent / "shared/corpus/dev",
    ROOT.parent / "shared/corpus/train",
    ROOT / "tests/extraction/corpus",
    ROOT / "bench/heldout",
)
_SENTENCE_RE = re.compile(r"(?<=[.!?…])[\"”»“’)]*\s+|\n\s*")


def rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss, not inherited on exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_articles(dirs) -> list[tuple[str, str, str]]:
    """(name, gold language, body) of every annotated article of ``dirs``."""
    from diplomacy.extraction.dates import marker_end

    articles = []
    for d in dirs:
        for txt in sorted(Path(d).glob("*.txt")):
            gold = txt.with_suffix(".json")
            if not gold.exists():
                continue
            language = json.loads(gold.read_text(encoding="utf-8")).get("language")
            if language not in LANGS:
                continue
            text = txt.read_text(encoding="utf-8")
            articles.append((f"{Path(d).name}/{txt.stem}", language, text[marker_end(text) :]))
    return articles


def sentences(body: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.split(body) if s and s.strip()]


def samples(articles) -> dict[str, list[tuple[str, str, str]]]:
    """Each test condition: a list of (article, gold, text)."""
    out: dict[str, list] = {
        "whole text": [],
        "headline": [],
        "first sentence": [],
        "first 200 chars": [],
        "first 100 chars": [],
        "first 50 chars": [],
        "every sentence >= 20 chars": [],
    }
    for name, gold, body in articles:
        stripped = body.strip()
        lines = [line.strip() for line in stripped.splitlines() if line.strip()]
        sents = sentences(stripped)
        out["whole text"].append((name, gold, body))
        out["headline"].append((name, gold, lines[0] if lines else ""))
        out["first sentence"].append((name, gold, sents[0] if sents else ""))
        out["first 200 chars"].append((name, gold, stripped[:200]))
        out["first 100 chars"].append((name, gold, stripped[:100]))
        out["first 50 chars"].append((name, gold, stripped[:50]))
        out["every sentence >= 20 chars"].extend((name, gold, s) for s in sents if len(s) >= 20)
    return out


def build(name: str) -> Callable[[str], str]:
    """The identifier called ``name``, restricted to our eight languages."""
    if name == "today":
        from diplomacy.extraction.language import detect_language

        return detect_language
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE)
        ident.set_languages(list(LANGS))
        return lambda text: ident.classify(text)[0]
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in LANGS]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if name == "lingua-low":
        builder = builder.with_low_accuracy_mode()
    detector = builder.with_preloaded_language_models().build()

    def identify(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "en"

    return identify


NAMES = ("today", "py3langid", "lingua-high", "lingua-low")


def load_cost(name: str) -> tuple[float, float] | None:
    """Seconds to import and build ``name`` and its peak resident MB, in a fresh process."""
    done = subprocess.run(
        [sys.executable, __file__, "--load", name], capture_output=True, text=True, check=False
    )
    if done.returncode:
        return None
    seconds, mb = done.stdout.split()
    return float(seconds), float(mb)


def _load_only(name: str) -> None:
    t0 = time.perf_counter()
    build(name)("warm-up text")
    print(f"{time.perf_counter() - t0:.3f} {rss_mb():.0f}")


def per_call_ms(identify, texts: list[str], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        for text in texts:
            t0 = time.perf_counter()
            identify(text)
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> None:
    if argv[:1] == ["--load"]:
        _load_only(argv[1])
        return
    dirs = [Path(a) for a in argv] or list(CORPORA)
    articles = load_articles(dirs)
    conditions = samples(articles)
    print(f"{len(articles)} articles from {', '.join(str(d) for d in dirs)}")
    shortest = min(len(body.strip()) for _, _, body in articles)
    print(f"shortest article: {shortest} characters after the date marker")
    ids, costs = {}, {}
    for name in NAMES:
        cost = load_cost(name)
        if cost is None:
            print(f"{name}: not installed, skipped", file=sys.stderr)
            continue
        ids[name], costs[name] = build(name), cost
    names = list(ids)
    width, col = 28, 16
    print()
    print("accuracy".ljust(width) + "".join(n.rjust(col) for n in names))
    errors: dict[str, dict[str, list[str]]] = {n: {} for n in names}
    for condition, items in conditions.items():
        row = condition.ljust(width)
        for n in names:
            wrong = [f"{a}:{gold}->{got}" for a, gold, t in items if (got := ids[n](t)) != gold]
            errors[n][condition] = wrong
            ok = len(items) - len(wrong)
            row += f"{ok}/{len(items)} {100 * ok / len(items):.1f}%".rjust(col)
        print(row)
    print()
    whole = [t for _, _, t in conditions["whole text"]]
    kb = statistics.median(len(t.encode("utf-8")) for t in whole) / 1024
    short = [t for _, _, t in conditions["first 100 chars"]]
    print("cost".ljust(width) + "".join(n.rjust(col) for n in names))
    print(
        "load (s, fresh process)".ljust(width)
        + "".join(f"{costs[n][0]:.3f}".rjust(col) for n in names)
    )
    print("peak resident MB".ljust(width) + "".join(f"{costs[n][1]:.0f}".rjust(col) for n in names))
    print(
        f"ms per whole text ({kb:.1f} KB)".ljust(width)
        + "".join(f"{per_call_ms(ids[n], whole):.3f}".rjust(col) for n in names)
    )
    print(
        "ms per 100 chars".ljust(width)
        + "".join(f"{per_call_ms(ids[n], short):.3f}".rjust(col) for n in names)
    )
    print()
    for n in names:
        for condition in ("whole text", "headline", "first sentence", "first 100 chars"):
            if errors[n][condition]:
                print(f"{n}, {condition}, wrong: {' '.join(errors[n][condition])}")


if __name__ == "__main__":
    main(sys.argv[1:])
