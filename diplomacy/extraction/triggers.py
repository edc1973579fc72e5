"""Stage 7, meeting triggers: the meeting words and phrases outside quotations.

Reads the tokens and the trigger phrase index. Gives each trigger (``_Trigger``) with
its sentence and why it is blocked, if it is; sentences with a blocked trigger go to
``doc.planned_sentences``.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplomacy.extraction.document import _EVENT_NOUNS, _Doc
from diplomacy.extraction.modality import _blocked, _of_organisation, _particle_after
from diplomacy.extraction.prepare import _candidates


@dataclass
class _Trigger:
    ti: int
    tj: int
    weak: bool
    sentence: int
    event: bool = False  # a gathering noun ("summit"): many attend, few meet
    blocked: str = ""  # "planned" (future, wished, conditional) or "negated"


def _find_triggers(doc: _Doc) -> list[_Trigger]:
    """Meeting words outside quotations, each marked with what blocks it, if anything."""
    toks, lx = doc.tokens, doc.lx
    out = []
    i = 0
    for start in _candidates(doc, lx.triggers.firsts):
        if start < i or doc.quote_of[start] >= 0:
            continue
        i = start
        n, payloads = lx.triggers.match(toks, i, doc.language, doc.joined, forms=doc.forms)
        if not n:
            i += 1
            continue
        particle = lx.separable.get(toks[i].norm) if n == 1 else None
        if particle and not _particle_after(doc, i, particle):
            i += 1
            continue
        event = n == 1 and (toks[i].norm in _EVENT_NOUNS or _of_organisation(doc, i + 1))
        blocked = _blocked(doc, i, i + n)
        out.append(_Trigger(i, i + n, bool(payloads[0]) or event, doc.sent_of[i], event, blocked))
        i += n
    return out
