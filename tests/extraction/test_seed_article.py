"""The seed article (corpus/dev/seed-ro-putin-kim.txt): its three meetings and six quotes."""

from pathlib import Path

import pytest
from django.conf import settings

from diplomacy.extraction import extract, read_date_marker, to_schema

SHARED = Path(settings.SHARED_DIR)  # ../shared, or DIPLOMACY_SHARED_DIR
SEED = SHARED / "corpus" / "dev" / "seed-ro-putin-kim.txt"

PUTIN, KIM, XI, TRUMP, USHAKOV = (
    "Vladimir Putin",
    "Kim Jong Un",
    "Xi Jinping",
    "Donald Trump",
    "Yuri Ushakov",
)


@pytest.fixture(scope="module")
def seed(knowledge_base):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text, None, knowledge_base)


def test_seed_date_marker_on_the_same_line_as_the_text(seed):
    text, extraction = seed
    assert (read_date_marker(text).isoformat(), extraction.language) == ("2025-09-03", "ro")


def test_seed_gives_exactly_its_three_meetings(seed):
    _, extraction = seed
    found = sorted(
        (sorted(m.participants), m.date, m.location_name, m.location_country, m.kind, m.reported_as)
        for m in extraction.meetings
    )
    assert found == [
        ([KIM, PUTIN], "2024-06", "Pyongyang", "KP", "bilateral", "past"),
        ([KIM, PUTIN], "2025-09-03", "Beijing", "CN", "bilateral", "current"),
        ([KIM, PUTIN, XI], "2025-09-03", "Beijing", "CN", "multilateral", "current"),
    ]


def test_seed_has_no_trump_meeting(seed):
    _, extraction = seed
    assert [m for m in extraction.meetings if TRUMP in m.participants] == []


def test_seed_quotes_and_their_speakers(seed):
    _, extraction = seed
    quotes = [(s.speaker, s.text[:40]) for s in extraction.statements if s.kind == "direct"]
    # The six annotated quotes; the one- and two-word quotations (optional in the
    # annotation) are Putin's and Kim's own words, kept apart as fragments.
    assert quotes == [
        (PUTIN, "Relațiile dintre țările noastre au căpăt"),
        (PUTIN, "Mă bucur să am ocazia să țin o întâlnire"),
        (KIM, "dacă pot face ceva pentru dumneavoastră "),
        (TRUMP, "Vă rog să transmiteți salutările mele că"),
        (USHAKOV, "Vreau să spun că nimeni nu a complotat n"),
        (USHAKOV, "Niciunul dintre cei trei lideri nu s-a g"),
    ]
    assert [(s.speaker, s.text, s.kind) for s in extraction.fragments] == [
        (PUTIN, "curajul", "fragment"),
        (PUTIN, "eroismul", "fragment"),
        (KIM, "consolidat semnificativ", "fragment"),
    ]


def test_seed_statement_offsets_point_at_the_quotation(seed):
    text, extraction = seed
    assert all(text[s.start : s.end] == s.text for s in extraction.statements)


def test_seed_schema_fields(seed):
    text, extraction = seed
    out = to_schema(extraction, "seed-ro-putin-kim.txt")
    first = out["meetings"][0]
    assert (
        sorted(out),
        sorted(first),
        sorted(out["leaders"][0]),
        sorted(out["statements"][0]),
    ) == (
        ["file", "language", "leaders", "meetings", "planned_meetings", "published", "statements"],
        [
            "confidence",
            "date",
            "date_precision",
            "evidence",
            "kind",
            "location",
            "participants",
            "reported_as",
        ],
        ["country", "mentions", "name", "role"],
        ["end", "kind", "meeting", "speaker", "start", "text"],
    )
    assert all(text[e["start"] : e["end"]] == e["text"] for e in first["evidence"])
