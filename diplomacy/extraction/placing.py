"""Stage 10, placing: where a meeting took place.

Reads the places of the trigger's sentence and paragraph, the dateline and the host's
seat. Gives the meeting's place, skipping places that are the news source or a venue's
owner rather than the scene.
"""

from __future__ import annotations

from collections import Counter

from diplomacy.extraction import lexicon
from diplomacy.extraction.dating import OF, dated_elsewhere, in_quote_span
from diplomacy.extraction.document import (
    Document,
    Place,
    mentions_at,
    places_starting,
    sentence_at,
    sentence_tokens,
)
from diplomacy.extraction.trace import note
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

    def usable(p: Place) -> bool:
        return _usable(doc, p)

    here = [p for p in places_starting(doc, s, e) if usable(p)]
    if here:
        best = min(here, key=lambda p: abs(p.start - anchor))
        if doc.trace is not None:
            _cue(doc, best, "in its sentence, the place nearest the meeting word")
        return best.city, best.code
    if not current:
        note(doc, "place_cue", "none in its sentence, and an earlier meeting takes none nearby")
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
        near = [p for p in places_starting(doc, ks, ke) if usable(p)]
        if near:
            if doc.trace is not None:
                _cue(doc, near[0], "the first place of a sentence beside it")
            return near[0].city, near[0].code
    everywhere, counts, found = _usable_everywhere(doc)
    if not everywhere:
        note(doc, "place_cue", "no place in its sentence, beside it or in the article")
        return None
    if doc.trace is not None:
        first = next(p for p in everywhere if (p.city, p.code) == found)
        times = f"{counts[found]} times" if counts[found] > 1 else "once"
        _cue(doc, first, f"the article's most frequent place ({times})")
    return found


def _cue(doc: Document, p: Place, rule: str) -> None:
    note(doc, "place_cue", f"{rule}: «{doc.text[p.start : p.end]}»")


def _usable(doc: Document, p: Place) -> bool:
    """A place that can be a meeting's scene; what it depends on is fixed by the time
    meetings are placed, so the answer is kept per place."""
    known = doc.indexes.setdefault("usable_places", {})
    found = known.get(id(p))
    if found is None:
        found = known[id(p)] = (
            p.kind in ("city", "venue", "capital")
            # "liderul de la Kremlin" names a person, not a place
            and not any(m.kind == "role" for m in mentions_at(doc, p.ti))
            and not p.dateline
            and (p.locative or p.kind == "venue" or _where_follows(doc, p))
            and not in_quote_span(doc, p.start)
            and not (p.kind == "venue" and not p.locative and source_place(doc, p))
            and not (p.kind == "venue" and not p.locative and of_venue(doc, p))
        )
    return found


def _usable_everywhere(doc: Document) -> tuple[list[Place], Counter, tuple | None]:
    """The article's usable places outside planned or otherwise dated sentences, how often
    each is named and the most frequent: the same for every meeting of one pass
    (``doc.planned_sentences`` is set once per pass)."""
    cached = doc.indexes.get("usable_everywhere")
    if cached is not None and cached[0] is doc.planned_sentences and cached[1] is doc.places:
        return cached[2:]
    everywhere = [
        p
        for p in doc.places
        if _usable(doc, p)
        and not source_place(doc, p)
        and doc.sent_of[p.ti] not in doc.planned_sentences
        and not dated_elsewhere(doc, *doc.sentences[sentence_at(doc, p.start)])
    ]
    counts = Counter((p.city, p.code) for p in everywhere)
    found = max(counts, key=lambda c: counts[c]) if counts else None
    doc.indexes["usable_everywhere"] = (
        doc.planned_sentences,
        doc.places,
        everywhere,
        counts,
        found,
    )
    return everywhere, counts, found


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
