"""The statement stages in order: quotations → speakers → reported speech.

Reads the annotated document. Gives the direct and indirect statements with their
speakers.
"""

from __future__ import annotations

from diplomacy.extraction.document import Document, sentence_at
from diplomacy.extraction.names import leader_entry
from diplomacy.extraction.quotes import is_question, quote_speaker
from diplomacy.extraction.reported import indirect
from diplomacy.extraction.speakers import Said, drop_repeats
from diplomacy.extraction.types import (
    ExtractedStatement,
)


def find_statements(doc: Document) -> list[ExtractedStatement]:
    said: list[Said] = []
    text = doc.text
    for qi, (qs, qe) in enumerate(doc.quotes):
        start, end = qs, qe
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or is_question(doc, qs):
            continue
        sentence = sentence_at(doc, qs)
        key = quote_speaker(doc, qi, sentence, said)
        if key:
            said.append(Said(start, end, text[start:end], "direct", key, sentence))
    said = drop_repeats(doc, said)
    said.extend(indirect(doc, said))
    doc.involved.extend(x._key for x in said if x._key not in doc.involved)
    said.sort(key=lambda x: x.start)
    return [
        ExtractedStatement(
            speaker=leader_entry(doc, x._key).name,
            text=x.text,
            kind=x.kind,
            start=x.start,
            end=x.end,
            language=doc.language,
        )
        for x in said
    ]
