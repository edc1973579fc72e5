"""Stage 12, merging: one meeting reported several times becomes one.

Reads the meetings found. Merges those with the same participants and compatible dates,
places and kinds (and those the aides joined), keeping the most precise values.
"""

from __future__ import annotations

from diplomacy.extraction.dating import KIND_ORDER
from diplomacy.extraction.document import Document
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.trace import note_merge
from diplomacy.extraction.types import (
    ExtractedMeeting,
)


def _joined_by_aides(doc: Document, x: ExtractedMeeting, m: ExtractedMeeting) -> bool:
    """ "Marcelo foi recebido por Chapo. Marcelo, acompanhado por Rangel, esteve reunido
    com Chapo": on the same day, the same leaders with ministers of their own countries
    are the same meeting, told again with more of its people."""
    if x.date != m.date or x.date_precision != "day" or ("call" in (x.kind, m.kind)):
        return False
    small, big = sorted((set(x.participants), set(m.participants)), key=len)
    if len(small) < 2 or not small < big:
        return False
    by_name = {leader_entry(doc, k).name: leader_entry(doc, k).country for k in doc.involved}
    sides = {by_name.get(n) for n in small}
    return None not in sides and all(by_name.get(n) in sides for n in big - small)


def merge(doc: Document, found: list[ExtractedMeeting]) -> list[ExtractedMeeting]:
    merged: list[ExtractedMeeting] = []
    for m in found:
        same = next(
            (x for x in merged if set(x.participants) == set(m.participants) and x.date == m.date),
            None,
        ) or next((x for x in merged if _joined_by_aides(doc, x, m)), None)
        if same is None:
            merged.append(m)
            continue
        note_merge(doc, m, same)
        same.evidence.extend(m.evidence)
        same.confidence = max(same.confidence, m.confidence)
        if KIND_ORDER[m.kind] < KIND_ORDER[same.kind]:
            same.kind = m.kind
            if same.kind == "call":
                same.location_name = same.location_country = None  # a call has no venue
        if same.location_name is None and m.location_name and same.kind != "call":
            same.location_name, same.location_country = m.location_name, m.location_country
        if len(m.participants) > len(same.participants):
            same.participants = m.participants
    return merged
