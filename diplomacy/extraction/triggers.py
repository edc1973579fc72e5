"""Stage 7, meeting triggers: the meeting words and phrases outside quotations.

Reads the tokens and the trigger phrase index. Gives each trigger (``Trigger``) with
its sentence and why it is blocked, if it is; sentences with a blocked trigger go to
``doc.planned_sentences``.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplomacy.extraction.document import Document
from diplomacy.extraction.modality import (
    blocked_reason,
    modality_of,
    of_organisation,
    particle_after,
)
from diplomacy.extraction.prepare import candidate_tokens
from diplomacy.extraction.trace import CandidateTrace, PartyNote
from diplomacy.extraction.words import EVENT_NOUNS


@dataclass
class Trigger:
    ti: int
    tj: int
    weak: bool
    sentence: int
    event: bool = False  # a gathering noun ("summit"): many attend, few meet
    blocked: str = ""  # "planned" (future, wished, conditional) or "negated"


def find_triggers(doc: Document) -> list[Trigger]:
    """Meeting words outside quotations, each marked with what blocks it, if anything."""
    toks, lx = doc.tokens, doc.lx
    out = []
    i = 0
    for start in candidate_tokens(doc, lx.triggers.firsts):
        if start < i or doc.quote_of[start] >= 0:
            continue
        i = start
        n, payloads = lx.triggers.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        particle = lx.separable.get(toks[i].norm) if n == 1 else None
        if particle and not particle_after(doc, i, particle):
            i += 1
            continue
        event = n == 1 and (toks[i].norm in EVENT_NOUNS or of_organisation(doc, i + 1))
        blocked = blocked_reason(doc, i, i + n)
        out.append(Trigger(i, i + n, bool(payloads[0]) or event, doc.sent_of[i], event, blocked))
        if doc.trace is not None:
            _open_trace(doc, out[-1])
        i += n
    return out


def _open_trace(doc: Document, t: Trigger) -> None:
    """The trace of a meeting word: its modality, the rule that gave it and the words
    around it that the rule read."""
    toks = doc.tokens
    start, end = toks[t.ti].start, toks[t.tj - 1].end
    s, e = doc.sentences[t.sentence]
    verdict, rule = modality_of(doc, t.ti, t.tj)
    before = doc.text[max(s, toks[max(0, t.ti - 6)].start) : start].strip()
    after = doc.text[end : min(e, toks[min(len(toks) - 1, t.tj + 5)].end)].strip()
    c = CandidateTrace(doc.text[start:end], start, end, s, e, t.weak, t.event)
    c.modality = {"": "held", "planned": "planned", "negated": "negated"}[verdict]
    c.modality_cue = f"{rule}: «…{before} [{c.trigger}] {after}…»"
    if verdict == "negated":
        c.decision, c.reason = "dropped", "negated, cancelled or ruled out"
        for m in doc.mentions:
            if m.sentence == t.sentence and m.kind != "pronoun" and not m.in_quote:
                why = "its meeting word is negated"
                c.people.append(PartyNote(doc.text[m.start : m.end], False, why))
    doc.trace.candidates.append(c)
    doc.trace.by_trigger[t.ti] = c
