"""Stage 15, assembling: statements linked to meetings, and the article's leaders.

Reads the meetings, the statements and the mentions. Sets the meeting each statement
was said at, and lists the leaders involved with their mentions.
"""

from __future__ import annotations

from diplomacy.extraction.document import Document
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.types import (
    ExtractedLeader,
    ExtractedMeeting,
    ExtractedStatement,
)


def link_statements(
    doc: Document, meetings: list[ExtractedMeeting], statements: list[ExtractedStatement]
) -> None:
    """A statement belongs to the current meeting its speaker took part in."""
    for st in statements:
        for i, m in enumerate(meetings):
            if m.reported_as == "current" and st.speaker in m.participants:
                st.meeting = i
                break


def list_leaders(doc: Document, meetings, statements) -> list[ExtractedLeader]:
    """Everyone named, plus those known only by role or pronoun who met or spoke."""
    spans: dict[str, list[tuple[int, int]]] = {}
    order: list[str] = []
    for m in doc.mentions:
        if m.key is None or m.kind not in ("name", "demonym"):
            continue
        if m.key not in spans:
            spans[m.key] = []
            order.append(m.key)
        spans[m.key].append((m.start, m.end))
    for key in doc.involved:
        if key not in spans:
            spans[key] = []
            order.append(key)
    out = []
    for key in order:
        entry = leader_entry(doc, key)
        known = key not in doc.unknown
        office = doc.kb.office_on(key, doc.published) if known else None
        role = office.title if office else doc.unknown_titles.get(key, "")
        out.append(
            ExtractedLeader(
                name=entry.name,
                country=entry.country,
                role=role,
                known=known,
                key=key if known else None,
                mentions=spans[key],
            )
        )
    return out
