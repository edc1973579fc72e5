"""Corpus-level scores of the extraction engine, with floors that fail the build on regression.

Two corpora are scored with the shared scorer (``shared/eval/score.py``, imported by path):

* ``shared/corpus/dev``: the 13 annotated dev articles (third-party text kept beside the
  repository, never copied into it). The engine is expected to be near perfect there.
* ``tests/extraction/corpus``: our own annotated articles (original news-style prose in the
  eight languages, ``xx-own-NN``), written to measure how the engine generalises beyond dev.
  The floors there sit a little below what the engine measured when they were written, so
  that a regression fails while the engine can only improve. Raise them as it improves.

Plain Python: no database, the knowledge base comes from the repository's JSONL file.
Run with ``-s`` to see the per-article lines and summaries.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from pathlib import Path

from django.conf import settings

from diplomacy.extraction import extract, load_knowledge_base, to_schema
from diplomacy.leaders.data import LEADERS_FILE

HERE = Path(__file__).resolve().parent
SHARED = Path(settings.SHARED_DIR)  # ../shared, or DIPLOMACY_SHARED_DIR
DEV_DIR = SHARED / "corpus" / "dev"
SCORER_PATH = SHARED / "eval" / "score.py"
OWN_DIR = HERE / "corpus"
LANGUAGES = ("en", "ro", "fr", "de", "es", "it", "pt", "ru")

# Floors for our own corpus: a little below the figures measured on 2026-11-28 over the
# 96 articles (xx-own-01…12) after the third generalisation round, which worked on French,
# Italian, Portuguese and Spanish (meetings_f1 0.724, meetings_participants_f1 0.787,
# statements_f1 0.882, leaders_f1 0.983, quote_recall 0.857, speaker_acc 0.97,
# indirect_recall 0.715, trap_hits 0; the engine before it measured meetings_f1 0.634,
# meetings_participants_f1 0.694, statements_f1 0.875, indirect_recall 0.695 and 19 trap
# hits on the same 96). The second round measured meetings_f1 0.781 over xx-own-01…08, the
# first 0.979 over the 32 articles 01–04 it was tuned on. The statements round after it
# (reporting verbs, descriptions of speakers, quotations over paragraphs, subjunctive and
# infinitive reported speech) measured statements_f1 0.944, quote_recall 0.965,
# speaker_acc 0.97 and indirect_recall 0.92, meetings unchanged. The meeting-kind round
# (host's seats, visit phrases and honours, sidelines, calls by their means, domestic
# consultations) measured meeting_kind_acc 0.907, up from 0.809. The meeting round after
# it (undated meetings going on with the event before them, headline and dateline dates,
# people who joined or accompanied, leaders' first names and relatives) measured
# meetings_f1 0.804 and meetings_participants_f1 0.822, kind 0.912. Pair phrases for
# ministers and heads of government, and family-name-first surnames ("Lee"), then
# measured meetings_f1 0.808 and meetings_participants_f1 0.827.
OWN_FLOORS = {
    "meetings_f1": 0.79,
    "meetings_participants_f1": 0.81,
    "meeting_kind_acc": 0.90,
    "statements_f1": 0.92,
    "leaders_f1": 0.97,
    "quote_recall": 0.94,
    "speaker_acc": 0.95,
    "indirect_recall": 0.89,
}
OWN_MAX_TRAP_HITS = 0
# Per language: annotated meetings found exactly (participants and date), at least.
# Measured: en 26, ro 23, fr 27, de 30, es 20, it 28, pt 18, ru 22 (before the third
# round: en 26, ro 22, fr 16, de 30, es 18, it 17, pt 17, ru 22).
OWN_MEETINGS_TP_FLOOR = {
    "en": 25,
    "ro": 22,
    "fr": 26,
    "de": 29,
    "es": 19,
    "it": 27,
    "pt": 17,
    "ru": 21,
}


def _load_scorer():
    assert SCORER_PATH.is_file(), f"shared scorer not found at {SCORER_PATH}"
    spec = importlib.util.spec_from_file_location("shared_eval_score", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _scorer():
    return _load_scorer()


@cache
def _kb():
    return load_knowledge_base(LEADERS_FILE)


def _articles(directory: Path) -> list[tuple[str, str, dict]]:
    """(name, text, annotation) of every NAME.txt with its NAME.json."""
    assert directory.is_dir(), f"corpus directory not found: {directory}"
    out = []
    for gold_file in sorted(directory.glob("*.json")):
        text_file = gold_file.with_suffix(".txt")
        assert text_file.is_file(), f"{gold_file.name} has no {text_file.name}"
        text = text_file.read_text(encoding="utf-8")
        out.append((gold_file.stem, text, json.loads(gold_file.read_text(encoding="utf-8"))))
    return out


@cache
def _score(directory: Path) -> tuple[dict, dict[str, dict], list[str]]:
    """Summary over the corpus, per-language counters and the scorer's per-article lines."""
    scorer = _scorer()
    total, by_language, lines = None, {}, []
    for name, text, gold in _articles(directory):
        pred = to_schema(extract(text, None, _kb()), f"{name}.txt")
        c = scorer.score_article(gold, pred)
        total = c if total is None else {k: total[k] + c[k] for k in total}
        lang = gold.get("language", "?")
        by_language[lang] = (
            c if lang not in by_language else {k: by_language[lang][k] + c[k] for k in c}
        )
        lines.append(
            f"{name:22} {lang:3} meetings {c['meet_tp']}/{c['meet_gold']} (pred {c['meet_pred']}, "
            f"traps {c['traps']})  quotes {c['speaker_ok']}/{c['quote_gold']} "
            f"(spurious {c['quote_spurious']})  leaders {c['leaders_tp']}/{c['leaders_gold']}"
        )
    assert total is not None, f"no annotated articles in {directory}"
    return scorer.summarize(total), by_language, lines


def _report(title: str, directory: Path) -> dict:
    summary, by_language, lines = _score(directory)
    print(f"\n== {title} ({directory})")
    print("\n".join(lines))
    for lang, counts in sorted(by_language.items()):
        s = _scorer().summarize(counts)
        print(
            f"  [{lang}] meetings_f1 {s['meetings_f1']} statements_f1 {s['statements_f1']} "
            f"leaders_f1 {s['leaders_f1']} traps {s['trap_hits']}"
        )
    print(" · ".join(f"{k} {v}" for k, v in summary.items()))
    return summary


# --- the shared dev corpus -------------------------------------------------------------


def test_dev_corpus_meets_its_floors():
    summary = _report("dev", DEV_DIR)
    assert summary["meetings_f1"] >= 0.90, summary
    assert summary["statements_f1"] >= 0.90, summary
    assert summary["leaders_f1"] >= 0.95, summary
    assert summary["trap_hits"] == 0, summary


# --- our own corpus --------------------------------------------------------------------


def test_own_corpus_is_well_formed():
    """The annotation is the truth the engine is held to: check it against its own text."""
    articles = _articles(OWN_DIR)
    counts = {lang: 0 for lang in LANGUAGES}
    for name, text, gold in articles:
        lang = name.split("-")[0]
        assert re.fullmatch(r"[a-z]{2}-own-\d{2}", name), name
        assert gold["language"] == lang, name
        assert text.startswith(f"date {gold['published']}\n"), name
        counts[lang] += 1
        words = len(text.split())
        assert 150 <= words <= 520, (name, words)
        leaders = {leader["name"] for leader in gold["leaders"]}
        for leader in gold["leaders"]:
            for mention in leader["mentions"]:
                assert mention in text, (name, mention)
        for meeting in gold["meetings"]:
            assert set(meeting["participants"]) <= leaders, (name, meeting["participants"])
            assert len(meeting["participants"]) >= 2, (name, meeting)
            assert meeting["evidence"] in text, (name, meeting["evidence"])
            assert meeting["kind"] in {"bilateral", "multilateral", "call", "visit"}, name
            assert meeting["reported_as"] in {"current", "past"}, name
            assert meeting["date"] is None or re.fullmatch(
                r"\d{4}(-\d{2}(-\d{2})?)?", meeting["date"]
            )
        for statement in gold["statements"]:
            assert statement["speaker"] in leaders, (name, statement)
            assert statement["quote_start"] in text, (name, statement["quote_start"])
        for a, b in gold["non_meetings"]:
            assert {a, b} <= leaders, (name, a, b)
            # A pair that talked in any mode is never a trap.
            assert not any({a, b} <= set(m["participants"]) for m in gold["meetings"]), (name, a, b)
    assert all(n >= 3 for n in counts.values()), counts


def test_own_corpus_meets_its_floors():
    summary = _report("own corpus", OWN_DIR)
    for key, floor in OWN_FLOORS.items():
        assert summary[key] >= floor, (key, summary[key], floor)
    assert summary["trap_hits"] <= OWN_MAX_TRAP_HITS, summary


def test_own_corpus_meetings_per_language():
    _, by_language, _ = _score(OWN_DIR)
    found = {lang: by_language.get(lang, {}).get("meet_tp", 0) for lang in LANGUAGES}
    print("\nmeetings found per language:", found)
    for lang, floor in OWN_MEETINGS_TP_FLOOR.items():
        assert found[lang] >= floor, (lang, found[lang], floor)
