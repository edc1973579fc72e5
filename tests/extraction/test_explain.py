"""The extraction trace: why each meeting word gave a meeting or none, and which rule named
each quotation's speaker (``extract(..., trace=True)``, ``manage.py extract --explain``)."""

from __future__ import annotations

import importlib.util
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from diplomacy.extraction import extract, to_schema
from diplomacy.extraction.trace import render

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
_spec = importlib.util.spec_from_file_location("make_golden", GOLDEN_DIR / "make_golden.py")
make_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_golden)

ROWS = [json.loads(line) for line in make_golden.GOLDEN.read_text(encoding="utf-8").splitlines()]
PATHS = dict(make_golden.articles())
DEV = settings.SHARED_DIR / "corpus" / "dev"
DEV_FILES = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_traced_extraction_equals_the_golden_output(row, knowledge_base):
    path = PATHS.get(row["file"])
    if path is None:
        pytest.skip(f"{row['file']} is not here (shared corpus missing?)")
    text = path.read_bytes().decode("utf-8-sig")
    traced = extract(text, None, knowledge_base, trace=True)
    assert to_schema(traced, row["file"]) == row["output"]
    assert traced.trace is not None


def test_extraction_without_trace_has_none(knowledge_base):
    assert extract("Putin met Xi in Beijing.", date(2025, 5, 8), knowledge_base).trace is None


def test_trace_of_a_kept_meeting_gives_parties_date_place_and_decision(knowledge_base):
    text = "Vladimir Putin met Xi Jinping in Beijing on Tuesday."
    found = extract(text, date(2025, 5, 8), knowledge_base, trace=True)
    [c] = found.trace.candidates
    assert (c.trigger, c.start, c.end) == ("met", 15, 18)
    assert [(p.name, p.party) for p in c.people] == [("Vladimir Putin", True), ("Xi Jinping", True)]
    assert c.modality == "held"
    assert (c.date, c.date_precision) == ("2025-05-06", "day")
    assert c.date_source == "«Tuesday», the date nearest the meeting word in its clause"
    assert c.place == "Beijing"
    assert c.place_cue == "in its sentence, the place nearest the meeting word: «Beijing»"
    assert (c.decision, c.reason, c.meeting) == ("kept", "meeting #1 of the article", 0)


def test_trace_of_a_negated_meeting_word_says_it_was_dropped_and_why(knowledge_base):
    text = "Vladimir Putin did not hold talks with Xi Jinping in Beijing."
    found = extract(text, date(2025, 5, 8), knowledge_base, trace=True)
    assert found.meetings == []
    [c] = found.trace.candidates
    assert (c.trigger, c.modality, c.decision) == ("talks", "negated", "dropped")
    assert c.modality_cue.startswith("a negation before it in its clause: «…Vladimir Putin did not")
    assert [(p.name, p.party) for p in c.people] == [
        ("Vladimir Putin", False),
        ("Xi Jinping", False),
    ]


def test_trace_says_why_a_leader_named_in_the_sentence_is_no_party(knowledge_base):
    text = "Emmanuel Macron met Olaf Scholz in Berlin to discuss sanctions against Vladimir Putin."
    found = extract(text, date(2025, 5, 8), knowledge_base, trace=True)
    [c] = found.trace.candidates
    people = {p.name: (p.party, p.reason) for p in c.people}
    assert people["Vladimir Putin"] == (
        False,
        "the object of a word like 'against' or 'for': what the news is about",
    )
    assert people["Emmanuel Macron"][0] and people["Olaf Scholz"][0]


def test_trace_names_the_speaker_rule_of_each_quotation(knowledge_base):
    text = 'Emmanuel Macron said: "We will stand with Ukraine for as long as it takes."'
    found = extract(text, date(2025, 5, 8), knowledge_base, trace=True)
    [q] = found.trace.quotes
    assert (q.speaker, q.rule) == (
        "Emmanuel Macron",
        "before the quotation: the subject of the nearest speech verb",
    )


def test_render_prints_every_section_of_each_candidate(knowledge_base):
    text = "Vladimir Putin met Xi Jinping in Beijing on Tuesday."
    found = extract(text, date(2025, 5, 8), knowledge_base, trace=True)
    assert render(found.trace, found).splitlines() == [
        "meeting #1: Vladimir Putin, Xi Jinping; 2025-05-06, Beijing; bilateral (from candidate 1)",
        "candidate 1: «met» at 15-18",
        "  trigger: meeting word in sentence 0-52",
        "  parties:",
        "    + Vladimir Putin: named beside the meeting word (name)",
        "    + Xi Jinping: named beside the meeting word (name)",
        "  modality: held (no negation, future, wish, request or condition around it:"
        " «…Vladimir Putin [met] Xi Jinping in Beijing on Tuesday…»)",
        "  date: 2025-05-06 (day) from «Tuesday», the date nearest the meeting word in its clause",
        "  place: Beijing (in its sentence, the place nearest the meeting word: «Beijing»)",
        "  kind: bilateral",
        "  decision: kept: meeting #1 of the article",
    ]


SECTIONS = ("  trigger: ", "  parties:", "  modality: ", "  date: ", "  place: ", "  decision: ")


@pytest.mark.skipif(not DEV_FILES, reason="the shared dev corpus is not here")
@pytest.mark.django_db
def test_explain_command_explains_every_meeting_of_every_dev_article(kb):
    out = io.StringIO()
    call_command("extract", "--explain", *map(str, DEV_FILES), stdout=out)
    blocks = re.split(r"^== ", out.getvalue(), flags=re.M)[1:]
    assert [b.split("\n", 1)[0] for b in blocks] == list(map(str, DEV_FILES))
    for path, block in zip(DEV_FILES, blocks, strict=True):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        meetings = [line for line in block.splitlines() if line.startswith("meeting #")]
        # The engine finds every meeting of the dev articles (score 1.0): one line each.
        assert len(meetings) == len(expected["meetings"]), path.name
        candidates = re.split(r"^candidate \d+: ", block, flags=re.M)[1:]
        for n in range(1, len(meetings) + 1):
            pattern = rf"^  decision: kept: meeting #{n} of the article"
            sources = [c for c in candidates if re.search(pattern, c, flags=re.M)]
            assert sources, f"{path.name}: no candidate for meeting #{n}"
            for c in sources:
                for section in SECTIONS:
                    assert section in c, f"{path.name}: meeting #{n} lacks {section.strip()}"
                assert "  kind: " in c
                assert re.search(r"^    \+ ", c, flags=re.M), "a kept candidate has parties"
        quotes = re.findall(r"^quote \d+: .*\n  speaker: ", block, flags=re.M)
        assert len(quotes) == block.count("\nquote ")
