"""Stage 10, placing: where a meeting took place.

Reads the places of the trigger's sentence and paragraph, the dateline and the host's
seat. Gives the meeting's place, skipping places that are the news source or a venue's
owner rather than the scene.
"""

from __future__ import annotations

from collections import Counter

from diplomacy.extraction import lexicon
from diplomacy.extraction.dating import OF, dated_elsewhere, in_quote_span
from diplomacy.extraction.document import Document, Place, sentence_at, sentence_tokens
from diplomacy.extraction.triggers import Trigger
from diplomacy.extraction.words import ACCORDING_WORDS, folded_words


def find_protagonist(doc: Document) -> str | None:
    counts = Counter(m.key for m in doc.mentions if m.kind == "name" and m.key and not m.in_quote)
    if not counts:
        return None
    first = {}
    for m in doc.mentions:
        if m.kind == "name" and m.key and m.key not in first:
            first[m.key] = m.start
    return max(counts, key=lambda k: (counts[k], -first.get(k, 0)))


def meeting_place(doc: Document, t: Trigger, s: int, e: int, current: bool):
    anchor = doc.tokens[t.ti].start

    in_roles = {k for m in doc.mentions if m.kind == "role" for k in range(m.ti, m.tj)}

    def usable(p: Place) -> bool:
        return (
            p.kind in ("city", "venue", "capital")
            and p.ti not in in_roles  # "liderul de la Kremlin" names a person, not a place
            and not p.dateline
            and (p.locative or p.kind == "venue" or _where_follows(doc, p))
            and not in_quote_span(doc, p.start)
            and not (p.kind == "venue" and not p.locative and source_place(doc, p))
            and not (p.kind == "venue" and not p.locative and of_venue(doc, p))
        )

    here = [p for p in doc.places if s <= p.start < e and usable(p)]
    if here:
        best = min(here, key=lambda p: abs(p.start - anchor))
        return best.city, best.code
    if not current:
        return None
    para = doc.paragraph_of_sentence[t.sentence]
    order = []
    for k in range(t.sentence + 1, min(len(doc.sentences), t.sentence + 3)):
        if doc.paragraph_of_sentence[k] == para or k == t.sentence + 1:
            order.append(k)
    for k in range(t.sentence - 1, max(-1, t.sentence - 3), -1):
        if doc.paragraph_of_sentence[k] == para:
            order.append(k)
    for k in order:
        ks, ke = doc.sentences[k]
        if dated_elsewhere(doc, ks, ke) or k in doc.planned_sentences:
            # "Anul trecut, ... la Cotroceni", "may meet next in Minsk": another time,
            # another place.
            continue
        near = [p for p in doc.places if ks <= p.start < ke and usable(p)]
        if near:
            return near[0].city, near[0].code
    everywhere = [
        p
        for p in doc.places
        if usable(p)
        and not source_place(doc, p)
        and doc.sent_of[p.ti] not in doc.planned_sentences
        and not dated_elsewhere(doc, *doc.sentences[sentence_at(doc, p.start)])
    ]
    if not everywhere:
        return None
    counts = Counter((p.city, p.code) for p in everywhere)
    return max(counts, key=lambda c: counts[c])


# Words before a venue that make it the source of news, not a scene: "according to the
# Kremlin", "Según la Moncloa", "Segundo o Palácio do Planalto", "Dal Cremlino".
_SOURCE_WORDS = ACCORDING_WORDS | folded_words(lexicon.every("source_words"))


_WHERE = folded_words(lexicon.every("where"))


def _where_follows(doc: Document, p: Place) -> bool:
    """ "pris l'avion pour Varsovie, où il s'est entretenu …": the scene of what follows."""
    return (
        p.tj < len(doc.tokens)
        and doc.tokens[p.tj].norm in _WHERE
        and doc.text[p.end : doc.tokens[p.tj].start].strip() == ","
    )


def of_venue(doc: Document, p: Place) -> bool:
    """ "il titolare della Farnesina", "le vagon du chef de l'Élysée": a seat of power
    that qualifies a person names no scene."""
    k = p.ti - 1
    while k >= 0 and doc.tokens[k].norm in doc.lx.determiners:
        k -= 1
    return k >= 0 and doc.tokens[k].norm in OF


def source_place(doc: Document, p: Place) -> bool:
    """ "according to the Kremlin", "the Kremlin said": a seat of power as a source."""
    span = sentence_tokens(doc, doc.sent_of[p.ti])
    if any(doc.tokens[k].norm in _SOURCE_WORDS for k in range(max(span.start, p.ti - 4), p.ti)):
        return True
    return any(doc.tokens[k].norm in doc.lx.speech for k in range(p.tj, min(span.stop, p.tj + 2)))
