"""The extraction engine: article text → leaders, meetings and statements.

A pipeline of stages, each a module that reads the document (``document.Document``) and
adds to it or returns what it found: ``prepare`` (tokens, quotations, sentences) →
``places`` → ``roles`` → ``names`` → ``pronouns`` (demonyms and pronouns) →
``relations`` → ``meetings`` (``triggers``, ``modality``, ``parties``, ``pairs``,
``candidate`` with ``dating``, ``placing`` and ``kind``, then ``merging``) →
``statements`` (``quotes``, ``speakers``, ``reported``) → ``assemble``; each meeting
word becomes a ``candidate.Candidate`` that carries what each stage decides about it.
Every language's words and grammar traits come from the data files
(``data/lexicon``, ``data/dates``, ``data/geo``) read by ``lexicon``, ``date_words``
and ``geo``; ``words`` builds each language's indexes from them.

Precision comes first for meetings: a meeting needs a meeting word outside any
quotation, not negated or future, and two distinct leaders linked to that word in
the same sentence (or a pair referred back to: "the two leaders"). Two leaders merely
named together make no meeting. Future, wished-for and conditional meetings are kept
apart as ``planned_meetings``; negated, cancelled or ruled-out ones are dropped.
"""

from __future__ import annotations

import gc
from datetime import date

from diplomacy.extraction.assemble import link_statements, list_leaders
from diplomacy.extraction.dates import marker_end, read_date_marker
from diplomacy.extraction.knowledge import KnowledgeBase
from diplomacy.extraction.language import detect_language
from diplomacy.extraction.meetings import find_meetings
from diplomacy.extraction.names import find_names
from diplomacy.extraction.places import find_places
from diplomacy.extraction.prepare import prepare_document
from diplomacy.extraction.pronouns import find_demonyms_and_pronouns
from diplomacy.extraction.relations import mark_relations
from diplomacy.extraction.roles import find_roles
from diplomacy.extraction.statement_cleanup import tidy_statements
from diplomacy.extraction.statements import find_statements
from diplomacy.extraction.trace import Trace, finish
from diplomacy.extraction.types import (
    ExtractedMeeting,
    Extraction,
)


def extract(
    text: str, published: date | None, kb: KnowledgeBase, trace: bool = False
) -> Extraction:
    """Leaders, meetings and statements of one article. Deterministic. With ``trace``,
    the extraction's ``trace`` says why each meeting word and quotation gave what it
    gave (``trace.Trace``); the rest is the same."""
    # Extraction allocates many small short-lived objects and makes no reference cycles
    # worth collecting meanwhile: pausing the cyclic collector saves about 5 % of the time.
    paused = gc.isenabled()
    gc.disable()
    try:
        return tidy_statements(_extract(text, published, kb, trace), text)
    finally:
        if paused:
            gc.enable()


def _extract(text: str, published: date | None, kb: KnowledgeBase, trace: bool) -> Extraction:
    if published is None:
        published = read_date_marker(text)
    body = marker_end(text)
    language = detect_language(text[body:])
    doc = prepare_document(text, body, language, published, kb)
    if trace:
        doc.trace = Trace()
    find_places(doc)
    doc.indexes.clear()  # the places were sorted in place: index them afresh
    find_roles(doc)
    find_names(doc)
    find_demonyms_and_pronouns(doc)
    doc.mentions.sort(key=lambda m: m.start)
    doc.indexes.clear()  # the same for the mentions
    mark_relations(doc)
    meetings = find_meetings(doc)
    statements = find_statements(doc)
    link_statements(doc, meetings, statements)
    leaders = list_leaders(doc, meetings, statements)
    extraction = Extraction(
        language=language,
        published=published,
        leaders=leaders,
        meetings=meetings,
        statements=statements,
        planned_meetings=doc.planned,
        trace=doc.trace,
    )
    if doc.trace is not None:
        finish(doc.trace, extraction)
    return extraction


def to_schema(extraction: Extraction, file: str) -> dict:
    """The JSON object of ``eval/SCHEMA.md`` for one article."""
    leaders = []
    for leader in extraction.leaders:
        row = {
            "name": leader.name,
            "country": leader.country,
            "role": leader.role,
            "mentions": [[s, e] for s, e in leader.mentions],
        }
        if not leader.known:
            row["known"] = False
        leaders.append(row)
    meetings, planned = (
        [_meeting_schema(m) for m in found]
        for found in (extraction.meetings, extraction.planned_meetings)
    )
    statements = [
        {
            "speaker": s.speaker,
            "text": s.text,
            "kind": s.kind,
            "start": s.start,
            "end": s.end,
            "meeting": s.meeting,
        }
        for s in extraction.statements
    ]
    return {
        "file": file,
        "language": extraction.language,
        "published": extraction.published.isoformat() if extraction.published else None,
        "leaders": leaders,
        "meetings": meetings,
        "planned_meetings": planned,
        "statements": statements,
    }


def _meeting_schema(m: ExtractedMeeting) -> dict:
    return {
        "participants": list(m.participants),
        "date": m.date,
        "date_precision": m.date_precision,
        "location": (
            {"name": m.location_name, "country": m.location_country} if m.location_name else None
        ),
        "kind": m.kind,
        "reported_as": m.reported_as,
        "confidence": m.confidence,
        "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in m.evidence],
    }
