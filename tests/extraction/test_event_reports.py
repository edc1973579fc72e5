"""One-sentence English event reports (GDELT/ICEWS-like news leads).

``event_reports_en.jsonl`` holds original sentences naming real leaders: most report threats,
protests, accusations, sanctions, aid, military action, agreements at a distance, planned or
cancelled visits and calls for talks (``"meeting": false``); about 15 % report a genuine
meeting, call or visit (``"meeting": true``). Any meeting extracted from a ``false`` sentence
is a false positive; the budget is 2 %. Recall on the ``true`` ones is held at a floor a
little below what the engine measured when the file was written.

Plain Python: no database. Run with ``-s`` to see the sentences the engine gets wrong.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from diplomacy.extraction import extract, load_knowledge_base
from diplomacy.leaders.data import LEADERS_FILE

REPORTS = Path(__file__).resolve().parent / "event_reports_en.jsonl"
# The budget is 2 %; measured 0/178 on 2026-11-26 after the generalisation work, so
# the floor holds a margin: more than one false positive fails.
MAX_FALSE_POSITIVE_RATE = 0.01
# Measured 29/32 = 0.906 on 2026-11-26 before, 32/32 after the generalisation work.
MIN_RECALL = 0.93


@cache
def _results() -> list[tuple[dict, list]]:
    kb = load_knowledge_base(LEADERS_FILE)
    out = []
    for line in REPORTS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        extraction = extract(row["text"], date.fromisoformat(row["published"]), kb)
        out.append((row, list(extraction.meetings)))
    return out


def _describe(meetings) -> str:
    return "; ".join(f"{sorted(m.participants)} {m.date} {m.kind}" for m in meetings)


def test_event_reports_file_is_well_formed():
    rows = [row for row, _ in _results()]
    assert len(rows) >= 150
    assert len({row["text"] for row in rows}) == len(rows), "duplicate sentences"
    for row in rows:
        assert set(row) == {"text", "published", "meeting"}, row
        assert isinstance(row["meeting"], bool), row
        date.fromisoformat(row["published"])
    share = sum(row["meeting"] for row in rows) / len(rows)
    assert 0.10 <= share <= 0.20, share


def test_meeting_false_positive_rate_within_budget():
    negatives = [(row, ms) for row, ms in _results() if not row["meeting"]]
    wrong = [(row, ms) for row, ms in negatives if ms]
    rate = len(wrong) / len(negatives)
    print(f"\nmeeting false positives: {len(wrong)}/{len(negatives)} = {rate:.3f}")
    for row, ms in wrong:
        print(f"  FP {row['published']} {row['text']!r} -> {_describe(ms)}")
    assert rate <= MAX_FALSE_POSITIVE_RATE, [row["text"] for row, _ in wrong]


def test_meeting_recall_floor():
    positives = [(row, ms) for row, ms in _results() if row["meeting"]]
    missed = [row for row, ms in positives if not ms]
    recall = (len(positives) - len(missed)) / len(positives)
    print(f"\nmeeting recall: {len(positives) - len(missed)}/{len(positives)} = {recall:.3f}")
    for row in missed:
        print(f"  FN {row['published']} {row['text']!r}")
    assert recall >= MIN_RECALL, [row["text"] for row in missed]
