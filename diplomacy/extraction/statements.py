"""The statement stages in order: quotations → speakers → reported speech.

Reads the annotated document. Gives the direct and indirect statements with their
speakers.
"""

from __future__ import annotations

from diplomacy.extraction.document import _Doc, _sentence_at
from diplomacy.extraction.names import _entry
from diplomacy.extraction.quotes import _is_question, _quote_speaker
from diplomacy.extraction.reported import _indirect
from diplomacy.extraction.speakers import _drop_repeats, _Said
from diplomacy.extraction.types import (
    ExtractedStatement,
)


def _find_statements(doc: _Doc) -> list[ExtractedStatement]:
    said: list[_Said] = []
    text = doc.text
    for qi, (qs, qe) in enumerate(doc.quotes):
        start, end = qs, qe
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or _is_question(doc, qs):
            continue
        sentence = _sentence_at(doc, qs)
        key = _quote_speaker(doc, qi, sentence, said)
        if key:
            said.append(_Said(start, end, text[start:end], "direct", key, sentence))
    said = _drop_repeats(doc, said)
    said.extend(_indirect(doc, said))
    doc.involved.extend(x._key for x in said if x._key not in doc.involved)
    said.sort(key=lambda x: x.start)
    return [
        ExtractedStatement(
            speaker=_entry(doc, x._key).name,
            text=x.text,
            kind=x.kind,
            start=x.start,
            end=x.end,
            language=doc.language,
        )
        for x in said
    ]
