"""Inflected names and trigger verbs: today's suffix rules against simplemma and pymorphy3.

    python bench/lemmatiser_compare.py [DIR ...]

Reads every article (*.txt with its *.json) of the corpora (default: ../shared/corpus/dev,
../shared/corpus/train, tests/extraction/corpus, bench/heldout) and prints two tables.

Names. For each gold leader of an article, the tokens of its written mentions (the
.json's "mentions") that are not already a token of one of the leader's names (the
name and aliases of diplomacy/leaders/data/leaders.jsonl): inflected forms such as
"Путина", "Putinului", "Bidens". Each occurrence in the text counts once. A method
reduces it when it yields a token of the leader's names: today, one of the forms
``phrases.variants`` gives (case_rules, German genitive -s); simplemma, its lemma;
pymorphy3 (Russian), the normal form of any of its parses.

Trigger words. For each language, the meeting and speech words of its lexicon file
(``meeting_words``, ``speech_verbs``) stand for their lexemes: a token of the text is an
occurrence of a trigger lexeme when today's lookup (the token or one of its variants is
in the list, as ``prepare``/``words`` match it) or a library (its lemma is the lemma of a
listed word) says so. The table gives how many of those occurrences each method
recognises, and the forms only one of them recognises, for judging by eye: a form only
the library finds may be a missed inflection or a false friend (a noun of the same
spelling).

Cost: microseconds per token on every token of the corpora (today's ``variants``
uncached, each library's call), and each library's load time and peak memory in a fresh
process for the eight languages.

simplemma and pymorphy3 (with pymorphy3-dicts-ru) are not dependencies of the
project: install them into the venv to run this; one that is missing is skipped.
"""

import json
import statistics
import subprocess
import sys
import time
from collections import Counter
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
LEADERS = ROOT / "diplomacy/leaders/data/leaders.jsonl"


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def methods() -> dict:
    """name -> function (token, language) -> set of folded dictionary forms."""
    from diplomacy.extraction import lexicon
    from diplomacy.extraction.phrases import variants
    from diplomacy.extraction.text import fold

    def today(token: str, language: str) -> set[str]:
        norm = fold(token)
        if lexicon.GRAMMAR[language].word_variants or norm[:1] >= "\u0400":
            return set(variants.__wrapped__(norm, language))
        return {norm}

    found = {"today": today}
    try:
        import simplemma
    except ImportError:
        print("simplemma not installed: skipped", file=sys.stderr)
    else:
        found["simplemma"] = lambda token, language: {
            fold(token),
            fold(simplemma.lemmatize(token, lang=language)),
        }
    try:
        import pymorphy3
    except ImportError:
        print("pymorphy3 not installed: skipped", file=sys.stderr)
    else:
        morph = pymorphy3.MorphAnalyzer(lang="ru")

        def pymorphy(token: str, language: str) -> set[str]:
            if language != "ru":
                return {fold(token)}
            return {fold(token)} | {fold(p.normal_form) for p in morph.parse(token)}

        found["pymorphy3 (ru)"] = pymorphy
    return found


def load_articles(dirs):
    from diplomacy.extraction.dates import marker_end

    for d in dirs:
        for txt in sorted(Path(d).glob("*.txt")):
            gold_file = txt.with_suffix(".json")
            if not gold_file.exists():
                continue
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            if gold.get("language") not in LANGS:
                continue
            text = txt.read_text(encoding="utf-8")
            yield f"{Path(d).name}/{txt.stem}", gold, text[marker_end(text) :]


def name_tokens() -> dict[str, set[str]]:
    from diplomacy.extraction.text import fold_phrase

    out: dict[str, set[str]] = {}
    for line in LEADERS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            forms = out.setdefault(entry["name"], set())
            for name in [entry["name"], *entry.get("aliases", [])]:
                forms.update(fold_phrase(name))
    return out


def _inflects(norm: str, known: set[str]) -> bool:
    """Whether ``norm`` starts like one of the names (an ending changed, not a title such
    as "President" or another spelling such as "Kadhafi")."""
    return any(len(k) >= 3 and norm[: min(4, len(k) - 1)] == k[: min(4, len(k) - 1)] for k in known)


def compare_names(articles, found) -> None:
    from diplomacy.extraction.text import TOKEN_RE, fold, fold_phrase

    names = name_tokens()
    totals: dict[str, Counter] = {}
    misses: dict[str, Counter] = {m: Counter() for m in found}
    for _, gold, body in articles:
        language = gold["language"]
        counts = Counter(TOKEN_RE.findall(body))
        for leader in gold.get("leaders", []):
            known = set(fold_phrase(leader["name"])) | names.get(leader["name"], set())
            tokens = {
                t
                for mention in leader.get("mentions", [])
                for t in TOKEN_RE.findall(mention)
                if t[:1].isupper() and len(t) >= 3
            }
            for token in tokens:
                if fold(token) in known or not counts[token] or not _inflects(fold(token), known):
                    continue
                row = totals.setdefault(language, Counter())
                row["inflected"] += counts[token]
                for m, reduce in found.items():
                    if reduce(token, language) & known:
                        row[m] += counts[token]
                    else:
                        misses[m][(language, token)] += counts[token]
    print(
        "Inflected occurrences of gold leaders' names (tokens starting like one of their"
        " names) reduced to a token of their names"
    )
    print("language".ljust(10) + "inflected".rjust(10) + "".join(m.rjust(16) for m in found))
    grand = Counter()
    for language in LANGS:
        row = totals.get(language, Counter())
        grand.update(row)
        print(
            language.ljust(10)
            + str(row["inflected"]).rjust(10)
            + "".join(
                (str(row[m]) if m != "pymorphy3 (ru)" or language == "ru" else "-").rjust(16)
                for m in found
            )
        )
    print(
        "all".ljust(10)
        + str(grand["inflected"]).rjust(10)
        + "".join(
            f"{grand[m]} ({100 * grand[m] / max(grand['inflected'], 1):.0f}%)".rjust(16)
            for m in found
        )
    )
    for m in found:
        top = ", ".join(f"{lang}:{tok}×{n}" for (lang, tok), n in misses[m].most_common(12))
        print(f"  {m} misses (most frequent): {top}")
    print()


def compare_triggers(articles, found) -> None:
    from diplomacy.extraction import lexicon
    from diplomacy.extraction.text import TOKEN_RE, fold

    listed = {
        language: {
            fold(w)
            for table in (lexicon.MEETING_WORDS, lexicon.SPEECH_VERBS)
            for w in table.get(language, "").split()
        }
        for language in LANGS
    }
    raw_listed = {
        language: [
            w
            for table in (lexicon.MEETING_WORDS, lexicon.SPEECH_VERBS)
            for w in table.get(language, "").split()
        ]
        for language in LANGS
    }
    libraries = [m for m in found if m != "today"]
    lemmas = {
        m: {
            language: set().union(*(found[m](w, language) for w in raw_listed[language]))
            - {fold(w) for w in raw_listed[language]}
            | listed[language]
            for language in LANGS
        }
        for m in libraries
    }
    totals: dict[str, Counter] = {}
    only: dict[str, Counter] = {m: Counter() for m in found}
    for _, gold, body in articles:
        language = gold["language"]
        row = totals.setdefault(language, Counter())
        for token, n in Counter(TOKEN_RE.findall(body)).items():
            if not token[:1].islower():
                continue
            hits = {"today": bool(found["today"](token, language) & listed[language])}
            for m in libraries:
                if m == "pymorphy3 (ru)" and language != "ru":
                    continue
                reduced = found[m](token, language) - {fold(token)}
                hits[m] = fold(token) in listed[language] or bool(reduced & lemmas[m][language])
            if not any(hits.values()):
                continue
            row["occurrences"] += n
            for m, hit in hits.items():
                if hit:
                    row[m] += n
            for m, hit in hits.items():
                if hit and not all(hits.values()):
                    only[m][(language, token)] += n
    print("Occurrences of trigger lexemes (meeting_words, speech_verbs) each method recognises")
    print("language".ljust(10) + "occurrences".rjust(12) + "".join(m.rjust(16) for m in found))
    for language in LANGS:
        row = totals.get(language, Counter())
        print(
            language.ljust(10)
            + str(row["occurrences"]).rjust(12)
            + "".join(
                (str(row[m]) if m != "pymorphy3 (ru)" or language == "ru" else "-").rjust(16)
                for m in found
            )
        )
    for m in found:
        top = ", ".join(f"{lang}:{tok}×{n}" for (lang, tok), n in only[m].most_common(25))
        print(f"  only {m}: {top}")
    print()


def cost(articles, found) -> None:
    from diplomacy.extraction.text import TOKEN_RE

    tokens = [(t, gold["language"]) for _, gold, body in articles for t in TOKEN_RE.findall(body)]
    print(f"Cost on {len(tokens)} tokens")
    for m, reduce in found.items():
        # pymorphy3 only reads Russian: its cost is per Russian token.
        mine = [(t, lang) for t, lang in tokens if lang == "ru"] if "(ru)" in m else tokens
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            for token, language in mine:
                reduce(token, language)
            runs.append(time.perf_counter() - t0)
        per = statistics.median(runs) / len(mine) * 1e6
        load = _load_cost(m) + (" for the eight languages" if m == "simplemma" else "")
        print(f"  {m}: {per:.2f} µs per token of {len(mine)} (median of 3 passes); load {load}")


def _load_cost(name: str) -> str:
    done = subprocess.run(
        [sys.executable, __file__, "--load", name], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def _load_only(name: str) -> None:
    t0 = time.perf_counter()
    if name.startswith("simplemma"):
        import simplemma

        for language in name.partition(":")[2].split(",") if ":" in name else LANGS:
            simplemma.lemmatize("warm", lang=language)
    elif name.startswith("pymorphy3"):
        import pymorphy3

        pymorphy3.MorphAnalyzer(lang="ru").parse("встреча")
    else:
        from diplomacy.extraction.phrases import variants

        variants("путина", "ru")
    print(f"{time.perf_counter() - t0:.2f} s, peak {peak_mb():.0f} MB")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--load"]:
        _load_only(argv[1])
        return
    dirs = [Path(a) for a in argv] or list(CORPORA)
    articles = list(load_articles(dirs))
    print(f"{len(articles)} articles\n")
    found = methods()
    compare_names(articles, found)
    compare_triggers(articles, found)
    cost(articles, found)
    if "simplemma" in found:
        print(
            "  simplemma load per language: "
            + ", ".join(f"{lang} {_load_cost('simplemma:' + lang)}" for lang in LANGS)
        )


if __name__ == "__main__":
    main(sys.argv[1:])
