"""Stage 7, meeting triggers: the meeting words and phrases outside quotations.

Reads the tokens and the trigger phrase index. Gives each trigger (``Trigger``) with
its sentence and why it is blocked, if it is; sentences with a blocked trigger go to
``doc.planned_sentences``.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplomacy.extraction.document import Document
from diplomacy.extraction.modality import blocked_reason, of_organisation, particle_after
from diplomacy.extraction.prepare import candidate_tokens
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
        i += n
    return out
