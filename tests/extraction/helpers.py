"""Helpers that turn an extraction into plain values for whole-value comparisons."""

from diplomacy.extraction.types import Extraction


def meetings(extraction: Extraction) -> list[tuple]:
    """(participants, date, location, kind, reported_as) of each meeting."""
    return [
        (frozenset(m.participants), m.date, m.location_name, m.kind, m.reported_as)
        for m in extraction.meetings
    ]


def statements(extraction: Extraction) -> list[tuple[str, str, str]]:
    """(speaker, text, kind) of each statement."""
    return [(s.speaker, s.text, s.kind) for s in extraction.statements]


def direct(extraction: Extraction) -> list[tuple[str, str]]:
    return [(s.speaker, s.text) for s in extraction.statements if s.kind == "direct"]
