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
from diplomacy.extraction.trace import QuoteTrace
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
        if start >= end:
            continue
        if is_question(doc, qs):
            note_quote(doc, start, end, None, "a question: no statement")
            continue
        sentence = sentence_at(doc, qs)
        if doc.trace is not None:
            doc.trace.rule = ""
        key = quote_speaker(doc, qi, sentence, said)
        if key:
            said.append(Said(start, end, text[start:end], "direct", key, sentence))
        if doc.trace is not None:
            note_quote(doc, start, end, key and leader_entry(doc, key).name, doc.trace.rule)
    if doc.trace is not None:
        kept = drop_repeats(doc, said)
        _trace_repeats(doc, said, kept)
        said = kept
    else:
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


def note_quote(doc: Document, start: int, end: int, speaker: str | None, rule: str) -> None:
    if doc.trace is not None:
        doc.trace.quotes.append(QuoteTrace(start, end, doc.text[start:end], speaker, rule))


def _trace_repeats(doc: Document, said: list[Said], kept: list[Said]) -> None:
    """Quotations dropped as repeats of an earlier one say so in the trace."""
    left = {(x.start, x.end) for x in kept}
    for q in doc.trace.quotes:
        spoken = q.speaker and any((x.start, x.end) == (q.start, q.end) for x in said)
        if spoken and (q.start, q.end) not in left:
            q.rule += "; dropped: it repeats an earlier statement"
