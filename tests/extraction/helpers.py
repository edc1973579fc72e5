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


def planned(extraction: Extraction) -> list[tuple]:
    """(participants, date) of each planned (future, wished-for, conditional) meeting."""
    return [(frozenset(m.participants), m.date) for m in extraction.planned_meetings]


def indirect(extraction: Extraction) -> list[tuple[str, str]]:
    """(speaker, first 30 characters) of each reported-speech statement."""
    return [(s.speaker, s.text[:30]) for s in extraction.statements if s.kind == "indirect"]
